"""The pure pieces of follow-up timing: which days a rule allows, the quiet hours, the cap."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sync.protocol.followups import QuietHours
from sync.server.timing import (
    Signal,
    candidate_days,
    choose_time,
    fits_cap,
    out_of_quiet_hours,
    service_time,
)

JST = ZoneInfo("Asia/Tokyo")
NIGHT = QuietHours(start=time(21), end=time(9))


def test_before_the_weekend_means_the_weekday_nearest_the_first_weekend() -> None:
    friday = date(2026, 10, 23)
    days = candidate_days(friday, 3, 6, True, friday)
    assert days[0] == date(2026, 10, 30)  # the next Friday
    assert all(d.weekday() < 5 for d in days)
    assert candidate_days(friday, 3, 6, False, friday)[0] == date(2026, 10, 26)
    # Days already past are not offered.
    assert candidate_days(friday, 3, 6, False, date(2026, 10, 28))[0] == date(2026, 10, 28)
    assert candidate_days(friday, 3, 2, False, date(2026, 11, 30)) == []


def test_quiet_hours_across_midnight_and_inside_a_day() -> None:
    assert out_of_quiet_hours(7, NIGHT) == (9, True)
    assert out_of_quiet_hours(23, NIGHT) == (20, True)
    assert out_of_quiet_hours(2, NIGHT) == (9, True)
    assert out_of_quiet_hours(12, NIGHT) == (12, False)
    lunch = QuietHours(start=time(12), end=time(13))
    assert out_of_quiet_hours(12, lunch) == (11, True)
    assert out_of_quiet_hours(13, lunch) == (13, False)
    assert out_of_quiet_hours(3, QuietHours(start=time(0), end=time(0))) == (3, False)


def test_the_cap_counts_every_run_of_days() -> None:
    planned = [date(2026, 10, 23)]
    assert not fits_cap(planned, date(2026, 10, 29), 1, 7)
    assert not fits_cap(planned, date(2026, 10, 17), 1, 7)
    assert fits_cap(planned, date(2026, 10, 30), 1, 7)
    assert fits_cap(planned, date(2026, 10, 16), 1, 7)
    assert fits_cap(planned, date(2026, 10, 24), 2, 7)
    assert not fits_cap([*planned, date(2026, 10, 25)], date(2026, 10, 24), 2, 7)


def test_a_refused_day_moves_the_contact_and_says_so() -> None:
    days = [date(2026, 10, 30), date(2026, 10, 29)]
    at, timing = choose_time(days, [], JST, NIGHT, 18, lambda d: d != days[0]) or (None, None)
    assert at == datetime(2026, 10, 29, 18, tzinfo=JST)
    assert timing is not None and timing.capped and timing.basis == "default"
    assert choose_time(days, [], JST, NIGHT, 18, lambda d: False) is None


def test_one_signal_is_not_a_habit() -> None:
    once = [Signal("email_engagement", datetime(2026, 10, 6, 7, 45, tzinfo=JST))]
    chosen = choose_time([date(2026, 10, 30)], once, JST, NIGHT, 18, lambda d: True)
    assert chosen is not None and chosen[1].basis == "default" and chosen[0].hour == 18


def test_service_contacts_leave_the_quiet_hours_but_not_past_the_deadline() -> None:
    late = datetime(2026, 10, 21, 22, 30, tzinfo=JST)
    assert service_time(late, JST, NIGHT, None) == datetime(2026, 10, 22, 9, tzinfo=JST)
    expires = datetime(2026, 10, 22, 6, 30, tzinfo=JST)
    before = service_time(late, JST, NIGHT, expires)
    assert before == datetime(2026, 10, 21, 20, tzinfo=JST) and before < expires
    noon = datetime(2026, 10, 21, 12, 5, tzinfo=JST)
    assert service_time(noon, JST, NIGHT, noon + timedelta(hours=1)) == noon


def test_late_days_are_the_days_left_before_the_occasion() -> None:
    from sync.server.timing import late_days

    occasion = date(2026, 11, 3)
    assert late_days(occasion, 344, 7, date(2026, 10, 28)) == [
        date(2026, 10, 28) + timedelta(days=n) for n in range(6)
    ]
    assert late_days(occasion, 344, 2, date(2026, 10, 28)) == [
        date(2026, 10, 28) + timedelta(days=n) for n in range(3)
    ]  # no more days than the window had
    assert late_days(occasion, 344, 7, date(2026, 11, 3)) == []  # the day itself: too late
