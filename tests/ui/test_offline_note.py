"""A note written while the central API is down: shown as pending, counted by the indicator,
then confirmed once the server is back, with the running engine doing the work."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.ui import labels
from clienteling.ui.note_editor import NoteEditor
from tests.ui.conftest import CentralServer, Terminal, run, type_text

NOTE = "来週末にライトを見に来る予定 <b>not bold</b>"


def _add_note_through_the_dialog(qtbot: QtBot, terminal: Terminal, text: str) -> None:
    window = terminal.window

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteEditor)
        dialog.save_button.click()  # empty: refused with a message, dialog stays open
        assert dialog.isVisible() and dialog.error.text()
        type_text(dialog.editor, text)
        dialog.save_button.click()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(window.note_added, timeout=5000):
        window.profile.add_note_button.click()


def test_note_added_offline_is_pending_then_synced_when_server_returns(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    window = terminal.window
    hit = terminal.sample_customers()[0]
    window.open_customer(hit.id)
    notes_before = window.profile.notes.count()
    run(qtbot, terminal.engine.start())
    central.stop()
    terminal.engine.request_sync()
    qtbot.waitUntil(lambda: not terminal.engine.status.online, timeout=10_000)

    _add_note_through_the_dialog(qtbot, terminal, NOTE)

    assert window.profile.notes.count() == notes_before + 1
    newest = window.profile.notes.item(0).text()
    assert NOTE in newest  # shown verbatim: list items never interpret markup
    assert labels.pending_sync() in newest
    assert window.sync_indicator.pending_count == 1
    assert "1" in window.sync_indicator.text()

    central.start()

    def synced() -> bool:
        item = window.profile.notes.item(0)
        return (
            window.sync_indicator.pending_count == 0
            and item is not None
            and NOTE in item.text()
            and labels.pending_sync() not in item.text()
        )

    qtbot.waitUntil(synced, timeout=20_000)
    assert window.profile.notes.count() == notes_before + 1
    assert window.sync_indicator.online


def test_pending_dialog_lists_the_offline_note(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    window = terminal.window
    window.open_customer(terminal.sample_customers()[0].id)
    central.stop()
    try:
        _add_note_through_the_dialog(qtbot, terminal, "offline note for the list")
        window.sync_indicator.click()
        dialog = window.pending_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.tree.topLevelItemCount() == 1
        first = dialog.tree.topLevelItem(0)
        assert first is not None and "offline note for the list" in first.text(2)
        assert not dialog.dismiss_button.isEnabled()  # pending entries cannot be dismissed
    finally:
        central.start()
