"""The duplicates page: the view, wired to the duplicate service (online, managers only).
Each action runs as a task on the Qt event loop (qasync) and reloads both lists after it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clienteling.domain.errors import InvalidInput
from clienteling.services.devices import TerminalRevoked
from clienteling.services.duplicates import DuplicateService
from clienteling.ui import labels
from clienteling.ui.duplicates.view import DuplicatesView

log = logging.getLogger(__name__)


class DuplicatesPage(QWidget):
    loaded = Signal()  # both lists shown (or the problem)
    terminal_revoked = Signal()
    done = Signal(str)  # what was done, for the window's banner

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = DuplicatesView(self)
        self._service: DuplicateService | None = None
        self._task: asyncio.Future[None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.refresh_requested.connect(self.refresh)
        self.view.merge_requested.connect(self.on_view_merge_requested)
        self.view.dismiss_requested.connect(self.on_view_dismiss_requested)
        self.view.undo_requested.connect(self.on_view_undo_requested)

    def set_service(self, service: DuplicateService) -> None:
        self._service = service
        self.view.show_suggestions([])
        self.view.show_merges([])

    @property
    def available(self) -> bool:
        return self._service is not None and self._service.can_review

    def refresh(self) -> None:
        self._run(None)

    def on_view_merge_requested(self, suggestion_id: str, survivor_id: str) -> None:
        service = self._service
        if service is None:
            return

        async def merge() -> str:
            row = await service.merge(suggestion_id, survivor_id)
            log.info("profiles merged (%s into %s)", row.merged.id, row.survivor.id)
            return self.tr("The two profiles are one now: %1.").replace("%1", row.survivor.name)

        self._run(merge)

    def on_view_dismiss_requested(self, suggestion_id: str) -> None:
        service = self._service
        if service is None:
            return

        async def dismiss() -> str:
            await service.dismiss(suggestion_id)
            return self.tr("Kept as two customers.")

        self._run(dismiss)

    def on_view_undo_requested(self, merge_id: str) -> None:
        service = self._service
        if service is None:
            return

        async def undo() -> str:
            row = await service.undo(merge_id)
            log.info("merge undone (%s)", merge_id)
            return self.tr("Merge undone: %1 is a profile of its own again.").replace(
                "%1", row.merged.name
            )

        self._run(undo)

    def _run(self, action: Callable[[], Awaitable[str]] | None) -> None:
        if self.available:
            self._task = asyncio.ensure_future(self._act(action))

    async def _act(self, action: Callable[[], Awaitable[str]] | None) -> None:
        service = self._service
        assert service is not None
        try:
            said = await action() if action is not None else None
            suggestions = await service.suggestions()
            merges = await service.merges()
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.view.show_problem(labels.service_message(str(exc)))
        else:
            self.view.show_suggestions(suggestions)
            self.view.show_merges(merges)
            if said:
                self.done.emit(said)
        self.loaded.emit()
