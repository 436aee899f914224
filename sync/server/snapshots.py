"""Ready-made first syncs: the server builds a terminal-cache file per bucket set and serves it.

A terminal's first sync of a region with a million customers is tens of seconds of SQLite work
(inserting every row, then sorting nine indexes and a trigram index). Done once here, for every
terminal of the region, it leaves each terminal a download and a re-key.

The file format belongs to the terminal. The server holds a `SnapshotBuilder` (the terminal's
own code, handed in by whoever starts the server: `sync` never imports the app) and feeds it
exactly the pull pages a fresh device would get; it stores the file with the cursors of the
last page and never reads it again (sync.server.snapshot_build). A snapshot covers the buckets
terminals of a region share (`catalog` and `customers:{region}`); a device pulls its store's
bucket as usual. With several API workers the snapshot folder must be shared storage; one
worker builds a bucket set at a time (a PostgreSQL advisory lock).
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, func
from sqlmodel import col, select

from sync.protocol import TOMBSTONE_RETENTION_DAYS, SnapshotOffer, SnapshotReply
from sync.server.buckets import CATALOG, device_buckets
from sync.server.config import Settings
from sync.server.db import read_session
from sync.server.errors import ApiError
from sync.server.models import BucketSeq, Snapshot
from sync.server.snapshot_build import (
    BuildStopped,
    build_lease,
    build_snapshot,
    newest,
    remove_stale_parts,
)
from sync.server.timeutil import as_utc, utcnow

log = logging.getLogger(__name__)

# After a failed build, the next one for that bucket set waits this long, doubling per failure.
RETRY_AFTER_FAILURE_S = 600.0
RETRY_CAP_S = 6 * 3600.0


class SnapshotBuilder(Protocol):
    """Turns pull reply bodies into a terminal cache file (implemented by the terminal app)."""

    @property
    def format(self) -> int:
        """The cache format the files are in; a terminal asks for the format it can open."""
        ...

    def build(self, pages: Iterable[bytes], out: Path, key: str) -> None:
        """Write one self-contained file at `out`, encrypted with `key` (hex), holding these
        pull reply bodies applied in order. Raises on failure (the file is then discarded)."""
        ...


def load_builder(spec: str) -> SnapshotBuilder:
    """The builder named `module:attribute` (the server is handed the terminal's code by name,
    so `sync` never imports the app). Raises ValueError when it cannot be loaded."""
    module_name, _, attribute = spec.partition(":")
    try:
        builder = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ValueError(f"cannot load the snapshot builder {spec!r}: {exc}") from exc
    if not isinstance(getattr(builder, "format", None), int) or not callable(
        getattr(builder, "build", None)
    ):
        raise ValueError(f"{spec!r} is not a snapshot builder (format and build)")
    return builder  # type: ignore[no-any-return]


def shared_buckets(buckets: Iterable[str]) -> list[str]:
    """The buckets all terminals of a region share (sorted): what a snapshot covers."""
    return sorted(b for b in buckets if b == CATALOG or b.startswith(("customers:", "stock:")))


def to_offer(row: Snapshot) -> SnapshotOffer:
    return SnapshotOffer(
        id=row.id,
        format=row.format,
        buckets=row.buckets.split(","),
        cursors=row.cursors,
        rows=row.rows,
        size=row.size,
        sha256=row.sha256,
        key=row.key,
        created_at=as_utc(row.created_at),
    )


class SnapshotService:
    """Offers, serves and (in background threads, one build at a time) builds snapshots."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        if settings.snapshot_max_age >= timedelta(days=TOMBSTONE_RETENTION_DAYS):
            # A terminal installing an older one could have missed purged tombstones.
            raise ValueError("snapshot_max_age must stay below the tombstone retention")
        self._engine = engine
        self._settings = settings
        self._lock = threading.Lock()
        self._building: dict[str, threading.Thread] = {}
        self._failures: dict[str, tuple[int, float]] = {}  # name -> (count, not before)
        self._slot = threading.Semaphore(1)  # builds are heavy: one at a time per process
        self._stopping = threading.Event()
        if self.folder is not None:
            remove_stale_parts(self.folder)

    @property
    def folder(self) -> Path | None:
        if self._settings.snapshot_builder is None:
            return None
        return self._settings.snapshot_dir

    @property
    def _format(self) -> int:
        builder = self._settings.snapshot_builder
        return -1 if builder is None else builder.format

    def _name(self, buckets: list[str]) -> str:
        return f"{','.join(buckets)}#{self._format}"

    # ------------------------------------------------------------------ offering and serving

    def offer(self, device_id: str, format: int) -> SnapshotReply:
        """The newest usable snapshot for this device in `format`, if any. Starts a build in
        the background when there is none yet or the newest one is getting old."""
        folder = self.folder
        if folder is None or format != self._format:
            return SnapshotReply()
        with read_session(self._engine) as session:
            buckets = shared_buckets(device_buckets(session, device_id))
            volume = session.execute(
                select(func.coalesce(func.sum(BucketSeq.seq), 0)).where(
                    col(BucketSeq.bucket).in_(buckets)
                )
            ).scalar_one()
        rows = newest(self._engine, ",".join(buckets), format)
        now = utcnow()
        usable = next(
            (
                r
                for r in rows
                if now - as_utc(r.created_at) < self._settings.snapshot_max_age
                and (folder / r.file_name).is_file()
            ),
            None,
        )
        fresh = (
            bool(rows) and now - as_utc(rows[0].created_at) < self._settings.snapshot_refresh_after
        )
        building = self.is_building(buckets)
        if (usable is None or not fresh) and int(volume) >= self._settings.snapshot_min_rows:
            building = self.start_build(buckets)
        return SnapshotReply(
            snapshot=None if usable is None else to_offer(usable), building=building
        )

    def file_for(self, device_id: str, snapshot_id: str) -> Path:
        """The file of a snapshot this device may read; ApiError 404 otherwise."""
        missing = ApiError(404, "not_found", "No such snapshot (it may have been replaced).")
        if self.folder is None:
            raise missing
        with read_session(self._engine) as session:
            row = session.get(Snapshot, snapshot_id)
            allowed = set(device_buckets(session, device_id))
        if row is None or not set(row.buckets.split(",")) <= allowed:
            raise missing  # another region's snapshot is not this device's business
        path = self.folder / row.file_name
        if not path.is_file():
            raise missing
        return path

    # ------------------------------------------------------------------ building

    def is_building(self, buckets: list[str]) -> bool:
        with self._lock:
            thread = self._building.get(self._name(buckets))
            return thread is not None and thread.is_alive()

    def start_build(self, buckets: list[str]) -> bool:
        """Build a snapshot of `buckets` in a background thread, unless one is running or the
        last attempt failed too recently. True when a build is running."""
        if self.folder is None or self._stopping.is_set():
            return False
        name = self._name(buckets)
        with self._lock:
            running = self._building.get(name)
            if running is not None and running.is_alive():
                return True
            _, not_before = self._failures.get(name, (0, 0.0))
            if time.monotonic() < not_before:
                return False
            thread = threading.Thread(
                target=self._build_in_background,
                args=(buckets,),
                name="snapshot-build",
                daemon=True,
            )
            self._building[name] = thread
            thread.start()
        return True

    def build(self, buckets: list[str]) -> Snapshot:
        """Build a snapshot of `buckets` now, in this thread (tools, benchmarks, tests)."""
        return build_snapshot(self._engine, self._settings, buckets, self._stopping)

    def _build_in_background(self, buckets: list[str]) -> None:
        name = self._name(buckets)
        with self._slot:
            if self._stopping.is_set():
                return
            try:
                with build_lease(self._engine, name) as mine:
                    if mine and not self._fresh_one_exists(buckets):
                        self.build(buckets)
            except BuildStopped:
                return
            except Exception:
                log.exception("building a snapshot of %s failed", ",".join(buckets))
                with self._lock:
                    count = self._failures.get(name, (0, 0.0))[0] + 1
                    wait = min(RETRY_CAP_S, RETRY_AFTER_FAILURE_S * 2 ** (count - 1))
                    self._failures[name] = (count, time.monotonic() + wait)
                return
            with self._lock:
                self._failures.pop(name, None)

    def _fresh_one_exists(self, buckets: list[str]) -> bool:
        """Another worker may have finished one while this one waited for its turn."""
        rows = newest(self._engine, ",".join(buckets), self._format, limit=1)
        if not rows or self.folder is None:
            return False
        age = utcnow() - as_utc(rows[0].created_at)
        return (
            age < self._settings.snapshot_refresh_after
            and (self.folder / rows[0].file_name).is_file()
        )

    def wait_idle(self, timeout: float) -> bool:
        """Wait for running builds (tests, shutdown); True when none is left."""
        deadline = time.monotonic() + timeout
        with self._lock:
            threads = list(self._building.values())
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in threads)

    def close(self, timeout: float = 10.0) -> None:
        """Stop starting builds; a running one gives up at its next page (its file is
        removed). Waits up to `timeout` for it."""
        self._stopping.set()
        self.wait_idle(timeout)
