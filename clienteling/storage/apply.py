"""Writing pull pages into the srv_* tables with set-based SQL over the page's JSONB.

Each (entity, op) present in a page is one INSERT ... SELECT (or DELETE) reading the changes
straight from the JSONB body: the rows never become Python objects, and the statements run in
SQLite without the GIL while the engine downloads the next page.

Two modes. Normally every srv_* table has its unique key index and upserts resolve conflicts
on it. During a first sync (bulk) the indexes are dropped: rows are appended (customers with
explicit pks, so their payload rows line up without a lookup), and `finish_bulk` removes the
older copies of anything appended twice before the indexes are built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clienteling.domain.text import email_key
from clienteling.storage.keys import name_key, reading_key
from clienteling.storage.pull_page import PageChanges
from clienteling.storage.tables import SRV_TABLES

_KEEP = " AND key IN (SELECT value FROM json_each(?2))"
_MAX_KEY_ROWS = 500_000  # a name map past this is emptied (a run of all-unique names)


def changes_sql(entity: str, op: str, keep: bool) -> str:
    """SELECT ord, id, d (payload as JSONB), v (the change) of the page's `op` changes of
    `entity`, in page order. ?1 is the page body as JSONB; ?2 (with keep) the JSON array of
    change indexes to apply."""
    return (
        "SELECT key AS ord, value ->> '$.id' AS id, jsonb_extract(value, '$.data') AS d, "
        "value AS v FROM jsonb_each(?1, '$.changes') "
        f"WHERE value ->> '$.entity' = '{entity}' AND value ->> '$.op' = '{op}'"
        + (_KEEP if keep else "")
    )


def _text(field: str) -> str:
    return f"coalesce(d ->> '$.{field}', '')"


@dataclass(frozen=True)
class EntityTable:
    """How one entity's payload `d` (JSONB) maps onto its srv_* table."""

    entity: str
    table: str
    key: str  # the key column (unique index ux_<table>_<key>)
    columns: tuple[tuple[str, str], ...]  # (column, SQL expression over d)

    def upsert_sql(self, keep: bool, bulk: bool) -> str:
        cols = [self.key, *(c for c, _ in self.columns), "data"]
        exprs = ["id", *(e for _, e in self.columns), "d"]
        sql = (
            f"INSERT INTO {self.table} ({', '.join(cols)}) "
            f"SELECT {', '.join(exprs)} FROM ({changes_sql(self.entity, 'upsert', keep)}) "
            "WHERE true ORDER BY ord"
        )
        if bulk:
            return sql
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        return f"{sql} ON CONFLICT({self.key}) DO UPDATE SET {updates}"

    def delete_sql(self, keep: bool) -> str:
        return (
            f"DELETE FROM {self.table} WHERE {self.key} IN "
            f"(SELECT id FROM ({changes_sql(self.entity, 'delete', keep)}))"
        )


def _by_customer(at: str) -> tuple[tuple[str, str], ...]:
    return (("customer_id", _text("customer_id")), (at, _text(at)))


ENTITIES: dict[str, EntityTable] = {
    spec.entity: spec
    for spec in (
        # Customers are upserted by their own statements (below); the spec serves deletes.
        EntityTable("customer", "srv_customer", "id", ()),
        EntityTable("category", "srv_category", "code", ()),
        EntityTable("store", "srv_store", "id", ()),
        EntityTable("staff", "srv_staff", "id", (("store_id", "d ->> '$.store_id'"),)),
        EntityTable(
            "product", "srv_product", "sku", (("gtin", "d ->> '$.gtin'"), ("name", _text("name")))
        ),
        EntityTable(
            "inventory",
            "srv_inventory",
            "id",
            (("store_id", _text("store_id")), ("sku", _text("sku"))),
        ),
        EntityTable("order", "srv_order", "id", _by_customer("ordered_at")),
        EntityTable("activity", "srv_activity", "id", _by_customer("occurred_at")),
        EntityTable("interest", "srv_interest", "id", _by_customer("created_at")),
        EntityTable("note", "srv_note", "id", _by_customer("created_at")),
        EntityTable(
            "reservation",
            "srv_reservation",
            "id",
            (*_by_customer("created_at"), ("store_id", _text("store_id"))),
        ),
        EntityTable(
            "followup",
            "srv_followup",
            "id",
            (*_by_customer("due_date"), ("store_id", _text("store_id"))),
        ),
    )
}
KEY_OF = {spec.table: spec.key for spec in ENTITIES.values()}
assert set(KEY_OF) == set(SRV_TABLES)

