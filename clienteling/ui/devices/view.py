"""The store's terminals for a manager: name, who registered it and when, when it was last
seen, and a Revoke button (a lost tablet, a departed colleague's device). The container loads
the list from the server and carries out the revocation; this widget only shows and asks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.storetime import StoreClock
from clienteling.services.devices import DeviceRow
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label


class DevicesView(QWidget):
    refresh_requested = Signal()
    revoke_requested = Signal(str, str)  # device id, its name (for the confirmation)

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeviceRow] = []
        self.title = plain_label(self.tr("This store's terminals"), name="sectionTitle")
        self.message = plain_label("", name="searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("devices")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Terminal"),
                self.tr("Registered"),
                self.tr("Registered by"),
                self.tr("Last seen"),
                self.tr("Status"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshDevices")
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.revoke_button = QPushButton(self.tr("Revoke this terminal…"), self)
        self.revoke_button.setObjectName("revokeDevice")
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self.on_revoke_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_devices(self, rows: Sequence[DeviceRow]) -> None:
        self._rows = list(rows)
        self.message.hide()
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            name = row.name or self.tr("(no name)")
            if row.this_device:
                name = self.tr("%1 (this terminal)").replace("%1", name)
            values = (
                name,
                labels.when(row.registered_at.isoformat()),
                row.registered_by,
                self._seen_text(row),
                self._status_text(row),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, never rich text
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(r, c, item)
        self.on_table_item_selection_changed()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def rows(self) -> list[DeviceRow]:
        return list(self._rows)

    def select_device(self, device_id: str) -> None:
        for r, row in enumerate(self._rows):
            if row.id == device_id:
                self.table.selectRow(r)

    def selected(self) -> DeviceRow | None:
        chosen = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not chosen:
            return None
        return self._rows[chosen[0].row()]

    def _seen_text(self, row: DeviceRow) -> str:
        if row.last_seen_at is None:
            return self.tr("never")
        iso = row.last_seen_at.isoformat()
        minutes = StoreClock.minutes_ago(iso) or 0
        if minutes < 1:
            return self.tr("just now")
        if minutes < 120:
            return self.tr("%n min ago", "", minutes)
        return labels.when(iso)

    def _status_text(self, row: DeviceRow) -> str:
        if row.revoked_at is not None:
            return self.tr("Revoked %1").replace("%1", labels.when(row.revoked_at.isoformat()))
        return self.tr("In use")

    def on_table_item_selection_changed(self) -> None:
        row = self.selected()
        self.revoke_button.setEnabled(row is not None and row.revoked_at is None)

    def on_revoke_button_clicked(self) -> None:
        row = self.selected()
        if row is not None and row.revoked_at is None:
            self.revoke_requested.emit(row.id, row.name)
