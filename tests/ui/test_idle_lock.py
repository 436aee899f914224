"""The idle lock of a shared terminal, with the real window and the real central API: after
the idle time the working area (every customer's data) gives way to the lock screen; nothing
opens behind it; the signed-in person's PIN unlocks it offline (checked against the hash kept
at sign-in); after five wrong PINs only a sign-in opens it; a colleague signing in does."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clienteling import app as composition
from clienteling.services.bundle import AppServices
from clienteling.ui.idle import IdleWatch
from clienteling.ui.main_window import MainWindow
from tests.ui.conftest import ASSOCIATE_PIN, CentralServer, SignedInTill, run


def test_the_idle_lock_hides_customer_data_until_the_pin(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill
) -> None:
    till = signed_in_till
    cache, api, terminal, engine = till.cache, till.api, till.terminal, till.engine
    associate = till.associate
    run(qtbot, engine.sync_once())
    services = AppServices.build(cache, associate, engine, device_admin=api)
    composition.remember_pin(services, terminal)  # as the app does after a sign-in
    window = MainWindow(services, scanner=None)
    qtbot.addWidget(window)
    window.show()
    customer = services.search.search("佐藤").hits[0]
    window.open_customer(customer.id)
    assert window.profile.isVisible()

    idle = IdleWatch(0.3, window)
    idle.idle.connect(window.lock)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert not window.profile.isVisible() and not window.results.isVisible()
    assert window.lock_screen.isVisible()
    assert associate.staff_name in window.lock_screen.who.text()
    # A card scanned at a locked terminal opens nothing.
    window.on_scanner_scanned(customer.loyalty_card or "2900646000779")
    assert window.locked and "Unlock" in window.lock_screen.problem.text()

    # Offline (the server is stopped), the PIN still unlocks: it is checked here.
    central.stop()
    window.lock_screen.pin.setText("0000")
    window.lock_screen.unlock_button.click()
    assert window.locked and "Wrong PIN" in window.lock_screen.problem.text()
    window.lock_screen.pin.setText(ASSOCIATE_PIN)
    window.lock_screen.unlock_button.click()
    assert not window.locked and window.profile.isVisible()
    assert window.profile.customer_id == customer.id  # the work is where it was

    # Five wrong PINs: the PIN field is closed, only a sign-in opens the terminal.
    window.lock()
    for _ in range(5):
        window.lock_screen.pin.setText("9999")
        window.lock_screen.unlock_button.click()
    assert window.locked and not window.lock_screen.pin.isEnabled()
    window.lock_screen.pin.setText(ASSOCIATE_PIN)
    window.lock_screen.on_unlock_button_clicked()
    assert window.locked
    # Someone signing in (a staff switch's new services) answers the lock screen.
    window.set_services(AppServices.build(cache, associate, engine, device_admin=api))
    assert not window.locked
    # Offline longer than the chain allows: the PIN is not enough, only a sign-in.
    window.lock(sign_in_because="offline for more than 3 days")
    assert window.locked and not window.lock_screen.pin.isEnabled()
    assert "3 days" in window.lock_screen.problem.text()


def test_a_person_at_work_is_not_locked_out(qtbot: QtBot) -> None:
    """Any key or click restarts the idle time."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    field = QLineEdit()
    qtbot.addWidget(field)
    idle = IdleWatch(0.4)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(idle)
    fired: list[bool] = []
    idle.idle.connect(lambda: fired.append(True))
    try:
        for _ in range(8):  # 0.8 s of typing, a key every 0.1 s
            qtbot.wait(100)
            key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
            QApplication.sendEvent(field, key)
        assert not fired
        qtbot.waitUntil(lambda: bool(fired), timeout=2000)  # then idle: it fires
    finally:
        app.removeEventFilter(idle)


def test_the_offline_policy_locks_then_wipes() -> None:
    from datetime import UTC, datetime, timedelta

    from clienteling.services.lock import OfflinePolicy

    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    policy = OfflinePolicy()
    assert policy.verdict(None, now) == "ok"  # never synced: nothing to protect yet
    assert policy.verdict((now - timedelta(days=2)).isoformat(), now) == "ok"
    assert policy.verdict((now - timedelta(days=4)).isoformat(), now) == "lock"
    assert policy.verdict((now - timedelta(days=15)).isoformat(), now) == "wipe"
    assert policy.verdict("garbage", now) == "ok"
    custom = OfflinePolicy.from_env(
        {"CLIENTELING_OFFLINE_LOCK_DAYS": "1", "CLIENTELING_OFFLINE_WIPE_DAYS": "0.5"}
    )
    assert custom.lock_after == timedelta(days=1) and custom.wipe_after == timedelta(days=1)
    assert OfflinePolicy.from_env({"CLIENTELING_OFFLINE_LOCK_DAYS": "x"}) == OfflinePolicy()