# Customers: the narrow srv_customer row (what search reads and the indexes are built from)
# and the payload in srv_customer_doc under the same pk.
_CUSTOMER_COLUMNS = (
    "family_name, given_name, family_kana, given_kana, tier, home_store_id, name_key, "
    "given_key, kana_key, given_kana_key, phone, phone_last4, email, loyalty_card"
)
# An email of ASCII without leading or trailing whitespace or control characters (all of them
# in practice) is keyed in SQL, exactly as domain.text.email_key would (NFKC and strip change
# nothing there); anything else goes through that function.
_EMAIL_KEY = (
    "CASE WHEN length(s.email) = length(CAST(s.email AS BLOB)) AND unicode(s.email) > 32 "
    "AND unicode(substr(s.email, -1)) > 32 THEN lower(s.email) ELSE email_key(s.email) END"
)
_CUSTOMER_FIELDS = (
    ("family_name", "fn"),
    ("given_name", "gn"),
    ("family_kana", "fk"),
    ("given_kana", "gk"),
    ("tier", "tier"),
    ("home_store_id", "home"),
    ("phone", "phone"),
    ("email", "email"),
    ("loyalty_card", "card"),
    ("merged_into", "merged"),
)


def _customer_upsert_sql(keep: bool, bulk: bool) -> str:
    fields = ", ".join(f"d ->> '$.{f}' AS {a}" for f, a in _CUSTOMER_FIELDS)
    # LIMIT -1 keeps the subquery a co-routine, so every field is read from the JSONB once.
    # A name the key maps lack is keyed by Python (name_key_of / reading_key_of).
    source = f"SELECT ord, id, {fields} FROM ({changes_sql('customer', 'upsert', keep)}) LIMIT -1"
    g = "coalesce(g.key, name_key_of(s.gn))"
    gk = "coalesce(gk.key, reading_key_of(s.gk))"
    # Bulk: pks given from the page's top and the change's place in the page (see
    # _customer_doc_sql), so rows append in order and their payload rows line up.
    pk, pk_value = ("pk, ", "?3 + s.ord + 1, ") if bulk else ("", "")
    # A profile merged into another keeps its row (an id held offline opens the survivor)
    # with empty search keys: a search finds the survivor only.
    live = "s.merged IS NULL"
    sql = (
        f"INSERT INTO srv_customer ({pk}id, {_CUSTOMER_COLUMNS}) "
        f"SELECT {pk_value}s.id, coalesce(s.fn, ''), coalesce(s.gn, ''), coalesce(s.fk, ''), "
        "coalesce(s.gk, ''), coalesce(s.tier, ''), s.home, "
        f"iif({live}, coalesce(f.key, name_key_of(s.fn)) || {g}, ''), iif({live}, {g}, ''), "
        f"iif({live}, coalesce(fk.key, reading_key_of(s.fk)) || {gk}, ''), "
        f"iif({live}, {gk}, ''), iif({live}, nullif(s.phone, ''), NULL), "
        f"CASE WHEN {live} AND length(s.phone) >= 4 THEN substr(s.phone, -4) END, "
        f"iif({live}, {_EMAIL_KEY}, NULL), iif({live}, nullif(s.card, ''), NULL) "
        f"FROM ({source}) AS s "
        "LEFT JOIN temp.name_keys AS f ON f.text = s.fn "
        "LEFT JOIN temp.name_keys AS g ON g.text = s.gn "
        "LEFT JOIN temp.reading_keys AS fk ON fk.text = s.fk "
        "LEFT JOIN temp.reading_keys AS gk ON gk.text = s.gk WHERE true"
    )
    if bulk:
        return sql
    updates = ", ".join(f"{c} = excluded.{c}" for c in _CUSTOMER_COLUMNS.split(", "))
    return f"{sql} ORDER BY s.ord ON CONFLICT(id) DO UPDATE SET {updates}"


