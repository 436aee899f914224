"""SSE: a terminal is poked when another device commits to one of its buckets."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from sqlalchemy import Engine, select, update

from sync.protocol import new_id
from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.db import make_engine
from sync.server.models import Customer, Device, Store
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


class Stream:
    """A terminal's open event stream, read on its own thread line by line."""

    def __init__(self, t: Terminal, base_url: str) -> None:
        self.lines: list[str] = []
        self.stop = threading.Event()
        self._ready = threading.Event()
        self.thread = threading.Thread(target=self._collect, args=(t, base_url))
        self.thread.start()
        assert self._ready.wait(10)

    def _collect(self, t: Terminal, base_url: str) -> None:
        with (
            httpx.Client(base_url=base_url, timeout=httpx.Timeout(10, read=5)) as http,
            http.stream("GET", "/v1/sync/events", headers=t.auth) as resp,
        ):
            assert resp.status_code == 200
            assert resp.headers["content-type"].startswith("text/event-stream")
            for line in resp.iter_lines():
                self.lines.append(line)
                if line.startswith(": connected"):
                    self._ready.set()
                if self.stop.is_set():
                    return

    def wait_for(self, what: str, count: int = 1, timeout: float = 5) -> bool:
        deadline = time.monotonic() + timeout
        while self.lines.count(what) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.lines.count(what) >= count

    def close(self, timeout: float = 10) -> None:
        """Stop reading at the next line (a heartbeat at the latest) and wait for the thread."""
        self.stop.set()
        self.thread.join(timeout)


def test_poke_reaches_devices_of_the_changed_bucket_only(server: ServerThread) -> None:
    shibuya = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    umeda = open_terminal(server.base_url, UMEDA, "A003", "M003")
    yokohama = open_terminal(server.base_url, YOKOHAMA, "A002", "M002")
    streams = {
        name: Stream(t, server.base_url) for name, t in (("shibuya", shibuya), ("umeda", umeda))
    }

    note = {"id": new_id(), "customer_id": tid("customer:1"), "text": "poke"}
    assert yokohama.push(mutation("note.add", note))[0]["status"] == "applied"

    streams["shibuya"].wait_for("event: poke")
    time.sleep(1.2)  # long enough for heartbeats (0.5 s in tests) to show Umeda is connected
    for stream in streams.values():
        stream.close()

    assert "event: poke" in streams["shibuya"].lines
    assert ": heartbeat" in streams["umeda"].lines
    assert "event: poke" not in streams["umeda"].lines  # kansai's buckets did not change


def test_events_need_a_session(server: ServerThread) -> None:
    resp = httpx.get(f"{server.base_url}/v1/sync/events", timeout=5)
    assert resp.status_code == 401
    assert resp.json()["error"] == "unauthorized"


def test_stopping_the_server_ends_open_streams_promptly(server: ServerThread) -> None:
    stream = Stream(open_terminal(server.base_url, SHIBUYA, "A001", "M001"), server.base_url)

    started = time.monotonic()
    server.stop()
    stream.thread.join(10)

    assert time.monotonic() - started < 1.5
    assert not stream.thread.is_alive()


def test_a_push_on_one_worker_pokes_streams_on_another_worker(
    server: ServerThread, settings: Settings, engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("several API workers share one database only on PostgreSQL (LISTEN/NOTIFY)")
    other_worker = ServerThread(create_app(settings, engine=make_engine(settings.database_url)))
    other_worker.start()
    try:
        listener = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        writer = open_terminal(other_worker.base_url, YOKOHAMA, "A002", "M002")
        stream = Stream(listener, server.base_url)

        note = {"id": new_id(), "customer_id": tid("customer:2"), "text": "other worker"}
        assert writer.push(mutation("note.add", note))[0]["status"] == "applied"

        assert stream.wait_for("event: poke")
        stream.close()
    finally:
        other_worker.stop()
        other_worker.app.state.engine.dispose()


def test_an_open_stream_follows_the_device_when_its_store_moves_region(
    server: ServerThread, engine: Engine
) -> None:
    shibuya = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    umeda = open_terminal(server.base_url, UMEDA, "A003", "M003")
    stream = Stream(shibuya, server.base_url)
    try:
        with engine.begin() as conn:
            conn.execute(update(Store).where(Store.id == SHIBUYA).values(region="kansai"))
            kansai = conn.execute(select(Customer.id).where(Customer.region == "kansai")).scalar()
        # Within a heartbeat the stream listens to kansai and pokes: the next pull resyncs.
        assert stream.wait_for("event: poke")
        note = {"id": new_id(), "customer_id": kansai, "text": "関西のメモ"}
        assert umeda.push(mutation("note.add", note))[0]["status"] == "applied"
        assert stream.wait_for("event: poke", count=2)
    finally:
        stream.close()


def test_a_stream_ends_when_its_device_is_revoked(server: ServerThread, engine: Engine) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    stream = Stream(t, server.base_url)
    with engine.begin() as conn:
        conn.execute(update(Device).where(Device.id == t.device_id).values(revoked=True))
    stream.thread.join(5)
    assert not stream.thread.is_alive()  # the stream ended; a reconnect gets the 401
    assert httpx.get(f"{server.base_url}/v1/sync/events", headers=t.auth).status_code == 401
