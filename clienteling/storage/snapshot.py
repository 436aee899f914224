"""Snapshots: a whole first sync as one cache file, built on the server, installed by a terminal.

Building (in the central server, which is handed `BUILDER`; see sync.server.snapshots): a fresh
cache applies the pull pages exactly as a terminal's first sync would (bulk load, indexes and
trigram index built at the end), then is sealed into one self-contained file.

Installing (on a terminal, LocalCache.install_snapshot): the downloaded file is checked, re-keyed
from the snapshot's key to the terminal's own key, given the terminal's own rows (outbox and
local state), and put in place of the cache file. The terminal then pulls from the snapshot's
cursors as usual.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from clienteling.storage.connection import (
    SCHEMA_VERSION,
    DatabaseErrors,
    connect_file,
    key_literal,
)
from clienteling.storage.errors import CacheError

# sync_state keys that describe the server copy (they come with a snapshot); every other key is
# the terminal's own and is carried over when a snapshot replaces the file.
SERVER_STATE_KEYS = (
    "schema_version",
    "cursors",
    "last_pull_at",
    "first_sync_done",
    "bulk_load",
    "bulk_fts_live",
    "search_index_dirty",
)
_READ_AHEAD = 2  # pages read (parsed) ahead of the one being applied


class SnapshotRejected(CacheError):
    """A downloaded snapshot this terminal cannot use (wrong key, format, or unfinished)."""


def _state(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


class CacheSnapshotBuilder:
    """The SnapshotBuilder the central server uses (sync.server.snapshots.SnapshotBuilder)."""

    format = SCHEMA_VERSION

    def build(self, pages: Iterable[bytes], out: Path, key: str) -> None:
        from clienteling.storage.cache import LocalCache  # the cache module imports this one

        if out.exists():
            raise CacheError(f"{out.name} already exists")
        cache = LocalCache.open(out, key)
        try:
            for page in _read_ahead(cache, iter(pages)):
                cache.apply_pull_page(page)
            if cache.get_state("first_sync_done") != "1":
                raise CacheError("the pages ended before the last one (has_more never false)")
        finally:
            cache.close()
        seal(out, key)


BUILDER = CacheSnapshotBuilder()


def _read_ahead(cache: Any, bodies: Iterator[bytes]) -> Iterator[Any]:
    """Read (parse and check) pages on a second thread while the caller applies the previous
    one, as the sync engine does on a terminal."""
    pages: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=_READ_AHEAD)
    stop = threading.Event()

    def reader() -> None:
        try:
            for body in bodies:
                if stop.is_set():
                    return
                pages.put(("page", cache.read_pull_page(body)))
            pages.put(("end", None))
        except BaseException as exc:  # handed to the applying thread
            pages.put(("error", exc))

    thread = threading.Thread(target=reader, name="snapshot-read", daemon=True)
    thread.start()
    try:
        while True:
            kind, item = pages.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting for room, then let it end
            try:
                pages.get(timeout=0.05)
            except queue.Empty:
                continue
        thread.join()


def seal(path: Path, key: str) -> None:
    """Make a closed cache file self-contained: rollback journal instead of WAL, so the file
    alone (no -wal/-shm beside it) is the whole database."""
    conn = connect_file(path, key)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()


def prepare(path: Path, snapshot_key: str, cache_key: str) -> None:
    """Check a downloaded snapshot and re-key it to `cache_key`, in place.

    Raises SnapshotRejected when it cannot be opened with its key, is another cache format,
    or is not a finished first sync. Re-keying rewrites every page once; no journal is kept,
    since the file is not in use and a failure means downloading it again.
    """
    try:
        conn = connect_file(path, snapshot_key)
    except CacheError as exc:
        raise SnapshotRejected(f"The snapshot's key is not usable: {exc}") from exc
    except DatabaseErrors as exc:
        raise SnapshotRejected(f"The snapshot cannot be opened with its key: {exc}") from exc
    try:
        try:
            version = _state(conn, "schema_version")
            done = _state(conn, "first_sync_done")
            unfinished = "1" in (_state(conn, "bulk_load"), _state(conn, "search_index_dirty"))
            own = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
        except DatabaseErrors as exc:
            raise SnapshotRejected(f"The snapshot cannot be read: {exc}") from exc
        if version != str(SCHEMA_VERSION):
            raise SnapshotRejected(f"The snapshot is cache format {version}, not {SCHEMA_VERSION}")
        if done != "1" or unfinished or own:
            raise SnapshotRejected("The snapshot is not a finished first sync")
        try:
            conn.execute("PRAGMA journal_mode = OFF").fetchone()
            conn.execute(f"PRAGMA rekey = {key_literal(cache_key)}")
        except DatabaseErrors as exc:
            raise SnapshotRejected(f"The snapshot could not be re-keyed: {exc}") from exc
    finally:
        conn.close()


def adopt_local_rows(snapshot: Path, key: str, cache: Any) -> None:
    """Copy the terminal's own rows (outbox, local state), read on the cache's connection
    `cache`, into the re-keyed `snapshot` (encrypted with `key`), in one transaction."""
    columns = [str(r[1]) for r in cache.execute("PRAGMA table_info(outbox)").fetchall()]
    names = ", ".join(columns)
    marks = ", ".join("?" * len(SERVER_STATE_KEYS))
    own = cache.execute(f"SELECT {names} FROM outbox").fetchall()
    state = cache.execute(
        f"SELECT key, value FROM sync_state WHERE key NOT IN ({marks})", SERVER_STATE_KEYS
    ).fetchall()
    conn = connect_file(snapshot, key)
    try:
        # The file is not the cache yet: a crash here leaves it to be downloaded again, so no
        # journal file is needed (one left beside it would be replayed into the next download).
        conn.execute("PRAGMA journal_mode = MEMORY").fetchone()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            f"INSERT INTO outbox ({names}) VALUES ({', '.join('?' * len(columns))})", own
        )
        conn.executemany("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", state)
        conn.execute("COMMIT")
    finally:
        conn.close()
