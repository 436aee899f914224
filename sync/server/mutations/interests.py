"""interest.add/update: items a customer looked at or asked about, logged by staff."""

from __future__ import annotations

from typing import Any

from sync.protocol import InterestAddArgs, InterestUpdateArgs
from sync.server.documents import interest_data, publish_customer_child
from sync.server.models import Interest, Product
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
    require_store,
)


@handles("interest.add")
def add_interest(ctx: MutationContext, args: InterestAddArgs) -> dict[str, Any]:
    if args.sku is None and args.category is None:
        raise Rejected("invalid_args", "Give a product (sku) or a category.")
    customer = load_customer(ctx, args.customer_id)
    category = args.category
    if args.sku is not None:
        product = ctx.session.get(Product, args.sku)
        if product is None:
            raise Rejected("not_found", "The product does not exist.")
        category = category or product.category
    if ctx.session.get(Interest, args.id) is not None:
        raise Rejected("conflict", "An interest with this id already exists.")
    row = Interest(
        id=args.id,
        customer_id=customer.id,
        sku=args.sku,
        category=category,
        comment=args.comment,
        staff_id=ctx.auth.staff_id,
        store_id=ctx.store_id,
        created_at=ctx.now,
        status="open",
    )
    ctx.session.add(row)
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "interest", row.id, interest_data(row))
    return {"id": row.id}


@handles("interest.update")
def update_interest(ctx: MutationContext, args: InterestUpdateArgs) -> dict[str, Any]:
    row = ctx.session.get(Interest, args.id)
    if row is None:
        raise Rejected("not_found", "The interest does not exist.")
    customer = load_customer(ctx, row.customer_id)
    if ctx.auth.role == "associate":
        require_store(ctx, row.store_id, "interest")
    if args.comment is not None:
        row.comment = args.comment
    if args.status is not None:
        row.status = args.status
        row.status_reason = args.reason if args.status == "dismissed" else None
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "interest", row.id, interest_data(row))
    return {"id": row.id, "status": row.status}
