"""The manager's follow-up dashboard, from the terminal's side: the periods a manager picks
from, in the store's calendar, and the figures (online: the central API computes them and
decides who may see them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from clienteling.domain.errors import InvalidInput
from clienteling.domain.storetime import StoreClock
from clienteling.services.context import StaffContext
from clienteling.services.devices import MANAGER_ROLES, online_problem
from clienteling.services.ports import DashboardSource
from sync.client.api import ApiError
from sync.protocol.dashboard import DashboardReport

OFFLINE = "The dashboard needs the server: this terminal is offline."
NOT_A_MANAGER = "Only a manager sees the dashboard."
PERIODS = ("week", "month", "30_days", "quarter", "year")


@dataclass(frozen=True, slots=True)
class Period:
    code: str
    since: date
    until: date  # inclusive


def period(code: str, today: date) -> Period:
    """This week (from Monday), this month, the last 30 days, the last 90, the last year."""
    if code == "week":
        return Period(code, today - timedelta(days=today.weekday()), today)
    if code == "month":
        return Period(code, today.replace(day=1), today)
    if code == "30_days":
        return Period(code, today - timedelta(days=29), today)
    if code == "quarter":
        return Period(code, today - timedelta(days=89), today)
    if code == "year":
        return Period(code, today - timedelta(days=364), today)
    raise InvalidInput(f"Unknown period: {code}")


class DashboardService:
    def __init__(
        self, api: DashboardSource | None, context: StaffContext, clock: StoreClock
    ) -> None:
        self._api, self._context, self._clock = api, context, clock

    @property
    def available(self) -> bool:
        return self._api is not None and self._context.role in MANAGER_ROLES

    def period(self, code: str) -> Period:
        return period(code, self._clock.now().date())

    async def figures(self, chosen: Period) -> DashboardReport:
        api = self._require()
        try:
            return await api.dashboard(chosen.since, chosen.until)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc

    async def export(self, chosen: Period) -> bytes:
        """The figures per staff member as CSV (no cell a spreadsheet would run)."""
        api = self._require()
        try:
            return await api.dashboard_csv(chosen.since, chosen.until)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc

    def _require(self) -> DashboardSource:
        if self._api is None or not self.available:
            raise InvalidInput(NOT_A_MANAGER)
        return self._api
