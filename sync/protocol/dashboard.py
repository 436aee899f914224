"""Wire schemas of the manager's dashboard: a store's follow-up loop over a period, in total,
per staff member and per day (sync.server.dashboard computes it)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel


class Figures(BaseModel):
    """Follow-ups due in the period (done, still open and past due), messages sent in it
    (blocked at send time, opened, clicked), follow-ups credited with a sale and the
    attributed revenue (orders in the period, less refunds; cancelled and returned ones
    left out). `conversion` = credited / done."""

    due: int = 0
    done: int = 0
    overdue: int = 0
    sent: int = 0
    blocked: int = 0
    opened: int = 0
    clicked: int = 0
    credited: int = 0
    revenue_jpy: int = 0
    conversion: float = 0.0


class StaffFigures(BaseModel):
    staff_id: str
    name: str
    figures: Figures


class DayFigures(BaseModel):
    day: date
    done: int = 0
    sent: int = 0
    revenue_jpy: int = 0


class DashboardReport(BaseModel):
    store_id: str
    store_name: str
    since: date
    until: date  # inclusive, in the store's calendar
    totals: Figures
    staff: list[StaffFigures]
    days: list[DayFigures]
