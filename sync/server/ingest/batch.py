"""A batch of events of one credential, applied in one transaction with a fixed number of
statements (not a number per event): the one path of every event, single or bulk, and of the
demo chain's history.

1. What the credential allows (source, kinds); repeated deliveries inside the batch.
2. Received before? One read of `ingested_event`: the same body is a duplicate, another body
   under the same id is refused (a source must not reuse ids).
3. Products and stores named by the events, read at once; customers resolved at once
   (sync.server.ingest.identity). An event naming an unknown product, store or customer is
   rejected alone.
4. The batch claims its events in `ingested_event` (a concurrent delivery of the same event
   waits for this commit and then finds it), then orders and activities are read, applied in
   memory in arrival order, written, and published to the change feed, one multi-row
   statement per table and bucket.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol.ingest import IngestEvent, IngestResult, Outcome
from sync.server import identity_rules
from sync.server.buckets import customers_bucket
from sync.server.bulk_sql import chunk_size, chunks, insert_many, one_of, update_many
from sync.server.changes import record_changes
from sync.server.ingest.activities import ActivityBook, activity_id_for
from sync.server.ingest.catalog import apply_product, apply_profile, apply_stock
from sync.server.ingest.identity import (
    IdentityResolver,
    IngestRejected,
    Key,
    identifiers,
)
from sync.server.ingest.orders import Line, OrderBook
from sync.server.integrations import IntegrationAuth
from sync.server.merges import consider, lock
from sync.server.models import (
    Category,
    IngestedEvent,
    Inventory,
    Product,
    Store,
    table_of,
)
from sync.server.timeutil import utcnow

Result = IngestResult | IngestRejected


def body_hash(event: IngestEvent) -> str:
    return hashlib.sha256(event.model_dump_json().encode()).hexdigest()


@dataclass
class _Item:
    index: int
    event: IngestEvent
    digest: str
    keys: list[Key] | None = None
    result: Result | None = None
    first: _Item | None = None  # an identical event earlier in the batch
    customer_id: str | None = None
    region: str = ""
    created: bool = False


class Catalog:
    """Products and stores by key, for one request."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.products: dict[str, Product] = {}
        self.by_gtin: dict[str, Product] = {}
        self._reloaded: set[str] = set()
        self.stores = _stores(session)
        self.categories = set(session.execute(select(Category.code)).scalars())

    def load(self, skus: set[str], jans: set[str]) -> None:
        skus -= set(self.products)
        jans -= set(self.by_gtin)
        size = chunk_size(self.session)
        for part in chunks(sorted(skus), size):
            query = select(Product).where(one_of(self.session, col(Product.sku), part))
            for p in self.session.execute(query).scalars():
                self.products[p.sku] = p
        for part in chunks(sorted(jans), size):
            query = select(Product).where(one_of(self.session, col(Product.gtin), part))
            for p in self.session.execute(query).scalars():
                self.by_gtin[p.gtin] = p
                self.products[p.sku] = p

    def product(self, sku: str | None, jan: str | None) -> Product:
        found = self.products.get(sku) if sku is not None else self.by_gtin.get(jan or "")
        if found is None:
            raise IngestRejected("unknown_product", "no product has this sku or jan")
        return found

    def store(self, code: str | None, what: str) -> Store | None:
        if code is None:
            return None
        found = self.stores.get(code)
        if found is None and code not in self._reloaded:
            # A store opened since the list was read: read it again once.
            self._reloaded.add(code)
            self.stores = _stores(self.session, fresh=True)
            found = self.stores.get(code)
        if found is None:
            raise IngestRejected("unknown_store", f"{what}: no store has this code")
        return found


# Stores change once in a long while: their list is read at most once a minute per database.
STORES_TTL_S = 60.0
_store_cache: dict[str, tuple[float, dict[str, Store]]] = {}


def _stores(session: Session, *, fresh: bool = False) -> dict[str, Store]:
    key = str(session.get_bind().engine.url)
    cached = _store_cache.get(key)
    now = time.monotonic()
    if cached is not None and not fresh and now - cached[0] < STORES_TTL_S:
        return cached[1]
    rows = session.execute(select(Store)).scalars().all()
    for row in rows:
        session.expunge(row)  # shared between requests: detached, read-only
    stores = {s.code: s for s in rows}
    _store_cache[key] = (now, stores)
    return stores


