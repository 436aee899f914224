"""A fresh terminal's first sync from the server's ready-made snapshot, end to end: the real
server builds it with the terminal's cache code, the real engine downloads and installs it into
an encrypted cache, and the pull goes on from its cursors. Whatever goes wrong with the file,
the plain pull does the first sync and nothing local is lost."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, update

from clienteling.storage import connection
from clienteling.storage.cache import LocalCache
from clienteling.storage.connection import connect_file
from clienteling.storage.snapshot import BUILDER
from sync.client.api import ApiError
from sync.client.engine import MAX_SNAPSHOT_DOWNLOAD_FAILURES, SyncEngine
from sync.protocol import SnapshotOffer, new_id
from sync.server.config import Settings
from sync.server.models import Customer, Snapshot
from sync.server.pins import FAST_PIN_COST
from sync.server.runner import ServerThread
from tests.e2e.mangler import Mangler
from tests.support.server import start_test_server
from tests.sync_client.devices import (
    Terminal,
    count_notes,
    customer_of_region,
    register_terminal,
)
from tests.sync_client.memory_store import MemoryStore

pytestmark = pytest.mark.anyio


@pytest.fixture
def snap_central(database_url: str, tmp_path: Path) -> Iterator[ServerThread]:
    settings = Settings(
        database_url=database_url,
        pin_cost=FAST_PIN_COST,
        snapshot_dir=tmp_path / "snapshots",
        snapshot_builder=BUILDER,
        snapshot_min_rows=0,
    )
    server = start_test_server(database_url, settings=settings)
    yield server
    server.app.state.snapshots.wait_idle(60)
    server.stop()


class Recording:
    """The cache as the engine sees it, noting installs and how many changes were pulled."""

    def __init__(self, cache: LocalCache) -> None:
        self.cache = cache
        self.installs: list[bool | str] = []  # True/False, or the error's class name
        self.pulled = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cache, name)

    def install_snapshot(self, file: Path, key: str) -> bool:
        try:
            installed = self.cache.install_snapshot(file, key)
        except Exception as exc:
            self.installs.append(type(exc).__name__)
            raise
        self.installs.append(installed)
        return installed

    def apply_pull_page(self, page: Any) -> None:
        self.cache.apply_pull_page(page)
        self.pulled += page.change_count


async def ready_snapshot(server: ServerThread, term: Terminal) -> SnapshotOffer:
    await term.api.snapshot_offer(BUILDER.format)  # starts the build
    assert await asyncio.to_thread(server.app.state.snapshots.wait_idle, 60)
    reply = await term.api.snapshot_offer(BUILDER.format)
    assert reply.snapshot is not None
    return reply.snapshot


def region_customers(database_url: str, region: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            stmt = select(func.count()).select_from(Customer).where(Customer.region == region)  # type: ignore[arg-type]
            return int(conn.execute(stmt).scalar_one())
    finally:
        engine.dispose()


def add_note(cache: LocalCache, customer_id: str, text: str) -> None:
    args = {"id": new_id(), "customer_id": customer_id, "text": text}
    cache.enqueue("note.add", args, customer_id=customer_id, summary=text)


async def note_from_another_till(base_url: str, customer_id: str, text: str) -> None:
    other = await register_terminal(base_url, name="another till")
    store = MemoryStore()
    store.enqueue("note.add", {"id": new_id(), "customer_id": customer_id, "text": text})
    try:
        await other.engine(store).sync_once()
    finally:
        await other.api.aclose()


async def test_a_fresh_terminal_starts_from_the_snapshot_keeps_its_offline_note_and_pulls_on(
    snap_central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    term = await register_terminal(snap_central.base_url, name="new tablet")
    region = term.session.store.region
    customer_id = customer_of_region(database_url, region)
    snap = await ready_snapshot(snap_central, term)
    # Written after the snapshot was built: only the pull that follows the install brings it.
    await note_from_another_till(snap_central.base_url, customer_id, "written after the build")

    path, key = tmp_path / "till.db", os.urandom(32).hex()
    cache = LocalCache.open(path, key)
    add_note(cache, customer_id, "noted before the first sync")  # waits in the outbox
    store = Recording(cache)
    try:
        await term.engine(store, store_in_thread=True).sync_once()
        assert store.installs == [True]
        assert 0 < store.pulled < snap.rows  # the new note (and the store's bucket), not all
        assert cache.customer_count() == region_customers(database_url, region)
        assert cache.row_counts()["srv_inventory"] > 0  # the region's stock, in the snapshot
        assert cache.outbox_stats().pending == 0
        assert (
            count_notes(database_url, customer_id=customer_id, text="noted before the first sync")
            == 1
        )
        profile = cache.load_profile(customer_id)
        assert profile is not None
        texts = [n.text for n in profile.notes]
        assert "noted before the first sync" in texts and "written after the build" in texts
        # Search works at once: the snapshot came with its indexes.
        hits = cache.search_customers(profile.family_kana)
        assert customer_id in [h.id for h in hits]
        assert not cache.snapshot_download_path().exists()
    finally:
        cache.close()
        await term.api.aclose()

    # The installed file is the terminal's cache now: its own key, this version's settings.
    again = LocalCache.open(path, key)
    try:
        assert again.customer_count() == region_customers(database_url, region)
    finally:
        again.close()
    conn = connect_file(path, key)
    try:
        assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == 16384
    finally:
        conn.close()


async def test_a_cache_from_before_keeps_its_pending_changes_through_the_install(
    snap_central: ServerThread, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = await register_terminal(snap_central.base_url, name="old tablet")
    customer_id = customer_of_region(database_url, term.session.store.region)
    await ready_snapshot(snap_central, term)
    path, key = tmp_path / "old.db", os.urandom(32).hex()
    # A cache file written with SQLCipher 4's default settings, as earlier versions did.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "CIPHER_SETTINGS", connection.LEGACY_CIPHER_SETTINGS)
        old = LocalCache.open(path, key)
        add_note(old, customer_id, "from the old version")
        old.set_state("staff_context", '{"staff_id": "kept"}')
        old.close()
    legacy = connect_file(path, key)  # (this version's settings fail, the legacy ones read it)
    try:
        assert int(legacy.execute("PRAGMA page_size").fetchone()[0]) == 4096
    finally:
        legacy.close()
    cache = LocalCache.open(path, key)
    store = Recording(cache)
    try:
        await term.engine(store, store_in_thread=True).sync_once()
        assert store.installs == [True]
        assert count_notes(database_url, customer_id=customer_id, text="from the old version") == 1
        assert cache.get_state("staff_context") == '{"staff_id": "kept"}'
    finally:
        cache.close()
        await term.api.aclose()


async def built_snapshot(server: ServerThread) -> SnapshotOffer:
    """The region's snapshot, built at the request of a first tablet (which then leaves)."""
    first = await register_terminal(server.base_url, name="first tablet")
    try:
        return await ready_snapshot(server, first)
    finally:
        await first.api.aclose()


