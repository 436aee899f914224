"""Entity rows -> the `*Data` payloads of sync/protocol.py, and publishing them to their bucket.

Every write re-publishes the entity's full payload, so a client never merges partial rows.
"""

from __future__ import annotations

import json
from typing import Any, cast

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import (
    ActivityData,
    ConsentData,
    CustomerData,
    FollowupData,
    IdentityData,
    InterestData,
    InventoryData,
    NoteData,
    ReservationData,
    SummaryData,
    price_to_wire,
)
from sync.server.buckets import customers_bucket, stock_bucket, store_bucket
from sync.server.bulk_sql import chunk_size, chunks, one_of
from sync.server.changes import record_change, record_changes
from sync.server.models import (
    Activity,
    Consent,
    Customer,
    CustomerIdentity,
    FollowUp,
    Interest,
    Inventory,
    Note,
    Reservation,
    Store,
)
from sync.server.summaries import stored as stored_summaries
from sync.server.timeutil import iso

__all__ = ["price_to_wire"]


def _dict(data: Any) -> dict[str, Any]:
    return cast(dict[str, Any], data)


def consent_states(session: Session, customer_ids: list[str]) -> dict[str, list[ConsentData]]:
    """The latest ledger entry per (purpose, channel) of each customer: the state now."""
    latest: dict[str, dict[tuple[str, str], Consent]] = {cid: {} for cid in customer_ids}
    for part in chunks(customer_ids, chunk_size(session)):
        rows = session.execute(
            select(Consent)
            .where(one_of(session, col(Consent.customer_id), part))
            .order_by(col(Consent.recorded_at), col(Consent.id))
        ).scalars()
        for row in rows:
            latest[row.customer_id][(row.purpose, row.channel)] = row
    return {
        cid: [
            ConsentData(
                purpose=c.purpose,
                channel=c.channel,
                state=c.state,
                source=c.source,
                recorded_at=iso(c.recorded_at),
                wording_version=c.wording_version,
            )
            for _, c in sorted(found.items())
        ]
        for cid, found in latest.items()
    }


def current_consents(session: Session, customer_id: str) -> list[ConsentData]:
    """The latest ledger entry per (purpose, channel): the state that counts now."""
    return consent_states(session, [customer_id])[customer_id]


def _identity_rows(session: Session, customer_ids: list[str]) -> dict[str, set[tuple[str, str]]]:
    claimed: dict[str, set[tuple[str, str]]] = {cid: set() for cid in customer_ids}
    for part in chunks(customer_ids, chunk_size(session)):
        rows = session.execute(
            select(
                CustomerIdentity.customer_id, CustomerIdentity.kind, CustomerIdentity.value
            ).where(one_of(session, col(CustomerIdentity.customer_id), part))
        ).all()
        for cid, kind, value in rows:
            claimed[cid].add((kind, value))
    return claimed


def _document(
    customer: Customer,
    claimed: set[tuple[str, str]],
    consents: list[ConsentData],
    summary: SummaryData | None,
) -> CustomerData:
    # The profile's own values are listed whether or not this customer holds the identity
    # row: one held by a customer of another region must not show as missing here.
    own = {
        ("email", customer.email),
        ("phone", customer.phone),
        ("loyalty_card", customer.loyalty_card),
        ("online_account", customer.online_account),
    }
    identities = sorted(claimed | {(k, v) for k, v in own if v})
    return CustomerData(
        id=customer.id,
        family_name=customer.family_name,
        given_name=customer.given_name,
        family_kana=customer.family_kana,
        given_kana=customer.given_kana,
        email=customer.email,
        phone=customer.phone,
        loyalty_card=customer.loyalty_card,
        online_account=customer.online_account,
        birthday=customer.birthday.isoformat() if customer.birthday else None,
        tier=customer.tier,
        points=customer.points,
        home_store_id=customer.home_store_id,
        preferred_staff_id=customer.preferred_staff_id,
        merged_into=customer.merged_into,
        identities=[IdentityData(kind=k, value=v) for k, v in identities],
        consents=consents,
        created_at=iso(customer.created_at),
        updated_at=iso(customer.updated_at),
        summary=summary,
    )


def customer_data(session: Session, customer: Customer) -> CustomerData:
    [data] = customers_data(session, [customer])
    return data


def customers_data(session: Session, customers: list[Customer]) -> list[CustomerData]:
    """The documents of many customers with a few queries, whatever their number."""
    ids = [c.id for c in customers]
    claimed = _identity_rows(session, ids)
    consents = consent_states(session, ids)
    summaries = stored_summaries(session, ids)
    return [_document(c, claimed[c.id], consents[c.id], summaries.get(c.id)) for c in customers]


def publish_customer(session: Session, customer: Customer) -> None:
    publish_customers(session, [customer])


