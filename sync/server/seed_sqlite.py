"""SQLite side of the bulk loader: load-only PRAGMAs, secondary indexes rebuilt after the load.

Rows go straight to the sqlite3 cursor's `executemany` (prepared once, cached by the module).
The whole load is one `BEGIN IMMEDIATE` transaction; SQLite DDL is transactional, so indexes
dropped for the load and re-created from their own `CREATE INDEX` text (same names, same
definitions, as the migration made them) are rolled back together with the rows on failure.
A unique index re-created at the end still checks every row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Load-only settings; the previous values are restored when the load ends.
# synchronous=OFF: no fsync during the load (and its commit's checkpoint). An application
# crash still loses only the uncommitted load; an OS crash or power cut during the load may
# damage the file, acceptable for seeding demo data. journal_mode stays WAL (db.py).
# The 512 MiB cache holds the unique indexes' B-trees; temp_store=MEMORY: the index sorts.
_LOAD_PRAGMAS = {"synchronous": "OFF", "cache_size": "-524288", "temp_store": "MEMORY"}

# The tables that receive most rows: their secondary (non-constraint) indexes are rebuilt.
BULK_TABLES = (
    "customer",
    "customer_identity",
    "consent",
    "change",
    "orders",
    "order_line",
    "activity",
    "note",
    "interest",
)

_DAY_CACHE_LIMIT = 1 << 16


def sqlite_datetime(value: Any) -> Any:
    """The text form SQLAlchemy's SQLite DateTime reads back: UTC, no offset, microseconds."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        offset = value.utcoffset()
        if offset is not None:
            value = (value - offset).replace(tzinfo=None)
        return value.isoformat(" ", "microseconds")
    return value


class SqliteTimestamps:
    """`sqlite_datetime` with a string fast path for whole-second ISO text with an offset.

    "2024-05-01T03:15:00+09:00" -> "2024-04-30 18:15:00.000000" by shifting the hour (and the
    date, through a small memo) instead of parsing and formatting a datetime; anything else
    (fractions, odd offsets, datetime objects) takes `sqlite_datetime`.
    """

    def __init__(self) -> None:
        self.days: dict[tuple[str, int], str] = {}

    def _day(self, day: str, delta: int) -> str:
        key = (day, delta)
        found = self.days.get(key)
        if found is None:
            if len(self.days) >= _DAY_CACHE_LIMIT:
                self.days.clear()
            moved = date.fromisoformat(day) + timedelta(days=delta)
            found = self.days[key] = moved.isoformat()
        return found

    def __call__(self, value: Any) -> Any:
        if type(value) is not str:
            return sqlite_datetime(value)
        n = len(value)
        if n == 20 and value[19] == "Z" and value[10] == "T":
            return f"{value[:10]} {value[11:19]}.000000"
        if n != 25 or value[10] != "T" or value[22] != ":" or value[23:] != "00":
            return sqlite_datetime(value)
        sign = value[19]
        try:
            hour, shift = int(value[11:13]), int(value[20:22])
        except ValueError:
            return sqlite_datetime(value)
        if sign == "+":
            hour -= shift
        elif sign == "-":
            hour += shift
        else:
            return sqlite_datetime(value)
        day = value[:10]
        if hour < 0:
            hour += 24
            day = self._day(day, -1)
        elif hour >= 24:
            hour -= 24
            day = self._day(day, 1)
        return f"{day} {hour:02d}{value[13:19]}.000000"


@contextmanager
def load_pragmas(raw: Any) -> Iterator[None]:
    """Set the load PRAGMAs on the DB-API connection (outside a transaction), then restore."""
    cur = raw.cursor()
    try:
        saved = {name: cur.execute(f"PRAGMA {name}").fetchone()[0] for name in _LOAD_PRAGMAS}
        for name, value in _LOAD_PRAGMAS.items():
            cur.execute(f"PRAGMA {name} = {value}")
        yield
    finally:
        if raw.in_transaction:  # only after a failure that left the transaction open
            raw.rollback()
        for name, value in saved.items():
            cur.execute(f"PRAGMA {name} = {int(value)}")
        cur.close()


class SqliteSink:
    """Writes row batches with the DB-API cursor; drops and re-creates secondary indexes."""

    placeholder = "?"

    def __init__(self, conn: Connection, raw: Any, *, rebuild_indexes: bool) -> None:
        self.conn = conn
        self.cur = raw.cursor()
        self.statements: dict[str, str] = {}
        self.indexes: list[tuple[str, str]] = []
        if rebuild_indexes:
            marks = ", ".join("?" for _ in BULK_TABLES)
            self.indexes = [
                (str(name), str(sql))
                for name, sql in self.cur.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY rowid",
                    BULK_TABLES,
                ).fetchall()
            ]
            for name, _sql in self.indexes:
                self.cur.execute(f'DROP INDEX "{name}"')

    def write(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        sql = self.statements.get(table)
        if sql is None:
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            sql = self.statements[table] = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        self.cur.executemany(sql, rows)

    def finish(self) -> None:
        for _name, sql in self.indexes:
            self.cur.execute(sql)
        self.indexes = []
        self.cur.close()
