"""The follow-up queue through the window: an associate logs interests for a customer who
agreed to email; the server's planner plans the follow-ups; the associate sees them in
"Follow-ups" (upcoming, with the rule and why that time), puts one off and marks the other
done with what was done; the server ends with exactly that. An associate sees only their own
queue and cannot give follow-ups away."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
from PySide6.QtWidgets import QRadioButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlmodel import select

from clienteling.domain.models import SyncState
from clienteling.services.bundle import AppServices
from clienteling.ui import labels
from clienteling.ui.followups.dialogs import DoneDialog
from clienteling.ui.followups.page import ID_ROLE, FollowupsPage
from clienteling.ui.main_window import MainWindow
from sync.protocol import new_id
from sync.server import delivery
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.demo.chain import STAFF
from sync.server.dispatch import Dispatcher, RecordingProvider
from sync.server.models import FollowUp
from sync.server.planner import plan
from tests.ui.conftest import CentralServer, Terminal, run


def _item(page: FollowupsPage, n: int) -> QTreeWidgetItem:
    item = page.upcoming.topLevelItem(n)
    assert item is not None
    return item


def _rows(central: CentralServer, customer_id: str) -> list[FollowUp]:
    assert central.thread is not None
    with read_session(central.thread.app.state.engine) as session:
        return list(
            session.execute(select(FollowUp).where(FollowUp.customer_id == customer_id))
            .scalars()
            .all()
        )


def test_an_associate_works_their_follow_up_queue(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    window, services = terminal.window, terminal.services
    hit = next(h for h in terminal.sample_customers() if h.email)
    services.consents.change(hit.id, {"email": True})
    [product, *_] = services.products.search("ヘルメット")
    services.interests.add(hit.id, code=product.sku, category=None, comment="白がいい")
    run(qtbot, terminal.engine.sync_once())
    assert central.thread is not None
    report = plan(central.thread.app.state.engine)
    assert report.created.get("visit_few_days") == 1, report
    run(qtbot, terminal.engine.sync_once())

    window.show_page("followups")
    page = window.followups
    assert not page.scope.isVisible() and not page.assign_button.isVisible()
    assert page.upcoming.topLevelItemCount() == 2
    assert page.tabs.currentWidget() is page.upcoming
    assert "2" in page.tabs.tabText(2)
    first = page.upcoming.topLevelItem(0)
    assert first is not None
    assert hit.display_name.split()[0] in first.text(1)
    assert first.text(2) in ("来店後フォロー（数日後）", "After the visit (a few days)")
    first.setSelected(True)
    assert page.why.text()  # why that time
    assert page.done_button.isEnabled()

    page.snooze(3)  # put off: shown at once, marked as not sent yet
    [pending] = [f for f in services.followups.queue().upcoming if f.sync == SyncState.PENDING]
    texts = [_item(page, n).text(0) for n in range(page.upcoming.topLevelItemCount())]
    assert any(labels.pending_sync() in t for t in texts), texts

    other = next(
        _item(page, n)
        for n in range(page.upcoming.topLevelItemCount())
        if _item(page, n).data(0, ID_ROLE) != pending.id
    )
    done_id = str(other.data(0, ID_ROLE))
    page.upcoming.clearSelection()
    other.setSelected(True)
    page.done_button.click()
    dialog = page.done_dialog
    assert isinstance(dialog, DoneDialog)
    called = dialog.findChild(QRadioButton, "result_called")
    assert called is not None
    called.setChecked(True)
    dialog.note.setPlainText("お電話でご案内。週末に来店予定")
    dialog.accept()
    assert page.upcoming.topLevelItemCount() == 1
    assert window.banner.text()

    run(qtbot, terminal.engine.sync_once())
    rows = {r.id: r for r in _rows(central, hit.id)}
    done = rows[done_id]
    assert (done.status, done.result) == ("done", "called")
    assert done.outcome == "お電話でご案内。週末に来店予定"
    snoozed = rows[pending.id]
    assert snoozed.status == "planned" and snoozed.due_at is not None
    assert json.loads(snoozed.interest_ids_json)
    page.refresh()
    assert page.upcoming.topLevelItemCount() == 1


def _plan_by_hand(terminal: Terminal, customer_id: str, days: int) -> str:
    fid = new_id()
    due = (datetime.now(UTC) + timedelta(days=days)).date().isoformat()
    terminal.cache.enqueue(
        "followup.create",
        {"id": fid, "customer_id": customer_id, "due_date": due, "channel": "email"},
        customer_id=customer_id,
        summary="follow-up",
        meta=terminal.services.context.author_meta(),
    )
    return fid


def test_a_manager_sees_the_store_queue_is_told_of_overdue_ones_and_reassigns_in_bulk(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    services = terminal.services
    hit = next(h for h in terminal.sample_customers() if h.email)
    services.consents.change(hit.id, {"email": True})
    late = _plan_by_hand(terminal, hit.id, -2)
    soon = [_plan_by_hand(terminal, hit.id, d) for d in (2, 9)]
    run(qtbot, terminal.engine.sync_once())
    run(qtbot, terminal.engine.sync_once())
    associate = services.context
    assert [f.id for f in services.followups.queue().overdue] == [late]

    staff = terminal.cache.store_staff(associate.store_id)
    manager_id = next(i for i, name in staff.items() if i != associate.staff_id)
    manager = dataclasses.replace(associate, staff_id=manager_id, role="manager")
    as_manager = AppServices.build(terminal.cache, manager, terminal.engine)
    window = MainWindow(as_manager, categories=())
    qtbot.addWidget(window)
    assert window.banner.property("error") is True  # the store has overdue follow-ups
    overdue = len(as_manager.followups.queue("store").overdue)
    assert overdue >= 1 and str(overdue) in window.banner.text()

    page = window.followups
    window.show_page("followups")
    assert page.assign_button.isVisibleTo(window) and page.scope.isVisibleTo(window)
    assert page.overdue.topLevelItemCount() == 0  # none of them is the manager's own
    page.scope.setCurrentIndex(page.scope.findData("store"))
    assert page.overdue.topLevelItemCount() == overdue
    page.tabs.setCurrentWidget(page.upcoming)
    for n in range(page.upcoming.topLevelItemCount()):
        _item(page, n).setSelected(_item(page, n).data(0, ID_ROLE) in soon)
    assert "2" in page.why.text()
    page.assign_button.click()
    dialog = page.assign_dialog
    assert dialog is not None
    dialog.staff.setCurrentIndex(dialog.staff.findData(manager_id))
    dialog.accept()
    mine = as_manager.followups.queue("mine").upcoming
    assert sorted(f.id for f in mine) == sorted(soon)
    assert all(f.sync == SyncState.PENDING for f in mine)
    left = {f.id for f in services.followups.queue("mine").upcoming}
    assert not left & set(soon)  # gone from the associate's queue


def test_the_profile_shows_a_messages_delivery_and_the_sale_it_brought(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    """Sent by the server, its cart link clicked, an order credited to it: the profile's
    follow-ups tab says so once the terminal has synced."""
    window, services = terminal.window, terminal.services
    hit = next(h for h in terminal.sample_customers() if h.email)
    services.consents.change(hit.id, {"email": True})
    [product, *_] = services.products.search("ヘルメット")
    services.interests.add(hit.id, code=product.sku, category=None, comment="")
    run(qtbot, terminal.engine.sync_once())
    assert central.thread is not None
    engine = central.thread.app.state.engine
    plan(engine)
    [soon] = [r for r in _rows(central, hit.id) if r.rule_code == "visit_few_days"]
    manager = httpx.Client(base_url=central.base_url, timeout=20)
    auth = _manager_auth(manager, soon.store_id)
    draft = manager.post(f"/v1/followups/{soon.id}/messages", json={}, headers=auth).json()
    assert manager.post(f"/v1/messages/{draft['id']}/approve", headers=auth).is_success
    recorded = RecordingProvider("dev")  # the channel the customer agreed to, whichever
    providers = dict.fromkeys(("email", "line", "sms"), recorded)
    sent = Dispatcher(engine, providers, Settings(public_base_url=central.base_url))
    assert sent.run(now=datetime.now(UTC) + timedelta(days=40)).sent == 1
    [outgoing] = recorded.sent.values()
    assert outgoing.cart_url and manager.get(outgoing.cart_url).status_code == 200
    with write_session(engine) as session:  # an order credited to it (by the token)
        row = session.get(FollowUp, soon.id)
        assert row is not None
        row.credited_jpy = Decimal(6800)
        delivery.publish(session, row)
    manager.close()

    run(qtbot, terminal.engine.sync_once())
    assert window.open_customer(hit.id)
    tree = window.profile.followups
    texts = [tree.topLevelItem(n).text(3) for n in range(tree.topLevelItemCount())]  # type: ignore[union-attr]
    shown = next(t for t in texts if "¥6,800" in t)
    assert any(word in shown for word in ("Link clicked", "リンクが開かれました")), shown


def _manager_auth(http: httpx.Client, store_id: str) -> dict[str, str]:
    """A session of the store's demo manager (registering a device of their own)."""
    member = next(
        m for m in STAFF if m.data["role"] == "manager" and m.data["store_id"] == store_id
    )
    code = str(member.data["code"])
    device = http.post(
        "/v1/devices", json={"staff_code": code, "pin": member.pin, "store_id": store_id}
    )
    assert device.status_code == 200, device.text
    session = http.post(
        "/v1/sessions",
        json={"device_token": device.json()["device_token"], "staff_code": code, "pin": member.pin},
    )
    assert session.status_code == 200, session.text
    return {"Authorization": f"Bearer {session.json()['session_token']}"}
