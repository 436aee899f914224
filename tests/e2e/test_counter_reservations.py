"""Reservations end to end: two real terminals (encrypted caches, services, sync engines) of
one store and the real central API over HTTP. What one terminal does shows on the other at
once (poke); an offline request is answered after reconnecting and the staff member is told;
a hold expires by the server's clock; a sale makes the customer's interest purchased."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clienteling.services.interests import InterestService
from clienteling.services.reservations import ReservationService
from clienteling.storage.cache import LocalCache
from sync.client.engine import SyncEngine
from sync.server.runner import ServerThread
from sync.server.sweeper import sweep_reservations
from tests.e2e.test_two_terminals import staff_context
from tests.support.server import start_test_server
from tests.sync_client.devices import Terminal, customer_of_region, register_terminal
from tests.sync_client.waiting import eventually

pytestmark = pytest.mark.anyio


@dataclass
class Till:
    term: Terminal
    cache: LocalCache
    engine: SyncEngine

    @property
    def reservations(self) -> ReservationService:
        return ReservationService(self.cache, staff_context(self.term), self.engine)


@pytest.fixture
async def tills(central: ServerThread, tmp_path: Path) -> AsyncIterator[tuple[Till, Till]]:
    made: list[Till] = []
    for name in ("a", "b"):
        term = await register_terminal(central.base_url, name=f"till {name}")
        cache = LocalCache.open(tmp_path / f"{name}.db", os.urandom(32).hex())
        engine = term.engine(cache, store_in_thread=True)
        await engine.start()
        made.append(Till(term, cache, engine))
    try:
        for till in made:
            await eventually(lambda t=till: t.engine.status.last_pull_at is not None)
        yield made[0], made[1]
    finally:
        for till in made:
            await till.engine.stop()
            await till.term.api.aclose()
            till.cache.close()


def _stocked_sku(till: Till) -> str:
    """A product this store has at least 2 of, free."""
    with till.cache._read() as db:  # test helper: pick data straight from the cache
        row = db.execute(
            "SELECT sku FROM srv_inventory WHERE store_id = ? AND "
            "(data ->> '$.on_hand') - (data ->> '$.reserved') >= 2 ORDER BY sku LIMIT 1",
            (till.term.session.store.id,),
        ).fetchone()
    assert row is not None, "the demo store stocks something"
    return str(row[0])


async def test_a_pickup_made_on_one_till_is_in_todays_pickups_on_the_other_within_2_s(
    tills: tuple[Till, Till], database_url: str
) -> None:
    a, b = tills
    customer_id = customer_of_region(database_url, a.term.session.store.region)
    sku = _stocked_sku(a)
    made = a.reservations.request(customer_id, sku, quantity=1, kind="pickup")
    assert made.status == "requested"
    start = time.monotonic()
    await eventually(
        lambda: any(r.id == made.id for r in b.reservations.store_lists().pickups),
        timeout=2.0,
        what="the pickup in B's list",
    )
    assert time.monotonic() - start < 2.0
    on_b = next(r for r in b.reservations.store_lists().pickups if r.id == made.id)
    assert (on_b.status, on_b.customer_id, on_b.kind) == ("confirmed", customer_id, "pickup")
    # B prepares it; A sees it ready, and B's own step is no notice on B.
    b.reservations.step(made.id, "ready")
    await eventually(
        lambda: any(
            r.id == made.id and r.status == "ready" for r in a.reservations.store_lists().pickups
        ),
        timeout=2.0,
        what="ready on A",
    )
    # (Newest first.)
    assert [n.status for n in a.reservations.notices() if n.subject_id == made.id] == [
        "ready",
        "confirmed",
    ]
    assert not [n for n in b.reservations.notices() if n.status == "ready"]


async def test_an_offline_request_is_answered_after_reconnecting_and_the_staff_is_told(
    central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    term = await register_terminal(central.base_url, name="till")
    cache = LocalCache.open(tmp_path / "till.db", os.urandom(32).hex())
    engine = term.engine(cache, store_in_thread=True)
    till = Till(term, cache, engine)
    restarted: ServerThread | None = None
    try:
        await engine.start()
        await eventually(lambda: engine.status.last_pull_at is not None)
        customer_id = customer_of_region(database_url, term.session.store.region)
        sku = _stocked_sku(till)
        port = central.port
        central.stop()
        await eventually(lambda: not engine.status.online, what="the outage")
        hold = till.reservations.request(customer_id, sku, quantity=1)
        far_too_many = till.reservations.request(customer_id, sku, quantity=99)
        lists = till.reservations.store_lists()
        assert {r.id for r in lists.waiting} == {hold.id, far_too_many.id}
        assert {r.status for r in lists.waiting} == {"requested"}
        assert till.reservations.notices() == []

        restarted = start_test_server(database_url, seed=False, port=port)
        await eventually(
            lambda: len(till.reservations.notices()) == 2, timeout=10, what="both answers"
        )
        told = {n.subject_id: n for n in till.reservations.notices(unseen_only=True)}
        assert told[hold.id].status == "confirmed"
        assert (told[far_too_many.id].status, told[far_too_many.id].reason) == (
            "rejected",
            "no_stock",
        )
        rows = {r.id: r for r in till.reservations.of_customer(customer_id)}
        assert rows[hold.id].status == "confirmed"
        refused = rows[far_too_many.id]
        assert (refused.status, refused.rejected_reason) == ("rejected", "no_stock")
        assert till.reservations.store_lists().waiting == ()
        till.reservations.mark_seen(till.reservations.notices(unseen_only=True))
        assert till.reservations.notices(unseen_only=True) == []
    finally:
        await engine.stop()
        await term.api.aclose()
        cache.close()
        if restarted is not None:
            restarted.stop()


async def test_a_hold_expired_by_the_server_clock_is_expired_on_the_till(
    tills: tuple[Till, Till], database_url: str, central: ServerThread
) -> None:
    a, _ = tills
    customer_id = customer_of_region(database_url, a.term.session.store.region)
    hold = a.reservations.request(customer_id, _stocked_sku(a), quantity=1)
    await eventually(
        lambda: any(
            r.id == hold.id and r.status == "confirmed"
            for r in a.reservations.of_customer(customer_id)
        ),
        what="the hold confirmed",
    )
    engine = central.app.state.engine
    assert sweep_reservations(engine, datetime.now(UTC) + timedelta(hours=49)) >= 1
    central.app.state.hub.publish([f"store:{a.term.session.store.id}"])
    await eventually(
        lambda: any(
            r.id == hold.id and r.status == "expired"
            for r in a.reservations.of_customer(customer_id)
        ),
        timeout=5,
        what="the hold expired on the till",
    )
    assert next(n.status for n in a.reservations.notices() if n.subject_id == hold.id) == "expired"


async def test_an_interest_becomes_purchased_when_the_other_till_sells_that_product(
    tills: tuple[Till, Till], database_url: str
) -> None:
    a, b = tills
    customer_id = customer_of_region(database_url, a.term.session.store.region)
    sku = _stocked_sku(a)
    interest = InterestService(a.cache, staff_context(a.term), a.engine).add(
        customer_id, code=sku, category=None, comment="次回購入予定"
    )
    await eventually(
        lambda: (
            b.cache.load_profile(customer_id) is not None
            and any(i.id == interest.id for i in b.cache.load_profile(customer_id).interests)
        ),  # type: ignore[union-attr]
        what="the interest on B",
    )
    hold = b.reservations.request(customer_id, sku, quantity=1)
    await eventually(
        lambda: any(
            r.id == hold.id and r.status == "confirmed"
            for r in b.reservations.of_customer(customer_id)
        ),
        what="B's hold confirmed",
    )
    b.reservations.step(hold.id, "fulfil")

    def purchased_on_a() -> bool:
        profile = a.cache.load_profile(customer_id)
        assert profile is not None
        return any(i.id == interest.id and i.status == "purchased" for i in profile.interests)

    await eventually(purchased_on_a, timeout=5, what="the interest purchased on A")
    profile = a.cache.load_profile(customer_id)
    assert profile is not None
    assert any(line.sku == sku for o in profile.orders for line in o.lines if o.channel == "store")