def publish_customers(session: Session, customers: list[Customer]) -> None:
    """Every customer's full document to their region's bucket."""
    if not customers:
        return
    session.flush()
    by_bucket: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for customer, data in zip(customers, customers_data(session, customers), strict=True):
        by_bucket.setdefault(customers_bucket(customer.region), []).append(
            ("customer", customer.id, _dict(data))
        )
    for bucket in sorted(by_bucket):
        if len(by_bucket[bucket]) == 1:
            entity, entity_id, payload = by_bucket[bucket][0]
            record_change(session, bucket, entity, entity_id, "upsert", payload)
        else:
            record_changes(session, bucket, by_bucket[bucket])


def note_data(note: Note) -> NoteData:
    return NoteData(
        id=note.id,
        customer_id=note.customer_id,
        text=note.text,
        staff_id=note.staff_id,
        staff_name=note.staff_name,
        store_id=note.store_id,
        created_at=iso(note.created_at),
    )


def activity_data(row: Activity) -> ActivityData:
    return ActivityData(
        id=row.id,
        customer_id=row.customer_id,
        channel=row.channel,
        kind=row.kind,
        occurred_at=iso(row.occurred_at),
        sku=row.sku,
        summary=row.summary,
        status=row.status,
    )


def interest_data(row: Interest) -> InterestData:
    return InterestData(
        id=row.id,
        customer_id=row.customer_id,
        sku=row.sku,
        category=row.category,
        comment=row.comment,
        staff_id=row.staff_id,
        store_id=row.store_id,
        created_at=iso(row.created_at),
        status=row.status,
        status_reason=row.status_reason,
    )


def followup_data(row: FollowUp) -> FollowupData:
    skus: list[str] = json.loads(row.skus_json)
    return FollowupData(
        id=row.id,
        customer_id=row.customer_id,
        store_id=row.store_id,
        staff_id=row.staff_id,
        due_date=row.due_date.isoformat(),
        channel=row.channel,
        kind=row.kind,
        status=row.status,
        skus=skus,
        note=row.note,
        created_at=iso(row.created_at),
        due_at=iso(row.due_at) if row.due_at else None,
        rule=row.rule_code,
        purpose=row.purpose,
        timing=json.loads(row.timing_json) if row.timing_json else None,
        interest_ids=json.loads(row.interest_ids_json),
        order_ids=json.loads(row.order_ids_json),
        categories=json.loads(row.categories_json),
        reservation_id=row.reservation_id,
        outcome=row.outcome,
        result=row.result,
        updated_at=iso(row.updated_at) if row.updated_at else None,
        message_status=row.message_status,
        message_at=iso(row.message_at) if row.message_at else None,
        credited_order_id=row.credited_order_id,
        credited_jpy=int(row.credited_jpy) if row.credited_jpy is not None else None,
    )


def reservation_data(row: Reservation) -> ReservationData:
    return ReservationData(
        id=row.id,
        customer_id=row.customer_id,
        store_id=row.store_id,
        sku=row.sku,
        quantity=row.quantity,
        kind=row.kind,
        status=row.status,
        expires_at=iso(row.expires_at) if row.expires_at else None,
        created_at=iso(row.created_at),
        staff_id=row.staff_id,
        stock_store_id=row.stock_store_id,
        source_store_id=row.source_store_id,
        order_id=row.order_id,
        updated_at=iso(row.updated_at or row.created_at),
    )


def inventory_data(row: Inventory) -> InventoryData:
    return InventoryData(
        id=f"{row.store_id}:{row.sku}",
        store_id=row.store_id,
        sku=row.sku,
        on_hand=row.on_hand,
        reserved=row.reserved,
    )


def publish_customer_child(
    session: Session, region: str, entity: str, entity_id: str, data: Any
) -> None:
    """Notes, interests, follow-ups, orders: they travel with their customer's region."""
    record_change(session, customers_bucket(region), entity, entity_id, "upsert", _dict(data))


def publish_reservation(session: Session, row: Reservation) -> None:
    data = _dict(reservation_data(row))
    record_change(session, store_bucket(row.store_id), "reservation", row.id, "upsert", data)
    for other in {row.stock_store_id, row.source_store_id} - {row.store_id, None}:
        # The source store of a transfer sees it too (to ship it, and after it left).
        assert other is not None
        record_change(session, store_bucket(other), "reservation", row.id, "upsert", data)


def publish_inventory(
    session: Session,
    store_id: str,
    sku: str,
    *,
    levels: tuple[int, int] | None = None,
    region: str | None = None,
) -> None:
    """A stock row goes to its region's stock bucket: every terminal of the region holds the
    stock of every store nearby (its own included), for the product view, offline too.

    `levels` (on_hand, reserved) and `region`, when the caller already has them (an UPDATE's
    RETURNING, the session's own region), save reading them again.
    """
    if levels is None:
        row = session.get(Inventory, (store_id, sku), populate_existing=True)
        if row is None:
            return
        levels = (row.on_hand, row.reserved)
    if region is None:
        store = session.get(Store, store_id)
        if store is None:
            return
        region = store.region
    item = f"{store_id}:{sku}"
    data = _dict(
        InventoryData(id=item, store_id=store_id, sku=sku, on_hand=levels[0], reserved=levels[1])
    )
    record_change(session, stock_bucket(region), "inventory", item, "upsert", data)
