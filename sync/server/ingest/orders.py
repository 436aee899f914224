"""Orders from other systems, a batch at a time: the rows the batch touches are read once
(locked on PostgreSQL), every event is applied to them in memory, and the final state is
written with a few multi-row statements.

An order's id is derived from the source and the source's own order id, so an order sent again
whole replaces the one row. `status_at` puts changes in the order they happened: an older one
is `stale`. A status change for an order not received yet `waits` (in `ingested_event`) and is
applied when the order arrives. Refunds add up whatever their order. Click and collect holds
the stock of each line in the pickup store as a pickup reservation; a cancelled or returned
order releases it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, text, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol.ingest import IngestEvent, Outcome, StatusIn
from sync.server.attribution import credit
from sync.server.bulk_sql import chunk_size, chunks, insert_many, one_of, update_many
from sync.server.documents import (
    interest_data,
    publish_customer_child,
    publish_inventory,
    publish_reservation,
)
from sync.server.models import (
    Customer,
    IngestedEvent,
    Interest,
    Inventory,
    Order,
    OrderLine,
    Product,
    Reservation,
    Store,
    table_of,
)
from sync.server.mutations.reservations import move_stock, transition
from sync.server.orders import order_payload
from sync.server.timeutil import as_utc, utcnow

_ORDER_NS = uuid.UUID("0b6a8f52-5d8e-4b8c-9a0e-5f0c2d9e7a31")
_PICKUP_NS = uuid.UUID("3e7f1c9b-2a4d-4f6e-b8c0-7d1a5e9f3b26")
# An order in one of these no longer holds the stock of its pickup in the store.
CLOSED = ("cancelled", "returned")
_ORDER_COLUMNS = (
    "customer_id",
    "channel",
    "store_id",
    "ordered_at",
    "total_jpy",
    "status",
    "status_at",
    "refunded_jpy",
)


def order_id_for(source: str, external_id: str) -> str:
    return str(uuid.uuid5(_ORDER_NS, f"{source}\n{external_id}"))


@dataclass
class Line:
    sku: str
    name: str
    quantity: int
    price: Decimal


@dataclass
class OrderState:
    id: str
    external_id: str
    source: str
    customer_id: str
    region: str
    channel: str
    store_id: str | None
    ordered_at: datetime
    total: Decimal
    status: str
    status_at: datetime | None
    refunded: Decimal | None
    attributed_staff_id: str | None = None
    attributed_followup_id: str | None = None
    lines: list[Line] | None = None  # None: unchanged (still in the database)
    new: bool = False
    changed: bool = False
    lines_replaced: bool = False
    pickup: Store | None = None
    was_closed: bool = False
    token: str | None = None  # a cart link's attribution token (sync.server.attribution)

    def data(self, lines: list[Line]) -> dict[str, Any]:
        return dict(order_payload(self, ((x.sku, x.name, x.quantity, x.price) for x in lines)))


@dataclass
class Waiting:
    """A status change held until its order arrives: from an earlier request, or this batch."""

    event: IngestEvent
    row: IngestedEvent | None  # None: received in this batch
    outcome: Outcome | None = None


@dataclass
class OrderBook:
    session: Session
    source: str
    orders: dict[str, OrderState] = field(default_factory=dict)
    waiting: dict[str, list[Waiting]] = field(default_factory=dict)  # by external id
    regions: dict[str, str] = field(default_factory=dict)  # customer id -> region
    resolved_waiting: list[Waiting] = field(default_factory=list)
    # Customers an order was moved away from (their summaries change too).
    moved_from: set[str] = field(default_factory=set)

    def load(self, external_ids: set[str], regions: dict[str, str]) -> None:
        """The batch's orders as they are now (locked to commit on PostgreSQL), and the status
        changes waiting for them."""
        self.regions = regions
        ids = {order_id_for(self.source, e): e for e in external_ids}
        if self.session.get_bind().dialect.name == "postgresql" and ids:
            # An order and a status change waiting for it, written by two requests at once:
            # without this lock each would miss the other's uncommitted row and the change
            # would wait for ever. Taken in one order, so requests never deadlock on it.
            keys = sorted({uuid.UUID(oid).int >> 65 for oid in ids})
            self.session.execute(
                text(
                    "SELECT pg_advisory_xact_lock(k) FROM "
                    "(SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) AS ordered"
                ),
                {"keys": keys},
            )
        table = table_of(Order)
        for part in chunks(sorted(ids), chunk_size(self.session)):
            query = sa_select(table).where(one_of(self.session, table.c.id, part))
            if self.session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update()
            for found in self.session.execute(query).mappings():
                self.orders[found["id"]] = OrderState(
                    id=found["id"],
                    external_id=found["external_id"] or ids[found["id"]],
                    source=self.source,
                    customer_id=found["customer_id"],
                    region="",
                    channel=found["channel"],
                    store_id=found["store_id"],
                    ordered_at=found["ordered_at"],
                    total=found["total_jpy"],
                    status=found["status"],
                    status_at=found["status_at"],
                    refunded=found["refunded_jpy"],
                    attributed_staff_id=found["attributed_staff_id"],
                    attributed_followup_id=found["attributed_followup_id"],
                    was_closed=found["status"] in CLOSED,
                )
        for part in chunks(sorted(external_ids), chunk_size(self.session)):
            rows = self.session.execute(
                select(IngestedEvent).where(
                    col(IngestedEvent.source) == self.source,
                    one_of(self.session, col(IngestedEvent.waiting_for), part),
                    col(IngestedEvent.outcome) == "waiting",
                )
            ).scalars()
            for row in rows:
                event = IngestEvent.model_validate_json(row.body_json or "{}")
                assert row.waiting_for is not None
                self.waiting.setdefault(row.waiting_for, []).append(Waiting(event, row))

    # -- applying events in memory ------------------------------------------------------------

    def apply_order(
        self,
        event: IngestEvent,
        *,
        customer_id: str,
        region: str,
        channel: str,
        store: Store | None,
        pickup: Store | None,
        lines: list[Line],
        total: Decimal,
    ) -> Outcome:
        assert event.order is not None
        body = event.order
        oid = order_id_for(self.source, body.order_id)
        at = event.occurred_at
        state = self.orders.get(oid)
        if (
            state is not None
            and state.status_at is not None
            and as_utc(state.status_at) > as_utc(at)
        ):
            return "stale"
        place = store or pickup
        if state is None:
            state = OrderState(
                id=oid,
                external_id=body.order_id,
                source=self.source,
                customer_id=customer_id,
                region=region,
                channel=channel,
                store_id=place.id if place is not None else None,
                ordered_at=at,
                total=total,
                status=body.status,
                status_at=at,
                refunded=None,
                new=True,
                pickup=pickup if body.status not in CLOSED else None,
                token=body.attribution_token,
            )
            self.orders[oid] = state
        else:
            if state.customer_id != customer_id:
                self.moved_from.add(state.customer_id)
            state.customer_id, state.region = customer_id, region
            state.channel, state.total, state.status = channel, total, body.status
            state.store_id = place.id if place is not None else state.store_id
            state.status_at = at
            state.lines_replaced = not state.new
        state.lines = lines
        state.changed = True
        # Status changes that arrived before the order: in their own order, after it.
        pending = sorted(
            self.waiting.pop(body.order_id, []), key=lambda w: as_utc(w.event.occurred_at)
        )
        for wait in pending:
            assert wait.event.status is not None
            wait.outcome = "applied" if self._set_status(state, wait.event) else "stale"
            self.resolved_waiting.append(wait)
        return "applied"

    def apply_status(self, event: IngestEvent) -> tuple[Outcome, str | None]:
        assert event.status is not None
        state = self.orders.get(order_id_for(self.source, event.status.order_id))
        if state is None:
            self.waiting.setdefault(event.status.order_id, []).append(Waiting(event, None))
            return "waiting", None
        changed = self._set_status(state, event)
        return ("applied" if changed else "stale"), state.customer_id

    def _set_status(self, state: OrderState, event: IngestEvent) -> bool:
        body: StatusIn | None = event.status
        assert body is not None
        at = event.occurred_at
        refunded = False
        if body.refund_jpy:
            state.refunded = (state.refunded or Decimal(0)) + body.refund_jpy
            state.changed = refunded = True
        if state.status_at is not None and as_utc(state.status_at) > as_utc(at):
            return refunded
        state.status, state.status_at, state.changed = body.status, at, True
        return True

    # -- writing ------------------------------------------------------------------------------

    def write(self, products: dict[str, Product]) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Write every changed order; returns what to publish: (region, entity, id, data)."""
        session = self.session
        changed = [s for s in self.orders.values() if s.changed]
        if not changed:
            return []
        self._fill_regions(changed)
        table = table_of(Order)
        changed.sort(key=lambda s: s.id)  # one lock order for concurrent batches
        new = [s for s in changed if s.new]
        if new:
            insert_many(
                session,
                table,
                [
                    {
                        "id": s.id,
                        "source": s.source,
                        "external_id": s.external_id,
                        **{c: self._value(s, c) for c in _ORDER_COLUMNS},
                    }
                    for s in new
                ],
            )
        old = [s for s in changed if not s.new]
        if old:
            update_many(
                session,
                table,
                ("id",),
                [{"id": s.id, **{c: self._value(s, c) for c in _ORDER_COLUMNS}} for s in old],
            )
        replaced = [s.id for s in old if s.lines_replaced]
        for part in chunks(replaced, chunk_size(session)):
            session.execute(delete(OrderLine).where(one_of(session, col(OrderLine.order_id), part)))
        lines = [
            {
                "order_id": s.id,
                "line_no": n,
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                "unit_price_jpy": line.price,
            }
            for s in changed
            if s.lines is not None
            for n, line in enumerate(s.lines, start=1)
        ]
        if lines:
            insert_many(session, table_of(OrderLine), lines)
        self._load_lines([s for s in changed if s.lines is None])
        self._write_waiting()
        for state in new:
            if state.pickup is not None and state.status not in CLOSED:
                self._hold_for_pickup(state)
        self._release([s.id for s in old if s.status in CLOSED and not s.was_closed])
        self._mark_purchased([s for s in new if s.status not in CLOSED], products)
        credit(session, [s for s in new if s.status not in CLOSED])
        return [(s.region, "order", s.id, s.data(s.lines or [])) for s in changed]

    def _fill_regions(self, states: list[OrderState]) -> None:
        """The region each order travels in: its customer's (read for orders whose customer
        no event of this batch named: a status change)."""
        missing = {s.customer_id for s in states if not s.region} - set(self.regions)
        for part in chunks(sorted(missing)):
            rows = self.session.execute(
                select(Customer.id, Customer.region).where(
                    one_of(self.session, col(Customer.id), part)
                )
            ).all()
            self.regions.update(dict(rows))
        for state in states:
            if not state.region:
                state.region = self.regions.get(state.customer_id, "")

    @staticmethod
    def _value(state: OrderState, column: str) -> Any:
        return {
            "customer_id": state.customer_id,
            "channel": state.channel,
            "store_id": state.store_id,
            "ordered_at": state.ordered_at,
            "total_jpy": state.total,
            "status": state.status,
            "status_at": state.status_at,
            "refunded_jpy": state.refunded,
        }[column]

    def _load_lines(self, states: list[OrderState]) -> None:
        by_id = {s.id: s for s in states}
        for s in states:
            s.lines = []
        for part in chunks(sorted(by_id)):
            rows = self.session.execute(
                select(OrderLine)
                .where(one_of(self.session, col(OrderLine.order_id), part))
                .order_by(col(OrderLine.order_id), col(OrderLine.line_no))
            ).scalars()
            for row in rows:
                lines = by_id[row.order_id].lines
                assert lines is not None
                lines.append(Line(row.sku, row.name, row.quantity, row.unit_price_jpy))

    def _write_waiting(self) -> None:
        done = [w for w in self.resolved_waiting if w.row is not None]
        for wait in done:
            assert wait.row is not None
            wait.row.outcome = wait.outcome or "applied"
            wait.row.waiting_for = None
            wait.row.body_json = None
        if done:
            self.session.flush()

    def _hold_for_pickup(self, state: OrderState) -> None:
        """Each line's stock held in the pickup store (as far as it is free there), as a
        pickup reservation the store's terminals list."""
        store = state.pickup
        assert store is not None and state.lines is not None
        inventory = table_of(Inventory)
        now = utcnow()
        for n, line in enumerate(state.lines, start=1):
            taken = self.session.execute(
                update(inventory)
                .where(
                    inventory.c.store_id == store.id,
                    inventory.c.sku == line.sku,
                    inventory.c.on_hand - inventory.c.reserved >= line.quantity,
                )
                .values(reserved=inventory.c.reserved + line.quantity)
                .returning(inventory.c.on_hand, inventory.c.reserved)
            ).first()
            if taken is None:
                continue  # not free there: the store sees the order without a hold
            row = Reservation(
                id=str(uuid.uuid5(_PICKUP_NS, f"{state.id}\n{n}")),
                customer_id=state.customer_id,
                store_id=store.id,
                stock_store_id=store.id,
                order_id=state.id,
                sku=line.sku,
                quantity=line.quantity,
                kind="pickup",
                status="confirmed",
                created_at=now,
                updated_at=now,
                staff_id="",
            )
            self.session.add(row)
            self.session.flush()
            publish_inventory(
                self.session, store.id, line.sku, levels=(taken[0], taken[1]), region=store.region
            )
            publish_reservation(self.session, row)

    def _release(self, order_ids: list[str]) -> None:
        """Pickups of orders cancelled or returned give their stock back."""
        now = utcnow()
        for part in chunks(order_ids):
            rows = list(
                self.session.execute(
                    select(Reservation).where(
                        col(Reservation.order_id).in_(part),
                        col(Reservation.status).in_(("confirmed", "ready")),
                    )
                ).scalars()
            )
            for row in rows:
                held_at, quantity = row.stock_store_id, row.quantity
                values = {"status": "cancelled", "expires_at": None, "updated_at": now}
                if transition(self.session, row, ("confirmed", "ready"), values):
                    move_stock(self.session, held_at, row.sku, reserved=-quantity)
                    publish_reservation(self.session, row)

    def _mark_purchased(self, new: list[OrderState], products: dict[str, Product]) -> None:
        """Open interests logged before a new order, in one of its products or their
        categories, become purchased (whatever the channel)."""
        by_customer: dict[str, list[OrderState]] = {}
        for state in new:
            by_customer.setdefault(state.customer_id, []).append(state)
        for part in chunks(sorted(by_customer)):
            rows = self.session.execute(
                select(Interest).where(
                    one_of(self.session, col(Interest.customer_id), part),
                    col(Interest.status) == "open",
                )
            ).scalars()
            for row in list(rows):
                for state in by_customer[row.customer_id]:
                    if as_utc(row.created_at) > as_utc(state.ordered_at):
                        continue
                    skus = {line.sku for line in state.lines or []}
                    categories = {products[s].category for s in skus if s in products}
                    by_product = row.sku is not None and row.sku in skus
                    by_category = row.sku is None and row.category in categories
                    if by_product or by_category:
                        row.status = "purchased"
                        self.session.flush()
                        publish_customer_child(
                            self.session, state.region, "interest", row.id, interest_data(row)
                        )
                        break
