"""Row building of the bulk loader, free of SQLAlchemy: the producer process imports only this.

`Rows` buffers tuples per table and hands full batches to a `write(table, columns, rows)`
callable (the database sink, or the pipe to the writing process). `produce_customers` turns
the chain's customers, orders, activities, notes and interests into rows and change rows.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

import orjson

from sync.protocol import ActivityData, CustomerData, InterestData, NoteData, OrderData
from sync.server.seed_postgres import pg_timestamp
from sync.server.seed_sqlite import SqliteTimestamps
from sync.server.timeutil import utcnow

BATCH = 10_000  # rows of one table per flush (customers: ~6 rows each over 4 tables)

Write = Callable[[str, tuple[str, ...], list[tuple[Any, ...]]], None]


class CustomerSource(Protocol):
    """The part of the chain `produce_customers` reads."""

    def iter_customers(self) -> Iterator[CustomerData]: ...
    def iter_orders(self) -> Iterator[OrderData]: ...
    def iter_activities(self) -> Iterator[ActivityData]: ...
    def iter_notes(self) -> Iterator[NoteData]: ...
    def iter_interests(self) -> Iterator[InterestData]: ...


def _sqlite_date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _sqlite_number(value: Any) -> Any:
    return int(value) if isinstance(value, Decimal) else value


def _uuid5(namespace: str, name: str) -> str:
    """`str(uuid.uuid5(uuid.UUID(namespace), name))`, without building two UUID objects."""
    try:
        ns = bytes.fromhex(namespace.replace("-", ""))
    except ValueError:
        ns = uuid.UUID(namespace).bytes
    if len(ns) != 16:
        ns = uuid.UUID(namespace).bytes
    h = bytearray(hashlib.sha1(ns + name.encode()).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50  # version 5
    h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


_Write = Callable[[str, tuple[str, ...], list[tuple[Any, ...]]], None]


class Rows:
    """Row buffers per table, flushed in first-use order (parents before their children).

    Hot tables take tuples the caller already adapted; `add` adapts a dict by column kind
    ("ts", "date", "money"; others pass as they are).
    """

    def __init__(self, write: Write, sqlite: bool) -> None:
        self.write = write
        self.sqlite = sqlite
        self.ts: Any = SqliteTimestamps() if sqlite else pg_timestamp
        self.now = self.ts(utcnow())
        self.buffers: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}
        self.adapters: dict[str, list[Any]] = {}

    def table(self, name: str, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
        entry = self.buffers.get(name)
        if entry is None:
            entry = self.buffers[name] = (columns, [])
        elif entry[0] != columns:
            raise ValueError(f"rows for {name} must keep one column order")
        return entry[1]

    def add(self, name: str, row: Mapping[str, Any], kinds: Mapping[str, str]) -> None:
        columns = tuple(row)
        buf = self.table(name, columns)
        adapters = self.adapters.get(name)
        if adapters is None:
            adapters = self.adapters[name] = [self._adapter(kinds.get(c)) for c in columns]
        buf.append(
            tuple(fn(row[c]) if fn else row[c] for c, fn in zip(columns, adapters, strict=True))
        )
        if len(buf) >= BATCH:
            self.flush()

    def _adapter(self, kind: str | None) -> Any:
        if not self.sqlite:
            return None  # COPY text: the server parses ISO text, psycopg dumps the rest
        return {"ts": self.ts, "date": _sqlite_date, "money": _sqlite_number}.get(kind or "")

    def flush(self) -> None:
        for name, (columns, rows) in self.buffers.items():
            if rows:
                self.write(name, columns, rows)
                rows.clear()


class Changes:
    """Numbers each bucket's change rows (continuing its bucket_seq) and buffers them."""

    def __init__(self, rows: Rows, seqs: dict[str, int]) -> None:
        self.rows = rows
        self.seqs = seqs
        self.buf = rows.table("change", _CHANGE_COLUMNS)

    def add(self, bucket: str, entity: str, entity_id: str, data: Mapping[str, Any]) -> None:
        seq = self.seqs[bucket] = self.seqs.get(bucket, 0) + 1
        self.buf.append((bucket, seq, entity, entity_id, "upsert", _encode(data), self.rows.now))
        if len(self.buf) >= BATCH:
            self.rows.flush()


def _encode(data: Mapping[str, Any]) -> str:
    # Compact JSON; pull splices data_json into its reply as it is (an orjson Fragment).
    return orjson.dumps(data).decode()


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
_ORDER_COLUMNS = (
    "id",
    "customer_id",
    "channel",
    "store_id",
    "ordered_at",
    "total_jpy",
    "status",
    "attributed_staff_id",
    "attributed_followup_id",
)
_LINE_COLUMNS = ("order_id", "line_no", "sku", "name", "quantity", "unit_price_jpy")


