"""Which customer an event is about: its identifiers, normalised, looked up in
`customer_identity` (the unique key of identity resolution).

Identifiers are tried strongest first: loyalty card, online account, LINE user id, email,
phone. A customer merged into another resolves to the survivor. An identifier the event carries
that nobody holds yet is added to the matched customer, so the next event that knows only that
one finds them too. A customer is created only when the sending credential may create them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session
from sqlmodel import select

from sync.protocol.ingest import CustomerRef
from sync.server.documents import publish_customer
from sync.server.models import Customer, CustomerIdentity, Store
from sync.server.mutations.base import Rejected
from sync.server.mutations.customers import normalise_email, normalise_phone
from sync.server.timeutil import utcnow

# Strongest first: a card or an account id names one person; a phone can be a household's.
IDENTITY_ORDER = ("loyalty_card", "online_account", "line_user", "email", "phone")
MAX_MERGE_HOPS = 16


class IngestRejected(Exception):
    """One event cannot be applied: a stable code and a reason without the values in it."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def identifiers(ref: CustomerRef) -> list[tuple[str, str]]:
    """The event's identifiers as (kind, normalised value), strongest first."""
    raw = {
        "loyalty_card": ref.loyalty_card,
        "online_account": ref.online_account,
        "line_user": ref.line_user_id,
        "email": ref.email,
        "phone": ref.phone,
    }
    found: list[tuple[str, str]] = []
    for kind in IDENTITY_ORDER:
        value = raw[kind]
        if value is None or not value.strip():
            continue
        try:
            if kind == "email":
                value = normalise_email(value)
            elif kind == "phone":
                value = normalise_phone(value)
            else:
                value = value.strip()
        except Rejected as exc:
            raise IngestRejected("invalid_customer", f"customer.{exc.message}") from None
        found.append((kind, value))
    if not found:
        raise IngestRejected("invalid_customer", "customer: no identifier")
    return found


def survivor(session: Session, customer: Customer) -> Customer:
    """The profile a merged-away customer lives on in."""
    for _ in range(MAX_MERGE_HOPS):
        if customer.merged_into is None:
            return customer
        nxt = session.get(Customer, customer.merged_into)
        if nxt is None:
            return customer
        customer = nxt
    return customer


@dataclass(frozen=True)
class Resolved:
    customer: Customer
    created: bool


def resolve(
    session: Session,
    ref: CustomerRef,
    *,
    may_create: bool,
    store: Store | None,
) -> Resolved:
    """The customer `ref` names, the one created for it, or IngestRejected."""
    keys = identifiers(ref)
    owners: dict[tuple[str, str], str] = {}
    for kind, value in keys:
        owner = session.execute(
            select(CustomerIdentity.customer_id).where(
                CustomerIdentity.kind == kind, CustomerIdentity.value == value
            )
        ).scalar()
        if owner is not None:
            owners[(kind, value)] = owner
    matched: Customer | None = None
    for kind, value in keys:
        owner_id = owners.get((kind, value))
        if owner_id is not None:
            row = session.get(Customer, owner_id)
            if row is not None:
                matched = survivor(session, row)
                break
    if matched is None:
        if not may_create:
            raise IngestRejected(
                "unknown_customer",
                "customer: no profile matches and this source may not create one",
            )
        if store is None:
            raise IngestRejected(
                "unknown_customer",
                "customer: no profile matches and the event names no store to create it in",
            )
        matched = _create(session, ref, keys, store)
        return Resolved(matched, True)
    if _learn(session, matched, keys, owners):
        publish_customer(session, matched)
    return Resolved(matched, False)


def _create(
    session: Session, ref: CustomerRef, keys: list[tuple[str, str]], store: Store
) -> Customer:
    now = utcnow()
    values = dict(keys)
    customer = Customer(
        id=str(uuid.uuid4()),
        family_name=ref.family_name,
        given_name=ref.given_name,
        family_kana=ref.family_kana,
        given_kana=ref.given_kana,
        email=values.get("email"),
        phone=values.get("phone"),
        loyalty_card=values.get("loyalty_card"),
        online_account=values.get("online_account"),
        home_store_id=store.id,
        region=store.region,
        created_at=now,
        updated_at=now,
    )
    session.add(customer)
    session.flush()
    for kind, value in keys:
        session.add(CustomerIdentity(customer_id=customer.id, kind=kind, value=value))
    session.flush()
    publish_customer(session, customer)
    return customer


def _learn(
    session: Session,
    customer: Customer,
    keys: list[tuple[str, str]],
    owners: dict[tuple[str, str], str],
) -> bool:
    """Add the identifiers nobody holds to `customer` (one per kind); True if any was."""
    held = set(
        session.execute(
            select(CustomerIdentity.kind).where(CustomerIdentity.customer_id == customer.id)
        ).scalars()
    )
    learned = False
    for kind, value in keys:
        if (kind, value) in owners or kind in held:
            continue
        session.add(CustomerIdentity(customer_id=customer.id, kind=kind, value=value))
        held.add(kind)
        if kind in ("email", "phone", "loyalty_card", "online_account") and not getattr(
            customer, kind
        ):
            setattr(customer, kind, value)
        learned = True
    if learned:
        customer.updated_at = utcnow()
        session.flush()
    return learned
