"""Lane B: reservation.request/cancel/extend/fulfil. Only the server decides, by one UPDATE.

`UPDATE inventory SET reserved = reserved + q WHERE ... AND on_hand - reserved >= q` either
takes the stock or touches no row; with the CHECK constraint this never oversells, whatever
the concurrency.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import ReservationRefArgs, ReservationRequestArgs
from sync.server.documents import publish_inventory, publish_reservation
from sync.server.models import Inventory, Product, Reservation, Store, table_of
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
    require_store,
)
from sync.server.timeutil import iso


def _outcome(row: Reservation) -> dict[str, Any]:
    data: dict[str, Any] = {"id": row.id, "status": row.status}
    if row.expires_at is not None:
        data["expires_at"] = iso(row.expires_at)
    return data


def available_stock(
    session: Session, sku: str, store_id: str, region: str
) -> tuple[int, list[dict[str, Any]]]:
    """Free quantity at `store_id`, and at the other stores of the region that have some."""
    rows = session.execute(
        select(Store.id, Store.name, Inventory.on_hand - Inventory.reserved)
        .join(Inventory, col(Inventory.store_id) == col(Store.id))
        .where(Inventory.sku == sku, Store.region == region)
    ).all()
    here = 0
    others: list[dict[str, Any]] = []
    for sid, name, free in rows:
        if sid == store_id:
            here = int(free)
        elif free > 0:
            others.append({"store_id": sid, "store_name": name, "available": int(free)})
    others.sort(key=lambda o: (-o["available"], o["store_name"]))
    return here, others[:10]


def _adjust(session: Session, store_id: str, sku: str, reserved: int, on_hand: int = 0) -> None:
    session.execute(
        update(Inventory)
        .where(col(Inventory.store_id) == store_id, col(Inventory.sku) == sku)
        .values(reserved=Inventory.reserved + reserved, on_hand=Inventory.on_hand + on_hand)
    )
    publish_inventory(session, store_id, sku)


@handles("reservation.request")
def request_reservation(ctx: MutationContext, args: ReservationRequestArgs) -> dict[str, Any]:
    if ctx.client_time is not None and ctx.now - ctx.client_time > ctx.settings.max_offline_age:
        raise Rejected(
            "too_old",
            "This request waited offline too long; check the stock and request again.",
            {"status": "rejected"},
        )
    existing = ctx.session.get(Reservation, args.id)
    if existing is not None:
        # The same request sent under another mutation id: report the stored outcome.
        return _outcome(existing)
    customer = load_customer(ctx, args.customer_id)
    require_store(ctx, args.store_id, "store")
    if ctx.session.get(Product, args.sku) is None:
        raise Rejected("not_found", "The product does not exist.", {"status": "rejected"})
    stock_store_id = args.store_id
    if args.kind == "transfer":
        if args.from_store_id is None:
            raise Rejected(
                "invalid_args", "A transfer needs from_store_id.", {"status": "rejected"}
            )
        stock_store_id = args.from_store_id
    stock_store = ctx.session.get(Store, stock_store_id)
    if stock_store is None:
        raise Rejected("not_found", "The store does not exist.", {"status": "rejected"})
    inventory = table_of(Inventory)
    taken = ctx.session.execute(
        update(inventory)
        .where(
            inventory.c.store_id == stock_store_id,
            inventory.c.sku == args.sku,
            inventory.c.on_hand - inventory.c.reserved >= args.quantity,
        )
        .values(reserved=inventory.c.reserved + args.quantity)
        .returning(inventory.c.reserved)
    ).first()
    if taken is None:
        here, others = available_stock(ctx.session, args.sku, stock_store_id, stock_store.region)
        raise Rejected(
            "no_stock",
            "Not enough free stock for this request.",
            {"status": "rejected", "available": here, "alternatives": others},
        )
    row = Reservation(
        id=args.id,
        customer_id=customer.id,
        store_id=args.store_id,
        stock_store_id=stock_store_id,
        sku=args.sku,
        quantity=args.quantity,
        kind=args.kind,
        status="confirmed",
        expires_at=ctx.now + ctx.settings.reservation_ttl,
        created_at=ctx.now,
        staff_id=ctx.auth.staff_id,
    )
    ctx.session.add(row)
    ctx.session.flush()
    publish_inventory(ctx.session, stock_store_id, args.sku)
    publish_reservation(ctx.session, row)
    return _outcome(row)


def _load_confirmed(ctx: MutationContext, reservation_id: str) -> Reservation:
    row = ctx.session.get(Reservation, reservation_id)
    if row is None:
        raise Rejected("not_found", "The reservation does not exist.")
    require_store(ctx, row.store_id, "reservation")
    if row.status != "confirmed":
        raise Rejected("conflict", f"The reservation is {row.status}.", _outcome(row))
    return row


@handles("reservation.cancel")
def cancel_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    row = _load_confirmed(ctx, args.id)
    _adjust(ctx.session, row.stock_store_id, row.sku, reserved=-row.quantity)
    row.status = "cancelled"
    ctx.session.flush()
    publish_reservation(ctx.session, row)
    return _outcome(row)


@handles("reservation.extend")
def extend_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    row = _load_confirmed(ctx, args.id)
    row.expires_at = ctx.now + ctx.settings.reservation_ttl
    ctx.session.flush()
    publish_reservation(ctx.session, row)
    return _outcome(row)


@handles("reservation.fulfil")
def fulfil_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    row = _load_confirmed(ctx, args.id)
    _adjust(ctx.session, row.stock_store_id, row.sku, reserved=-row.quantity, on_hand=-row.quantity)
    row.status = "fulfilled"
    row.expires_at = None
    ctx.session.flush()
    publish_reservation(ctx.session, row)
    return _outcome(row)


def expire_reservations(session: Session, now: datetime) -> int:
    """Release confirmed holds whose time ran out (by the server clock only); returns count."""
    rows = (
        session.execute(
            select(Reservation)
            .where(col(Reservation.status) == "confirmed", col(Reservation.expires_at) < now)
            .with_for_update(skip_locked=True)
        )
        .scalars()
        .all()
    )
    for row in rows:
        _adjust(session, row.stock_store_id, row.sku, reserved=-row.quantity)
        row.status = "expired"
        session.flush()
        publish_reservation(session, row)
    return len(rows)
