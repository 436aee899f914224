"""Database engines for SQLite and PostgreSQL, and the read/write transaction helpers.

SQLite writers take the write lock at BEGIN (`BEGIN IMMEDIATE`) so they queue instead of
failing half-way; readers use a deferred BEGIN so one pull sees one WAL snapshot.
PostgreSQL readers use a REPEATABLE READ read-only transaction for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

_READ_OPTION = "clienteling_read"
_RAW_KEY = re.compile(r"[0-9a-fA-F]{64}")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, key: str | None = None) -> Engine:
    """An engine for a SQLite or PostgreSQL URL (`postgresql://` gets the psycopg 3 driver).

    `key` (64 hex digits): the SQLite file is encrypted with SQLCipher under this raw key (the
    embedded default's central database, which sits on a terminal beside its cache).
    SQL parameters are names, notes and emails: they never appear in an exception's text.
    """
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite"):
        extra: dict[str, Any] = {}
        if key is not None:
            if not _RAW_KEY.fullmatch(key):
                raise ValueError("the database key must be 64 hexadecimal digits")
            import sqlcipher3.dbapi2

            extra["module"] = sqlcipher3.dbapi2
        engine = create_engine(
            url,
            hide_parameters=True,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=8,
            max_overflow=8,
            **extra,
        )
        _configure_sqlite(engine, key)
        return engine
    return create_engine(
        url, hide_parameters=True, pool_size=10, max_overflow=10, pool_pre_ping=True
    )


def _configure_sqlite(engine: Engine, key: str | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so BEGIN is ours.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if key is not None:
            cur.execute(f"PRAGMA key = \"x'{key}'\"")  # the first statement, always
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_READ_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One write transaction: committed on success, rolled back on any exception."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """One read-only transaction over a single consistent snapshot."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn = conn.execution_options(**{_READ_OPTION: True})
        else:
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with Session(bind=conn) as session, conn.begin():
            yield session


def dialect_insert(session: Session, model: Any) -> Any:
    """An INSERT of `model`'s table with the dialect's extras (`on_conflict_do_nothing`)."""
    from sqlalchemy.dialects import postgresql, sqlite

    table = model.__table__
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
