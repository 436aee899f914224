"""A colleague takes over the counter: "Switch staff" asks for their code and PIN, opens their
session, and from then on the window works in their name (and a renewal keeps them)."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from clienteling import app as composition
from clienteling import terminal as terminals
from clienteling.services.bundle import AppServices
from clienteling.ui.main_window import MainWindow
from tests.ui.conftest import (
    ASSOCIATE_CODE,
    MANAGER_CODE,
    MANAGER_PIN,
    CentralServer,
    SignedInTill,
    answer_sign_in,
    run,
)
from tests.ui.conftest import Terminal as UiTerminal


def test_switch_staff_opens_a_session_for_the_colleague(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill
) -> None:
    till = signed_in_till
    cache, terminal, engine = till.cache, till.terminal, till.engine
    associate = till.associate
    run(qtbot, engine.sync_once())
    window = MainWindow(AppServices.build(cache, associate, engine))
    qtbot.addWidget(window)
    window.show()
    customer = window.services.search.search("佐藤").hits[0]
    window.open_customer(customer.id)
    assert window.profile.customer_id == customer.id

    seen: list[str] = []
    answers: list[tuple[str, str] | None] = [
        (MANAGER_CODE, "0000"),
        (MANAGER_CODE, MANAGER_PIN),
    ]
    QTimer.singleShot(0, answer_sign_in(answers, seen))
    manager = run(qtbot, composition.switch_staff(window, terminal, cache, engine))

    assert manager is not None and manager.staff_id != associate.staff_id
    assert seen[0] == "" and seen[1]  # the wrong PIN was explained
    assert window.services.context == manager
    assert manager.staff_name in window.staff_label.text()
    assert window.profile.customer_id is None  # the previous customer is put away
    # Changes are made in the manager's name now, and a restart offline starts as them.
    note = window.services.notes.add(customer.id, "店長が対応")
    assert note.staff_id == manager.staff_id
    saved = json.loads(cache.get_state(terminals.STAFF_CONTEXT_STATE) or "{}")
    assert saved["staff_id"] == manager.staff_id
    # A session renewal (after a 401) keeps the manager, not the demo associate.
    renewed = run(qtbot, terminal.open_session())
    assert renewed.staff.code == MANAGER_CODE != ASSOCIATE_CODE

    # With the server gone, nobody else can sign in: the dialog says so, cancel keeps him.
    central.stop()
    seen.clear()
    QTimer.singleShot(0, answer_sign_in([(ASSOCIATE_CODE, "1357"), None], seen))
    assert run(qtbot, composition.switch_staff(window, terminal, cache, engine)) is None
    assert "cannot be reached" in seen[1]
    assert window.services.context == manager


def test_the_switch_button_asks_for_a_switch(qtbot: QtBot, terminal: UiTerminal) -> None:
    with qtbot.waitSignal(terminal.window.staff_switch_requested, timeout=2000):
        terminal.window.switch_staff_button.click()


def test_a_locked_out_colleague_is_told_how_long_to_wait(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill
) -> None:
    till = signed_in_till
    cache, terminal, engine = till.cache, till.terminal, till.engine
    associate = till.associate
    window = MainWindow(AppServices.build(cache, associate, engine))
    qtbot.addWidget(window)
    window.show()
    # Five wrong PINs lock the manager out; then even the right one is paused, and the
    # dialog says for how long (not that the server cannot be reached).
    seen: list[str] = []
    answers: list[tuple[str, str] | None] = [(MANAGER_CODE, f"000{n}") for n in range(5)]
    answers += [(MANAGER_CODE, MANAGER_PIN), None]
    QTimer.singleShot(0, answer_sign_in(answers, seen))
    assert run(qtbot, composition.switch_staff(window, terminal, cache, engine)) is None
    assert seen[1].startswith("Sign-in failed")
    assert "Try again in 5 min." in seen[6]
    assert window.services.context == associate
