"""Pull: the changes after the client's cursors in its buckets, read from one snapshot.

Rows come in (bucket, seq) order, at most `limit` per page (one more is read to know whether
another page follows). Mutation acks ride on the last page only, so a client never drops an
outbox row before it holds the server rows that replace it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import Change, Cursors, MutationResult, PullResponse
from sync.server.auth import AuthContext
from sync.server.buckets import device_buckets
from sync.server.db import read_session
from sync.server.errors import ApiError
from sync.server.models import AppliedMutation, BucketFloor, ChangeRow, table_of


def decode_cursors(text: str | None) -> Cursors:
    if text is not None and len(text) > 20_000:
        raise ApiError(400, "bad_cursor", "cursors is too long to be a cursor string.")
    try:
        return Cursors.decode(text)
    except ValueError as exc:
        raise ApiError(
            400, "bad_cursor", "cursors is not a cursor this server issued; pull without it."
        ) from exc


def _must_resync(session: Session, buckets: list[str], cursors: Cursors) -> bool:
    floors = dict(
        session.execute(
            select(BucketFloor.bucket, BucketFloor.min_seq).where(
                col(BucketFloor.bucket).in_(buckets)
            )
        ).all()
    )
    if set(cursors.buckets) - set(buckets):
        # A bucket was revoked (store moved region, device moved store): the client must drop
        # the rows it holds from it, and only a rebuild tells it which ones.
        return True
    for bucket in buckets:
        have = cursors.buckets.get(bucket, 0)
        # A fresh client (cursor 0) needs no tombstones; one in between may have missed some.
        if 0 < have < floors.get(bucket, 0):
            return True
    return False


def _acks(
    session: Session, client_id: str, after: int
) -> tuple[list[str], list[MutationResult], int]:
    rows = session.execute(
        select(AppliedMutation.mutation_id, AppliedMutation.result_json, AppliedMutation.ack_no)
        .where(
            AppliedMutation.client_id == client_id,
            col(AppliedMutation.ack_no) > after,
        )
        .order_by(col(AppliedMutation.ack_no))
    ).all()
    ids = [r.mutation_id for r in rows]
    results = [MutationResult.model_validate_json(r.result_json) for r in rows]
    last = max((int(r.ack_no) for r in rows), default=after)
    return ids, results, last


def pull_changes(
    engine: Engine, auth: AuthContext, cursors_text: str | None, limit: int
) -> PullResponse:
    cursors = decode_cursors(cursors_text)
    with read_session(engine) as session:
        buckets = device_buckets(session, auth.device_id)
        if _must_resync(session, buckets, cursors):
            fresh = Cursors(acked_through=cursors.acked_through)
            return PullResponse(changes=[], cursors=fresh.encode(), has_more=True, must_resync=True)
        # Buckets the device newly gained start at 0.
        positions = {b: cursors.buckets.get(b, 0) for b in buckets}
        changes: list[Change] = []
        has_more = False
        feed = table_of(ChangeRow)
        for bucket in buckets:
            room = limit - len(changes)
            rows = session.execute(
                sa_select(feed.c.seq, feed.c.entity, feed.c.entity_id, feed.c.op, feed.c.data_json)
                .where(feed.c.bucket == bucket, feed.c.seq > positions[bucket])
                .order_by(feed.c.seq)
                .limit(room + 1)
            ).all()
            if len(rows) > room:
                has_more = True
                rows = rows[:room]
            for seq, entity, entity_id, op, data_json in rows:
                data: dict[str, Any] | None = json.loads(data_json) if data_json else None
                changes.append(
                    Change(bucket=bucket, seq=seq, entity=entity, id=entity_id, op=op, data=data)
                )
            if rows:
                positions[bucket] = int(rows[-1][0])
            if has_more:
                break
        acked_ids: list[str] = []
        acked_results: list[MutationResult] = []
        acked_through = cursors.acked_through
        if not has_more:
            acked_ids, acked_results, acked_through = _acks(
                session, auth.device_id, cursors.acked_through
            )
    return PullResponse(
        changes=changes,
        cursors=Cursors(buckets=positions, acked_through=acked_through).encode(),
        has_more=has_more,
        acked_mutation_ids=acked_ids,
        mutation_results=acked_results,
    )
