"""Lane B: reservations of every kind. Only the server decides, and the books always balance.

Taking stock is one conditional UPDATE (`... WHERE on_hand - reserved >= q`): it takes the
stock or touches no row. Every later state change is a conditional transition of the
reservation row (`UPDATE reservation ... WHERE id = :id AND status IN (...)`) in the same
transaction as its stock move, so of two devices closing one hold at the same moment exactly
one succeeds and the stock moves once; the CHECK on inventory (`0 <= reserved <= on_hand`)
backs it up.

Kinds and states (DESIGN.md, "Reservations"):
- hold: confirmed -> fulfilled (sold here) | cancelled | expired (server clock)
- pickup (an online order collected here): confirmed -> ready -> fulfilled (collected) |
  not_collected (released; also when the pickup window runs out) | cancelled
- transfer (stock from another store): confirmed (held at the source) -> in_transit (left the
  source: its stock goes) -> ready (arrived: held here) -> fulfilled | cancelled | expired
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import ReservationRefArgs, ReservationRequestArgs
from sync.server.config import Settings
from sync.server.documents import publish_inventory, publish_reservation
from sync.server.models import Customer, Inventory, Order, Product, Reservation, Store, table_of
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
    require_store,
)
from sync.server.orders import store_sale
from sync.server.timeutil import iso

# Orders made by fulfilling a reservation get ids derived from it (one sale per reservation).
_SALE_NAMESPACE = uuid.UUID("6f1b8c8e-0c4e-4f7a-9a57-2b7e3d5b1c10")

ACTIVE = ("confirmed", "in_transit", "ready")
NOT_FOUND = "The reservation does not exist."


def outcome(row: Reservation) -> dict[str, Any]:
    data: dict[str, Any] = {"id": row.id, "status": row.status, "kind": row.kind}
    if row.expires_at is not None:
        data["expires_at"] = iso(row.expires_at)
    return data


def distance_km(a: Store, b: Store) -> float:
    """Great-circle distance between two stores (their latitude and longitude)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def available_stock(
    session: Session, sku: str, store_id: str, region: str
) -> tuple[int, list[dict[str, Any]]]:
    """Free quantity at `store_id`, and at the other stores of the region that have some,
    nearest first."""
    here_store = session.get(Store, store_id)
    rows = session.execute(
        select(Store, Inventory.on_hand - Inventory.reserved)
        .join(Inventory, col(Inventory.store_id) == col(Store.id))
        .where(Inventory.sku == sku, Store.region == region)
    ).all()
    here = 0
    others: list[dict[str, Any]] = []
    for store, free in rows:
        if store.id == store_id:
            here = int(free)
        elif free > 0:
            km = distance_km(here_store, store) if here_store is not None else 0.0
            others.append(
                {
                    "store_id": store.id,
                    "store_name": store.name,
                    "available": int(free),
                    "distance_km": round(km, 1),
                }
            )
    others.sort(key=lambda o: (o["distance_km"], o["store_name"]))
    return here, others[:10]


class _StockMoveFailed(Exception):
    """The stock row does not hold what the reservation says it does (never expected)."""


def move_stock(
    session: Session, store_id: str, sku: str, *, reserved: int, on_hand: int = 0
) -> None:
    """Move stock by the given amounts in one conditional UPDATE (never below zero)."""
    inventory = table_of(Inventory)
    moved = session.execute(
        update(inventory)
        .where(
            inventory.c.store_id == store_id,
            inventory.c.sku == sku,
            inventory.c.reserved + reserved >= 0,
            inventory.c.on_hand + on_hand >= inventory.c.reserved + reserved,
        )
        .values(reserved=inventory.c.reserved + reserved, on_hand=inventory.c.on_hand + on_hand)
        .returning(inventory.c.reserved)
    ).first()
    if moved is None:
        raise _StockMoveFailed(store_id, sku)
    publish_inventory(session, store_id, sku)


def _receive_stock(session: Session, store_id: str, sku: str, quantity: int) -> None:
    """Arrived goods are on hand here and held for the customer (a row made if needed)."""
    if session.get(Inventory, (store_id, sku)) is None:
        session.execute(
            insert(table_of(Inventory)).values(store_id=store_id, sku=sku, on_hand=0, reserved=0)
        )
    move_stock(session, store_id, sku, reserved=quantity, on_hand=quantity)


def _ttl(settings: Settings, kind: str) -> timedelta:
    return settings.pickup_ttl if kind == "pickup" else settings.reservation_ttl


def _rejected(reason: str, message: str, **data: Any) -> Rejected:
    return Rejected(reason, message, {"status": "rejected", **data})


