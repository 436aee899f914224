"""A demo seeded on any day plays its two stories: the bike's follow-ups and the first
birthday are planned ahead of that day (the demo's history ends when it is seeded)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from sync.server.db import read_session
from sync.server.demo import (
    DEMO_LOGINS,
    REFERENCE_TIME,
    STORY_BIKE_CUSTOMER_ID,
    STORY_GIFT_CUSTOMER_ID,
    live_reference,
)
from sync.server.demo.chain import store_by_code
from sync.server.demo.timeline import JST
from sync.server.models import FollowUp, Order
from sync.server.planner import plan
from sync.server.runner import ServerThread
from sync.server.seed import seed_demo
from sync.server.timeutil import as_utc
from tests.server.conftest import PIN_COST

STORE_NAME = store_by_code("FUT")["name"]


def _planned(engine: Engine) -> dict[tuple[str, str], FollowUp]:
    with read_session(engine) as s:
        rows = s.execute(
            select(FollowUp).where(
                col(FollowUp.customer_id).in_([STORY_BIKE_CUSTOMER_ID, STORY_GIFT_CUSTOMER_ID])
            )
        ).scalars()
        return {(f.customer_id, f.rule_code or ""): f for f in rows}


def _bought(engine: Engine, customer_id: str) -> datetime:
    with read_session(engine) as s:
        return as_utc(
            s.execute(select(Order.ordered_at).where(Order.customer_id == customer_id)).scalar_one()
        )


def _check_stories(engine: Engine, now: datetime) -> None:
    report = plan(engine, now=now)
    assert report.created, report
    planned = _planned(engine)
    soon = planned[(STORY_BIKE_CUSTOMER_ID, "visit_few_days")]
    month = planned[(STORY_BIKE_CUSTOMER_ID, "visit_month")]
    bike = _bought(engine, STORY_BIKE_CUSTOMER_ID)
    assert as_utc(soon.due_at) > now > bike
    assert soon.due_date.weekday() < 5  # before the weekend
    assert 3 <= (soon.due_date - bike.date()).days <= 9
    assert (month.due_date - bike.date()).days >= 28 and month.due_date.weekday() < 5
    assert soon.store_id == month.store_id == store_by_code("FUT")["id"]

    birthday = planned[(STORY_GIFT_CUSTOMER_ID, "gift_first_birthday")]
    gift = _bought(engine, STORY_GIFT_CUSTOMER_ID)
    first_birthday = gift.date() + timedelta(days=365)
    assert as_utc(birthday.due_at) >= now
    assert birthday.due_date < first_birthday
    assert birthday.store_id == store_by_code("YOK")["id"]


def test_a_demo_seeded_now_plans_its_stories_ahead_of_now(engine: Engine) -> None:
    seed_demo(engine, scale=2, seed=1, pin_cost=PIN_COST)  # the default: the seeding moment
    now = as_utc(live_reference()) + timedelta(minutes=1)
    _check_stories(engine, now)


@pytest.mark.parametrize("days_after", [1, 4, 6])  # a Monday, a Thursday, a Saturday
def test_the_stories_play_whatever_the_weekday(engine: Engine, days_after: int) -> None:
    reference = REFERENCE_TIME + timedelta(days=days_after, hours=7, minutes=13)
    seed_demo(engine, scale=2, seed=1, pin_cost=PIN_COST, reference=reference)
    _check_stories(engine, as_utc(reference) + timedelta(minutes=1))


def test_a_demo_opens_with_the_loop_of_the_last_weeks(engine: Engine, server: ServerThread) -> None:
    """Results is not a page of zeros: follow-ups done, messages sent and opened, sales
    credited at the bike shop; the follow-ups reach the store's terminals; the planner does
    not plan the replayed contacts again."""
    seed_demo(engine, scale=1500, seed=1, pin_cost=PIN_COST)
    store = store_by_code("FUT")["id"]
    code, pin = next((c, p) for s, r, c, p in DEMO_LOGINS if r == "manager" and s == STORE_NAME)
    with httpx.Client(base_url=server.base_url, timeout=20) as http:
        device = http.post("/v1/devices", json={"staff_code": code, "pin": pin, "store_id": store})
        assert device.status_code == 200, device.text
        session = http.post(
            "/v1/sessions",
            json={"device_token": device.json()["device_token"], "staff_code": code, "pin": pin},
        )
        auth = {"Authorization": f"Bearer {session.json()['session_token']}"}
        today = datetime.now(JST).date()
        r = http.get(
            "/v1/dashboard",
            params={"since": (today - timedelta(days=100)).isoformat(), "until": today.isoformat()},
            headers=auth,
        )
        assert r.status_code == 200, r.text
        totals = r.json()["totals"]
        assert totals["done"] >= 10 and totals["sent"] >= 10 and totals["opened"] >= 1
        assert totals["credited"] >= 1 and totals["revenue_jpy"] > 0
        assert len(r.json()["staff"]) >= 2
        pulled: list[dict[str, Any]] = []
        after = None
        while True:
            params: dict[str, Any] = {"limit": 5000} | ({"cursors": after} if after else {})
            page = http.get("/v1/sync/pull", params=params, headers=auth).json()
            pulled += page["changes"]
            after = page["cursors"]
            if not page["has_more"]:
                break
    shown = [c["data"] for c in pulled if c["entity"] == "followup"]
    assert any(f.get("message_status") in ("sent", "opened", "clicked") for f in shown)
    assert any(f.get("credited_jpy") for f in shown)

    plan(engine)  # the replayed contacts carry the rules' plan keys: not planned twice
    with read_session(engine) as s:
        keys = list(
            s.execute(
                select(FollowUp.plan_key).where(col(FollowUp.plan_key).is_not(None))
            ).scalars()
        )
    assert len(keys) == len(set(keys))
