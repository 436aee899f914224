"""A server (or middlebox) answering pulls with garbage never corrupts the local cache.

Each kind of spoiled page leaves the cache exactly as it was and the engine reports an error;
once the replies are good again, the running engine catches up on its own.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from clienteling.domain.models import SyncState
from clienteling.storage.cache import LocalCache
from clienteling.storage.connection import connect_file
from sync.client.api import ApiError
from sync.client.engine import SyncFailed
from sync.protocol import new_id
from sync.server.runner import ServerThread
from tests.e2e.mangler import Mangler, Spoil
from tests.sync_client.devices import customer_of_region, register_terminal
from tests.sync_client.memory_store import MemoryStore
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio


def integrity(path: Path, key: str) -> str:
    try:
        conn = connect_file(path, key)
    except (sqlite3.Error, sqlcipher3.Error) as exc:  # pragma: no cover - see the assertion
        return f"unreadable: {exc}"
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


async def test_spoiled_pull_pages_leave_the_cache_untouched_and_sync_recovers(
    central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    other = await register_terminal(central.base_url, name="direct till")
    path, key = tmp_path / "till.db", os.urandom(32).hex()
    cache = LocalCache.open(path, key)
    with Mangler(central.base_url) as relay:
        term = await register_terminal(relay.base_url, name="till behind a bad gateway")
        engine = term.engine(cache)
        try:
            await engine.sync_once()
            customer_id = customer_of_region(database_url, term.session.store.region)
            cursors = cache.cursors()
            customers = cache.customer_count()

            # Another terminal writes a note the server will offer on the next pull.
            theirs = {"id": new_id(), "customer_id": customer_id, "text": "from the other till"}
            other_store = MemoryStore()
            other_store.enqueue("note.add", theirs)
            await other.engine(other_store).sync_once()
            assert other_store.outbox == []  # applied on the server and acked

            for spoil in Spoil:
                relay.mode = spoil
                with pytest.raises((ApiError, SyncFailed)):
                    await engine.sync_once()
                assert engine.status.last_error, spoil
                assert cache.cursors() == cursors, spoil
                assert cache.customer_count() == customers, spoil
                profile = cache.load_profile(customer_id)
                assert profile is not None
                assert all(n.id != theirs["id"] for n in profile.notes), spoil
            assert relay.spoiled == len(Spoil)
            assert integrity(path, key) == "ok"

            # Left running while the gateway still misbehaves, it keeps retrying by itself ...
            relay.mode = Spoil.HTML
            await engine.start()
            await eventually(lambda: relay.spoiled >= len(Spoil) + 2, what="automatic retries")
            # ... and catches up as soon as the replies are good again.
            relay.mode = None
            engine.request_sync()

            def caught_up() -> bool:
                profile = cache.load_profile(customer_id)
                return profile is not None and any(n.id == theirs["id"] for n in profile.notes)

            await eventually(caught_up, what="the good pull")
            await eventually(lambda: engine.status.last_error is None, what="the error to clear")
            profile = cache.load_profile(customer_id)
            assert profile is not None
            assert [n.sync for n in profile.notes if n.id == theirs["id"]] == [SyncState.SYNCED]
            assert cache.customer_count() == customers
        finally:
            await engine.stop()
            await term.api.aclose()
            await other.api.aclose()
    cache.close()
    assert integrity(path, key) == "ok"
