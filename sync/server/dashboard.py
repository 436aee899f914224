"""The manager's dashboard: a store's follow-up loop over a period, by staff member and by day,
from three aggregate reads (follow-ups, messages, credited orders) on indexed columns; and the
same figures as CSV, safe to open in a spreadsheet (no cell is read as a formula)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, case, func, select
from sqlmodel import col

from sync.protocol.dashboard import DashboardReport, DayFigures, Figures, StaffFigures
from sync.server.auth import AuthContext
from sync.server.db import read_session
from sync.server.errors import ApiError
from sync.server.models import FollowUp, Message, Order, Staff, Store
from sync.server.timeutil import as_utc, utcnow

MAX_DAYS = 400
CLOSED_ORDERS = ("cancelled", "returned")
OPENED_LATER = timedelta(days=30)
_READERS = ThreadPoolExecutor(
    4, thread_name_prefix="dashboard-read"
)  # a message sent before the period may be opened in it
CSV_COLUMNS = (
    "staff",
    "due",
    "done",
    "overdue",
    "sent",
    "blocked",
    "opened",
    "clicked",
    "credited",
    "conversion",
    "revenue_jpy",
)


def _store(auth: AuthContext, store_id: str | None) -> str:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "Only a manager sees the dashboard.")
    wanted = store_id or auth.device_store_id
    if not auth.is_admin and wanted != auth.device_store_id:
        raise ApiError(403, "forbidden", "A manager sees the dashboard of their own store.")
    return wanted


def report(
    engine: Engine, auth: AuthContext, store_id: str | None, since: date, until: date
) -> DashboardReport:
    if until < since or (until - since).days >= MAX_DAYS:
        raise ApiError(422, "invalid_period", f"Choose a period of 1 to {MAX_DAYS} days.")
    wanted = _store(auth, store_id)
    with read_session(engine) as session:
        store = session.get(Store, wanted)
        if store is None:
            raise ApiError(404, "not_found", "No store with this id.")
        zone = ZoneInfo(store.timezone or "Asia/Tokyo")
        start = as_utc(datetime.combine(since, time(0), zone))
        end = as_utc(datetime.combine(until + timedelta(days=1), time(0), zone))
        today = utcnow().astimezone(zone).date()
        per_staff: dict[str, Figures] = defaultdict(Figures)
        per_day: dict[date, DayFigures] = {}

        def day(d: date) -> DayFigures:
            return per_day.setdefault(d, DayFigures(day=d))

        followups_q = (
            select(
                col(FollowUp.staff_id), col(FollowUp.status), col(FollowUp.due_date), func.count()
            )
            .where(
                col(FollowUp.store_id) == wanted,
                col(FollowUp.due_date) >= since,
                col(FollowUp.due_date) <= until,
                col(FollowUp.status) != "cancelled",
            )
            .group_by(FollowUp.staff_id, col(FollowUp.status), col(FollowUp.due_date))
        )
        # Messages: counted per staff member by the database, and the sent ones per day.
        # (send_after bounds the rows read: a message goes at or after it.)
        recent = (
            col(Message.store_id) == wanted,
            col(Message.send_after) >= start - OPENED_LATER,
            col(Message.send_after) < end,
        )

        def within(column: Any, extra: Any = None) -> Any:
            inside = (column >= start) & (column < end)
            return func.sum(case((inside if extra is None else inside & extra, 1), else_=0))

        counts_q = (
            select(
                col(FollowUp.staff_id),
                within(col(Message.sent_at), col(Message.status) == "sent"),
                within(col(Message.send_after), col(Message.status) == "blocked"),
                within(col(Message.opened_at)),
                within(col(Message.clicked_at)),
            )
            .join(FollowUp, col(FollowUp.id) == col(Message.followup_id))
            .where(*recent)
            .group_by(col(FollowUp.staff_id))
        )
        sent_day = _local_day(engine, col(Message.sent_at), zone)
        sent_days_q = (
            select(sent_day, func.count())
            .where(
                *recent,
                col(Message.status) == "sent",
                col(Message.sent_at) >= start,
                col(Message.sent_at) < end,
            )
            .group_by(sent_day)
        )
        orders_q = (
            select(
                col(FollowUp.staff_id),
                col(Order.attributed_followup_id),
                col(Order.ordered_at),
                col(Order.total_jpy),
                col(Order.refunded_jpy),
            )
            .join(FollowUp, col(FollowUp.id) == col(Order.attributed_followup_id))
            .where(
                col(FollowUp.store_id) == wanted,
                col(Order.ordered_at) >= start,
                col(Order.ordered_at) < end,
                col(Order.status).not_in(CLOSED_ORDERS),
            )
        )
        followups, counts, sent_days, orders = _read_at_once(
            engine, [followups_q, counts_q, sent_days_q, orders_q]
        )
        for staff_id, status, due_date, n in followups:
            f = per_staff[staff_id]
            f.due += n
            if status == "done":
                f.done += n
                day(due_date).done += n
            elif status == "planned" and due_date < today:
                f.overdue += n
        for staff_id, sent, blocked, opened, clicked in counts:
            f = per_staff[staff_id]
            f.sent, f.blocked = int(sent or 0), int(blocked or 0)
            f.opened, f.clicked = int(opened or 0), int(clicked or 0)
        for d, n in sent_days:
            day(d if isinstance(d, date) else date.fromisoformat(str(d))).sent += int(n)
        credited: dict[str, set[str]] = defaultdict(set)
        for staff_id, followup_id, ordered_at, total, refunded in orders:
            amount = int(Decimal(total) - Decimal(refunded or 0))
            per_staff[staff_id].revenue_jpy += amount
            credited[staff_id].add(str(followup_id))
            day(as_utc(ordered_at).astimezone(zone).date()).revenue_jpy += amount
        names: dict[str, str] = dict(
            session.execute(
                select(col(Staff.id), col(Staff.name)).where(col(Staff.id).in_(sorted(per_staff)))
            ).all()
        )
    totals = Figures()
    rows = []
    for staff_id, f in per_staff.items():
        f.credited = len(credited.get(staff_id, ()))
        f.conversion = round(f.credited / f.done, 4) if f.done else 0.0
        for name in Figures.model_fields:
            if name != "conversion":
                setattr(totals, name, getattr(totals, name) + getattr(f, name))
        rows.append(StaffFigures(staff_id=staff_id, name=names.get(staff_id, ""), figures=f))
    totals.conversion = round(totals.credited / totals.done, 4) if totals.done else 0.0
    rows.sort(key=lambda r: (-r.figures.revenue_jpy, -r.figures.done, r.name))
    days = [
        per_day.get(since + timedelta(days=n)) or DayFigures(day=since + timedelta(days=n))
        for n in range((until - since).days + 1)
    ]
    return DashboardReport(
        store_id=wanted,
        store_name=store.name,
        since=since,
        until=until,
        totals=totals,
        staff=rows,
        days=days,
    )


def _read_at_once(engine: Engine, queries: list[Any]) -> list[list[Any]]:
    """Independent reads run side by side, each in its own read transaction (the dashboard
    waits for the slowest, not for their sum)."""

    def read(query: Any) -> list[Any]:
        with read_session(engine) as session:
            return list(session.execute(query).all())

    return list(_READERS.map(read, queries))


def _local_day(engine: Engine, column: Any, zone: ZoneInfo) -> Any:
    """The store's calendar day of a UTC time, computed by the database: exactly on
    PostgreSQL (AT TIME ZONE); on SQLite (the embedded default, one store's zone) by the
    zone's offset now."""
    if engine.dialect.name == "postgresql":
        return func.date(func.timezone(zone.key, column))
    offset = utcnow().astimezone(zone).utcoffset() or timedelta(0)
    return func.date(column, f"{int(offset.total_seconds()) // 60:+d} minutes")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (= + - @, a tab or a
    carriage return) gets a leading apostrophe."""
    text = str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def as_csv(found: DashboardReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in [*found.staff, StaffFigures(staff_id="", name="合計 / Total", figures=found.totals)]:
        f = row.figures
        writer.writerow(
            [
                safe_cell(row.name),
                f.due,
                f.done,
                f.overdue,
                f.sent,
                f.blocked,
                f.opened,
                f.clicked,
                f.credited,
                f"{f.conversion:.4f}",
                f.revenue_jpy,
            ]
        )
    return out.getvalue()
