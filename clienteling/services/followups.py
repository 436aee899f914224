"""Follow-ups at the counter (Lane A): my queue (overdue, today, upcoming by the store's
calendar), the store's whole queue for a manager, and what staff do with one: put it off, mark
it done with what was done, give it to a colleague (managers). Each is an outbox entry, shown at
once and sent by the sync engine; the server checks the role and the owner again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Literal, cast, get_args

from pydantic import ValidationError

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import FollowUp, FollowupQueue
from clienteling.domain.storetime import StoreClock
from clienteling.services.context import StaffContext
from clienteling.services.ports import SyncTrigger
from clienteling.storage.cache import LocalCache
from sync.protocol import (
    FollowupAssignArgs,
    FollowupCompleteArgs,
    FollowupResult,
    FollowupSnoozeArgs,
)

RESULTS: tuple[str, ...] = get_args(FollowupResult)
MANAGER_ROLES = ("manager", "admin")
MAX_SNOOZE = timedelta(days=90)
Scope = Literal["mine", "store"]


class FollowupService:
    def __init__(
        self, cache: LocalCache, context: StaffContext, trigger: SyncTrigger, clock: StoreClock
    ) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger
        self._clock = clock

    @property
    def can_manage(self) -> bool:
        """Managers see the store's whole queue and give follow-ups to colleagues."""
        return self._context.role in MANAGER_ROLES

    def queue(self, scope: Scope = "mine", now: datetime | None = None) -> FollowupQueue:
        staff = None if scope == "store" and self.can_manage else self._context.staff_id
        rows = self._cache.followup_queue(self._context.store_id, staff)
        now_local = self._clock.local(now or datetime.now(UTC))
        assert now_local is not None
        today = now_local.date()
        overdue: list[FollowUp] = []
        due_today: list[FollowUp] = []
        upcoming: list[FollowUp] = []
        for f in rows:
            day = self.due_day(f)
            if day is not None and day < today:
                overdue.append(f)
            elif day == today:
                due_today.append(f)
            else:
                upcoming.append(f)
        return FollowupQueue(tuple(overdue), tuple(due_today), tuple(upcoming))

    def due_day(self, f: FollowUp) -> date | None:
        """The store's calendar day the follow-up is due."""
        moment = self._clock.local(f.due_at) if f.due_at else None
        if moment is not None:
            return moment.date()
        try:
            return date.fromisoformat(f.due_date) if f.due_date else None
        except ValueError:
            return None

    def colleagues(self) -> dict[str, str]:
        """Who a manager can give a follow-up to: the store's staff (id -> name)."""
        return self._cache.store_staff(self._context.store_id)

    def _open(self, followup_id: str) -> FollowUp:
        current = self._cache.followup(followup_id)
        if current is None or current.status != "planned":
            raise InvalidInput("This follow-up is not open on this terminal.")
        if not self.can_manage and current.staff_id != self._context.staff_id:
            raise InvalidInput("This follow-up belongs to a colleague; ask a manager.")
        return current

    def _send(self, name: str, args: dict[str, object], current: FollowUp) -> None:
        self._cache.enqueue(
            name,
            args,
            customer_id=current.customer_id or None,
            summary=current.customer_name or current.rule or current.kind,
            meta=self._context.author_meta(),
        )
        self._trigger.request_sync()

    def snooze(self, followup_id: str, until: datetime) -> None:
        """Put it off until `until` (aware; at most 90 days ahead)."""
        current = self._open(followup_id)
        now = datetime.now(UTC)
        if until.tzinfo is None or until <= now or until > now + MAX_SNOOZE:
            raise InvalidInput("Put a follow-up off to a time ahead, at most 90 days.")
        args = FollowupSnoozeArgs(id=current.id, until=until.astimezone(UTC))
        self._send("followup.snooze", args.model_dump(mode="json"), current)

    def snooze_days(self, followup_id: str, days: int) -> None:
        """Put it off by whole days, to the same time of day (or the start of business)."""
        current = self._open(followup_id)
        base = self._clock.local(current.due_at) if current.due_at else None
        now = self._clock.now()
        start = max(base or now, now)
        self.snooze(followup_id, start + timedelta(days=days))

    def complete(self, followup_id: str, result: str, note: str = "") -> None:
        current = self._open(followup_id)
        if result not in RESULTS:
            raise InvalidInput("Say what was done: message sent, called, visited, not interested.")
        try:
            args = FollowupCompleteArgs(
                id=current.id, result=cast(FollowupResult, result), outcome=note.strip()
            )
        except ValidationError:
            raise InvalidInput("The note is too long (at most 2,000 characters).") from None
        self._send("followup.complete", args.model_dump(mode="json"), current)

    def assign(self, followup_id: str, staff_id: str) -> None:
        if not self.can_manage:
            raise InvalidInput("Only a manager gives a follow-up to a colleague.")
        current = self._open(followup_id)
        if staff_id not in self.colleagues():
            raise InvalidInput("Choose a colleague of this store.")
        args = FollowupAssignArgs(id=current.id, staff_id=staff_id)
        self._send("followup.assign", args.model_dump(mode="json"), current)
