"""LocalCache: the terminal's encrypted SQLite cache, the one writer to it, and its read API.

It implements the sync engine's `LocalStore` protocol structurally and the reads and writes
the services need. Every public method is one transaction: writes go through one writer
connection under one lock, reads through a second (read-only) connection.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clienteling.domain.models import (
    Category,
    CustomerHit,
    FollowUp,
    Notice,
    PendingChange,
    ProductDetail,
    ProductHit,
    Profile,
    Reservation,
    StoreLists,
)
from clienteling.storage import (
    apply,
    catalog,
    followups,
    outbox,
    profile,
    reservations,
    search,
    snapshot,
)
from clienteling.storage.connection import (
    open_parser,
    open_reader,
    open_writer,
    translate_errors,
)
from clienteling.storage.errors import CacheCorrupt, CacheError, OutboxFull
from clienteling.storage.outbox import OUTBOX_COLUMNS, OutboxRow
from clienteling.storage.pull_page import PageChanges, read_pull_body
from clienteling.storage.tables import (
    SERVER_COPY_TABLES,
    SRV_TABLES,
    srv_index_ddl,
    unique_index_table,
)
from sync.protocol import MutationResult, OutboxStats, PullPage, PullResponse, new_id

__all__ = ["CacheCorrupt", "CacheError", "LocalCache", "OutboxFull", "OutboxRow"]

log = logging.getLogger(__name__)

# sync_state keys
CURSORS = "cursors"
LAST_PULL_AT = "last_pull_at"
FTS_DIRTY = "search_index_dirty"  # the trigram index is stale: rebuild at the end of the pull
BULK_LOAD = "bulk_load"  # secondary indexes are dropped while a first sync loads
# The trigram index is kept in step page by page during this bulk load (its inserts run in
# SQLite, off the GIL, while the engine downloads and parses the next page), so the last page
# only builds the B-tree indexes. Absent for a bulk load a previous app version began.
BULK_FTS_LIVE = "bulk_fts_live"
FIRST_SYNC_DONE = "first_sync_done"

# A page with more customer changes than this skips row-by-row trigram maintenance.
BULK_CUSTOMERS = 2000
WRITER_CACHE_MIB = 64
BULK_CACHE_MIB = 256


class LocalCache:
    """The local cache file. Create with `LocalCache.open(path, key)`; close with `close()`."""

    def __init__(self, path: Path, raw: Any, reader: Any, key: str | None) -> None:
        self.path = path
        self._key = key
        self._raw = raw  # the one writer connection
        self._pages = apply.PageWriter(raw)
        # Reads (search, profile) use their own connection: in WAL mode they see the last
        # commit and never wait behind a long write such as a first sync's index build.
        self._reader = reader
        self._lock = threading.RLock()
        self._read_lock = threading.RLock()
        self._parser = open_parser()  # reads pull pages (no file behind it)
        self._parse_lock = threading.Lock()
        self._products = catalog.ProductIndex()
        self._closed = False

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: Path, key: str | None) -> LocalCache:
        """Open or create the cache at `path`. `key` is the SQLCipher key in hex; None = plain.

        Raises CacheCorrupt when the file is damaged, not a database, or the key is wrong.
        """
        path = Path(path)
        raw = open_writer(path, key)
        try:
            reader = open_reader(path, key)
        except BaseException:
            raw.close()
            raise
        cache = cls(path, raw, reader, key)
        if cache.get_state(CURSORS) is not None:
            cache._discard_downloads()  # a snapshot download this cache no longer needs
        stale = "1" in (cache.get_state(FTS_DIRTY), cache.get_state(BULK_LOAD))
        if stale and cache.get_state(FIRST_SYNC_DONE) == "1":
            # A large pull was interrupted before its index rebuild: finish it now. (During
            # the first sync the rebuild waits for its last page.)
            cache.ensure_search_index()
        return cache

    def close(self) -> None:
        with self._lock, self._read_lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._raw.execute("PRAGMA optimize")
            except Exception:  # closing must not fail because optimize could not run
                log.debug("PRAGMA optimize failed on close", exc_info=True)
            self._reader.close()
            with self._parse_lock:
                self._parser.close()
            self._raw.close()

    @staticmethod
    def quarantine(path: Path) -> Path:
        """Move a broken cache file (and its WAL/SHM files) aside; nothing is deleted.

        Returns the new path `<name>.corrupt-<UTC timestamp>`.
        """
        path = Path(path)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        return target

    @contextmanager
    def _read(self) -> Iterator[Any]:
        """One read transaction on the reader connection: every SELECT sees one snapshot."""
        with self._read_lock, translate_errors(self.path):
            if self._closed:
                raise CacheError("The local cache is closed.")
            self._reader.execute("BEGIN")
            try:
                yield self._reader
            finally:
                self._reader.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One IMMEDIATE transaction: all of it commits or none of it does."""
        with self._lock, translate_errors(self.path):
            if self._closed:
                raise CacheError("The local cache is closed.")
            cur = self._raw.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    # ------------------------------------------------------------------ sync state

    def get_state(self, key: str) -> str | None:
        with self._read() as db:
            row = db.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
            return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        with self._write() as cur:
            _set_state(cur, key, value)

    # ------------------------------------------------------------------ LocalStore protocol

    def pending_mutations(self, limit: int) -> list[OutboxRow]:
        with self._read() as db:
            rows = db.execute(
                f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' "
                "ORDER BY seq LIMIT ?",
                (limit,),
            ).fetchall()
        return [OutboxRow.from_db(r) for r in rows]

    def record_push_results(self, results: list[MutationResult]) -> None:
        with self._write() as cur:
            outbox.apply_results(cur, results, delete_applied=False)

    def record_push_failure(self, mutation_ids: list[str], error: str) -> None:
        with self._write() as cur:
            cur.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? "
                "WHERE mutation_id = ? AND status = 'pending'",
                [(error[:500], mid) for mid in mutation_ids],
            )

    def cursors(self) -> str | None:
        return self.get_state(CURSORS)

    def read_pull_page(self, body: bytes | str) -> PullPage:
        """Parse and check a pull reply body (see sync.client.store.LocalStore) on the parser
        connection: the cache file is not touched, so this runs alongside a write. Raises
        PageRejected when it breaks the protocol."""
        with self._parse_lock, translate_errors(self.path):
            if self._closed:
                raise CacheError("The local cache is closed.")
            return read_pull_body(self._parser, body)

    def apply_pull_page(self, page: PullPage | PullResponse) -> None:
        """Apply one pull page in one transaction (see sync.client.store.LocalStore). A typed
        `PullResponse` (tests, tools) is serialised and read first.

        During the first sync the srv_* secondary indexes are dropped; the page with
        has_more=false builds them in bulk, in its transaction.
        """
        if isinstance(page, PullResponse):
            page = self.read_pull_page(page.model_dump_json())
        if page.must_resync:
            self.reset_server_state()
            return
        changes = page.changes
        if not isinstance(changes, PageChanges):
            raise TypeError("apply_pull_page takes a page from read_pull_page")
        erasing = ("customer", "delete") in changes.groups
        with self._lock:
            self._set_durability(page)
            if erasing:
                # A customer erased (or no longer this terminal's): nothing of them may stay in
                # the file's free pages, the outbox or the write-ahead log.
                self._raw.execute("PRAGMA secure_delete = ON")
            try:
                with self._write() as cur:
                    self._apply_changes(cur, page, changes)
                    if erasing:
                        outbox.forget_customers(cur, changes.jsonb)
                        if _get_state(cur, BULK_LOAD) != "1":
                            # The search index keeps a deleted row's words in its segments
                            # until they are merged: merge them now.
                            cur.execute("INSERT INTO customer_fts(customer_fts) VALUES('optimize')")
            finally:
                if erasing:
                    self._raw.execute("PRAGMA secure_delete = FAST")
            if erasing:
                self._raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if not page.has_more:
                self._raw.execute("PRAGMA synchronous = NORMAL")
                self._raw.execute(f"PRAGMA cache_size = -{WRITER_CACHE_MIB * 1024}")

    def _set_durability(self, page: PullPage) -> None:
        """Skip fsyncs while a first sync loads into a cache with nothing of its own.

        An app crash still loses nothing committed (WAL); only a power cut mid-load could
        damage the file, which then opens as CacheCorrupt and is simply synced again. With
        local changes waiting in the outbox, every page stays fully durable.
        """
        with translate_errors(self.path):
            first = _get_state(self._raw, FIRST_SYNC_DONE) != "1"
            mine = self._raw.execute("SELECT count(*) FROM outbox").fetchone()[0]
            fast = first and page.has_more and mine == 0
            self._raw.execute(f"PRAGMA synchronous = {'OFF' if fast else 'NORMAL'}")
            # A first sync upserts by id into a growing unique index: keep all of it in memory
            # (about 60 MB per million customers) instead of re-reading pages from disk.
            cache_mib = BULK_CACHE_MIB if first else WRITER_CACHE_MIB
            self._raw.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")

    def _apply_changes(self, cur: Any, page: PullPage, changes: PageChanges) -> None:
        first_sync = _get_state(cur, FIRST_SYNC_DONE) != "1"
        bulk = _get_state(cur, BULK_LOAD) == "1"
        if first_sync and not bulk and page.change_count:
            for name in srv_index_ddl():
                cur.execute(f"DROP INDEX IF EXISTS {name}")
            _set_state(cur, BULK_LOAD, "1")
            _set_state(cur, BULK_FTS_LIVE, "1")
            bulk = True
        fts_live = bulk and _get_state(cur, BULK_FTS_LIVE) == "1"
        dirty = (bulk and not fts_live) or _get_state(cur, FTS_DIRTY) == "1"
        big = changes.customers > BULK_CUSTOMERS
        if changes.customers and not dirty and not fts_live and big:
            _set_state(cur, FTS_DIRTY, "1")
            dirty = True
        self._pages.write(cur, changes, bulk=bulk, maintain_fts=not dirty)
        outbox.apply_acks(cur, page.acked_mutation_ids, page.mutation_results)
        _set_state(cur, CURSORS, page.cursors)
        _set_state(cur, LAST_PULL_AT, outbox.utc_now_iso())
        if not page.has_more:
            _rebuild_indexes(cur)
            _set_state(cur, FIRST_SYNC_DONE, "1")

    def reset_server_state(self) -> None:
        with self._write() as cur:
            for table in SERVER_COPY_TABLES:
                cur.execute(f"DELETE FROM {table}")
            # The next pull is a first sync again (bulk load); index flags stay as they are.
            cur.execute("DELETE FROM sync_state WHERE key IN (?, ?)", (CURSORS, FIRST_SYNC_DONE))

    # ------------------------------------------------------------------ snapshots

    def snapshot_format(self) -> int | None:
        """The snapshot format this cache can install (None: a plain cache cannot, since a
        snapshot arrives encrypted and SQLCipher only re-keys encrypted files)."""
        return None if self._key is None else snapshot.CacheSnapshotBuilder.format

    def snapshot_download_path(self) -> Path:
        """Where a snapshot is downloaded to: beside the cache file (same file system, so
        installing it is a rename)."""
        return self.path.with_name(self.path.name + ".snapshot")

    def install_snapshot(self, file: Path, key: str) -> bool:
        """Make the downloaded snapshot `file` (encrypted with `key`) this cache.

        Only before the first pull: returns False (and deletes the file) once this cache has
        cursors. The file is checked and re-keyed to this cache's key without holding any lock
        (the app keeps working); then, under both locks, the outbox and local state are copied
        into it and it replaces the cache file. The file is deleted whatever happens; raises
        SnapshotRejected when it is not usable, CacheError on a local failure.
        """
        file = Path(file)
        try:
            if self._key is None:
                raise snapshot.SnapshotRejected("A plain cache cannot install snapshots")
            if self.cursors() is not None:
                return False
            snapshot.prepare(file, key, self._key)
            with self._lock, self._read_lock, translate_errors(self.path):
                if self._closed:
                    raise CacheError("The local cache is closed.")
                if _get_state(self._raw, CURSORS) is not None:
                    return False
                snapshot.adopt_local_rows(file, self._key, self._raw)
                self._swap_file(file, self._key)
            return True
        finally:
            for side in (file, *_sidecars(file)):
                side.unlink(missing_ok=True)
            self._discard_downloads()

    def _discard_downloads(self) -> None:
        """Remove snapshot download files beside the cache (partial ones and their marks)."""
        pattern = glob.escape(self.snapshot_download_path().name) + "*"
        for leftover in self.path.parent.glob(pattern):
            leftover.unlink(missing_ok=True)

    def _swap_file(self, file: Path, key: str) -> None:
        """Replace the cache file with `file` (caller holds both locks) and reopen. When the
        file cannot be moved in (on Windows another program may hold it), the old cache is
        reopened unchanged and CacheError raised."""
        self._raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._reader.close()
        self._raw.close()
        self._closed = True  # until a file is open again
        for side in _sidecars(self.path):
            side.unlink(missing_ok=True)  # a WAL left beside the new file would be replayed
        try:
            os.replace(file, self.path)
        except OSError as exc:
            self._reopen(key)
            raise CacheError(f"The snapshot could not replace the cache file: {exc}") from exc
        self._reopen(key)

    def _reopen(self, key: str | None) -> None:
        raw = open_writer(self.path, key)
        try:
            reader = open_reader(self.path, key)
        except BaseException:
            raw.close()
            raise
        self._raw, self._reader = raw, reader
        self._pages = apply.PageWriter(raw)
        self._closed = False

    def outbox_stats(self) -> OutboxStats:
        with self._read() as db:
            pending, rejected, oldest = db.execute(
                "SELECT sum(status = 'pending'), sum(status = 'rejected'), "
                "min(CASE WHEN status = 'pending' THEN created_at END) FROM outbox "
                f"WHERE name != '{outbox.AUDIT}'"
            ).fetchone()
        return OutboxStats(
            pending=int(pending or 0),
            rejected=int(rejected or 0),
            oldest_pending_at=outbox.parse_utc(oldest) if oldest else None,
        )

    # ------------------------------------------------------------------ app-facing

    def enqueue(
        self,
        name: str,
        args: dict[str, Any],
        *,
        customer_id: str | None,
        summary: str,
        version: int = 1,
        meta: dict[str, Any] | None = None,
        created_at: str | None = None,
    ) -> str:
        """Insert an outbox entry (which is also the optimistic local row); returns its id.

        `meta` holds local display facts the wire args lack (e.g. staff_id, staff_name);
        `created_at` (UTC ISO) defaults to now. Raises OutboxFull when `name` is capped
        (outbox.PENDING_CAPS) and that many entries of it are still waiting to be sent.
        """
        [mutation_id] = self.enqueue_all(
            [(name, args)],
            customer_id=customer_id,
            summary=summary,
            version=version,
            meta=meta,
            created_at=created_at,
        )
        return mutation_id

    def enqueue_all(
        self,
        entries: list[tuple[str, dict[str, Any]]],
        *,
        customer_id: str | None,
        summary: str,
        version: int = 1,
        meta: dict[str, Any] | None = None,
        created_at: str | None = None,
    ) -> list[str]:
        """Several outbox entries (name, args) of one customer in one transaction, in order:
        all are saved or none (a new customer and the consents given with it)."""
        ids = []
        with self._write() as cur:
            for name, args in entries:
                cap = outbox.PENDING_CAPS.get(name)
                if cap is not None:
                    waiting = cur.execute(
                        "SELECT count(*) FROM outbox WHERE name = ? AND status = 'pending'",
                        (name,),
                    ).fetchone()[0]
                    if waiting >= cap:
                        raise OutboxFull(
                            f"{waiting} requests of this kind are still waiting to be sent; "
                            "reconnect to the server before making more."
                        )
                mutation_id = new_id()
                cur.execute(
                    "INSERT INTO outbox (mutation_id, name, version, args_json, meta_json, "
                    "customer_id, summary, status, attempts, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
                    (
                        mutation_id,
                        name,
                        version,
                        json.dumps(args, ensure_ascii=False, default=str),
                        json.dumps(meta or {}, ensure_ascii=False, default=str),
                        customer_id,
                        outbox.short_summary(summary),
                        created_at or outbox.utc_now_iso(),
                    ),
                )
                ids.append(mutation_id)
        return ids

    def search_customers(self, query: str, limit: int = 50) -> list[CustomerHit]:
        with self._read() as db:
            fts_ready = "1" not in (_get_state(db, FTS_DIRTY), _get_state(db, BULK_LOAD))
            return search.search_customers(db, query, limit, fts_ready=fts_ready)

    def load_profile(self, customer_id: str) -> Profile | None:
        with self._read() as db:
            return profile.load_profile(db, customer_id)

    def product_by_gtin(self, gtin: str) -> dict[str, Any] | None:
        with self._read() as db:
            row = db.execute(
                "SELECT json(data) FROM srv_product WHERE gtin = ?", (gtin,)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def product_by_sku(self, sku: str) -> dict[str, Any] | None:
        with self._read() as db:
            row = db.execute("SELECT json(data) FROM srv_product WHERE sku = ?", (sku,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    # ------------------------------------------------------------------ catalog and stock

    def categories(self, lang: str) -> list[Category]:
        with self._read() as db:
            return catalog.categories(db, lang)

    def search_products(self, query: str, lang: str, limit: int = 50) -> list[ProductHit]:
        with self._read() as db:
            return self._products.search(db, query, lang, limit)

    def product_detail(self, sku: str, store_id: str, lang: str) -> ProductDetail | None:
        with self._read() as db:
            return catalog.product_detail(db, sku, store_id, lang, _get_state(db, LAST_PULL_AT))

    def store_time_zone(self, store_id: str) -> str | None:
        with self._read() as db:
            return catalog.store_time_zone(db, store_id)

    # ------------------------------------------------------------------ reservations

    def customer_reservations(self, customer_id: str) -> list[Reservation]:
        with self._read() as db:
            return reservations.of_customer(db, customer_id)

    def followup_queue(self, store_id: str, staff_id: str | None) -> list[FollowUp]:
        with self._read() as db:
            return followups.store_queue(db, store_id, staff_id)

    def followup(self, followup_id: str) -> FollowUp | None:
        with self._read() as db:
            return followups.one(db, followup_id)

    def store_staff(self, store_id: str) -> dict[str, str]:
        """The store's staff members (id -> name), as the server sent them."""
        with self._read() as db:
            return followups.staff_names(db, store_id)

    def store_lists(self, store_id: str) -> StoreLists:
        with self._read() as db:
            return reservations.store_lists(db, store_id)

    def reservation(self, reservation_id: str) -> Reservation | None:
        with self._read() as db:
            doc = db.execute(
                "SELECT json(data) FROM srv_reservation WHERE id = ?", (reservation_id,)
            ).fetchone()
            docs = [json.loads(doc[0])] if doc else []
            rows = reservations.overlay(db, docs, reservations.entries(db))
        return next((r for r in rows if r.id == reservation_id), None)

    def notices(self, *, unseen_only: bool = False, limit: int = 50) -> list[Notice]:
        with self._read() as db:
            return reservations.notices(db, unseen_only=unseen_only, limit=limit)

    def mark_notices_seen(self, up_to_seq: int) -> None:
        with self._write() as cur:
            cur.execute("UPDATE notice SET seen = 1 WHERE seq <= ? AND seen = 0", (up_to_seq,))

    def outbox_entries(self) -> list[PendingChange]:
        with self._read() as db:
            rows = db.execute(
                f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status IN ('pending', 'rejected') "
                f"AND name != '{outbox.AUDIT}' ORDER BY seq"
            ).fetchall()
        return [OutboxRow.from_db(r).to_pending_change() for r in rows]

    def dismiss_rejected(self, mutation_id: str) -> None:
        """Forget a rejected entry once a person has seen it. Pending entries are never dropped."""
        with self._write() as cur:
            cur.execute(
                "DELETE FROM outbox WHERE mutation_id = ? AND status = 'rejected'", (mutation_id,)
            )

    def first_sync_done(self) -> bool:
        """Whether this cache holds everything the server had at its last complete pull (false
        while a new terminal's first sync is still loading)."""
        return self.get_state(FIRST_SYNC_DONE) == "1"

    def customer_exists(self, customer_id: str) -> bool:
        with self._read() as db:
            found = db.execute(
                "SELECT 1 FROM srv_customer WHERE id = ?1 UNION ALL SELECT 1 FROM outbox "
                "WHERE customer_id = ?1 AND name = 'customer.create' "
                "AND status IN ('pending', 'applied')",
                (customer_id,),
            )
            return found.fetchone() is not None

    def row_counts(self) -> dict[str, int]:
        """Rows per srv_* table (diagnostics and the self-test)."""
        with self._read() as db:
            return {
                table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in SRV_TABLES
            }

    def customer_count(self) -> int:
        with self._read() as db:
            return int(db.execute("SELECT count(*) FROM srv_customer").fetchone()[0])

    def ensure_search_index(self) -> None:
        """Build the search indexes a bulk load left dropped or stale; a no-op otherwise."""
        with self._write() as cur:
            _rebuild_indexes(cur)


def _rebuild_indexes(cur: Any) -> None:
    """Recreate dropped B-tree indexes and refill a stale trigram index, then clear the flags."""
    if _get_state(cur, BULK_LOAD) == "1":
        for name, ddl in srv_index_ddl().items():
            table = unique_index_table(name)
            if table is None:
                cur.execute(ddl)
            else:
                apply.build_unique_index(cur, table, ddl)
        _set_state(cur, BULK_LOAD, "0")
        if _get_state(cur, BULK_FTS_LIVE) != "1":
            _set_state(cur, FTS_DIRTY, "1")
        elif _get_state(cur, FTS_DIRTY) != "1":
            _set_state(cur, FTS_DIRTY, "0")
        _set_state(cur, BULK_FTS_LIVE, "0")
    if _get_state(cur, FTS_DIRTY) == "1":
        apply.rebuild_fts(cur)
        _set_state(cur, FTS_DIRTY, "0")


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _get_state(cur: Any, key: str) -> str | None:
    row = cur.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_state(cur: Any, key: str, value: str) -> None:
    cur.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
