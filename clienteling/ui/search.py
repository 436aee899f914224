"""Customer search: the search-as-you-type box and the results list (name, kana, phone, card, tier).

The box debounces keystrokes and emits `search_requested`; the container runs the search and
hands the outcome back with `SearchResults.show_outcome`. Neither widget knows the services.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from clienteling.domain.masking import mask_email, mask_phone
from clienteling.domain.models import CustomerHit, SyncState
from clienteling.ui import labels
from clienteling.ui.formatting import national_phone, plain_tooltip

# Storage answers in ~1-2 ms even at 1M customers: a keystroke after a pause searches at once;
# only keystrokes that follow a search within this time (a fast typist, a wedge scanner) are
# coalesced into one search at the end of the burst.
DEBOUNCE_MS = 30
HIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class SearchBox(QLineEdit):
    """The always-ready search field; a burst of keystrokes becomes one search request."""

    search_requested = Signal(str)
    open_requested = Signal()  # Enter: open the selected (or only) result
    move_requested = Signal(int)  # Up/Down arrows move the selection in the results list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search: name, kana, romaji, phone, email or card"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_search)
        self._last_search_at = 0.0
        self.textChanged.connect(self.on_self_text_changed)
        self.returnPressed.connect(self.on_self_return_pressed)

    def on_self_text_changed(self, _text: str) -> None:
        now = time.monotonic()
        if not self._timer.isActive() and now - self._last_search_at >= DEBOUNCE_MS / 1000:
            self._emit_search()
            return
        # Restarting the timer drops the previous pending search: only the last text is run.
        self._timer.start()

    def on_self_return_pressed(self) -> None:
        self.flush()
        self.open_requested.emit()

    def flush(self) -> None:
        """Run a pending search now (Enter, or a scan that filled the box)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_search()

    def cancel_pending(self) -> None:
        """Drop a search that has not run yet (the window is closing)."""
        self._timer.stop()

    def search_now(self, text: str) -> None:
        """Replace the text and search at once, without waiting for the debounce."""
        self.setText(text)
        self._timer.stop()
        self._emit_search()

    def _emit_search(self) -> None:
        self.search_requested.emit(self.text())
        self._last_search_at = time.monotonic()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_requested.emit(1)
            return
        if event.key() == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)


class CustomerHitModel(QAbstractListModel):
    """Search hits as list rows; all data is plain strings (no rich text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[CustomerHit] = []
        self._texts: list[str | None] = []
        self.masking = False  # phone numbers partly hidden (associates)

    def set_hits(self, hits: Sequence[CustomerHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        # Formatted lazily and once: only visible rows are asked for, but many times each, and
        # phone formatting costs ~0.4 ms a number.
        self._texts = [None] * len(self._hits)
        self.endResetModel()

    def hit(self, row: int) -> CustomerHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts[index.row()]
            if text is None:
                text = self._texts[index.row()] = hit_text(hit, masked=self.masking)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            email = hit.email or ""
            return plain_tooltip(mask_email(email) if self.masking else email)
        if role == HIT_ID_ROLE:
            return hit.id
        return None


def hit_text(hit: CustomerHit, *, masked: bool = False) -> str:
    """Two lines: name and kana, then phone (partly hidden if `masked`), card and tier."""
    first = hit.display_name
    if hit.display_kana:
        first += f"  ({hit.display_kana})"
    phone = national_phone(hit.phone)
    details = [
        mask_phone(phone) if masked else phone,
        hit.loyalty_card or "",
        labels.tier(hit.tier) if hit.tier else "",
    ]
    if hit.sync == SyncState.PENDING:
        details.append(QCoreApplication.translate("SearchResults", "new, not synced yet"))
    elif hit.sync == SyncState.REJECTED:
        details.append(QCoreApplication.translate("SearchResults", "new, refused by the server"))
    return first + "\n" + "   ".join(part for part in details if part)


class SearchResults(QWidget):
    """The outcome message and the results list; Enter, click or tap opens a profile."""

    customer_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.count = QLabel(self)
        self.count.setObjectName("resultCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.hide()
        self.model = CustomerHitModel(self)
        self.view = QListView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self.on_view_clicked)
        self.view.activated.connect(self.on_view_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)

    def set_masking(self, on: bool) -> None:
        self.model.masking = on
        self.model.set_hits(self.hits())

    def show_outcome(self, hits: Sequence[CustomerHit], message: str | None) -> None:
        self.model.set_hits(hits)
        self.count.setText(self.tr("%n customer(s)", "", len(hits)))
        self.count.setVisible(bool(hits))
        if message:
            self.message.setText(message)
            self.message.show()
        else:
            self.message.clear()
            self.message.hide()
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def hits(self) -> list[CustomerHit]:
        return [self.model.hit(row) for row in range(self.model.rowCount())]

    def move_selection(self, step: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        row = max(0, min(count - 1, row + step))
        self.view.setCurrentIndex(self.model.index(row, 0))

    def open_current(self) -> None:
        """Open the selected result (the first one is selected after every search)."""
        index = self.view.currentIndex()
        if index.isValid():
            self.customer_open_requested.emit(self.model.hit(index.row()).id)

    def on_view_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_open_requested.emit(self.model.hit(index.row()).id)
