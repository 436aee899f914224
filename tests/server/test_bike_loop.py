"""The bike, end to end (real server over HTTP, real SMTP server, a real headless browser;
SQLite and PostgreSQL), with the server's clock moved: a bike bought in store and accessories
logged as interests at the counter on a Friday -> two follow-ups (before the next weekend, and
a month later) -> messages approved by the manager -> the first arrives at the mail server on
its day with a cart link -> the browser opens the cart pre-filled and checks out for pickup ->
the store's terminal sees the pickups -> collected the next day -> the sale is credited to the
staff member and the follow-up, the interests are purchased."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import time_machine
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import Engine
from sqlmodel import col, select

from sync.protocol import new_id
from sync.server.config import Settings
from sync.server.db import read_session
from sync.server.dispatch import Dispatcher, SmtpEmail
from sync.server.models import FollowUp, Interest, Order
from sync.server.planner import plan
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, tid
from tests.server.conftest import mutation, open_terminal
from tests.server.ingest_helpers import bearer, credential, order_event
from tests.server.mail import Inbox
from tests.support.browser import headless_chromium

JST = ZoneInfo("Asia/Tokyo")
CUSTOMER = tid("customer:0")  # marketing by email granted (c0@example.jp)
VISIT = datetime(2026, 10, 23, 14, 20, tzinfo=JST)  # a Friday


@pytest.fixture
def browser() -> Iterator[Any]:
    with headless_chromium() as driver:
        yield driver


def _travel(moment: datetime) -> Any:
    return time_machine.travel(moment, tick=True)


def test_the_bike(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int], browser: Any
) -> None:
    box, port = inbox
    smtp = SmtpEmail("127.0.0.1", port, "shop@example.jp", timeout_s=5)
    dispatcher = Dispatcher(engine, {"email": smtp}, Settings(public_base_url=server.base_url))
    with _travel(VISIT):
        with httpx.Client(base_url=server.base_url, timeout=20) as http:
            pos = credential(http, "pos", kinds=["pos.sale"])["token"]
            sale = order_event(
                "sale-1",
                "R-1",
                source="pos",
                at=VISIT.isoformat(),
                channel="store",
                store="S001",
                status="completed",
                lines=[{"sku": "BIKE-1", "quantity": 1, "unit_price_jpy": "89800"}],
            )
            sale["kind"] = "pos.sale"
            r = http.post("/v1/ingest/events", json=sale, headers=bearer(pos))
            assert r.status_code == 200, r.text
        counter = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        interests = [new_id(), new_id()]
        for iid, sku in zip(interests, ("HELMET-1", "LIGHT-1"), strict=True):
            [r] = counter.push(
                mutation("interest.add", {"id": iid, "customer_id": CUSTOMER, "sku": sku})
            )
            assert r["status"] == "applied", r
        created = plan(engine).created
        assert created["visit_few_days"] == 1 and created["visit_month"] == 1
        with read_session(engine) as session:
            by_rule = {
                f.rule_code: f
                for f in session.execute(
                    select(FollowUp).where(col(FollowUp.customer_id) == CUSTOMER)
                ).scalars()
            }
        soon, month = by_rule["visit_few_days"], by_rule["visit_month"]
        assert soon.due_date.isoformat() == "2026-10-30"  # the Friday before the weekend
        assert month.due_date.weekday() < 5 and (month.due_date - VISIT.date()).days >= 28
        manager = open_terminal(server.base_url, SHIBUYA, "M001")
        drafts = {}
        for f in (soon, month):
            r = counter.http.post(f"/v1/followups/{f.id}/messages", json={}, headers=counter.auth)
            assert r.status_code == 201, r.text
            drafts[f.id] = r.json()
            decided = manager.http.post(
                f"/v1/messages/{r.json()['id']}/approve", headers=manager.auth
            )
            assert decided.json()["status"] == "approved"
        # Few days: how is the bike, where to ride; a month: how to use the accessories.
        assert "クロスバイク" in drafts[soon.id]["subject"]
        assert "コース" in drafts[soon.id]["body"]
        assert "ヘルメット、ライト" in drafts[month.id]["subject"]
        assert "使い方" in drafts[month.id]["body"]
        assert dispatcher.run().sent == 0  # not before their day
        before = _dashboard(manager)
        assert (before["sent"], before["credited"], before["revenue_jpy"]) == (0, 0, 0)

    with _travel(datetime(2026, 10, 30, 18, 1, tzinfo=JST)):
        assert dispatcher.run().sent == 1
    [mail] = box.messages
    assert mail["To"] == "c0@example.jp" and mail["Subject"] == drafts[soon.id]["subject"]
    found = re.search(r'<a class="cart" href="([^"]+)"', mail.get_body(("html",)).get_content())
    assert found
    link = found.group(1)

    with _travel(datetime(2026, 10, 30, 21, 40, tzinfo=JST)):
        browser.get(link)
        rows = browser.find_elements(By.CSS_SELECTOR, "#cart tr")
        assert [r.text.split()[0] for r in rows] == ["ヘルメット", "ライト"]  # pre-filled
        assert browser.find_element(By.ID, "total").text == "¥9,780"
        Select(browser.find_element(By.ID, "store")).select_by_visible_text("渋谷店")
        browser.find_element(By.ID, "order").click()
        done = WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "done"))
        assert "渋谷店でお受け取り" in done[0].text

    with _travel(datetime(2026, 10, 31, 11, 0, tzinfo=JST)):
        counter = open_terminal(server.base_url, SHIBUYA, "A001", "M001")  # the next morning
        counter.pull_all()
        pickups = [r for r in counter.entities("reservation").values() if r["kind"] == "pickup"]
        assert sorted(r["sku"] for r in pickups) == ["HELMET-1", "LIGHT-1"]
        for r in pickups:
            for step in ("reservation.ready", "reservation.fulfil"):
                [done_r] = counter.push(mutation(step, {"id": r["id"]}))
                assert done_r["status"] == "applied", done_r
        counter.pull_all()
        assert {r["status"] for r in counter.entities("reservation").values()} >= {"fulfilled"}

    with read_session(engine) as session:
        [order] = session.execute(select(Order).where(col(Order.source) == "storefront")).scalars()
        assert order.attributed_staff_id == tid("staff:A001")
        assert order.attributed_followup_id == soon.id and order.attribution_rule == "token"
        statuses = {
            i.id: i.status
            for i in session.execute(
                select(Interest).where(col(Interest.id).in_(interests))
            ).scalars()
        }
        assert set(statuses.values()) == {"purchased"}
        credited = session.get(FollowUp, soon.id)
        assert credited is not None and credited.credited_jpy == 9780
        assert credited.message_status == "clicked"
    seen = counter.entities("followup")[soon.id]
    assert seen["credited_jpy"] == 9780 and seen["status"] == "done"
    # The manager's dashboard for those two months counts it.
    after = _dashboard(open_terminal(server.base_url, SHIBUYA, "M001"))
    assert (after["sent"], after["clicked"], after["credited"]) == (1, 1, 1)
    assert after["revenue_jpy"] == 9780 and after["done"] >= 1


def _dashboard(manager: Any) -> dict[str, Any]:
    r = manager.http.get(
        "/v1/dashboard",
        params={"since": "2026-10-01", "until": "2026-11-30"},
        headers=manager.auth,
    )
    assert r.status_code == 200, r.text
    totals: dict[str, Any] = r.json()["totals"]
    return totals
