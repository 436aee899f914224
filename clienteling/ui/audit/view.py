"""The audit trail for a manager: who did what to whose data, from which terminal, newest
first; filters by kind and period; older events page by page; a check that the trail is
intact. This widget shows and asks; the page loads."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.services.audit import AuditRow
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label

# How far back each period choice reaches, in days.
PERIODS = (1, 7, 30, 365)


class AuditView(QWidget):
    refresh_requested = Signal()
    more_requested = Signal()
    verify_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self.title = plain_label(self.tr("Audit trail"), name="sectionTitle")
        self.message = plain_label("", name="searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        for value, text in (
            (None, self.tr("Everything")),
            ("profile.view", self.tr("Profiles opened")),
            ("search", self.tr("Searches")),
            ("edit", self.tr("Changes")),
            ("reveal", self.tr("Contact details revealed")),
            ("export", self.tr("Exports")),
        ):
            self.action.addItem(text, value)
        self.period = QComboBox(self)
        self.period.setObjectName("auditPeriod")
        for days, text in zip(
            PERIODS,
            (
                self.tr("Today"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Last year"),
            ),
            strict=True,
        ):
            self.period.addItem(text, days)
        self.period.setCurrentIndex(1)
        self.action.currentIndexChanged.connect(lambda _i: self.refresh_requested.emit())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh_requested.emit())
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("auditEvents")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Staff"),
                self.tr("Terminal"),
                self.tr("What"),
                self.tr("Customer"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.more = QPushButton(self.tr("Older events"), self)
        self.more.setObjectName("auditMore")
        self.more.setEnabled(False)
        self.more.clicked.connect(self.more_requested)
        self.verify = QPushButton(self.tr("Check the trail is intact"), self)
        self.verify.setObjectName("auditVerify")
        self.verify.clicked.connect(self.verify_requested)
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.refresh.setObjectName("auditRefresh")
        self.refresh.clicked.connect(self.refresh_requested)
        filters = QHBoxLayout()
        filters.addWidget(self.action)
        filters.addWidget(self.period)
        filters.addStretch(1)
        filters.addWidget(self.refresh)
        filters.addWidget(self.verify)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignRight)

    def chosen_action(self) -> str | None:
        value = self.action.currentData()
        return str(value) if value else None

    def chosen_days(self) -> int:
        return int(self.period.currentData())

    def show_rows(self, rows: Sequence[AuditRow], more: bool, *, append: bool = False) -> None:
        self._rows = [*self._rows, *rows] if append else list(rows)
        self.message.hide()
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            values = (
                labels.when(row.occurred_at.isoformat()),
                row.staff_name,
                row.device_name,
                self._what(row),
                row.customer_name or (self.tr("(another region)") if row.customer_id else ""),
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))  # plain text
        self.more.setEnabled(more)
        if not self._rows:
            self.show_problem(self.tr("Nothing in this period."))

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _what(self, row: AuditRow) -> str:
        text = labels.audit_action(row.action)
        return f"{text} ({row.detail})" if row.detail else text
