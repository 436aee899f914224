"""The audit trail: who did what to whose data, from which terminal of which store, and when.

Terminals report what the server cannot see (a profile opened, a search, a reveal, an export)
as `audit.record` mutations, queued offline like any change; the server records every edit it
applies itself (`edit:<mutation>`). Each terminal's events form a hash chain: an event's hash
covers its fields and the previous event's hash, and `audit_chain` holds the head (last seq and
hash), so an event deleted, altered or cut off the end is found by `verify`. (Someone able to
rewrite the whole chain and its head in the database is out of reach of this check: the head
would have to be anchored outside the database for that.)

Managers read their store's events, admins every store's; associates none.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.audit import AuditEventPublic, AuditList, AuditProblem, AuditVerification
from sync.server.auth import AuthContext
from sync.server.db import dialect_insert, read_session
from sync.server.errors import ApiError
from sync.server.models import AuditChain, AuditEvent, Customer, Device, Staff
from sync.server.timeutil import as_utc, iso, utcnow

MAX_LIST = 500
# A terminal's clock may be somewhat ahead; an event "from the future" is dated on arrival.
CLOCK_SKEW = timedelta(minutes=10)


def _digest(prev: str, row: AuditEvent) -> str:
    fields = [
        row.id,
        row.device_id,
        row.seq,
        row.staff_id,
        row.store_id,
        row.action,
        row.customer_id,
        row.subject_id,
        row.detail,
        iso(as_utc(row.occurred_at)),
    ]
    body = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev}|{body}".encode()).hexdigest()


def append(
    session: Session,
    *,
    device_id: str,
    staff_id: str,
    store_id: str | None,
    action: str,
    customer_id: str | None = None,
    subject_id: str | None = None,
    detail: str = "",
    occurred_at: datetime | None = None,
    event_id: str | None = None,
) -> AuditEvent:
    """One event at the end of the terminal's chain (its head row locked until commit)."""
    now = utcnow()
    when = as_utc(occurred_at) if occurred_at is not None else now
    if when > now + CLOCK_SKEW:
        when = now
    session.execute(
        dialect_insert(session, AuditChain)
        .values(device_id=device_id, seq=0, head_hash="")
        .on_conflict_do_nothing()
    )
    head = session.get(AuditChain, device_id, with_for_update=True, populate_existing=True)
    assert head is not None
    row = AuditEvent(
        id=event_id or new_id(),
        staff_id=staff_id,
        device_id=device_id,
        store_id=store_id,
        action=action,
        customer_id=customer_id,
        subject_id=subject_id,
        detail=detail,
        occurred_at=when,
        recorded_at=now,
        seq=head.seq + 1,
        prev_hash=head.head_hash,
    )
    row.hash = _digest(head.head_hash, row)
    head.seq, head.head_hash = row.seq or 0, row.hash
    session.add(row)
    session.flush()
    return row


def edit_subject(name: str, args: dict[str, Any]) -> tuple[str | None, str | None]:
    """(customer id, subject id) of an applied mutation, for its edit event."""
    subject = args.get("id") if isinstance(args.get("id"), str) else None
    customer = args.get("customer_id")
    if name.startswith("customer."):
        customer = subject
    return (customer if isinstance(customer, str) else None), subject


def _require_reader(auth: AuthContext) -> None:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "Only a manager can read the audit trail.")


