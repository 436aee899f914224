"""The terminals page for a manager, against the real central API: only a manager sees it;
it lists the store's terminals with this one marked; revoking another terminal (after the
confirmation) marks it revoked, and that terminal is told `device_revoked` by the server."""

from __future__ import annotations

import httpx
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from clienteling import terminal as terminals
from clienteling.services.bundle import AppServices
from clienteling.ui.main_window import MainWindow
from clienteling.ui.sign_in import Credentials
from tests.ui.conftest import (
    ASSOCIATE_CODE,
    ASSOCIATE_PIN,
    MANAGER_CODE,
    MANAGER_PIN,
    CentralServer,
    SignedInTill,
    run,
)


def _other_terminal(base_url: str, store_id: str) -> tuple[str, str]:
    """A second terminal of the store, signed in as the associate: (device id, session)."""
    with httpx.Client(base_url=base_url, timeout=20) as http:
        reg = http.post(
            "/v1/devices",
            json={
                "staff_code": MANAGER_CODE,
                "pin": MANAGER_PIN,
                "store_id": store_id,
                "name": "バックヤードのタブレット",
            },
        ).json()
        sess = http.post(
            "/v1/sessions",
            json={
                "device_token": reg["device_token"],
                "staff_code": ASSOCIATE_CODE,
                "pin": ASSOCIATE_PIN,
            },
        ).json()
    return reg["device_id"], sess["session_token"]


def _press_in_confirmation(qtbot: QtBot, window: MainWindow, text: str) -> None:
    def press() -> None:
        box = window.confirm_dialog
        if box is None or not box.isVisible():
            QTimer.singleShot(20, press)
            return
        button = next(b for b in box.buttons() if b.text() == text)
        button.click()

    QTimer.singleShot(0, press)


def test_a_manager_lists_the_stores_terminals_and_revokes_one(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill
) -> None:
    till = signed_in_till
    cache, api, terminal, engine = till.cache, till.api, till.terminal, till.engine
    associate = till.associate
    window = MainWindow(AppServices.build(cache, associate, engine, device_admin=api))
    qtbot.addWidget(window)
    window.show()
    devices_button = window.page_action("devices")  # in the Manage menu
    assert not devices_button.isVisible()  # an associate has no terminals page

    session = run(qtbot, terminal.switch_staff(Credentials(None, MANAGER_CODE, MANAGER_PIN)))
    manager = terminals.context_of(session)
    window.set_services(AppServices.build(cache, manager, engine, device_admin=api))
    assert devices_button.isVisible()
    other_id, other_session = _other_terminal(central.base_url, manager.store_id)

    with qtbot.waitSignal(window.devices_loaded, timeout=10_000):
        devices_button.trigger()
    rows = {r.id: r for r in window.devices_view.rows()}
    assert rows[terminal.device_id].this_device
    assert other_id in rows and rows[other_id].revoked_at is None
    table = window.devices_view.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "バックヤードのタブレット" in names
    assert any("(this terminal)" in n for n in names)

    # Cancel first: nothing changes.
    window.devices_view.select_device(other_id)
    assert window.devices_view.revoke_button.isEnabled()
    _press_in_confirmation(qtbot, window, "Cancel")
    window.devices_view.revoke_button.click()
    assert {r.id: r for r in window.devices_view.rows()}[other_id].revoked_at is None

    _press_in_confirmation(qtbot, window, "Revoke")
    with qtbot.waitSignal(window.devices_loaded, timeout=10_000):
        window.devices_view.revoke_button.click()
    rows = {r.id: r for r in window.devices_view.rows()}
    assert rows[other_id].revoked_at is not None
    window.devices_view.select_device(other_id)
    assert not window.devices_view.revoke_button.isEnabled()
    told = httpx.get(
        f"{central.base_url}/v1/sync/pull",
        headers={"Authorization": f"Bearer {other_session}"},
    )
    assert told.status_code == 401 and told.json()["error"] == "device_revoked"

    # Offline, the page says the list needs the server.
    central.stop()
    with qtbot.waitSignal(window.devices_loaded, timeout=20_000):
        window.devices_view.refresh_button.click()
    assert window.devices_view.message.isVisible()
    assert "offline" in window.devices_view.message.text()
