"""Bulk loader of the demo chain: entity tables and the change feed, in one transaction.

Built for a million customers: rows stream in batches of tuples straight to the DB-API
driver (SQLite: `executemany` with load-only PRAGMAs and secondary indexes rebuilt after
the load, seed_sqlite.py; PostgreSQL: COPY, seed_postgres.py). The loader numbers each
bucket's change rows itself (1..n), setting bucket_seq at the end. For a large chain the
customer rows are built by a producer process (seed_producer.py, seed_rows.py) while this
process writes them. Seeding a database that already holds the chain does nothing.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import Connection, Date, DateTime, Engine, Numeric, update
from sqlmodel import SQLModel, select

from sync.protocol import (
    ActivityData,
    CustomerData,
    InterestData,
    InventoryData,
    NoteData,
    OrderData,
    ProductData,
    StoreData,
)
from sync.server.buckets import CATALOG, customers_bucket, stock_bucket
from sync.server.catalog import top_up_categories
from sync.server.models import (
    BucketSeq,
    Category,
    Inventory,
    Product,
    ProductAccessory,
    Staff,
    Store,
    table_of,
)
from sync.server.pins import SERVER_PIN_COST, BadgeKey, PinCost, ensure_badge_key, hash_pin
from sync.server.seed_postgres import PostgresSink
from sync.server.seed_rows import Changes, Rows, produce_customers
from sync.server.seed_sqlite import SqliteSink, load_pragmas
from sync.server.summaries import refresh_after

# From this many customers the SQLite load rebuilds secondary indexes after inserting.
REBUILD_INDEXES_FROM = 20_000
# From this many customers a producer process builds the customer rows while this one writes.
PARALLEL_FROM = 50_000


class DemoChainLike(Protocol):
    """What the loader reads: `sync.server.demo.generate(...)` or a small test chain."""

    @property
    def stores(self) -> Sequence[StoreData]: ...
    @property
    def staff(self) -> Sequence[Any]: ...  # DemoStaff (.data/.pin/.badge) or a dict with both
    @property
    def products(self) -> Sequence[ProductData]: ...
    @property
    def inventory(self) -> Sequence[InventoryData]: ...

    def iter_customers(self) -> Iterator[CustomerData]: ...
    def iter_orders(self) -> Iterator[OrderData]: ...
    def iter_activities(self) -> Iterator[ActivityData]: ...
    def iter_notes(self) -> Iterator[NoteData]: ...
    def iter_interests(self) -> Iterator[InterestData]: ...


class _Sink(Protocol):
    def write(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None: ...
    def finish(self) -> None: ...


def _add(rows: Rows, model: type[SQLModel], row: dict[str, Any]) -> None:
    table = table_of(model)
    kinds: dict[str, str] = {}
    for column in table.c:
        if isinstance(column.type, DateTime):
            kinds[column.name] = "ts"
        elif isinstance(column.type, Date):
            kinds[column.name] = "date"
        elif isinstance(column.type, Numeric):
            kinds[column.name] = "money"
    rows.add(table.name, row, kinds)


def _staff_fields(item: Any) -> tuple[Mapping[str, Any], str, str | None]:
    if hasattr(item, "data"):
        return item.data, item.pin, getattr(item, "badge", None)
    return item, item["pin"], item.get("badge")


def load_chain(
    engine: Engine,
    chain: DemoChainLike,
    *,
    pin_cost: PinCost = SERVER_PIN_COST,
    rebuild_indexes: bool | None = None,
    parallel: bool | None = None,
) -> bool:
    """Write `chain` into the central database; returns False when it was already there.

    `rebuild_indexes` (SQLite): drop the big tables' secondary indexes for the load and
    re-create them after it; by default only for chains of REBUILD_INDEXES_FROM customers.
    `parallel`: build the rows in a producer process (the chain must pickle) while this
    process writes them; by default only for chains of PARALLEL_FROM customers.
    """
    if not chain.stores:
        raise ValueError("the chain has no stores")
    customers = getattr(chain, "customer_count", 0)
    if rebuild_indexes is None:
        rebuild_indexes = customers >= REBUILD_INDEXES_FROM
    if parallel is None:
        parallel = customers >= PARALLEL_FROM
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if conn.dialect.name == "sqlite":
            with load_pragmas(raw), conn.begin():
                loaded = not _already_loaded(conn, chain)
                if loaded:
                    sink: _Sink = SqliteSink(conn, raw, rebuild_indexes=rebuild_indexes)
                    _load(conn, sink, chain, pin_cost, sqlite=True, parallel=parallel)
        else:
            with conn.begin():
                loaded = not _already_loaded(conn, chain)
                if loaded:
                    sink = PostgresSink(raw)
                    _load(conn, sink, chain, pin_cost, sqlite=False, parallel=parallel)
    if loaded:
        add_up_history(engine, _with_history(chain))
    else:
        # Loaded by an older version: the catalog data added since (categories) comes now.
        top_up_categories(engine, getattr(chain, "categories", ()))
    return loaded


def _with_history(chain: DemoChainLike) -> set[str]:
    """The chain's customers with orders or support inquiries."""
    ids = {o["customer_id"] for o in chain.iter_orders()}
    ids |= {a["customer_id"] for a in chain.iter_activities() if a["channel"] == "support"}
    return ids


