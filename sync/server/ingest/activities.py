"""Activities from other systems (web views, app events, SNS, support inquiries, email
engagement), a batch at a time, as orders are: read once, applied in memory, written in a few
statements.

An activity's id comes from the source and its `ref` (a support ticket, a campaign mail) when
it has one, so updates of one ticket change one row; otherwise from the event id. `status_at`
puts updates in the order they happened: an older one is `stale`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session

from sync.protocol import ActivityData
from sync.protocol.ingest import ACTIVITY_CHANNEL, IngestEvent, Outcome
from sync.server.bulk_sql import chunk_size, chunks, insert_many, one_of, update_many
from sync.server.models import Activity, table_of
from sync.server.timeutil import as_utc, iso

_ACTIVITY_NS = uuid.UUID("9d2c4e1a-7b3f-4e8d-8c6a-1f5e0b7d2a94")
_COLUMNS = ("customer_id", "kind", "sku", "summary", "status", "status_at")


def activity_id_for(source: str, event: IngestEvent) -> str:
    assert event.activity is not None
    ref = event.activity.ref
    key = f"ref\n{event.kind}\n{ref}" if ref else f"event\n{event.event_id}"
    return str(uuid.uuid5(_ACTIVITY_NS, f"{source}\n{key}"))


@dataclass
class ActivityState:
    id: str
    customer_id: str
    region: str
    channel: str
    kind: str
    occurred_at: datetime
    sku: str | None
    summary: str
    status: str | None
    status_at: datetime | None
    new: bool = False
    changed: bool = False

    def data(self) -> dict[str, Any]:
        return dict(
            ActivityData(
                id=self.id,
                customer_id=self.customer_id,
                channel=self.channel,
                kind=self.kind,
                occurred_at=iso(self.occurred_at),
                sku=self.sku,
                summary=self.summary,
                status=self.status,
            )
        )


@dataclass
class ActivityBook:
    session: Session
    source: str
    rows: dict[str, ActivityState] = field(default_factory=dict)
    # Customers an activity was moved away from (their summaries change too).
    moved_from: set[str] = field(default_factory=set)

    def load(self, ids: set[str], regions: dict[str, str]) -> None:
        """Only activities with a ref can exist already (others are new by their event id)."""
        table = table_of(Activity)
        for part in chunks(sorted(ids), chunk_size(self.session)):
            query = sa_select(table).where(one_of(self.session, table.c.id, part))
            if self.session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update()
            for found in self.session.execute(query).mappings():
                self.rows[found["id"]] = ActivityState(
                    id=found["id"],
                    customer_id=found["customer_id"],
                    region=regions.get(found["customer_id"], ""),
                    channel=found["channel"],
                    kind=found["kind"],
                    occurred_at=found["occurred_at"],
                    sku=found["sku"],
                    summary=found["summary"],
                    status=found["status"],
                    status_at=found["status_at"],
                )

    def apply(self, event: IngestEvent, customer_id: str, region: str, sku: str | None) -> Outcome:
        body = event.activity
        assert body is not None
        at = event.occurred_at
        action = body.action
        status = body.status
        if event.kind == "support.inquiry":
            action = "inquiry" if action == "view" else action
            status = status or "open"
        aid = activity_id_for(self.source, event)
        state = self.rows.get(aid)
        if state is None:
            self.rows[aid] = ActivityState(
                id=aid,
                customer_id=customer_id,
                region=region,
                channel=ACTIVITY_CHANNEL[event.kind],
                kind=action,
                occurred_at=at,
                sku=sku,
                summary=body.summary,
                status=status,
                status_at=at,
                new=True,
                changed=True,
            )
            return "applied"
        if state.status_at is not None and as_utc(state.status_at) > as_utc(at):
            return "stale"
        if state.customer_id != customer_id:
            self.moved_from.add(state.customer_id)
        state.customer_id, state.region, state.kind = customer_id, region, action
        state.sku = sku or state.sku
        state.summary = body.summary or state.summary
        state.status = status or state.status
        state.status_at = at
        state.changed = True
        return "applied"

    def write(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        changed = sorted((s for s in self.rows.values() if s.changed), key=lambda s: s.id)
        table = table_of(Activity)
        new = [s for s in changed if s.new]
        if new:
            insert_many(
                self.session,
                table,
                [
                    {
                        "id": s.id,
                        "channel": s.channel,
                        "occurred_at": s.occurred_at,
                        **{c: getattr(s, c) for c in _COLUMNS},
                    }
                    for s in new
                ],
            )
        old = [s for s in changed if not s.new]
        if old:
            update_many(
                self.session,
                table,
                ("id",),
                [{"id": s.id, **{c: getattr(s, c) for c in _COLUMNS}} for s in old],
            )
        return [(s.region, "activity", s.id, s.data()) for s in changed]