def _references(event: IngestEvent) -> tuple[set[str], set[str]]:
    skus: set[str] = set()
    jans: set[str] = set()
    if event.stock is not None:
        skus.add(event.stock.sku)
    if event.product is not None:
        skus.update(event.product.accessory_skus)
        skus.add(event.product.sku)
    for ref in (event.order.lines if event.order else []) + (
        [event.activity] if event.activity else []
    ):
        if ref.sku is not None:
            skus.add(ref.sku)
        elif ref.jan is not None:
            jans.add(ref.jan)
    return skus, jans


class Batch:
    def __init__(self, session: Session, auth: IntegrationAuth) -> None:
        self.session = session
        self.auth = auth
        self.catalog = Catalog(session)
        self.new_skus: set[str] = set()
        self.touched: set[str] = set()
        home = auth.home_store_id
        self.home_store = next((s for s in self.catalog.stores.values() if s.id == home), None)
        self.rules = identity_rules.current(session)

    def run(self, events: Sequence[IngestEvent]) -> list[Result]:
        items = [_Item(i, e, body_hash(e)) for i, e in enumerate(events)]
        live = self._screen(items)
        live = self._received_before(live)
        live = self._resolve(live)
        live = self._claim(live)
        if live:
            self._apply(live)
            self._judge_links()
        for item in items:
            if item.first is not None:
                item.result = self._as_duplicate(item, item.first.result)
        return [item.result or IngestRejected("internal", "not applied") for item in items]

    # -- 1-3: screening, before anything is written ------------------------------------------

    def _screen(self, items: list[_Item]) -> list[_Item]:
        seen: dict[str, _Item] = {}
        live = []
        for item in items:
            event = item.event
            if event.source != self.auth.source:
                item.result = IngestRejected(
                    "wrong_source", "this credential sends for another source than the event names"
                )
            elif event.kind not in self.auth.kinds:
                item.result = IngestRejected(
                    "kind_not_allowed", f"this source may not send {event.kind}"
                )
            elif event.event_id in seen:
                first = seen[event.event_id]
                if first.digest == item.digest:
                    item.first = first
                else:
                    item.result = _reused()
            else:
                seen[event.event_id] = item
                live.append(item)
        return live

    def _received_before(self, items: list[_Item]) -> list[_Item]:
        table = table_of(IngestedEvent)
        known: dict[str, tuple[str, str | None]] = {}
        for part in chunks([i.event.event_id for i in items], chunk_size(self.session)):
            rows = self.session.execute(
                select(table.c.event_id, table.c.body_hash, table.c.customer_id).where(
                    table.c.source == self.auth.source,
                    one_of(self.session, table.c.event_id, part),
                )
            ).all()
            known.update({eid: (digest, cid) for eid, digest, cid in rows})
        live = []
        for item in items:
            found = known.get(item.event.event_id)
            if found is None:
                live.append(item)
            elif found[0] == item.digest:
                item.result = self._duplicate(item, found[1])
            else:
                item.result = _reused()
        return live

    def _resolve(self, items: list[_Item]) -> list[_Item]:
        skus: set[str] = set()
        jans: set[str] = set()
        for item in items:
            more_skus, more_jans = _references(item.event)
            skus |= more_skus
            jans |= more_jans
            if item.event.product is not None:
                jans.add(item.event.product.jan)
        # Products this batch makes: its stock rows and accessories may name them.
        self.new_skus = {i.event.product.sku for i in items if i.event.product is not None}
        self.catalog.load(skus, jans)
        live = []
        for item in items:
            try:
                self._check_references(item.event)
                if item.event.customer is not None:
                    item.keys = identifiers(item.event.customer)
            except IngestRejected as exc:
                item.result = exc
                continue
            live.append(item)
        self.identity = IdentityResolver(self.session)
        self.identity.load(item.keys for item in live if item.keys is not None)
        resolved = []
        for item in live:
            if item.keys is None:
                resolved.append(item)
                continue
            assert item.event.customer is not None
            rules_allow = item.event.kind in self.rules.create_from
            try:
                found = self.identity.resolve(
                    item.event.customer,
                    item.keys,
                    may_create=self.auth.creates_customers and rules_allow,
                    rules_allow=rules_allow,
                    store=self._place(item.event) or self.home_store,
                )
            except IngestRejected as exc:
                item.result = exc
                continue
            item.customer_id, item.region, item.created = (
                found.customer_id,
                found.region,
                found.created,
            )
            resolved.append(item)
        return resolved

    def _judge_links(self) -> None:
        """Profiles an event linked (its identifiers are two people's): merged, suggested or
        left apart by the chain's rules, in this batch's transaction."""
        for (first, second), kinds in sorted(self.identity.links.items()):
            people = lock(self.session, (first, second))
            if first in people and second in people:
                action = consider(self.session, people[first], people[second], kinds, self.rules)
                if action == "merge":
                    self.touched.update((first, second))

    def _check_references(self, event: IngestEvent) -> None:
        if event.product is not None:
            if event.product.category not in self.catalog.categories:
                raise IngestRejected("unknown_category", "product.category: no such category")
            for sku in event.product.accessory_skus:
                if sku not in self.catalog.products and sku not in self.new_skus:
                    raise IngestRejected(
                        "unknown_product", "product.accessory_skus: no product has this sku"
                    )
            clash = self.catalog.by_gtin.get(event.product.jan)
            if clash is not None and clash.sku != event.product.sku:
                raise IngestRejected("conflict", "product.jan: another product has this jan")
        if event.stock is not None:
            store = self.catalog.store(event.stock.store, "stock.store")
            sku = event.stock.sku
            if sku not in self.catalog.products and sku not in self.new_skus:
                raise IngestRejected("unknown_product", "stock.sku: no product has this sku")
            held = self.session.get(Inventory, (store.id, sku)) if store is not None else None
            if held is not None and event.stock.on_hand < held.reserved:
                raise IngestRejected(
                    "below_reserved", "stock.on_hand: less than is held for customers now"
                )
        if event.profile is not None:
            self.catalog.store(event.profile.home_store, "profile.home_store")
        if event.order is not None:
            store = self.catalog.store(event.order.store, "order.store")
            self.catalog.store(event.order.pickup_store, "order.pickup_store")
            channel = "store" if event.kind == "pos.sale" else event.order.channel
            if channel == "store" and store is None:
                raise IngestRejected("invalid_order", "order.store: a store sale names its store")
            for line in event.order.lines:
                self.catalog.product(line.sku, line.jan)
        if event.activity is not None and (event.activity.sku or event.activity.jan):
            self.catalog.product(event.activity.sku, event.activity.jan)

    def _place(self, event: IngestEvent) -> Store | None:
        if event.profile is not None:
            return self.catalog.store(event.profile.home_store, "profile.home_store")
        if event.order is None:
            return None
        return self.catalog.store(event.order.store, "order.store") or self.catalog.store(
            event.order.pickup_store, "order.pickup_store"
        )

    # -- 4: claiming, applying, writing -------------------------------------------------------

    def _claim(self, items: list[_Item]) -> list[_Item]:
        """Record the events as received. One that another request recorded meanwhile fails
        the insert on its key: the batch runs again and then finds it (a duplicate)."""
        if not items:
            return []
        self.identity.write()  # the profiles events refer to exist before anything else
        now = utcnow()
        rows = [
            {
                "source": self.auth.source,
                "event_id": i.event.event_id,
                "kind": i.event.kind,
                "body_hash": i.digest,
                "outcome": "applied",
                "customer_id": i.customer_id,
                "received_at": now,
            }
            for i in sorted(items, key=lambda i: i.event.event_id)
        ]
        # In key order, so two requests claiming overlapping events never deadlock.
        insert_many(self.session, table_of(IngestedEvent), rows)
        return items

    def _apply(self, items: list[_Item]) -> None:
        source = self.auth.source
        regions = {i.customer_id: i.region for i in items if i.customer_id}
        orders = OrderBook(self.session, source)
        external = {
            (i.event.order.order_id if i.event.order else i.event.status.order_id)  # type: ignore[union-attr]
            for i in items
            if i.event.order is not None or i.event.status is not None
        }
        orders.load(external, regions)
        activities = ActivityBook(self.session, source)
        activities.load(
            {
                activity_id_for(source, i.event)
                for i in items
                if i.event.activity is not None and i.event.activity.ref
            },
            regions,
        )
        later: list[tuple[_Item, Outcome]] = []
        for item in items:
            outcome, customer_id = self._apply_one(item, orders, activities)
            item.result = IngestResult(
                source=source,
                event_id=item.event.event_id,
                outcome=outcome,
                customer_id=customer_id,
                created_customer=item.created,
            )
            if outcome != "applied" or customer_id != item.customer_id:
                later.append((item, outcome))
        published = orders.write(self.catalog.products) + activities.write()
        for wait in orders.resolved_waiting:
            if wait.row is None:  # a status change of this batch that waited for its order
                match = next(i for i in items if i.event is wait.event)
                later = [(i, o) for i, o in later if i is not match]
                later.append((match, wait.outcome or "applied"))
                assert isinstance(match.result, IngestResult)
                match.result.outcome = wait.outcome or "applied"
        self._record_outcomes(later, orders)
        self._touched(published, items)
        self.touched |= orders.moved_from | activities.moved_from
        by_bucket: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
        for region, entity, entity_id, data in published:
            by_bucket.setdefault(customers_bucket(region), []).append((entity, entity_id, data))
        for bucket in sorted(by_bucket):
            record_changes(self.session, bucket, by_bucket[bucket])

    def _touched(
        self, published: list[tuple[str, str, str, dict[str, Any]]], items: list[_Item]
    ) -> None:
        """Profiles whose orders, open inquiries or details changed: they add up again once
        this transaction is in (sync.server.summaries.refresh_after)."""
        self.touched |= {
            data["customer_id"]
            for _, entity, _, data in published
            if entity == "order" or data.get("channel") == "support"
        }
        self.touched |= {
            i.customer_id for i in items if i.event.profile is not None and i.customer_id
        }

    def _apply_one(
        self, item: _Item, orders: OrderBook, activities: ActivityBook
    ) -> tuple[Outcome, str | None]:
        event = item.event
        if event.status is not None:
            return orders.apply_status(event)
        if event.product is not None:
            product = apply_product(self.session, event)
            self.catalog.products[product.sku] = product
            self.catalog.by_gtin[product.gtin] = product
            return "applied", None
        if event.stock is not None:
            store = self.catalog.store(event.stock.store, "stock.store")
            assert store is not None
            apply_stock(self.session, event, store)
            return "applied", None
        assert item.customer_id is not None
        if event.profile is not None:
            outcome = apply_profile(
                self.session, item.customer_id, event, self._place(event), item.created
            )
            return outcome, item.customer_id
        if event.order is not None:
            body = event.order
            lines = []
            for line in body.lines:
                product = self.catalog.product(line.sku, line.jan)
                lines.append(Line(product.sku, product.name, line.quantity, line.unit_price_jpy))
            total = body.total_jpy
            if total is None:
                total = sum((ln.price * ln.quantity for ln in lines), Decimal(0))
            outcome = orders.apply_order(
                event,
                customer_id=item.customer_id,
                region=item.region,
                channel="store" if event.kind == "pos.sale" else body.channel,
                store=self.catalog.store(body.store, "order.store"),
                pickup=self.catalog.store(body.pickup_store, "order.pickup_store"),
                lines=lines,
                total=total,
            )
            return outcome, item.customer_id
        assert event.activity is not None
        sku = None
        if event.activity.sku or event.activity.jan:
            sku = self.catalog.product(event.activity.sku, event.activity.jan).sku
        return activities.apply(event, item.customer_id, item.region, sku), item.customer_id

    def _record_outcomes(self, later: list[tuple[_Item, Outcome]], orders: OrderBook) -> None:
        """Events that did not simply apply: stale ones, and status changes still waiting for
        their order (kept whole, to apply when it arrives)."""
        if not later:
            return
        table = table_of(IngestedEvent)
        rows = []
        for item, outcome in later:
            waiting = outcome == "waiting"
            result = item.result
            rows.append(
                {
                    "source": self.auth.source,
                    "event_id": item.event.event_id,
                    "outcome": outcome,
                    "customer_id": result.customer_id if isinstance(result, IngestResult) else None,
                    "waiting_for": item.event.status.order_id
                    if waiting and item.event.status
                    else None,
                    "body_json": item.event.model_dump_json() if waiting else None,
                }
            )
        update_many(self.session, table, ("source", "event_id"), rows)

    # -- results ------------------------------------------------------------------------------

    def _duplicate(self, item: _Item, customer_id: str | None) -> IngestResult:
        return IngestResult(
            source=item.event.source,
            event_id=item.event.event_id,
            outcome="duplicate",
            customer_id=customer_id,
        )

    def _as_duplicate(self, item: _Item, first: Result | None) -> Result:
        if isinstance(first, IngestResult):
            return self._duplicate(item, first.customer_id)
        return first or IngestRejected("internal", "not applied")


def _reused() -> IngestRejected:
    return IngestRejected("event_id_reused", "this event_id was received before with another body")
