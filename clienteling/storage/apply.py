"""Writing pull pages into the srv_* tables in bulk (executemany on the raw connection).

Per-row ORM objects would cap a million-customer first sync at a fraction of the target rate,
so each entity has a column extractor and one prepared upsert statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from clienteling.storage.keys import customer_keys
from sync.protocol import Change

_orjson_dumps = orjson.dumps


def _dumps(data: dict[str, Any]) -> str:
    """Compact UTF-8 JSON text (no ASCII escapes), as json.dumps(..., ensure_ascii=False,
    separators=(",", ":")) would write it, about ten times faster."""
    return _orjson_dumps(data).decode()


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
    # The hottest function of a first sync: one dict lookup per field, str values (all of
    # them in practice) taken as they are.
    get = d.get
    family = get("family_name")
    given = get("given_name")
    family_kana = get("family_kana")
    given_kana = get("given_kana")
    tier = get("tier")
    return (
        family if type(family) is str else _s(family),
        given if type(given) is str else _s(given),
        family_kana if type(family_kana) is str else _s(family_kana),
        given_kana if type(given_kana) is str else _s(given_kana),
        tier if type(tier) is str else _s(tier),
        get("home_store_id"),
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


def _last_of_each(changes: Iterable[Change]) -> Sequence[Change]:
    """The page's changes with only the last change of each (entity, id), in feed order."""
    listed = changes if isinstance(changes, list) else list(changes)
    if len({(c.entity, c.id) for c in listed}) == len(listed):
        return listed  # the usual case (the feed keeps one row per entity and bucket)
    last: dict[tuple[str, str], Change] = {}
    for change in listed:
        key = (change.entity, change.id)
        # Re-insert so dict order follows the last occurrence (keeps upsert order stable).
        last.pop(key, None)
        last[key] = change
    return list(last.values())


def batch_changes(changes: Iterable[Change]) -> PageBatch:
    """Collapse a page so the last change of an entity wins, as the feed's order says."""
    upserts: dict[str, list[tuple[Any, ...]]] = {}
    deletes: dict[str, list[str]] = {}
    customer_ids: list[str] = []
    specs = ENTITIES
    dumps = _dumps
    for change in _last_of_each(changes):
        entity = change.entity
        spec = specs.get(entity)
        if spec is None:  # an entity this app version does not know: ignore, never fail
            continue
        entity_id = change.id
        if entity == "customer":
            customer_ids.append(entity_id)
        data = change.data
        if change.op == "delete" or data is None:
            deletes.setdefault(entity, []).append(entity_id)
        else:
            rows = upserts.get(entity)
            if rows is None:
                rows = upserts[entity] = []
            rows.append((entity_id, *spec.extract(entity_id, data), dumps(data)))
    return PageBatch(upserts, deletes, customer_ids)


def write_batch(cur: Any, batch: PageBatch, *, maintain_fts: bool) -> None:
    """Apply a batch with executemany; keep the trigram index in step only when asked.

    Index upkeep is set-based so it costs a few statements per page, not per customer: the
    entries of customers already cached are dropped before the write and re-added after it;
    new customers (pk above the table's top after the deletes) are added in one INSERT.
    """
    customer_ids = batch.customer_ids
    if not (maintain_fts and customer_ids):
        _write_deletes(cur, batch)
        _write_upserts(cur, batch)
        return
    known = [
        (pk,)
        for (pk,) in cur.execute(
            "SELECT pk FROM srv_customer WHERE id IN (SELECT value FROM json_each(?))",
            (_orjson_dumps(customer_ids).decode(),),
        )
    ]
    if known:
        cur.executemany("DELETE FROM customer_fts WHERE rowid = ?", known)
    _write_deletes(cur, batch)
    # Rows inserted from here on get a pk above this (rowid = max + 1).
    top = cur.execute("SELECT coalesce(max(pk), 0) FROM srv_customer").fetchone()[0]
    _write_upserts(cur, batch)
    cur.execute(
        "INSERT INTO customer_fts(rowid, text) "
        "SELECT pk, search_text FROM srv_customer WHERE pk > ?",
        (top,),
    )
    # Known rows still present kept their pk (upserts update in place). A known pk above the
    # top belonged to a row deleted in this page and now to a new row, indexed just above.
    kept = [row for row in known if row[0] <= top]
    if kept:
        cur.executemany(
            "INSERT INTO customer_fts(rowid, text) "
            "SELECT pk, search_text FROM srv_customer WHERE pk = ?",
            kept,
        )


def _write_deletes(cur: Any, batch: PageBatch) -> None:
    for entity, ids in batch.deletes.items():
        cur.executemany(ENTITIES[entity].delete_sql, [(i,) for i in ids])


def _write_upserts(cur: Any, batch: PageBatch) -> None:
    for entity, rows in batch.upserts.items():
        cur.executemany(ENTITIES[entity].upsert_sql, rows)


def rebuild_fts(cur: Any) -> None:
    """Refill the trigram index from srv_customer in one pass (after a bulk load)."""
    cur.execute("DELETE FROM customer_fts")
    cur.execute("INSERT INTO customer_fts(rowid, text) SELECT pk, search_text FROM srv_customer")
