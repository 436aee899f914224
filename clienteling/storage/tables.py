"""Names and DDL of the local cache that every part of the storage needs (the tables
themselves are declared in `storage.models`, imported only to create or migrate a file)."""

from __future__ import annotations

import functools

SRV_TABLES: tuple[str, ...] = (
    "srv_category",
    "srv_store",
    "srv_staff",
    "srv_product",
    "srv_inventory",
    "srv_customer",
    "srv_order",
    "srv_activity",
    "srv_interest",
    "srv_note",
    "srv_reservation",
    "srv_followup",
)

# Everything that holds a copy of server data (emptied by a resync, dropped by a schema change).
SERVER_COPY_TABLES: tuple[str, ...] = (*SRV_TABLES, "srv_customer_doc", "customer_fts")

# A plain (self-contained) FTS5 table of kana_key, keyed by srv_customer.pk: deleting by
# rowid needs no old values, and a bulk rebuild is one INSERT ... SELECT.
FTS_DDL = "CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts USING fts5(text, tokenize='trigram')"

# A reservation the server moved on by itself or another terminal moved (expired, ready for
# pickup, arrived, not collected, ...) is a notice: when a row already held changes status,
# and when the first copy of a row this terminal asked for arrives already past confirmed (it
# expired before this terminal pulled it). A first sync appends rows nobody asked for here:
# no notices. Steps this terminal sent itself are no news here.
_NOTICE_STATUSES = "('expired', 'not_collected', 'ready', 'in_transit', 'cancelled', 'fulfilled')"
_NOTICE_INSERT = (
    "BEGIN INSERT INTO notice (kind, subject_id, customer_id, status, created_at, seen) VALUES "
    "('reservation', NEW.id, NEW.customer_id, NEW.data ->> '$.status', "
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0); END"
)
_NOT_OWN_STEP = (
    "NOT EXISTS (SELECT 1 FROM outbox WHERE name LIKE 'reservation.%' "
    "AND name != 'reservation.request' AND args_json ->> '$.id' = NEW.id)"
)
NOTICE_TRIGGERS_DDL = (
    "CREATE TRIGGER IF NOT EXISTS srv_reservation_notice AFTER UPDATE OF data ON srv_reservation "
    "WHEN (NEW.data ->> '$.status') IS NOT (OLD.data ->> '$.status') "
    f"AND (NEW.data ->> '$.status') IN {_NOTICE_STATUSES} AND {_NOT_OWN_STEP} {_NOTICE_INSERT}",
    "CREATE TRIGGER IF NOT EXISTS srv_reservation_first_notice AFTER INSERT ON srv_reservation "
    f"WHEN (NEW.data ->> '$.status') IN {_NOTICE_STATUSES} AND {_NOT_OWN_STEP} "
    "AND EXISTS (SELECT 1 FROM outbox WHERE name = 'reservation.request' "
    f"AND args_json ->> '$.id' = NEW.id) {_NOTICE_INSERT}",
)


def unique_index_table(index_name: str) -> str | None:
    """The srv_* table whose key index this is (ux_<table>_<key>), or None."""
    if not index_name.startswith("ux_"):
        return None
    return next((t for t in SRV_TABLES if index_name.startswith(f"ux_{t}_")), None)


@functools.lru_cache(maxsize=1)
def srv_index_ddl() -> dict[str, str]:
    """name -> CREATE INDEX statement of every secondary index on the srv_* tables.

    They are dropped during a first-sync bulk load and built at its end: sorting once is many
    times faster than millions of random B-tree inserts.
    """
    from clienteling.storage.models import index_ddl

    return index_ddl()
