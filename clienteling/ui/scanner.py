"""Recognises keyboard-wedge barcode scans anywhere in the app: a burst of fast keystrokes ending
in Enter (full-width when an IME is on). It reports the scan as ASCII text; the container parses
and routes it.

Keys are judged by the key events' own timestamps (when the keyboard sent them), not by when
the app got to them: a burst that arrives while the app is busy is still one scan, and a person
typing the same digits is still a person. The characters of a scan have already reached the
focused field when the Enter tells it was a scan: they are taken back out of it, and the Enter
never reaches it, so a scan never becomes text — in the search box, or in a note.

While a modal dialog is open the scan goes to that dialog only (`ScanTarget.accept_scan`: the
interest dialog's code field, the staff sign-in's code field); a dialog without a code field
ignores it and says so.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

# A person types at most ~10 keys/s; a scanner sends a key every few milliseconds.
MAX_GAP_S = 0.045
MIN_SCAN_LENGTH = 8

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
)


GROUP_SEPARATOR = "\x1d"  # FNC1 in GS1 codes: kept, the parser needs it


def to_ascii(text: str) -> str:
    """Full-width digits and letters (IME on) become ASCII; other control characters go."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch.isprintable() or ch == GROUP_SEPARATOR).strip()


def looks_like_scan(text: str) -> bool:
    """Barcodes we read (EAN/UPC, GS1, loyalty cards) are mostly digits; names are not."""
    ascii_text = to_ascii(text)
    if len(ascii_text) < MIN_SCAN_LENGTH or " " in ascii_text:
        return False
    digits = sum(ch.isdigit() for ch in ascii_text)
    return digits * 2 >= len(ascii_text)


@runtime_checkable
class ScanTarget(Protocol):
    """A dialog that takes scans while it is open. True: taken; False: ignored (the dialog
    tells the person why)."""

    def accept_scan(self, text: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Stamp:
    sent_ms: int  # the event's own timestamp (0: the platform gave none)
    arrived_s: float  # when the app handled it (time.monotonic)

    def gap_to(self, later: _Stamp) -> float:
        """Seconds between two keys: by their own timestamps when both have one."""
        if self.sent_ms and later.sent_ms:
            return max(0, later.sent_ms - self.sent_ms) / 1000.0
        return later.arrived_s - self.arrived_s


def _stamp(event: QEvent) -> _Stamp:
    sent = event.timestamp() if isinstance(event, QKeyEvent) else 0
    return _Stamp(int(sent), time.monotonic())


class ScanDetector(QObject):
    """An application-wide event filter. Install with `QApplication.installEventFilter`."""

    # A scan with no dialog open (the main window routes it).
    scanned = Signal(str)
    # A scan while a modal dialog was open: the dialog got it (True) or ignored it (False).
    dialog_scanned = Signal(str, bool)

    def __init__(self, parent: QObject | None = None, *, max_gap_s: float = MAX_GAP_S) -> None:
        super().__init__(parent)
        self._max_gap_s = max_gap_s
        self._buffer: list[str] = []
        self._last: _Stamp | None = None
        self.enabled = True

    def reset(self) -> None:
        self._buffer = []
        self._last = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.InputMethod):
            return False
        if not self.enabled:
            self.reset()
            return False
        if not self._is_first_delivery(watched):
            return False
        stamp = _stamp(event)
        if kind == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            self._add(event.commitString(), stamp)
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        if key in _ENTER_KEYS:
            return self._finish(watched, stamp)
        text = event.text()
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        # Scanners send GS as Ctrl+]; any other chord means a person is using shortcuts.
        plain = modifiers == Qt.KeyboardModifier.NoModifier or text == GROUP_SEPARATOR
        typed = text.isprintable() or text == GROUP_SEPARATOR
        if len(text) != 1 or not typed or not plain:
            self.reset()
            return False
        self._add(text, stamp)
        return False

    def _is_first_delivery(self, watched: QObject) -> bool:
        # The application filter sees a key event once per receiver as it propagates (window,
        # focus widget, then its parents); only the focus widget's copy counts.
        if not isinstance(watched, QWidget):
            return False
        # Without a window manager (a kiosk, a virtual display) no window may count as active,
        # and the application has no focus widget while the window's own still gets the keys.
        focus = QApplication.focusWidget() or watched.window().focusWidget()
        if focus is not None:
            return watched is focus
        return watched.isWindow()

    def _add(self, text: str, stamp: _Stamp) -> None:
        if not text:
            return
        if self._last is None or self._last.gap_to(stamp) > self._max_gap_s:
            self._buffer = []
        self._buffer.append(text)
        self._last = stamp

    def _finish(self, watched: QObject, stamp: _Stamp) -> bool:
        raw = "".join(self._buffer)
        fast = self._last is not None and self._last.gap_to(stamp) <= self._max_gap_s
        self.reset()
        if not fast or not looks_like_scan(raw):
            return False
        if isinstance(watched, QWidget):
            take_back(watched, raw)
        text = to_ascii(raw)
        dialog = QApplication.activeModalWidget()
        # Report after this key event has finished: the receiver may open a modal dialog.
        if dialog is None:
            QTimer.singleShot(0, lambda: self.scanned.emit(text))
        else:
            QTimer.singleShot(0, lambda: self._to_dialog(dialog, text))
        return True  # the Enter of a scan never reaches a field

    def _to_dialog(self, dialog: QWidget, text: str) -> None:
        taken = isinstance(dialog, ScanTarget) and dialog.accept_scan(text)
        self.dialog_scanned.emit(text, bool(taken))


def take_back(field: QWidget, raw: str) -> None:
    """The scanned characters already reached the focused field: remove them again (when they
    sit just before the cursor, as typing leaves them). Positions are Qt's (UTF-16 units)."""
    units = len(raw.encode("utf-16-le")) // 2
    if isinstance(field, QLineEdit):
        position = field.cursorPosition()
        if position < units or field.hasSelectedText():
            return
        field.setSelection(position - units, units)
        if field.selectedText() == raw:
            field.del_()
        else:
            field.setCursorPosition(position)
        return
    if isinstance(field, QPlainTextEdit | QTextEdit):
        cursor = field.textCursor()
        if cursor.hasSelection() or cursor.position() < units:
            return
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, units)
        if cursor.selectedText() == raw:
            cursor.removeSelectedText()
            field.setTextCursor(cursor)
