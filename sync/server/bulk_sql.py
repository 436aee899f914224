"""Set-based statements for batches of rows (the ingestion path), fast on both databases.

PostgreSQL gets one statement per table whatever the number of rows: each column travels as
one array parameter and `unnest` turns them back into rows (`INSERT ... SELECT * FROM
unnest(...)`, `UPDATE ... FROM unnest(...)`, `= ANY(array)`). A multi-row VALUES statement
would carry thousands of parameters that the driver parses on every call; the driver's
executemany would run one statement per row. SQLite runs the driver's executemany (a C loop
over one prepared statement) and IN lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, bindparam, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import any_


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _pg_type(session: Session, column: Column[Any]) -> str:
    return str(column.type.compile(dialect=session.get_bind().dialect))


def _arrays(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[dict[str, Any]]
) -> tuple[str, dict[str, list[Any]]]:
    """`unnest(CAST(%(a0)b AS type[]), ...)` for `names`, and its parameters.

    The arrays go in the driver's binary format (`%b`): the text format escapes every element
    with a regular expression, which was a fifth of a batch's time.
    """
    params = {f"a{i}": [row.get(name) for row in rows] for i, name in enumerate(names)}
    casts = ", ".join(
        f"CAST(%(a{i})"
        + ("s" if all(v is None for v in params[f"a{i}"]) else "b")
        + f" AS {_pg_type(session, table.c[name])}[])"
        for i, name in enumerate(names)
    )
    return f"unnest({casts})", params


def _run(session: Session, sql: str, params: dict[str, list[Any]]) -> None:
    """SQL in the driver's own placeholders, straight to it."""
    session.connection().exec_driver_sql(sql, params)


def insert_many(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    upsert: tuple[Sequence[str], Sequence[str]] | None = None,
) -> None:
    """INSERT `rows` (all with the same keys). `upsert` = (conflict columns, columns to
    overwrite): an existing row with the same conflict key takes the new values."""
    if not rows:
        return
    names = list(rows[0])
    if _is_postgres(session):
        source, params = _arrays(session, table, names, rows)
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM {source}"
        if upsert is not None:
            keys, changed = upsert
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in changed)
            sql += f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}"
        _run(session, sql, params)
        return
    stmt = sqlite.insert(table)
    if upsert is not None:
        keys, changed = upsert
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c[k] for k in keys],
            set_={c: stmt.excluded[c] for c in changed},
        )
    session.execute(stmt, list(rows))


def update_many(
    session: Session, table: Table, keys: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    """UPDATE the rows named by `keys` (columns of each row) to the row's other values."""
    if not rows:
        return
    names = list(rows[0])
    changed = [n for n in names if n not in keys]
    if _is_postgres(session):
        source, params = _arrays(session, table, names, rows)
        sets = ", ".join(f"{c} = v.{c}" for c in changed)
        match = " AND ".join(f"{table.name}.{k} = v.{k}" for k in keys)
        sql = f"UPDATE {table.name} SET {sets} FROM {source} AS v({', '.join(names)}) WHERE {match}"
        _run(session, sql, params)
        return
    stmt = update(table).values({c: bindparam(f"v_{c}") for c in changed})
    for k in keys:
        stmt = stmt.where(table.c[k] == bindparam(f"v_{k}"))
    session.execute(stmt, [{f"v_{k}": v for k, v in row.items()} for row in rows])


def one_of(session: Session, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """`column IN (...)`; on PostgreSQL `column = ANY(:array)`, one parameter however many."""
    listed = list(values)
    if _is_postgres(session):
        found: ColumnElement[bool] = column == any_(
            bindparam(None, listed, type_=ARRAY(column.type))
        )
        return found
    inside: ColumnElement[bool] = column.in_(listed)
    return inside


CHUNK = 500
PG_CHUNK = 20_000


def chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """`values` in lists of at most `size`."""
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def chunk_size(session: Session) -> int:
    """How many values one IN list (SQLite) or array (PostgreSQL) holds."""
    return PG_CHUNK if _is_postgres(session) else CHUNK
