"""audit.record: an append-only trail of what staff did on a terminal (server side only)."""

from __future__ import annotations

from typing import Any

from sync.protocol import AuditRecordArgs
from sync.server.models import AuditEvent
from sync.server.mutations.base import MutationContext, Rejected, handles


@handles("audit.record")
def record_audit(ctx: MutationContext, args: AuditRecordArgs) -> dict[str, Any]:
    if ctx.session.get(AuditEvent, args.id) is not None:
        raise Rejected("conflict", "An audit event with this id already exists.")
    ctx.session.add(
        AuditEvent(
            id=args.id,
            staff_id=ctx.auth.staff_id,
            device_id=ctx.auth.device_id,
            action=args.action,
            subject_id=args.subject_id,
            detail=args.detail,
            occurred_at=ctx.now,
        )
    )
    return {"id": args.id}
