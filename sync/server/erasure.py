"""Erasure of a customer (APPI / GDPR): the person removed everywhere, at a manager's request.

Everything held about them goes: the profile and every profile merged into it, identities,
consents, orders and their lines, activities, notes, interests, reservations (open ones give
their stock back first), follow-ups, the summary, merge records and suggestions, and the PII a
waiting ingestion event kept. Each removal is published as a tombstone, which replaces the
document in the change feed (no PII stays there) and deletes the terminals' copies at their
next sync; ready-made snapshots of the region are discarded. What stays: an audit event
`erase` with ids and counts only, so the erasure itself can be shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine, delete, update
from sqlalchemy.orm import Session
from sqlmodel import SQLModel, col, select

from sync.protocol import ErasureReport
from sync.server import audit
from sync.server.auth import AuthContext
from sync.server.buckets import customers_bucket, store_bucket
from sync.server.changes import forget_touched, record_change, touched_buckets
from sync.server.config import Settings
from sync.server.db import write_session
from sync.server.errors import ApiError
from sync.server.identity_rules import with_merged
from sync.server.models import (
    Activity,
    Consent,
    Customer,
    CustomerIdentity,
    CustomerMerge,
    CustomerSummary,
    FollowUp,
    IngestedEvent,
    Interest,
    MergeSuggestion,
    Note,
    Order,
    OrderLine,
    Reservation,
    table_of,
)
from sync.server.mutations.reservations import _receive_stock, move_stock
from sync.server.snapshot_build import discard_covering

Publish = Callable[[Iterable[str]], None]
# Documents on the terminals: (name in the report, table, entity in the feed).
_CHILDREN: tuple[tuple[str, type[SQLModel], str], ...] = (
    ("orders", Order, "order"),
    ("activities", Activity, "activity"),
    ("notes", Note, "note"),
    ("interests", Interest, "interest"),
    ("followups", FollowUp, "followup"),
)
_HOLDING = ("confirmed", "ready")  # reservations whose stock is held for the customer


def erase_customer(
    engine: Engine,
    auth: AuthContext,
    customer_id: str,
    publish: Publish,
    settings: Settings | None = None,
) -> ErasureReport:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "Only a manager can erase a customer.")
    with write_session(engine) as session:
        customer = session.get(Customer, customer_id, with_for_update=True)
        if customer is None or not (auth.is_admin or customer.region == auth.region):
            raise ApiError(404, "not_found", "The customer does not exist.")
        if customer.merged_into is not None:
            raise ApiError(409, "conflict", "This profile was merged into another: erase that one.")
        people = with_merged(session, customer, lock=True)
        ids = sorted(p.id for p in people)
        counts = _erase_rows(session, ids, customer.region)
        for person in people:
            bucket = customers_bucket(person.region)
            record_change(session, bucket, "customer", person.id, "delete", None)
            session.delete(person)
        counts["profiles"] = len(people)
        audit.append(
            session,
            device_id=auth.device_id,
            staff_id=auth.staff_id,
            store_id=auth.staff_store_id,
            action="erase",
            customer_id=customer.id,
            detail=", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v),
        )
        buckets = touched_buckets(session)
        forget_touched(session)
    publish(buckets)
    if settings is not None and settings.snapshot_builder is not None:
        # A ready-made first sync of the region still holds the person: built again later.
        discard_covering(engine, settings, customers_bucket(customer.region))
    return ErasureReport(customer_id=customer_id, erased=counts)


def _ids_of(session: Session, model: type[SQLModel], ids: list[str]) -> list[Any]:
    table = model.__table__  # type: ignore[attr-defined]
    return list(session.execute(select(table.c.id).where(table.c.customer_id.in_(ids))).scalars())


def _erase_rows(session: Session, ids: list[str], region: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    bucket = customers_bucket(region)
    reservations = list(
        session.execute(
            select(Reservation).where(col(Reservation.customer_id).in_(ids)).with_for_update()
        ).scalars()
    )
    for row in reservations:
        if row.status in _HOLDING:
            move_stock(session, row.stock_store_id, row.sku, reserved=-row.quantity)
        elif row.status == "in_transit":
            # The goods still arrive at the store: on its shelf, held for nobody.
            _receive_stock(session, row.store_id, row.sku, row.quantity)
            move_stock(session, row.store_id, row.sku, reserved=-row.quantity)
        for store in {row.store_id, row.stock_store_id, row.source_store_id} - {None}:
            assert store is not None
            record_change(session, store_bucket(store), "reservation", row.id, "delete", None)
        session.delete(row)
    counts["reservations"] = len(reservations)
    for name, model, entity in _CHILDREN:
        found = _ids_of(session, model, ids)
        for entity_id in found:
            record_change(session, bucket, entity, entity_id, "delete", None)
        if model is Order and found:
            session.execute(delete(OrderLine).where(col(OrderLine.order_id).in_(found)))
        if found:
            table = model.__table__  # type: ignore[attr-defined]
            session.execute(delete(table).where(table.c.customer_id.in_(ids)))
        counts[name] = len(found)
    for name, held in (("consents", Consent), ("identities", CustomerIdentity)):
        table = table_of(held)
        counts[name] = len(
            session.execute(
                delete(table).where(table.c.customer_id.in_(ids)).returning(table.c.id)
            ).all()
        )
    session.execute(delete(CustomerSummary).where(col(CustomerSummary.customer_id).in_(ids)))
    session.execute(
        delete(CustomerMerge).where(
            col(CustomerMerge.survivor_id).in_(ids) | col(CustomerMerge.merged_id).in_(ids)
        )
    )
    session.execute(
        delete(MergeSuggestion).where(
            col(MergeSuggestion.first_id).in_(ids) | col(MergeSuggestion.second_id).in_(ids)
        )
    )
    # A received event keeps its id (so a repeat is still a duplicate), not whom or what.
    session.execute(
        update(IngestedEvent)
        .where(col(IngestedEvent.customer_id).in_(ids))
        .values(customer_id=None, body_json=None)
    )
    session.flush()
    return counts
