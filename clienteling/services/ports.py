"""Small protocols the services need from the sync engine; the app wires the real engine in."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class SyncTrigger(Protocol):
    def request_sync(self) -> None:
        """Ask for a push/pull soon; must not block."""
        ...


class EngineStatusLike(Protocol):
    """The fields of the engine's status the sync indicator shows."""

    @property
    def online(self) -> bool: ...
    @property
    def syncing(self) -> bool: ...
    @property
    def last_pull_at(self) -> datetime | None: ...
    @property
    def last_error(self) -> str | None: ...


class EngineStatusSource(Protocol):
    @property
    def status(self) -> EngineStatusLike: ...
