"""Ready-made first syncs: the server builds a terminal-cache file per bucket set and serves it.

A terminal's first sync of a region with a million customers is tens of seconds of SQLite work
(inserting every row, then sorting nine indexes and a trigram index). Done once here, for every
terminal of the region, it leaves each terminal a download and a re-key.

The file format belongs to the terminal. The server holds a `SnapshotBuilder` (the terminal's
own code, handed in by whoever starts the server: `sync` never imports the app) and feeds it
exactly the pull pages a fresh device would get; it stores the file with the cursors of the
last page and never reads it again. A snapshot covers the buckets terminals of a region share
(`catalog` and `customers:{region}`); a device pulls its store's bucket as usual.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import secrets
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, func
from sqlmodel import col, select

from sync.protocol import MAX_PULL_LIMIT, Cursors, SnapshotOffer, SnapshotReply, new_id
from sync.server.buckets import CATALOG, device_buckets
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import BucketSeq, Snapshot
from sync.server.pull import PullPage, read_changes
from sync.server.timeutil import as_utc, utcnow

log = logging.getLogger(__name__)

SUFFIX = ".snapshot"
PART_SUFFIX = ".part"
KEEP_PER_BUCKET_SET = 2  # the newest, and the one before it for downloads still running
STALE_PART_S = 3600.0  # a half-written file this old belongs to a build that died


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
    return sorted(b for b in buckets if b == CATALOG or b.startswith("customers:"))


def file_digest(path: Path) -> tuple[str, int]:
    """(sha256 hex, size in bytes) of a file."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


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
    """Offers, serves and (in background threads) builds snapshots for one server process."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self._engine = engine
        self._settings = settings
        self._lock = threading.Lock()
        self._building: dict[tuple[str, int], threading.Thread] = {}
        if self.folder is not None:
            self._remove_stale_parts(self.folder)

    @property
    def folder(self) -> Path | None:
        if self._settings.snapshot_builder is None:
            return None
        return self._settings.snapshot_dir

    # ------------------------------------------------------------------ offering and serving

    def offer(self, device_id: str, format: int) -> SnapshotReply:
        """The newest usable snapshot for this device in `format`, if any. Starts a build in
        the background when there is none yet or the newest one is getting old."""
        builder = self._settings.snapshot_builder
        if self.folder is None or builder is None or format != builder.format:
            return SnapshotReply()
        with read_session(self._engine) as session:
            buckets = shared_buckets(device_buckets(session, device_id))
            row = session.execute(
                select(Snapshot)
                .where(Snapshot.buckets == ",".join(buckets), Snapshot.format == format)
                .order_by(col(Snapshot.created_at).desc())
                .limit(1)
            ).scalar_one_or_none()
            volume = session.execute(
                select(func.coalesce(func.sum(BucketSeq.seq), 0)).where(
                    col(BucketSeq.bucket).in_(buckets)
                )
            ).scalar_one()
        age = None if row is None else utcnow() - as_utc(row.created_at)
        usable = (
            row is not None
            and age is not None
            and age < self._settings.snapshot_max_age
            and (self.folder / row.file_name).is_file()
        )
        building = self.is_building(buckets, format)
        stale = not usable or (age is not None and age >= self._settings.snapshot_refresh_after)
        if stale and int(volume) >= self._settings.snapshot_min_rows:
            building = self.start_build(buckets)
        return SnapshotReply(
            snapshot=to_offer(row) if usable and row is not None else None, building=building
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

    def is_building(self, buckets: list[str], format: int | None = None) -> bool:
        key = (",".join(buckets), self._format if format is None else format)
        with self._lock:
            thread = self._building.get(key)
            return thread is not None and thread.is_alive()

    @property
    def _format(self) -> int:
        builder = self._settings.snapshot_builder
        return -1 if builder is None else builder.format

    def start_build(self, buckets: list[str]) -> bool:
        """Build a snapshot of `buckets` in a background thread (one per bucket set at a
        time). True when a build is running."""
        if self.folder is None:
            return False
        key = (",".join(buckets), self._format)
        with self._lock:
            running = self._building.get(key)
            if running is not None and running.is_alive():
                return True
            thread = threading.Thread(
                target=self._build_logged, args=(buckets,), name="snapshot-build", daemon=True
            )
            self._building[key] = thread
            thread.start()
        return True

    def wait_idle(self, timeout: float) -> bool:
        """Wait for running builds (tests, shutdown); True when none is left."""
        deadline = time.monotonic() + timeout
        with self._lock:
            threads = list(self._building.values())
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in threads)

    def _build_logged(self, buckets: list[str]) -> None:
        try:
            self.build(buckets)
        except Exception:
            log.exception("building a snapshot of %s failed", ",".join(buckets))

    def build(self, buckets: list[str]) -> Snapshot:
        """Build, store and record a snapshot of `buckets` now (in this thread)."""
        builder = self._settings.snapshot_builder
        folder = self.folder
        if builder is None or folder is None:
            raise RuntimeError("snapshots are not configured on this server")
        folder.mkdir(parents=True, exist_ok=True)
        snapshot_id = new_id()
        part = folder / f"{snapshot_id}{PART_SUFFIX}"
        final = folder / f"{snapshot_id}{SUFFIX}"
        key = secrets.token_hex(32)
        feed = _Feed(self._engine, buckets)
        started = time.monotonic()
        try:
            builder.build(feed.pages(), part, key)
            if not feed.finished:
                raise RuntimeError("the snapshot builder stopped before the last page")
            sha256, size = file_digest(part)
            part.rename(final)
        except BaseException:
            _remove_with_sidecars(part)
            raise
        row = Snapshot(
            id=snapshot_id,
            buckets=",".join(buckets),
            format=builder.format,
            cursors=feed.cursors,
            rows=feed.rows,
            size=size,
            sha256=sha256,
            key=key,
            file_name=final.name,
            created_at=utcnow(),
        )
        with write_session(self._engine) as session:
            session.add(row)
        log.info(
            "snapshot of %s built: %d changes, %d MB in %.1f s",
            row.buckets,
            feed.rows,
            size // 1_000_000,
            time.monotonic() - started,
        )
        self._prune(row.buckets, row.format)
        return row

    def _prune(self, buckets: str, format: int) -> None:
        folder = self.folder
        assert folder is not None
        with write_session(self._engine) as session:
            rows = (
                session.execute(
                    select(Snapshot)
                    .where(Snapshot.buckets == buckets, Snapshot.format == format)
                    .order_by(col(Snapshot.created_at).desc())
                )
                .scalars()
                .all()
            )
            for old in rows[KEEP_PER_BUCKET_SET:]:
                session.delete(old)
                (folder / old.file_name).unlink(missing_ok=True)

    @staticmethod
    def _remove_stale_parts(folder: Path) -> None:
        if not folder.is_dir():
            return
        now = time.time()
        for part in folder.glob(f"*{PART_SUFFIX}*"):
            try:
                if now - part.stat().st_mtime > STALE_PART_S:
                    part.unlink()
            except OSError:
                continue


class _Feed:
    """The pages a fresh device with exactly these buckets would pull (no mutation acks)."""

    def __init__(self, engine: Engine, buckets: list[str]) -> None:
        self._engine = engine
        self._positions = dict.fromkeys(buckets, 0)
        self.rows = 0
        self.cursors = Cursors(buckets=dict(self._positions)).encode()
        self.finished = False

    def pages(self) -> Iterator[bytes]:
        while True:
            with read_session(self._engine) as session:
                changes, has_more = read_changes(session, self._positions, MAX_PULL_LIMIT)
            self.rows += len(changes)
            self.cursors = Cursors(buckets=dict(self._positions)).encode()
            self.finished = not has_more
            yield PullPage(changes, self.cursors, has_more).to_json()
            if not has_more:
                return


def _remove_with_sidecars(path: Path) -> None:
    for side in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
