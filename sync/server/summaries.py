"""What a profile adds up to, over every channel: lifetime value, order count, the last
purchase per channel, the preferred store and channel, favourite categories, sizes, open
support inquiries. Recomputed for the customers a write touched (a few set-based queries for a
whole batch), stored in `customer_summary`, and sent inside the customer's document.

Rules: a cancelled order does not count; an order's value is its total less what was refunded
(a return without a refund amount counts nothing). The preferred store and channel are those
of the most orders (the latest wins a tie). Favourite categories are the three most bought by
quantity. Sizes are the size marks (`M`, `XL`, `110cm`, `480mm`, `24.5cm`) in the names of
what they bought in sized categories (clothes, helmets, frames: `Category.sized`), most
frequent first, at most three.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sync.protocol import SummaryData, price_to_wire
from sync.server.bulk_sql import chunk_size, chunks, insert_many, one_of
from sync.server.changes import forget_touched, touched_buckets
from sync.server.db import write_session
from sync.server.models import (
    Activity,
    Category,
    Customer,
    CustomerSummary,
    Order,
    OrderLine,
    Product,
    table_of,
)
from sync.server.timeutil import as_utc, iso, utcnow

_SIZE = re.compile(
    r"(?<![0-9A-Za-z.])(XXS|XS|S|M|L|XL|XXL|3L|4L|\d{2,3}(?:\.\d)?(?:cm|mm))(?![0-9A-Za-z])"
)
OPEN_INQUIRY = ("open", "pending")
# The first key of the advisory locks taken per customer (the second is from their id).
_LOCK_SPACE = 7301
log = logging.getLogger(__name__)


def sizes_in(name: str) -> list[str]:
    return _SIZE.findall(name)


def _empty() -> dict[str, Any]:
    return {
        "value": Decimal(0),
        "count": 0,
        "last": {},
        "stores": Counter(),
        "store_latest": {},
        "channels": Counter(),
        "channel_latest": {},
        "categories": Counter(),
        "sizes": Counter(),
        "inquiries": 0,
    }


def compute(session: Session, customer_ids: Iterable[str]) -> dict[str, SummaryData]:
    """The summaries of `customer_ids`, from their orders and inquiries as they are now."""
    ids = sorted(set(customer_ids))
    acc: dict[str, dict[str, Any]] = {cid: _empty() for cid in ids}
    orders, lines, acts = table_of(Order), table_of(OrderLine), table_of(Activity)
    products, categories = table_of(Product), table_of(Category)
    size = chunk_size(session)
    for part in chunks(ids, size):
        rows = session.execute(
            select(
                orders.c.customer_id,
                orders.c.channel,
                orders.c.store_id,
                orders.c.ordered_at,
                orders.c.total_jpy,
                orders.c.refunded_jpy,
                orders.c.status,
            ).where(one_of(session, orders.c.customer_id, part))
        ).all()
        for cid, channel, store_id, at, total, refunded, status in rows:
            if status == "cancelled":
                continue
            a = acc[cid]
            if status == "returned" and refunded is None:
                refunded = total
            a["value"] += Decimal(total) - Decimal(refunded or 0)
            a["count"] += 1
            moment = as_utc(at)
            if channel not in a["last"] or a["last"][channel] < moment:
                a["last"][channel] = moment
            a["channels"][channel] += 1
            a["channel_latest"][channel] = max(moment, a["channel_latest"].get(channel, moment))
            if store_id is not None:
                a["stores"][store_id] += 1
                a["store_latest"][store_id] = max(moment, a["store_latest"].get(store_id, moment))
        bought = session.execute(
            select(
                orders.c.customer_id,
                lines.c.quantity,
                lines.c.name,
                products.c.category,
                categories.c.sized,
            )
            .join(lines, lines.c.order_id == orders.c.id)
            .join(products, products.c.sku == lines.c.sku, isouter=True)
            .join(categories, categories.c.code == products.c.category, isouter=True)
            .where(one_of(session, orders.c.customer_id, part), orders.c.status != "cancelled")
        ).all()
        for cid, quantity, name, category, sized in bought:
            a = acc[cid]
            if category:
                a["categories"][category] += quantity
            for mark in sizes_in(name or "") if sized else ():
                a["sizes"][mark] += 1
        open_counts = session.execute(
            select(acts.c.customer_id, acts.c.id).where(
                one_of(session, acts.c.customer_id, part),
                acts.c.channel == "support",
                acts.c.status.in_(OPEN_INQUIRY),
            )
        ).all()
        for cid, _ in open_counts:
            acc[cid]["inquiries"] += 1
    return {cid: _summary(a) for cid, a in acc.items()}


def _favourite(counts: Counter[str], latest: dict[str, datetime]) -> str | None:
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], latest.get(k) or datetime.min, k))


def _summary(a: dict[str, Any]) -> SummaryData:
    return SummaryData(
        lifetime_jpy=price_to_wire(a["value"]),
        order_count=a["count"],
        last_purchase={ch: iso(at) for ch, at in sorted(a["last"].items())},
        preferred_store_id=_favourite(a["stores"], a["store_latest"]),
        preferred_channel=_favourite(a["channels"], a["channel_latest"]),
        favourite_categories=[c for c, _ in sorted(a["categories"].items(), key=_rank)[:3]],
        sizes=[s for s, _ in sorted(a["sizes"].items(), key=_rank)[:3]],
        open_inquiries=a["inquiries"],
    )


def _rank(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def lock_customers(session: Session, customer_ids: list[str]) -> None:
    """PostgreSQL: one advisory lock per customer, to commit. Of two writers adding up one
    customer at once the later then reads what the earlier wrote, so the last summary stored
    is always complete."""
    if session.get_bind().dialect.name != "postgresql" or not customer_ids:
        return
    keys = sorted({uuid.UUID(cid).int & 0x7FFFFFFF for cid in customer_ids})
    session.execute(
        text(
            "SELECT pg_advisory_xact_lock(:space, k) FROM "
            "(SELECT unnest(CAST(:keys AS integer[])) AS k ORDER BY k) AS o"
        ),
        {"space": _LOCK_SPACE, "keys": keys},
    )


def refresh(session: Session, customer_ids: Iterable[str]) -> dict[str, SummaryData]:
    """Recompute and store the summaries of `customer_ids` (locked first); returns them."""
    ids = sorted(set(customer_ids))
    lock_customers(session, ids)
    found = compute(session, ids)
    now = utcnow()
    rows = [
        {"customer_id": cid, "data_json": json.dumps(data, ensure_ascii=False), "updated_at": now}
        for cid, data in sorted(found.items())
    ]
    insert_many(
        session,
        table_of(CustomerSummary),
        rows,
        upsert=(("customer_id",), ("data_json", "updated_at")),
    )
    return found


def refresh_after(engine: Engine, customer_ids: set[str]) -> set[str]:
    """After a write is in: the summaries of `customer_ids` computed again and sent with the
    customers' documents, in a transaction of their own; returns the buckets written.

    Each customer is locked first (`lock_customers`). A deadlock or serialization failure is
    tried again; a summary that still fails is left for the next event (logged).
    """
    if not customer_ids:
        return set()
    from sync.server.documents import publish_customers  # documents reads stored summaries

    ids = sorted(customer_ids)
    for attempt in range(3):
        try:
            with write_session(engine) as session:
                refresh(session, ids)
                customers: list[Customer] = []
                for part in chunks(ids, chunk_size(session)):
                    customers.extend(
                        session.execute(
                            select(Customer).where(one_of(session, Customer.id, part))
                        ).scalars()
                    )
                publish_customers(session, customers)
                buckets = touched_buckets(session)
                forget_touched(session)
            return buckets
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in ("40P01", "40001") or attempt == 2:
                log.warning("customer summaries not refreshed: %s", type(exc).__name__)
                return set()
    return set()


def stored(session: Session, customer_ids: Iterable[str]) -> dict[str, SummaryData]:
    table = table_of(CustomerSummary)
    found: dict[str, SummaryData] = {}
    for part in chunks(sorted(set(customer_ids)), chunk_size(session)):
        rows = session.execute(
            select(table.c.customer_id, table.c.data_json).where(
                one_of(session, table.c.customer_id, part)
            )
        ).all()
        found.update({cid: json.loads(data) for cid, data in rows})
    return found
