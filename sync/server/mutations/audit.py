"""audit.record: what a terminal reports of itself (a profile opened, a search, a reveal, an
export), appended to that terminal's chain in the audit trail (sync.server.audit)."""

from __future__ import annotations

from typing import Any

from sync.protocol import AuditRecordArgs
from sync.server import audit
from sync.server.models import AuditEvent
from sync.server.mutations.base import MutationContext, Rejected, handles


@handles("audit.record")
def record_audit(ctx: MutationContext, args: AuditRecordArgs) -> dict[str, Any]:
    if ctx.session.get(AuditEvent, args.id) is not None:
        raise Rejected("conflict", "An audit event with this id already exists.")
    audit.append(
        ctx.session,
        device_id=ctx.auth.device_id,
        staff_id=ctx.auth.staff_id,
        store_id=ctx.store_id,
        action=args.action,
        customer_id=args.customer_id or args.subject_id,
        subject_id=args.subject_id,
        detail=args.detail,
        occurred_at=ctx.client_time,  # when it happened at the counter, offline too
        event_id=args.id,
    )
    return {"id": args.id}
