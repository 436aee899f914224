"""The cache with the real sync engine and the real central API over HTTP on loopback.

First sync fills the cache and its search index; a note written at the counter is pushed,
comes back in the next pull, and is shown exactly once, as synced.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from clienteling.domain.models import SyncState
from clienteling.services.context import StaffContext
from clienteling.services.notes import NoteService
from clienteling.services.profiles import ProfileService
from clienteling.services.search import SearchService
from clienteling.storage.cache import LocalCache
from sync.client.api import ApiClient
from sync.client.engine import SyncEngine
from sync.client.store import LocalStore
from sync.server.demo import generate
from sync.server.demo.chain import STAFF
from tests.services.conftest import RecordingTrigger
from tests.support.server import running_test_server


async def _round_trip(base_url: str, cache: LocalCache) -> None:
    manager = next(s for s in STAFF if s.data["role"] == "manager")
    api = ApiClient(base_url)
    try:
        device = await api.register_device(
            manager.data["code"], manager.pin, manager.data["store_id"], "test"
        )
        session = await api.open_session(device.device_token, manager.data["code"], manager.pin)
        store: LocalStore = cache  # the cache is the engine's store, structurally
        engine = SyncEngine(store, api, device.device_id, store_in_thread=True)
        await engine.sync_once()

        assert cache.customer_count() > 0
        assert cache.get_state("bulk_load") == "0"
        known = next(
            c for c in generate(customers=200).iter_customers() if cache.customer_exists(c["id"])
        )
        found = SearchService(cache).search(known["family_kana"] + known["given_kana"])
        assert known["id"] in [h.id for h in found.hits]

        staff = StaffContext(
            staff_id=session.staff.id,
            staff_name=session.staff.name,
            store_id=session.store.id,
            store_name=session.store.name,
            role=session.staff.role,
        )
        note = NoteService(cache, staff, RecordingTrigger()).add(known["id"], "試乗の予約を希望")
        await engine.sync_once()

        assert cache.outbox_entries() == []
        profile = ProfileService(cache).load(known["id"])
        assert profile is not None
        mine = [n for n in profile.notes if n.text == "試乗の予約を希望"]
        assert [(n.id, n.sync) for n in mine] == [(note.id, SyncState.SYNCED)]
    finally:
        await api.aclose()


@pytest.mark.slow
def test_first_sync_then_a_note_makes_the_round_trip(tmp_path: Path) -> None:
    with running_test_server(f"sqlite:///{tmp_path / 'server.db'}", scale=200) as server:
        cache = LocalCache.open(tmp_path / "cache.db", "ab" * 32)
        try:
            asyncio.run(_round_trip(server.base_url, cache))
        finally:
            cache.close()
