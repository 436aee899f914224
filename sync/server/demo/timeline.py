"""The demo's fixed clock: every timestamp is an offset before one reference instant (JST).

Using a fixed reference instead of the wall clock keeps the output identical on every run;
formatting from precomputed day strings keeps a million timestamps cheap.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
REFERENCE_TIME = datetime(2026, 11, 1, 10, 0, tzinfo=JST)
REFERENCE_DATE: date = REFERENCE_TIME.date()
DAY = 86_400
YEAR = 365 * DAY

_REF_SECOND_OF_DAY = 10 * 3600
_COVERED_DAYS = 12 * 366
# index = days before the reference date
_DATES: list[str] = [(REFERENCE_DATE - timedelta(days=d)).isoformat() for d in range(_COVERED_DAYS)]


# index = minute of the day
_TIMES: list[str] = [f"T{m // 60:02d}:{m % 60:02d}:00+09:00" for m in range(24 * 60)]


def iso_before(seconds: int) -> str:
    """The ISO 8601 timestamp (+09:00), to the minute, `seconds` before the reference time.

    Demo timestamps are whole minutes: two table look-ups instead of datetime arithmetic.
    """
    days_back, second_of_day = divmod(_REF_SECOND_OF_DAY - seconds, DAY)
    if seconds < 0 or -days_back >= _COVERED_DAYS:
        moment = REFERENCE_TIME - timedelta(seconds=seconds)
        return moment.replace(second=0).isoformat()
    return _DATES[-days_back] + _TIMES[second_of_day // 60]


def seconds_before(moment: datetime) -> int:
    """How many whole seconds `moment` lies before the reference time."""
    return int((REFERENCE_TIME - moment).total_seconds())


def jst(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A JST wall-clock moment, for the hand-written story rows."""
    return datetime(year, month, day, hour, minute, tzinfo=JST)


def iso_on_day(days_before: int, minute_of_day: int) -> str:
    """The ISO 8601 timestamp (+09:00) at a wall-clock minute, `days_before` days before."""
    if not 0 <= minute_of_day < 24 * 60:
        raise ValueError("minute_of_day must be within one day")
    if 0 <= days_before < _COVERED_DAYS:
        return _DATES[days_before] + _TIMES[minute_of_day]
    day = REFERENCE_DATE - timedelta(days=days_before)
    hour, minute = divmod(minute_of_day, 60)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=JST).isoformat()
