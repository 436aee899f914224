"""Small protocols the services need from the sync engine and the central API; the app wires
the real ones in."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sync.protocol import DeviceList, DevicePublic, ErasureReport
from sync.protocol.audit import AuditList, AuditVerification
from sync.protocol.dashboard import DashboardReport
from sync.protocol.merges import MergeList, MergePublic, SuggestionList
from sync.protocol.messages import MessageList, MessagePublic


class SyncTrigger(Protocol):
    def request_sync(self, *, now: bool = False) -> None:
        """Ask for a push/pull soon; must not block. `now`: even during a backoff (a person
        asked for it); a local write leaves the backoff alone."""
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


class PrivacyAdmin(Protocol):
    """The central API's data-subject requests (sync.client.api.ApiClient)."""

    async def erase_customer(self, customer_id: str) -> ErasureReport: ...
    async def disclosure(self, customer_id: str, format: str) -> bytes: ...


class MessageSource(Protocol):
    """The central API's messages for follow-ups (sync.client.api.ApiClient)."""

    async def compose_message(self, followup_id: str, language: str) -> MessagePublic: ...
    async def messages(
        self, *, status: str | None = None, followup_id: str | None = None
    ) -> MessageList: ...
    async def edit_message(self, message_id: str, subject: str, body: str) -> MessagePublic: ...
    async def decide_message(self, message_id: str, approve: bool) -> MessagePublic: ...


class DashboardSource(Protocol):
    """The central API's follow-up dashboard (sync.client.api.ApiClient)."""

    async def dashboard(self, since: date, until: date) -> DashboardReport: ...
    async def dashboard_csv(self, since: date, until: date) -> bytes: ...


class AuditSource(Protocol):
    """The central API's audit trail (sync.client.api.ApiClient)."""

    async def audit_events(
        self,
        *,
        action: str | None,
        since: datetime | None,
        before: datetime | None,
        limit: int,
    ) -> AuditList: ...
    async def verify_audit(self) -> AuditVerification: ...


class IdentityAdmin(Protocol):
    """The central API's duplicate review (sync.client.api.ApiClient)."""

    async def merge_suggestions(self) -> SuggestionList: ...
    async def approve_merge(self, suggestion_id: str, survivor_id: str | None) -> MergePublic: ...
    async def dismiss_suggestion(self, suggestion_id: str) -> SuggestionList: ...
    async def merges(self) -> MergeList: ...
    async def undo_merge(self, merge_id: str) -> MergePublic: ...


class DeviceAdmin(Protocol):
    """The central API's device administration (sync.client.api.ApiClient)."""

    async def devices(self) -> DeviceList: ...
    async def revoke_device(self, device_id: str) -> DevicePublic: ...
