"""The store's lists at the counter: today's pickups, holds running out, requests waiting for
the server, transfers coming in and going out, and the notices of outcomes that came later.
Refreshed whenever a sync brings something (a change on another terminal pokes this one)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidget, QTabWidget, QVBoxLayout, QWidget

from clienteling.domain.models import Notice, Reservation, StoreLists
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label
from clienteling.ui.reservations.table import ReservationTable


def notice_text(n: Notice) -> str:
    what = n.product_name or ""
    who = n.customer_name or ""
    head = labels.when(n.created_at)
    return f"{head}  {labels.status(n.status)}: {what}" + (f" — {who}" if who else "")


class StoreListsView(QWidget):
    step_requested = Signal(str, str)
    transfer_requested = Signal(str, str, str)
    customer_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(self.tr("This store's reservations"), name="sectionTitle")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("storeLists")
        self.open = ReservationTable(show_customer=True, parent=self)
        self.pickups = ReservationTable(show_customer=True, parent=self)
        self.expiring = ReservationTable(show_customer=True, parent=self)
        self.waiting = ReservationTable(show_customer=True, parent=self)
        self.transfers_in = ReservationTable(show_customer=True, parent=self)
        self.transfers_out = ReservationTable(show_customer=True, parent=self)
        self.notices = QListWidget(self)
        self.notices.setObjectName("notices")
        for table in self.tables():
            self.tabs.addTab(table, "")
            table.step_requested.connect(self.step_requested)
            table.transfer_requested.connect(self.transfer_requested)
            table.customer_open_requested.connect(self.customer_open_requested)
        self.tabs.addTab(self.notices, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.show_lists(StoreLists((), (), (), (), (), ()), "", [])

    def tables(self) -> tuple[ReservationTable, ...]:
        return (
            self.open,
            self.pickups,
            self.expiring,
            self.waiting,
            self.transfers_in,
            self.transfers_out,
        )

    def show_lists(self, lists: StoreLists, store_id: str, notices: Sequence[Notice]) -> None:
        parts: tuple[tuple[ReservationTable, Sequence[Reservation], str], ...] = (
            (self.open, lists.open, self.tr("Open (%n)", "", len(lists.open))),
            (self.pickups, lists.pickups, self.tr("Pickups (%n)", "", len(lists.pickups))),
            (self.expiring, lists.expiring, self.tr("Expiring soon (%n)", "", len(lists.expiring))),
            (
                self.waiting,
                lists.waiting,
                self.tr("Waiting for the server (%n)", "", len(lists.waiting)),
            ),
            (
                self.transfers_in,
                lists.transfers_in,
                self.tr("Transfers in (%n)", "", len(lists.transfers_in)),
            ),
            (
                self.transfers_out,
                lists.transfers_out,
                self.tr("Transfers out (%n)", "", len(lists.transfers_out)),
            ),
        )
        for index, (table, rows, title) in enumerate(parts):
            table.show_rows(rows, store_id)
            self.tabs.setTabText(index, title)
        self.notices.clear()
        for n in notices:
            self.notices.addItem(notice_text(n))
        self.tabs.setTabText(len(parts), self.tr("Notices (%n)", "", len(notices)))
