"""Running events through the Ingestor: one event (its own transaction) or an NDJSON body
(batches of events per transaction, each event in a savepoint so one bad row costs only
itself). Every line is validated on its own; a bad line is reported with its number and the
reason, never its values, and the good lines are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

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
from sync.server.ingest.apply import Ingestor
from sync.server.ingest.identity import IngestRejected
from sync.server.integrations import IntegrationAuth

BATCH = 500
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


def ingest_one(
    engine: Engine, auth: IntegrationAuth, event: IngestEvent, publish: Publish
) -> IngestResult:
    for attempt in range(2):
        try:
            with write_session(engine) as session:
                result = Ingestor(session, auth).apply(event)
                buckets = touched_buckets(session)
                forget_touched(session)
            publish(buckets)
            return result
        except IngestRejected as exc:
            raise ApiError(_STATUS.get(exc.code, 422), exc.code, exc.reason) from None
        except IntegrityError:
            # The same event, or the same new customer, written at this moment by another
            # request: once more, and it is a duplicate or a match.
            if attempt == 1:
                raise ApiError(
                    409, "conflict", "The event conflicts with one written at the same time."
                ) from None
    raise AssertionError("unreachable")


@dataclass
class _Line:
    number: int
    event: IngestEvent


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
        batch: list[_Line] = []
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
            batch.append(_Line(number, event))
            if len(batch) >= BATCH:
                self._apply(batch)
                batch = []
        if batch:
            self._apply(batch)
        return self.result

    def _apply(self, batch: list[_Line]) -> None:
        retry: list[_Line] = []
        with write_session(self.engine) as session:
            ingestor = Ingestor(session, self.auth)
            for line in batch:
                try:
                    with session.begin_nested():
                        outcome = ingestor.apply(line.event).outcome
                except IngestRejected as exc:
                    self.reject(line.number, line.event.event_id, exc.code, exc.reason)
                    continue
                except IntegrityError:
                    retry.append(line)
                    continue
                self.count(outcome)
            buckets = touched_buckets(session)
            forget_touched(session)
        self.publish(buckets)
        for line in retry:
            try:
                self.count(ingest_one(self.engine, self.auth, line.event, self.publish).outcome)
            except ApiError as exc:
                self.reject(line.number, line.event.event_id, exc.code, exc.message)


def _event_id_of(raw: bytes) -> str | None:
    """The event_id of a line that did not validate, if it has a readable one."""
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if isinstance(value, dict):
        found = value.get("event_id")
        if isinstance(found, str) and 0 < len(found) <= 128:
            return found
    return None
