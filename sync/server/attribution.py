"""Attribution: which follow-up, and so which staff member, a sale is credited to. One rule:

1. An order carrying a cart link's attribution token (genuine: signed by this database) is
   credited to that link's message's follow-up (`token`), whoever placed it.
2. Otherwise, the latest message **sent** to the order's customer in the chain's attribution
   window before the order (`attribution_window_days`, default 14; 0 turns this off) takes it
   (`window`).
3. An order is credited once, when it first arrives (sent again, it keeps its credit); a
   follow-up adds up every order credited to it and remembers the first.

The interests the order fulfils become purchased by the ingestion of orders itself (any
channel, credited or not).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Protocol

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.server import delivery, followup_rules
from sync.server.bulk_sql import chunks, one_of
from sync.server.cart_links import is_genuine, link_key
from sync.server.models import FollowUp, Message, Order
from sync.server.timeutil import as_utc


class Creditable(Protocol):
    id: str
    customer_id: str
    ordered_at: datetime
    total: Decimal
    token: str | None
    attributed_staff_id: str | None
    attributed_followup_id: str | None


def credit(session: Session, orders: Sequence[Creditable]) -> int:
    """Credit each of `orders` (new ones) by the rule; returns how many were credited."""
    if not orders:
        return 0
    by_token = _by_token(session, [o.token for o in orders if o.token])
    window = timedelta(days=followup_rules.current(session).attribution_window_days)
    recent = _recent(session, orders, window) if window else {}
    credited = 0
    for order in orders:
        message, rule = by_token.get(order.token or ""), "token"
        if message is None:
            message = _latest_before(recent.get(order.customer_id, []), order, window)
            rule = "window"
        if message is None:
            continue
        f = session.get(FollowUp, message.followup_id)
        if f is None:
            continue
        session.execute(
            update(Order)
            .where(col(Order.id) == order.id)
            .values(
                attributed_followup_id=f.id, attributed_staff_id=f.staff_id, attribution_rule=rule
            )
        )
        order.attributed_followup_id, order.attributed_staff_id = f.id, f.staff_id
        f.credited_order_id = f.credited_order_id or order.id
        f.credited_jpy = (f.credited_jpy or Decimal(0)) + order.total
        f.updated_at = as_utc(order.ordered_at)
        delivery.publish(session, f)
        credited += 1
    return credited


def _by_token(session: Session, tokens: list[str]) -> dict[str, Message]:
    if not tokens:
        return {}
    key = link_key(session)
    genuine = sorted({t for t in tokens if is_genuine(key, t)})
    found: dict[str, Message] = {}
    for part in chunks(genuine):
        rows = session.execute(
            select(Message).where(one_of(session, col(Message.link_token), part))
        ).scalars()
        found.update({row.link_token: row for row in rows if row.link_token})
    return found


def _recent(
    session: Session, orders: Sequence[Creditable], window: timedelta
) -> dict[str, list[Message]]:
    """The messages sent to these orders' customers since the earliest window opened."""
    since = min(as_utc(o.ordered_at) for o in orders) - window
    found: dict[str, list[Message]] = {}
    for part in chunks(sorted({o.customer_id for o in orders})):
        rows = session.execute(
            select(Message).where(
                one_of(session, col(Message.customer_id), part),
                col(Message.status) == "sent",
                col(Message.sent_at) >= since,
            )
        ).scalars()
        for row in rows:
            found.setdefault(row.customer_id, []).append(row)
    return found


def _latest_before(messages: list[Message], order: Creditable, window: timedelta) -> Message | None:
    at = as_utc(order.ordered_at)
    inside = [
        m for m in messages if m.sent_at is not None and at - window <= as_utc(m.sent_at) <= at
    ]
    return max(inside, key=lambda m: as_utc(m.sent_at or at), default=None)
