"""A walk-in customer registered at two terminals while the server is down: before sync each
terminal finds them by name, kana, romaji, phone and email and opens the profile with the notes
written there; after sync both terminals hold one profile with both terminals' notes and
interests, and the id the other terminal made opens it too (real server over HTTP, real
encrypted caches and sync engines)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clienteling.domain.models import SyncState
from clienteling.services.customers import CustomerService, NewCustomer
from clienteling.services.interests import InterestService
from clienteling.services.notes import NoteService
from clienteling.services.search import SearchService
from clienteling.storage.cache import LocalCache
from sync.server.runner import ServerThread
from tests.e2e.test_two_terminals import staff_context
from tests.support.server import start_test_server
from tests.sync_client.devices import register_terminal
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio


def _ids(cache: LocalCache, query: str) -> list[tuple[str, SyncState]]:
    return [(h.id, h.sync) for h in SearchService(cache).search(query).hits]


async def test_a_walk_in_made_offline_on_two_terminals_is_one_profile_after_sync(
    central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    term_a = await register_terminal(central.base_url, name="till A")
    term_b = await register_terminal(central.base_url, name="till B")
    cache_a = LocalCache.open(tmp_path / "a.db", os.urandom(32).hex())
    cache_b = LocalCache.open(tmp_path / "b.db", os.urandom(32).hex())
    engine_a = term_a.engine(cache_a, store_in_thread=True)
    engine_b = term_b.engine(cache_b, store_in_thread=True)
    restarted: ServerThread | None = None
    try:
        await engine_a.start()
        await engine_b.start()
        await eventually(lambda: engine_a.status.last_pull_at is not None, what="A's sync")
        await eventually(lambda: engine_b.status.last_pull_at is not None, what="B's sync")
        port = central.port
        central.stop()
        await eventually(lambda: not engine_a.status.online, what="A to notice the outage")
        await eventually(lambda: not engine_b.status.online, what="B to notice the outage")

        ctx_a, ctx_b = staff_context(term_a), staff_context(term_b)
        on_a = CustomerService(cache_a, ctx_a, engine_a).create(
            NewCustomer(
                family_name="勅使河原",
                given_name="葵",
                family_kana="てしがわら",
                given_kana="あおい",
                phone="090-2468-1357",
                consents=("sms",),
            )
        )
        on_b = CustomerService(cache_b, ctx_b, engine_b).create(
            NewCustomer(
                family_name="勅使河原",
                given_name="葵",
                family_kana="テシガワラ",
                given_kana="アオイ",
                phone="０９０２４６８１３５７",
                email="aoi.sasaki@example.jp",
            )
        )
        # Before sync: found every way, and opens with what was written here.
        for query in (
            "勅使河原",
            "勅使河原 葵",
            "てしがわら",
            "テシガワラ アオイ",
            "teshigawara",
            "090-2468-1357",
            "1357",
        ):
            hits = _ids(cache_a, query)
            assert (on_a, SyncState.PENDING) in hits, query
            assert [h for h in hits if h[1] is not SyncState.SYNCED] == [(on_a, SyncState.PENDING)]
        assert _ids(cache_b, "aoi.sasaki@example.jp") == [(on_b, SyncState.PENDING)]
        note_a = NoteService(cache_a, ctx_a, engine_a).add(on_a, "ヘルメットを試着、Mサイズ")
        InterestService(cache_a, ctx_a, engine_a).add(
            on_a, code=None, category="accessory", comment="ライトも検討"
        )
        note_b = NoteService(cache_b, ctx_b, engine_b).add(on_b, "来週また来店予定")
        profile = cache_a.load_profile(on_a)
        assert profile is not None and profile.sync is SyncState.PENDING
        assert profile.display_name == "勅使河原 葵"
        assert [n.id for n in profile.notes] == [note_a.id]
        assert [(c.channel, c.state) for c in profile.consents] == [("sms", "granted")]

        restarted = start_test_server(database_url, seed=False, port=port)

        def one_profile(cache: LocalCache) -> bool:
            hits = _ids(cache, "勅使河原 葵")
            if len(hits) != 1 or hits[0][1] is not SyncState.SYNCED:
                return False
            found = cache.load_profile(hits[0][0])
            return found is not None and len(found.notes) == 2 and len(found.interests) == 1

        await eventually(lambda: one_profile(cache_a), timeout=10, what="one profile on A")
        await eventually(lambda: one_profile(cache_b), timeout=10, what="one profile on B")
        [(survivor, _)] = _ids(cache_a, "勅使河原 葵")
        assert survivor in (on_a, on_b)
        for cache in (cache_a, cache_b):
            for asked in (on_a, on_b):
                joined = cache.load_profile(asked)
                assert joined is not None and joined.id == survivor
                assert {n.id for n in joined.notes} == {note_a.id, note_b.id}
                assert joined.email == "aoi.sasaki@example.jp"
                assert joined.sync is SyncState.SYNCED
                assert ("sms", "granted") in {(c.channel, c.state) for c in joined.consents}
            assert _ids(cache, "aoi.sasaki@example.jp") == [(survivor, SyncState.SYNCED)]
        await eventually(lambda: cache_a.outbox_entries() == [], what="A's outbox to empty")
        await eventually(lambda: cache_b.outbox_entries() == [], what="B's outbox to empty")
    finally:
        await engine_a.stop()
        await engine_b.stop()
        await term_a.api.aclose()
        await term_b.api.aclose()
        cache_a.close()
        cache_b.close()
        if restarted is not None:
            restarted.stop()
