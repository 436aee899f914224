"""Wire schemas of messages to customers: composed for a follow-up (from a template per
channel and language, filled from the profile), approved or rejected by a manager, then sent by
the server's dispatcher at most once, with consent checked at send time.

Statuses: `draft` -> `approved` -> `sending` -> `sent`; `rejected` (by a manager), `blocked`
(no consent at send time: `blocked_reason`), `failed` (the provider refused it after the
retries), `unknown` (a dispatcher stopped mid-send and the provider cannot say whether it
went: never sent again without a person deciding).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, StringConstraints

from sync.protocol import Strict

MessageStatus = Literal[
    "draft", "approved", "sending", "sent", "rejected", "blocked", "failed", "unknown"
]
MessageChannel = Literal["email", "sms", "line"]
Language = Literal["ja", "en"]
Subject = Annotated[str, StringConstraints(max_length=200)]
Body = Annotated[str, StringConstraints(min_length=1, max_length=5000)]


class MessageCompose(Strict):
    """A draft for a follow-up; subject and body from the template when not given."""

    language: Language = "ja"
    subject: Subject | None = None
    body: Body | None = None


class MessageEdit(Strict):
    subject: Subject | None = None
    body: Body | None = None


class MessagePublic(BaseModel):
    id: str
    followup_id: str
    customer_id: str
    store_id: str
    channel: str
    language: str
    subject: str
    body: str
    status: MessageStatus
    created_by: str | None  # staff names
    approved_by: str | None
    send_after: datetime | None
    sent_at: datetime | None
    attempts: int
    blocked_reason: str | None
    last_error: str | None
    has_cart_link: bool = False  # the message carries a link to a cart of its items
    # The recommended categories added as blocks when it is sent (labels, its language).
    category_blocks: list[str] = []
    opened_at: datetime | None = None
    clicked_at: datetime | None = None


class MessageList(BaseModel):
    messages: list[MessagePublic]


class DispatchReport(BaseModel):
    sent: int
    blocked: int
    failed: int
    retried: int
    unknown: int
