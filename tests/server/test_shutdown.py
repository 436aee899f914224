"""`python -m sync.server` as an operator runs it: SIGTERM stops it within seconds even while
terminals hold event streams open (a rolling restart must not wait for them)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from sync.server.db import make_engine
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import load_chain
from tests.server.chain import PIN, SHIBUYA, TinyChain

ROOT = Path(__file__).resolve().parents[2]


def test_sigterm_stops_the_server_while_event_streams_are_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/central.db"
    engine = make_engine(url)
    upgrade(engine)
    load_chain(engine, TinyChain(), pin_cost=FAST_PIN_COST)
    engine.dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server", "--database-url", url, "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.2)
        opened = threading.Barrier(4)
        ended: list[str] = []

        def listen() -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                dev = http.post(
                    "/v1/devices", json={"staff_code": "M001", "pin": PIN, "store_id": SHIBUYA}
                ).json()
                token = http.post(
                    "/v1/sessions",
                    json={"device_token": dev["device_token"], "staff_code": "A001", "pin": PIN},
                ).json()["session_token"]
                auth = {"Authorization": f"Bearer {token}"}
                try:
                    with http.stream("GET", "/v1/sync/events", headers=auth) as resp:
                        assert resp.status_code == 200
                        opened.wait(30)
                        for _ in resp.iter_lines():
                            pass
                    ended.append("closed")
                except httpx.HTTPError as exc:
                    ended.append(type(exc).__name__)

        listeners = [threading.Thread(target=listen, daemon=True) for _ in range(3)]
        for t in listeners:
            t.start()
        opened.wait(30)
        time.sleep(0.5)
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=15)
        took = time.monotonic() - started
        assert took < 6, took
        # uvicorn ends by re-raising the signal it handled, after its orderly shutdown.
        assert code in (0, -signal.SIGTERM), proc.stderr.read() if proc.stderr else ""
        for t in listeners:
            t.join(10)
        assert len(ended) == 3  # every stream ended (the terminals reconnect elsewhere)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
