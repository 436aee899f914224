"""Opening the cache file: SQLCipher with a raw key (or plain SQLite for tests), pragmas, schema.

Everything that turns a driver error about an unreadable file into `CacheCorrupt` lives here.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from clienteling.storage.errors import CacheCorrupt, CacheError
from clienteling.storage.tables import FTS_DDL, NOTICE_TRIGGERS_DDL, SERVER_COPY_TABLES

SCHEMA_VERSION = 3
# sync_state keys a schema change that drops the server rows clears (a fresh first sync).
RESYNC_KEYS = ("cursors", "first_sync_done", "bulk_load", "bulk_fts_live", "search_index_dirty")

_HEX = re.compile(r"^[0-9a-fA-F]+$")
# Driver messages that mean "this file cannot be read as our database".
_CORRUPT_MARKERS = ("file is not a database", "malformed", "file is encrypted", "not a database")

DatabaseErrors: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def is_corruption(exc: BaseException) -> bool:
    """True when a driver error says the file itself is unreadable (not a query mistake)."""
    text = str(exc).lower()
    return any(marker in text for marker in _CORRUPT_MARKERS)


def corrupt_error(path: Path, exc: BaseException) -> CacheCorrupt:
    return CacheCorrupt(
        f"The local cache file {path.name} cannot be read (it is damaged, is not a cache "
        f"database, or was written with another key): {exc}"
    )


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Re-raise driver errors as CacheCorrupt (unreadable file) or CacheError (anything else)."""
    try:
        yield
    except CacheError:
        raise
    except DatabaseErrors as exc:
        if is_corruption(exc):
            raise corrupt_error(path, exc) from exc
        raise CacheError(f"The local cache failed: {exc}") from exc


def key_literal(key: str) -> str:
    """The SQL literal SQLCipher takes for a hex key (in PRAGMA key/rekey and ATTACH ... KEY).

    A 32-byte key (64 hex digits, or 96 with an explicit salt) is used raw; other lengths as a
    passphrase. Raises CacheError for anything but hex digits (nothing else reaches the SQL).
    """
    if not key or not _HEX.match(key):
        raise CacheError("The cache key must be a non-empty hexadecimal string.")
    return f"\"x'{key}'\"" if len(key) in (64, 96) else f"'{key}'"


# SQLCipher settings of caches made by this version: 16 KiB pages and HMAC-SHA256 (SHA-NI)
# instead of SQLCipher 4's 4 KiB and HMAC-SHA512. Every page written or re-keyed costs about
# half as much: installing a snapshot (a re-key of the whole file) is twice as fast.
CIPHER_SETTINGS = (
    "PRAGMA cipher_page_size = 16384",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA256",
)
# Caches made before keep SQLCipher 4's defaults; they open with these (no statements).
LEGACY_CIPHER_SETTINGS: tuple[str, ...] = ()


def _keyed(path: Path, key: str, settings: tuple[str, ...]) -> Any:
    conn: Any = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # The key must be the very first statement on an encrypted connection.
        conn.execute(f"PRAGMA key = {key_literal(key)}")
        for statement in settings:
            conn.execute(statement)
        # Reading the schema is the first moment a wrong key or a garbage file shows itself.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def connect_file(path: Path, key: str | None) -> Any:
    """A connection to the cache file at `path` with the right key and cipher settings.

    An encrypted file is tried with this version's settings, then with the legacy ones; a
    new or empty file gets this version's. Raises the driver's error when neither reads it
    (a wrong key, or not a database).
    """
    if key is None:
        # Plain caches (tests, benchmarks) open with the same library: one SQLite version.
        conn: Any = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn
    key_literal(key)  # checks the key before anything touches the file
    try:
        return _keyed(path, key, CIPHER_SETTINGS)
    except DatabaseErrors as exc:
        if not is_corruption(exc) or not path.exists() or path.stat().st_size == 0:
            raise
    return _keyed(path, key, LEGACY_CIPHER_SETTINGS)


