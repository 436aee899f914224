"""The demo's clock: every timestamp is an offset before one reference instant (JST).

`generate()` uses the fixed `REFERENCE_TIME` by default, so its output is identical on every
run; a live demo (the embedded server, `--seed demo`) is generated against the moment it is
seeded (`live_reference`), so its stories are as recent on any day as they are on the
reference day. Formatting from precomputed day strings keeps a million timestamps cheap.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
REFERENCE_TIME = datetime(2026, 11, 1, 10, 0, tzinfo=JST)
REFERENCE_DATE: date = REFERENCE_TIME.date()
DAY = 86_400
YEAR = 365 * DAY

_COVERED_DAYS = 12 * 366
# index = minute of the day
_TIMES: list[str] = [f"T{m // 60:02d}:{m % 60:02d}:00+09:00" for m in range(24 * 60)]


def live_reference(now: datetime | None = None) -> datetime:
    """The reference for a demo seeded at `now` (default: the wall clock): that minute, JST."""
    moment = (now or datetime.now(JST)).astimezone(JST)
    return moment.replace(second=0, microsecond=0)


class Timeline:
    """Timestamps relative to one reference instant (whole minutes, JST)."""

    __slots__ = ("_dates", "_second_of_day", "reference", "reference_date")

    def __init__(self, reference: datetime = REFERENCE_TIME) -> None:
        if reference.tzinfo is None:
            raise ValueError("the reference must be timezone-aware")
        self.reference = live_reference(reference)
        self.reference_date: date = self.reference.date()
        self._second_of_day = self.reference.hour * 3600 + self.reference.minute * 60
        # index = days before the reference date
        self._dates = [
            (self.reference_date - timedelta(days=d)).isoformat() for d in range(_COVERED_DAYS)
        ]

    def iso_before(self, seconds: int) -> str:
        """The ISO 8601 timestamp (+09:00), to the minute, `seconds` before the reference.

        Demo timestamps are whole minutes: two table look-ups instead of datetime arithmetic.
        """
        days_back, second_of_day = divmod(self._second_of_day - seconds, DAY)
        if seconds < 0 or -days_back >= _COVERED_DAYS:
            moment = self.reference - timedelta(seconds=seconds)
            return moment.replace(second=0).isoformat()
        return self._dates[-days_back] + _TIMES[second_of_day // 60]

    def seconds_before(self, moment: datetime) -> int:
        """How many whole seconds `moment` lies before the reference."""
        return int((self.reference - moment).total_seconds())

    def iso_on_day(self, days_before: int, minute_of_day: int) -> str:
        """The ISO 8601 timestamp (+09:00) at a wall-clock minute, `days_before` days before."""
        if not 0 <= minute_of_day < 24 * 60:
            raise ValueError("minute_of_day must be within one day")
        if 0 <= days_before < _COVERED_DAYS:
            return self._dates[days_before] + _TIMES[minute_of_day]
        return self.at(days_before, *divmod(minute_of_day, 60)).isoformat()

    def at(self, days_before: int, hour: int, minute: int = 0) -> datetime:
        """A JST wall-clock moment `days_before` days before the reference date (the stories)."""
        day = self.reference_date - timedelta(days=days_before)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=JST)


DEMO_TIMELINE = Timeline(REFERENCE_TIME)
iso_before = DEMO_TIMELINE.iso_before
seconds_before = DEMO_TIMELINE.seconds_before
iso_on_day = DEMO_TIMELINE.iso_on_day


def jst(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A JST wall-clock moment, for rows fixed in calendar time (the consent wording's date)."""
    return datetime(year, month, day, hour, minute, tzinfo=JST)
