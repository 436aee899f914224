"""The audit page: the view wired to the audit reader (online, managers only)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clienteling.domain.errors import InvalidInput
from clienteling.services.audit import AuditReader
from clienteling.services.devices import TerminalRevoked
from clienteling.ui import labels
from clienteling.ui.audit.view import AuditView

PAGE = 100


class AuditPage(QWidget):
    loaded = Signal()
    terminal_revoked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = AuditView(self)
        self._reader: AuditReader | None = None
        self._task: asyncio.Future[None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.refresh_requested.connect(self.refresh)
        self.view.more_requested.connect(lambda: self._start(lambda: self._load(more=True)))
        self.view.verify_requested.connect(lambda: self._start(self._verify))

    def set_reader(self, reader: AuditReader) -> None:
        self._reader = reader
        self.view.show_rows([], False)

    @property
    def available(self) -> bool:
        return self._reader is not None and self._reader.can_read

    def refresh(self) -> None:
        self._start(lambda: self._load(more=False))

    def _start(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        if self.available:
            self._task = asyncio.ensure_future(work())

    async def _load(self, *, more: bool) -> None:
        reader = self._reader
        assert reader is not None
        shown = self.view.rows()
        since = datetime.now(UTC) - timedelta(days=self.view.chosen_days())
        before = shown[-1].occurred_at if more and shown else None
        try:
            page = await reader.events(
                action=self.view.chosen_action(), since=since, before=before, limit=PAGE
            )
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.view.show_problem(labels.service_message(str(exc)))
        else:
            self.view.show_rows(page.rows, page.more, append=more)
        self.loaded.emit()

    async def _verify(self) -> None:
        reader = self._reader
        assert reader is not None
        try:
            intact, events, problems = await reader.verify()
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.view.show_problem(labels.service_message(str(exc)))
        else:
            self.view.show_problem(
                self.tr("The trail is intact: %1 events checked.").replace("%1", f"{events:,}")
                if intact
                else self.tr(
                    "The trail was tampered with: %1 problem(s) found. Tell the administrator."
                ).replace("%1", str(problems))
            )
        self.loaded.emit()