def _connect(path: Path, key: str | None, *, cache_mib: int = 64) -> Any:
    if key is not None and not _HEX.match(key):
        raise CacheError("The cache key must be a non-empty hexadecimal string.")
    try:
        conn = connect_file(path, key)
    except DatabaseErrors as exc:
        if is_corruption(exc):
            raise corrupt_error(path, exc) from exc
        raise CacheError(f"The local cache could not be opened: {exc}") from exc
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Deleted rows are zeroed where they were (an erasure turns it fully on: free pages too).
        conn.execute("PRAGMA secure_delete = FAST")
        # The writer gets a big page cache: bulk loads touch many index pages.
        conn.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
        # Checkpoint every 16 MiB instead of 4 MiB: a first sync writes gigabytes, and each
        # checkpoint ends in an fsync.
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        conn.execute(f"PRAGMA wal_autocheckpoint = {(16 << 20) // page_size}")
    except DatabaseErrors as exc:
        conn.close()
        if is_corruption(exc):
            raise corrupt_error(path, exc) from exc
        raise CacheError(f"The local cache could not be opened: {exc}") from exc
    return conn


def open_writer(path: Path, key: str | None) -> Any:
    """Open (creating if needed) and migrate the cache file; return its one writer connection
    (the cache has one writer; callers serialise access with their own lock)."""
    if path.exists() and path.is_dir():
        raise CacheError(f"The cache path {path} is a folder, not a file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = _connect(path, key)
    try:
        with translate_errors(path):
            migrate(raw)
    except BaseException:
        raw.close()
        raise
    return raw


def open_reader(path: Path, key: str | None) -> Any:
    """A second, read-only connection to an already opened (and migrated) cache file."""
    conn = _connect(path, key, cache_mib=16)
    conn.execute("PRAGMA query_only = 1")
    return conn


def open_parser() -> Any:
    """An in-memory connection for reading pull pages: SQLite's JSON functions, no file, so
    a page is read on its own thread while the writer applies the previous one."""
    return sqlcipher3.connect(":memory:", check_same_thread=False, isolation_level=None)


def _schema_version(raw: Any) -> int:
    row = raw.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
    ).fetchone()
    if row is None:
        return 0
    found = raw.execute("SELECT value FROM sync_state WHERE key = 'schema_version'").fetchone()
    return int(found[0]) if found else 0


def _create_tables(raw: Any) -> None:
    from clienteling.storage.models import create_tables  # SQLAlchemy: only to create tables

    create_tables(raw)


def migrate(raw: Any) -> None:
    """Bring the schema to SCHEMA_VERSION; each step runs once, in order."""
    version = _schema_version(raw)
    if version > SCHEMA_VERSION:
        raise CacheError(
            f"The cache was written by a newer version of the app (schema {version}); "
            "update the app or move the cache aside to resync."
        )
    if version < 1:
        _create_tables(raw)
        raw.execute(FTS_DDL)
        for ddl in NOTICE_TRIGGERS_DDL:
            raw.execute(ddl)
    elif version < 3:
        # 2: payloads as JSONB, the customer payload in srv_customer_doc. The srv_* tables
        # are a copy of the server's data: drop them and sync again; the outbox stays.
        # (From 1 and from 2 alike.)
        for table in SERVER_COPY_TABLES:
            raw.execute(f"DROP TABLE IF EXISTS {table}")
        raw.execute(
            f"DELETE FROM sync_state WHERE key IN ({', '.join('?' * len(RESYNC_KEYS))})",
            RESYNC_KEYS,
        )
        _create_tables(raw)
        raw.execute(FTS_DDL)
        # 3: categories (a new catalog entity a previous version skipped past: hence the
        # resync), the server's answer on outbox entries, notices.
        if version >= 1:
            columns = {r[1] for r in raw.execute("PRAGMA table_info(outbox)").fetchall()}
            if "result_json" not in columns:
                raw.execute("ALTER TABLE outbox ADD COLUMN result_json TEXT")
        for ddl in NOTICE_TRIGGERS_DDL:
            raw.execute(ddl)
    if version < SCHEMA_VERSION:
        raw.execute(
            "INSERT OR REPLACE INTO sync_state(key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
    # Future steps: `if version < 3: ...` with ALTER TABLE / data moves, then bump the version.
