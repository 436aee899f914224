"""customer.create and customer.update: identities normalised and kept unique."""

from __future__ import annotations

from typing import Any

import phonenumbers
from sqlalchemy import delete
from sqlmodel import col, select

from sync.protocol import CustomerCreateArgs, CustomerUpdateArgs
from sync.server import identity_rules
from sync.server.documents import publish_customer
from sync.server.identity_rules import survivor_of
from sync.server.merges import consider
from sync.server.models import Customer, CustomerIdentity, Staff, Store
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
    visible_region,
)


def normalise_phone(raw: str) -> str:
    """E.164 for a Japanese (or +country) number; Rejected invalid_args when not a number."""
    try:
        number = phonenumbers.parse(raw, "JP")
    except phonenumbers.NumberParseException as exc:
        raise Rejected("invalid_args", "phone: not a phone number") from exc
    if not phonenumbers.is_possible_number(number):
        raise Rejected("invalid_args", "phone: not a possible phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str) -> str:
    email = raw.strip().lower()
    local, _, domain = email.partition("@")
    if not local or "." not in domain or any(c.isspace() for c in email):
        raise Rejected("invalid_args", "email: not an email address")
    return email


def _set_identity(ctx: MutationContext, customer_id: str, kind: str, value: str | None) -> None:
    """Replace the customer's identity of this kind.

    A value another customer of the caller's region owns is a conflict the staff member can
    see for themselves. One owned in a region the caller cannot see is not claimed, and
    nothing says so: the field is kept on the profile and the value stays with its owner (a
    rejection here would tell an associate that someone elsewhere has this phone or email).
    """
    session = ctx.session
    if value is not None:
        owner = session.execute(
            select(CustomerIdentity.customer_id, Customer.region)
            .join(Customer, col(Customer.id) == col(CustomerIdentity.customer_id))
            .where(CustomerIdentity.kind == kind, CustomerIdentity.value == value)
        ).first()
        if owner is not None and owner[0] == customer_id:
            return
        if owner is not None and visible_region(ctx, owner[1]):
            raise Rejected(
                "conflict", f"Another customer already has this {kind}.", {"field": kind}
            )
        if owner is not None:
            value = None  # held elsewhere: drop only this customer's old value of the kind
    session.execute(
        delete(CustomerIdentity).where(
            col(CustomerIdentity.customer_id) == customer_id,
            col(CustomerIdentity.kind) == kind,
        )
    )
    if value is not None:
        session.add(CustomerIdentity(customer_id=customer_id, kind=kind, value=value))
    session.flush()


def _visible_owner(ctx: MutationContext, kind: str, value: str | None) -> Customer | None:
    """The customer of the caller's region holding this identity, if any (one held in another
    region is never looked at: the caller may not learn it exists)."""
    if value is None:
        return None
    owner = ctx.session.execute(
        select(Customer)
        .join(CustomerIdentity, col(Customer.id) == col(CustomerIdentity.customer_id))
        .where(CustomerIdentity.kind == kind, CustomerIdentity.value == value)
    ).scalar_one_or_none()
    return owner if owner is not None and visible_region(ctx, owner.region) else None


@handles("customer.create")
def create_customer(ctx: MutationContext, args: CustomerCreateArgs) -> dict[str, Any]:
    """A new profile. If its email or phone is already someone's in this region, the chain's
    identity rules decide: one person (this profile is merged into that one at once: notes and
    interests made on this id land there), maybe one (a suggestion for a manager; this profile
    keeps the value on its face but not as its identity), or two people (no rule: refused, the
    staff member sees the clash). Two terminals creating one walk-in offline end as one."""
    if ctx.session.get(Customer, args.id) is not None:
        # Ids are random (UUIDv7 made by the terminal): only a replay under a new mutation id
        # or a forged request meets one, so this says nothing a caller did not know.
        raise Rejected("conflict", "A customer with this id already exists.")
    region = ctx.auth.region
    if args.home_store_id is not None:
        store = ctx.session.get(Store, args.home_store_id)
        if store is None:
            raise Rejected("not_found", "The home store does not exist.")
        if not visible_region(ctx, store.region):
            # The customer's documents would travel in a region this device does not sync.
            raise Rejected("forbidden", "A customer can be created only in this region.")
        region = store.region
    email = normalise_email(args.email) if args.email else None
    phone = normalise_phone(args.phone) if args.phone else None
    customer = Customer(
        id=args.id,
        family_name=args.family_name,
        given_name=args.given_name,
        family_kana=args.family_kana,
        given_kana=args.given_kana,
        email=email,
        phone=phone,
        birthday=args.birthday,
        home_store_id=args.home_store_id or ctx.store_id,
        preferred_staff_id=ctx.auth.staff_id,
        region=region,
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    owners: dict[str, Customer] = {}
    for kind, value in (("email", email), ("phone", phone)):
        owner = _visible_owner(ctx, kind, value)
        if owner is not None and owner.region == region:
            owners[kind] = owner
    rules = identity_rules.current(ctx.session)
    decided = {
        kind: identity_rules.decide(
            rules, identity_rules.profile_evidence(customer, owner, _shared(owners, owner))
        )
        for kind, owner in owners.items()
    }
    if any(action is None for action in decided.values()):
        kind = next(k for k, a in decided.items() if a is None)
        raise Rejected("conflict", f"Another customer already has this {kind}.", {"field": kind})
    ctx.session.add(customer)
    ctx.session.flush()
    for kind, value in (("email", email), ("phone", phone)):
        if kind not in owners:
            _set_identity(ctx, customer.id, kind, value)
    result: dict[str, Any] = {"id": customer.id}
    for owner in {o.id: o for o in owners.values()}.values():
        action = consider(ctx.session, customer, owner, _shared(owners, owner), rules)
        if action == "merge":
            result["merged_into"] = survivor_of(ctx.session, customer).id
            return result
        if action == "suggest":
            result["suggested"] = True
    publish_customer(ctx.session, customer)
    return result


def _shared(owners: dict[str, Customer], owner: Customer) -> set[str]:
    return {kind for kind, o in owners.items() if o.id == owner.id}


@handles("customer.update")
def update_customer(ctx: MutationContext, args: CustomerUpdateArgs) -> dict[str, Any]:
    customer = load_customer(ctx, args.id)
    # Last write wins per field, in server arrival order: only the fields sent change.
    for name in ("family_name", "given_name", "family_kana", "given_kana", "birthday"):
        value = getattr(args, name)
        if value is not None:
            setattr(customer, name, value)
    if args.preferred_staff_id is not None:
        if ctx.session.get(Staff, args.preferred_staff_id) is None:
            raise Rejected("not_found", "The preferred staff member does not exist.")
        customer.preferred_staff_id = args.preferred_staff_id
    if args.email is not None:
        # An empty string clears the field.
        customer.email = normalise_email(args.email) if args.email.strip() else None
        _set_identity(ctx, customer.id, "email", customer.email)
    if args.phone is not None:
        customer.phone = normalise_phone(args.phone) if args.phone.strip() else None
        _set_identity(ctx, customer.id, "phone", customer.phone)
    customer.updated_at = ctx.now
    publish_customer(ctx.session, customer)
    return {"id": customer.id}
