"""100,000 mixed-channel events through both ingestion endpoints at once (over real HTTP,
SQLite and PostgreSQL), with repeated deliveries across concurrent requests, status changes in
shuffled order and before their orders, and new customers named several times: the tables end
with exactly what a reader of the events would expect."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func
from sqlmodel import col, select

from sync.protocol.ingest import EVENT_KINDS
from sync.protocol.merges import DEFAULT_RULES
from sync.server import summaries
from sync.server.db import read_session
from sync.server.models import Activity, Customer, IngestedEvent, Order
from sync.server.runner import ServerThread
from tests.server.ingest_helpers import (
    activity_event,
    admin_token,
    bearer,
    bulk,
    credential,
    ndjson,
    order_event,
    status_event,
)

TOTAL = 100_000
STATUSES = ("paid", "shipped", "completed", "cancelled", "returned")
ACTIVITY_KINDS = ("web.view", "app.event", "sns.interaction", "email.engagement")


def _customer(rng: random.Random, new_people: int) -> dict[str, Any]:
    """Mostly people the shop has not met yet (a few dozen events each, as real customers
    have); the rest the chain's own customers, named by email or phone."""
    if rng.random() < 0.9:
        n = rng.randrange(new_people)
        return {"email": f"walkin{n}@example.jp", "family_name": "新規"}
    n = rng.randrange(4)
    return rng.choice(({"email": f"c{n}@example.jp"}, {"phone": f"090{n:08d}"}))


def _events(rng: random.Random) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Distinct events, and what they must leave behind."""
    events: list[dict[str, Any]] = []
    final: dict[str, str] = {}
    tickets: set[str] = set()
    activities = 0
    new_people = 3000
    n = 0
    while len(events) < TOTAL:
        n += 1
        roll = rng.random()
        if roll < 0.3:
            order = f"W-{n}"
            events.append(
                order_event(
                    f"o-{n}", order, at="2026-10-01T00:00:00Z", customer=_customer(rng, new_people)
                )
            )
            final[order] = "paid"
            # Later changes, each at its own time; sent in shuffled order below.
            for step, status in enumerate(rng.sample(STATUSES[1:], rng.randint(0, 2)), start=1):
                at = f"2026-10-{1 + step:02d}T00:00:00Z"
                events.append(status_event(f"s-{n}-{step}", order, status, at))
                final[order] = status
        elif roll < 0.4:
            ticket = f"T-{rng.randrange(2000)}"
            tickets.add(ticket)
            events.append(
                activity_event(
                    f"t-{n}",
                    "support.inquiry",
                    customer=_customer(rng, new_people),
                    ref=ticket,
                    status="open",
                )
            )
        else:
            activities += 1
            events.append(
                activity_event(
                    f"a-{n}",
                    rng.choice(ACTIVITY_KINDS),
                    customer=_customer(rng, new_people),
                    sku="BIKE-1",
                )
            )
    expected = {
        "orders": final,
        "activities": activities + len(tickets),
        "events": len(events),
    }
    return events, expected


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_hundred_thousand_events_through_both_endpoints_count_once(
    server: ServerThread, engine: Engine
) -> None:
    rng = random.Random(20261202)
    http = httpx.Client(base_url=server.base_url, timeout=600)
    admin = admin_token(http)
    shop = credential(http, creates_customers=True, home_store="S001", admin=admin)
    # This chain's rules (data) let any event of a new person make their profile: the events
    # are shuffled, so a person's first event may well be a web view.
    rules = DEFAULT_RULES.model_copy(update={"create_from": list(EVENT_KINDS)})
    put = http.put("/v1/identity/rules", json=rules.model_dump(), headers=bearer(admin))
    assert put.status_code == 200, put.text
    with read_session(engine) as session:
        before = session.execute(select(func.count()).select_from(Customer)).scalar_one()
    events, expected = _events(rng)
    rng.shuffle(events)  # status changes before their orders, older after newer
    # Repeated deliveries: a tenth again, in other requests than the first time.
    repeats = rng.sample(events, TOTAL // 10)
    by_bulk, singles = events[: TOTAL - 150], events[TOTAL - 150 :]
    bodies = [by_bulk[i : i + 10_000] for i in range(0, len(by_bulk), 10_000)]
    bodies += [repeats[i : i + 5_000] for i in range(0, len(repeats), 5_000)]
    rng.shuffle(bodies)

    def send_bulk(body: list[dict[str, Any]]) -> dict[str, Any]:
        with httpx.Client(base_url=server.base_url, timeout=600) as client:
            reply = bulk(client, shop["token"], ndjson(body))
            assert reply.status_code == 200, reply.text
            report: dict[str, Any] = reply.json()
            return report

    def send_single(event: dict[str, Any]) -> str:
        reply = http.post("/v1/ingest/events", json=event, headers=bearer(shop["token"]))
        assert reply.status_code == 200, reply.text
        return str(reply.json()["outcome"])

    with ThreadPoolExecutor(3) as pool:
        reports = list(pool.map(send_bulk, bodies))
    outcomes = [send_single(e) for e in singles + repeats[:50]]
    rejected = sum(r["rejected_count"] for r in reports)
    assert rejected == 0, [r["rejected"][:3] for r in reports]
    assert all(o in ("applied", "duplicate", "waiting", "stale") for o in outcomes)
    with read_session(engine) as session:
        received = session.execute(
            select(func.count()).select_from(IngestedEvent).where(IngestedEvent.source == "webshop")
        ).scalar_one()
        assert received == expected["events"]  # every event once, however often it came
        waiting = session.execute(
            select(func.count()).where(col(IngestedEvent.outcome) == "waiting")
        ).scalar_one()
        assert waiting == 0  # every status change found its order
        rows = session.execute(
            select(Order.external_id, Order.status).where(Order.source == "webshop")
        ).all()
        assert dict(rows) == expected["orders"]  # each order once, in its latest status
        activities = session.execute(
            select(func.count()).select_from(Activity).where(col(Activity.status_at).is_not(None))
        ).scalar_one()
        assert activities == expected["activities"]
        after = session.execute(select(func.count()).select_from(Customer)).scalar_one()
        named = {
            e["customer"]["email"]
            for e in events
            if e.get("customer", {}).get("email", "").startswith("walkin")
        }
        assert after - before == len(named)  # one profile per new person, never two
        # What each profile adds up to, kept current batch by batch under concurrent
        # requests, equals a recomputation from scratch.
        everyone = list(session.execute(select(Customer.id)).scalars())
        kept = summaries.stored(session, everyone)
        fresh = summaries.compute(session, everyone)
        with_orders = {cid for cid, data in fresh.items() if data["order_count"]}
        assert with_orders and with_orders <= set(kept)
        for cid in with_orders:
            assert kept[cid] == fresh[cid], cid
