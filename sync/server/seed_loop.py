"""The demo's follow-up loop so far: the last weeks of follow-ups, messages and credited sales.

A demo seeded today would otherwise open the manager's Results page on zeros. This replays
what the loop would have done over the `days` before the chain's reference moment, through
the loop's own pieces: the visits with interests and the store purchases the rules follow up
(same rules, same plan keys, so the planner does not plan them again), the server's drafted
text, consent as the ledger holds it (only customers who granted email marketing; now and
then the staff member called instead), the delivery status on the follow-up, and the sales that came
back as orders through ingestion with the message's cart link, credited by the attribution
rule like any other order. Deterministic for a (chain, seed, reference).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.ingest import CustomerRef, IngestEvent, OrderIn, OrderLineIn
from sync.server import delivery
from sync.server.cart_links import link_key, new_token
from sync.server.db import write_session
from sync.server.documents import consent_states
from sync.server.ingest.bulk import apply_events
from sync.server.integrations import IntegrationAuth
from sync.server.messages import draft_text
from sync.server.models import (
    Customer,
    FollowUp,
    Interest,
    Message,
    Order,
    OrderLine,
    Product,
    Store,
)
from sync.server.timeutil import as_utc

SOURCE = "demo-shop"
AUTH = IntegrationAuth(
    credential_id="demo-loop",
    source=SOURCE,
    kinds=frozenset({"order"}),
    creates_customers=False,
    home_store_id=None,
)
_OPENED, _CLICKED, _BOUGHT_AFTER_CLICK, _BOUGHT_AFTER_OPEN = 0.62, 0.45, 0.5, 0.15
_CALLED = 0.1  # the staff member called instead of writing


@dataclass
class LoopReport:
    followups: int = 0
    messages: int = 0
    credited: int = 0
    by_store: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Contact:
    rule: str
    kind: str
    customer: Customer
    store: Store
    staff_id: str
    anchor: datetime  # the visit or the purchase
    offset_days: int
    plan_key: str
    skus: list[str]
    categories: list[str]
    interest_ids: list[str]
    order_ids: list[str]


def seed_loop_history(
    engine: Engine, reference: datetime, *, days: int = 90, seed: int = 1
) -> LoopReport:
    """Follow-ups of the `days` before `reference` (ending a week before it), done; returns
    what was written. No-op (an empty report) when follow-ups already exist."""
    rng = random.Random(f"clienteling-demo:loop:{seed}")
    report = LoopReport()
    sales: list[IngestEvent] = []
    with write_session(engine) as session:
        if session.execute(select(FollowUp.id).limit(1)).first() is not None:
            return report
        since, until = (
            as_utc(reference) - timedelta(days=days),
            as_utc(reference) - timedelta(days=7),
        )
        contacts = [*_visits(session, since, until), *_purchases(session, since, until)]
        granted = consent_states(session, sorted({c.customer.id for c in contacts}))
        key = link_key(session)
        for contact in contacts:
            email_ok = contact.customer.email is not None and any(
                c["purpose"] == "marketing" and c["channel"] == "email" and c["state"] == "granted"
                for c in granted.get(contact.customer.id, [])
            )
            if not email_ok:
                continue  # the planner has no channel for them either
            called = rng.random() < _CALLED
            row = _followup(session, contact, rng, called)
            report.followups += 1
            report.by_store[contact.store.code] = report.by_store.get(contact.store.code, 0) + 1
            if called:
                continue
            message = _message(session, row, key, rng)
            report.messages += 1
            sale = _sale(session, contact, row, message, rng)
            if sale is not None:
                sales.append(sale)
    for n in range(0, len(sales), 200):
        apply_events(engine, AUTH, sales[n : n + 200], _no_pokes)
    with write_session(engine) as session:
        report.credited = len(
            session.execute(
                select(FollowUp.id).where(col(FollowUp.credited_order_id).is_not(None))
            ).all()
        )
    return report


def _no_pokes(buckets: Iterable[str]) -> None:
    """Seeding happens before any terminal is listening."""


def _visits(session: Session, since: datetime, until: datetime) -> list[_Contact]:
    """Interests logged at a visit (customer, store, local day), as the visit rule groups them."""
    rows = session.execute(
        select(Interest, Customer, Store)
        .join(Customer, col(Customer.id) == col(Interest.customer_id))
        .join(Store, col(Store.id) == col(Interest.store_id))
        .where(col(Interest.created_at) >= since, col(Interest.created_at) < until)
        .order_by(col(Interest.created_at), col(Interest.id))
    ).all()
    grouped: dict[tuple[str, str, str], list[tuple[Interest, Customer, Store]]] = {}
    for interest, customer, store in rows:
        day = as_utc(interest.created_at).astimezone(ZoneInfo(store.timezone)).date().isoformat()
        grouped.setdefault((customer.id, store.id, day), []).append((interest, customer, store))
    return [
        _Contact(
            rule="visit_few_days",
            kind="after_visit",
            customer=found[0][1],
            store=found[0][2],
            staff_id=found[0][0].staff_id,
            anchor=as_utc(found[0][0].created_at),
            offset_days=3,
            plan_key=f"visit_few_days:{cid}:{sid}:{day}",
            skus=list(dict.fromkeys(i.sku for i, _, _ in found if i.sku)),
            categories=list(dict.fromkeys(i.category for i, _, _ in found if i.category)),
            interest_ids=[i.id for i, _, _ in found],
            order_ids=[],
        )
        for (cid, sid, day), found in grouped.items()
    ]


def _purchases(session: Session, since: datetime, until: datetime) -> list[_Contact]:
    """Store purchases made with a staff member: the check-in a week later."""
    rows = session.execute(
        select(Order, Customer, Store)
        .join(Customer, col(Customer.id) == col(Order.customer_id))
        .join(Store, col(Store.id) == col(Order.store_id))
        .where(
            col(Order.ordered_at) >= since,
            col(Order.ordered_at) < until,
            col(Order.channel) == "store",
            col(Order.status) == "completed",
            col(Order.attributed_staff_id).is_not(None),
        )
        .order_by(col(Order.ordered_at), col(Order.id))
    ).all()
    return [
        _Contact(
            rule="purchase_check_in",
            kind="check_in",
            customer=customer,
            store=store,
            staff_id=str(order.attributed_staff_id),
            anchor=as_utc(order.ordered_at),
            offset_days=7,
            plan_key=f"purchase_check_in:{order.id}",
            skus=[],
            categories=[],
            interest_ids=[],
            order_ids=[order.id],
        )
        for order, customer, store in rows
    ]


def _followup(session: Session, contact: _Contact, rng: random.Random, called: bool) -> FollowUp:
    zone = ZoneInfo(contact.store.timezone)
    day = contact.anchor.astimezone(zone).date() + timedelta(days=contact.offset_days)
    while day.weekday() >= 5 and contact.rule == "visit_few_days":  # before the weekend
        day -= timedelta(days=1)
    due = datetime.combine(day, time(18 + int(rng.random() * 3), 0), zone)
    row = FollowUp(
        id=new_id(),
        customer_id=contact.customer.id,
        store_id=contact.store.id,
        staff_id=contact.staff_id,
        due_date=day,
        due_at=as_utc(due),
        channel="phone" if called else "email",
        kind=contact.kind,
        status="done" if called else "planned",
        result="called" if called else None,
        outcome="お電話でご様子を伺いました" if called else "",
        created_at=contact.anchor + timedelta(hours=1),
        updated_at=as_utc(due),
        rule_code=contact.rule,
        plan_key=contact.plan_key,
        purpose="marketing",
        skus_json=json.dumps(contact.skus),
        categories_json=json.dumps(contact.categories),
        interest_ids_json=json.dumps(contact.interest_ids),
        order_ids_json=json.dumps(contact.order_ids),
    )
    session.add(row)
    session.flush()
    if called:
        delivery.publish(session, row, contact.customer.region)
    return row


def _message(session: Session, f: FollowUp, key: bytes, rng: random.Random) -> Message:
    subject, body = draft_text(session, f, "ja")
    sent = as_utc(f.due_at or f.created_at)
    row = Message(
        id=new_id(),
        followup_id=f.id,
        customer_id=f.customer_id,
        store_id=f.store_id,
        channel=f.channel,
        purpose=f.purpose,
        language="ja",
        subject=subject,
        body=body,
        status="sent",
        key=new_id(),
        created_by=f.staff_id,
        created_at=f.created_at,
        send_after=sent,
        attempts=1,
        sent_at=sent,
        link_token=new_token(key) if json.loads(f.skus_json) else None,
    )
    if rng.random() < _OPENED:
        row.opened_at = sent + timedelta(minutes=5 + int(rng.random() * 600))
        if row.link_token is not None and rng.random() < _CLICKED:
            row.clicked_at = row.opened_at + timedelta(minutes=1 + int(rng.random() * 30))
    session.add(row)
    session.flush()
    delivery.note(session, row, "sent", sent)
    for status, at in (("opened", row.opened_at), ("clicked", row.clicked_at)):
        if at is not None:
            delivery.note(session, row, status, at)
    return row


def _sale(
    session: Session, contact: _Contact, f: FollowUp, message: Message, rng: random.Random
) -> IngestEvent | None:
    """The order that came back: the cart link's items after a click; now and then another
    purchase after an opened check-in (credited by the attribution window)."""
    card = contact.customer.loyalty_card
    if card is None:
        return None
    token: str | None = None
    if message.clicked_at is not None and rng.random() < _BOUGHT_AFTER_CLICK:
        skus: list[str] = json.loads(f.skus_json)
        at, token = message.clicked_at + timedelta(minutes=8), message.link_token
    elif message.opened_at is not None and rng.random() < _BOUGHT_AFTER_OPEN:
        skus, at = _like_bought(session, contact.order_ids), message.opened_at + timedelta(days=1)
    else:
        return None
    products = list(session.execute(select(Product).where(col(Product.sku).in_(skus))).scalars())
    if not products:
        return None
    order = OrderIn(
        order_id=f"DEMO-{message.id[:13].upper()}",
        channel="online",
        status="completed",
        lines=[OrderLineIn(sku=p.sku, quantity=1, unit_price_jpy=p.price_jpy) for p in products],
        attribution_token=token,
    )
    return IngestEvent.model_validate(
        {
            "source": SOURCE,
            "event_id": f"order-{message.id}",
            "kind": "order",
            "occurred_at": at,
            "customer": CustomerRef(loyalty_card=card),
            "order": order,
        }
    )


def _like_bought(session: Session, order_ids: list[str]) -> list[str]:
    """Another product of the category bought (a second lock, the next size of clothes)."""
    bought = session.execute(
        select(Product)
        .join(OrderLine, col(OrderLine.sku) == col(Product.sku))
        .where(col(OrderLine.order_id).in_(order_ids))
        .order_by(col(OrderLine.line_no))
        .limit(1)
    ).scalar_one_or_none()
    if bought is None:
        return []
    other = session.execute(
        select(Product.sku)
        .where(col(Product.category) == bought.category, col(Product.sku) != bought.sku)
        .order_by(col(Product.sku))
        .limit(1)
    ).scalar_one_or_none()
    return [other or bought.sku]
