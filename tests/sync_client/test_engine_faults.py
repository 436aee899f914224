"""The engine under server faults the real API does not make on demand (scripted over HTTP).

Whatever the server does, nothing pending is lost or dropped silently, the local store is
never half-updated, and the engine neither spins nor gives up.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from sync.client.api import ApiClient, ApiError
from sync.client.engine import SESSION_EXPIRED, SyncEngine, SyncFailed, backoff_delay
from sync.protocol import MAX_MUTATIONS_PER_PUSH, MAX_PULL_LIMIT, new_id
from tests.sync_client.memory_store import MemoryStore
from tests.sync_client.scripted_server import Reply, ScriptedServer
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio

PUSH = "/v1/sync/push"
PULL = "/v1/sync/pull"


def page(changes: list[dict[str, Any]] | None = None, **fields: Any) -> Reply:
    body = {"changes": changes or [], "cursors": "c1", "has_more": False, **fields}
    return Reply(200, body)


def note_change(note_id: str, text: str, seq: int = 1) -> dict[str, Any]:
    data = {"id": note_id, "customer_id": "c", "text": text}
    return {
        "bucket": "customers:kanto",
        "seq": seq,
        "entity": "note",
        "id": note_id,
        "op": "upsert",
        "data": data,
    }


def applied(*ids: str) -> Reply:
    return Reply(200, {"results": [{"id": i, "status": "applied"} for i in ids]})


def add_note(store: MemoryStore, text: str = "likes blue") -> str:
    return store.enqueue("note.add", {"id": new_id(), "customer_id": new_id(), "text": text})


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture
async def api(scripted: ScriptedServer) -> AsyncIterator[ApiClient]:
    client = ApiClient(scripted.base_url, timeout=3)
    client.session_token = "session"
    yield client
    await client.aclose()


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


def engine_for(store: MemoryStore, api: ApiClient, **kwargs: Any) -> SyncEngine:
    options: dict[str, Any] = {
        "pull_interval_s": 300.0,
        "backoff_base_s": 0.05,
        "backoff_cap_s": 0.2,
        "rng": random.Random(7),
    }
    options.update(kwargs)
    return SyncEngine(store, api, "device-1", **options)


def pushed_ids(scripted: ScriptedServer) -> list[list[str]]:
    return [[m["id"] for m in json.loads(s.body)["mutations"]] for s in scripted.requests_to(PUSH)]


async def test_a_batch_refused_as_a_whole_is_retried_one_by_one_and_only_the_bad_one_rejected(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    first, reused, third = add_note(store), add_note(store), add_note(store)
    reused_error = {"error": "mutation_id_reused", "message": "This change id was already used"}
    scripted.script(
        PUSH,
        Reply(422, reused_error),
        applied(first),
        Reply(422, reused_error),
        applied(third),
    )
    scripted.script(PULL, page())
    await engine_for(store, api).sync_once()

    assert pushed_ids(scripted) == [[first, reused, third], [first], [reused], [third]]
    assert store.entry(first).status == "applied"  # type: ignore[union-attr]
    assert store.entry(third).status == "applied"  # type: ignore[union-attr]
    rejected = store.entry(reused)
    assert rejected is not None
    assert (rejected.status, rejected.reason) == ("rejected", "mutation_id_reused")
    assert rejected.last_error == "This change id was already used"


async def test_server_fault_on_push_keeps_entries_pending_and_still_pulls(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    mutation_id = add_note(store)
    theirs = new_id()
    scripted.script(PUSH, Reply(500, {"error": "internal", "message": "Server fault"}))
    scripted.script(PULL, page([note_change(theirs, "written elsewhere")]))
    engine = engine_for(store, api)
    with pytest.raises(ApiError) as caught:
        await engine.sync_once()
    assert caught.value.message == "Server fault"
    entry = store.entry(mutation_id)
    assert entry is not None
    assert (entry.status, entry.attempts, entry.last_error) == ("pending", 1, "Server fault")
    # A stuck outbox does not freeze the terminal's view of everyone else's changes.
    assert ("note", theirs) in store.rows
    assert engine.status.last_error == "Server fault"
    assert engine.status.online  # it answered, it is just unwell
    assert not engine.status.syncing


async def test_overload_on_push_skips_the_pull_too(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    add_note(store)
    scripted.script(PUSH, Reply(503, {"error": "overloaded", "message": "Busy"}))
    with pytest.raises(ApiError):
        await engine_for(store, api).sync_once()
    assert scripted.requests_to(PULL) == []


async def test_worker_retries_on_its_own_until_the_server_recovers(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    mutation_id = add_note(store)
    fault = Reply(503, {"error": "unavailable", "message": "Down for a moment"})
    scripted.script(PUSH, fault, fault, applied(mutation_id))
    scripted.script(PULL, page(acked_mutation_ids=[mutation_id]))
    engine = engine_for(store, api)
    await engine.start()
    try:
        await eventually(lambda: store.entry(mutation_id) is None, what="the note to be acked")
    finally:
        await engine.stop()
    assert len(scripted.requests_to(PUSH)) == 3
    assert engine.status.last_error is None
    assert engine.status.last_pull_at is not None


async def test_retry_after_is_honoured_even_when_woken(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    mutation_id = add_note(store)
    scripted.script(
        PUSH,
        Reply(503, {"error": "busy", "message": "Busy"}, {"Retry-After": "1"}),
        applied(mutation_id),
    )
    scripted.script(PULL, page(acked_mutation_ids=[mutation_id]))
    engine = engine_for(store, api)
    await engine.start()
    try:
        await eventually(lambda: len(scripted.requests_to(PUSH)) == 1, what="the first push")
        first_at = time.monotonic()
        engine.request_sync()  # a staff member's write must not break the server's request
        await eventually(lambda: store.entry(mutation_id) is None, what="the retry")
        waited = time.monotonic() - first_at
    finally:
        await engine.stop()
    assert waited >= 0.9


async def test_local_writes_during_an_outage_do_not_cut_the_backoff_short(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    """A thousand terminals writing through an outage must not each retry on every write."""
    scripted.script_always(PUSH, Reply(503, {"error": "down", "message": "Down"}))
    engine = engine_for(store, api, backoff_base_s=0.4, backoff_cap_s=1.6)
    await engine.start()
    try:
        add_note(store, "before the outage showed")
        engine.request_sync()
        await eventually(lambda: len(scripted.requests_to(PUSH)) >= 1, what="the first push")
        # Two seconds of busy counter work: a write (and a wake-up) every 50 ms.
        for i in range(40):
            add_note(store, f"note {i}")
            engine.request_sync()
            await asyncio.sleep(0.05)
        pushes = len(scripted.requests_to(PUSH))
        # Backoff rounds only (delays of up to 0.4, 0.8, 1.6 s ...), not one per write.
        assert pushes <= 8, pushes
        assert len(store.pending_mutations(100)) == 41  # nothing lost meanwhile
        # "Sync now" (or the server coming back on the event stream) does cut it short.
        before = len(scripted.requests_to(PUSH))
        engine.request_sync(now=True)
        await eventually(
            lambda: len(scripted.requests_to(PUSH)) > before, timeout=0.5, what="sync now"
        )
    finally:
        await engine.stop()


async def test_must_resync_rebuilds_server_rows_and_keeps_the_outbox(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    stale_id, fresh_id = new_id(), new_id()
    store.rows[("note", stale_id)] = {"id": stale_id, "text": "deleted long ago"}
    store.cursor = "very-old"
    pending = add_note(store)
    engine = engine_for(store, api)
    scripted.script(PUSH, applied(pending))  # applied, but no pull has acked it yet
    scripted.script(
        PULL,
        page(must_resync=True, cursors="restart-here", has_more=True),
        page([note_change(fresh_id, "current")], cursors="fresh"),
    )
    await engine.sync_once()
    # The rebuild starts from the cursor the server handed out, not from nothing.
    assert [s.path for s in scripted.requests_to(PULL)] == [
        "/v1/sync/pull?limit=1000&cursors=very-old",
        "/v1/sync/pull?limit=1000&cursors=restart-here",
    ]
    assert store.resets == 1
    assert set(store.rows_of("note")) == {fresh_id}
    assert store.cursor == "fresh"
    assert store.entry(pending) is not None


async def test_unreadable_page_changes_nothing_and_the_next_good_pull_works(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    store.cursor = "c0"
    good_id = new_id()
    scripted.script(
        PULL,
        Reply(200, b"<html>proxy error</html>"),
        page([note_change(new_id(), "ok"), {**note_change(new_id(), "bad"), "data": None}]),
        page([note_change(good_id, "fine")]),
    )
    engine = engine_for(store, api)
    for _ in range(2):
        with pytest.raises((ApiError, SyncFailed)):
            await engine.sync_once()
        assert store.rows == {}
        assert store.cursor == "c0"
        assert store.pages_applied == 0
        assert engine.status.last_error
    await engine.sync_once()
    assert set(store.rows_of("note")) == {good_id}
    assert engine.status.last_error is None


async def test_a_store_failure_is_reported_and_the_engine_keeps_going(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    note_id = new_id()
    store.fail_next_apply = RuntimeError("disk full")
    scripted.script(PULL, page([note_change(note_id, "x")]), page([note_change(note_id, "x")]))
    engine = engine_for(store, api)
    await engine.start()
    try:
        await eventually(lambda: ("note", note_id) in store.rows, what="the retried page")
    finally:
        await engine.stop()
    assert len(scripted.requests_to(PULL)) == 2


def script_three_pages(scripted: ScriptedServer) -> list[str]:
    """Three pull pages of one note each (cursors p1, p2, p3); the note ids."""
    ids = [new_id() for _ in range(3)]
    scripted.script(
        PULL,
        page([note_change(ids[0], "a")], cursors="p1", has_more=True),
        page([note_change(ids[1], "b")], cursors="p2", has_more=True),
        page([note_change(ids[2], "c")], cursors="p3"),
    )
    return ids


async def test_pages_are_followed_until_has_more_is_false(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    ids = script_three_pages(scripted)
    await engine_for(store, api, pull_limit=1).sync_once()
    assert set(store.rows_of("note")) == set(ids)
    assert [s.path.rsplit("cursors=", 1)[-1] for s in scripted.requests_to(PULL)[1:]] == [
        "p1",
        "p2",
    ]


async def test_a_first_sync_reports_its_progress_until_it_is_done(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    ids = [new_id() for _ in range(3)]
    scripted.script(
        PULL,
        page([note_change(ids[0], "a")], cursors="p1", has_more=True, remaining=2),
        page([note_change(ids[1], "b")], cursors="p2", has_more=True),
        page([note_change(ids[2], "c")], cursors="p3"),
    )
    engine = engine_for(store, api, pull_limit=1)
    seen: list[tuple[int, int | None] | None] = []
    engine.add_listener(
        lambda: seen.append(
            (engine.status.loading.done, engine.status.loading.total)
            if engine.status.loading
            else None
        )
    )
    await engine.sync_once()
    progress = [s for s in seen if s is not None]
    assert progress[0] == (0, None)  # started: how much is not known yet
    assert (1, 3) in progress and (3, 3) in progress  # the first page told the total
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert engine.status.loading is None  # done
    # A later round (cursors held) is no first sync.
    scripted.script(PULL, page([], cursors="p4"))
    seen.clear()
    await engine.sync_once()
    assert all(s is None for s in seen)


async def test_with_a_store_thread_the_next_page_downloads_during_the_apply(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    ids = script_three_pages(scripted)
    await engine_for(store, api, store_in_thread=True).sync_once()
    assert set(store.rows_of("note")) == set(ids)
    assert store.cursor == "p3"
    paths = [s.path for s in scripted.requests_to(PULL)]
    assert [p.rsplit("cursors=", 1)[-1] for p in paths[1:]] == ["p1", "p2"]
    # A first sync (no cursors yet) asks for the biggest pages the server allows.
    assert all(f"limit={MAX_PULL_LIMIT}" in p for p in paths)


async def test_a_failed_apply_discards_the_page_fetched_ahead(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    ids = [new_id() for _ in range(2)]
    store.fail_next_apply = RuntimeError("disk full")
    scripted.script(
        PULL,
        page([note_change(ids[0], "a")], cursors="p1", has_more=True),
        page([note_change(ids[1], "b")], cursors="p2"),
    )
    with pytest.raises(SyncFailed):
        await engine_for(store, api, store_in_thread=True).sync_once()
    assert store.cursor is None
    assert store.rows_of("note") == {}


async def test_a_server_whose_pages_never_advance_does_not_make_it_spin(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    store.cursor = "same"
    scripted.script(PULL, *[page(cursors="same", has_more=True) for _ in range(10)])
    with pytest.raises(SyncFailed):
        await engine_for(store, api).sync_once()
    assert len(scripted.requests_to(PULL)) == 3


async def test_results_missing_from_the_reply_stay_pending(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    answered, skipped = add_note(store), add_note(store)
    scripted.script(PUSH, applied(answered))
    engine = engine_for(store, api)
    with pytest.raises(ApiError):
        await engine.sync_once()
    assert store.entry(answered).status == "applied"  # type: ignore[union-attr]
    entry = store.entry(skipped)
    assert entry is not None and entry.status == "pending" and entry.attempts == 1


async def test_a_malformed_local_entry_is_rejected_visibly_and_the_rest_still_go(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    good = add_note(store)
    bad = add_note(store)
    store.entry(bad).mutation_id = "not-a-uuid"  # type: ignore[union-attr]
    scripted.script(PUSH, applied(good))
    scripted.script(PULL, page())
    await engine_for(store, api).sync_once()
    assert pushed_ids(scripted) == [[good]]
    rejected = store.entry("not-a-uuid")
    assert rejected is not None and rejected.status == "rejected"


async def test_session_refused_marks_auth_failed_and_calls_the_hook(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    add_note(store)
    scripted.script(PUSH, Reply(401, {"error": "session_expired", "message": "Expired"}))
    engine = engine_for(store, api)
    calls: list[str] = []
    engine.on_auth_failed(lambda: calls.append("auth"))
    with pytest.raises(ApiError):
        await engine.sync_once()
    assert calls == ["auth"]
    assert engine.status.auth_failed
    assert engine.status.last_error == SESSION_EXPIRED
    assert store.outbox[0].attempts == 0  # not the change's fault

    # The app opens a new session; the next round clears the flag.
    scripted.script(PUSH, applied(store.outbox[0].mutation_id))
    scripted.script(PULL, page())
    await engine.sync_once()
    assert not engine.status.auth_failed and engine.status.last_error is None


async def test_listeners_hear_about_status_and_data_changes(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    scripted.script(PULL, page([note_change(new_id(), "hello")]))
    engine = engine_for(store, api)
    seen: list[tuple[bool, bool]] = []
    engine.add_listener(lambda: seen.append((engine.status.syncing, engine.status.online)))
    await engine.sync_once()
    assert seen[0] == (True, False)  # round started
    assert seen[-1] == (False, True)  # round finished, server reached
    assert len(seen) >= 3  # plus one for the page that changed data


def test_backoff_is_full_jitter_capped_and_respects_retry_after() -> None:
    rng = random.Random(1)
    for failures in range(1, 40):
        ceiling = min(60.0, 0.5 * 2 ** (failures - 1))
        delays = [
            backoff_delay(failures, base=0.5, cap=60.0, rng=rng, retry_after=None)
            for _ in range(50)
        ]
        assert all(0.0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling / 2  # jitter spreads over the whole range
    assert backoff_delay(1, base=0.5, cap=60.0, rng=rng, retry_after=30.0) >= 30.0


async def test_without_live_events_the_timer_still_pulls(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    later = new_id()
    scripted.script(PULL, page(cursors="a"), page(cursors="b"), page([note_change(later, "x")]))
    engine = engine_for(store, api, pull_interval_s=0.2)  # the event stream answers 404 here
    await engine.start()
    try:
        await eventually(lambda: ("note", later) in store.rows, what="the third timed pull")
    finally:
        await engine.stop()
    assert engine.status.last_error is None


async def test_request_sync_from_another_thread_wakes_the_engine(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    scripted.script(PULL, page(cursors="a"), page(cursors="b"))
    engine = engine_for(store, api)
    engine.request_sync()  # before start: harmless no-op
    await engine.start()
    try:
        await eventually(lambda: store.cursor == "a", what="the first round")
        waker = threading.Thread(target=engine.request_sync)
        waker.start()
        waker.join()
        await eventually(lambda: store.cursor == "b", what="the round asked for by the thread")
    finally:
        await engine.stop()


async def test_large_outboxes_go_in_batches_the_server_accepts(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    ids = [add_note(store, f"note {i}") for i in range(MAX_MUTATIONS_PER_PUSH + 100)]
    scripted.script(
        PUSH, applied(*ids[:MAX_MUTATIONS_PER_PUSH]), applied(*ids[MAX_MUTATIONS_PER_PUSH:])
    )
    scripted.script(PULL, page())
    await engine_for(store, api, push_batch=10_000).sync_once()
    assert [len(batch) for batch in pushed_ids(scripted)] == [MAX_MUTATIONS_PER_PUSH, 100]
    assert store.outbox_stats().pending == 0


async def test_nonsense_settings_are_refused_up_front(api: ApiClient, store: MemoryStore) -> None:
    with pytest.raises(ValueError, match="positive"):
        SyncEngine(store, api, "device-1", push_batch=0)


async def test_an_event_stream_that_keeps_ending_at_once_is_not_hammered(
    scripted: ScriptedServer, api: ApiClient, store: MemoryStore
) -> None:
    empty_stream = Reply(200, b": hello\n\n", {"Content-Type": "text/event-stream"})
    scripted.script_always("/v1/sync/events", empty_stream)
    scripted.script_always(PULL, page())
    engine = engine_for(store, api, backoff_base_s=0.1, backoff_cap_s=1.0)
    await engine.start()
    try:
        await asyncio.sleep(2.0)
    finally:
        await engine.stop()
    streams = len(scripted.requests_to("/v1/sync/events"))
    pulls = len(scripted.requests_to(PULL))
    # Backing off from 0.1 s towards 1 s allows a handful of reconnects in 2 s, not dozens.
    assert 2 <= streams <= 10
    assert pulls <= streams + 1
