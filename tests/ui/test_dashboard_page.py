"""The manager's Results page against the real central API: a follow-up's message sent, its
cart link clicked and the order credited -> the tiles, the charts and the staff table show
the server's figures; an associate has no such page; the CSV export is saved as the server
made it."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from clienteling.services.bundle import AppServices
from clienteling.ui.dashboard.page import buckets
from clienteling.ui.main_window import MainWindow
from sync.client.api import ApiClient
from sync.server.config import Settings
from sync.server.db import write_session
from sync.server.dispatch import Dispatcher, RecordingProvider
from sync.server.models import FollowUp
from tests.ui.conftest import CentralServer, Terminal, run
from tests.ui.loop_helpers import manager_signed_in, planned_interest
from tests.ui.test_followup_queue import _manager_auth, _rows


def _credited_sale(terminal: Terminal, central: CentralServer, qtbot: QtBot) -> int:
    """A visit follow-up whose message went out, was clicked and brought an order."""
    hit, product = planned_interest(terminal, central, qtbot)
    assert central.thread is not None
    engine = central.thread.app.state.engine
    [soon] = [r for r in _rows(central, hit.id) if r.rule_code == "visit_few_days"]
    # Its day has come (planned a few days ahead; moved here rather than the clock).
    yesterday = datetime.now(UTC) - timedelta(days=1)
    with write_session(engine) as session:
        session.execute(
            update(FollowUp)
            .where(FollowUp.id == soon.id)  # type: ignore[arg-type]
            .values(due_at=yesterday, due_date=yesterday.date())
        )
    with httpx.Client(base_url=central.base_url, timeout=20) as http:
        auth = _manager_auth(http, soon.store_id)
        draft = http.post(f"/v1/followups/{soon.id}/messages", json={}, headers=auth).json()
        assert http.post(f"/v1/messages/{draft['id']}/approve", headers=auth).is_success
        recorded = RecordingProvider("dev")
        providers = dict.fromkeys(("email", "line", "sms"), recorded)
        Dispatcher(engine, providers, Settings(public_base_url=central.base_url)).run(
            now=datetime.now(UTC) + timedelta(minutes=1)
        )
        [outgoing] = recorded.sent.values()
        assert outgoing.cart_url is not None
        cart = http.get(outgoing.cart_url)
        assert cart.status_code == 200
        store = cart.text.split('<option value="')[1].split('"')[0]
        form = f"sku={product.sku}&qty_{product.sku}=2&store={store}&nonce={secrets.token_hex(16)}"
        done = http.post(
            outgoing.cart_url + "/checkout",
            content=form.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert done.status_code == 200, done.text
    return int(product.price_jpy) * 2


def test_a_manager_sees_the_loops_results_and_exports_them(
    qtbot: QtBot,
    terminal: Terminal,
    central: CentralServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = terminal.window
    button = window.page_buttons.button(MainWindow.PAGES.index("dashboard"))
    assert not button.isVisible()  # an associate has no results page
    revenue = _credited_sale(terminal, central, qtbot)

    manager_api = ApiClient(central.base_url)
    try:
        manager = manager_signed_in(qtbot, manager_api, terminal.services.context.store_id)
        services = AppServices.build(
            terminal.cache, manager, terminal.engine, dashboard_source=manager_api
        )
        window.set_services(services)
        assert button.isVisible()
        page = window.dashboard
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            button.click()
        report = page.report
        assert report is not None and report.totals.revenue_jpy == revenue
        assert report.totals.sent == 1 and report.totals.clicked == 1
        assert page.tiles["revenue_jpy"].text() == f"¥{revenue:,}"
        assert page.tiles["sent"].text() == "1"
        assert page.tiles["conversion"].text() == "100%"
        assert page.title.text().find(manager.store_name) >= 0
        assert sum(v for _, v in page.over_time.bars) == revenue
        assert page.per_staff.bars[0][1] == revenue
        row = page.table.topLevelItem(0)
        assert row is not None and row.text(0) == report.staff[0].name
        assert page.grab().width() > 0  # it paints

        with qtbot.waitSignal(page.loaded, timeout=20_000):
            page.period.setCurrentIndex(page.period.findData("year"))
        assert page.report is not None and len(page.report.days) == 365
        assert len(page.over_time.bars) <= 13  # a year is shown by month

        target = tmp_path / "results.csv"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
        )
        page.export_button.click()
        qtbot.waitUntil(target.exists, timeout=20_000)
        text = target.read_bytes().decode("utf-8-sig")
        assert text.splitlines()[0].startswith("staff,due,done")
        assert str(revenue) in text
    finally:
        run(qtbot, manager_api.aclose())


def test_long_periods_are_drawn_by_week_and_by_month() -> None:
    from datetime import date

    from sync.protocol.dashboard import DayFigures

    start = date(2026, 1, 1)
    days = [DayFigures(day=start + timedelta(days=n), revenue_jpy=100) for n in range(365)]
    assert len(buckets(days[:31])) == 31
    weekly = buckets(days[:90])
    assert 13 <= len(weekly) <= 14 and sum(v for _, v in weekly) == 9000
    monthly = buckets(days)
    assert len(monthly) == 12 and sum(v for _, v in monthly) == 36500
