"""followup.create/update/complete: planned contacts, only on channels the customer agreed to."""

from __future__ import annotations

import json
from typing import Any

from sync.protocol import FollowupCompleteArgs, FollowupCreateArgs, FollowupUpdateArgs
from sync.server.documents import followup_data, publish_customer_child
from sync.server.models import FollowUp
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
    require_store,
)
from sync.server.mutations.consents import has_marketing_consent


def _require_consent(ctx: MutationContext, customer_id: str, channel: str) -> None:
    if not has_marketing_consent(ctx.session, customer_id, channel):
        raise Rejected(
            "no_consent",
            f"The customer has not agreed to marketing messages by {channel}.",
            {"channel": channel},
        )


@handles("followup.create")
def create_followup(ctx: MutationContext, args: FollowupCreateArgs) -> dict[str, Any]:
    customer = load_customer(ctx, args.customer_id)
    _require_consent(ctx, customer.id, args.channel)
    if ctx.session.get(FollowUp, args.id) is not None:
        raise Rejected("conflict", "A follow-up with this id already exists.")
    row = FollowUp(
        id=args.id,
        customer_id=customer.id,
        store_id=ctx.store_id,
        staff_id=ctx.auth.staff_id,
        due_date=args.due_date,
        channel=args.channel,
        kind=args.kind,
        status="planned",
        skus_json=json.dumps(args.skus),
        note=args.note,
        created_at=ctx.now,
    )
    ctx.session.add(row)
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "followup", row.id, followup_data(row))
    return {"id": row.id, "status": row.status}


def _load_open(ctx: MutationContext, followup_id: str) -> FollowUp:
    row = ctx.session.get(FollowUp, followup_id)
    if row is None:
        raise Rejected("not_found", "The follow-up does not exist.")
    require_store(ctx, row.store_id, "follow-up")
    if row.status != "planned":
        raise Rejected(
            "conflict", f"The follow-up is already {row.status}.", {"status": row.status}
        )
    return row


@handles("followup.update")
def update_followup(ctx: MutationContext, args: FollowupUpdateArgs) -> dict[str, Any]:
    row = _load_open(ctx, args.id)
    customer = load_customer(ctx, row.customer_id)
    if args.channel is not None and args.channel != row.channel:
        _require_consent(ctx, customer.id, args.channel)
        row.channel = args.channel
    if args.due_date is not None:
        row.due_date = args.due_date
    if args.skus is not None:
        row.skus_json = json.dumps(args.skus)
    if args.note is not None:
        row.note = args.note
    if args.status is not None:
        row.status = args.status
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "followup", row.id, followup_data(row))
    return {"id": row.id, "status": row.status}


@handles("followup.complete")
def complete_followup(ctx: MutationContext, args: FollowupCompleteArgs) -> dict[str, Any]:
    row = _load_open(ctx, args.id)
    customer = load_customer(ctx, row.customer_id)
    row.status = "done"
    row.outcome = args.outcome
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "followup", row.id, followup_data(row))
    return {"id": row.id, "status": row.status}
