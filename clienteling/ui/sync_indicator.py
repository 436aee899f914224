"""The always-visible sync indicator: online/offline, pending and rejected counts, last sync time.
Clicking it asks for the pending-changes list.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from clienteling.domain.models import SyncStatus
from clienteling.ui import labels
from clienteling.ui.formatting import plain_tooltip


class SyncIndicator(QToolButton):
    """A large status button for the status bar; `details_requested` opens the pending list."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._status: SyncStatus | None = None
        self.clicked.connect(self.details_requested)
        self.setText(self.tr("Starting…"))

    @property
    def pending_count(self) -> int:
        return self._status.pending if self._status is not None else 0

    @property
    def rejected_count(self) -> int:
        return self._status.rejected if self._status is not None else 0

    @property
    def online(self) -> bool:
        return bool(self._status and self._status.online)

    def loading_text(self, status: SyncStatus) -> str:
        """A new terminal's first sync: what is loading, how far, how long still."""
        loading = status.loading
        if loading is None:
            return "" if status.complete else self.tr("Loading this store's data…")
        what = (
            self.tr("Downloading this store's data")
            if loading.phase == "download"
            else self.tr("Loading this store's data")
        )
        if loading.percent is not None:
            what += f" {loading.percent}%"
            if loading.phase == "changes" and loading.total:
                what += " " + self.tr("(%1 of %2 records)").replace(
                    "%1", f"{loading.done:,}"
                ).replace("%2", f"{loading.total:,}")
        if loading.seconds_left is not None:
            what += " · " + (
                self.tr("about %n min left", "", math.ceil(loading.seconds_left / 60))
                if loading.seconds_left >= 60
                else self.tr("less than a minute left")
            )
        return what

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        if status.syncing:
            state = "● " + self.tr("Syncing")
        elif status.online:
            state = "● " + self.tr("Online")
        else:
            state = "○ " + self.tr("Offline")
        parts = [state]
        if status.pending:
            parts.append(self.tr("%1 pending").replace("%1", str(status.pending)))
        else:
            parts.append(self.tr("all saved"))
        if status.rejected:
            parts.append(self.tr("%1 rejected").replace("%1", str(status.rejected)))
        loading = self.loading_text(status)
        if loading:
            parts.append(loading)
        elif status.last_pull_at:
            parts.append(self.tr("last sync %1").replace("%1", labels.when(status.last_pull_at)))
        else:
            parts.append(self.tr("not synced yet"))
        self.setText("  ·  ".join(parts))
        tooltip = [self.tr("Tap to see pending and rejected changes")]
        if status.last_error:
            tooltip.append(self.tr("Last problem: %1").replace("%1", status.last_error))
        self.setToolTip(plain_tooltip("\n".join(tooltip)))
        # The stylesheet colours the indicator by these properties.
        self.setProperty("online", status.online)
        self.setProperty("attention", bool(status.rejected))
        self.style().unpolish(self)
        self.style().polish(self)
