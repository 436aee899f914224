"""Reservations of every kind, step by step: holds, pickups of online orders, transfers from
another store; who may take which step; and the stock at every step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from sqlalchemy import Engine

from sync.protocol import new_id
from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.db import read_session
from sync.server.models import Inventory
from sync.server.runner import ServerThread
from sync.server.sweeper import sweep_reservations
from tests.server.chain import SHIBUYA, UMEDA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


def stock(engine: Engine, store: str, sku: str) -> tuple[int, int]:
    with read_session(engine) as s:
        row = s.get(Inventory, (store, sku))
        return (0, 0) if row is None else (row.on_hand, row.reserved)


def request(t: Terminal, sku: str, qty: int = 1, kind: str = "hold", **args: Any) -> dict[str, Any]:
    body = {
        "id": new_id(),
        "customer_id": tid("customer:0"),
        "store_id": SHIBUYA,
        "sku": sku,
        "quantity": qty,
        "kind": kind,
        **args,
    }
    [result] = t.push(mutation("reservation.request", body))
    result["id_"] = body["id"]
    return result


def step(t: Terminal, verb: str, reservation_id: str) -> dict[str, Any]:
    [result] = t.push(mutation(f"reservation.{verb}", {"id": reservation_id}))
    return result


@pytest.fixture
def shibuya(server: ServerThread) -> Terminal:
    return open_terminal(server.base_url, SHIBUYA, "A001", "M001")


@pytest.fixture
def yokohama(server: ServerThread) -> Terminal:
    return open_terminal(server.base_url, YOKOHAMA, "A002", "M002")


def test_a_pickup_is_prepared_then_collected(shibuya: Terminal, engine: Engine) -> None:
    pickup = request(shibuya, "HELMET-1", 1, "pickup")
    assert pickup["data"]["status"] == "confirmed"
    assert "expires_at" not in pickup["data"]  # no clock until it is ready
    assert stock(engine, SHIBUYA, "HELMET-1") == (5, 1)
    ready = step(shibuya, "ready", pickup["id_"])
    assert ready["data"]["status"] == "ready"
    expires = datetime.fromisoformat(ready["data"]["expires_at"].replace("Z", "+00:00"))
    assert expires > datetime.now(UTC) + timedelta(days=6)
    collected = step(shibuya, "fulfil", pickup["id_"])
    assert collected["data"]["status"] == "fulfilled"
    assert stock(engine, SHIBUYA, "HELMET-1") == (4, 0)
    shibuya.pull_all()
    row = shibuya.entities("reservation")[pickup["id_"]]
    assert (row["kind"], row["status"], row["stock_store_id"]) == ("pickup", "fulfilled", SHIBUYA)


def test_a_pickup_not_collected_releases_its_stock(shibuya: Terminal, engine: Engine) -> None:
    pickup = request(shibuya, "HELMET-1", 2, "pickup")
    step(shibuya, "ready", pickup["id_"])
    assert step(shibuya, "not_collected", pickup["id_"])["data"]["status"] == "not_collected"
    assert stock(engine, SHIBUYA, "HELMET-1") == (5, 0)
    # A closed pickup takes no more steps.
    again = step(shibuya, "fulfil", pickup["id_"])
    assert (again["status"], again["reason"]) == ("rejected", "conflict")
    assert again["data"]["status"] == "not_collected"


def test_a_ready_pickup_past_its_window_is_not_collected_by_the_server_clock(
    shibuya: Terminal, engine: Engine
) -> None:
    pickup = request(shibuya, "LIGHT-1", 3, "pickup")
    step(shibuya, "ready", pickup["id_"])
    assert sweep_reservations(engine, datetime.now(UTC) + timedelta(days=6)) == 0
    assert sweep_reservations(engine, datetime.now(UTC) + timedelta(days=8)) == 1
    assert stock(engine, SHIBUYA, "LIGHT-1") == (10, 0)
    shibuya.pull_all()
    assert shibuya.entities("reservation")[pickup["id_"]]["status"] == "not_collected"


def test_a_transfer_is_held_at_the_source_shipped_and_received_here(
    shibuya: Terminal, yokohama: Terminal, engine: Engine
) -> None:
    """Yokohama has 3 bikes: Shibuya asks for 2. Yokohama ships them; Shibuya receives them
    and sells them to the customer."""
    transfer = request(shibuya, "BIKE-1", 2, "transfer", from_store_id=YOKOHAMA)
    assert transfer["data"]["status"] == "confirmed"
    assert stock(engine, YOKOHAMA, "BIKE-1") == (3, 2)
    assert stock(engine, SHIBUYA, "BIKE-1") == (2, 0)
    # Only the source store ships it; the source store sees it in its own list.
    refused = step(shibuya, "ship", transfer["id_"])
    assert (refused["status"], refused["reason"]) == ("rejected", "forbidden")
    yokohama.pull_all()
    assert transfer["id_"] in yokohama.entities("reservation")
    assert step(yokohama, "ship", transfer["id_"])["data"]["status"] == "in_transit"
    assert stock(engine, YOKOHAMA, "BIKE-1") == (1, 0)
    # On the road it cannot be cancelled, and only the receiving store receives it.
    cancel = step(shibuya, "cancel", transfer["id_"])
    assert (cancel["status"], cancel["reason"]) == ("rejected", "conflict")
    refused = step(yokohama, "receive", transfer["id_"])
    assert (refused["status"], refused["reason"]) == ("rejected", "forbidden")
    arrived = step(shibuya, "receive", transfer["id_"])
    assert arrived["data"]["status"] == "ready" and "expires_at" in arrived["data"]
    assert stock(engine, SHIBUYA, "BIKE-1") == (4, 2)
    assert step(shibuya, "fulfil", transfer["id_"])["data"]["status"] == "fulfilled"
    assert stock(engine, SHIBUYA, "BIKE-1") == (2, 0)
    shibuya.pull_all()
    row = shibuya.entities("reservation")[transfer["id_"]]
    assert (row["source_store_id"], row["stock_store_id"]) == (YOKOHAMA, SHIBUYA)


def test_a_transfer_of_a_product_not_stocked_here_makes_its_stock_row(
    shibuya: Terminal, yokohama: Terminal, engine: Engine
) -> None:
    # Yokohama has no lights on record at all; Shibuya sends two.
    transfer = request(yokohama, "LIGHT-1", 2, "transfer", from_store_id=SHIBUYA, store_id=YOKOHAMA)
    assert transfer["data"]["status"] == "confirmed", transfer
    step(shibuya, "ship", transfer["id_"])
    step(yokohama, "receive", transfer["id_"])
    assert stock(engine, YOKOHAMA, "LIGHT-1") == (2, 2)
    assert step(yokohama, "cancel", transfer["id_"])["data"]["status"] == "cancelled"
    assert stock(engine, YOKOHAMA, "LIGHT-1") == (2, 0)  # it stays in Yokohama's stock
    assert stock(engine, SHIBUYA, "LIGHT-1") == (8, 0)


def test_a_transfer_needs_another_store_as_its_source(shibuya: Terminal) -> None:
    for extra in ({}, {"from_store_id": SHIBUYA}):
        r = request(shibuya, "BIKE-1", 1, "transfer", **extra)
        assert (r["status"], r["reason"]) == ("rejected", "invalid_args")
    hold_from = request(shibuya, "BIKE-1", 1, "hold", from_store_id=YOKOHAMA)
    assert (hold_from["status"], hold_from["reason"]) == ("rejected", "invalid_args")


def test_no_stock_names_the_nearest_stores_with_free_stock(
    server: ServerThread, settings: Settings
) -> None:
    t = open_terminal(server.base_url, YOKOHAMA, "A002", "M002")
    r = request(t, "HELMET-1", 1, store_id=YOKOHAMA)
    assert (r["status"], r["reason"]) == ("rejected", "no_stock")
    [alt] = r["data"]["alternatives"]
    assert (alt["store_id"], alt["available"]) == (SHIBUYA, 5)
    assert alt["distance_km"] >= 0


def test_another_stores_reservation_is_not_found(server: ServerThread, shibuya: Terminal) -> None:
    hold = request(shibuya, "HELMET-1", 1)
    umeda = open_terminal(server.base_url, UMEDA, "A003", "M003")
    yokohama = open_terminal(server.base_url, YOKOHAMA, "A002", "M002")
    unknown = step(umeda, "cancel", new_id())
    for other in (umeda, yokohama):
        for verb in ("cancel", "fulfil", "extend", "ship"):
            r = step(other, verb, hold["id_"])
            assert (r["status"], r["reason"], r["data"]) == (
                "rejected",
                "not_found",
                unknown["data"],
            )


def test_extend_gives_a_hold_its_full_time_again(shibuya: Terminal) -> None:
    hold = request(shibuya, "HELMET-1", 1)
    first = datetime.fromisoformat(hold["data"]["expires_at"].replace("Z", "+00:00"))
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=10)):
        extended = step(shibuya, "extend", hold["id_"])
    later = datetime.fromisoformat(extended["data"]["expires_at"].replace("Z", "+00:00"))
    assert later - first > timedelta(hours=9)


def test_the_servers_own_sweeper_expires_a_hold_when_its_clock_passes(
    settings: Settings, engine: Engine
) -> None:
    """No test hook: the running server's background sweeper, with the clock moved."""
    fast = Settings(
        database_url=settings.database_url,
        pin_cost=settings.pin_cost,
        run_migrations=False,
        sweep_interval_s=0.1,
    )
    with ServerThread(create_app(fast, engine=engine)) as server:
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        hold = request(t, "HELMET-1", 2)
        assert stock(engine, SHIBUYA, "HELMET-1") == (5, 2)
        # (The session's own 12 h would run out too; the sweeper needs none.)
        with time_machine.travel(datetime.now(UTC) + timedelta(hours=49), tick=True):
            deadline = datetime.now(UTC) + timedelta(seconds=10)
            while stock(engine, SHIBUYA, "HELMET-1") != (5, 0):
                assert datetime.now(UTC) < deadline, "the sweeper did not expire the hold"
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        t.pull_all()
        assert t.entities("reservation")[hold["id_"]]["status"] == "expired"
