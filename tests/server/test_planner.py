"""The follow-up planner: rules as data, timing from the customer's own history, quiet hours,
the frequency cap across staff and stores, consent, occasions and service triggers (real server
over HTTP for what terminals do, the planner run by the server's clock moved in the test;
SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import time_machine
from sqlalchemy import Engine, update
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.followups import DEFAULT_FOLLOWUP_RULES, FollowupRules, FrequencyCap
from sync.server.db import read_session, write_session
from sync.server.models import FollowUp, Inventory, Order, OrderLine, StockWatch
from sync.server.planner import plan
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal

JST = ZoneInfo("Asia/Tokyo")
CONSENTING = tid("customer:0")  # marketing by email granted
REFUSING = tid("customer:1")  # marketing by email withdrawn


def jst(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=JST)  # type: ignore[misc]


@pytest.fixture
def at() -> Iterator[Any]:
    """Move the server's clock (the planner and the mutations read it)."""

    def travel(moment: datetime) -> Any:
        return time_machine.travel(moment, tick=True)

    yield travel


def _interests(t: Terminal, customer_id: str, *skus: str) -> list[str]:
    ids = [new_id() for _ in skus]
    results = t.push(
        *(
            mutation("interest.add", {"id": i, "customer_id": customer_id, "sku": s})
            for i, s in zip(ids, skus, strict=True)
        )
    )
    assert [r["status"] for r in results] == ["applied"] * len(skus), results
    return ids


def _followups(engine: Engine, customer_id: str) -> list[FollowUp]:
    with read_session(engine) as session:
        return list(
            session.execute(
                select(FollowUp)
                .where(FollowUp.customer_id == customer_id)
                .order_by(col(FollowUp.due_date))
            ).scalars()
        )


def _order(engine: Engine, customer_id: str, channel: str, when: datetime, sku: str) -> str:
    oid = new_id()
    with write_session(engine) as session:
        session.add(
            Order(
                id=oid,
                customer_id=customer_id,
                channel=channel,
                store_id=SHIBUYA if channel == "store" else None,
                ordered_at=when.astimezone(UTC),
                total_jpy=Decimal(1000),
                status="completed",
            )
        )
        session.flush()
        session.add(
            OrderLine(
                order_id=oid, line_no=1, sku=sku, name=sku, quantity=1, unit_price_jpy=Decimal(1000)
            )
        )
    return oid


def _put_rules(server: ServerThread, rules: FollowupRules) -> None:
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    r = manager.http.put(
        "/v1/followups/rules", json=rules.model_dump(mode="json"), headers=manager.auth
    )
    assert r.status_code == 200, r.text


def _only(rules: FollowupRules, *codes: str, **changes: Any) -> FollowupRules:
    kept = [r for r in rules.rules if r.code in codes]
    return rules.model_copy(update={"rules": kept, **changes})


