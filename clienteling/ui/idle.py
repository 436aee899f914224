"""Notices when nobody has touched the terminal for a while (an application-wide event filter:
any key, click, touch or wheel restarts the count)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
)


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, after_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(after_s * 1000))
        self._timer.timeout.connect(self.idle)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False

    def restart(self) -> None:
        self._timer.start()
