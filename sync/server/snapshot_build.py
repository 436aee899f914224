"""Building one snapshot: feed the builder the pages of a fresh pull, store and record the file,
prune old ones. Used by sync.server.snapshots (which decides when to build)."""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, delete, text
from sqlmodel import col, select

from sync.protocol import MAX_PULL_LIMIT, Cursors, new_id
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.models import Snapshot
from sync.server.pull import PullPage, read_changes
from sync.server.timeutil import as_utc, utcnow

log = logging.getLogger(__name__)

SUFFIX = ".snapshot"
PART_SUFFIX = ".part"
KEEP_PER_BUCKET_SET = 2  # the newest, and the one before it for downloads still running
PRUNE_GRACE = timedelta(hours=1)  # a snapshot this young is never deleted (downloads in flight)
STALE_PART_S = 3600.0  # a half-written file this old belongs to a build that died


class BuildStopped(Exception):
    """The server is shutting down: the build was abandoned between two pages."""


def file_digest(path: Path) -> tuple[str, int]:
    """(sha256 hex, size in bytes) of a file."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@contextmanager
def build_lease(engine: Engine, name: str) -> Iterator[bool]:
    """True when this process may build `name` now: on PostgreSQL a session advisory lock, so
    one API worker builds while the others skip; SQLite serves one process (embedded)."""
    if engine.dialect.name != "postgresql":
        yield True
        return
    lock_id = int.from_bytes(hashlib.sha256(f"snapshot:{name}".encode()).digest()[:8], "big") >> 1
    with engine.connect() as conn:
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_id}).scalar())
        conn.commit()
        try:
            yield got
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_id})
                conn.commit()


def newest(
    engine: Engine, buckets: str, format: int, limit: int = KEEP_PER_BUCKET_SET
) -> list[Snapshot]:
    with read_session(engine) as session:
        return list(
            session.execute(
                select(Snapshot)
                .where(Snapshot.buckets == buckets, Snapshot.format == format)
                .order_by(col(Snapshot.created_at).desc())
                .limit(limit)
            )
            .scalars()
            .all()
        )


def build_snapshot(
    engine: Engine, settings: Settings, buckets: list[str], stopping: threading.Event
) -> Snapshot:
    """Build, store and record a snapshot of `buckets` (in this thread), then prune."""
    builder = settings.snapshot_builder
    folder = settings.snapshot_dir
    if builder is None or folder is None:
        raise RuntimeError("snapshots are not configured on this server")
    folder.mkdir(parents=True, exist_ok=True)
    snapshot_id = new_id()
    part = folder / f"{snapshot_id}{PART_SUFFIX}"
    final = folder / f"{snapshot_id}{SUFFIX}"
    key = secrets.token_hex(32)
    feed = _Feed(engine, buckets, stopping)
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
    try:
        with write_session(engine) as session:
            session.add(row)
    except BaseException:
        final.unlink(missing_ok=True)  # a file no row points to would never be removed
        raise
    log.info(
        "snapshot of %s built: %d changes, %d MB in %.1f s",
        row.buckets,
        feed.rows,
        size // 1_000_000,
        time.monotonic() - started,
    )
    prune(engine, settings)
    return row


def prune(engine: Engine, settings: Settings) -> None:
    """Delete snapshots beyond the newest two of their bucket set and format, and any older
    than the maximum age (old formats, regions that are gone); never one younger than the
    grace period, which a terminal may still be downloading."""
    folder = settings.snapshot_dir
    assert folder is not None
    now = utcnow()
    with read_session(engine) as session:
        rows = (
            session.execute(select(Snapshot).order_by(col(Snapshot.created_at).desc()))
            .scalars()
            .all()
        )
    seen: dict[tuple[str, int], int] = {}
    doomed: list[tuple[str, str]] = []
    for row in rows:
        rank = seen.get((row.buckets, row.format), 0)
        seen[(row.buckets, row.format)] = rank + 1
        age = now - as_utc(row.created_at)
        too_many = rank >= KEEP_PER_BUCKET_SET and age > PRUNE_GRACE
        if too_many or age > settings.snapshot_max_age + PRUNE_GRACE:
            doomed.append((row.id, row.file_name))
    if not doomed:
        return
    with write_session(engine) as session:
        session.execute(delete(Snapshot).where(col(Snapshot.id).in_([d[0] for d in doomed])))
    for _, file_name in doomed:
        (folder / file_name).unlink(missing_ok=True)


def discard_covering(engine: Engine, settings: Settings, bucket: str) -> int:
    """Delete every snapshot that holds `bucket` (its data changed in a way no terminal may
    keep, such as an erasure); returns how many."""
    folder = settings.snapshot_dir
    with write_session(engine) as session:
        rows = [
            r for r in session.execute(select(Snapshot)).scalars() if bucket in r.buckets.split(",")
        ]
        if rows:
            session.execute(delete(Snapshot).where(col(Snapshot.id).in_([r.id for r in rows])))
    if folder is not None:
        for row in rows:
            (folder / row.file_name).unlink(missing_ok=True)
    return len(rows)


def remove_stale_parts(folder: Path) -> None:
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

    def __init__(self, engine: Engine, buckets: list[str], stopping: threading.Event) -> None:
        self._engine = engine
        self._stopping = stopping
        self._positions = dict.fromkeys(buckets, 0)
        self.rows = 0
        self.cursors = Cursors(buckets=dict(self._positions)).encode()
        self.finished = False

    def pages(self) -> Iterator[bytes]:
        while True:
            if self._stopping.is_set():
                raise BuildStopped("the server is shutting down")
            with read_session(self._engine) as session:
                changes, has_more = read_changes(session, self._positions, MAX_PULL_LIMIT)
            self.rows += len(changes)
            self.cursors = Cursors(buckets=dict(self._positions)).encode()
            self.finished = not has_more
            yield PullPage(changes, self.cursors, has_more).to_json()
            if not has_more:
                return


def _remove_with_sidecars(path: Path) -> None:
    path.unlink(missing_ok=True)
    for suffix in ("-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