def _customer_doc_sql(keep: bool, bulk: bool) -> str:
    source = changes_sql("customer", "upsert", keep)
    if bulk:  # the pks the customer rows were given
        return f"INSERT INTO srv_customer_doc (pk, data) SELECT ?3 + ord + 1, d FROM ({source})"
    return (
        "INSERT INTO srv_customer_doc (pk, data) "
        f"SELECT c.pk, s.d FROM ({source}) AS s JOIN srv_customer AS c ON c.id = s.id "
        "WHERE true ORDER BY s.ord ON CONFLICT(pk) DO UPDATE SET data = excluded.data"
    )


class PageWriter:
    """Applies pages on the cache's writer connection (one per connection)."""

    def __init__(self, conn: Any) -> None:
        # Keys of names the maps do not hold yet are computed by Python during the INSERT and
        # added to the maps after it (a statement cannot write to the tables it reads).
        self._learned: dict[str, dict[str, str]] = {"name_keys": {}, "reading_keys": {}}
        conn.create_function("email_key", 1, _email_key_or_none, deterministic=True)
        conn.create_function("name_key_of", 1, self._learner("name_keys", name_key))
        conn.create_function("reading_key_of", 1, self._learner("reading_keys", reading_key))
        for table in self._learned:
            conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} "
                "(text TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID"
            )

    def _learner(self, table: str, fn: Any) -> Any:
        learned = self._learned[table]

        def key_of(value: Any) -> str:
            if value is None:
                return ""
            text = str(value)
            key = learned.get(text)
            if key is None:
                key = learned[text] = fn(text)
            return str(key)

        return key_of

    def _remember_learned(self, cur: Any) -> None:
        for table, learned in self._learned.items():
            if not learned:
                continue
            if cur.execute(f"SELECT count(*) FROM temp.{table}").fetchone()[0] > _MAX_KEY_ROWS:
                cur.execute(f"DELETE FROM temp.{table}")
            cur.executemany(
                f"INSERT OR IGNORE INTO temp.{table} (text, key) VALUES (?, ?)", learned.items()
            )
            learned.clear()

    def write(self, cur: Any, page: PageChanges, *, bulk: bool, maintain_fts: bool) -> None:
        """Apply a page's changes (the last change of an entity wins) in the caller's
        transaction; keep the trigram index in step only when asked.

        Index upkeep is set-based so it costs a few statements per page, not per customer:
        the entries of customers already cached are dropped before the write and re-added
        after it; new customers (pk above the table's top after the deletes) are added in one
        INSERT.
        """
        keep = page.keep is not None
        params: tuple[Any, ...] = (page.jsonb, page.keep) if keep else (page.jsonb,)
        known: list[tuple[int]] = []
        if maintain_fts and page.customers and not bulk:
            # (In bulk mode a customer seen again is appended again; finish_bulk drops the
            # older row and its index entry.)
            known = [
                (pk,)
                for (pk,) in cur.execute(
                    "SELECT pk FROM srv_customer WHERE id IN (SELECT value ->> '$.id' "
                    "FROM jsonb_each(?1, '$.changes') WHERE value ->> '$.entity' = 'customer'"
                    + (_KEEP if keep else "")
                    + ")",
                    params,
                )
            ]
            if known:
                cur.executemany("DELETE FROM customer_fts WHERE rowid = ?", known)
        self._write_deletes(cur, page, params, keep)
        # Rows inserted from here on get a pk above this.
        top = cur.execute("SELECT coalesce(max(pk), 0) FROM srv_customer").fetchone()[0]
        self._write_upserts(cur, page, params, keep, bulk, top)
        if not (maintain_fts and page.customers):
            return
        cur.execute(
            "INSERT INTO customer_fts(rowid, text) "
            "SELECT pk, kana_key FROM srv_customer WHERE pk > ?",
            (top,),
        )
        # Known rows still present kept their pk (upserts update in place). A known pk above
        # the top belonged to a row deleted in this page and now to a new row, indexed above.
        kept = [row for row in known if row[0] <= top]
        if kept:
            cur.executemany(
                "INSERT INTO customer_fts(rowid, text) "
                "SELECT pk, kana_key FROM srv_customer WHERE pk = ?",
                kept,
            )

    def _write_deletes(
        self, cur: Any, page: PageChanges, params: tuple[Any, ...], keep: bool
    ) -> None:
        for entity, op in sorted(page.groups):
            if op != "delete" or entity not in ENTITIES:
                continue
            if entity == "customer":
                gone = (
                    "SELECT pk FROM srv_customer WHERE id IN "
                    f"(SELECT id FROM ({changes_sql('customer', 'delete', keep)}))"
                )
                cur.execute(f"DELETE FROM customer_fts WHERE rowid IN ({gone})", params)
                cur.execute(f"DELETE FROM srv_customer_doc WHERE pk IN ({gone})", params)
            cur.execute(ENTITIES[entity].delete_sql(keep), params)

    def _write_upserts(
        self,
        cur: Any,
        page: PageChanges,
        params: tuple[Any, ...],
        keep: bool,
        bulk: bool,
        top: int,
    ) -> None:
        for entity, op in sorted(page.groups):
            # An entity this app version does not know is ignored, never a failure.
            if op != "upsert" or entity not in ENTITIES:
                continue
            if entity != "customer":
                cur.execute(ENTITIES[entity].upsert_sql(keep, bulk), params)
                continue
            # ?3 (the top pk) is the third parameter even where ?2 is unused.
            with_top = (page.jsonb, page.keep, top) if bulk else params
            cur.execute(_customer_upsert_sql(keep, bulk), with_top)
            self._remember_learned(cur)
            cur.execute(_customer_doc_sql(keep, bulk), with_top)


