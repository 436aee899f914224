"""A follow-up's delivery status, kept on the follow-up so the profile on every terminal shows
it (it syncs with the follow-up): queued once approved, then sent, blocked or failed, then
opened and clicked as the customer does. A message that went makes its follow-up done with the
result `message_sent`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from sync.server.documents import followup_data, publish_customer_child
from sync.server.models import Customer, FollowUp, Message

# What a message's status shows as on its follow-up.
SHOWN = {
    "draft": "draft",
    "approved": "queued",
    "sent": "sent",
    "blocked": "blocked",
    "failed": "failed",
    "rejected": "rejected",
    "unknown": "unknown",
}
# Engagement only moves forward: an open after a click does not hide the click.
_ENGAGEMENT = ("sent", "opened", "clicked")


def note(session: Session, message: Message, status: str, at: datetime) -> None:
    """Show `status` (a message status, or "opened" / "clicked") on the message's follow-up
    and publish it; no-op when it would step back."""
    show(session, message.followup_id, status, at)


def show(
    session: Session, followup_id: str, status: str, at: datetime, region: str | None = None
) -> None:
    """`note` by the follow-up's id (its customer's region when the caller knows it)."""
    row = session.get(FollowUp, followup_id)
    if row is None:
        return
    shown = SHOWN.get(status, status)
    now = row.message_status
    backwards = now in _ENGAGEMENT and shown in _ENGAGEMENT
    if backwards and _ENGAGEMENT.index(shown) <= _ENGAGEMENT.index(str(now)):
        return
    row.message_status, row.message_at, row.updated_at = shown, at, at
    if shown == "sent" and row.status == "planned":
        row.status, row.result = "done", "message_sent"
    publish(session, row, region)


def publish(session: Session, row: FollowUp, region: str | None = None) -> None:
    session.flush()
    if region is None:
        customer = session.get(Customer, row.customer_id)
        region = customer.region if customer is not None else None
    if region is not None:
        publish_customer_child(session, region, "followup", row.id, followup_data(row))
