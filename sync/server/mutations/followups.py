"""followup.create/update/complete/snooze/assign: planned contacts, only on channels the customer
agreed to. An associate acts on the follow-ups they own; a manager on every one of the store
(and gives them to colleagues); an admin anywhere."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sync.protocol import (
    FollowupAssignArgs,
    FollowupCompleteArgs,
    FollowupCreateArgs,
    FollowupSnoozeArgs,
    FollowupUpdateArgs,
)
from sync.server.documents import followup_data, publish_customer_child
from sync.server.models import FollowUp, Staff, Store
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
    require_store,
)
from sync.server.mutations.consents import has_marketing_consent
from sync.server.timeutil import as_utc

SNOOZE_LIMIT = timedelta(days=90)


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


def _is_manager(ctx: MutationContext) -> bool:
    return ctx.auth.role in ("manager", "admin")


def _load_open(ctx: MutationContext, followup_id: str) -> FollowUp:
    row = ctx.session.get(FollowUp, followup_id)
    if row is None:
        raise Rejected("not_found", "The follow-up does not exist.")
    require_store(ctx, row.store_id, "follow-up")
    if not _is_manager(ctx) and row.staff_id != ctx.auth.staff_id:
        raise Rejected("forbidden", "This follow-up belongs to a colleague; ask a manager.")
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
    row.updated_at = ctx.now
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "followup", row.id, followup_data(row))
    return {"id": row.id, "status": row.status}


@handles("followup.complete")
def complete_followup(ctx: MutationContext, args: FollowupCompleteArgs) -> dict[str, Any]:
    row = _load_open(ctx, args.id)
    customer = load_customer(ctx, row.customer_id)
    row.status = "done"
    row.outcome = args.outcome
    row.result = args.result
    row.updated_at = ctx.now
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "followup", row.id, followup_data(row))
    return {"id": row.id, "status": row.status}


def _publish(ctx: MutationContext, row: FollowUp) -> dict[str, Any]:
    customer = load_customer(ctx, row.customer_id)
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "followup", row.id, followup_data(row))
    return {"id": row.id, "status": row.status, "staff_id": row.staff_id}


@handles("followup.snooze")
def snooze_followup(ctx: MutationContext, args: FollowupSnoozeArgs) -> dict[str, Any]:
    row = _load_open(ctx, args.id)
    until = as_utc(args.until)
    if until <= ctx.now:
        raise Rejected("invalid_args", "A follow-up is put off until a time still ahead.")
    if until > ctx.now + SNOOZE_LIMIT:
        raise Rejected("invalid_args", "A follow-up is put off by at most 90 days.")
    store = ctx.session.get(Store, row.store_id)
    zone = ZoneInfo(store.timezone) if store else ZoneInfo("Asia/Tokyo")
    row.due_at = until
    row.due_date = until.astimezone(zone).date()
    row.updated_at = ctx.now
    return _publish(ctx, row)


@handles("followup.assign")
def assign_followup(ctx: MutationContext, args: FollowupAssignArgs) -> dict[str, Any]:
    if not _is_manager(ctx):
        raise Rejected("forbidden", "Only a manager gives a follow-up to a colleague.")
    row = _load_open(ctx, args.id)
    staff = ctx.session.get(Staff, args.staff_id)
    if staff is None or not staff.active or staff.store_id != row.store_id:
        raise Rejected("not_found", "No colleague with this id works at the follow-up's store.")
    row.staff_id = staff.id
    row.updated_at = ctx.now
    return _publish(ctx, row)
