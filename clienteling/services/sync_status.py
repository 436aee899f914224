"""What the always-visible sync indicator and the pending-changes list show."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from clienteling.domain.models import Loading, PendingChange, SyncStatus
from clienteling.services.ports import EngineStatusSource, SyncTrigger
from clienteling.storage.cache import LAST_PULL_AT, LocalCache


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _loading(progress: Any, now: datetime) -> Loading | None:
    """The engine's first-sync progress (sync.client.engine.LoadProgress), with the time left
    at the pace so far (once a tenth is done, so that the first pages' pace does not mislead)."""
    if progress is None:
        return None
    done, total = int(progress.done), progress.total
    left = None
    if total and done * 10 >= total:
        elapsed = max(0.0, (now - progress.started_at).total_seconds())
        left = elapsed * (total - done) / done
    return Loading(phase=str(progress.phase), done=done, total=total, seconds_left=left)


class SyncStatusService:
    def __init__(self, cache: LocalCache, source: EngineStatusSource, trigger: SyncTrigger) -> None:
        self._cache = cache
        self._source = source
        self._trigger = trigger

    def status(self, now: datetime | None = None) -> SyncStatus:
        engine = self._source.status
        stats = self._cache.outbox_stats()
        now = now or datetime.now(UTC)
        age = (
            max(0.0, (now - stats.oldest_pending_at).total_seconds())
            if stats.oldest_pending_at
            else None
        )
        last_pull = (
            engine.last_pull_at.isoformat()
            if engine.last_pull_at
            else self._cache.get_state(LAST_PULL_AT)
        )
        details: list[str] = []
        if not engine.online:
            details.append("Offline: changes are kept on this terminal and sent later.")
        if stats.pending:
            details.append(f"{_plural(stats.pending, 'change')} waiting to be sent.")
        if stats.rejected:
            details.append(f"{_plural(stats.rejected, 'change')} refused by the server.")
        if engine.last_error:
            details.append(f"Last problem: {engine.last_error}")
        return SyncStatus(
            complete=self._cache.first_sync_done(),
            loading=_loading(getattr(engine, "loading", None), now),
            online=engine.online,
            pending=stats.pending,
            rejected=stats.rejected,
            oldest_pending_age_s=age,
            last_pull_at=last_pull,
            last_error=engine.last_error,
            syncing=engine.syncing,
            details=tuple(details),
        )

    def pending_changes(self) -> list[PendingChange]:
        """Pending and rejected entries, oldest first."""
        return self._cache.outbox_entries()

    def dismiss(self, mutation_id: str) -> None:
        """Forget a rejected change the staff member has read (pending ones are kept)."""
        self._cache.dismiss_rejected(mutation_id)

    def sync_now(self) -> None:
        self._trigger.request_sync(now=True)
