"""The audit trail, from the terminal's side.

`AuditService` reports what only the terminal sees (a profile opened, a search), as
`audit.record` entries queued in the outbox like any change, so they are sent offline too; the
server records edits itself. A search is reported by its kind and number of hits, never by the
text typed; the searches of one burst of typing are one event.

`AuditReader` is the manager's view of the trail (online: the central API holds it and decides
who may read what).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from clienteling.domain.errors import InvalidInput
from clienteling.services.context import StaffContext
from clienteling.services.devices import MANAGER_ROLES, online_problem
from clienteling.services.ports import AuditSource, SyncTrigger
from clienteling.storage.cache import LocalCache
from clienteling.storage.outbox import AUDIT, utc_now_iso
from sync.client.api import ApiError
from sync.protocol import AuditRecordArgs, new_id
from sync.protocol.audit import AuditEventPublic

SEARCH_BURST_S = 3.0  # searches this close together are one (the same name being typed)
OFFLINE = "The audit trail needs the server: this terminal is offline."
NOT_A_MANAGER = "Only a manager can read the audit trail."


class AuditService:
    def __init__(
        self,
        cache: LocalCache,
        context: StaffContext,
        trigger: SyncTrigger,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger
        self._clock = clock
        self._last_search = -SEARCH_BURST_S

    def viewed(self, customer_id: str) -> None:
        """A customer's profile was opened at this terminal."""
        self._record("profile.view", customer_id=customer_id)

    def revealed(self, customer_id: str) -> None:
        """A customer's masked phone and email were shown in full."""
        self._record("reveal", customer_id=customer_id)

    def searched(self, hits: int, matched_on: set[str]) -> None:
        """A search ran: what kind (name, phone, card...) and how many it found."""
        now = self._clock()
        if now - self._last_search < SEARCH_BURST_S:
            self._last_search = now
            return
        self._last_search = now
        kinds = ", ".join(sorted(matched_on)) or "none"
        self._record("search", detail=f"{kinds}: {hits} found")

    def _record(self, action: str, *, customer_id: str | None = None, detail: str = "") -> None:
        args = AuditRecordArgs(
            id=new_id(),
            action=action,
            customer_id=customer_id,
            detail=detail,
        )
        self._cache.enqueue(
            AUDIT,
            args.model_dump(mode="json", exclude_none=True),
            customer_id=None,  # not a change of the profile: nothing to show on it
            summary=action,
            meta=self._context.author_meta(),
            created_at=utc_now_iso(),
        )
        self._trigger.request_sync()


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: str
    occurred_at: datetime
    action: str
    staff_name: str
    device_name: str
    customer_name: str | None
    customer_id: str | None
    detail: str


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    more: bool


def _row(e: AuditEventPublic) -> AuditRow:
    return AuditRow(
        id=e.id,
        occurred_at=e.occurred_at,
        action=e.action,
        staff_name=e.staff_name,
        device_name=e.device_name,
        customer_name=e.customer_name,
        customer_id=e.customer_id,
        detail=e.detail,
    )


class AuditReader:
    def __init__(self, api: AuditSource | None, context: StaffContext) -> None:
        self._api = api
        self._context = context

    @property
    def can_read(self) -> bool:
        return self._api is not None and self._context.role in MANAGER_ROLES

    async def events(
        self,
        *,
        action: str | None = None,
        since: datetime | None = None,
        before: datetime | None = None,
        limit: int = 100,
    ) -> AuditPage:
        api = self._require()
        try:
            reply = await api.audit_events(action=action, since=since, before=before, limit=limit)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        return AuditPage(tuple(_row(e) for e in reply.events), reply.more)

    async def verify(self) -> tuple[bool, int, int]:
        """(intact, events checked, problems found)."""
        api = self._require()
        try:
            found = await api.verify_audit()
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        return found.ok, found.events, len(found.problems)

    def _require(self) -> AuditSource:
        if self._api is None or not self.can_read:
            raise InvalidInput(NOT_A_MANAGER)
        return self._api