def build_unique_index(cur: Any, table: str, ddl: str) -> None:
    """Build a key's unique index after a bulk load. A row can have arrived on two pages (from
    two buckets, or changed while the first sync ran): then only its last appended copy is
    kept. (Trying first costs nothing extra when nothing was sent twice, the usual case.)"""
    try:
        cur.execute("SAVEPOINT unique_index")
        cur.execute(ddl)
        cur.execute("RELEASE unique_index")
        return
    except Exception as exc:  # the driver's IntegrityError: some key is there twice
        cur.execute("ROLLBACK TO unique_index")
        cur.execute("RELEASE unique_index")
        if "UNIQUE" not in str(exc):
            raise
    key = KEY_OF[table]
    cur.execute("CREATE TEMP TABLE IF NOT EXISTS older_rows (pk INTEGER PRIMARY KEY)")
    cur.execute("DELETE FROM temp.older_rows")
    cur.execute(
        "INSERT INTO temp.older_rows SELECT pk FROM (SELECT pk, "
        f"row_number() OVER (PARTITION BY {key} ORDER BY pk DESC) AS newer FROM {table}) "
        "WHERE newer > 1"
    )
    if table == "srv_customer":
        cur.execute("DELETE FROM customer_fts WHERE rowid IN (SELECT pk FROM temp.older_rows)")
        cur.execute("DELETE FROM srv_customer_doc WHERE pk IN (SELECT pk FROM temp.older_rows)")
    cur.execute(f"DELETE FROM {table} WHERE pk IN (SELECT pk FROM temp.older_rows)")
    cur.execute(ddl)


def rebuild_fts(cur: Any) -> None:
    """Refill the trigram index from srv_customer in one pass (after a bulk load)."""
    cur.execute("DELETE FROM customer_fts")
    cur.execute("INSERT INTO customer_fts(rowid, text) SELECT pk, kana_key FROM srv_customer")


def _email_key_or_none(value: Any) -> str | None:
    return email_key(value) if isinstance(value, str) and value.strip() else None
