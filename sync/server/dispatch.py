"""The dispatcher: approved messages whose time has come are sent by the server, each at most
once, whatever runs at the same moment or dies in the middle.

1. **Claim** (one short transaction): due `approved` rows, and `sending` rows whose lease ran
   out, are taken with `FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite's writers queue) and marked
   `sending` with this dispatcher's lease. Two dispatchers never hold one message.
2. **Consent at send time**: the ledger's latest entry for the purpose and channel must allow
   it (a grant for marketing; no withdrawal for service). Otherwise `blocked`, with the reason.
3. **Send** with the message's idempotency key; the provider's acceptance is written to
   `provider_receipt` at once, then the row becomes `sent` (only while this dispatcher still
   holds the lease).
4. **A lease that ran out** (a dispatcher died): a receipt for the key means it went: `sent`.
   No receipt: a provider that deduplicates by key (`confirms_by_key`) is simply asked again;
   one that cannot (SMTP) may or may not have delivered it, so the message becomes `unknown`
   and is not sent again without a person deciding.
5. Temporary failures are retried with backoff (30 s, 1 min, 2 min, ...) up to MAX_ATTEMPTS,
   then `failed`.
"""

from __future__ import annotations

import html
import json
import logging
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate
from typing import Protocol

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.messages import DispatchReport
from sync.server import delivery
from sync.server.cart_links import cart_url, category_url, open_pixel_url
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.documents import current_consents
from sync.server.models import (
    Category,
    Customer,
    CustomerIdentity,
    FollowUp,
    Message,
    ProviderReceipt,
)
from sync.server.timeutil import as_utc, utcnow

log = logging.getLogger(__name__)

BATCH = 100
LEASE = timedelta(seconds=120)
MAX_ATTEMPTS = 5
BACKOFF = timedelta(seconds=30)


class DeliveryError(Exception):
    """The provider did not take the message; `permanent`: trying again will not help."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class Outgoing:
    key: str  # the idempotency key
    channel: str
    to: str
    subject: str
    body: str
    language: str
    unsubscribe_url: str | None
    cart_url: str | None = None  # the cart of the follow-up's items (sync.server.cart_links)
    blocks: tuple[tuple[str, str], ...] = ()  # recommended categories: (label, link)
    pixel_url: str | None = None  # an email's open is seen when its HTML loads this

    def text(self) -> str:
        """The body as plain text, with the cart, the category blocks and the unsubscribe
        link (an SMS, a LINE message, an email's text part)."""
        ja = self.language == "ja"
        parts = [self.body]
        if self.cart_url:
            parts.append(f"{'カートを見る' if ja else 'Your cart'}: {self.cart_url}")
        if self.blocks:
            parts.append("\n".join(f"・{label}: {url}" for label, url in self.blocks))
        if self.unsubscribe_url:
            parts.append(f"{'配信停止' if ja else 'Unsubscribe'}: {self.unsubscribe_url}")
        return "\n\n".join(parts)

    def html(self) -> str:
        ja = self.language == "ja"
        page = "".join(f"<p>{html.escape(p)}</p>" for p in self.body.split("\n\n"))
        if self.cart_url:
            label = "カートを見る" if ja else "See your cart"
            page += f'<p><a class="cart" href="{html.escape(self.cart_url, quote=True)}">'
            page += f"{html.escape(label)}</a></p>"
        if self.blocks:
            page += (
                "<ul>"
                + "".join(
                    f'<li><a href="{html.escape(url, quote=True)}">{html.escape(label)}</a></li>'
                    for label, url in self.blocks
                )
                + "</ul>"
            )
        if self.unsubscribe_url:
            stop = "配信停止" if ja else "Unsubscribe"
            page += f'<p><a href="{html.escape(self.unsubscribe_url, quote=True)}">'
            page += f"{html.escape(stop)}</a></p>"
        if self.pixel_url:
            page += (
                f'<img src="{html.escape(self.pixel_url, quote=True)}" width="1" height="1" alt="">'
            )
        return f'<!doctype html><html lang="{self.language}"><body>{page}</body></html>'


class Provider(Protocol):
    name: str
    confirms_by_key: bool  # a second send with the same key is not a second message

    def send(self, message: Outgoing) -> str:
        """Hand the message over; returns the provider's id for it. Raises DeliveryError."""
        ...


class SmtpEmail:
    """Email over SMTP: a Japanese subject encoded as RFC 2047 words, a text and an HTML part,
    an unsubscribe link (and List-Unsubscribe headers), the key as the Message-ID."""

    name = "smtp"
    confirms_by_key = False

    def __init__(self, host: str, port: int, sender: str, timeout_s: float = 15.0) -> None:
        self.host, self.port, self.sender, self.timeout_s = host, port, sender, timeout_s

    def build(self, message: Outgoing) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=False)
        domain = self.sender.rsplit("@", 1)[-1] or "clienteling.invalid"
        mail["Message-ID"] = f"<{message.key}@{domain}>"
        if message.unsubscribe_url:
            mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        mail.set_content(message.text(), charset="utf-8")
        mail.add_alternative(message.html(), subtype="html", charset="utf-8")
        return mail

    def send(self, message: Outgoing) -> str:
        mail = self.build(message)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout_s) as smtp:
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError("recipient_refused", permanent=True) from exc
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(f"smtp_{exc.smtp_code}", permanent=exc.smtp_code >= 500) from exc
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(type(exc).__name__) from exc
        return str(mail["Message-ID"])


