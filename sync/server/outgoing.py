"""A claimed batch of messages read at once (the messages, their receipts, the consent ledger,
the customers' addresses, the follow-ups and categories for the links: a few queries per
batch, not per message), and each message made into what its provider is handed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.server.bulk_sql import chunks, one_of
from sync.server.cart_links import cart_url, category_url, open_pixel_url
from sync.server.config import Settings
from sync.server.documents import consent_states
from sync.server.models import (
    Category,
    Customer,
    CustomerIdentity,
    FollowUp,
    Message,
    ProviderReceipt,
)
from sync.server.providers import Outgoing


@dataclass
class Batch:
    messages: dict[str, Message] = field(default_factory=dict)
    receipts: dict[str, ProviderReceipt] = field(default_factory=dict)  # by key
    consents: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    customers: dict[str, Customer] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)  # customer id -> LINE user id
    followups: dict[str, FollowUp] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, ids: list[str]) -> Batch:
        found = cls()
        for part in chunks(ids):
            for m in session.execute(
                select(Message).where(one_of(session, col(Message.id), part))
            ).scalars():
                found.messages[m.id] = m
        rows = list(found.messages.values())
        customer_ids = sorted({m.customer_id for m in rows})
        keys = [m.key for m in rows]
        for part in chunks(keys):
            for r in session.execute(
                select(ProviderReceipt).where(one_of(session, col(ProviderReceipt.key), part))
            ).scalars():
                found.receipts[r.key] = r
        for cid, consents in consent_states(session, customer_ids).items():
            found.consents[cid] = {(c["purpose"], c["channel"]): c["state"] for c in consents}
        for part in chunks(customer_ids):
            for c in session.execute(
                select(Customer).where(one_of(session, col(Customer.id), part))
            ).scalars():
                found.customers[c.id] = c
            for cid, value in session.execute(
                select(CustomerIdentity.customer_id, CustomerIdentity.value).where(
                    one_of(session, col(CustomerIdentity.customer_id), part),
                    col(CustomerIdentity.kind) == "line_user",
                )
            ).all():
                found.lines[cid] = value
        for part in chunks(sorted({m.followup_id for m in rows})):
            for f in session.execute(
                select(FollowUp).where(one_of(session, col(FollowUp.id), part))
            ).scalars():
                found.followups[f.id] = f
        codes = {c for f in found.followups.values() for c in json.loads(f.categories_json)}
        if codes:
            for cat in session.execute(
                select(Category).where(col(Category.code).in_(sorted(codes)))
            ).scalars():
                found.categories[cat.code] = cat
        session.expunge_all()  # read once, used after the session closed
        return found

    def blocked(self, row: Message) -> str | None:
        """Why the ledger does not allow this message now (None: it does)."""
        state = self.consents.get(row.customer_id, {}).get((row.purpose, row.channel))
        if row.purpose == "marketing" and state != "granted":
            return "no_consent"
        if row.purpose != "marketing" and state == "withdrawn":
            return "no_consent"
        return None

    def region(self, row: Message) -> str | None:
        customer = self.customers.get(row.customer_id)
        return customer.region if customer else None

    def outgoing(self, row: Message, settings: Settings) -> Outgoing | None:
        """The message as its provider gets it (None: the customer has no address for it)."""
        customer = self.customers.get(row.customer_id)
        if customer is None:
            return None
        to = {
            "email": customer.email,
            "sms": customer.phone,
            "line": self.lines.get(customer.id),
        }.get(row.channel)
        if not to:
            return None
        base = settings.public_base_url
        link = f"{base.rstrip('/')}/u/{row.key}" if base and row.purpose == "marketing" else None
        cart, blocks, pixel = self._links(row, settings)
        return Outgoing(
            row.key,
            row.channel,
            to,
            row.subject,
            row.body,
            row.language,
            link,
            cart_url=cart,
            blocks=blocks,
            pixel_url=pixel if row.channel == "email" else None,
        )

    def _links(
        self, row: Message, settings: Settings
    ) -> tuple[str | None, tuple[tuple[str, str], ...], str | None]:
        """The cart of the follow-up's items, a block per recommended category, the open
        pixel."""
        token = row.link_token
        f = self.followups.get(row.followup_id)
        if token is None or f is None:
            return None, (), None
        skus: list[str] = json.loads(f.skus_json)
        cart = cart_url(settings, token, [(sku, 1) for sku in skus]) if skus else None
        blocks = []
        for code in json.loads(f.categories_json):
            cat = self.categories.get(code)
            url = category_url(settings, token, code) if cat else None
            if cat and url:
                blocks.append((cat.label_ja if row.language == "ja" else cat.label_en, url))
        return cart, tuple(blocks), open_pixel_url(settings, token)
