"""Recognises keyboard-wedge barcode scans anywhere in the app: a burst of fast keystrokes ending
in Enter (full-width when an IME is on). It reports the scan as ASCII text; the container parses
and routes it.
"""

from __future__ import annotations

import time
import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

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


class ScanDetector(QObject):
    """An application-wide event filter. Install with `QApplication.installEventFilter`."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_gap_s: float = MAX_GAP_S) -> None:
        super().__init__(parent)
        self._max_gap_s = max_gap_s
        self._buffer: list[str] = []
        self._last_key_at = 0.0
        self.enabled = True

    def reset(self) -> None:
        self._buffer = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.InputMethod):
            return False
        if not self.enabled or QApplication.activeModalWidget() is not None:
            # A dialog is open: its own fields take the scan (e.g. the interest dialog's code).
            self.reset()
            return False
        if not self._is_first_delivery(watched):
            return False
        now = time.monotonic()
        if kind == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            self._add(event.commitString(), now)
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        if key in _ENTER_KEYS:
            return self._finish(watched, now)
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
        self._add(text, now)
        return False

    def _is_first_delivery(self, watched: QObject) -> bool:
        # The application filter sees a key event once per receiver as it propagates (window,
        # focus widget, then its parents); only the focus widget's copy counts.
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            return watched is focus
        return watched.isWindow()

    def _add(self, text: str, now: float) -> None:
        if not text:
            return
        if now - self._last_key_at > self._max_gap_s:
            self._buffer = []
        self._buffer.append(text)
        self._last_key_at = now

    def _finish(self, watched: QObject, now: float) -> bool:
        raw = "".join(self._buffer)
        fast = now - self._last_key_at <= self._max_gap_s
        self.reset()
        if not fast or not looks_like_scan(raw):
            return False
        if isinstance(watched, QLineEdit):
            self._take_back(watched, raw)
        text = to_ascii(raw)
        # Report after this key event has finished: the receiver may open a modal dialog.
        QTimer.singleShot(0, lambda: self.scanned.emit(text))
        return True

    @staticmethod
    def _take_back(field: QLineEdit, raw: str) -> None:
        """The scanned characters already reached the focused field: remove them again."""
        current = field.text()
        if current.endswith(raw) and field.cursorPosition() == len(current):
            field.setText(current[: -len(raw)])
