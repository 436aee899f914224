"""Writing pull pages into the srv_* tables in bulk (executemany on the raw connection).

Per-row ORM objects would cap a million-customer first sync at a fraction of the target rate,
so each entity has a column extractor and one prepared upsert statement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from clienteling.storage.keys import customer_keys
from sync.protocol import Change

# One reusable C encoder: json.dumps() would rebuild it for every row.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _s(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class EntityTable:
    """How one entity's payload maps onto its srv_* table."""

    table: str
    key: str  # the table's id column
    columns: tuple[str, ...]  # written columns, after the key and before `data`
    extract: Callable[[str, dict[str, Any]], tuple[Any, ...]]

    @property
    def upsert_sql(self) -> str:
        cols = (self.key, *self.columns, "data")
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"{c} = excluded.{c}" for c in (*self.columns, "data"))
        return (
            f"INSERT INTO {self.table} ({', '.join(cols)}) VALUES ({marks}) "
            f"ON CONFLICT({self.key}) DO UPDATE SET {updates}"
        )

    @property
    def delete_sql(self) -> str:
        return f"DELETE FROM {self.table} WHERE {self.key} = ?"

    def row(self, entity_id: str, data: dict[str, Any]) -> tuple[Any, ...]:
        return (entity_id, *self.extract(entity_id, data), _dumps(data))


def _customer(_id: str, d: dict[str, Any]) -> tuple[Any, ...]:
    return (
        _s(d.get("family_name")),
        _s(d.get("given_name")),
        _s(d.get("family_kana")),
        _s(d.get("given_kana")),
        _s(d.get("tier")),
        d.get("home_store_id"),
        *customer_keys(d),
    )


ENTITIES: dict[str, EntityTable] = {
    "store": EntityTable("srv_store", "id", (), lambda _i, _d: ()),
    "staff": EntityTable("srv_staff", "id", ("store_id",), lambda _i, d: (d.get("store_id"),)),
    "product": EntityTable(
        "srv_product",
        "sku",
        ("gtin", "name"),
        lambda _i, d: (d.get("gtin"), _s(d.get("name"))),
    ),
    "inventory": EntityTable(
        "srv_inventory",
        "id",
        ("store_id", "sku"),
        lambda _i, d: (_s(d.get("store_id")), _s(d.get("sku"))),
    ),
    "customer": EntityTable(
        "srv_customer",
        "id",
        (
            "family_name",
            "given_name",
            "family_kana",
            "given_kana",
            "tier",
            "home_store_id",
            "name_key",
            "given_key",
            "kana_key",
            "given_kana_key",
            "phone",
            "phone_last4",
            "email",
            "loyalty_card",
            "search_text",
        ),
        _customer,
    ),
    "order": EntityTable(
        "srv_order",
        "id",
        ("customer_id", "ordered_at"),
        lambda _i, d: (_s(d.get("customer_id")), _s(d.get("ordered_at"))),
    ),
    "activity": EntityTable(
        "srv_activity",
        "id",
        ("customer_id", "occurred_at"),
        lambda _i, d: (_s(d.get("customer_id")), _s(d.get("occurred_at"))),
    ),
    "interest": EntityTable(
        "srv_interest",
        "id",
        ("customer_id", "created_at"),
        lambda _i, d: (_s(d.get("customer_id")), _s(d.get("created_at"))),
    ),
    "note": EntityTable(
        "srv_note",
        "id",
        ("customer_id", "created_at"),
        lambda _i, d: (_s(d.get("customer_id")), _s(d.get("created_at"))),
    ),
    "reservation": EntityTable(
        "srv_reservation",
        "id",
        ("customer_id", "store_id", "created_at"),
        lambda _i, d: (_s(d.get("customer_id")), _s(d.get("store_id")), _s(d.get("created_at"))),
    ),
    "followup": EntityTable(
        "srv_followup",
        "id",
        ("customer_id", "store_id", "due_date"),
        lambda _i, d: (_s(d.get("customer_id")), _s(d.get("store_id")), _s(d.get("due_date"))),
    ),
}


@dataclass
class PageBatch:
    """A page's changes reduced to the last change per (entity, id), grouped per entity."""

    upserts: dict[str, list[tuple[Any, ...]]]
    deletes: dict[str, list[str]]
    customer_ids: list[str]  # customers touched (upserted or deleted)


def batch_changes(changes: Iterable[Change]) -> PageBatch:
    """Collapse a page so the last change of an entity wins, as the feed's order says."""
    last: dict[tuple[str, str], Change] = {}
    for change in changes:
        key = (change.entity, change.id)
        # Re-insert so dict order follows the last occurrence (keeps upsert order stable).
        last.pop(key, None)
        last[key] = change
    upserts: dict[str, list[tuple[Any, ...]]] = {}
    deletes: dict[str, list[str]] = {}
    customer_ids: list[str] = []
    for (entity, entity_id), change in last.items():
        spec = ENTITIES.get(entity)
        if spec is None:  # an entity this app version does not know: ignore, never fail
            continue
        if entity == "customer":
            customer_ids.append(entity_id)
        if change.op == "delete" or change.data is None:
            deletes.setdefault(entity, []).append(entity_id)
        else:
            upserts.setdefault(entity, []).append(spec.row(entity_id, change.data))
    return PageBatch(upserts, deletes, customer_ids)


def write_batch(cur: Any, batch: PageBatch, *, maintain_fts: bool) -> None:
    """Apply a batch with executemany; keep the trigram index in step only when asked."""
    fts_ids = [(cid,) for cid in batch.customer_ids]
    if maintain_fts and fts_ids:
        cur.executemany(
            "DELETE FROM customer_fts WHERE rowid = (SELECT pk FROM srv_customer WHERE id = ?)",
            fts_ids,
        )
    for entity, ids in batch.deletes.items():
        cur.executemany(ENTITIES[entity].delete_sql, [(i,) for i in ids])
    for entity, rows in batch.upserts.items():
        cur.executemany(ENTITIES[entity].upsert_sql, rows)
    if maintain_fts and fts_ids:
        cur.executemany(
            "INSERT INTO customer_fts(rowid, text) "
            "SELECT pk, search_text FROM srv_customer WHERE id = ?",
            fts_ids,
        )


def rebuild_fts(cur: Any) -> None:
    """Refill the trigram index from srv_customer in one pass (after a bulk load)."""
    cur.execute("DELETE FROM customer_fts")
    cur.execute("INSERT INTO customer_fts(rowid, text) SELECT pk, search_text FROM srv_customer")