@dataclass
class RecordingProvider:
    """LINE and SMS in development and tests: records what it would send, once per key."""

    name: str
    confirms_by_key: bool = True
    sent: dict[str, Outgoing] = field(default_factory=dict)

    def send(self, message: Outgoing) -> str:
        self.sent.setdefault(message.key, message)
        return f"{self.name}:{message.key}"


@dataclass
class Dispatcher:
    engine: Engine
    providers: Mapping[str, Provider]  # by channel
    settings: Settings = field(default_factory=Settings)  # links: public address, cart format
    owner: str = field(default_factory=new_id)  # this dispatcher's name on its leases

    def run(self, now: datetime | None = None) -> DispatchReport:
        """Send what is due at `now` (the server's clock); returns what happened."""
        now = as_utc(now or utcnow())
        report = DispatchReport(sent=0, blocked=0, failed=0, retried=0, unknown=0)
        while True:
            claimed = self._claim(now)
            if not claimed:
                return report
            for message_id, recovering in claimed:
                try:
                    self._one(message_id, recovering, now, report)
                except Exception as exc:  # keep sending the others; the lease runs out
                    log.warning("dispatch of a message failed: %s", type(exc).__name__)
            if len(claimed) < BATCH:
                return report

    def _claim(self, now: datetime) -> list[tuple[str, bool]]:
        with write_session(self.engine) as session:
            query = (
                select(Message.id, Message.status)
                .where(
                    ((col(Message.status) == "approved") & (col(Message.send_after) <= now))
                    | ((col(Message.status) == "sending") & (col(Message.lease_until) < now))
                )
                .where(col(Message.channel).in_(list(self.providers)))
                .order_by(col(Message.send_after))
                .limit(BATCH)
            )
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = session.execute(query).all()
            ids = [r[0] for r in rows]
            if ids:
                session.execute(
                    update(Message)
                    .where(col(Message.id).in_(ids))
                    .values(
                        status="sending",
                        lease_owner=self.owner,
                        lease_until=now + LEASE,
                        attempts=Message.attempts + 1,
                    )
                )
            return [(mid, status == "sending") for mid, status in rows]

    def _finish(self, message_id: str, **values: object) -> bool:
        """Record the outcome while this dispatcher still holds the message, and show it on
        the follow-up (a retry stays `queued` there)."""
        with write_session(self.engine) as session:
            done = session.execute(
                update(Message)
                .where(
                    col(Message.id) == message_id,
                    col(Message.status) == "sending",
                    col(Message.lease_owner) == self.owner,
                )
                .values(lease_owner=None, lease_until=None, **values)
            )
            if not getattr(done, "rowcount", 0):
                return False
            row = session.get(Message, message_id)
            if row is not None and row.status != "approved":
                delivery.note(session, row, row.status, as_utc(row.sent_at or utcnow()))
            return True

    def _one(
        self, message_id: str, recovering: bool, now: datetime, report: DispatchReport
    ) -> None:
        with read_session(self.engine) as session:
            row = session.get(Message, message_id)
            if row is None:
                return
            receipt = session.get(ProviderReceipt, row.key)
            provider = self.providers.get(row.channel)
            if recovering and receipt is not None:
                if self._finish(
                    message_id,
                    status="sent",
                    sent_at=receipt.accepted_at,
                    provider_id=receipt.provider_id,
                ):
                    report.sent += 1
                return
            if recovering and (provider is None or not provider.confirms_by_key):
                if self._finish(message_id, status="unknown", last_error="interrupted_mid_send"):
                    report.unknown += 1
                return
            blocked = _blocked(session, row)
            outgoing = None if blocked else _outgoing(session, row, self.settings)
        if blocked or outgoing is None:
            reason = blocked or "no_address"
            if self._finish(message_id, status="blocked", blocked_reason=reason):
                report.blocked += 1
            return
        if provider is None:
            if self._finish(message_id, status="failed", last_error="no_provider"):
                report.failed += 1
            return
        try:
            provider_id = provider.send(outgoing)
        except DeliveryError as exc:
            self._failed(row, exc, now, report)
            return
        with write_session(self.engine) as session:
            session.merge(
                ProviderReceipt(
                    key=row.key,
                    provider=provider.name,
                    provider_id=provider_id[:200],
                    accepted_at=utcnow(),
                )
            )
        if self._finish(message_id, status="sent", sent_at=utcnow(), provider_id=provider_id[:200]):
            report.sent += 1

    def _failed(
        self, row: Message, exc: DeliveryError, now: datetime, report: DispatchReport
    ) -> None:
        if exc.permanent or row.attempts + 1 >= MAX_ATTEMPTS:
            if self._finish(row.id, status="failed", last_error=exc.reason[:200]):
                report.failed += 1
            return
        retry_at = now + BACKOFF * (2**row.attempts)
        if self._finish(
            row.id, status="approved", send_after=retry_at, last_error=exc.reason[:200]
        ):
            report.retried += 1


