"""A list of reservations with the steps the selected one can take (sold, collected, extend,
cancel, send, received, ...) and, for a refused request, where the stock is free instead with
one tap to ask that store. Used by the profile and by the store's lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.models import Reservation, SyncState
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label

ID_ROLE = Qt.ItemDataRole.UserRole


def status_text(r: Reservation) -> str:
    text = labels.status(r.status)
    if r.pending_step is not None:
        text += "  · " + QCoreApplication.translate(
            "ReservationTable", "%1 sent — not confirmed"
        ).replace("%1", labels.step(r.pending_step, r.kind))
    elif r.sync == SyncState.PENDING and r.status != "requested":
        text += "  · " + labels.pending_sync()
    if r.status == "rejected" and r.rejected_reason:
        text += ": " + labels.reason(r.rejected_reason)
    return text


class ReservationTable(QWidget):
    step_requested = Signal(str, str)  # reservation id, verb
    transfer_requested = Signal(str, str, str)  # sku, store to ask, customer id
    customer_open_requested = Signal(str)

    def __init__(self, *, show_customer: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, Reservation] = {}
        self._store_id = ""
        self._show_customer = show_customer
        headers = [
            self.tr("Created"),
            self.tr("Kind"),
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Status"),
            self.tr("Until"),
        ]
        if show_customer:
            headers.insert(2, self.tr("Customer"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("reservations")
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.action_bar = QWidget(self)
        self.action_bar.setObjectName("reservationActions")
        self._actions = QHBoxLayout(self.action_bar)
        self._actions.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.action_bar)
        self.tree.currentItemChanged.connect(self.on_tree_current_item_changed)
        self.tree.itemDoubleClicked.connect(self.on_tree_item_double_clicked)
        self._show_actions(None)

    def show_rows(self, rows: Sequence[Reservation], store_id: str) -> None:
        current = self.selected_id()
        self._store_id = store_id
        self._rows = {r.id: r for r in rows}
        self.tree.clear()
        for r in rows:
            values = [
                labels.when(r.created_at),
                labels.kind(r.kind),
                r.product_name or r.sku,
                str(r.quantity),
                status_text(r),
                labels.when(r.expires_at),
            ]
            if self._show_customer:
                values.insert(2, r.customer_name)
            item = QTreeWidgetItem(values)
            item.setData(0, ID_ROLE, r.id)
            if r.sync == SyncState.REJECTED:
                item.setForeground(len(values) - 2, Qt.GlobalColor.darkRed)
            elif r.sync == SyncState.PENDING or r.pending_step is not None:
                item.setForeground(len(values) - 2, Qt.GlobalColor.darkYellow)
            self.tree.addTopLevelItem(item)
            if r.id == current:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._show_actions(self.selected())

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, ID_ROLE))

    def selected(self) -> Reservation | None:
        rid = self.selected_id()
        return None if rid is None else self._rows.get(rid)

    def select(self, reservation_id: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, ID_ROLE) == reservation_id:
                self.tree.setCurrentItem(item)

    def _show_actions(self, r: Reservation | None) -> None:
        while self._actions.count():
            item = self._actions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if r is None:
            self.action_bar.hide()
            return
        self.action_bar.show()
        for verb in r.steps_for(self._store_id):
            button = QPushButton(labels.step(verb, r.kind), self.action_bar)
            button.setObjectName(f"step_{verb}")
            button.clicked.connect(
                lambda _=False, rid=r.id, v=verb: self.step_requested.emit(rid, v)
            )
            self._actions.addWidget(button)
        if r.status == "rejected" and r.alternatives:
            self._actions.addWidget(plain_label(self.tr("Free elsewhere:"), self.action_bar))
            for alt in r.alternatives[:3]:
                far = f", {alt.distance_km:.1f} km" if alt.distance_km is not None else ""
                button = QPushButton(
                    self.tr("Ask %1 (%2 free%3)")
                    .replace("%1", alt.store_name)
                    .replace("%2", str(alt.available))
                    .replace("%3", far),
                    self.action_bar,
                )
                button.setObjectName("askAlternative")
                button.clicked.connect(
                    lambda _=False, sku=r.sku, store=alt.store_id, cid=r.customer_id: (
                        self.transfer_requested.emit(sku, store, cid)
                    )
                )
                self._actions.addWidget(button)
        if self._show_customer and r.customer_id:
            button = QPushButton(self.tr("Open customer"), self.action_bar)
            button.setObjectName("openReservationCustomer")
            button.clicked.connect(
                lambda _=False, cid=r.customer_id: self.customer_open_requested.emit(cid)
            )
            self._actions.addWidget(button)
        self._actions.addStretch(1)

    def on_tree_current_item_changed(self, current: QTreeWidgetItem | None, _prev: object) -> None:
        self._show_actions(self.selected())

    def on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        r = self._rows.get(str(item.data(0, ID_ROLE)))
        if r is not None and self._show_customer and r.customer_id:
            self.customer_open_requested.emit(r.customer_id)
