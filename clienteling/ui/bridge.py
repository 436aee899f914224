"""Turns the sync engine's plain listener callbacks into a Qt signal the widgets can connect to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SyncBridge(QObject):
    """Pass `bridge.notify` to `SyncEngine.add_listener`; connect to `sync_changed`.

    A signal emitted from another thread is queued to the receiver's thread by Qt, so widgets
    are only ever touched on the UI thread even if a listener fires elsewhere.
    """

    sync_changed = Signal()

    def notify(self) -> None:
        self.sync_changed.emit()