@handles("reservation.request")
def request_reservation(ctx: MutationContext, args: ReservationRequestArgs) -> dict[str, Any]:
    if ctx.client_time is not None and ctx.now - ctx.client_time > ctx.settings.max_offline_age:
        raise _rejected(
            "too_old", "This request waited offline too long; check the stock and request again."
        )
    existing = ctx.session.get(Reservation, args.id)
    if existing is not None:
        # The same request sent under another mutation id: report the stored outcome.
        return outcome(existing)
    customer = load_customer(ctx, args.customer_id)
    require_store(ctx, args.store_id, "store")
    stock_store_id = args.store_id
    if args.kind == "transfer":
        if args.from_store_id is None or args.from_store_id == args.store_id:
            raise _rejected("invalid_args", "A transfer needs from_store_id, another store.")
        stock_store_id = args.from_store_id
    elif args.from_store_id is not None:
        raise _rejected("invalid_args", "Only a transfer comes from another store.")
    if args.order_id is not None:
        order = ctx.session.get(Order, args.order_id)
        if order is None or order.customer_id != customer.id:
            raise _rejected("not_found", "The order does not exist for this customer.")
    inventory = table_of(Inventory)
    # Taking the stock proves the product and the store exist (the stock row refers to both):
    # they are looked up only when it fails, to say why.
    taken = ctx.session.execute(
        update(inventory)
        .where(
            inventory.c.store_id == stock_store_id,
            inventory.c.sku == args.sku,
            inventory.c.on_hand - inventory.c.reserved >= args.quantity,
        )
        .values(reserved=inventory.c.reserved + args.quantity)
        .returning(inventory.c.on_hand, inventory.c.reserved)
    ).first()
    if taken is None:
        if ctx.session.get(Product, args.sku) is None:
            raise _rejected("not_found", "The product does not exist.")
        stock_store = ctx.session.get(Store, stock_store_id)
        if stock_store is None:
            raise _rejected("not_found", "The store does not exist.")
        here, others = available_stock(ctx.session, args.sku, stock_store_id, stock_store.region)
        raise _rejected(
            "no_stock",
            "Not enough free stock for this request.",
            available=here,
            alternatives=[o for o in others if o["store_id"] != args.store_id],
        )
    # A pickup is held without a clock until it is ready; holds and transfers expire.
    expires = None if args.kind == "pickup" else ctx.now + _ttl(ctx.settings, args.kind)
    row = Reservation(
        id=args.id,
        customer_id=customer.id,
        store_id=args.store_id,
        stock_store_id=stock_store_id,
        source_store_id=args.from_store_id,
        order_id=args.order_id,
        sku=args.sku,
        quantity=args.quantity,
        kind=args.kind,
        status="confirmed",
        expires_at=expires,
        created_at=ctx.now,
        updated_at=ctx.now,
        staff_id=ctx.auth.staff_id,
    )
    ctx.session.add(row)
    ctx.session.flush()
    region = ctx.auth.region if stock_store_id == ctx.auth.device_store_id else None
    publish_inventory(
        ctx.session, stock_store_id, args.sku, levels=(taken[0], taken[1]), region=region
    )
    publish_reservation(ctx.session, row)
    return outcome(row)


@dataclass(frozen=True)
class Step:
    """One transition: which kinds and states it leaves, the state it reaches, and who acts
    (the store the customer is served at, or the store the stock is held at)."""

    kinds: tuple[str, ...]
    sources: tuple[str, ...]
    target: str
    actor: str = "store"  # "store" | "stock_store" | "either"


STEPS: dict[str, Step] = {
    "cancel": Step(("hold", "pickup", "transfer"), ("confirmed", "ready"), "cancelled", "either"),
    "extend": Step(("hold", "pickup", "transfer"), ("confirmed", "ready"), "", "store"),
    "fulfil": Step(("hold",), ("confirmed",), "fulfilled"),
    "ready": Step(("pickup",), ("confirmed",), "ready"),
    "ship": Step(("transfer",), ("confirmed",), "in_transit", "stock_store"),
    "receive": Step(("transfer",), ("in_transit",), "ready"),
    "not_collected": Step(("pickup",), ("confirmed", "ready"), "not_collected"),
}
# A pickup is collected (and a transfer sold) once it is ready; a pickup handed over before
# staff marked it ready counts too.
FULFIL_FROM = {"hold": ("confirmed",), "pickup": ("confirmed", "ready"), "transfer": ("ready",)}


def _load_visible(ctx: MutationContext, reservation_id: str) -> Reservation:
    """The reservation, if the caller's store is one of its two stores (or an admin): rows of
    other stores are "not found", as ones that do not exist."""
    row = ctx.session.get(Reservation, reservation_id)
    if row is None or not (ctx.auth.is_admin or ctx.store_id in (row.store_id, row.stock_store_id)):
        raise Rejected("not_found", NOT_FOUND)
    return row


def _check_actor(ctx: MutationContext, row: Reservation, step: Step) -> None:
    if ctx.auth.is_admin:
        return
    allowed = {
        "store": (row.store_id,),
        "stock_store": (row.stock_store_id,),
        "either": (row.store_id, row.stock_store_id),
    }[step.actor]
    if ctx.store_id not in allowed:
        raise Rejected("forbidden", "This step belongs to the other store of the reservation.")