def providers_for(settings: Settings) -> dict[str, Provider]:
    """Email over SMTP when a host is set (else email waits); LINE and SMS recorded."""
    found: dict[str, Provider] = {
        "line": RecordingProvider("line"),
        "sms": RecordingProvider("sms"),
    }
    if settings.smtp_host:
        found["email"] = SmtpEmail(settings.smtp_host, settings.smtp_port, settings.mail_from)
    return found


def _blocked(session: Session, row: Message) -> str | None:
    """Why the ledger does not allow this message now (None: it does)."""
    states = {
        (c["purpose"], c["channel"]): c["state"] for c in current_consents(session, row.customer_id)
    }
    state = states.get((row.purpose, row.channel))
    if row.purpose == "marketing" and state != "granted":
        return "no_consent"
    if row.purpose != "marketing" and state == "withdrawn":
        return "no_consent"
    return None


def _outgoing(session: Session, row: Message, settings: Settings) -> Outgoing | None:
    customer = session.get(Customer, row.customer_id)
    if customer is None:
        return None
    to: str | None
    if row.channel == "email":
        to = customer.email
    elif row.channel == "sms":
        to = customer.phone
    else:
        to = session.execute(
            select(CustomerIdentity.value).where(
                col(CustomerIdentity.customer_id) == customer.id,
                col(CustomerIdentity.kind) == "line_user",
            )
        ).scalar_one_or_none()
    if not to:
        return None
    base = settings.public_base_url
    link = f"{base.rstrip('/')}/u/{row.key}" if base and row.purpose == "marketing" else None
    cart, blocks, pixel = _links(session, row, settings)
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
    session: Session, row: Message, settings: Settings
) -> tuple[str | None, tuple[tuple[str, str], ...], str | None]:
    """The cart of the follow-up's items, a block per recommended category, the open pixel."""
    token = row.link_token
    f = session.get(FollowUp, row.followup_id)
    if token is None or f is None:
        return None, (), None
    skus: list[str] = json.loads(f.skus_json)
    cart = cart_url(settings, token, [(sku, 1) for sku in skus]) if skus else None
    codes: list[str] = json.loads(f.categories_json)
    blocks = []
    for c in session.execute(select(Category).where(col(Category.code).in_(codes))).scalars():
        url = category_url(settings, token, c.code)
        if url:
            blocks.append((c.label_ja if row.language == "ja" else c.label_en, url))
    return cart, tuple(blocks), open_pixel_url(settings, token)
