"""The pending-changes list: what has not reached the server yet, and what it refused and why.
Rejected entries can be dismissed once read; "Sync now" asks for an immediate sync.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.models import PendingChange, SyncStatus
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label

MUTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PendingDialog(QDialog):
    """Lists outbox entries (pending and rejected, oldest first). Non-modal; kept up to date."""

    dismiss_requested = Signal(str)  # mutation id of a rejected entry
    sync_now_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes not yet on the server"))
        self.resize(900, 480)
        self.summary = plain_label("", self, name="pendingSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("pendingList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Created"),
                self.tr("Change"),
                self.tr("Details"),
                self.tr("State"),
                self.tr("Reason"),
            ]
        )
        header = self.tree.header()
        header.setMinimumSectionSize(110)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self.on_tree_current_item_changed)
        self.dismiss_button = QPushButton(self.tr("Dismiss rejected"), self)
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.setEnabled(False)
        self.dismiss_button.clicked.connect(self.on_dismiss_button_clicked)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.clicked.connect(self.sync_now_requested)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._rejected: set[str] = set()

    def show_changes(self, changes: Sequence[PendingChange], status: SyncStatus | None) -> None:
        selected = self._selected_id()
        self.tree.clear()
        self._rejected = set()
        for change in changes:
            rejected = change.status == "rejected"
            if rejected:
                self._rejected.add(change.mutation_id)
            if rejected:
                state = labels.status("rejected")
                why = labels.reason(change.last_error)
            else:
                state = labels.pending_sync()
                why = change.last_error or ""
                if change.attempts:
                    state += " " + self.tr("(%n attempt(s))", "", change.attempts)
            item = QTreeWidgetItem(
                [
                    labels.when(change.created_at),
                    labels.mutation(change.name),
                    change.summary,
                    state,
                    why,
                ]
            )
            item.setData(0, MUTATION_ID_ROLE, change.mutation_id)
            if rejected:
                for column in range(5):
                    item.setForeground(column, Qt.GlobalColor.darkRed)
            self.tree.addTopLevelItem(item)
            if change.mutation_id == selected:
                self.tree.setCurrentItem(item)
        if not changes:
            self.summary.setText(self.tr("Everything is on the server."))
        elif status is not None and not status.online:
            self.summary.setText(
                self.tr(
                    "Offline: %n change(s) will be sent when the connection is back.",
                    "",
                    status.pending,
                )
            )
        else:
            waiting = sum(1 for c in changes if c.status != "rejected")
            self.summary.setText(
                self.tr("%n change(s) waiting", "", waiting)
                + ", "
                + self.tr("%n rejected.", "", len(self._rejected))
            )
        self.on_tree_current_item_changed(self.tree.currentItem(), None)

    def _selected_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = item.data(0, MUTATION_ID_ROLE)
        return str(value) if value else None

    def on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        mutation_id = current.data(0, MUTATION_ID_ROLE) if current is not None else None
        self.dismiss_button.setEnabled(mutation_id in self._rejected)

    def on_dismiss_button_clicked(self) -> None:
        mutation_id = self._selected_id()
        if mutation_id is not None and mutation_id in self._rejected:
            self.dismiss_requested.emit(mutation_id)
