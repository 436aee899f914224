"""Orders written by the server (a hold sold at the counter today; the ingestion path later)
and what an order does to the customer's items of interest: an open interest in a product,
or in a product's category, logged before the order became `purchased`, whatever the
channel."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import OrderData, OrderLineData, price_to_wire
from sync.server.documents import interest_data, publish_customer, publish_customer_child
from sync.server.models import Customer, Interest, Order, OrderLine, Product
from sync.server.summaries import refresh
from sync.server.timeutil import as_utc, iso


def order_payload(order: Order | Any, lines: Iterable[tuple[str, str, int, Decimal]]) -> OrderData:
    """An order's document, from its row (or anything with the same fields: the ingestion's
    in-memory orders) and its lines as (sku, name, quantity, unit price)."""
    refunded = order.refunded_jpy if isinstance(order, Order) else order.refunded
    total = order.total_jpy if isinstance(order, Order) else order.total
    data = OrderData(
        id=order.id,
        customer_id=order.customer_id,
        channel=order.channel,
        store_id=order.store_id,
        ordered_at=iso(order.ordered_at),
        total_jpy=price_to_wire(total),
        status=order.status,
        attributed_staff_id=order.attributed_staff_id,
        attributed_followup_id=order.attributed_followup_id,
        lines=[
            OrderLineData(
                sku=sku, name=name, quantity=quantity, unit_price_jpy=price_to_wire(price)
            )
            for sku, name, quantity, price in lines
        ],
    )
    # Only orders sent by another system carry these (a counter sale's document is as it was).
    if order.source is not None:
        data["source"] = order.source
    if refunded is not None:
        data["refunded_jpy"] = price_to_wire(refunded)
    return data


def order_data(order: Order, lines: list[OrderLine]) -> OrderData:
    return order_payload(
        order, ((line.sku, line.name, line.quantity, line.unit_price_jpy) for line in lines)
    )


def record_order(session: Session, customer: Customer, order: Order, lines: list[OrderLine]) -> int:
    """Write an order with its lines, publish it with the customer, and mark the interests it
    fulfils; returns how many interests became purchased."""
    session.add(order)
    session.flush()
    for line in lines:
        session.add(line)
    session.flush()
    data = order_data(order, lines)
    publish_customer_child(session, customer.region, "order", order.id, data)
    changed = mark_purchased(session, customer, order.ordered_at, [line.sku for line in lines])
    refresh(session, [customer.id])  # the profile adds up again
    publish_customer(session, customer)
    return changed


def mark_purchased(
    session: Session, customer: Customer, ordered_at: datetime, skus: list[str]
) -> int:
    """Open interests of `customer` logged before `ordered_at` in one of `skus`, or in the
    category of one of them, become purchased (and travel to the terminals)."""
    if not skus:
        return 0
    categories = set(
        session.execute(select(Product.category).where(col(Product.sku).in_(skus))).scalars()
    )
    rows = session.execute(
        select(Interest).where(
            Interest.customer_id == customer.id,
            Interest.status == "open",
        )
    ).scalars()
    changed = 0
    moment = as_utc(ordered_at)
    for row in rows:
        if as_utc(row.created_at) > moment:
            continue
        by_product = row.sku is not None and row.sku in skus
        by_category = row.sku is None and row.category is not None and row.category in categories
        if not (by_product or by_category):
            continue
        row.status = "purchased"
        session.flush()
        publish_customer_child(session, customer.region, "interest", row.id, interest_data(row))
        changed += 1
    return changed


def store_sale(
    session: Session,
    *,
    order_id: str,
    customer: Customer,
    store_id: str,
    staff_id: str,
    sku: str,
    quantity: int,
    at: datetime,
) -> Order:
    """A sale at the counter of one product (a hold fulfilled): a store order, credited to the
    staff member who made it."""
    product = session.get(Product, sku)
    price = product.price_jpy if product is not None else Decimal(0)
    name = product.name if product is not None else sku
    order = Order(
        id=order_id,
        customer_id=customer.id,
        channel="store",
        store_id=store_id,
        ordered_at=at,
        total_jpy=price * quantity,
        status="completed",
        attributed_staff_id=staff_id,
    )
    line = OrderLine(
        order_id=order_id, line_no=1, sku=sku, name=name, quantity=quantity, unit_price_jpy=price
    )
    record_order(session, customer, order, [line])
    return order
