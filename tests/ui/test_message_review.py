"""Messages at the counter against the real central API: the associate opens the message of a
planned follow-up (drafted by the server from the template and the profile), edits it and
saves it; the manager finds it among the messages to approve, corrects it and approves it;
the server holds the corrected text, approved, to send when it is due."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlmodel import select

from clienteling.services.bundle import AppServices
from clienteling.ui.followups.message_dialog import MessageDialog
from sync.client.api import ApiClient
from sync.server.db import read_session
from sync.server.models import Message
from tests.ui.conftest import CentralServer, Terminal, run
from tests.ui.loop_helpers import manager_signed_in, planned_interest


def _planned(terminal: Terminal, central: CentralServer, qtbot: QtBot) -> str:
    hit, _ = planned_interest(terminal, central, qtbot)
    run(qtbot, terminal.engine.sync_once())
    return str(hit.display_name)


def _dialog(qtbot: QtBot, page: object, click: object) -> MessageDialog:
    actions = page.messages  # type: ignore[attr-defined]
    with qtbot.waitSignal(actions.opened, timeout=20_000):
        click.click()  # type: ignore[attr-defined]
    dialog = actions.dialog
    assert isinstance(dialog, MessageDialog) and dialog.isVisible()
    return dialog


def test_an_associate_drafts_and_a_manager_corrects_and_approves(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    window, cache, engine = terminal.window, terminal.cache, terminal.engine
    name = _planned(terminal, central, qtbot)
    associate = AppServices.build(
        cache, terminal.services.context, engine, message_source=terminal.api
    )
    window.set_services(associate)
    window.show_page("followups")
    page = window.followups
    assert not page.review_button.isVisible()  # only managers approve
    page.upcoming.topLevelItem(0).setSelected(True)  # type: ignore[union-attr]
    assert page.message_button.isEnabled()

    dialog = _dialog(qtbot, page, page.message_button)
    assert not dialog.approve_button.isVisible()
    assert dialog.added.text()  # the cart link the server adds when it sends
    assert name.split()[0] in dialog.body.toPlainText()  # filled from the profile
    assert "ヘルメット" in dialog.body.toPlainText() or "helmet" in dialog.body.toPlainText()
    dialog.body.setPlainText(dialog.body.toPlainText() + "\n\n週末の試乗会もぜひどうぞ。")
    with qtbot.waitSignal(page.messages.answered, timeout=20_000):
        dialog.save_button.click()
    assert dialog.problem.text() == ""
    dialog.body.setPlainText("   ")  # a message needs a text: said in the dialog
    with qtbot.waitSignal(page.messages.answered, timeout=20_000):
        dialog.save_button.click()
    assert dialog.problem.text()
    dialog.close()

    manager_api = ApiClient(central.base_url)
    try:
        manager = manager_signed_in(qtbot, manager_api, terminal.services.context.store_id)
        window.set_services(AppServices.build(cache, manager, engine, message_source=manager_api))
        assert page.review_button.isVisible()
        review = _dialog(qtbot, page, page.review_button)
        assert review.approve_button.isVisible()
        current = review.current
        assert current is not None and "試乗会" in current.body
        review.subject.setText(current.subject + "（店長より）")
        with qtbot.waitSignal(page.messages.answered, timeout=20_000):
            review.approve_button.click()
        qtbot.waitUntil(lambda: review.current is not None and review.current.status == "approved")
        assert not review.approve_button.isEnabled()  # decided: no second approval
    finally:
        run(qtbot, manager_api.aclose())
    assert central.thread is not None
    with read_session(central.thread.app.state.engine) as s:
        [row] = [m for m in s.execute(select(Message)).scalars() if m.id == current.id]
    assert row.status == "approved" and row.subject.endswith("（店長より）")
    assert "試乗会" in row.body and row.approved_by == manager.staff_id
