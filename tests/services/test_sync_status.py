"""SyncStatusService: what the indicator and the pending-changes list show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from clienteling.services.context import StaffContext
from clienteling.services.notes import NoteService
from clienteling.services.search import NOT_FOUND_YET, SearchService
from clienteling.services.sync_status import SyncStatusService
from clienteling.storage.cache import LocalCache
from sync.client.engine import LoadProgress
from sync.protocol import MutationResult
from tests.services.conftest import CUSTOMER, RecordingTrigger
from tests.storage.factories import page


@dataclass(frozen=True)
class FakeEngineStatus:
    online: bool
    syncing: bool
    last_pull_at: datetime | None
    last_error: str | None


@dataclass
class FakeEngine:
    """The engine's status is an edge here: the service only reads it."""

    status: FakeEngineStatus


def test_status_counts_pending_and_rejected_and_explains_offline(
    cache: LocalCache, staff: StaffContext, trigger: RecordingTrigger
) -> None:
    notes = NoteService(cache, staff, trigger)
    first = notes.add(CUSTOMER["id"], "一")
    notes.add(CUSTOMER["id"], "二")
    refused = cache.pending_mutations(1)[0].mutation_id
    cache.record_push_results([MutationResult(id=refused, status="rejected", reason="forbidden")])
    engine = FakeEngine(FakeEngineStatus(False, False, None, "connection refused"))
    service = SyncStatusService(cache, engine, trigger)

    later = datetime.now(UTC) + timedelta(minutes=10)
    status = service.status(now=later)

    assert (status.online, status.pending, status.rejected) == (False, 1, 1)
    assert status.oldest_pending_age_s is not None and 550 < status.oldest_pending_age_s < 660
    assert status.last_error == "connection refused"
    assert any("Offline" in line for line in status.details)
    assert "1 change waiting to be sent." in status.details
    assert status.last_pull_at is not None  # from the cache's own record of the last pull
    assert first.id  # the first note is the rejected one

    listed = service.pending_changes()
    assert [c.status for c in listed] == ["rejected", "pending"]
    service.dismiss(refused)
    assert [c.status for c in service.pending_changes()] == ["pending"]


def test_online_and_idle_with_nothing_pending(cache: LocalCache, trigger: RecordingTrigger) -> None:
    pulled = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    service = SyncStatusService(
        cache, FakeEngine(FakeEngineStatus(True, True, pulled, None)), trigger
    )
    status = service.status()
    assert (status.online, status.syncing, status.pending, status.rejected) == (True, True, 0, 0)
    assert status.oldest_pending_age_s is None
    assert status.last_pull_at == pulled.isoformat()
    assert status.details == ()


def test_sync_now_wakes_the_engine(cache: LocalCache, trigger: RecordingTrigger) -> None:
    engine = FakeEngine(FakeEngineStatus(True, False, None, None))
    SyncStatusService(cache, engine, trigger).sync_now()
    assert trigger.calls == 1


@dataclass(frozen=True)
class LoadingEngineStatus(FakeEngineStatus):
    loading: LoadProgress | None = None


def test_a_first_sync_says_how_far_it_is_and_how_long_is_left(
    tmp_path: Path, trigger: RecordingTrigger
) -> None:
    fresh = LocalCache.open(tmp_path / "new.db", None)
    try:
        now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
        began = now - timedelta(seconds=30)
        engine = FakeEngine(
            LoadingEngineStatus(
                True, True, None, None, LoadProgress("changes", 250_000, 1_000_000, began)
            )
        )
        status = SyncStatusService(fresh, engine, trigger).status(now)
        assert not status.complete
        assert status.loading is not None and status.loading.percent == 25
        assert status.loading.seconds_left == 90.0  # a quarter in 30 s: 90 s to go
        early = FakeEngine(
            LoadingEngineStatus(
                True, True, None, None, LoadProgress("changes", 5_000, 1_000_000, began)
            )
        )
        assert SyncStatusService(fresh, early, trigger).status(now).loading.seconds_left is None  # type: ignore[union-attr]
        # Search finds nobody *yet*, and says so.
        assert SearchService(fresh).search("山田").message == NOT_FOUND_YET
    finally:
        fresh.close()
    # A cache whose first sync is done says plainly that nobody matched.
    done = LocalCache.open(tmp_path / "done.db", None)
    try:
        done.apply_pull_page(page())
        assert SyncStatusService(done, engine, trigger).status(now).complete
        assert SearchService(done).search("誰もいない").message == "No customer found"
    finally:
        done.close()
