"""Lane B: the server alone decides reservations, and never oversells."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Engine

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import Inventory
from sync.server.runner import ServerThread
from sync.server.sweeper import sweep_reservations
from tests.server.chain import SHIBUYA, UMEDA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


def _reserve(sku: str, qty: int = 1, store: str = SHIBUYA, **extra: Any) -> dict[str, Any]:
    args = {
        "id": new_id(),
        "customer_id": tid("customer:0"),
        "store_id": store,
        "sku": sku,
        "quantity": qty,
    }
    return mutation("reservation.request", args, **extra)


def _stock(engine: Engine, store: str, sku: str) -> tuple[int, int]:
    with read_session(engine) as s:
        row = s.get(Inventory, (store, sku))
        assert row is not None
        return row.on_hand, row.reserved


def test_confirmed_reservation_holds_stock_and_syncs_to_the_store(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    before = datetime.now(UTC)
    m = _reserve("BIKE-1", 2)

    [r] = t.push(m)

    assert r["status"] == "applied"
    assert r["data"]["status"] == "confirmed"
    expires = datetime.fromisoformat(r["data"]["expires_at"].replace("Z", "+00:00"))
    assert before + timedelta(hours=47) < expires < before + timedelta(hours=49)
    assert _stock(engine, SHIBUYA, "BIKE-1") == (2, 2)
    t.pull_all()
    assert t.entities("reservation")[m["args"]["id"]]["status"] == "confirmed"
    assert t.entities("inventory")[f"{SHIBUYA}:BIKE-1"]["reserved"] == 2


def test_no_stock_rejection_lists_stock_here_and_in_the_region(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")

    [r] = t.push(_reserve("BIKE-1", 3))

    assert r["status"] == "rejected"
    assert r["reason"] == "no_stock"
    assert r["data"]["status"] == "rejected"
    assert r["data"]["available"] == 2
    # Yokohama (same region) has 3; Umeda is in another region and is not offered.
    assert [(a["store_id"], a["available"]) for a in r["data"]["alternatives"]] == [(YOKOHAMA, 3)]
    assert UMEDA not in {a["store_id"] for a in r["data"]["alternatives"]}
    assert _stock(engine, SHIBUYA, "BIKE-1") == (2, 0)


def test_concurrent_requests_never_oversell(server: ServerThread, engine: Engine) -> None:
    terminals = [open_terminal(server.base_url, SHIBUYA, "A001", "M001") for _ in range(6)]
    barrier = threading.Barrier(len(terminals))
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def request(t: Terminal) -> None:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            body = {
                "protocol_version": 1,
                "client_id": t.device_id,
                "mutations": [_reserve("BIKE-1")],
            }
            barrier.wait()
            resp = http.post("/v1/sync/push", json=body, headers=t.auth)
        with lock:
            results.append(resp.json()["results"][0])

    threads = [threading.Thread(target=request, args=(t,)) for t in terminals]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)

    statuses = sorted(r["data"]["status"] for r in results)
    assert statuses == ["confirmed"] * 2 + ["rejected"] * 4
    assert _stock(engine, SHIBUYA, "BIKE-1") == (2, 2)


def test_cancel_releases_and_fulfil_takes_stock(server: ServerThread, engine: Engine) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    a, b = _reserve("HELMET-1", 2), _reserve("HELMET-1", 1)
    t.push(a, b)
    assert _stock(engine, SHIBUYA, "HELMET-1") == (5, 3)

    cancel, fulfil, extend = (
        mutation("reservation.cancel", {"id": a["args"]["id"]}),
        mutation("reservation.fulfil", {"id": b["args"]["id"]}),
        mutation("reservation.extend", {"id": a["args"]["id"]}),
    )
    results = t.push(cancel, fulfil, extend)

    assert [r["data"]["status"] for r in results] == ["cancelled", "fulfilled", "cancelled"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["reason"] == "conflict"
    assert _stock(engine, SHIBUYA, "HELMET-1") == (4, 0)


def test_request_older_than_the_offline_limit_is_too_old(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    stale = (datetime.now(UTC) - timedelta(days=4)).isoformat()

    [r] = t.push(_reserve("BIKE-1", client_time=stale))

    assert (r["status"], r["reason"]) == ("rejected", "too_old")
    assert _stock(engine, SHIBUYA, "BIKE-1") == (2, 0)


def test_reserving_for_another_store_is_forbidden(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    [r] = t.push(_reserve("BIKE-1", store=YOKOHAMA))
    assert (r["status"], r["reason"]) == ("rejected", "forbidden")


def test_expired_holds_are_released_by_the_server_clock(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    m = _reserve("LIGHT-1", 4)
    t.push(m)
    assert _stock(engine, SHIBUYA, "LIGHT-1") == (10, 4)
    assert sweep_reservations(engine, datetime.now(UTC)) == 0
    assert sweep_reservations(engine, datetime.now(UTC) + timedelta(hours=49)) == 1

    assert _stock(engine, SHIBUYA, "LIGHT-1") == (10, 0)
    t.pull_all()
    assert t.entities("reservation")[m["args"]["id"]]["status"] == "expired"
    assert t.entities("inventory")[f"{SHIBUYA}:LIGHT-1"]["reserved"] == 0
