"""Production shape: two API workers on one PostgreSQL, each terminal talking to a different one.

A note written on terminal A (worker 1) shows up on terminal B (worker 2) within two seconds:
the poke crosses workers through LISTEN/NOTIFY, and B pulls it into its encrypted cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clienteling.domain.models import SyncState
from clienteling.services.context import StaffContext
from clienteling.services.notes import NoteService
from clienteling.storage.cache import LocalCache
from tests.support.postgres import PostgresCluster, PostgresUnavailable
from tests.support.server import start_test_server
from tests.sync_client.devices import count_notes, customer_of_region, register_terminal
from tests.sync_client.waiting import eventually

pytestmark = [pytest.mark.anyio, pytest.mark.postgres]

TEXT = "別の API ワーカー経由で届くメモ"


@pytest.fixture(scope="module")
def cluster() -> Iterator[PostgresCluster]:
    try:
        pg = PostgresCluster()
    except PostgresUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield pg
    pg.stop()


@pytest.fixture
def pg_url(cluster: PostgresCluster) -> Iterator[str]:
    with cluster.database() as url:
        yield url


async def test_a_note_reaches_a_terminal_served_by_another_worker(
    pg_url: str, tmp_path: Path
) -> None:
    worker_1 = start_test_server(pg_url)  # migrates and seeds
    worker_2 = start_test_server(pg_url, seed=False)
    caches: list[LocalCache] = []
    try:
        term_a = await register_terminal(worker_1.base_url, name="till on worker 1")
        term_b = await register_terminal(worker_2.base_url, name="till on worker 2")
        caches = [
            LocalCache.open(tmp_path / name, os.urandom(32).hex()) for name in ("a.db", "b.db")
        ]
        cache_a, cache_b = caches
        engine_a = term_a.engine(cache_a, store_in_thread=True)
        engine_b = term_b.engine(cache_b, store_in_thread=True)
        await engine_a.start()
        await engine_b.start()
        try:
            await eventually(lambda: engine_a.status.last_pull_at is not None, what="A synced")
            await eventually(lambda: engine_b.status.last_pull_at is not None, what="B synced")
            await eventually(lambda: not engine_b.status.syncing, what="B idle")
            customer_id = customer_of_region(pg_url, term_a.session.store.region)
            staff, store = term_a.session.staff, term_a.session.store
            context = StaffContext(staff.id, staff.name, store.id, store.name, staff.role)
            note = NoteService(cache_a, context, engine_a).add(customer_id, TEXT)

            def on_b() -> list[tuple[str, SyncState]]:
                profile = cache_b.load_profile(customer_id)
                assert profile is not None
                return [(n.id, n.sync) for n in profile.notes if n.text == TEXT]

            await eventually(lambda: bool(on_b()), timeout=2.0, what="the note on B")
            assert on_b() == [(note.id, SyncState.SYNCED)]
        finally:
            await engine_a.stop()
            await engine_b.stop()
            await term_a.api.aclose()
            await term_b.api.aclose()
        assert count_notes(pg_url, customer_id=customer_id, text=TEXT) == 1
    finally:
        for cache in caches:
            cache.close()
        worker_1.stop()
        worker_2.stop()
        worker_1.app.state.engine.dispose()
        worker_2.app.state.engine.dispose()
