"""One event from another system into the central tables, exactly once.

`source` + `event_id` is the idempotency key: the event is recorded in `ingested_event` in the
same transaction as what it did, so a second delivery finds it and changes nothing (the same
id with a different body is refused: a source must not reuse ids). Orders and activities get
ids derived from the source's own ids, so an order sent again whole, or a ticket updated,
replaces the one row instead of adding another.

Out of order: an order or activity remembers when its state last changed (`status_at`); an
older change is `stale` and changes nothing but is kept as received. A status change for an
order not received yet `waits` and is applied when the order arrives. Refunds add up whatever
their order.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import ActivityData
from sync.protocol.ingest import (
    ACTIVITY_CHANNEL,
    ActivityIn,
    IngestEvent,
    IngestResult,
    OrderIn,
    Outcome,
    StatusIn,
)
from sync.server.documents import (
    publish_customer_child,
    publish_inventory,
    publish_reservation,
)
from sync.server.ingest.identity import IngestRejected, resolve, survivor
from sync.server.integrations import IntegrationAuth
from sync.server.models import (
    Activity,
    Customer,
    IngestedEvent,
    Inventory,
    Order,
    OrderLine,
    Product,
    Reservation,
    Store,
    table_of,
)
from sync.server.mutations.reservations import move_stock, transition
from sync.server.orders import mark_purchased, order_data
from sync.server.timeutil import as_utc, iso, utcnow

_ORDER_NS = uuid.UUID("0b6a8f52-5d8e-4b8c-9a0e-5f0c2d9e7a31")
_ACTIVITY_NS = uuid.UUID("9d2c4e1a-7b3f-4e8d-8c6a-1f5e0b7d2a94")
_PICKUP_NS = uuid.UUID("3e7f1c9b-2a4d-4f6e-b8c0-7d1a5e9f3b26")
# An order in one of these no longer holds the stock of its pickup in the store.
CLOSED_ORDER = ("cancelled", "returned")


def order_id_for(source: str, external_id: str) -> str:
    return str(uuid.uuid5(_ORDER_NS, f"{source}\n{external_id}"))


def activity_id_for(source: str, key: str) -> str:
    return str(uuid.uuid5(_ACTIVITY_NS, f"{source}\n{key}"))


def body_hash(event: IngestEvent) -> str:
    return hashlib.sha256(event.model_dump_json().encode()).hexdigest()


@dataclass
class _Lookups:
    """Products and stores by key, read once per batch."""

    products: dict[str, Product | None] = field(default_factory=dict)
    by_gtin: dict[str, Product | None] = field(default_factory=dict)
    stores: dict[str, Store | None] = field(default_factory=dict)

    def product(self, session: Session, sku: str | None, jan: str | None) -> Product:
        if sku is not None:
            if sku not in self.products:
                self.products[sku] = session.get(Product, sku)
            found = self.products[sku]
        else:
            assert jan is not None
            if jan not in self.by_gtin:
                self.by_gtin[jan] = (
                    session.execute(
                        select(Product).where(Product.gtin == jan.zfill(13)[-14:])
                    ).scalar()
                    or session.execute(select(Product).where(Product.gtin == jan)).scalar()
                )
            found = self.by_gtin[jan]
        if found is None:
            raise IngestRejected("unknown_product", "no product has this sku or jan")
        return found

    def store(self, session: Session, code: str | None, what: str) -> Store | None:
        if code is None:
            return None
        if code not in self.stores:
            self.stores[code] = session.execute(select(Store).where(Store.code == code)).scalar()
        found = self.stores[code]
        if found is None:
            raise IngestRejected("unknown_store", f"{what}: no store has this code")
        return found


class Ingestor:
    """Applies events of one credential inside the caller's transaction."""

    def __init__(self, session: Session, auth: IntegrationAuth) -> None:
        self.session = session
        self.auth = auth
        self.lookups = _Lookups()
        self._home_store: Store | None = None
        if auth.home_store_id is not None:
            self._home_store = session.get(Store, auth.home_store_id)

    def check(self, event: IngestEvent) -> None:
        """What the credential allows, before anything is read."""
        if event.source != self.auth.source:
            raise IngestRejected(
                "wrong_source", "this credential sends for another source than the event names"
            )
        if event.kind not in self.auth.kinds:
            raise IngestRejected("kind_not_allowed", f"this source may not send {event.kind}")

    def apply(self, event: IngestEvent) -> IngestResult:
        self.check(event)
        digest = body_hash(event)
        seen = self.session.get(IngestedEvent, (event.source, event.event_id))
        if seen is not None:
            if seen.body_hash != digest:
                raise IngestRejected(
                    "event_id_reused", "this event_id was received before with another body"
                )
            return IngestResult(
                source=event.source,
                event_id=event.event_id,
                outcome="duplicate",
                customer_id=seen.customer_id,
            )
        record = IngestedEvent(
            source=event.source,
            event_id=event.event_id,
            kind=event.kind,
            body_hash=digest,
            outcome="applied",
            received_at=utcnow(),
        )
        # First, so a second delivery of the same event at the same moment waits for this
        # one's commit and then fails on the key, instead of applying it again.
        self.session.add(record)
        self.session.flush()
        result = self._dispatch(event)
        record.outcome = result.outcome
        record.customer_id = result.customer_id
        if result.outcome == "waiting":
            assert event.status is not None
            record.waiting_for = event.status.order_id
            record.body_json = event.model_dump_json()
        self.session.flush()
        return result

    # -----------------------------------------------------------------------------------------

    def _dispatch(self, event: IngestEvent) -> IngestResult:
        if event.order is not None:
            return self._order(event, event.order)
        if event.status is not None:
            return self._status(event, event.status)
        assert event.activity is not None
        return self._activity(event, event.activity)

    def _customer(self, event: IngestEvent, store: Store | None) -> tuple[Customer, bool]:
        assert event.customer is not None
        found = resolve(
            self.session,
            event.customer,
            may_create=self.auth.creates_customers,
            store=store or self._home_store,
        )
        return found.customer, found.created

    def _result(
        self,
        event: IngestEvent,
        outcome: Outcome,
        customer: Customer | None,
        created: bool = False,
    ) -> IngestResult:
        return IngestResult(
            source=event.source,
            event_id=event.event_id,
            outcome=outcome,
            customer_id=customer.id if customer is not None else None,
            created_customer=created,
        )

    def _order(self, event: IngestEvent, body: OrderIn) -> IngestResult:
        session = self.session
        channel = "store" if event.kind == "pos.sale" else body.channel
        store = self.lookups.store(session, body.store, "order.store")
        pickup = self.lookups.store(session, body.pickup_store, "order.pickup_store")
        if channel == "store" and store is None:
            raise IngestRejected("invalid_order", "order.store: a store sale names its store")
        lines: list[tuple[Product, int, Decimal]] = []
        for line in body.lines:
            product = self.lookups.product(session, line.sku, line.jan)
            lines.append((product, line.quantity, line.unit_price_jpy))
        total = body.total_jpy
        if total is None:
            total = sum((price * qty for _, qty, price in lines), Decimal(0))
        order_id = order_id_for(event.source, body.order_id)
        existing = session.get(Order, order_id)
        at = event.occurred_at
        if (
            existing is not None
            and existing.status_at is not None
            and as_utc(existing.status_at) > as_utc(at)
        ):
            return self._result(event, "stale", session.get(Customer, existing.customer_id))
        place = store or pickup
        customer, created = self._customer(event, place)
        if existing is None:
            order = Order(
                id=order_id,
                customer_id=customer.id,
                channel=channel,
                store_id=place.id if place is not None else None,
                ordered_at=at,
                total_jpy=total,
                status=body.status,
                source=event.source,
                external_id=body.order_id,
                status_at=at,
            )
            session.add(order)
        else:
            order = existing
            if order.customer_id != customer.id:
                # The source moved the order to another person: it leaves the old profile.
                order.customer_id = customer.id
            order.channel, order.total_jpy, order.status = channel, total, body.status
            order.store_id = place.id if place is not None else order.store_id
            order.status_at = at
            session.execute(delete(OrderLine).where(col(OrderLine.order_id) == order.id))
        session.flush()
        rows = [
            OrderLine(
                order_id=order.id,
                line_no=n,
                sku=product.sku,
                name=product.name,
                quantity=qty,
                unit_price_jpy=price,
            )
            for n, (product, qty, price) in enumerate(lines, start=1)
        ]
        session.add_all(rows)
        session.flush()
        if existing is None and pickup is not None and body.status not in CLOSED_ORDER:
            self._hold_for_pickup(order, customer, pickup, lines)
        # Status changes that arrived before the order: in their own order, after it.
        self._apply_waiting(order, body.order_id)
        self._publish_order(order, customer)
        if existing is None and order.status not in CLOSED_ORDER:
            mark_purchased(session, customer, order.ordered_at, [p.sku for p, _, _ in lines])
        return self._result(event, "applied", customer, created)

    def _hold_for_pickup(
        self,
        order: Order,
        customer: Customer,
        store: Store,
        lines: list[tuple[Product, int, Decimal]],
    ) -> None:
        """Click and collect: each line's stock is held in the pickup store (as far as it is
        free there), as a pickup reservation the store's terminals list."""
        inventory = table_of(Inventory)
        now = utcnow()
        for n, (product, quantity, _) in enumerate(lines, start=1):
            taken = self.session.execute(
                update(inventory)
                .where(
                    inventory.c.store_id == store.id,
                    inventory.c.sku == product.sku,
                    inventory.c.on_hand - inventory.c.reserved >= quantity,
                )
                .values(reserved=inventory.c.reserved + quantity)
                .returning(inventory.c.on_hand, inventory.c.reserved)
            ).first()
            if taken is None:
                continue  # not in stock there: the store sees the order without a hold
            row = Reservation(
                id=str(uuid.uuid5(_PICKUP_NS, f"{order.id}\n{n}")),
                customer_id=customer.id,
                store_id=store.id,
                stock_store_id=store.id,
                order_id=order.id,
                sku=product.sku,
                quantity=quantity,
                kind="pickup",
                status="confirmed",
                created_at=now,
                updated_at=now,
                staff_id="",
            )
            self.session.add(row)
            self.session.flush()
            publish_inventory(
                self.session,
                store.id,
                product.sku,
                levels=(taken[0], taken[1]),
                region=store.region,
            )
            publish_reservation(self.session, row)

    def _release_pickups(self, order: Order) -> None:
        rows = self.session.execute(
            select(Reservation).where(
                col(Reservation.order_id) == order.id,
                col(Reservation.status).in_(("confirmed", "ready")),
            )
        ).scalars()
        now = utcnow()
        for row in list(rows):
            held_at, quantity = row.stock_store_id, row.quantity
            if transition(
                self.session,
                row,
                ("confirmed", "ready"),
                {"status": "cancelled", "expires_at": None, "updated_at": now},
            ):
                move_stock(self.session, held_at, row.sku, reserved=-quantity)
                publish_reservation(self.session, row)

    def _set_status(self, order: Order, body: StatusIn, at: datetime) -> bool:
        """Apply one status change; False when it is older than the order's state."""
        if body.refund_jpy:
            order.refunded_jpy = (order.refunded_jpy or Decimal(0)) + body.refund_jpy
        if order.status_at is not None and as_utc(order.status_at) > as_utc(at):
            return body.refund_jpy is not None and body.refund_jpy > 0
        order.status, order.status_at = body.status, at
        if body.status in CLOSED_ORDER:
            self._release_pickups(order)
        return True

    def _status(self, event: IngestEvent, body: StatusIn) -> IngestResult:
        order = self.session.get(Order, order_id_for(event.source, body.order_id))
        if order is None:
            return self._result(event, "waiting", None)
        changed = self._set_status(order, body, event.occurred_at)
        customer = self.session.get(Customer, order.customer_id)
        assert customer is not None
        if changed:
            self.session.flush()
            self._publish_order(order, customer)
        return self._result(event, "applied" if changed else "stale", customer)

    def _apply_waiting(self, order: Order, external_id: str) -> None:
        waiting = self.session.execute(
            select(IngestedEvent).where(
                col(IngestedEvent.source) == order.source,
                col(IngestedEvent.waiting_for) == external_id,
                col(IngestedEvent.outcome) == "waiting",
            )
        ).scalars()
        events = [(IngestEvent.model_validate_json(row.body_json or "{}"), row) for row in waiting]
        events.sort(key=lambda pair: as_utc(pair[0].occurred_at))
        for event, row in events:
            assert event.status is not None
            changed = self._set_status(order, event.status, event.occurred_at)
            row.outcome = "applied" if changed else "stale"
            row.customer_id = order.customer_id
            row.waiting_for = None
            row.body_json = None
        self.session.flush()

    def _publish_order(self, order: Order, customer: Customer) -> None:
        lines = list(
            self.session.execute(
                select(OrderLine)
                .where(col(OrderLine.order_id) == order.id)
                .order_by(col(OrderLine.line_no))
            ).scalars()
        )
        data: dict[str, Any] = dict(order_data(order, lines))
        data["source"] = order.source
        data["refunded_jpy"] = (
            str(int(order.refunded_jpy)) if order.refunded_jpy is not None else None
        )
        home = survivor(self.session, customer)
        publish_customer_child(self.session, home.region, "order", order.id, data)

    def _activity(self, event: IngestEvent, body: ActivityIn) -> IngestResult:
        session = self.session
        sku = None
        if body.sku is not None or body.jan is not None:
            sku = self.lookups.product(session, body.sku, body.jan).sku
        customer, created = self._customer(event, None)
        key = f"ref\n{event.kind}\n{body.ref}" if body.ref else f"event\n{event.event_id}"
        activity_id = activity_id_for(event.source, key)
        row = session.get(Activity, activity_id)
        at = event.occurred_at
        action = body.action
        if event.kind == "support.inquiry" and action == "view":
            action = "inquiry"
        status = body.status
        if event.kind == "support.inquiry" and status is None:
            status = "open"
        if row is None:
            row = Activity(
                id=activity_id,
                customer_id=customer.id,
                channel=ACTIVITY_CHANNEL[event.kind],
                kind=action,
                occurred_at=at,
                sku=sku,
                summary=body.summary,
                status=status,
                status_at=at,
            )
            session.add(row)
        else:
            if row.status_at is not None and as_utc(row.status_at) > as_utc(at):
                return self._result(event, "stale", customer, created)
            row.customer_id = customer.id
            row.kind = action
            row.sku = sku or row.sku
            row.summary = body.summary or row.summary
            row.status = status or row.status
            row.status_at = at
        session.flush()
        data = ActivityData(
            id=row.id,
            customer_id=row.customer_id,
            channel=row.channel,
            kind=row.kind,
            occurred_at=iso(row.occurred_at),
            sku=row.sku,
            summary=row.summary,
            status=row.status,
        )
        publish_customer_child(session, customer.region, "activity", row.id, data)
        return self._result(event, "applied", customer, created)
