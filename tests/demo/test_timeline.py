"""The fixed demo clock formats the same instants datetime does, without the wall clock."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from sync.server.demo.timeline import JST, REFERENCE_TIME, iso_before, iso_on_day, seconds_before


def test_iso_before_agrees_with_datetime_to_the_minute() -> None:
    rng = random.Random(11)
    samples = [
        0,
        59,
        60,
        36_000,
        36_001,
        86_399,
        86_400,
        *(rng.randrange(20 * 365 * 86_400) for _ in range(5_000)),
    ]
    for seconds in samples:
        expected = (REFERENCE_TIME - timedelta(seconds=seconds)).replace(second=0)
        assert iso_before(seconds) == expected.isoformat(), seconds
        assert datetime.fromisoformat(iso_before(seconds)).tzinfo is not None


def test_iso_on_day_names_the_wall_clock_minute() -> None:
    assert iso_on_day(0, 10 * 60) == "2026-11-01T10:00:00+09:00"
    assert iso_on_day(366, 19 * 60 + 59) == "2025-10-31T19:59:00+09:00"
    far = iso_on_day(20 * 365, 0)
    assert datetime.fromisoformat(far) == datetime(2006, 11, 6, tzinfo=JST)
    with pytest.raises(ValueError):
        iso_on_day(1, 24 * 60)


def test_seconds_before_inverts_iso_before() -> None:
    for seconds in (0, 60, 3_600 * 30, 86_400 * 400):
        assert seconds_before(datetime.fromisoformat(iso_before(seconds))) == seconds


def test_any_reference_formats_like_datetime_and_the_chain_ends_there() -> None:
    from sync.server.demo import generate, live_reference
    from sync.server.demo.timeline import Timeline

    reference = datetime(2027, 3, 17, 16, 42, 31, tzinfo=JST)
    timeline = Timeline(reference)
    assert timeline.reference == reference.replace(second=0)
    for seconds in (0, 60, 3_600 * 30, 86_400 * 400, 86_400 * 365 * 13):
        expected = (timeline.reference - timedelta(seconds=seconds)).replace(second=0)
        assert timeline.iso_before(seconds) == expected.isoformat()
    assert timeline.iso_on_day(1, 9 * 60) == "2027-03-16T09:00:00+09:00"
    with pytest.raises(ValueError):
        Timeline(datetime(2027, 3, 17))  # naive

    chain = generate(customers=60, seed=3, reference=reference)
    stamps = [datetime.fromisoformat(o["ordered_at"]) for o in chain.iter_orders()]
    stamps += [datetime.fromisoformat(a["occurred_at"]) for a in chain.iter_activities()]
    stamps += [datetime.fromisoformat(c["created_at"]) for c in chain.iter_customers()]
    assert stamps and max(stamps) < reference
    assert max(stamps) > reference - timedelta(days=3)  # the bike, two days ago
    now = live_reference()
    assert now.utcoffset() == timedelta(hours=9) and now.second == 0
