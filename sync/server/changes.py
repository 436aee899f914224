"""The change feed: per-bucket sequences taken inside the writing transaction, and tombstones.

`record_change` bumps the bucket's counter with one `INSERT ... ON CONFLICT DO UPDATE ...
RETURNING` (an `UPDATE bucket_seq SET seq = seq + 1` that also creates the row). The row lock
it takes is held to commit, so a later seq never commits before an earlier one and a reader
that has seen seq n has seen everything below n.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import delete, func, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.server.bulk_sql import insert_many
from sync.server.models import BucketFloor, BucketSeq, ChangeRow, table_of
from sync.server.timeutil import utcnow

# A counter in bucket_seq that is not a bucket: the global order of stored push results.
ACK_COUNTER = "~mutation-ack"

Op = Literal["upsert", "delete"]

_PG_RECORD = text(
    "WITH s AS (INSERT INTO bucket_seq (bucket, seq) VALUES (:bucket, 1) "
    "ON CONFLICT (bucket) DO UPDATE SET seq = bucket_seq.seq + 1 RETURNING seq) "
    "INSERT INTO change (bucket, seq, entity, entity_id, op, data_json, changed_at) "
    "SELECT :bucket, s.seq, :entity, :entity_id, :op, :data_json, :changed_at FROM s "
    "ON CONFLICT (bucket, entity, entity_id) DO UPDATE SET seq = excluded.seq, "
    "op = excluded.op, data_json = excluded.data_json, changed_at = excluded.changed_at "
    "RETURNING seq"
)
_TOUCHED = "touched_buckets"


def _insert(session: Session, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def next_seq(session: Session, counter: str) -> int:
    """Take the next number of a counter inside the caller's transaction (row-locked to commit)."""
    table = table_of(BucketSeq)
    stmt = _insert(session, table).values(bucket=counter, seq=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.bucket], set_={"seq": table.c.seq + 1}
    ).returning(table.c.seq)
    return int(session.execute(stmt).scalar_one())


def record_change(
    session: Session,
    bucket: str,
    entity: str,
    entity_id: str,
    op: Op,
    data: dict[str, Any] | None,
) -> int:
    """Publish the latest version of one entity to a bucket; returns its new seq."""
    data_json = None if data is None else json.dumps(data, ensure_ascii=False)
    session.info.setdefault(_TOUCHED, set()).add(bucket)
    if session.get_bind().dialect.name == "postgresql":
        # One round trip: the counter and the change row in one statement.
        return int(
            session.execute(
                _PG_RECORD,
                {
                    "bucket": bucket,
                    "entity": entity,
                    "entity_id": entity_id,
                    "op": op,
                    "data_json": data_json,
                    "changed_at": utcnow(),
                },
            ).scalar_one()
        )
    seq = next_seq(session, bucket)
    table = table_of(ChangeRow)
    values = {
        "bucket": bucket,
        "seq": seq,
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "data_json": data_json,
        "changed_at": utcnow(),
    }
    stmt = _insert(session, table).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.bucket, table.c.entity, table.c.entity_id],
        set_={k: stmt.excluded[k] for k in ("seq", "op", "data_json", "changed_at")},
    )
    session.execute(stmt)
    return seq


def next_seqs(session: Session, counter: str, count: int) -> range:
    """Take `count` consecutive numbers of a counter in one statement (row-locked to commit)."""
    table = table_of(BucketSeq)
    stmt = _insert(session, table).values(bucket=counter, seq=count)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.bucket], set_={"seq": table.c.seq + count}
    ).returning(table.c.seq)
    last = int(session.execute(stmt).scalar_one())
    return range(last - count + 1, last + 1)


def record_changes(
    session: Session, bucket: str, rows: list[tuple[str, str, dict[str, Any]]]
) -> None:
    """Publish many upserts to one bucket in two statements (the bulk ingestion path):
    `rows` is (entity, entity_id, data); a later row for the same entity wins."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for entity, entity_id, data in rows:
        latest.pop((entity, entity_id), None)  # re-inserted last: it takes the later seq
        latest[(entity, entity_id)] = data
    if not latest:
        return
    session.info.setdefault(_TOUCHED, set()).add(bucket)
    seqs = next_seqs(session, bucket, len(latest))
    now = utcnow()
    table = table_of(ChangeRow)
    values: list[dict[str, Any]] = [
        {
            "bucket": bucket,
            "seq": seq,
            "entity": entity,
            "entity_id": entity_id,
            "op": "upsert",
            "data_json": json.dumps(data, ensure_ascii=False),
            "changed_at": now,
        }
        for seq, ((entity, entity_id), data) in zip(seqs, latest.items(), strict=True)
    ]
    values.sort(key=lambda v: (v["entity"], v["entity_id"]))  # one lock order for everyone
    insert_many(
        session,
        table,
        values,
        upsert=(("bucket", "entity", "entity_id"), ("seq", "op", "data_json", "changed_at")),
    )


def touched_buckets(session: Session) -> set[str]:
    """Buckets this session wrote to (to poke listeners after commit)."""
    found: set[str] = session.info.get(_TOUCHED, set())
    return set(found)


def forget_touched(session: Session) -> None:
    session.info.pop(_TOUCHED, None)


def purge_tombstones(session: Session, older_than: datetime) -> int:
    """Delete tombstones changed before `older_than`, raising each bucket's floor; returns count.

    A client whose cursor is below the new floor may have missed a delete: pull tells it to
    resync.
    """
    old = (col(ChangeRow.op) == "delete") & (col(ChangeRow.changed_at) < older_than)
    rows = session.execute(
        select(ChangeRow.bucket, func.max(ChangeRow.seq)).where(old).group_by(ChangeRow.bucket)
    ).all()
    if not rows:
        return 0
    for bucket, max_seq in rows:
        floor = session.get(BucketFloor, bucket)
        if floor is None:
            session.add(BucketFloor(bucket=bucket, min_seq=int(max_seq)))
        elif floor.min_seq < max_seq:
            floor.min_seq = int(max_seq)
    result = session.execute(delete(ChangeRow).where(old))
    session.flush()
    return int(result.rowcount)  # type: ignore[attr-defined]
