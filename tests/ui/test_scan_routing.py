"""Where a scan goes: never into a note; into the open dialog's code field and nowhere else; a
staff badge to the staff switch; and a burst is judged by the key events' own timestamps."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.ui.interest_dialog import InterestDialog
from clienteling.ui.note_editor import NoteEditor
from clienteling.ui.sign_in import SignInDialog
from tests.ui.conftest import Terminal, type_text

BADGE = "2800000000028"  # the demo associate S002's badge


def _key(widget: QWidget, text: str, sent_ms: int) -> None:
    """One key press and release as the window system would deliver it, with its own time."""
    key = Qt.Key.Key_Return if text == "\r" else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(sent_ms)
        QApplication.sendEvent(widget, event)


def _burst(widget: QWidget, code: str) -> None:
    """A scanner's burst, a moment after whatever a person typed before it: its keys carry the
    window system's timestamps 2 ms apart, so a loaded machine delivering them late does not
    make them look typed by hand."""
    time.sleep(0.1)
    start = int(time.monotonic() * 1000)
    for i, ch in enumerate(code):
        _key(widget, ch, start + 2 * i)
    _key(widget, "\r", start + 2 * len(code))


def _focus(widget: QWidget) -> None:
    """Focus `widget` of a dialog just opened, and wait until it has it: a modal dialog is
    activated a moment after it shows, and until then keys are judged as the old focus's."""
    widget.setFocus()
    deadline = time.monotonic() + 5
    while QApplication.focusWidget() is not widget and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
        widget.setFocus()
    assert QApplication.focusWidget() is widget


def _card_hit(terminal: Terminal) -> tuple[str, str]:
    hit = next(h for h in terminal.sample_customers() if h.loyalty_card)
    assert hit.loyalty_card is not None
    return hit.id, hit.loyalty_card


def test_a_card_burst_into_the_note_editor_never_becomes_note_text(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    first, _ = _card_hit(terminal)
    other = next(h for h in terminal.sample_customers() if h.loyalty_card and h.id != first)
    assert other.loyalty_card is not None
    window.open_customer(first)
    seen: dict[str, str] = {}

    def inside() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, NoteEditor)
        _focus(editor.editor)
        type_text(editor.editor, "試乗の感想: ")
        _burst(editor.editor, other.loyalty_card or "")
        QApplication.processEvents()
        seen["text"] = editor.editor.toPlainText()
        seen["error"] = editor.error.text() if editor.error.isVisible() else ""
        editor.reject()

    QTimer.singleShot(50, inside)
    window.on_profile_note_add_requested(first)
    assert seen["text"] == "試乗の感想: "  # no digits, no new line
    assert "scanned" in seen["error"]
    assert window.profile.customer_id == first  # nothing opened behind the dialog


def test_a_product_scan_with_the_interest_dialog_open_fills_its_code_field(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    hit, profile = terminal.customer_with_orders()
    window.open_customer(hit.id)
    product = terminal.cache.product_by_sku(profile.orders[0].lines[0].sku)
    assert product is not None
    seen: dict[str, str] = {}

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, InterestDialog)
        _focus(dialog.comment)
        type_text(dialog.comment, "色違いも")
        _burst(dialog.comment, str(product["gtin"]))
        QApplication.processEvents()
        seen["code"] = dialog.code.text()
        seen["comment"] = dialog.comment.toPlainText()
        dialog.reject()

    QTimer.singleShot(50, inside)
    window.log_interest(hit.id, code=None)
    assert seen == {"code": str(product["gtin"]), "comment": "色違いも"}


def test_a_staff_badge_asks_for_a_staff_switch_with_that_badge(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    with qtbot.waitSignal(window.staff_switch_requested, timeout=3000) as asked:
        _burst(window.search_box, BADGE)
    assert asked.args == [BADGE]
    assert window.search_box.text() == ""


def test_a_badge_scanned_into_the_sign_in_dialog_names_the_colleague(
    qtbot: QtBot, terminal: Terminal
) -> None:
    dialog = SignInDialog(parent=terminal.window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    dialog.activateWindow()
    dialog.code.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code)
    _burst(dialog.code, BADGE)
    qtbot.waitUntil(lambda: dialog.badge_label.isVisible())
    assert dialog.code.text() == ""
    dialog.pin.setText("1357")
    creds = dialog.credentials()
    assert (creds.badge, creds.staff_code, creds.pin) == (BADGE, "", "1357")
    # A product is not a badge: the dialog says so and keeps what it had.
    _burst(dialog.pin, "4901234567894")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.credentials().badge == BADGE
    dialog.reject()


def test_a_burst_the_app_got_late_is_still_one_scan(qtbot: QtBot, terminal: Terminal) -> None:
    """The keys left the scanner 3 ms apart; the app, busy, handled them 60 ms apart."""
    window = terminal.window
    customer_id, card = _card_hit(terminal)
    box = window.search_box
    box.setText("")
    sent = 1_000_000
    scans: list[str] = []
    terminal.scanner.scanned.connect(scans.append)
    with qtbot.waitSignal(window.customer_opened, timeout=3000) as opened:
        for i, ch in enumerate(card + "\r"):
            _key(box, ch, sent + 3 * i)
            time.sleep(0.06)
    assert scans == [card]  # read as a scan (not the search box's own Enter)
    assert opened.args == [customer_id]
    assert box.text() == card  # the card's search, not the scanned keys on top of it


def test_the_same_digits_typed_by_a_person_are_not_a_scan(qtbot: QtBot, terminal: Terminal) -> None:
    """The keys left the keyboard 200 ms apart; the app handled them all at once."""
    window = terminal.window
    _, card = _card_hit(terminal)
    box = window.search_box
    box.setText("")
    scans: list[str] = []
    terminal.scanner.scanned.connect(scans.append)
    for i, ch in enumerate(card):
        _key(box, ch, 2_000_000 + 200 * i)
    _key(box, "\r", 2_000_000 + 200 * len(card))
    QApplication.processEvents()
    qtbot.wait(100)
    assert scans == []
    assert box.text() == card  # typed text stays where it was typed
