"""A bar chart drawn with QPainter: vertical bars over time, or horizontal bars per name.
Plain text labels (staff names are user data), values written on the bars when they fit."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#1a5fb4")
GRID = QColor("#d8d8d8")
TEXT = QColor("#333333")


class BarChart(QWidget):
    def __init__(self, *, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.title = ""
        self.bars: list[tuple[str, int]] = []
        self.empty_text = "—"  # shown when every bar is zero
        self._format: Callable[[int], str] = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def set_data(
        self,
        title: str,
        bars: Sequence[tuple[str, int]],
        value_text: Callable[[int], str] = str,
        empty_text: str = "—",
    ) -> None:
        self.title, self.bars, self._format = title, list(bars), value_text
        self.empty_text = empty_text
        self.setAccessibleName(title)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignLeft, self.title
        )
        area = QRectF(0, line + 8, self.width(), self.height() - line - 8)
        if not any(v for _, v in self.bars):
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        top = max(max(v for _, v in self.bars), 1)
        if self.horizontal:
            self._paint_rows(painter, metrics, area, top)
        else:
            self._paint_columns(painter, metrics, area, top)
        painter.end()

    def _paint_columns(
        self, painter: QPainter, metrics: QFontMetrics, area: QRectF, top: int
    ) -> None:
        line = metrics.height()
        plot = area.adjusted(0, line + 2, 0, -(line + 4))  # values above, labels below
        painter.setPen(GRID)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / len(self.bars)
        # Labels every few bars so they never overlap.
        widest = max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 8
        every = max(1, int(widest // max(slot, 1)) + 1)
        for n, (label, value) in enumerate(self.bars):
            height = plot.height() * value / top
            x = plot.left() + n * slot
            bar = QRectF(x + slot * 0.15, plot.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, BAR)
            painter.setPen(TEXT)
            text = self._format(value)
            if value and metrics.horizontalAdvance(text) <= slot * 1.1:
                painter.drawText(
                    QRectF(x - slot, bar.top() - line - 1, slot * 3, line),
                    Qt.AlignmentFlag.AlignCenter,
                    text,
                )
            if n % every == 0:
                # Centred under its bar, kept inside the chart at both ends.
                half = (metrics.horizontalAdvance(label) + 4) / 2
                centre = min(max(x + slot / 2, plot.left() + half), plot.right() - half)
                painter.drawText(
                    QRectF(centre - half, plot.bottom() + 2, half * 2, line),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )

    def _paint_rows(self, painter: QPainter, metrics: QFontMetrics, area: QRectF, top: int) -> None:
        line = metrics.height()
        names = min(max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 16, 180)
        values = max(metrics.horizontalAdvance(self._format(v)) for _, v in self.bars) + 8
        slot = min(area.height() / len(self.bars), line * 2.2)
        width = max(area.width() - names - values, 10)
        for n, (label, value) in enumerate(self.bars):
            y = area.top() + n * slot
            painter.setPen(TEXT)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(names - 8))
            painter.drawText(
                QRectF(0, y, names - 8, slot),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            bar = QRectF(names, y + slot * 0.2, width * value / top, slot * 0.6)
            painter.fillRect(bar, BAR)
            painter.drawText(
                QRectF(bar.right() + 4, y, values, slot),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._format(value),
            )
