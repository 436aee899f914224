"""The bulk loader's fast paths: producer process, rebuilt SQLite indexes, load PRAGMAs, COPY.

Each path must write exactly what the plain in-process load writes, keep the migration's
index definitions, restore the connection settings, and roll back completely on failure.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, text
from sqlmodel import select

from sync.protocol import CustomerData
from sync.server.db import make_engine, read_session
from sync.server.demo import DemoChain, generate
from sync.server.models import ChangeRow, Customer
from sync.server.schema import upgrade
from sync.server.seed import load_chain
from sync.server.seed_rows import _uuid5
from sync.server.seed_sqlite import SqliteTimestamps, sqlite_datetime
from tests.server.conftest import PIN_COST
from tests.server.test_seed import bucket_positions, summary_gaps

_TABLES = ("customer", "customer_identity", "consent", "orders", "order_line", "activity")


def _fresh(tmp_path: Path, name: str) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    upgrade(engine)
    return engine


def _schema(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master")
        return sorted((tuple(r) for r in rows), key=repr)


def _content(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        found: dict[str, Any] = {
            t: sorted((tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{t}"')), key=repr)
            for t in _TABLES
        }
        feed = conn.exec_driver_sql(
            "SELECT bucket, seq, entity, entity_id, op, data_json FROM change ORDER BY bucket, seq"
        )
        found["change"] = [(*r[:5], json.loads(r[5])) for r in feed]
        found["bucket_seq"] = sorted(conn.exec_driver_sql("SELECT * FROM bucket_seq"))
        return found


def test_timestamp_fast_path_matches_the_datetime_conversion() -> None:
    convert = SqliteTimestamps()
    samples = [
        "2024-01-01T00:00:00+09:00",  # previous day in UTC
        "2024-03-01T08:59:00+09:00",  # across a leap day
        "2024-12-31T23:30:00-05:00",  # next day, next year
        "2024-02-29T10:00:00Z",
        "2024-02-29T10:00:00.123456+09:00",  # fractions: slow path
        "2024-02-29T10:00:00+05:30",  # half-hour offset: slow path
    ]
    chain = generate(customers=300)
    for c in chain.iter_customers():
        samples += [c["created_at"], c["updated_at"]]
        samples += [consent["recorded_at"] for consent in c["consents"]]
    for value in samples:
        assert convert(value) == sqlite_datetime(value), value


def test_consent_ids_are_the_stdlib_uuid5() -> None:
    for n in range(50):
        cid = str(uuid.uuid4())
        assert _uuid5(cid, f"consent:{n}") == str(uuid.uuid5(uuid.UUID(cid), f"consent:{n}"))


def test_parallel_load_with_rebuilt_indexes_writes_what_the_plain_load_writes(
    tmp_path: Path,
) -> None:
    fast, plain = _fresh(tmp_path, "fast.db"), _fresh(tmp_path, "plain.db")
    try:
        schema = _schema(plain)
        chain = generate(customers=1200)
        assert load_chain(fast, chain, pin_cost=PIN_COST, parallel=True, rebuild_indexes=True)
        assert load_chain(plain, chain, pin_cost=PIN_COST, parallel=False, rebuild_indexes=False)
        # Same index names and definitions as the migration made them.
        assert _schema(fast) == schema
        assert _content(fast) == _content(plain)
        with fast.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            # The load-only settings are gone from the pooled connection.
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert not load_chain(fast, chain, pin_cost=PIN_COST, parallel=True)
    finally:
        fast.dispose()
        plain.dispose()


class _BrokenChain(DemoChain):
    """Raises half-way through the customers, after some batches were written."""

    def iter_customers(self) -> Iterator[CustomerData]:
        for n, c in enumerate(super().iter_customers()):
            if n == 150:
                raise RuntimeError("generator failed")
            yield c


@pytest.mark.parametrize("parallel", [False, True])
def test_a_failed_load_rolls_back_rows_and_keeps_the_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    monkeypatch.setattr("sync.server.seed_rows.BATCH", 50)
    engine = _fresh(tmp_path, "central.db")
    try:
        schema = _schema(engine)
        good = generate(customers=300)
        broken = _BrokenChain(
            stores=good.stores,
            staff=good.staff,
            products=good.products,
            inventory=good.inventory,
            customer_count=300,
        )
        with pytest.raises(RuntimeError):
            load_chain(
                engine,
                broken,
                pin_cost=PIN_COST,
                parallel=parallel,
                rebuild_indexes=True,
            )
        assert _schema(engine) == schema
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 0
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 1
        assert load_chain(engine, good, pin_cost=PIN_COST, rebuild_indexes=True)
    finally:
        engine.dispose()


def test_parallel_load_into_a_loaded_database(engine: Engine) -> None:
    # SQLite and PostgreSQL (COPY): a second chain continues each bucket's seq without gaps.
    assert load_chain(engine, generate(customers=400), pin_cost=PIN_COST, parallel=True)
    with read_session(engine) as s:
        top, counts, seqs = bucket_positions(s)
        gaps = summary_gaps(s, top)
        customers = s.execute(
            text("SELECT count(*) FROM customer WHERE created_at IS NOT NULL")
        ).scalar_one()
        story = s.execute(
            select(ChangeRow.data_json).where(ChangeRow.entity == "customer").limit(1)
        ).scalar_one()
    assert top == seqs
    assert {b: top[b] - counts[b] for b in top} == gaps
    assert customers >= 400
    assert json.loads(story or "{}")["id"]