def add_up_history(engine: Engine, customer_ids: set[str], batch: int = 2_000) -> int:
    """The summary of each of `customer_ids` (what the profile adds up to), as ingestion keeps
    it afterwards; returns how many."""
    ordered = sorted(customer_ids)
    for start in range(0, len(ordered), batch):
        refresh_after(engine, set(ordered[start : start + batch]))
    return len(ordered)


def _already_loaded(conn: Connection, chain: DemoChainLike) -> bool:
    first = chain.stores[0]["id"]
    return conn.execute(select(Store.id).where(Store.id == first)).first() is not None


def _load(
    conn: Connection,
    sink: _Sink,
    chain: DemoChainLike,
    pin_cost: PinCost,
    *,
    sqlite: bool,
    parallel: bool,
) -> None:
    start = {b: int(s) for b, s in conn.execute(select(BucketSeq.bucket, BucketSeq.seq))}
    seqs = dict(start)
    rows = Rows(sink.write, sqlite)
    changes = Changes(rows, seqs)
    badges = ensure_badge_key(conn, pin_cost)
    region_of_store = _load_catalog(rows, changes, chain, pin_cost, badges)
    rows.flush()
    default_region = chain.stores[0]["region"]
    # Regions are few: one bucket string per region, shared by every change row.
    bucket_of_region = {r: customers_bucket(r) for r in {*region_of_store.values(), default_region}}
    job = (chain, seqs, region_of_store, default_region, bucket_of_region, sqlite)
    if parallel:
        seqs = _produce_in_child(sink, job, lambda: _produce_here(rows, changes, job))
    else:
        _produce_here(rows, changes, job)
    sink.finish()
    _save_seqs(conn, seqs, start)


_Job = tuple[Any, dict[str, int], dict[str, str], str, dict[str, str], bool]


def _produce_here(rows: Rows, changes: Changes, job: _Job) -> dict[str, int]:
    chain, _seqs, region_of_store, default_region, bucket_of_region, _sqlite = job
    produce_customers(rows, changes, chain, region_of_store, default_region, bucket_of_region)
    return changes.seqs