def test_a_visit_with_interests_plans_two_follow_ups_before_the_weekend(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    """The bike: accessories logged on a Friday. A few days later, before the next weekend
    (Friday 30 October), and about a month later, again before a weekend; on the channel the
    customer agreed to, owned by the staff member who logged them, carrying the interests.
    The terminals of the region receive them; a second run plans nothing more."""
    visit = jst(2026, 10, 23, 14, 20)
    with at(visit):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        ids = _interests(t, CONSENTING, "HELMET-1", "LIGHT-1")
        report = plan(engine)
    assert report.created == {"visit_few_days": 1, "visit_month": 1}
    soon, month = _followups(engine, CONSENTING)
    assert (soon.rule_code, soon.due_date) == ("visit_few_days", date(2026, 10, 30))
    assert month.rule_code == "visit_month"
    assert date(2026, 11, 20) <= month.due_date <= date(2026, 11, 26)
    assert month.due_date.weekday() < 5
    for row in (soon, month):
        assert row.channel == "email" and row.staff_id == tid("staff:A001")
        assert row.store_id == SHIBUYA and row.status == "planned" and row.kind == "after_visit"
        assert json.loads(row.skus_json) == ["HELMET-1", "LIGHT-1"]
        assert sorted(json.loads(row.interest_ids_json)) == sorted(ids)
        timing = json.loads(row.timing_json or "{}")
        assert timing["basis"] == "default" and timing["hour"] == 18
    assert soon.due_at is not None
    assert soon.due_at.astimezone(JST).replace(tzinfo=None) == datetime(2026, 10, 30, 18, 0)

    with at(visit + timedelta(hours=2)):
        other = open_terminal(server.base_url, SHIBUYA, "M001")
        other.pull_all()
        docs = other.entities("followup")
        again = plan(engine)
    assert again.created == {} and again.already_planned >= 2
    assert len(_followups(engine, CONSENTING)) == 2
    doc = docs[soon.id]
    assert doc["rule"] == "visit_few_days" and doc["purpose"] == "marketing"
    assert doc["due_at"] == "2026-10-30T09:00:00Z" and doc["timing"]["basis"] == "default"
    assert sorted(doc["interest_ids"]) == sorted(ids)


def test_an_interest_logged_later_at_the_same_visit_joins_its_follow_up(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    with at(jst(2026, 10, 23, 11, 0)):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        first = _interests(t, CONSENTING, "HELMET-1")
        plan(engine)
    with at(jst(2026, 10, 23, 16, 0)):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        later = _interests(t, CONSENTING, "LIGHT-1")
        report = plan(engine)
    assert report.created == {}
    rows = _followups(engine, CONSENTING)
    assert len(rows) == 2
    for row in rows:
        assert sorted(json.loads(row.interest_ids_json)) == sorted(first + later)
        assert json.loads(row.skus_json) == ["HELMET-1", "LIGHT-1"]


def test_the_time_is_chosen_from_the_customers_own_history(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    """Four of six online orders on Friday evenings around 19:00: the follow-up is due on a
    Friday at 19:00, and says why."""
    for week in range(4):
        _order(engine, CONSENTING, "online", jst(2026, 9, 4, 19, 10) + timedelta(weeks=week), "X")
    _order(engine, CONSENTING, "online", jst(2026, 9, 8, 12, 0), "X")
    _order(engine, CONSENTING, "online", jst(2026, 9, 15, 8, 30), "X")
    rules = _only(DEFAULT_FOLLOWUP_RULES, "visit_few_days")
    _put_rules(server, rules)
    with at(jst(2026, 10, 19, 15, 0)):  # a Monday
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        _interests(t, CONSENTING, "HELMET-1")
        plan(engine)
    [row] = _followups(engine, CONSENTING)
    assert row.due_at is not None
    due = row.due_at.astimezone(JST)
    assert (due.weekday(), due.hour) == (4, 19)
    assert date(2026, 10, 22) <= due.date() <= date(2026, 10, 28)
    timing = json.loads(row.timing_json or "{}")
    assert timing == {
        "basis": "online_orders",
        "count": 4,
        "total": 6,
        "weekday": 4,
        "hour": 19,
        "quiet_hours": False,
        "capped": False,
    }


def test_quiet_hours_move_a_time_the_history_would_choose(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    """App orders placed at 07:00-07:59 (before the quiet hours end at 09:00): contact at
    09:00, and the reason says it was moved."""
    _put_rules(server, _only(DEFAULT_FOLLOWUP_RULES, "visit_few_days"))
    for ordered in (jst(2026, 9, 1, 7, 40), jst(2026, 9, 9, 7, 5), jst(2026, 9, 17, 7, 55)):
        _order(engine, CONSENTING, "app", ordered, "X")
    with at(jst(2026, 10, 19, 15, 0)):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        _interests(t, CONSENTING, "HELMET-1")
        plan(engine)
    [row] = _followups(engine, CONSENTING)
    assert row.due_at is not None
    assert row.due_at.astimezone(JST).hour == 9
    timing = json.loads(row.timing_json or "{}")
    assert timing["quiet_hours"] is True and timing["basis"] == "online_orders"


def test_no_follow_up_on_a_channel_the_customer_did_not_agree_to(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    with at(jst(2026, 10, 23, 14, 20)):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        _interests(t, REFUSING, "HELMET-1")
        report = plan(engine)
    assert report.created == {} and report.skipped_no_channel == 2
    assert _followups(engine, REFUSING) == []


def test_the_frequency_cap_holds_across_staff_and_stores(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    """One contact per customer in any seven days: two colleagues at two stores log interests
    on the same customer the same week; the planned contacts never come closer than the cap."""
    rules = _only(
        DEFAULT_FOLLOWUP_RULES,
        "visit_few_days",
        frequency_cap=FrequencyCap(max_contacts=1, per_days=7),
    )
    _put_rules(server, rules)
    with at(jst(2026, 10, 19, 12, 0)):
        shibuya = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        _interests(shibuya, CONSENTING, "HELMET-1")
        plan(engine)
    with at(jst(2026, 10, 20, 12, 0)):
        yokohama = open_terminal(server.base_url, YOKOHAMA, "A002", "M002")
        _interests(yokohama, CONSENTING, "LIGHT-1")
        plan(engine)
    with at(jst(2026, 10, 21, 12, 0)):
        shibuya = open_terminal(server.base_url, SHIBUYA, "M001")
        _interests(shibuya, CONSENTING, "BIKE-1")
        report = plan(engine)
    rows = _followups(engine, CONSENTING)
    days = sorted(r.due_date for r in rows)
    assert all(b - a >= timedelta(days=7) for a, b in pairwise(days)), days
    assert len(rows) + report.skipped_cap >= 2  # the later visits were moved or left out
    assert {r.staff_id for r in rows} >= {tid("staff:A001")}


def test_a_birth_gift_plans_the_first_birthday_with_age_appropriate_suggestions(
    server: ServerThread, engine: Engine
) -> None:
    """Baby clothes and a birth gift set bought on 3 November 2025: three weeks before the
    first birthday the occasion follow-up appears, carrying first-birthday ideas; not earlier
    than the rules' horizon."""
    oid = _order(engine, CONSENTING, "store", jst(2025, 11, 3, 15, 10), "GS-BIRTH-03")
    assert plan(engine, now=jst(2026, 8, 1, 9, 0)).created == {}
    report = plan(engine, now=jst(2026, 10, 1, 9, 0))
    assert report.created.get("gift_first_birthday") == 1
    [row] = [r for r in _followups(engine, CONSENTING) if r.rule_code == "gift_first_birthday"]
    assert row.kind == "occasion" and json.loads(row.order_ids_json) == [oid]
    assert date(2026, 10, 13) <= row.due_date <= date(2026, 10, 20)
    assert json.loads(row.skus_json) == ["GS-FIRST-01"]
    assert {"toy", "baby_clothes"} <= set(json.loads(row.categories_json))
    assert plan(engine, now=jst(2026, 10, 2, 9, 0)).created.get("gift_first_birthday") is None
    # Its message: the suggestions, the partner bakery's cake, wrapping and shipping free.
    manager = open_terminal(server.base_url, row.store_id, "M001")
    r = manager.http.post(f"/v1/followups/{row.id}/messages", json={}, headers=manager.auth)
    assert r.status_code == 201, r.text
    draft = r.json()
    assert "ベーカリー こむぎの木の1歳のお誕生日ケーキ" in draft["body"]
    assert "ギフト包装・配送は無料" in draft["body"] and draft["has_cart_link"]
    r = manager.http.post(
        f"/v1/followups/{row.id}/messages", json={"language": "en"}, headers=manager.auth
    )
    assert "first-birthday cake" in r.json()["body"] and "on us" in r.json()["body"]


def test_a_first_birthday_whose_window_has_passed_is_still_followed_up_before_the_day(
    server: ServerThread, engine: Engine
) -> None:
    """The gift recorded late (or the rules switched on since): the ideal days (13-20
    October) are past, the first birthday (3 November) is not: the contact is planned on the
    days left before it; once the day has come, nothing is planned any more."""
    _order(engine, CONSENTING, "store", jst(2025, 11, 3, 15, 10), "GS-BIRTH-03")
    assert plan(engine, now=jst(2026, 11, 3, 9, 0)).created.get("gift_first_birthday") is None
    report = plan(engine, now=jst(2026, 10, 28, 9, 0))
    assert report.created.get("gift_first_birthday") == 1
    [row] = [r for r in _followups(engine, CONSENTING) if r.rule_code == "gift_first_birthday"]
    assert date(2026, 10, 28) <= row.due_date < date(2026, 11, 3)
    assert plan(engine, now=jst(2026, 10, 29, 9, 0)).created.get("gift_first_birthday") is None


def test_a_hold_about_to_expire_is_a_service_contact_before_it_expires(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    """Service messages go to a channel the customer can be reached on even without marketing
    consent; never in the quiet hours, and before the hold expires."""
    start = jst(2026, 10, 20, 6, 30)  # a 48 h hold expires at 06:30, in the quiet hours
    with at(start):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        rid = new_id()
        [r] = t.push(
            mutation(
                "reservation.request",
                {"id": rid, "customer_id": REFUSING, "store_id": SHIBUYA, "sku": "HELMET-1"},
            )
        )
        assert r["data"]["status"] == "confirmed", r
    report = plan(engine, now=start + timedelta(hours=40))  # 8 h before expiry, 22:30
    assert report.created.get("hold_expiring") == 1
    [row] = _followups(engine, REFUSING)
    assert row.purpose == "service" and row.channel == "email" and row.reservation_id == rid
    assert row.due_at is not None
    due = row.due_at.astimezone(JST)
    assert 9 <= due.hour < 21
    assert due < start + timedelta(hours=48)


def test_an_interest_in_a_product_out_of_stock_is_followed_up_when_it_is_back(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    _put_rules(server, _only(DEFAULT_FOLLOWUP_RULES, "back_in_stock"))
    with at(jst(2026, 10, 20, 12, 0)):
        t = open_terminal(server.base_url, YOKOHAMA, "A002", "M002")
        [iid] = _interests(t, CONSENTING, "HELMET-1")  # none at Yokohama
        assert plan(engine).created == {}
    with read_session(engine) as session:
        assert session.get(StockWatch, iid) is not None
    with at(jst(2026, 10, 21, 12, 0)):
        assert plan(engine).created == {}  # still none
        with write_session(engine) as session:
            session.execute(
                update(Inventory)
                .where(col(Inventory.store_id) == YOKOHAMA, col(Inventory.sku) == "HELMET-1")
                .values(on_hand=3)
            )
        report = plan(engine)
    assert report.created == {"back_in_stock": 1}
    [row] = _followups(engine, CONSENTING)
    assert row.kind == "back_in_stock" and row.store_id == YOKOHAMA
    assert json.loads(row.interest_ids_json) == [iid]
    with read_session(engine) as session:
        assert session.get(StockWatch, iid) is None


def test_two_planners_at_once_plan_each_thing_once(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    with at(jst(2026, 10, 23, 14, 20)):
        for n, store, staff, manager in ((0, SHIBUYA, "A001", "M001"), (2, SHIBUYA, "M001", None)):
            t = open_terminal(server.base_url, store, staff, manager)
            _interests(t, tid(f"customer:{n}"), "HELMET-1")
        barrier = threading.Barrier(3)
        reports: list[Any] = []

        def run() -> None:
            barrier.wait()
            reports.append(plan(engine))

        threads = [threading.Thread(target=run) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sum(sum(r.created.values()) for r in reports) == 4
    for n in (0, 2):
        assert len(_followups(engine, tid(f"customer:{n}"))) == 2


def test_rules_are_read_and_replaced_by_managers_and_checked(
    server: ServerThread, engine: Engine, at: Any
) -> None:
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    assert associate.http.get("/v1/followups/rules", headers=associate.auth).status_code == 403
    got = manager.http.get("/v1/followups/rules", headers=manager.auth).json()
    assert got["version"] == 0
    assert [r["code"] for r in got["rules"]["rules"]][:2] == ["visit_few_days", "visit_month"]

    body = got["rules"]
    bad: list[dict[str, Any]] = [
        {**body, "rules": [*body["rules"], body["rules"][0]]},  # a code twice
        {**body, "rules": [{**body["rules"][4], "gift_skus": [], "gift_categories": []}]},
        {**body, "frequency_cap": {"max_contacts": 0, "per_days": 7}},
        {**body, "rules": [{**body["rules"][0], "trigger": "lottery"}]},
        {**body, "quiet_hours": {"start": "25:00", "end": "09:00"}},
    ]
    for wrong in bad:
        r = manager.http.put("/v1/followups/rules", json=wrong, headers=manager.auth)
        assert r.status_code == 422, (wrong, r.text)
    off = {**body, "rules": [{**r, "enabled": r["code"] != "visit_month"} for r in body["rules"]]}
    r = associate.http.put("/v1/followups/rules", json=off, headers=associate.auth)
    assert r.status_code == 403
    r = manager.http.put("/v1/followups/rules", json=off, headers=manager.auth)
    assert r.status_code == 200 and r.json()["version"] == 1
    assert r.json()["updated_by"] == "スタッフ M001"

    with at(jst(2026, 10, 23, 14, 20)):
        t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        _interests(t, CONSENTING, "HELMET-1")
        assert t.http.post("/v1/followups/plan", headers=t.auth).status_code == 403
        m = open_terminal(server.base_url, SHIBUYA, "M001")
        run = m.http.post("/v1/followups/plan", headers=m.auth)
    assert run.status_code == 200, run.text
    assert run.json()["created"] == {"visit_few_days": 1}
    assert [r.rule_code for r in _followups(engine, CONSENTING)] == ["visit_few_days"]


def test_the_planner_api_refuses_garbage(server: ServerThread) -> None:
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    for body in (b"", b"[]", b"{", b'{"rules": "all"}', b'{"rules": [{"code": "A B"}]}'):
        r = httpx.put(
            f"{server.base_url}/v1/followups/rules",
            content=body,
            headers={**manager.auth, "content-type": "application/json"},
        )
        assert r.status_code == 422, (body, r.status_code, r.text)
