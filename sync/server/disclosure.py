"""Disclosure (APPI art. 33, GDPR art. 15): everything held about a customer, for a manager to
hand over, as JSON or as CSV. The export itself is recorded in the audit trail.

Contents: the profile (with the profiles merged into it), identities, the whole consent ledger,
orders with their lines, activities from every channel, notes, items of interest, reservations,
follow-ups, merges, and who looked at or changed the profile (the audit trail about them).
CSV is one table of (section, record, field, value): every section and field in one file that
any spreadsheet opens.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from sync.server import audit
from sync.server.auth import AuthContext
from sync.server.db import read_session, write_session
from sync.server.documents import (
    activity_data,
    customer_data,
    followup_data,
    interest_data,
    note_data,
    reservation_data,
)
from sync.server.errors import ApiError
from sync.server.identity_rules import with_merged
from sync.server.models import (
    Activity,
    AuditEvent,
    Consent,
    Customer,
    CustomerMerge,
    FollowUp,
    Interest,
    Note,
    Order,
    OrderLine,
    Reservation,
    Staff,
)
from sync.server.orders import order_data
from sync.server.timeutil import iso, utcnow

FORMATS = ("json", "csv")


def disclose(engine: Engine, auth: AuthContext, customer_id: str) -> dict[str, Any]:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "Only a manager can export a customer's data.")
    with read_session(engine) as session:
        customer = session.get(Customer, customer_id)
        if customer is None or not (auth.is_admin or customer.region == auth.region):
            raise ApiError(404, "not_found", "The customer does not exist.")
        if customer.merged_into is not None:
            raise ApiError(
                409, "conflict", "This profile was merged into another: export that one."
            )
        people = with_merged(session, customer)
        ids = [p.id for p in people]

        def rows(model: Any, order: Any) -> list[Any]:
            return list(
                session.execute(
                    select(model).where(col(model.customer_id).in_(ids)).order_by(order)
                ).scalars()
            )

        orders = rows(Order, col(Order.ordered_at))
        lines: dict[str, list[OrderLine]] = {}
        for line in session.execute(
            select(OrderLine)
            .where(col(OrderLine.order_id).in_([o.id for o in orders]))
            .order_by(col(OrderLine.line_no))
        ).scalars():
            lines.setdefault(line.order_id, []).append(line)
        staff = dict(session.execute(select(Staff.id, Staff.name)).all())
        document = {
            "customer_id": customer.id,
            "exported_at": iso(utcnow()),
            "profiles": [dict(customer_data(session, p)) for p in people],
            "consent_ledger": [
                {
                    "purpose": c.purpose,
                    "channel": c.channel,
                    "state": c.state,
                    "source": c.source,
                    "staff": staff.get(c.staff_id or ""),
                    "wording_version": c.wording_version,
                    "recorded_at": iso(c.recorded_at),
                }
                for c in rows(Consent, col(Consent.recorded_at))
            ],
            "orders": [dict(order_data(o, lines.get(o.id, []))) for o in orders],
            "activities": [
                dict(activity_data(a)) for a in rows(Activity, col(Activity.occurred_at))
            ],
            "notes": [dict(note_data(n)) for n in rows(Note, col(Note.created_at))],
            "interests": [dict(interest_data(i)) for i in rows(Interest, col(Interest.created_at))],
            "reservations": [
                dict(reservation_data(r)) for r in rows(Reservation, col(Reservation.created_at))
            ],
            "followups": [dict(followup_data(f)) for f in rows(FollowUp, col(FollowUp.due_date))],
            "merges": [
                {
                    "kept": m.survivor_id,
                    "joined": m.merged_id,
                    "at": iso(m.merged_at),
                    "undone_at": iso(m.undone_at) if m.undone_at else None,
                }
                for m in session.execute(
                    select(CustomerMerge).where(
                        col(CustomerMerge.survivor_id).in_(ids)
                        | col(CustomerMerge.merged_id).in_(ids)
                    )
                ).scalars()
            ],
            "access_log": [
                {
                    "at": iso(e.occurred_at),
                    "action": e.action,
                    "staff": staff.get(e.staff_id, ""),
                }
                for e in session.execute(
                    select(AuditEvent)
                    .where(col(AuditEvent.customer_id).in_(ids))
                    .order_by(col(AuditEvent.occurred_at))
                ).scalars()
            ],
        }
    with write_session(engine) as session:
        audit.append(
            session,
            device_id=auth.device_id,
            staff_id=auth.staff_id,
            store_id=auth.staff_store_id,
            action="export",
            customer_id=customer.id,
            detail="disclosure",
        )
    return document


def as_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def as_csv(document: dict[str, Any]) -> bytes:
    """section, record, field, value: nested values flattened (lines[0].sku)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "record", "field", "value"])
    for section, value in document.items():
        if not isinstance(value, list):
            writer.writerow(["export", "", section, value])
            continue
        for index, record in enumerate(value):
            for field, item in _flat(record):
                writer.writerow([section, index + 1, field, item])
    # A byte-order mark: spreadsheet software on Windows then reads the Japanese as UTF-8.
    return ("\ufeff" + out.getvalue()).encode()


def _flat(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        found: list[tuple[str, Any]] = []
        for key, item in value.items():
            found += _flat(item, f"{prefix}.{key}" if prefix else str(key))
        return found
    if isinstance(value, list):
        found = []
        for index, item in enumerate(value):
            found += _flat(item, f"{prefix}[{index}]")
        return found
    return [(prefix, "" if value is None else value)]
