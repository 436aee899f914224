"""Wire schemas of the audit trail's read side (`/v1/audit`): what a manager sees of who did
what to whose data, and whether the trail is intact."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class AuditEventPublic(BaseModel):
    id: str
    occurred_at: datetime  # when it happened, by the terminal's clock
    recorded_at: datetime | None  # when the server received it
    action: str  # profile.view, search, reveal, export, or edit:<mutation>
    staff_id: str
    staff_name: str
    device_id: str
    device_name: str
    store_id: str | None
    customer_id: str | None
    customer_name: str | None  # None for a customer of another region
    detail: str


class AuditList(BaseModel):
    events: list[AuditEventPublic]
    more: bool  # older events match too: ask again with `before` = the last occurred_at


class AuditProblem(BaseModel):
    device_id: str
    seq: int
    problem: str  # "altered", "missing", "cut" (events after the last one are gone)


class AuditVerification(BaseModel):
    ok: bool
    devices: int
    events: int
    problems: list[AuditProblem]
