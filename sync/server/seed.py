"""Bulk loader of the demo chain: entity tables and the change feed, in one transaction.

Built for a million customers: rows go through SQLAlchemy Core `executemany` in batches (no
ORM objects), and the loader numbers each bucket's change rows itself (1..n), setting
bucket_seq at the end. Seeding a database that already holds the chain does nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import Connection, Date, DateTime, Engine, Numeric, Table, update
from sqlmodel import select

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
from sync.server.auth import badge_hash, hash_pin
from sync.server.buckets import CATALOG, customers_bucket, store_bucket
from sync.server.models import (
    Activity,
    BucketSeq,
    ChangeRow,
    Consent,
    Customer,
    CustomerIdentity,
    Interest,
    Inventory,
    Note,
    Order,
    OrderLine,
    Product,
    ProductAccessory,
    Staff,
    Store,
    table_of,
)
from sync.server.timeutil import parse_iso, utcnow

BATCH = 5000


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


def _sqlite_datetime(value: Any) -> Any:
    # The text form SQLAlchemy's SQLite DateTime reads back: UTC, no offset, microseconds.
    # (datetime.isoformat is several times faster than strftime at a million rows.)
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        offset = value.utcoffset()
        if offset is not None:
            value = (value - offset).replace(tzinfo=None)
        return value.isoformat(" ", "microseconds")
    return value


def _pg_datetime(value: Any) -> Any:
    return parse_iso(value) if isinstance(value, str) else value


def _sqlite_date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _sqlite_number(value: Any) -> Any:
    return int(value) if isinstance(value, Decimal) else value


class _Writer:
    """Buffers rows per table and flushes them with the driver's executemany; numbers changes.

    SQLAlchemy's per-row parameter processing costs more than the insert itself at a million
    rows, so rows go to the DBAPI cursor as tuples: `add` adapts a dict once per column type,
    `row` takes a tuple the caller already adapted (with `ts`/`day`) for the hot tables.
    """

    def __init__(self, conn: Connection, seqs: dict[str, int]) -> None:
        self.conn = conn
        self.seqs = seqs
        self.sqlite = conn.dialect.name == "sqlite"
        self.now = self.ts(utcnow())
        self.buffers: dict[str, list[tuple[Any, ...]]] = {}
        self.columns: dict[str, tuple[str, ...]] = {}
        self.adapters: dict[str, list[Any]] = {}
        self.statements: dict[str, str] = {}
        # Flush in first-use order, so parents are written before their children.
        self.order: list[str] = []

    def ts(self, value: str | datetime) -> Any:
        return _sqlite_datetime(value) if self.sqlite else _pg_datetime(value)

    def day(self, text: str | None) -> Any:
        if text is None:
            return None
        return text if self.sqlite else date.fromisoformat(text)

    def _register(self, table: Table, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
        name = table.name
        if name in self.columns:
            if self.columns[name] != columns:
                raise ValueError(f"rows for {name} must keep one column order")
            return self.buffers[name]
        self.columns[name] = columns
        self.adapters[name] = self._adapters(table, columns)
        mark = "?" if self.sqlite else "%s"
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join(mark for _ in columns)
        self.statements[name] = f'INSERT INTO "{name}" ({names}) VALUES ({marks})'
        self.buffers[name] = []
        self.order.append(name)
        return self.buffers[name]

    def add(self, table: Table, row: dict[str, Any]) -> None:
        columns = tuple(row)
        buf = self._register(table, columns)
        adapters = self.adapters[table.name]
        buf.append(
            tuple(fn(row[c]) if fn else row[c] for c, fn in zip(columns, adapters, strict=True))
        )
        if len(buf) >= BATCH:
            self.flush()

    def row(self, table: Table, columns: tuple[str, ...], values: tuple[Any, ...]) -> None:
        buf = self._register(table, columns)
        buf.append(values)
        if len(buf) >= BATCH:
            self.flush()

    def change(self, bucket: str, entity: str, entity_id: str, data: Mapping[str, Any]) -> None:
        seq = self.seqs.get(bucket, 0) + 1
        self.seqs[bucket] = seq
        payload = json.dumps(data, ensure_ascii=False)
        self.row(
            table_of(ChangeRow),
            _CHANGE_COLUMNS,
            (bucket, seq, entity, entity_id, "upsert", payload, self.now),
        )

    def _adapters(self, table: Table, columns: tuple[str, ...]) -> list[Any]:
        adapters: list[Any] = []
        for name in columns:
            kind = table.c[name].type
            if not self.sqlite:
                # psycopg adapts datetime, date and Decimal itself; ISO text is parsed here.
                adapters.append(_pg_datetime if isinstance(kind, DateTime) else None)
            elif isinstance(kind, DateTime):
                adapters.append(_sqlite_datetime)
            elif isinstance(kind, Date):
                adapters.append(_sqlite_date)
            elif isinstance(kind, Numeric):
                adapters.append(_sqlite_number)
            else:
                adapters.append(None)
        return adapters

    def flush(self) -> None:
        for name in self.order:
            rows = self.buffers[name]
            if rows:
                self.conn.exec_driver_sql(self.statements[name], rows)
                rows.clear()


_CHANGE_COLUMNS = ("bucket", "seq", "entity", "entity_id", "op", "data_json", "changed_at")
_CUSTOMER_COLUMNS = (
    "id",
    "family_name",
    "given_name",
    "family_kana",
    "given_kana",
    "email",
    "phone",
    "loyalty_card",
    "online_account",
    "birthday",
    "tier",
    "points",
    "home_store_id",
    "preferred_staff_id",
    "merged_into",
    "region",
    "created_at",
    "updated_at",
)
_IDENTITY_COLUMNS = ("customer_id", "kind", "value")
_CONSENT_COLUMNS = (
    "id",
    "customer_id",
    "purpose",
    "channel",
    "state",
    "source",
    "staff_id",
    "wording_version",
    "recorded_at",
)


def _staff_fields(item: Any) -> tuple[Mapping[str, Any], str, str | None]:
    if hasattr(item, "data"):
        return item.data, item.pin, getattr(item, "badge", None)
    return item, item["pin"], item.get("badge")


def load_chain(engine: Engine, chain: DemoChainLike, *, pin_iterations: int = 200_000) -> bool:
    """Write `chain` into an empty central database; returns False when it was already there."""
    if not chain.stores:
        raise ValueError("the chain has no stores")
    with engine.begin() as conn:
        first = chain.stores[0]["id"]
        if conn.execute(select(Store.id).where(Store.id == first)).first() is not None:
            return False
        if conn.dialect.name == "sqlite":
            # A large page cache keeps the unique indexes' B-trees in memory during the load.
            conn.exec_driver_sql("PRAGMA cache_size = -262144")
        seqs = {b: int(s) for b, s in conn.execute(select(BucketSeq.bucket, BucketSeq.seq))}
        start = dict(seqs)
        w = _Writer(conn, seqs)
        region_of_store: dict[str, str] = {}
        for s in chain.stores:
            region_of_store[s["id"]] = s["region"]
            w.add(table_of(Store), dict(s))
            w.change(CATALOG, "store", s["id"], s)
        w.flush()
        for item in chain.staff:
            data, pin, badge = _staff_fields(item)
            w.add(
                table_of(Staff),
                {
                    "id": data["id"],
                    "code": data["code"],
                    "name": data["name"],
                    "name_kana": data["name_kana"],
                    "role": data["role"],
                    "store_id": data["store_id"],
                    "pin_hash": hash_pin(pin, pin_iterations),
                    "badge_hash": badge_hash(badge) if badge else None,
                    "active": True,
                },
            )
            public = {k: data[k] for k in ("id", "code", "name", "name_kana", "role", "store_id")}
            w.change(CATALOG, "staff", data["id"], public)
        w.flush()
        for p in chain.products:
            w.add(
                table_of(Product),
                {
                    "sku": p["sku"],
                    "gtin": p["gtin"],
                    "name": p["name"],
                    "name_kana": p["name_kana"],
                    "category": p["category"],
                    "brand": p["brand"],
                    "price_jpy": Decimal(p["price_jpy"]),
                },
            )
            w.change(CATALOG, "product", p["sku"], p)
        w.flush()
        for p in chain.products:
            for pos, acc in enumerate(p["accessory_skus"]):
                w.add(
                    table_of(ProductAccessory),
                    {"product_sku": p["sku"], "accessory_sku": acc, "position": pos},
                )
        for inv in chain.inventory:
            w.add(
                table_of(Inventory),
                {
                    "store_id": inv["store_id"],
                    "sku": inv["sku"],
                    "on_hand": inv["on_hand"],
                    "reserved": inv["reserved"],
                },
            )
            w.change(store_bucket(inv["store_id"]), "inventory", inv["id"], inv)
        w.flush()
        default_region = chain.stores[0]["region"]
        region_of: dict[str, str] = {}
        _load_customers(w, chain.iter_customers(), region_of_store, default_region, region_of)
        w.flush()
        _load_children(w, chain, region_of)
        w.flush()
        _save_seqs(conn, seqs, start)
    return True


def _load_customers(
    w: _Writer,
    customers: Iterable[CustomerData],
    region_of_store: dict[str, str],
    default_region: str,
    region_of: dict[str, str],
) -> None:
    customer_t, identity_t, consent_t = (
        table_of(Customer),
        table_of(CustomerIdentity),
        table_of(Consent),
    )
    # Regions are few: intern them so a million-entry map holds one string per region.
    buckets = {r: customers_bucket(r) for r in set(region_of_store.values())}
    ts, day = w.ts, w.day
    for c in customers:
        cid = c["id"]
        home = c["home_store_id"]
        region = region_of_store.get(home, default_region) if home else default_region
        region_of[cid] = region
        w.row(
            customer_t,
            _CUSTOMER_COLUMNS,
            (
                cid,
                c["family_name"],
                c["given_name"],
                c["family_kana"],
                c["given_kana"],
                c["email"],
                c["phone"],
                c["loyalty_card"],
                c["online_account"],
                day(c["birthday"]),
                c["tier"],
                c["points"],
                home,
                c["preferred_staff_id"],
                c["merged_into"],
                region,
                ts(c["created_at"]),
                ts(c["updated_at"]),
            ),
        )
        for ident in c["identities"]:
            w.row(identity_t, _IDENTITY_COLUMNS, (cid, ident["kind"], ident["value"]))
        if c["consents"]:
            namespace = uuid.UUID(cid)
            for n, consent in enumerate(c["consents"]):
                w.row(
                    consent_t,
                    _CONSENT_COLUMNS,
                    (
                        str(uuid.uuid5(namespace, f"consent:{n}")),
                        cid,
                        consent["purpose"],
                        consent["channel"],
                        consent["state"],
                        consent["source"],
                        None,
                        consent["wording_version"],
                        ts(consent["recorded_at"]),
                    ),
                )
        w.change(buckets.get(region) or customers_bucket(region), "customer", cid, c)


def _load_children(w: _Writer, chain: DemoChainLike, region_of: dict[str, str]) -> None:
    order_t, line_t = table_of(Order), table_of(OrderLine)
    for o in chain.iter_orders():
        region = region_of.get(o["customer_id"])
        if region is None:
            continue  # an order of a customer outside this (smaller) chain
        w.add(
            order_t,
            {
                "id": o["id"],
                "customer_id": o["customer_id"],
                "channel": o["channel"],
                "store_id": o["store_id"],
                "ordered_at": o["ordered_at"],
                "total_jpy": Decimal(o["total_jpy"]),
                "status": o["status"],
                "attributed_staff_id": o["attributed_staff_id"],
                "attributed_followup_id": o["attributed_followup_id"],
            },
        )
        for n, line in enumerate(o["lines"], start=1):
            w.add(
                line_t,
                {
                    "order_id": o["id"],
                    "line_no": n,
                    "sku": line["sku"],
                    "name": line["name"],
                    "quantity": line["quantity"],
                    "unit_price_jpy": Decimal(line["unit_price_jpy"]),
                },
            )
        w.change(customers_bucket(region), "order", o["id"], o)
    activity_t = table_of(Activity)
    for a in chain.iter_activities():
        region = region_of.get(a["customer_id"])
        if region is None:
            continue
        w.add(activity_t, dict(a))
        w.change(customers_bucket(region), "activity", a["id"], a)
    note_t = table_of(Note)
    for note in chain.iter_notes():
        region = region_of.get(note["customer_id"])
        if region is None:
            continue
        w.add(note_t, dict(note))
        w.change(customers_bucket(region), "note", note["id"], note)
    interest_t = table_of(Interest)
    for i in chain.iter_interests():
        region = region_of.get(i["customer_id"])
        if region is None:
            continue
        w.add(interest_t, dict(i))
        w.change(customers_bucket(region), "interest", i["id"], i)


def _save_seqs(conn: Connection, seqs: dict[str, int], start: dict[str, int]) -> None:
    table = table_of(BucketSeq)
    for bucket, seq in seqs.items():
        if bucket in start:
            conn.execute(update(table).where(table.c.bucket == bucket).values(seq=seq))
        else:
            conn.execute(table.insert().values(bucket=bucket, seq=seq))


def seed_demo(
    engine: Engine, scale: int = 5000, seed: int = 1, *, pin_iterations: int = 200_000
) -> None:
    """Load the deterministic demo chain with `scale` customers (no-op when already loaded)."""
    from sync.server.demo import generate

    load_chain(engine, generate(customers=scale, seed=seed), pin_iterations=pin_iterations)


__all__ = ["DemoChainLike", "load_chain", "seed_demo"]
