"""PostgreSQL side of the bulk loader: row batches go in with psycopg's COPY ... FROM STDIN.

COPY in text format lets the server parse each value by its column type, so ISO 8601
timestamps and dates travel as the generator wrote them. It runs inside the loader's
transaction: a failure rolls everything back, and constraints are checked row by row.
"""

from __future__ import annotations

from typing import Any


def pg_timestamp(value: Any) -> Any:
    # ISO text (with its offset) and datetime objects both go to COPY as they are.
    return value


class PostgresSink:
    """Writes row batches with `cursor.copy` on the transaction's psycopg connection."""

    def __init__(self, raw: Any) -> None:
        self.cur = raw.cursor()
        self.statements: dict[str, str] = {}

    def write(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        sql = self.statements.get(table)
        if sql is None:
            names = ", ".join(f'"{c}"' for c in columns)
            sql = self.statements[table] = f'COPY "{table}" ({names}) FROM STDIN'
        with self.cur.copy(sql) as copy:
            write_row = copy.write_row
            for row in rows:
                write_row(row)

    def finish(self) -> None:
        self.cur.close()
