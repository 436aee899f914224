"""Two profiles of one person made one, and undone again.

A merge keeps the merged-away profile (with `merged_into` set, so an id a terminal still holds
resolves to the survivor), moves its rows to the survivor and fills the survivor's empty fields
from it, and records exactly what it moved in `customer_merge`. Undoing moves those rows back
(rows made since stay with the survivor), clears the fields it filled if nobody changed them,
and marks the pair as two people, so the rules never merge or suggest it again.

`consider` applies the chain's rules to a pair the caller found sharing an identifier: merge at
once, leave a suggestion for a manager, or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlmodel import SQLModel, col, select

from sync.protocol import new_id
from sync.protocol.merges import IdentityRules
from sync.server.bulk_sql import chunk_size, chunks, one_of
from sync.server.documents import (
    activity_data,
    followup_data,
    interest_data,
    note_data,
    publish_customer_child,
    publish_customers,
    publish_reservation,
)
from sync.server.identity_rules import decide, profile_evidence
from sync.server.models import (
    Activity,
    Consent,
    Customer,
    CustomerIdentity,
    CustomerMerge,
    FollowUp,
    Interest,
    MergeSuggestion,
    Note,
    Order,
    OrderLine,
    Reservation,
)
from sync.server.orders import order_data
from sync.server.summaries import refresh
from sync.server.timeutil import as_utc, utcnow

# What moves with a merge: (name in the record, table).
MOVED: tuple[tuple[str, type[SQLModel]], ...] = (
    ("orders", Order),
    ("activities", Activity),
    ("notes", Note),
    ("interests", Interest),
    ("reservations", Reservation),
    ("followups", FollowUp),
    ("consents", Consent),
    ("identities", CustomerIdentity),
)
# Fields of the survivor filled from the merged profile when the survivor has none.
_FILLED = ("given_name", "family_kana", "given_kana", "birthday")
_IDENTITY_COLUMNS = ("email", "phone", "loyalty_card", "online_account")


class MergeRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def lock(session: Session, ids: Iterable[str]) -> dict[str, Customer]:
    """The customers, locked for the rest of the transaction (in id order: no deadlock)."""
    rows = session.execute(
        select(Customer)
        .where(col(Customer.id).in_(sorted(set(ids))))
        .order_by(col(Customer.id))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalars()
    return {c.id: c for c in rows}


def suggestion_for(session: Session, a: str, b: str) -> MergeSuggestion | None:
    first, second = pair(a, b)
    return session.execute(
        select(MergeSuggestion).where(
            MergeSuggestion.first_id == first, MergeSuggestion.second_id == second
        )
    ).scalar_one_or_none()


def consider(
    session: Session, a: Customer, b: Customer, shared: Iterable[str], rules: IdentityRules
) -> str | None:
    """Apply the rules to two profiles sharing `shared` identity kinds: "merge" (done, into
    the older one), "suggest" (a suggestion is open), or None."""
    if a.id == b.id or a.region != b.region or a.merged_into or b.merged_into:
        return None
    existing = suggestion_for(session, a.id, b.id)
    if existing is not None and existing.status != "open":
        return None  # two people, as a manager (or an undo) said; or merged already
    evidence = profile_evidence(a, b, shared)
    action = decide(rules, evidence)
    if action == "merge":
        survivor, merged = sorted((a, b), key=lambda c: (as_utc(c.created_at), c.id))
        merge(session, survivor, merged, evidence=evidence, merged_by=None)
    elif action == "suggest":
        if existing is None:
            first, second = pair(a.id, b.id)
            session.add(
                MergeSuggestion(
                    id=new_id(),
                    region=a.region,
                    first_id=first,
                    second_id=second,
                    evidence=",".join(sorted(evidence)),
                    status="open",
                    created_at=utcnow(),
                )
            )
            session.flush()
        else:
            existing.evidence = ",".join(sorted(evidence | set(existing.evidence.split(","))))
    return action


def merge(
    session: Session,
    survivor: Customer,
    merged: Customer,
    *,
    evidence: Iterable[str],
    merged_by: str | None,
    suggestion_id: str | None = None,
) -> CustomerMerge:
    if survivor.id == merged.id:
        raise MergeRefused(409, "conflict", "A profile cannot be merged into itself.")
    if survivor.region != merged.region:
        raise MergeRefused(409, "conflict", "Profiles of two regions cannot be merged.")
    if survivor.merged_into or merged.merged_into:
        raise MergeRefused(409, "conflict", "One of the profiles was merged already.")
    now = utcnow()
    moved: dict[str, list[Any]] = {}
    for name, model in MOVED:
        key, owner = _columns(model)
        ids = list(session.execute(select(key).where(owner == merged.id)).scalars())
        if ids:
            session.execute(update(model).where(owner == merged.id).values(customer_id=survivor.id))
            moved[name] = sorted(ids)
    filled: dict[str, Any] = {}
    for name in _FILLED:
        value = getattr(merged, name)
        if value and not getattr(survivor, name):
            setattr(survivor, name, value)
            filled[name] = value.isoformat() if isinstance(value, date) else value
    held = {
        (kind, value)
        for kind, value in session.execute(
            select(CustomerIdentity.kind, CustomerIdentity.value).where(
                CustomerIdentity.customer_id == survivor.id
            )
        )
    }
    for name in _IDENTITY_COLUMNS:
        value = getattr(merged, name)
        if value and not getattr(survivor, name) and (name, value) in held:
            setattr(survivor, name, value)
            filled[name] = value
    merged.merged_into = survivor.id
    merged.updated_at = survivor.updated_at = now
    row = CustomerMerge(
        id=new_id(),
        region=survivor.region,
        survivor_id=survivor.id,
        merged_id=merged.id,
        evidence=",".join(sorted(evidence)),
        suggestion_id=suggestion_id,
        merged_by=merged_by,
        merged_at=now,
        moved_json=json.dumps({"rows": moved, "filled": filled}, ensure_ascii=False),
    )
    session.add(row)
    suggestion = suggestion_for(session, survivor.id, merged.id)
    if suggestion is not None:
        suggestion.status, suggestion.decided_at = "merged", now
        suggestion.decided_by = merged_by
    session.flush()
    _republish(session, survivor, merged, moved)
    return row


def undo(session: Session, row: CustomerMerge, staff_id: str) -> None:
    if row.undone_at is not None:
        raise MergeRefused(409, "conflict", "This merge was undone already.")
    found = lock(session, (row.survivor_id, row.merged_id))
    survivor, merged = found.get(row.survivor_id), found.get(row.merged_id)
    if survivor is None or merged is None or merged.merged_into != survivor.id:
        raise MergeRefused(409, "conflict", "The profiles changed since this merge.")
    if survivor.merged_into is not None:
        raise MergeRefused(
            409, "conflict", "The surviving profile was merged again since: undo that first."
        )
    record = json.loads(row.moved_json)
    moved: dict[str, list[Any]] = record.get("rows", {})
    now = utcnow()
    for name, model in MOVED:
        key, owner = _columns(model)
        for part in chunks(moved.get(name, []), chunk_size(session)):
            session.execute(
                update(model)
                .where(one_of(session, key, part), owner == survivor.id)
                .values(customer_id=merged.id)
            )
    for name, value in record.get("filled", {}).items():
        current = getattr(survivor, name, None)
        if (current.isoformat() if isinstance(current, date) else current) == value:
            setattr(survivor, name, None if name in ("birthday", *_IDENTITY_COLUMNS) else "")
    merged.merged_into = None
    merged.updated_at = survivor.updated_at = now
    row.undone_at, row.undone_by = now, staff_id
    suggestion = suggestion_for(session, survivor.id, merged.id)
    if suggestion is None:
        first, second = pair(survivor.id, merged.id)
        suggestion = MergeSuggestion(
            id=new_id(),
            region=row.region,
            first_id=first,
            second_id=second,
            evidence=row.evidence,
            status="dismissed",
            created_at=now,
        )
        session.add(suggestion)
    suggestion.status, suggestion.decided_by, suggestion.decided_at = "dismissed", staff_id, now
    session.flush()
    _republish(session, merged, survivor, moved)


def _columns(model: type[SQLModel]) -> tuple[Any, Any]:
    table = model.__table__  # type: ignore[attr-defined]
    return table.c.id, table.c.customer_id


def _rows(session: Session, model: type[SQLModel], ids: list[Any]) -> list[Any]:
    key, _ = _columns(model)
    found: list[Any] = []
    for part in chunks(ids, chunk_size(session)):
        found.extend(
            session.execute(
                select(model)
                .where(one_of(session, key, part))
                .execution_options(populate_existing=True)
            ).scalars()
        )
    return found


def _republish(
    session: Session, gets: Customer, other: Customer, moved: dict[str, list[Any]]
) -> None:
    """Every moved row's document again (now under `gets`), and both profiles, added up."""
    region = gets.region
    orders: list[Order] = _rows(session, Order, moved.get("orders", []))
    lines: dict[str, list[OrderLine]] = {}
    for part in chunks([o.id for o in orders], chunk_size(session)):
        for line in session.execute(
            select(OrderLine)
            .where(one_of(session, col(OrderLine.order_id), part))
            .order_by(col(OrderLine.order_id), col(OrderLine.line_no))
        ).scalars():
            lines.setdefault(line.order_id, []).append(line)
    for order in orders:
        data = order_data(order, lines.get(order.id, []))
        publish_customer_child(session, region, "order", order.id, data)
    for a in _rows(session, Activity, moved.get("activities", [])):
        publish_customer_child(session, region, "activity", a.id, activity_data(a))
    for n in _rows(session, Note, moved.get("notes", [])):
        publish_customer_child(session, region, "note", n.id, note_data(n))
    for i in _rows(session, Interest, moved.get("interests", [])):
        publish_customer_child(session, region, "interest", i.id, interest_data(i))
    for f in _rows(session, FollowUp, moved.get("followups", [])):
        publish_customer_child(session, region, "followup", f.id, followup_data(f))
    for r in _rows(session, Reservation, moved.get("reservations", [])):
        publish_reservation(session, r)
    refresh(session, [gets.id, other.id])
    publish_customers(session, [gets, other])