_ACTIVITY_KINDS = {"occurred_at": "ts"}
_CREATED_KINDS = {"created_at": "ts"}


def produce_customers(
    rows: Rows,
    changes: Changes,
    chain: CustomerSource,
    region_of_store: dict[str, str],
    default_region: str,
    bucket_of_region: dict[str, str],
) -> None:
    """Customers (with identities and consents), then their history; flushes at the end."""
    region_of: dict[str, str] = {}
    _load_customers(
        rows,
        changes,
        chain.iter_customers(),
        region_of_store,
        default_region,
        region_of,
        bucket_of_region,
    )
    rows.flush()
    _load_children(rows, changes, chain, region_of, bucket_of_region)
    rows.flush()


def _load_customers(
    rows: Rows,
    changes: Changes,
    customers: Iterable[CustomerData],
    region_of_store: dict[str, str],
    default_region: str,
    region_of: dict[str, str],
    bucket_of_region: dict[str, str],
) -> None:
    customer_rows = rows.table("customer", _CUSTOMER_COLUMNS)
    identity_rows = rows.table("customer_identity", _IDENTITY_COLUMNS)
    consent_rows = rows.table("consent", _CONSENT_COLUMNS)
    change_rows = changes.buf
    seqs = changes.seqs
    ts, now, encode, flush, uuid5 = rows.ts, rows.now, _encode, rows.flush, _uuid5
    add_customer, add_identity = customer_rows.append, identity_rows.append
    add_consent, add_change = consent_rows.append, change_rows.append
    for c in customers:
        cid = c["id"]
        home = c["home_store_id"]
        region = region_of_store.get(home, default_region) if home else default_region
        region_of[cid] = region
        add_customer(
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
                c["birthday"],  # ISO date text: what both databases store and parse
                c["tier"],
                c["points"],
                home,
                c["preferred_staff_id"],
                c["merged_into"],
                region,
                ts(c["created_at"]),
                ts(c["updated_at"]),
            )
        )
        for ident in c["identities"]:
            add_identity((cid, ident["kind"], ident["value"]))
        for n, consent in enumerate(c["consents"]):
            add_consent(
                (
                    uuid5(cid, f"consent:{n}"),
                    cid,
                    consent["purpose"],
                    consent["channel"],
                    consent["state"],
                    consent["source"],
                    None,
                    consent["wording_version"],
                    ts(consent["recorded_at"]),
                )
            )
        bucket = bucket_of_region[region]
        seq = seqs[bucket] = seqs.get(bucket, 0) + 1
        add_change((bucket, seq, "customer", cid, "upsert", encode(c), now))
        if len(customer_rows) >= BATCH:
            flush()


def _load_children(
    rows: Rows,
    changes: Changes,
    chain: CustomerSource,
    region_of: dict[str, str],
    bucket_of_region: dict[str, str],
) -> None:
    ts, sqlite = rows.ts, rows.sqlite
    order_rows = rows.table("orders", _ORDER_COLUMNS)
    line_rows = rows.table("order_line", _LINE_COLUMNS)

    def money(value: Any) -> Any:
        amount = Decimal(value)
        return int(amount) if sqlite else amount

    for o in chain.iter_orders():
        region = region_of.get(o["customer_id"])
        if region is None:
            continue  # an order of a customer outside this (smaller) chain
        order_rows.append(
            (
                o["id"],
                o["customer_id"],
                o["channel"],
                o["store_id"],
                ts(o["ordered_at"]),
                money(o["total_jpy"]),
                o["status"],
                o["attributed_staff_id"],
                o["attributed_followup_id"],
            )
        )
        for n, line in enumerate(o["lines"], start=1):
            line_rows.append(
                (
                    o["id"],
                    n,
                    line["sku"],
                    line["name"],
                    line["quantity"],
                    money(line["unit_price_jpy"]),
                )
            )
        changes.add(bucket_of_region[region], "order", o["id"], o)
        if len(order_rows) >= BATCH:
            rows.flush()
    # Customer-owned rows: each travels in its customer's region bucket.
    owned: tuple[tuple[str, Iterable[Mapping[str, Any]], Mapping[str, str]], ...] = (
        ("activity", chain.iter_activities(), _ACTIVITY_KINDS),
        ("note", chain.iter_notes(), _CREATED_KINDS),
        ("interest", chain.iter_interests(), _CREATED_KINDS),
    )
    for entity, items, kinds in owned:
        for item in items:
            region = region_of.get(item["customer_id"])
            if region is None:
                continue
            rows.add(entity, item, kinds)
            changes.add(bucket_of_region[region], entity, item["id"], item)
