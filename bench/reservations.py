"""Reservation throughput and the exact count, through the real API over HTTP.

    .venv/bin/python -m bench.reservations [--postgres] [--clients 50] [--seconds 10]

Starts the central API as its own process (`python -m sync.server`, as in production) on a
throwaway PostgreSQL cluster (or a SQLite file), loads a small chain, registers one device
per client (threads of this process), then:

1. throughput: every client pushes `reservation.request` (one mutation per push, as a
   counter does) for products with plenty of stock, as fast as it can, for N seconds;
   prints requests/s and the p50/p95 push latency;
2. the exact count: 200 requests at once for 10 units; prints confirmed (must be 10) and
   `reserved` (must equal the confirmed quantities);
3. where the time goes: the same push applied in this process without HTTP (authentication
   and `apply_push`), counting the SQL statements and the time spent in the database driver;
   the rest is Python (SQLAlchemy, validation, the handlers). The HTTP stack's share is the
   single-client latency minus this.

The clients share the two cores with the server: compare runs made the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import select, update

from sync.protocol import PROTOCOL_VERSION, new_id
from sync.server.db import make_engine, read_session, write_session
from sync.server.models import Inventory, Reservation
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import load_chain
from tests.server.chain import PIN, SHIBUYA, TinyChain, tid

SKUS = ("BIKE-1", "HELMET-1", "LIGHT-1")


def _client(base_url: str) -> tuple[httpx.Client, str, str]:
    http = httpx.Client(base_url=base_url, timeout=60)
    reg = http.post("/v1/devices", json={"staff_code": "M001", "pin": PIN, "store_id": SHIBUYA})
    device = reg.json()
    sess = http.post(
        "/v1/sessions",
        json={"device_token": device["device_token"], "staff_code": "A001", "pin": PIN},
    ).json()
    return http, device["device_id"], sess["session_token"]


def _push(http: httpx.Client, device: str, token: str, sku: str) -> dict[str, Any]:
    body = {
        "protocol_version": PROTOCOL_VERSION,
        "client_id": device,
        "mutations": [
            {
                "id": new_id(),
                "name": "reservation.request",
                "version": 1,
                "args": {
                    "id": new_id(),
                    "customer_id": tid("customer:0"),
                    "store_id": SHIBUYA,
                    "sku": sku,
                    "quantity": 1,
                },
            }
        ],
    }
    resp = http.post("/v1/sync/push", json=body, headers={"Authorization": f"Bearer {token}"})
    resp.raise_for_status()
    result: dict[str, Any] = resp.json()["results"][0]
    return result


def _stock(engine: Any, sku: str, on_hand: int) -> None:
    with write_session(engine) as s:
        s.execute(
            update(Inventory)
            .where(Inventory.store_id == SHIBUYA, Inventory.sku == sku)  # type: ignore[arg-type]
            .values(on_hand=on_hand, reserved=0)
        )


@contextlib.contextmanager
def _server_process(url: str) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server",
            "--database-url",
            url,
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server process did not come up") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(30)


def run(url: str, clients: int, seconds: float) -> None:
    engine = make_engine(url)
    upgrade(engine)
    load_chain(engine, TinyChain(), pin_cost=FAST_PIN_COST)
    for sku in SKUS:
        _stock(engine, sku, 10_000_000)
    with _server_process(url) as base_url:
        terminals = [_client(base_url) for _ in range(clients)]
        latencies: list[float] = []
        lock = threading.Lock()
        stop = time.monotonic() + seconds
        statuses: dict[str, int] = {}

        def work(i: int) -> None:
            http, device, token = terminals[i]
            sku = SKUS[i % len(SKUS)]
            mine: list[float] = []
            seen: dict[str, int] = {}
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                r = _push(http, device, token, sku)
                mine.append(time.perf_counter() - t0)
                key = str(r["data"].get("status", r["status"]))
                seen[key] = seen.get(key, 0) + 1
            with lock:
                latencies.extend(mine)
                for k, v in seen.items():
                    statuses[k] = statuses.get(k, 0) + v

        started = time.monotonic()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(work, range(clients)))
        elapsed = time.monotonic() - started
        ordered = sorted(latencies)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(
            f"throughput: {len(latencies):,} pushes by {clients} clients in {elapsed:.1f} s = "
            f"{len(latencies) / elapsed:,.0f} requests/s; latency p50 "
            f"{statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; {statuses}"
        )

        # The exact count: 200 requests at once for 10 units.
        _stock(engine, "LIGHT-1", 10)
        with read_session(engine) as s:
            before = set(s.execute(select(Reservation.id)).scalars())
        barrier = threading.Barrier(min(clients, 200))

        def ask(i: int) -> str:
            http, device, token = terminals[i % clients]
            if i < min(clients, 200):
                barrier.wait()
            return str(_push(http, device, token, "LIGHT-1")["data"].get("status"))

        t0 = time.monotonic()
        with ThreadPoolExecutor(clients) as pool:
            outcomes = list(pool.map(ask, range(200)))
        took = time.monotonic() - t0
        with read_session(engine) as s:
            inv = s.get(Inventory, (SHIBUYA, "LIGHT-1"))
            held = sum(
                q
                for rid, q, st in s.execute(
                    select(Reservation.id, Reservation.quantity, Reservation.status)
                ).all()
                if rid not in before and st == "confirmed"
            )
        assert inv is not None
        print(
            f"exact count: 200 requests for 10 units in {took:.2f} s -> "
            f"{outcomes.count('confirmed')} confirmed, {outcomes.count('rejected')} rejected; "
            f"reserved {inv.reserved} = held by confirmed {held}"
        )
        _where_the_time_goes(engine, terminals[0])
        for http, _, _ in terminals:
            http.close()
    engine.dispose()


def _where_the_time_goes(engine: Any, terminal: tuple[httpx.Client, str, str]) -> None:
    from sqlalchemy import event

    from sync.protocol import PushRequest
    from sync.server import auth
    from sync.server.config import Settings
    from sync.server.push import apply_push

    http, device, token = terminal
    settings = Settings()
    single: list[float] = []
    for _ in range(100):
        t0 = time.perf_counter()
        _push(http, device, token, "BIKE-1")
        single.append(time.perf_counter() - t0)
    statements = 0
    in_driver = 0.0
    started: dict[int, float] = {}

    def before(conn: Any, cursor: Any, *_: Any) -> None:
        started[id(cursor)] = time.perf_counter()

    def after(conn: Any, cursor: Any, *_: Any) -> None:
        nonlocal statements, in_driver
        statements += 1
        in_driver += time.perf_counter() - started.pop(id(cursor), time.perf_counter())

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    runs = 200
    t0 = time.perf_counter()
    for _ in range(runs):
        body = PushRequest.model_validate(
            {
                "protocol_version": PROTOCOL_VERSION,
                "client_id": device,
                "mutations": [
                    {
                        "id": new_id(),
                        "name": "reservation.request",
                        "version": 1,
                        "args": {
                            "id": new_id(),
                            "customer_id": tid("customer:0"),
                            "store_id": SHIBUYA,
                            "sku": "BIKE-1",
                            "quantity": 1,
                        },
                    }
                ],
            }
        )
        staff = auth.authenticate(engine, f"Bearer {token}")
        apply_push(engine, settings, staff, body, lambda _buckets: None)
    total = (time.perf_counter() - t0) / runs
    event.remove(engine, "before_cursor_execute", before)
    event.remove(engine, "after_cursor_execute", after)
    per_push_driver = in_driver / runs
    http_ms = (statistics.median(single) - total) * 1000
    print(
        f"where the time goes (one client, one mutation a push): over HTTP p50 "
        f"{statistics.median(single) * 1000:.1f} ms; in-process {total * 1000:.1f} ms a push = "
        f"{statements / runs:.1f} SQL statements taking {per_push_driver * 1000:.1f} ms in the "
        f"driver and database + {(total - per_push_driver) * 1000:.1f} ms of Python around them; "
        f"HTTP, FastAPI and the client ~{http_ms:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    if args.postgres:
        from tests.support.postgres import PostgresCluster

        cluster = PostgresCluster()
        try:
            print("database: PostgreSQL (throwaway cluster)")
            run(cluster.url(cluster.create_database()), args.clients, args.seconds)
        finally:
            cluster.stop()
    else:
        with tempfile.TemporaryDirectory() as folder:
            print("database: SQLite file")
            run(f"sqlite:///{folder}/central.db", args.clients, args.seconds)


if __name__ == "__main__":
    main()