def list_events(
    engine: Engine,
    auth: AuthContext,
    *,
    action: str | None = None,
    staff_id: str | None = None,
    customer_id: str | None = None,
    device_id: str | None = None,
    since: datetime | None = None,
    before: datetime | None = None,
    limit: int = 100,
) -> AuditList:
    """The newest events first that match every filter given; a manager's own store only."""
    _require_reader(auth)
    query = select(AuditEvent)
    if not auth.is_admin:
        query = query.where(col(AuditEvent.store_id) == auth.staff_store_id)
    if action:
        query = query.where(
            col(AuditEvent.action).startswith("edit:")
            if action == "edit"
            else col(AuditEvent.action) == action
        )
    for column, value in (
        (AuditEvent.staff_id, staff_id),
        (AuditEvent.customer_id, customer_id),
        (AuditEvent.device_id, device_id),
    ):
        if value:
            query = query.where(col(column) == value)
    if since is not None:
        query = query.where(col(AuditEvent.occurred_at) >= since)
    if before is not None:
        query = query.where(col(AuditEvent.occurred_at) < before)
    limit = max(1, min(limit, MAX_LIST))
    query = query.order_by(col(AuditEvent.occurred_at).desc(), col(AuditEvent.id).desc())
    with read_session(engine) as session:
        rows = list(session.execute(query.limit(limit + 1)).scalars())
        more = len(rows) > limit
        rows = rows[:limit]
        staff = _names(session, Staff, {r.staff_id for r in rows})
        devices = _names(session, Device, {r.device_id for r in rows})
        people = {
            c.id: c
            for c in session.execute(
                select(Customer).where(
                    col(Customer.id).in_(sorted({r.customer_id for r in rows if r.customer_id}))
                )
            ).scalars()
        }
    return AuditList(
        events=[_public(r, staff, devices, people, auth) for r in rows],
        more=more,
    )


def _names(session: Session, model: Any, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(
        session.execute(select(model.id, model.name).where(col(model.id).in_(sorted(ids)))).all()
    )


def _public(
    row: AuditEvent,
    staff: dict[str, str],
    devices: dict[str, str],
    people: dict[str, Customer],
    auth: AuthContext,
) -> AuditEventPublic:
    person = people.get(row.customer_id or "")
    name = None
    if person is not None and (auth.is_admin or person.region == auth.region):
        name = f"{person.family_name} {person.given_name}".strip()
    return AuditEventPublic(
        id=row.id,
        occurred_at=as_utc(row.occurred_at),
        recorded_at=as_utc(row.recorded_at) if row.recorded_at else None,
        action=row.action,
        staff_id=row.staff_id,
        staff_name=staff.get(row.staff_id, ""),
        device_id=row.device_id,
        device_name=devices.get(row.device_id, ""),
        store_id=row.store_id,
        customer_id=row.customer_id,
        customer_name=name,
        detail=row.detail,
    )


def _problem(device_id: str, seq: int, problem: str) -> AuditProblem:
    return AuditProblem(device_id=device_id, seq=seq, problem=problem)


def verify(engine: Engine, auth: AuthContext) -> AuditVerification:
    """Walk every chain (a manager: the chains of their store's terminals) and report each
    event whose hash does not follow, each gap in the sequence, and each chain whose last
    events are gone (its head is further on than its last event)."""
    _require_reader(auth)
    problems: list[AuditProblem] = []
    events = 0
    with read_session(engine) as session:
        heads = select(AuditChain)
        if not auth.is_admin:
            heads = heads.join(Device, col(Device.id) == col(AuditChain.device_id)).where(
                col(Device.store_id) == auth.staff_store_id
            )
        chains = list(session.execute(heads.order_by(col(AuditChain.device_id))).scalars())
        for chain in chains:
            prev, expected = "", 1
            rows = session.execute(
                select(AuditEvent)
                .where(
                    col(AuditEvent.device_id) == chain.device_id,
                    col(AuditEvent.seq).is_not(None),
                )
                .order_by(col(AuditEvent.seq))
                .execution_options(yield_per=2000)
            ).scalars()
            for row in rows:
                events += 1
                seq = int(row.seq or 0)
                if seq != expected:
                    problems.append(_problem(chain.device_id, expected, "missing"))
                    prev = row.prev_hash or ""  # go on from what is there
                if row.prev_hash != prev or row.hash != _digest(row.prev_hash or "", row):
                    problems.append(_problem(chain.device_id, seq, "altered"))
                prev, expected = row.hash or "", seq + 1
            if expected - 1 < chain.seq:
                problems.append(_problem(chain.device_id, expected, "cut"))
            elif prev != chain.head_hash:
                problems.append(_problem(chain.device_id, chain.seq, "altered"))
    return AuditVerification(ok=not problems, devices=len(chains), events=events, problems=problems)
