"""A manager exports everything held about a customer (a disclosure, JSON and CSV) and then
erases them, from the profile, against the real central API: only managers have the buttons;
the erasure's confirmation must be answered; afterwards the profile is closed and this
terminal no longer holds the customer."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from clienteling import terminal as terminals
from clienteling.services.bundle import AppServices
from clienteling.services.customers import NewCustomer
from clienteling.ui.main_window import MainWindow
from clienteling.ui.sign_in import Credentials
from tests.ui.conftest import MANAGER_CODE, MANAGER_PIN, CentralServer, SignedInTill, run


def _press(window: MainWindow, text: str) -> None:
    def press() -> None:
        box = window.confirm_dialog
        if box is None or not box.isVisible():
            QTimer.singleShot(20, press)
            return
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, press)


def test_a_manager_exports_then_erases_a_customer_from_the_profile(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill, tmp_path: Path
) -> None:
    till = signed_in_till
    cache, api, terminal, engine = till.cache, till.api, till.terminal, till.engine
    associate = AppServices.build(cache, till.associate, engine, privacy_admin=api)
    window = MainWindow(associate)
    qtbot.addWidget(window)
    window.show()
    run(qtbot, engine.start())
    qtbot.waitUntil(cache.first_sync_done, timeout=20_000)
    cid = associate.customers.create(NewCustomer("消去", "依頼", email="erase.ui@example.jp"))
    qtbot.waitUntil(lambda: not cache.pending_mutations(50), timeout=20_000)
    window.open_customer(cid)
    assert window.profile.erase_button.isHidden()  # associates cannot
    assert window.profile.export_button.isHidden()

    session = run(qtbot, terminal.switch_staff(Credentials(None, MANAGER_CODE, MANAGER_PIN)))
    manager = terminals.context_of(session)
    window.set_services(AppServices.build(cache, manager, engine, privacy_admin=api))
    window.open_customer(cid)
    assert not window.profile.erase_button.isHidden()
    # The customer asks what is held about them: a file to hand over, JSON or CSV.
    for name in ("held.json", "held.csv"):
        window.customer_actions.choose_file = lambda parent, suggested, n=name: str(tmp_path / n)
        with qtbot.waitSignal(window.export_finished, timeout=10_000) as saved:
            window.profile.export_button.click()
        assert saved.args == [True]
        body = (tmp_path / name).read_bytes().decode("utf-8-sig")
        assert "erase.ui@example.jp" in body and "消去" in body
    assert json.loads((tmp_path / "held.json").read_text())["customer_id"] == cid
    _press(window, "Cancel")
    window.profile.erase_button.click()
    assert cache.customer_exists(cid)  # cancelled: nothing happened

    _press(window, "Erase")
    with qtbot.waitSignal(window.erase_finished, timeout=10_000) as done:
        window.profile.erase_button.click()
    assert done.args == [True]
    assert window.profile.profile is None
    qtbot.waitUntil(lambda: not cache.customer_exists(cid), timeout=20_000)