def transition(
    session: Session,
    row: Reservation,
    sources: tuple[str, ...],
    values: dict[str, Any],
) -> bool:
    """Move `row` to `values` if it is still in one of `sources`: True when this call did it.
    Re-reads the row either way."""
    table = table_of(Reservation)
    done = session.execute(
        update(table)
        .where(table.c.id == row.id, table.c.status.in_(sources))
        .values(**values)
        .returning(table.c.id)
    ).first()
    session.refresh(row)
    return done is not None


def _conflict(row: Reservation) -> Rejected:
    return Rejected("conflict", f"The reservation is {row.status}.", outcome(row))


def apply_step(ctx: MutationContext, reservation_id: str, verb: str) -> dict[str, Any]:
    """Run one named transition for the caller, stock move included, or reject it."""
    row = _load_visible(ctx, reservation_id)
    step = STEPS[verb]
    _check_actor(ctx, row, step)
    sources = FULFIL_FROM.get(row.kind, ()) if verb == "fulfil" else step.sources
    kinds = tuple(FULFIL_FROM) if verb == "fulfil" else step.kinds
    if row.kind not in kinds or row.status not in sources:
        raise _conflict(row)
    values: dict[str, Any] = {"updated_at": ctx.now}
    if verb == "extend":
        if row.expires_at is None:
            raise _conflict(row)
        values["expires_at"] = ctx.now + _ttl(ctx.settings, row.kind)
    else:
        values["status"] = step.target
    if verb == "ready":
        values["expires_at"] = ctx.now + ctx.settings.pickup_ttl
    elif verb in ("ship", "fulfil", "cancel", "not_collected"):
        values["expires_at"] = None
    elif verb == "receive":
        values["stock_store_id"] = row.store_id
        values["expires_at"] = ctx.now + ctx.settings.reservation_ttl
    held_at, quantity = row.stock_store_id, row.quantity
    if not transition(ctx.session, row, sources, values):
        raise _conflict(row)
    # The row moved in this transaction: now its stock, once.
    try:
        if verb == "fulfil" or verb == "ship":
            move_stock(ctx.session, held_at, row.sku, reserved=-quantity, on_hand=-quantity)
        elif verb == "receive":
            _receive_stock(ctx.session, row.store_id, row.sku, quantity)
        elif verb in ("cancel", "not_collected"):
            move_stock(ctx.session, held_at, row.sku, reserved=-quantity)
    except _StockMoveFailed as exc:
        raise Rejected(
            "conflict", "The stock of this reservation does not add up; ask a manager."
        ) from exc
    if verb == "fulfil" and row.order_id is None:
        _sold_here(ctx, row)
    publish_reservation(ctx.session, row)
    return outcome(row)


def _sold_here(ctx: MutationContext, row: Reservation) -> None:
    """Fulfilled at the counter: the sale is a store order of the customer (on the profile,
    credited to the staff member; it makes matching interests purchased)."""
    customer = ctx.session.get(Customer, row.customer_id)
    if customer is None:
        return
    order_id = str(uuid.uuid5(_SALE_NAMESPACE, row.id))
    store_sale(
        ctx.session,
        order_id=order_id,
        customer=customer,
        store_id=row.store_id,
        staff_id=ctx.auth.staff_id,
        sku=row.sku,
        quantity=row.quantity,
        at=ctx.now,
    )
    row.order_id = order_id
    ctx.session.flush()


@handles("reservation.cancel")
def cancel_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "cancel")


@handles("reservation.extend")
def extend_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "extend")


@handles("reservation.fulfil")
def fulfil_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "fulfil")


@handles("reservation.ready")
def ready_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "ready")


@handles("reservation.ship")
def ship_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "ship")


@handles("reservation.receive")
def receive_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "receive")


@handles("reservation.not_collected")
def not_collected_reservation(ctx: MutationContext, args: ReservationRefArgs) -> dict[str, Any]:
    return apply_step(ctx, args.id, "not_collected")


def expire_one(session: Session, reservation_id: str, now: datetime) -> bool:
    """Expire one due reservation by the server clock, stock released in the same
    transaction; False when it is not due (any more) or another sweeper holds it."""
    row = session.execute(
        select(Reservation)
        .where(
            col(Reservation.id) == reservation_id,
            col(Reservation.status).in_(("confirmed", "ready")),
            col(Reservation.expires_at) < now,
        )
        .with_for_update(skip_locked=True)
    ).scalar_one_or_none()
    if row is None:
        return False
    target = "not_collected" if row.kind == "pickup" else "expired"
    held_at, quantity = row.stock_store_id, row.quantity
    values = {"status": target, "expires_at": None, "updated_at": now}
    if not transition(session, row, ("confirmed", "ready"), values):
        return False
    move_stock(session, held_at, row.sku, reserved=-quantity)
    publish_reservation(session, row)
    return True


def due_reservations(session: Session, now: datetime, limit: int) -> list[str]:
    return list(
        session.execute(
            select(Reservation.id)
            .where(
                col(Reservation.status).in_(("confirmed", "ready")),
                col(Reservation.expires_at) < now,
            )
            .order_by(col(Reservation.expires_at))
            .limit(limit)
        ).scalars()
    )
