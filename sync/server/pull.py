"""Pull: the changes after the client's cursors in its buckets, read from one snapshot.

Rows come in (bucket, seq) order, at most `limit` per page (one more is read to know whether
another page follows). Mutation acks ride on the last page only, so a client never drops an
outbox row before it holds the server rows that replace it.

The reply body is assembled here with orjson, each change's stored `data_json` spliced in as
it is (an `orjson.Fragment`) instead of being decoded, validated and re-encoded: on a
million-row first sync that round trip was most of the server's time. The body is exactly the
JSON of `PullResponse` (same keys, same order).
"""

from __future__ import annotations

import orjson
from sqlalchemy import Engine, func
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session
from sqlmodel import col, select
from starlette.responses import Response

from sync.protocol import Cursors, MutationResult
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


# (bucket, seq, entity, id, op, stored data JSON)
Changes = list[tuple[str, int, str, str, str, str | None]]


class PullPage:
    """One page as read from the feed: changes still carry their stored JSON text."""

    __slots__ = (
        "acked_ids",
        "acked_results",
        "changes",
        "cursors",
        "has_more",
        "must_resync",
        "remaining",
    )

    def __init__(
        self,
        changes: Changes,
        cursors: str,
        has_more: bool,
        acked_ids: list[str] | None = None,
        acked_results: list[MutationResult] | None = None,
        must_resync: bool = False,
        remaining: int | None = None,
    ) -> None:
        self.changes = changes  # (bucket, seq, entity, id, op, data_json)
        self.remaining = remaining
        self.cursors = cursors
        self.has_more = has_more
        self.acked_ids = acked_ids or []
        self.acked_results = acked_results or []
        self.must_resync = must_resync

    def to_json(self) -> bytes:
        """The JSON body of the page: the document `PullResponse.model_dump_json()` writes
        (stored payload text is kept as it was stored, so whitespace may differ)."""
        fragment = orjson.Fragment
        null = b"null"
        changes = [
            {
                "bucket": bucket,
                "seq": seq,
                "entity": entity,
                "id": entity_id,
                "op": op,
                "data": fragment(data_json) if data_json else fragment(null),
            }
            for bucket, seq, entity, entity_id, op, data_json in self.changes
        ]
        body = {
            "changes": changes,
            "cursors": self.cursors,
            "has_more": self.has_more,
            "acked_mutation_ids": self.acked_ids,
            "mutation_results": [orjson.Fragment(r.model_dump_json()) for r in self.acked_results],
            "must_resync": self.must_resync,
            "remaining": self.remaining,
        }
        return orjson.dumps(body)


def read_changes(session: Session, positions: dict[str, int], limit: int) -> tuple[Changes, bool]:
    """Up to `limit` changes after `positions` (bucket -> seq), bucket by bucket in the order
    given; advances `positions` to the last change returned. True when more are waiting."""
    changes: Changes = []
    has_more = False
    feed = table_of(ChangeRow)
    for bucket in list(positions):
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
        changes.extend(
            (bucket, int(seq), entity, entity_id, op, data_json)
            for seq, entity, entity_id, op, data_json in rows
        )
        if rows:
            positions[bucket] = int(rows[-1][0])
        if has_more:
            break
    return changes, has_more


def read_pull_page(
    engine: Engine, auth: AuthContext, cursors_text: str | None, limit: int
) -> PullPage:
    cursors = decode_cursors(cursors_text)
    with read_session(engine) as session:
        buckets = device_buckets(session, auth.device_id)
        if _must_resync(session, buckets, cursors):
            fresh = Cursors(acked_through=cursors.acked_through)
            return PullPage([], fresh.encode(), has_more=True, must_resync=True)
        # Buckets the device newly gained start at 0.
        positions = {b: cursors.buckets.get(b, 0) for b in buckets}
        changes, has_more = read_changes(session, positions, limit)
        # A first sync's first page says how much is left (one indexed count per bucket,
        # once per terminal), so the terminal can show its progress.
        remaining = _remaining(session, positions) if has_more and not cursors.buckets else None
        acked_ids: list[str] = []
        acked_results: list[MutationResult] = []
        acked_through = cursors.acked_through
        if not has_more:
            acked_ids, acked_results, acked_through = _acks(
                session, auth.device_id, cursors.acked_through
            )
    return PullPage(
        changes,
        Cursors(buckets=positions, acked_through=acked_through).encode(),
        has_more,
        acked_ids,
        acked_results,
        remaining=remaining,
    )


def _remaining(session: Session, positions: dict[str, int]) -> int:
    feed = table_of(ChangeRow)
    return sum(
        int(
            session.execute(
                sa_select(func.count())
                .select_from(feed)
                .where(feed.c.bucket == bucket, feed.c.seq > seq)
            ).scalar_one()
        )
        for bucket, seq in positions.items()
    )


def pull_changes(
    engine: Engine, auth: AuthContext, cursors_text: str | None, limit: int
) -> Response:
    """The route's reply: a ready JSON `Response` whose body is a `PullResponse`.

    FastAPI passes a returned `Response` through untouched (no response-model validation or
    re-serialisation); the route declares `response_model=PullResponse` for the OpenAPI
    document.
    """
    page = read_pull_page(engine, auth, cursors_text, limit)
    return Response(content=page.to_json(), media_type="application/json")
