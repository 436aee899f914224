"""The sync engine against the real central API over loopback HTTP (SQLite central database).

Round trips, recovery after the server was down, live pokes, lost replies, sessions and the
server's refusals — observed through the local store and the central database.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.client.api import ApiClient, ApiError, ApiUnreachable
from sync.client.engine import SESSION_EXPIRED
from sync.protocol import Cursors, new_id
from sync.server.runner import ServerThread
from tests.support.proxy import TcpProxy
from tests.support.server import start_test_server
from tests.sync_client.devices import Terminal, count_applied, count_notes, register_terminal
from tests.sync_client.memory_store import MemoryStore
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio

PUSH_HEAD = b"POST /v1/sync/push"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def central(database_url: str) -> Iterator[ServerThread]:
    server = start_test_server(database_url)
    yield server
    server.stop()


@pytest.fixture
async def terminal(central: ServerThread) -> AsyncIterator[Terminal]:
    term = await register_terminal(central.base_url, name="till 1")
    yield term
    await term.api.aclose()


@pytest.fixture
async def other_terminal(central: ServerThread) -> AsyncIterator[Terminal]:
    term = await register_terminal(central.base_url, name="till 2")
    yield term
    await term.api.aclose()


def a_customer(store: MemoryStore) -> str:
    customers = sorted(store.rows_of("customer"))
    assert customers, "the first pull brought no customers"
    return customers[0]


def note_args(customer_id: str, text: str) -> dict[str, Any]:
    return {"id": new_id(), "customer_id": customer_id, "text": text}


def notes_with(store: MemoryStore, text: str) -> list[dict[str, Any]]:
    return [row for row in store.rows_of("note").values() if row.get("text") == text]


async def test_note_pushed_by_one_terminal_is_pulled_by_another(
    terminal: Terminal, other_terminal: Terminal, database_url: str
) -> None:
    store_a, store_b = MemoryStore(), MemoryStore()
    engine_a, engine_b = terminal.engine(store_a), other_terminal.engine(store_b)
    await engine_a.sync_once()
    customer_id = a_customer(store_a)
    args = note_args(customer_id, "自転車のライトを見ていた")
    mutation_id = store_a.enqueue("note.add", args)

    await engine_a.sync_once()
    assert store_a.entry(mutation_id) is None  # pushed, applied and acked by the pull
    assert store_a.rows[("note", args["id"])]["text"] == args["text"]
    assert engine_a.status.online and engine_a.status.last_error is None

    await engine_b.sync_once()
    assert [n["id"] for n in notes_with(store_b, args["text"])] == [args["id"]]
    assert count_notes(database_url, customer_id=customer_id, text=args["text"]) == 1


async def test_engine_backs_off_while_the_server_is_down_and_recovers_on_its_own(
    database_url: str, central: ServerThread, terminal: Terminal
) -> None:
    store = MemoryStore()
    engine = terminal.engine(store)
    await engine.sync_once()
    customer_id = a_customer(store)
    port = central.port
    central.stop()

    await engine.start()
    restarted: ServerThread | None = None
    try:
        args = note_args(customer_id, "offline note")
        mutation_id = store.enqueue("note.add", args)
        engine.request_sync()
        entry = store.entry(mutation_id)
        assert entry is not None
        # Retried by the engine itself, with nothing else happening.
        await eventually(lambda: entry.attempts >= 3, what="repeated push attempts")
        assert not engine.status.online
        assert engine.status.last_error == "Cannot connect to the server"
        assert entry.status == "pending"

        restarted = start_test_server(database_url, seed=False, port=port)
        took = await eventually(
            lambda: store.entry(mutation_id) is None, what="the note to go through"
        )
        assert took < 3.0
        assert engine.status.online and engine.status.last_error is None
    finally:
        await engine.stop()
        if restarted is not None:
            restarted.stop()
    assert count_notes(database_url, customer_id=customer_id, text="offline note") == 1


async def test_a_poke_makes_the_other_terminal_pull_within_two_seconds(
    terminal: Terminal, other_terminal: Terminal
) -> None:
    store_a, store_b = MemoryStore(), MemoryStore()
    engine_a, engine_b = terminal.engine(store_a), other_terminal.engine(store_b)
    await engine_a.start()
    await engine_b.start()
    try:
        await eventually(lambda: engine_a.status.last_pull_at is not None, what="A's first pull")
        await eventually(lambda: engine_b.status.last_pull_at is not None, what="B's first pull")
        await eventually(lambda: not engine_b.status.syncing, what="B to go idle")
        args = note_args(a_customer(store_a), "poke me")
        store_a.enqueue("note.add", args)
        written = time.monotonic()
        engine_a.request_sync()
        await eventually(
            lambda: ("note", args["id"]) in store_b.rows, timeout=2.0, what="B to pull the note"
        )
        assert time.monotonic() - written < 2.0
    finally:
        await engine_a.stop()
        await engine_b.stop()


async def test_a_lost_push_reply_is_retried_and_has_one_effect(
    central: ServerThread, terminal: Terminal, database_url: str
) -> None:
    store = MemoryStore()
    await terminal.engine(store).sync_once()
    customer_id = a_customer(store)
    with TcpProxy("127.0.0.1", central.port) as proxy:
        api = ApiClient(proxy.base_url, timeout=5)
        api.session_token = terminal.api.session_token
        engine = terminal.engine(store)
        engine._api = api  # the same device, reaching the server through the faulty link
        try:
            args = note_args(customer_id, "reply lost")
            mutation_id = store.enqueue("note.add", args)
            proxy.drop_reply_of(PUSH_HEAD)
            with pytest.raises(ApiUnreachable):
                await engine.sync_once()
            assert proxy.replies_dropped == 1
            entry = store.entry(mutation_id)
            assert entry is not None and entry.status == "pending" and entry.attempts == 1
            # The server did the work although the terminal never heard back.
            assert count_notes(database_url, customer_id=customer_id, text="reply lost") == 1

            await engine.sync_once()
        finally:
            await api.aclose()
    assert store.entry(mutation_id) is None  # the retry got the stored result: applied, acked
    assert count_notes(database_url, customer_id=customer_id, text="reply lost") == 1
    assert count_applied(database_url, terminal.device_id) == 1


async def test_business_rejection_is_kept_visible_and_does_not_block_the_queue(
    terminal: Terminal,
) -> None:
    store = MemoryStore()
    engine = terminal.engine(store)
    await engine.sync_once()
    unknown = store.enqueue("note.add", note_args(new_id(), "for nobody"))
    good_args = note_args(a_customer(store), "for a real customer")
    good = store.enqueue("note.add", good_args)
    await engine.sync_once()
    rejected = store.entry(unknown)
    assert rejected is not None
    assert rejected.status == "rejected" and rejected.reason == "not_found"
    assert store.entry(good) is None
    assert ("note", good_args["id"]) in store.rows


async def test_a_reused_mutation_id_is_rejected_with_the_servers_message(
    terminal: Terminal, database_url: str
) -> None:
    store = MemoryStore()
    engine = terminal.engine(store)
    await engine.sync_once()
    customer_id = a_customer(store)
    first = store.enqueue("note.add", note_args(customer_id, "original"))
    await engine.sync_once()
    # A buggy terminal reuses the id for a different change, next to a good one.
    reused = store.enqueue("note.add", note_args(customer_id, "impostor"))
    store.entry(reused).mutation_id = first  # type: ignore[union-attr]
    good = store.enqueue("note.add", note_args(customer_id, "innocent bystander"))
    await engine.sync_once()

    clash = [e for e in store.outbox if e.mutation_id == first]
    assert len(clash) == 1 and clash[0].status == "rejected"
    assert clash[0].reason == "mutation_id_reused"
    assert clash[0].last_error and "already used" in clash[0].last_error
    assert store.entry(good) is None
    assert count_notes(database_url, customer_id=customer_id, text="innocent bystander") == 1
    assert count_notes(database_url, customer_id=customer_id, text="impostor") == 0


async def test_an_expired_session_is_reported_and_a_new_one_resumes_sync(
    terminal: Terminal,
) -> None:
    store = MemoryStore()
    engine = terminal.engine(store)
    told: list[bool] = []
    engine.on_auth_failed(lambda: told.append(True))
    terminal.api.session_token = "revoked-or-expired-token-value"
    with pytest.raises(ApiError):
        await engine.sync_once()
    assert told == [True]
    assert engine.status.auth_failed and engine.status.last_error == SESSION_EXPIRED

    await terminal.api.open_session(
        terminal.device_token, terminal.login.staff_code, terminal.login.pin
    )
    await engine.sync_once()
    assert not engine.status.auth_failed
    assert store.rows_of("customer")


async def test_live_pokes_resume_at_once_after_the_session_is_renewed(
    terminal: Terminal, other_terminal: Terminal
) -> None:
    store_a, store_b = MemoryStore(), MemoryStore()
    engine_a = terminal.engine(store_a)
    await engine_a.sync_once()
    # B starts with a dead session and a long backoff: without the renewal wake-up its event
    # stream would stay away for up to half a minute.
    good_token = other_terminal.api.session_token
    other_terminal.api.session_token = "expired-session-token-value"
    engine_b = other_terminal.engine(store_b, backoff_base_s=15.0, backoff_cap_s=30.0)
    renewals: list[bool] = []
    engine_b.on_auth_failed(lambda: renewals.append(True))
    await engine_b.start()
    try:
        await eventually(lambda: engine_b.status.auth_failed, what="B to see the 401")
        other_terminal.api.session_token = good_token  # what the app does after re-login
        engine_b.request_sync()
        await eventually(lambda: engine_b.status.last_pull_at is not None, what="B's pull")
        await eventually(lambda: not engine_b.status.syncing, what="B to go idle")
        await asyncio.sleep(0.3)  # let the event stream reconnect
        args = note_args(a_customer(store_a), "after re-login")
        store_a.enqueue("note.add", args)
        await engine_a.sync_once()
        await eventually(
            lambda: ("note", args["id"]) in store_b.rows, timeout=2.0, what="the poke to B"
        )
    finally:
        await engine_b.stop()
    assert renewals


async def test_the_api_lists_stores_and_refuses_a_wrong_pin_clearly(central: ServerThread) -> None:
    api = ApiClient(central.base_url)
    try:
        stores = await api.stores()
        assert stores and all(s.id and s.name for s in stores)
        with pytest.raises(ApiError) as caught:
            await api.register_device("nobody", "0000", stores[0].id)
    finally:
        await api.aclose()
    assert caught.value.status == 401 and not caught.value.transient
    assert caught.value.message  # a sentence for the registration screen
    assert api.session_token is None


async def test_a_revoked_bucket_makes_the_terminal_rebuild_and_keep_its_outbox(
    terminal: Terminal,
) -> None:
    store = MemoryStore()
    engine = terminal.engine(store)
    await engine.sync_once()
    rows = dict(store.rows)
    # As if this device used to belong to another store: a bucket it may no longer read.
    held = Cursors.decode(store.cursor)
    held.buckets["store:00000000-0000-7000-8000-000000000000"] = 42
    store.cursor = held.encode()
    store.rows[("note", "left-from-the-old-store")] = {"id": "left-from-the-old-store"}
    waiting = store.enqueue("note.add", note_args(new_id(), "queued before the move"))
    store.entry(waiting).status = "applied"  # type: ignore[union-attr]  # pushed, not yet acked

    await engine.sync_once()
    assert store.resets == 1
    assert store.rows == rows  # rebuilt to exactly what the device may see
    assert "store:00000000-0000-7000-8000-000000000000" not in Cursors.decode(store.cursor).buckets
    assert store.entry(waiting) is not None  # the outbox survived the rebuild


async def test_a_cursor_the_server_never_issued_triggers_a_rebuild_not_a_dead_end(
    terminal: Terminal,
) -> None:
    store = MemoryStore()
    engine = terminal.engine(store)
    await engine.sync_once()
    customers = len(store.rows_of("customer"))
    store.cursor = "this-is-not-a-cursor!"
    await engine.sync_once()
    assert store.resets == 1
    assert len(store.rows_of("customer")) == customers
    assert engine.status.last_error is None


async def test_a_network_cut_is_ridden_out_and_live_updates_resume_after_it(
    central: ServerThread, terminal: Terminal, other_terminal: Terminal, database_url: str
) -> None:
    store_a, store_b = MemoryStore(), MemoryStore()
    with TcpProxy("127.0.0.1", central.port) as link:
        # B reaches the server only through the link; A is always connected.
        api_b = ApiClient(link.base_url, timeout=2)
        api_b.session_token = other_terminal.api.session_token
        engine_b = other_terminal.engine(store_b)
        engine_b._api = api_b
        engine_a = terminal.engine(store_a)
        await engine_a.sync_once()
        await engine_b.start()
        try:
            await eventually(lambda: engine_b.status.last_pull_at is not None, what="B online")
            link.partition()
            mine = note_args(a_customer(store_a), "written by B during the cut")
            waiting = store_b.enqueue("note.add", mine)
            engine_b.request_sync()
            entry = store_b.entry(waiting)
            assert entry is not None
            await eventually(lambda: entry.attempts >= 2, what="B's retries during the cut")
            assert not engine_b.status.online

            link.heal()
            await eventually(lambda: store_b.entry(waiting) is None, what="B's note to go up")
            # The event stream is back too: A's next note reaches B by a poke.
            theirs = note_args(a_customer(store_a), "written by A after the cut")
            store_a.enqueue("note.add", theirs)
            await engine_a.sync_once()
            await eventually(
                lambda: ("note", theirs["id"]) in store_b.rows, timeout=2.0, what="the poke"
            )
        finally:
            await engine_b.stop()
            await api_b.aclose()
    assert count_notes(database_url, customer_id=mine["customer_id"], text=mine["text"]) == 1


async def test_a_reply_that_never_comes_times_out_and_the_retry_has_one_effect(
    central: ServerThread, terminal: Terminal, database_url: str
) -> None:
    store = MemoryStore()
    await terminal.engine(store).sync_once()
    args = note_args(a_customer(store), "server went silent")
    mutation_id = store.enqueue("note.add", args)
    with TcpProxy("127.0.0.1", central.port) as link:
        api = ApiClient(link.base_url, timeout=0.5)
        api.session_token = terminal.api.session_token
        engine = terminal.engine(store)
        engine._api = api
        try:
            link.drop_reply_of(PUSH_HEAD, hang=True)
            with pytest.raises(ApiUnreachable) as caught:
                await engine.sync_once()
            assert caught.value.code == "timeout"
            entry = store.entry(mutation_id)
            assert entry is not None and entry.attempts == 1
            assert entry.last_error == "The server did not answer in time"
            await engine.sync_once()
        finally:
            await api.aclose()
    assert store.entry(mutation_id) is None
    count = count_notes(database_url, customer_id=args["customer_id"], text=args["text"])
    assert count == 1
