"""When to make contact: the day and hour chosen from the customer's own history, inside the
chain's quiet hours and under its frequency cap. Pure functions of their arguments (the
planner gathers the history and the contacts already planned).

The history is three kinds of **signals**: store visits (one a day), online orders, and
email opens and clicks. For each kind with at least two signals, the (weekday, part of day)
that most of them fall on is a candidate; the strongest one whose weekday is among the days
the rule allows decides the day and the hour ("Fri 19:00: 4 of 6 online orders were Friday
evenings"). Failing that, the strongest part of day decides the hour on the rule's preferred
day; failing that, the chain's default hour does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sync.protocol.followups import FollowupTiming, QuietHours, TimingBasis

MIN_SIGNALS = 2
SATURDAY = 5


@dataclass(frozen=True, slots=True)
class Signal:
    basis: TimingBasis
    at: datetime  # aware


def part_of_day(hour: int) -> int:
    """0 night (23-5), 1 morning (5-12), 2 afternoon (12-17), 3 evening (17-23)."""
    if 5 <= hour < 12:
        return 1
    if 12 <= hour < 17:
        return 2
    if 17 <= hour < 23:
        return 3
    return 0


def candidate_days(
    anchor: date, offset_days: int, window_days: int, before_weekend: bool, today: date
) -> list[date]:
    """The days a contact may fall on, best first: from anchor + offset, `window_days` more,
    not before today. Before the weekend: weekdays only, the ones nearest the first weekend
    first (Fri, Thu, ... then the next week)."""
    first = anchor + timedelta(days=offset_days)
    days = [first + timedelta(days=n) for n in range(window_days + 1)]
    days = [d for d in days if d >= today]
    if not before_weekend:
        return days
    weekdays = [d for d in days if d.weekday() < SATURDAY]
    return sorted(weekdays, key=lambda d: (d.isocalendar()[:2], -d.weekday()))


def late_days(occasion: date, offset_days: int, window_days: int, today: date) -> list[date]:
    """An occasion whose window has passed but which is still ahead: the days left before
    it, from today, as many as the window had (none once the occasion is here)."""
    if today >= occasion:
        return []
    window_end = today + timedelta(days=window_days)
    return [
        today + timedelta(days=n)
        for n in range((min(occasion, window_end + timedelta(days=1)) - today).days)
    ]


def _mode_hour(hours: Iterable[int]) -> int:
    counts = Counter(hours)
    best = max(counts.values())
    return min(h for h, c in counts.items() if c == best)


@dataclass(frozen=True, slots=True)
class _Pattern:
    basis: TimingBasis
    count: int
    total: int
    weekday: int | None
    hour: int


def _patterns(local: Sequence[tuple[TimingBasis, datetime]], weekdays: set[int]) -> list[_Pattern]:
    """Per basis: the strongest (weekday, part of day) among `weekdays`, and the strongest part
    of day on any weekday (weekday None)."""
    found: list[_Pattern] = []
    for basis in ("online_orders", "store_visits", "email_engagement"):
        times = [at for b, at in local if b == basis]
        if len(times) < MIN_SIGNALS:
            continue
        by_slot = Counter((t.weekday(), part_of_day(t.hour)) for t in times)
        slots = [(c, s) for s, c in by_slot.items() if s[0] in weekdays]
        if slots:
            count, (weekday, part) = max(slots, key=lambda cs: (cs[0], -cs[1][0], cs[1][1]))
            if count >= MIN_SIGNALS:
                hour = _mode_hour(
                    t.hour for t in times if (t.weekday(), part_of_day(t.hour)) == (weekday, part)
                )
                found.append(_Pattern(basis, count, len(times), weekday, hour))
        by_part = Counter(part_of_day(t.hour) for t in times)
        part, count = max(by_part.items(), key=lambda pc: (pc[1], pc[0]))
        if count >= MIN_SIGNALS:
            hour = _mode_hour(t.hour for t in times if part_of_day(t.hour) == part)
            found.append(_Pattern(basis, count, len(times), None, hour))
    return found


def out_of_quiet_hours(hour: int, quiet: QuietHours) -> tuple[int, bool]:
    """The hour itself when contact is allowed then; else the nearest allowed hour on the same
    day (the end of the quiet hours in the morning, the hour before they start at night)."""
    moment = time(hour)
    start, end = quiet.start, quiet.end
    if start == end:
        return hour, False
    if start > end:  # across midnight: quiet from start to 24:00 and from 0:00 to end
        if moment >= start:
            return max(start.hour - 1, end.hour), True
        if moment < end:
            return _ceil_hour(end), True
        return hour, False
    if start <= moment < end:  # quiet inside one day
        return (start.hour - 1, True) if start.hour > 0 else (_ceil_hour(end), True)
    return hour, False


def _ceil_hour(moment: time) -> int:
    return min(23, moment.hour + (1 if moment.minute or moment.second else 0))


def fits_cap(planned: Sequence[date], day: date, max_contacts: int, per_days: int) -> bool:
    """True when one more contact on `day` keeps every run of `per_days` days at or under
    `max_contacts` contacts."""
    for start_offset in range(per_days):
        start = day - timedelta(days=per_days - 1 - start_offset)
        end = start + timedelta(days=per_days - 1)
        if sum(1 for d in planned if start <= d <= end) + 1 > max_contacts:
            return False
    return True


def choose_time(
    days: Sequence[date],
    signals: Iterable[Signal],
    zone: ZoneInfo,
    quiet: QuietHours,
    default_hour: int,
    allowed: Callable[[date], bool],
) -> tuple[datetime, FollowupTiming] | None:
    """The moment to make contact on one of `days` (best first) and why; None when `allowed`
    (the frequency cap) refuses every day."""
    if not days:
        return None
    local = [(s.basis, s.at.astimezone(zone)) for s in signals]
    patterns = _patterns(local, {d.weekday() for d in days})
    on_weekday = [p for p in patterns if p.weekday is not None]
    any_day = [p for p in patterns if p.weekday is None]
    pattern = max(on_weekday or any_day, key=lambda p: (p.count, p.count / p.total), default=None)
    if pattern is None:
        timing = FollowupTiming(basis="default", hour=default_hour)
        ordered = list(days)
    else:
        timing = FollowupTiming(
            basis=pattern.basis,
            count=pattern.count,
            total=pattern.total,
            weekday=pattern.weekday,
            hour=pattern.hour,
        )
        ordered = sorted(days, key=lambda d: 0 if d.weekday() == pattern.weekday else 1)
    hour, moved = out_of_quiet_hours(timing.hour, quiet)
    timing = timing.model_copy(update={"hour": hour, "quiet_hours": moved})
    for n, day in enumerate(ordered):
        if allowed(day):
            if n > 0:  # the best day was refused by the cap
                timing = timing.model_copy(update={"capped": True})
            return datetime.combine(day, time(hour), zone), timing
    return None


def _quiet(moment: datetime, quiet: QuietHours) -> bool:
    at, start, end = moment.time(), quiet.start, quiet.end
    if start == end:
        return False
    return at >= start or at < end if start > end else start <= at < end


def service_time(
    target: datetime, zone: ZoneInfo, quiet: QuietHours, latest: datetime | None
) -> datetime:
    """A service contact (a hold expiring, a pickup ready) as near `target` as the quiet hours
    allow: the first allowed hour after it, or, when that is not before `latest` (the hold has
    expired by then), the last allowed hour before it."""
    local = target.astimezone(zone)
    if not _quiet(local, quiet):
        return local
    hour = local.replace(minute=0, second=0, microsecond=0)
    for step in range(1, 49):
        later = hour + timedelta(hours=step)
        if not _quiet(later, quiet):
            if latest is None or later < latest:
                return later
            break
    for step in range(0, 49):
        earlier = hour - timedelta(hours=step)
        if not _quiet(earlier, quiet):
            return earlier
    return local
