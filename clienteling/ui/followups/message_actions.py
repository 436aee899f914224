"""The follow-up page's messages (online): write the selected follow-up's message, and for a
manager review the store's drafts. Requests run one after another (a save before an approval
of what was edited)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import FollowUp
from clienteling.services.devices import TerminalRevoked
from clienteling.services.messages import MESSAGE_CHANNELS, MessageService
from clienteling.ui import labels
from clienteling.ui.followups.message_dialog import MessageDialog


class MessageActions(QObject):
    opened = Signal()  # a dialog is showing
    answered = Signal()  # a request came back
    failed = Signal(str)
    terminal_revoked = Signal()

    def __init__(self, parent: QWidget, names: Callable[[], dict[str, str]]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._names = names
        self.service: MessageService | None = None
        self.dialog: MessageDialog | None = None
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Future[None]] = set()

    def can_write(self, f: FollowUp | None) -> bool:
        return (
            self.service is not None
            and self.service.available
            and f is not None
            and f.channel in MESSAGE_CHANNELS
            and f.status == "planned"
        )

    def write(self, f: FollowUp) -> None:
        self._start(lambda: self._open_for(f))

    def review(self) -> None:
        self._start(self._open_review)

    # -- work -------------------------------------------------------------------------------

    def _start(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        task = asyncio.ensure_future(self._serially(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _serially(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        async with self._lock:
            try:
                await work()
            except TerminalRevoked:
                self.terminal_revoked.emit()
            except InvalidInput as exc:
                text = labels.service_message(str(exc))
                if self.dialog is not None and self.dialog.isVisible():
                    self.dialog.show_problem(text)
                else:
                    self.failed.emit(text)
            self.answered.emit()

    async def _open_for(self, f: FollowUp) -> None:
        assert self.service is not None
        message = await self.service.draft_for(f.id)
        self._show([message])

    async def _open_review(self) -> None:
        assert self.service is not None
        self._show(await self.service.to_review())

    def _show(self, messages: list[Any]) -> None:
        assert self.service is not None
        dialog = MessageDialog(
            messages, can_decide=self.service.can_decide, names=self._names(), parent=self._parent
        )
        dialog.save_requested.connect(
            lambda mid, subject, body: self._start(lambda: self._save(mid, subject, body))
        )
        dialog.decide_requested.connect(
            lambda mid, approve: self._start(lambda: self._decide(mid, approve))
        )
        self.dialog = dialog
        dialog.open()
        self.opened.emit()

    async def _save(self, message_id: str, subject: str, body: str) -> None:
        assert self.service is not None
        saved = await self.service.save(message_id, subject, body)
        if self.dialog is not None:
            self.dialog.show_message(saved)

    async def _decide(self, message_id: str, approve: bool) -> None:
        assert self.service is not None
        decided = await self.service.decide(message_id, approve)
        if self.dialog is not None:
            self.dialog.show_message(decided)
