"""The server clock's chores: expiring reservations whose time ran out, and purging old
tombstones. Each due reservation is expired in its own transaction (`FOR UPDATE SKIP
LOCKED`, then a conditional transition), so with several API workers sweeping at once every
row is released exactly once, and one row that fails leaves every other row expiring."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from sqlalchemy import Engine

from sync.protocol import TOMBSTONE_RETENTION_DAYS
from sync.server.changes import purge_tombstones, touched_buckets
from sync.server.db import read_session, write_session
from sync.server.middleware import where_it_failed
from sync.server.mutations.reservations import due_reservations, expire_one
from sync.server.pgnotify import notify_buckets
from sync.server.timeutil import utcnow

log = logging.getLogger(__name__)

BATCH = 500


def sweep_reservations(
    engine: Engine,
    now: datetime | None = None,
    publish: Callable[[Iterable[str]], None] | None = None,
) -> int:
    """Expire what is due at `now` (the server's clock); returns how many this call expired.

    A row that fails is logged (its id and the error's type and place) and skipped; it is
    tried again at the next sweep.
    """
    now = now or utcnow()
    expired = 0
    seen: set[str] = set()  # tried in this sweep: expired, failed, or held by another sweeper
    while True:
        with read_session(engine) as session:
            due = due_reservations(session, now, BATCH + len(seen))
        fresh = [r for r in due if r not in seen]
        if not fresh:
            return expired
        for reservation_id in fresh:
            seen.add(reservation_id)
            try:
                with write_session(engine) as session:
                    if not expire_one(session, reservation_id, now):
                        continue
                    touched = touched_buckets(session)
                    notify_buckets(session, touched)
            except Exception as exc:
                log.warning(
                    "could not expire reservation %s: %s", reservation_id, where_it_failed(exc)
                )
                continue
            expired += 1
            if publish is not None:
                publish(touched)
        if len(due) < BATCH + len(seen) - len(fresh):
            return expired


def purge_old_tombstones(engine: Engine) -> int:
    older_than = utcnow() - timedelta(days=TOMBSTONE_RETENTION_DAYS)
    with write_session(engine) as session:
        return purge_tombstones(session, older_than)
