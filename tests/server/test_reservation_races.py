"""Reservations under contention, on SQLite and on a real PostgreSQL (where writers really run
at once): every hold is closed exactly once, stock moves exactly once, and the books balance."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select, update

from sync.protocol import PROTOCOL_VERSION, new_id
from sync.server.db import read_session, write_session
from sync.server.models import Inventory, Reservation
from sync.server.runner import ServerThread
from sync.server.sweeper import sweep_reservations
from tests.server.chain import SHIBUYA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


def _push(http: httpx.Client, t: Terminal, m: dict[str, Any]) -> dict[str, Any]:
    body = {"protocol_version": PROTOCOL_VERSION, "client_id": t.device_id, "mutations": [m]}
    resp = http.post("/v1/sync/push", json=body, headers=t.auth)
    assert resp.status_code == 200, resp.text
    result: dict[str, Any] = resp.json()["results"][0]
    return result


def _hold(sku: str, qty: int = 1) -> dict[str, Any]:
    args = {
        "id": new_id(),
        "customer_id": tid("customer:0"),
        "store_id": SHIBUYA,
        "sku": sku,
        "quantity": qty,
    }
    return mutation("reservation.request", args)


def _set_stock(engine: Engine, sku: str, on_hand: int) -> None:
    with write_session(engine) as s:
        s.execute(
            update(Inventory)
            .where(Inventory.store_id == SHIBUYA, Inventory.sku == sku)  # type: ignore[arg-type]
            .values(on_hand=on_hand, reserved=0)
        )


def _books(engine: Engine, sku: str) -> tuple[int, int, int, int]:
    """(on_hand, reserved, sum held by open reservations, sum fulfilled) at Shibuya."""
    with read_session(engine) as s:
        inv = s.get(Inventory, (SHIBUYA, sku))
        assert inv is not None
        rows = s.execute(
            select(Reservation.status, Reservation.quantity).where(
                Reservation.stock_store_id == SHIBUYA,  # type: ignore[arg-type]
                Reservation.sku == sku,  # type: ignore[arg-type]
            )
        ).all()
    held = sum(q for st, q in rows if st in ("confirmed", "ready"))
    sold = sum(q for st, q in rows if st == "fulfilled")
    return inv.on_hand, inv.reserved, held, sold


def test_one_hold_closed_from_three_devices_at_once_is_closed_once(
    server: ServerThread, engine: Engine
) -> None:
    devices = [open_terminal(server.base_url, SHIBUYA, "A001", "M001") for _ in range(3)]
    clients = [httpx.Client(base_url=server.base_url, timeout=30) for _ in devices]
    _set_stock(engine, "BIKE-1", 10)
    for _round in range(10):
        hold = _hold("BIKE-1")
        assert _push(clients[0], devices[0], hold)["data"]["status"] == "confirmed"
        rid = hold["args"]["id"]
        verbs = ["cancel", "fulfil", "cancel"]
        barrier = threading.Barrier(3)

        def close(
            i: int, verbs: list[str] = verbs, rid: str = rid, barrier: Any = barrier
        ) -> dict[str, Any]:
            m = mutation(f"reservation.{verbs[i]}", {"id": rid})
            barrier.wait()
            return _push(clients[i], devices[i], m)

        with ThreadPoolExecutor(3) as pool:
            results = list(pool.map(close, range(3)))
        assert [r["status"] for r in results].count("applied") == 1, results
        on_hand, reserved, held, sold = _books(engine, "BIKE-1")
        assert reserved == held == 0
        assert on_hand == 10 - sold
    for c in clients:
        c.close()


def test_200_concurrent_requests_for_10_units_confirm_exactly_10(
    server: ServerThread, engine: Engine
) -> None:
    # PostgreSQL is the subject (writers really run at once): 20 runs; SQLite, one at a time.
    runs = 20 if engine.dialect.name == "postgresql" else 2
    devices = [open_terminal(server.base_url, SHIBUYA, "A001", "M001") for _ in range(20)]
    clients = [httpx.Client(base_url=server.base_url, timeout=60) for _ in range(50)]
    for _run in range(runs):
        _set_stock(engine, "LIGHT-1", 10)
        with read_session(engine) as s:
            before = set(s.execute(select(Reservation.id)).scalars())
        barrier = threading.Barrier(50)

        def ask(i: int, barrier: Any = barrier) -> dict[str, Any]:
            if i < 50:
                barrier.wait()
            return _push(clients[i % 50], devices[i % 20], _hold("LIGHT-1"))

        with ThreadPoolExecutor(50) as pool:
            results = list(pool.map(ask, range(200)))
        confirmed = [r for r in results if r["data"].get("status") == "confirmed"]
        assert len(confirmed) == 10
        assert all(r["reason"] == "no_stock" for r in results if r not in confirmed)
        on_hand, reserved, _, _ = _books(engine, "LIGHT-1")
        with read_session(engine) as s:
            now_open = [
                q
                for rid, q in s.execute(select(Reservation.id, Reservation.quantity)).all()
                if rid not in before
            ]
        assert (on_hand, reserved, sum(now_open)) == (10, 10, 10)
        with write_session(engine) as s:  # close them for the next run
            s.execute(
                update(Reservation)
                .where(Reservation.status == "confirmed")  # type: ignore[arg-type]
                .values(status="cancelled")
            )
    for c in clients:
        c.close()


def test_a_storm_of_requests_cancels_extends_fulfils_and_expiries_balances(
    server: ServerThread, engine: Engine
) -> None:
    """Five devices for a few seconds, each picking at random among its open holds and the
    others'; meanwhile two sweepers expire holds with a clock 49 h ahead. Afterwards every
    hold was closed at most once and stock equals what the reservations say."""
    devices = [open_terminal(server.base_url, SHIBUYA, "A001", "M001") for _ in range(5)]
    _set_stock(engine, "HELMET-1", 12)
    ids: list[str] = []
    ids_lock = threading.Lock()
    closings: Counter[str] = Counter()
    stop = time.monotonic() + 6
    errors: list[BaseException] = []

    def worker(t: Terminal, seed: int) -> None:
        rnd = random.Random(seed)
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            try:
                while time.monotonic() < stop:
                    with ids_lock:
                        known = list(ids[-20:])
                    verb = rnd.choice(["request"] * 3 + ["cancel", "extend", "fulfil"] * 2)
                    if verb == "request" or not known:
                        hold = _hold("HELMET-1", rnd.randint(1, 3))
                        r = _push(http, t, hold)
                        if r["data"].get("status") == "confirmed":
                            with ids_lock:
                                ids.append(hold["args"]["id"])
                        continue
                    rid = rnd.choice(known)
                    r = _push(http, t, mutation(f"reservation.{verb}", {"id": rid}))
                    if r["status"] == "applied" and verb != "extend":
                        with ids_lock:
                            closings[rid] += 1
            except BaseException as exc:  # surfaced below
                errors.append(exc)

    expired: list[int] = []

    def sweeper() -> None:
        while time.monotonic() < stop:
            try:
                expired.append(sweep_reservations(engine, datetime.now(UTC) + timedelta(hours=49)))
            except BaseException as exc:
                errors.append(exc)
            time.sleep(0.05)

    threads = [threading.Thread(target=worker, args=(t, i)) for i, t in enumerate(devices)]
    threads += [threading.Thread(target=sweeper) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert not errors, errors[:3]
    assert ids, "the storm made no holds"
    assert max(closings.values(), default=0) <= 1
    on_hand, reserved, held, sold = _books(engine, "HELMET-1")
    assert 0 <= reserved <= on_hand
    assert reserved == held
    assert on_hand == 12 - sold
    with read_session(engine) as s:
        statuses = Counter(
            s.execute(select(Reservation.status).where(Reservation.sku == "HELMET-1")).scalars()  # type: ignore[arg-type]
        )
    assert statuses["expired"] == sum(expired)
    assert sum(closings.values()) + statuses["expired"] == sum(
        n for st, n in statuses.items() if st != "confirmed"
    )


def test_two_sweepers_at_once_release_a_hold_once(server: ServerThread, engine: Engine) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    _set_stock(engine, "LIGHT-1", 40)
    for _ in range(30):
        t.push(_hold("LIGHT-1"))
    later = datetime.now(UTC) + timedelta(hours=49)
    counts: list[int] = []
    barrier = threading.Barrier(2)

    def sweep() -> None:
        barrier.wait()
        counts.append(sweep_reservations(engine, later))

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert sum(counts) == 30
    assert _books(engine, "LIGHT-1")[:2] == (40, 0)


def test_one_hold_that_cannot_expire_does_not_stop_the_others(
    server: ServerThread, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    _set_stock(engine, "LIGHT-1", 10)
    holds = [_hold("LIGHT-1") for _ in range(5)]
    t.push(*holds)
    broken = holds[2]["args"]["id"]
    with write_session(engine) as s:
        # A row whose stock cannot be released (its quantity is more than is reserved).
        s.execute(
            update(Reservation).where(Reservation.id == broken).values(quantity=50)  # type: ignore[arg-type]
        )
    assert sweep_reservations(engine, datetime.now(UTC) + timedelta(hours=49)) == 4
    with read_session(engine) as s:
        status = dict(s.execute(select(Reservation.id, Reservation.status)).all())
    assert [status[h["args"]["id"]] for h in holds] == ["expired"] * 2 + ["confirmed"] + [
        "expired"
    ] * 2
    assert _books(engine, "LIGHT-1")[:2] == (10, 1)
    assert any(broken in r.getMessage() for r in caplog.records)
