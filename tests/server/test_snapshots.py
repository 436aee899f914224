"""Ready-made first syncs on the server: built with the terminal's own cache code, offered only
to devices of the region, served byte for byte, refreshed when old (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, update

from clienteling.storage.cache import LocalCache
from clienteling.storage.snapshot import BUILDER
from sync.protocol import Cursors, SnapshotReply
from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.models import BucketSeq, Snapshot
from sync.server.runner import ServerThread
from sync.server.snapshots import SnapshotService
from tests.server.chain import SHIBUYA, UMEDA, TinyChain
from tests.server.conftest import Terminal, open_terminal

FORMAT = BUILDER.format


@pytest.fixture
def snap_settings(settings: Settings, tmp_path: Path) -> Settings:
    return dataclasses.replace(
        settings,
        snapshot_dir=tmp_path / "snapshots",
        snapshot_builder=BUILDER,
        snapshot_min_rows=0,  # the tiny chain is far below the production threshold
    )


@pytest.fixture
def snap_server(snap_settings: Settings, engine: Engine) -> Iterator[ServerThread]:
    app = create_app(snap_settings, engine=engine)
    thread = ServerThread(app)
    thread.start()
    yield thread
    app.state.snapshots.wait_idle(60)
    thread.stop()


def service(server: ServerThread) -> SnapshotService:
    snapshots: SnapshotService = server.app.state.snapshots
    return snapshots


def offer(term: Terminal, format: int = FORMAT) -> SnapshotReply:
    resp = term.http.get("/v1/sync/snapshot", params={"format": format}, headers=term.auth)
    assert resp.status_code == 200, resp.text
    assert resp.headers["cache-control"] == "no-store"  # the reply carries the file's key
    return SnapshotReply.model_validate_json(resp.content)


def ready_offer(server: ServerThread, term: Terminal) -> Any:
    first = offer(term)
    assert first.snapshot is None and first.building
    assert service(server).wait_idle(60)
    reply = offer(term)
    assert reply.snapshot is not None
    return reply.snapshot


def test_a_region_snapshot_is_built_offered_and_served_byte_for_byte(
    snap_server: ServerThread, tmp_path: Path
) -> None:
    term = open_terminal(snap_server.base_url, SHIBUYA, "M001")
    snap = ready_offer(snap_server, term)
    assert snap.buckets == ["catalog", "customers:kanto", "stock:kanto"]
    assert snap.format == FORMAT and len(snap.key) == 64

    resp = term.http.get(f"/v1/sync/snapshot/{snap.id}", headers=term.auth)
    assert resp.status_code == 200
    assert resp.headers["cache-control"] == "no-store"
    assert len(resp.content) == snap.size
    assert hashlib.sha256(resp.content).hexdigest() == snap.sha256

    # The file is a finished terminal cache of those buckets, readable with the offered key.
    file = tmp_path / "downloaded.db"
    file.write_bytes(resp.content)
    cache = LocalCache.open(file, snap.key)
    try:
        assert cache.customer_count() == TinyChain().kanto_customers
        assert cache.cursors() == snap.cursors
        # The region's stock is in it (every terminal of the region shares it).
        assert cache.row_counts()["srv_inventory"] == 5
    finally:
        cache.close()

    # Pulling on from its cursors brings only what the snapshot left out: the store's own
    # bucket (reservations: none yet).
    term.cursors = snap.cursors
    pages = term.pull_all()
    buckets = {ch["bucket"] for page in pages for ch in page["changes"]}
    assert buckets <= {f"store:{SHIBUYA}"}
    assert not any(page["must_resync"] for page in pages)


def test_the_snapshot_cursors_are_the_bucket_heads_at_build_time(
    snap_server: ServerThread, engine: Engine
) -> None:
    term = open_terminal(snap_server.base_url, SHIBUYA, "M001")
    snap = ready_offer(snap_server, term)
    with engine.connect() as conn:
        heads = dict(conn.execute(BucketSeq.__table__.select()).all())  # type: ignore[attr-defined]
    assert Cursors.decode(snap.cursors).buckets == {b: heads[b] for b in snap.buckets}
    changes = sum(heads[b] for b in snap.buckets)
    assert 0 < snap.rows <= changes


def test_other_regions_unknown_ids_and_strangers_get_no_file(snap_server: ServerThread) -> None:
    kanto = open_terminal(snap_server.base_url, SHIBUYA, "M001")
    snap = ready_offer(snap_server, kanto)
    kansai = open_terminal(snap_server.base_url, UMEDA, "M003")

    assert kansai.http.get(f"/v1/sync/snapshot/{snap.id}", headers=kansai.auth).status_code == 404
    unknown = kanto.http.get("/v1/sync/snapshot/no-such-snapshot", headers=kanto.auth)
    assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"
    assert kanto.http.get(f"/v1/sync/snapshot/{snap.id}").status_code == 401
    assert kanto.http.get("/v1/sync/snapshot", params={"format": FORMAT}).status_code == 401
    too_long = kanto.http.get(f"/v1/sync/snapshot/{'x' * 200}", headers=kanto.auth)
    assert too_long.status_code == 422
    missing = kanto.http.get("/v1/sync/snapshot", headers=kanto.auth)
    assert missing.status_code == 422  # no format given
    garbage = kanto.http.get("/v1/sync/snapshot", params={"format": "x"}, headers=kanto.auth)
    assert garbage.status_code == 422

    # Kansai's own snapshot is another file, of its own region.
    theirs = ready_offer(snap_server, kansai)
    assert theirs.buckets == ["catalog", "customers:kansai", "stock:kansai"]
    assert theirs.id != snap.id


def test_a_format_the_builder_does_not_write_gets_no_offer(snap_server: ServerThread) -> None:
    term = open_terminal(snap_server.base_url, SHIBUYA, "M001")
    reply = offer(term, format=FORMAT + 1)
    assert reply.snapshot is None and not reply.building


def test_without_a_builder_the_server_offers_nothing(server: ServerThread) -> None:
    term = open_terminal(server.base_url, SHIBUYA, "M001")
    reply = offer(term)
    assert reply.snapshot is None and not reply.building
    assert term.http.get("/v1/sync/snapshot/abc", headers=term.auth).status_code == 404


def test_old_snapshots_are_rebuilt_and_only_two_are_kept(
    snap_server: ServerThread, engine: Engine, snap_settings: Settings
) -> None:
    term = open_terminal(snap_server.base_url, SHIBUYA, "M001")
    first = ready_offer(snap_server, term)
    folder = snap_settings.snapshot_dir
    assert folder is not None

    def age(days: float) -> None:
        with engine.begin() as conn:
            conn.execute(
                update(Snapshot)
                .where(Snapshot.id == first.id)  # type: ignore[arg-type]
                .values(created_at=first.created_at - timedelta(days=days))
            )

    # Past the refresh age: still offered, and a fresh one is built meanwhile.
    age(0.5)
    reply = offer(term)
    assert reply.snapshot is not None and reply.snapshot.id == first.id and reply.building
    assert service(snap_server).wait_idle(60)
    second = offer(term).snapshot
    assert second is not None and second.id != first.id

    # Past the maximum age a snapshot is never offered (a newer one is).
    age(30)
    assert offer(term).snapshot == second

    service(snap_server).build(second.buckets)
    files = sorted(p.name for p in folder.iterdir())
    with engine.connect() as conn:
        kept = conn.execute(Snapshot.__table__.select()).all()  # type: ignore[attr-defined]
    assert len(kept) == 2 and len(files) == 2
    assert first.id not in {row.id for row in kept}


def test_a_builder_that_fails_leaves_no_file_and_is_not_retried_at_once(
    snap_settings: Settings, engine: Engine
) -> None:
    calls: list[int] = []

    class Broken:
        format = FORMAT

        def build(self, pages: Any, out: Path, key: str) -> None:
            calls.append(1)
            next(iter(pages))
            out.write_bytes(os.urandom(100))
            raise RuntimeError("disk full")

    settings = dataclasses.replace(snap_settings, snapshot_builder=Broken())
    app = create_app(settings, engine=engine)
    with ServerThread(app) as server:
        term = open_terminal(server.base_url, SHIBUYA, "M001")
        assert offer(term).building
        assert app.state.snapshots.wait_idle(60)
        again = offer(term)
        assert again.snapshot is None and not again.building  # backing off after the failure
        assert calls == [1]
        assert settings.snapshot_dir is not None
        assert list(settings.snapshot_dir.iterdir()) == []


def test_the_previous_snapshot_is_offered_when_the_newest_file_is_missing(
    snap_server: ServerThread, snap_settings: Settings
) -> None:
    term = open_terminal(snap_server.base_url, SHIBUYA, "M001")
    older = ready_offer(snap_server, term)
    newer = service(snap_server).build(older.buckets)
    assert offer(term).snapshot.id == newer.id  # type: ignore[union-attr]
    assert snap_settings.snapshot_dir is not None
    (snap_settings.snapshot_dir / newer.file_name).unlink()  # e.g. another worker's disk
    assert offer(term).snapshot.id == older.id  # type: ignore[union-attr]


class _Slow:
    """The real builder, counted, taking its time (so two builds would overlap)."""

    format = FORMAT

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls = 0
        self.gate = gate

    def build(self, pages: Any, out: Path, key: str) -> None:
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(30)
        else:
            time.sleep(0.5)
        BUILDER.build(pages, out, key)


def test_two_api_workers_build_a_region_once(
    snap_settings: Settings, engine: Engine, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("an embedded SQLite server is one process: nothing to coordinate")
    builder = _Slow()
    settings = dataclasses.replace(snap_settings, snapshot_builder=builder)
    workers = [SnapshotService(engine, settings) for _ in range(2)]
    buckets = ["catalog", "customers:kanto"]
    assert all(w.start_build(buckets) for w in workers)
    assert all(w.wait_idle(60) for w in workers)
    assert builder.calls == 1
    with engine.connect() as conn:
        assert len(conn.execute(Snapshot.__table__.select()).all()) == 1  # type: ignore[attr-defined]


def test_shutting_down_abandons_a_running_build(snap_settings: Settings, engine: Engine) -> None:
    gate = threading.Event()
    settings = dataclasses.replace(snap_settings, snapshot_builder=_Slow(gate))
    snapshots = SnapshotService(engine, settings)
    assert snapshots.start_build(["catalog", "customers:kanto"])
    snapshots.close(timeout=0.2)  # the builder is still waiting: close returns anyway
    gate.set()
    assert snapshots.wait_idle(60)
    assert not snapshots.start_build(["catalog", "customers:kanto"])
    with engine.connect() as conn:
        assert conn.execute(Snapshot.__table__.select()).all() == []  # type: ignore[attr-defined]
    assert settings.snapshot_dir is not None
    assert list(settings.snapshot_dir.glob("*")) == []


def test_snapshots_of_an_old_format_or_past_the_maximum_age_are_removed(
    snap_server: ServerThread, engine: Engine, snap_settings: Settings
) -> None:
    folder = snap_settings.snapshot_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.snapshot").write_bytes(b"x")
    with engine.begin() as conn:
        conn.execute(
            Snapshot.__table__.insert().values(  # type: ignore[attr-defined]
                id="old-format",
                buckets="catalog,customers:kanto",
                format=FORMAT - 1,
                cursors="",
                rows=1,
                size=1,
                sha256="0" * 64,
                key="ab" * 32,
                file_name="old.snapshot",
                created_at=datetime.now(UTC) - timedelta(days=10),
            )
        )
    fresh = service(snap_server).build(["catalog", "customers:kanto"])
    with engine.connect() as conn:
        ids = [r.id for r in conn.execute(Snapshot.__table__.select()).all()]  # type: ignore[attr-defined]
    assert ids == [fresh.id]
    assert not (folder / "old.snapshot").exists()


def test_a_maximum_age_beyond_the_tombstone_retention_is_refused(
    snap_settings: Settings, engine: Engine
) -> None:
    settings = dataclasses.replace(snap_settings, snapshot_max_age=timedelta(days=40))
    with pytest.raises(ValueError, match="tombstone"):
        create_app(settings, engine=engine)
