"""Failed sign-ins limited per staff member, per device and per address: after too many, the
key is locked for a while and every attempt on it gets 429 with Retry-After — right PIN or
wrong, so a lockout says nothing about the PIN.

Counts live in the central database (`auth_throttle`), so every API worker sees the same ones,
and each is written in its own transaction: the failed sign-in that raised it rolls back,
the count does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.server.db import dialect_insert
from sync.server.errors import ApiError
from sync.server.models import AuthThrottle
from sync.server.timeutil import as_utc


@dataclass(frozen=True, slots=True)
class Limit:
    failures: int  # this many failures within `window` ...
    lockout: timedelta  # ... lock the key for this long
    window: timedelta = field(default=timedelta(minutes=15))


@dataclass(frozen=True, slots=True)
class SignInLimits:
    # One staff member (or one unknown staff code): a few wrong PINs, then a pause.
    staff: Limit = field(default=Limit(5, timedelta(minutes=5)))
    # One terminal, whoever is trying on it (walking codes or badges).
    device: Limit = field(default=Limit(20, timedelta(minutes=15)))
    # One network address, for device registration (no device yet).
    address: Limit = field(default=Limit(20, timedelta(minutes=15)))


def check(engine: Engine, keys: list[str], now: datetime) -> None:
    """429 when any of `keys` is locked."""
    if not keys:
        return
    with engine.connect() as conn:
        locks = conn.execute(
            select(AuthThrottle.locked_until).where(
                col(AuthThrottle.key).in_(keys), col(AuthThrottle.locked_until).is_not(None)
            )
        ).scalars()
        waits = [(as_utc(until) - now).total_seconds() for until in locks if until is not None]
    waits = [w for w in waits if w > 0]
    if waits:
        retry = math.ceil(max(waits))
        raise ApiError(
            429,
            "too_many_attempts",
            f"Too many failed sign-ins: try again in {_minutes(retry)}.",
            retry_after=retry,
        )


def record_failure(engine: Engine, key: str, limit: Limit, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(AuthThrottle, key, with_for_update=True)
        if row is None:
            session.execute(
                dialect_insert(session, AuthThrottle)
                .values(key=key, failures=0, first_failure_at=now, locked_until=None)
                .on_conflict_do_nothing()
            )
            row = session.get(AuthThrottle, key, with_for_update=True)
            assert row is not None
        if now - as_utc(row.first_failure_at) > limit.window:
            row.failures, row.first_failure_at = 0, now
        row.failures += 1
        if row.failures >= limit.failures:
            row.failures, row.first_failure_at, row.locked_until = 0, now, now + limit.lockout


def clear(session: Session, key: str) -> None:
    """A successful sign-in: the count starts again (in the sign-in's own transaction)."""
    session.execute(delete(AuthThrottle).where(col(AuthThrottle.key) == key))


def _minutes(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return "1 minute" if minutes <= 1 else f"{minutes} minutes"
