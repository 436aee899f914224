"""A change the server refuses: shown with its reason, counted by the indicator, and gone from
the list once the staff member has read and dismissed it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clienteling.ui import labels
from sync.protocol import new_id
from tests.ui.conftest import Terminal, run


def test_rejected_change_is_listed_with_its_reason_and_can_be_dismissed(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    ghost = new_id()  # a customer the server has never heard of
    terminal.cache.enqueue(
        "note.add",
        {"id": new_id(), "customer_id": ghost, "text": "note for nobody"},
        customer_id=ghost,
        summary="note for nobody",
    )
    run(qtbot, terminal.engine.sync_once())
    window.refresh_sync_status()

    assert window.sync_indicator.rejected_count == 1
    assert window.sync_indicator.pending_count == 0
    window.sync_indicator.click()
    dialog = window.pending_dialog
    assert dialog is not None and dialog.isVisible()
    item = dialog.tree.topLevelItem(0)
    assert item is not None
    assert item.text(2) == "note for nobody"
    assert item.text(3) == labels.status("rejected")
    assert item.text(4)  # the reason, in words
    dialog.tree.setCurrentItem(item)
    assert dialog.dismiss_button.isEnabled()

    dialog.dismiss_button.click()

    assert dialog.tree.topLevelItemCount() == 0
    assert window.sync_indicator.rejected_count == 0
