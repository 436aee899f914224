"""consent.record: a new ledger row, then the customer document is re-published."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import ConsentRecordArgs
from sync.server.documents import publish_customer
from sync.server.models import Consent
from sync.server.mutations.base import MutationContext, Rejected, handles, load_customer


def has_marketing_consent(session: Session, customer_id: str, channel: str) -> bool:
    """True when the latest marketing ledger entry for this channel is a grant."""
    latest = session.execute(
        select(Consent.state)
        .where(
            Consent.customer_id == customer_id,
            Consent.purpose == "marketing",
            Consent.channel == channel,
        )
        .order_by(col(Consent.recorded_at).desc(), col(Consent.id).desc())
        .limit(1)
    ).scalar_one_or_none()
    return latest == "granted"


@handles("consent.record")
def record_consent(ctx: MutationContext, args: ConsentRecordArgs) -> dict[str, Any]:
    customer = load_customer(ctx, args.customer_id)
    if ctx.session.get(Consent, args.id) is not None:
        raise Rejected("conflict", "A consent entry with this id already exists.")
    ctx.session.add(
        Consent(
            id=args.id,
            customer_id=customer.id,
            purpose=args.purpose,
            channel=args.channel,
            state=args.state,
            source="store",
            staff_id=ctx.auth.staff_id,
            wording_version=args.wording_version,
            recorded_at=ctx.now,
        )
    )
    customer.updated_at = ctx.now
    publish_customer(ctx.session, customer)
    return {"id": args.id, "state": args.state}