@dataclass
class Tablet:
    """A registered terminal with a fresh encrypted cache and its engine (store on a thread)."""

    term: Terminal
    cache: LocalCache
    store: Recording
    sync: SyncEngine

    @property
    def region(self) -> str:
        return self.term.session.store.region


@asynccontextmanager
async def tablet(base_url: str, path: Path, name: str) -> AsyncIterator[Tablet]:
    term = await register_terminal(base_url, name=name)
    cache = LocalCache.open(path, os.urandom(32).hex())
    store = Recording(cache)
    try:
        yield Tablet(term, cache, store, term.engine(store, store_in_thread=True))
    finally:
        cache.close()
        await term.api.aclose()


async def test_a_damaged_snapshot_is_refused_and_the_plain_pull_does_the_first_sync(
    snap_central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    snap = await built_snapshot(snap_central)
    folder = snap_central.app.state.settings.snapshot_dir
    with (folder / f"{snap.id}.snapshot").open("r+b") as damaged:
        damaged.seek(snap.size // 2)
        damaged.write(b"\0" * 64)

    async with tablet(snap_central.base_url, tmp_path / "till.db", "tablet") as t:
        await t.sync.sync_once()
        assert t.store.installs == []  # the bytes did not match: never handed to the store
        assert t.store.pulled >= snap.rows
        assert t.cache.customer_count() == region_customers(database_url, t.region)
        assert not t.cache.snapshot_download_path().exists()


async def test_a_snapshot_that_does_not_open_with_its_key_is_refused_and_nothing_is_lost(
    snap_central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    snap = await built_snapshot(snap_central)
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                update(Snapshot).where(Snapshot.id == snap.id).values(key="ab" * 32)  # type: ignore[arg-type]
            )
    finally:
        engine.dispose()

    async with tablet(snap_central.base_url, tmp_path / "till.db", "tablet") as t:
        customer_id = customer_of_region(database_url, t.region)
        add_note(t.cache, customer_id, "must survive")
        await t.sync.sync_once()
        assert t.store.installs == ["SnapshotRejected"]
        assert t.cache.customer_count() == region_customers(database_url, t.region)
        assert count_notes(database_url, customer_id=customer_id, text="must survive") == 1
        assert not t.cache.snapshot_download_path().exists()
        # Refused once, not asked again this session (a resync pulls plainly).
        t.cache.reset_server_state()
        await t.sync.sync_once()
        assert t.store.installs == ["SnapshotRejected"]


async def test_only_a_cache_without_cursors_installs_and_a_plain_cache_never_asks(
    snap_central: ServerThread, tmp_path: Path
) -> None:
    term = await register_terminal(snap_central.base_url, name="tablet")
    snap = await ready_snapshot(snap_central, term)
    plain = LocalCache.open(tmp_path / "plain.db", None)
    store = Recording(plain)
    try:
        assert plain.snapshot_format() is None
        await term.engine(store).sync_once()
        assert store.installs == []
        assert store.pulled >= snap.rows

        # A cache that has pulled already keeps what it has; the file is removed anyway.
        key = os.urandom(32).hex()
        synced = LocalCache.open(tmp_path / "synced.db", key)
        try:
            await term.engine(synced).sync_once()  # (installs the snapshot)
            count, cursors = synced.customer_count(), synced.cursors()
            file = synced.snapshot_download_path()
            await term.api.download_snapshot(snap, file)
            assert synced.install_snapshot(file, snap.key) is False
            assert not file.exists()
            assert (synced.customer_count(), synced.cursors()) == (count, cursors)
        finally:
            synced.close()
    finally:
        plain.close()
        await term.api.aclose()


async def test_a_download_cut_short_resumes_where_it_stopped_in_the_next_round(
    snap_central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    snap = await built_snapshot(snap_central)
    with Mangler(snap_central.base_url) as relay:
        async with tablet(relay.base_url, tmp_path / "till.db", "flaky link") as t:
            customer_id = customer_of_region(database_url, t.region)
            add_note(t.cache, customer_id, "kept through the failure")
            relay.cut_downloads = True
            with pytest.raises(ApiError) as failed:
                await t.sync.sync_once()
            assert failed.value.status == 0  # the server went away mid-file: try again later
            assert relay.cut == 1 and t.store.installs == [] and t.store.pulled == 0
            assert t.cache.cursors() is None and t.sync.status.last_error
            part = t.cache.snapshot_download_path()
            assert 0 < part.stat().st_size < snap.size  # what arrived is kept

            relay.cut_downloads = False
            await t.sync.sync_once()
            assert relay.ranges == [None, f"bytes={snap.size // 2}-"]  # only the rest
            assert t.store.installs == [True]
            assert t.cache.outbox_stats().pending == 0
            mine = count_notes(
                database_url, customer_id=customer_id, text="kept through the failure"
            )
            assert mine == 1
            assert list(tmp_path.glob("till.db.snapshot*")) == []


async def test_a_resumed_download_answered_with_the_whole_file_starts_over(
    snap_central: ServerThread, tmp_path: Path
) -> None:
    snap = await built_snapshot(snap_central)
    with Mangler(snap_central.base_url) as relay:
        async with tablet(relay.base_url, tmp_path / "till.db", "old proxy") as t:
            relay.cut_downloads = True
            with pytest.raises(ApiError):
                await t.sync.sync_once()
            relay.cut_downloads, relay.ignore_ranges = False, True
            await t.sync.sync_once()
            assert relay.ranges == [None, f"bytes={snap.size // 2}-"]  # asked; got everything
            assert t.store.installs == [True]


async def test_a_link_that_keeps_dropping_the_file_falls_back_to_the_page_by_page_pull(
    snap_central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    snap = await built_snapshot(snap_central)
    with Mangler(snap_central.base_url) as relay:
        async with tablet(relay.base_url, tmp_path / "till.db", "bad link") as t:
            relay.cut_downloads = True
            for _ in range(MAX_SNAPSHOT_DOWNLOAD_FAILURES - 1):
                with pytest.raises(ApiError):
                    await t.sync.sync_once()
            await t.sync.sync_once()  # the last cut: pages instead
            assert relay.cut == MAX_SNAPSHOT_DOWNLOAD_FAILURES
            assert t.store.installs == [] and t.store.pulled >= snap.rows
            assert t.cache.customer_count() == region_customers(database_url, t.region)
            assert list(tmp_path.glob("till.db.snapshot*")) == []


async def test_a_busy_server_on_resume_keeps_the_bytes_for_the_next_round(
    snap_central: ServerThread, tmp_path: Path
) -> None:
    snap = await built_snapshot(snap_central)
    with Mangler(snap_central.base_url) as relay:
        async with tablet(relay.base_url, tmp_path / "till.db", "tablet") as t:
            relay.cut_downloads = True
            with pytest.raises(ApiError):
                await t.sync.sync_once()
            part = t.cache.snapshot_download_path()
            kept = part.stat().st_size
            relay.cut_downloads, relay.refuse_downloads = False, 503
            with pytest.raises(ApiError) as busy:
                await t.sync.sync_once()
            assert busy.value.status == 503
            assert part.stat().st_size == kept  # not thrown away
            relay.refuse_downloads = None
            await t.sync.sync_once()
            assert relay.ranges[-1] == f"bytes={kept}-" and t.store.installs == [True]
            assert kept == snap.size // 2


async def test_a_file_that_cannot_be_moved_in_leaves_the_old_cache_working(
    snap_central: ServerThread, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await built_snapshot(snap_central)

    def locked(src: object, dst: object) -> None:
        raise PermissionError("another program has the file open")

    async with tablet(snap_central.base_url, tmp_path / "till.db", "tablet") as t:
        customer_id = customer_of_region(database_url, t.region)
        add_note(t.cache, customer_id, "still here")
        with monkeypatch.context() as patch:
            patch.setattr("clienteling.storage.cache.os.replace", locked)
            await t.sync.sync_once()
        assert t.store.installs == ["CacheError"]  # then the plain pull did the first sync
        assert t.cache.customer_count() == region_customers(database_url, t.region)
        add_note(t.cache, customer_id, "written after")  # the cache takes new work
        assert t.cache.outbox_stats().pending == 1
        assert count_notes(database_url, customer_id=customer_id, text="still here") == 1
        assert list(tmp_path.glob("till.db.snapshot*")) == []