def _produce_in_child(sink: _Sink, job: _Job, here: Any) -> dict[str, int]:
    """Run `produce_customers` in a producer process (seed_producer.py); write its batches.

    The generator and the row building run on another core while this process inserts.
    Falls back to `here()` (building the rows in this process) when no producer can start,
    or when it ends before sending anything.
    """
    try:
        payload = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        payload = b""
    if not payload or not sys.executable:
        result: dict[str, int] = here()
        return result
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    child = subprocess.Popen(
        [sys.executable, "-m", "sync.server.seed_producer"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    received = False
    try:
        try:
            child.stdin.write(payload)
            child.stdin.close()
        except BrokenPipeError:
            pass  # the producer died at start: EOF below
        while True:
            try:
                message = pickle.load(child.stdout)
            except EOFError:
                if received:
                    raise RuntimeError("the seed producer process died") from None
                result = here()
                return result
            received = True
            kind = message[0]
            if kind == "rows":
                sink.write(message[1], message[2], message[3])
            elif kind == "done":
                result = message[1]
                return result
            else:
                raise RuntimeError(f"the seed producer failed: {message[1]}")
    finally:
        child.stdout.close()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _load_catalog(
    rows: Rows, changes: Changes, chain: DemoChainLike, pin_cost: PinCost, badges: BadgeKey
) -> dict[str, str]:
    """Stores, staff (PINs hashed here), products, accessories, inventory; store -> region."""
    region_of_store: dict[str, str] = {}
    for c in getattr(chain, "categories", ()):
        _add(rows, Category, dict(c))
        changes.add(CATALOG, "category", c["code"], c)
    for s in chain.stores:
        region_of_store[s["id"]] = s["region"]
        _add(rows, Store, dict(s))
        changes.add(CATALOG, "store", s["id"], s)
    rows.flush()
    staff = [_staff_fields(item) for item in chain.staff]

    def hashes(member: tuple[Mapping[str, Any], str, str | None]) -> tuple[str, str | None]:
        _, pin, badge = member
        return hash_pin(pin, pin_cost), badges.hash(badge) if badge else None

    # Argon2 leaves the GIL while it works: the slow hashes are made on every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        hashed = list(pool.map(hashes, staff))
    for (data, _pin, _badge), (pin_hash, badge_hash) in zip(staff, hashed, strict=True):
        _add(
            rows,
            Staff,
            {
                "id": data["id"],
                "code": data["code"],
                "name": data["name"],
                "name_kana": data["name_kana"],
                "role": data["role"],
                "store_id": data["store_id"],
                "pin_hash": pin_hash,
                "badge_hash": badge_hash,
                "active": True,
            },
        )
        public = {k: data[k] for k in ("id", "code", "name", "name_kana", "role", "store_id")}
        changes.add(CATALOG, "staff", data["id"], public)
    rows.flush()
    for p in chain.products:
        _add(
            rows,
            Product,
            {
                "sku": p["sku"],
                "gtin": p["gtin"],
                "name": p["name"],
                "name_kana": p["name_kana"],
                "category": p["category"],
                "brand": p["brand"],
                "price_jpy": Decimal(p["price_jpy"]),
                "image": p.get("image"),
            },
        )
        changes.add(CATALOG, "product", p["sku"], p)
    rows.flush()
    for p in chain.products:
        for pos, acc in enumerate(p["accessory_skus"]):
            _add(
                rows,
                ProductAccessory,
                {"product_sku": p["sku"], "accessory_sku": acc, "position": pos},
            )
    for inv in chain.inventory:
        _add(
            rows,
            Inventory,
            {
                "store_id": inv["store_id"],
                "sku": inv["sku"],
                "on_hand": inv["on_hand"],
                "reserved": inv["reserved"],
            },
        )
        changes.add(stock_bucket(region_of_store[inv["store_id"]]), "inventory", inv["id"], inv)
    rows.flush()
    return region_of_store


def _save_seqs(conn: Connection, seqs: dict[str, int], start: dict[str, int]) -> None:
    table = table_of(BucketSeq)
    for bucket, seq in seqs.items():
        if bucket in start:
            conn.execute(update(table).where(table.c.bucket == bucket).values(seq=seq))
        else:
            conn.execute(table.insert().values(bucket=bucket, seq=seq))


def seed_demo(
    engine: Engine,
    scale: int = 5000,
    seed: int = 1,
    *,
    pin_cost: PinCost = SERVER_PIN_COST,
    reference: datetime | None = None,
) -> None:
    """Load the demo chain with `scale` customers (no-op when already loaded).

    Its history ends at `reference`, by default the moment of seeding: the stories' follow-ups
    (the bike's, the first birthday's) are ahead on whatever day a demo is started, and the
    weeks before it hold the loop's follow-ups, messages and credited sales (seed_loop.py).
    """
    from sync.server.demo import generate, live_reference
    from sync.server.seed_loop import seed_loop_history

    chain = generate(customers=scale, seed=seed, reference=reference or live_reference())
    if load_chain(engine, chain, pin_cost=pin_cost):
        seed_loop_history(engine, chain.reference, seed=seed)


__all__ = ["DemoChainLike", "load_chain", "seed_demo"]
