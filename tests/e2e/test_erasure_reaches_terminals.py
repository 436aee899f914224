"""Erasure on the server reaches another terminal's cache at its next sync and is gone from its
files: a customer registered at terminal A (with a note, and a change still waiting on
terminal B) is erased by a manager; B's cache then has no row, no waiting change and not a
byte of their email or note in its database file or write-ahead log (a plaintext cache here, so
the bytes can be looked for; the real one is encrypted as well)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from clienteling.services.customers import CustomerService, NewCustomer
from clienteling.services.notes import NoteService
from clienteling.services.search import SearchService
from clienteling.storage.cache import LocalCache
from sync.server.runner import ServerThread
from tests.e2e.test_two_terminals import staff_context
from tests.sync_client.devices import register_terminal
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio

EMAIL = "tsuzurahara.erase@example.jp"
NOTE = "葛原様の秘密のメモ 4471"


def _files_hold(path: Path, marker: str) -> bool:
    needle = marker.encode()
    return any(
        p.exists() and needle in p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
    )


async def test_an_erased_customer_is_gone_from_another_terminals_files(
    central: ServerThread, tmp_path: Path
) -> None:
    term_a = await register_terminal(central.base_url, name="till A")
    term_b = await register_terminal(central.base_url, name="till B")
    cache_a = LocalCache.open(tmp_path / "a.db", os.urandom(32).hex())
    path_b = tmp_path / "b.db"
    cache_b = LocalCache.open(path_b, None)
    engine_a = term_a.engine(cache_a, store_in_thread=True)
    engine_b = term_b.engine(cache_b, store_in_thread=True)
    try:
        await engine_a.start()
        await engine_b.start()
        await eventually(cache_b.first_sync_done, what="B's first sync")
        ctx_a = staff_context(term_a)
        cid = CustomerService(cache_a, ctx_a, engine_a).create(
            NewCustomer("葛原", "蓮", "つづらはら", "れん", email=EMAIL)
        )
        NoteService(cache_a, ctx_a, engine_a).add(cid, NOTE)
        await eventually(lambda: cache_a.outbox_entries() == [], what="A's changes sent")

        def b_holds_them() -> bool:
            profile = cache_b.load_profile(cid)
            return profile is not None and [n.text for n in profile.notes] == [NOTE]

        engine_b.request_sync(now=True)
        await eventually(b_holds_them, what="the customer on B")
        NoteService(cache_b, staff_context(term_b), engine_b).add(cid, "B で書きかけ")
        await engine_b.stop()  # B is offline while the erasure happens
        assert _files_hold(path_b, EMAIL) or cache_b.customer_exists(cid)

        token = term_a.session.session_token
        r = httpx.post(
            f"{central.base_url}/v1/customers/{cid}/erase",
            headers={"Authorization": f"Bearer {token}"},
            timeout=20,
        )
        assert r.status_code == 200, r.text

        engine_b = term_b.engine(cache_b, store_in_thread=True)
        await engine_b.start()
        await eventually(lambda: cache_b.load_profile(cid) is None, what="the erasure on B")
        assert not cache_b.customer_exists(cid)
        assert SearchService(cache_b).search("つづらはら").hits == ()
        assert cache_b.outbox_entries() == []  # B's waiting note about them is gone too
        cache_b.close()
        for marker in (EMAIL, NOTE, "B で書きかけ"):
            assert not _files_hold(path_b, marker), marker
    finally:
        await engine_a.stop()
        await engine_b.stop()
        await term_a.api.aclose()
        await term_b.api.aclose()
        cache_a.close()
        cache_b.close()
