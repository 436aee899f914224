"""Two terminals of one store, each with its own encrypted cache and engine, and one server.

A note written on terminal A while the server is down reaches terminal B's profile within two
seconds of the server coming back (same port, same database file), exactly once.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from clienteling.domain.models import Note, SyncState
from clienteling.services.context import StaffContext
from clienteling.services.notes import NoteService
from clienteling.storage.cache import LocalCache
from sync.server.runner import ServerThread
from tests.support.server import start_test_server
from tests.sync_client.devices import (
    Terminal,
    count_notes,
    customer_of_region,
    register_terminal,
)
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio

TEXT = "来週末にロードバイクの試乗を希望。ライトとベルも見ていた"


def staff_context(term: Terminal) -> StaffContext:
    staff, store = term.session.staff, term.session.store
    return StaffContext(
        staff.id, staff.name, store.id, store.name, staff.role, term.session.author_proof
    )


def notes_about(cache: LocalCache, customer_id: str) -> list[Note]:
    profile = cache.load_profile(customer_id)
    assert profile is not None
    return [n for n in profile.notes if n.text == TEXT]


async def test_offline_note_reaches_the_other_terminal_once_when_the_server_returns(
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
        await eventually(lambda: engine_a.status.last_pull_at is not None, what="A's first sync")
        await eventually(lambda: engine_b.status.last_pull_at is not None, what="B's first sync")
        customer_id = customer_of_region(database_url, term_a.session.store.region)
        assert cache_b.load_profile(customer_id) is not None

        port = central.port
        central.stop()
        await eventually(lambda: not engine_a.status.online, what="A to notice the outage")

        note = NoteService(cache_a, staff_context(term_a), engine_a).add(customer_id, TEXT)
        assert note.sync is SyncState.PENDING
        assert [n.sync for n in notes_about(cache_a, customer_id)] == [SyncState.PENDING]
        await eventually(
            lambda: cache_a.outbox_entries()[0].attempts >= 1, what="A to try and fail"
        )
        assert notes_about(cache_b, customer_id) == []

        restarted = start_test_server(database_url, seed=False, port=port)
        back = time.monotonic()
        await eventually(
            lambda: bool(notes_about(cache_b, customer_id)),
            timeout=2.0,
            what="the note on terminal B",
        )
        assert time.monotonic() - back < 2.0
        seen_on_b = notes_about(cache_b, customer_id)
        assert [(n.id, n.sync) for n in seen_on_b] == [(note.id, SyncState.SYNCED)]
        assert seen_on_b[0].staff_name == term_a.session.staff.name

        await eventually(
            lambda: [n.sync for n in notes_about(cache_a, customer_id)] == [SyncState.SYNCED],
            what="A's copy to be confirmed",
        )
        assert cache_a.outbox_entries() == []
        assert count_notes(database_url, customer_id=customer_id, text=TEXT) == 1
    finally:
        await engine_a.stop()
        await engine_b.stop()
        await term_a.api.aclose()
        await term_b.api.aclose()
        cache_a.close()
        cache_b.close()
        if restarted is not None:
            restarted.stop()
