"""The manager's follow-up dashboard: the period, the figures a manager looks at first, the
revenue the follow-ups brought over time and per staff member, the table, the CSV export
(online, managers only; the server decides again)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.errors import InvalidInput
from clienteling.services.dashboard import PERIODS, DashboardService, Period
from clienteling.services.devices import TerminalRevoked
from clienteling.ui import labels
from clienteling.ui.dashboard.chart import BarChart
from sync.protocol.dashboard import DashboardReport, DayFigures, Figures

_PERIOD_NAMES: dict[str, Callable[[], str]] = {
    "week": lambda: QCoreApplication.translate("Dashboard", "This week"),
    "month": lambda: QCoreApplication.translate("Dashboard", "This month"),
    "30_days": lambda: QCoreApplication.translate("Dashboard", "Last 30 days"),
    "quarter": lambda: QCoreApplication.translate("Dashboard", "Last 90 days"),
    "year": lambda: QCoreApplication.translate("Dashboard", "Last 12 months"),
}
# The tiles: (field, caption); conversion and revenue are formatted.
_TILES: tuple[tuple[str, Callable[[], str]], ...] = (
    ("due", lambda: QCoreApplication.translate("Dashboard", "Due")),
    ("done", lambda: QCoreApplication.translate("Dashboard", "Done")),
    ("overdue", lambda: QCoreApplication.translate("Dashboard", "Overdue")),
    ("sent", lambda: QCoreApplication.translate("Dashboard", "Messages sent")),
    ("blocked", lambda: QCoreApplication.translate("Dashboard", "Blocked (no consent)")),
    ("opened", lambda: QCoreApplication.translate("Dashboard", "Opened")),
    ("clicked", lambda: QCoreApplication.translate("Dashboard", "Clicked")),
    ("conversion", lambda: QCoreApplication.translate("Dashboard", "Conversion")),
    ("revenue_jpy", lambda: QCoreApplication.translate("Dashboard", "Attributed revenue")),
)
TILES_PER_ROW = 5
_COLUMNS = ("due", "done", "overdue", "sent", "opened", "clicked", "conversion", "revenue_jpy")


def tile_text(figures: Figures, field: str) -> str:
    value = getattr(figures, field)
    if field == "conversion":
        return f"{value * 100:.0f}%"
    if field == "revenue_jpy":
        return labels.yen(int(value))
    return f"{int(value):,}"


def buckets(days: list[DayFigures]) -> list[tuple[str, int]]:
    """Revenue by day for a month or less, by week up to a quarter, else by month."""
    if len(days) <= 31:
        return [(f"{d.day.month}/{d.day.day}", d.revenue_jpy) for d in days]
    grouped: dict[date, int] = {}
    for d in days:
        key = d.day - timedelta(days=d.day.weekday()) if len(days) <= 120 else d.day.replace(day=1)
        grouped[key] = grouped.get(key, 0) + d.revenue_jpy
    if len(days) <= 120:
        return [(f"{k.month}/{k.day}", v) for k, v in sorted(grouped.items())]
    return [
        (
            QCoreApplication.translate("Dashboard", "%1/%2")
            .replace("%1", str(k.year % 100))
            .replace("%2", str(k.month)),
            v,
        )
        for k, v in sorted(grouped.items())
    ]


class DashboardPage(QWidget):
    loaded = Signal()
    terminal_revoked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: DashboardService | None = None
        self._task: asyncio.Future[None] | None = None
        self.report: DashboardReport | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.period = QComboBox()
        for code in PERIODS:
            self.period.addItem(_PERIOD_NAMES[code](), code)
        self.period.setCurrentIndex(PERIODS.index("30_days"))
        self.period.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self._start(self._export))
        for button in (self.refresh_button, self.export_button):
            button.setMinimumHeight(44)
        self.period.setMinimumHeight(44)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.period)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.tiles: dict[str, QLabel] = {}
        grid = QGridLayout()
        for n, (field, caption) in enumerate(_TILES):
            value = QLabel("—")
            value.setObjectName(f"tile_{field}")
            value.setStyleSheet("font-size: 22px; font-weight: bold; color: #1a5fb4;")
            name = QLabel(caption())
            name.setStyleSheet("color: #555;")
            name.setWordWrap(True)
            box = QVBoxLayout()
            box.addWidget(value)
            box.addWidget(name)
            holder = QWidget()
            holder.setLayout(box)
            holder.setStyleSheet("background: #f4f6fa; border-radius: 6px;")
            grid.addWidget(holder, n // TILES_PER_ROW, n % TILES_PER_ROW)  # fits 1280 px
            self.tiles[field] = value

        self.over_time = BarChart()
        self.per_staff = BarChart(horizontal=True)
        charts = QHBoxLayout()
        charts.addWidget(self.over_time, 3)
        charts.addWidget(self.per_staff, 2)

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Staff member")] + [dict(_TILES)[c]() for c in _COLUMNS]
        )
        self.table.setMinimumHeight(140)
        # Every heading readable ("Messages sent"), the revenue taking the width left.
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addLayout(charts, 1)
        layout.addWidget(self.table)

    def set_service(self, service: DashboardService) -> None:
        self._service = service
        self.report = None
        self._clear()

    @property
    def available(self) -> bool:
        return self._service is not None and self._service.available

    def chosen(self) -> Period:
        assert self._service is not None
        return self._service.period(str(self.period.currentData()))

    def refresh(self) -> None:
        self._start(self._load)

    def _start(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        if self.available:
            self._task = asyncio.ensure_future(work())

    async def _load(self) -> None:
        service = self._service
        assert service is not None
        self.status.setText(self.tr("Loading…"))
        try:
            found = await service.figures(self.chosen())
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.status.setText(labels.service_message(str(exc)))
        else:
            self.show_report(found)
        self.loaded.emit()

    def show_report(self, found: DashboardReport) -> None:
        self.report = found
        self.status.setText("")
        self.title.setText(
            self.tr("Follow-up results: %1 (%2 – %3)")
            .replace("%1", found.store_name)
            .replace("%2", f"{found.since.month}/{found.since.day}")
            .replace("%3", f"{found.until.month}/{found.until.day}")
        )
        for field, label in self.tiles.items():
            label.setText(tile_text(found.totals, field))
        nothing = self.tr("No sale credited to a follow-up in this period yet.")
        self.over_time.set_data(
            self.tr("Attributed revenue over time"), buckets(found.days), labels.yen, nothing
        )
        self.per_staff.set_data(
            self.tr("Attributed revenue per staff member"),
            [(s.name, s.figures.revenue_jpy) for s in found.staff[:8]],
            labels.yen,
            nothing,
        )
        self.table.clear()
        for row in found.staff:
            item = QTreeWidgetItem([row.name] + [tile_text(row.figures, c) for c in _COLUMNS])
            middle = Qt.AlignmentFlag.AlignVCenter
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | middle)
            for n in range(1, len(_COLUMNS) + 1):
                item.setTextAlignment(n, Qt.AlignmentFlag.AlignRight | middle)
            self.table.addTopLevelItem(item)

    def _clear(self) -> None:
        self.title.setText(self.tr("Follow-up results"))
        for label in self.tiles.values():
            label.setText("—")
        self.over_time.set_data("", [])
        self.per_staff.set_data("", [])
        self.table.clear()

    async def _export(self) -> None:
        service = self._service
        assert service is not None
        chosen = self.chosen()
        try:
            data = await service.export(chosen)
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.status.setText(labels.service_message(str(exc)))
            return
        suggested = f"followups-{chosen.since.isoformat()}-{chosen.until.isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the figures"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            self.save(Path(path), data)

    def save(self, path: Path, data: bytes) -> None:
        path.write_bytes(data)
        self.status.setText(self.tr("Saved: %1").replace("%1", path.name))
