"""Running events in transactions: one event, or an NDJSON body in batches of 2,000 events
(each batch one transaction: sync.server.ingest.batch). Every line is validated on its own; a
bad line is reported with its number and the reason, never its values; the good lines are
kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from sync.protocol.ingest import (
    MAX_BULK_LINES,
    BulkResult,
    IngestEvent,
    IngestResult,
    RejectedLine,
)
from sync.server.changes import forget_touched, touched_buckets
from sync.server.db import write_session
from sync.server.errors import ApiError
from sync.server.ingest.batch import Batch, Result
from sync.server.ingest.identity import IngestRejected
from sync.server.integrations import IntegrationAuth
from sync.server.summaries import refresh_after

BATCH = 2000
MAX_LISTED_REJECTIONS = 1000
Publish = Callable[[Iterable[str]], None]

_STATUS = {"wrong_source": 403, "kind_not_allowed": 403, "event_id_reused": 409}


def describe(exc: ValidationError, limit: int = 3) -> str:
    """`order.lines.0.quantity: Input should be greater than or equal to 1` (no values)."""
    parts = []
    for err in exc.errors(include_input=False, include_url=False)[:limit]:
        loc = ".".join(str(p) for p in err.get("loc", ())) or "event"
        if err.get("type") == "json_invalid":
            parts.append("the line is not valid JSON")
        else:
            parts.append(f"{loc}: {err.get('msg', 'is invalid')}")
    more = exc.error_count() - limit
    if more > 0:
        parts.append(f"and {more} more problem(s)")
    return "; ".join(parts)


def apply_events(
    engine: Engine, auth: IntegrationAuth, events: list[IngestEvent], publish: Publish
) -> list[Result]:
    """One transaction for the batch. A conflict with a request writing the same events or
    the same new customer at this moment: the batch again (it then finds them); if it keeps
    conflicting, each event on its own, so only the one in conflict fails."""
    for _attempt in range(3):
        try:
            return _transaction(engine, auth, events, publish)
        except DBAPIError as exc:
            if not _conflict(exc):
                raise
    return [_alone(engine, auth, event, publish) for event in events]


def _alone(engine: Engine, auth: IntegrationAuth, event: IngestEvent, publish: Publish) -> Result:
    """One event in its own transaction; a conflict means another request just wrote the same
    row (a ticket, a new customer): the next attempt reads it."""
    for _attempt in range(5):
        try:
            [result] = _transaction(engine, auth, [event], publish)
            return result
        except DBAPIError as exc:
            if not _conflict(exc):
                raise
    return IngestRejected("conflict", "the event conflicts with one written at the same time")


# PostgreSQL: a deadlock, or a serialization failure: the transaction can simply run again.
_RETRY_STATES = ("40P01", "40001")


def _conflict(exc: DBAPIError) -> bool:
    """A write that met another one at the same moment (a key taken meanwhile, a deadlock)."""
    if isinstance(exc, IntegrityError):
        return True
    return getattr(exc.orig, "sqlstate", None) in _RETRY_STATES


def _transaction(
    engine: Engine, auth: IntegrationAuth, events: list[IngestEvent], publish: Publish
) -> list[Result]:
    with write_session(engine) as session:
        batch = Batch(session, auth)
        results = batch.run(events)
        buckets = touched_buckets(session)
        forget_touched(session)
    publish(buckets | refresh_after(engine, batch.touched))
    return results


def ingest_one(
    engine: Engine, auth: IntegrationAuth, event: IngestEvent, publish: Publish
) -> IngestResult:
    [result] = apply_events(engine, auth, [event], publish)
    if isinstance(result, IngestRejected):
        raise ApiError(_STATUS.get(result.code, 422), result.code, result.reason)
    return result


class BulkRun:
    def __init__(self, engine: Engine, auth: IntegrationAuth, publish: Publish) -> None:
        self.engine = engine
        self.auth = auth
        self.publish = publish
        self.result = BulkResult(
            lines=0, applied=0, duplicates=0, waiting=0, stale=0, rejected=[], rejected_count=0
        )

    def reject(self, number: int, event_id: str | None, code: str, reason: str) -> None:
        self.result.rejected_count += 1
        if len(self.result.rejected) < MAX_LISTED_REJECTIONS:
            self.result.rejected.append(
                RejectedLine(line=number, event_id=event_id, error=code, reason=reason)
            )

    def count(self, outcome: str) -> None:
        r = self.result
        if outcome == "applied":
            r.applied += 1
        elif outcome == "duplicate":
            r.duplicates += 1
        elif outcome == "waiting":
            r.waiting += 1
        else:
            r.stale += 1

    def run(self, body: bytes) -> BulkResult:
        numbers: list[int] = []
        batch: list[IngestEvent] = []
        for number, raw in enumerate(body.split(b"\n"), start=1):
            if not raw.strip():
                continue
            self.result.lines += 1
            if self.result.lines > MAX_BULK_LINES:
                raise ApiError(
                    413, "too_large", f"A bulk body holds at most {MAX_BULK_LINES} lines."
                )
            try:
                event = IngestEvent.model_validate_json(raw)
            except ValidationError as exc:
                self.reject(number, _event_id_of(raw), "invalid_event", describe(exc))
                continue
            numbers.append(number)
            batch.append(event)
            if len(batch) >= BATCH:
                self._apply(numbers, batch)
                numbers, batch = [], []
        if batch:
            self._apply(numbers, batch)
        return self.result

    def _apply(self, numbers: list[int], batch: list[IngestEvent]) -> None:
        results = apply_events(self.engine, self.auth, batch, self.publish)
        for number, event, result in zip(numbers, batch, results, strict=True):
            if isinstance(result, IngestRejected):
                self.reject(number, event.event_id, result.code, result.reason)
            else:
                self.count(result.outcome)


def _event_id_of(raw: bytes) -> str | None:
    """The event_id of a line that did not validate, if it has a readable one."""
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return None
    if isinstance(value, dict):
        found = value.get("event_id")
        if isinstance(found, str) and 0 < len(found) <= 128:
            return found
    return None
