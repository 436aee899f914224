"""The bulk loader: idempotent, consistent with the change feed, and the real demo chain loads."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, func
from sqlalchemy.orm import Session
from sqlmodel import select

from sync.server.db import read_session
from sync.server.models import BucketSeq, ChangeRow, Customer, CustomerSummary, Staff
from sync.server.runner import ServerThread
from sync.server.seed import load_chain, seed_demo
from tests.server.chain import SHIBUYA, TinyChain
from tests.server.conftest import PIN_COST


def _count(engine: Engine, model: type) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_loading_twice_changes_nothing(engine: Engine) -> None:
    # The per-test database already holds the tiny chain.
    before = (_count(engine, Customer), _count(engine, ChangeRow))
    assert load_chain(engine, TinyChain(), pin_cost=PIN_COST) is False
    assert (_count(engine, Customer), _count(engine, ChangeRow)) == before


def bucket_positions(s: Session) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Per bucket: the top seq of its change rows, their count, and its bucket_seq counter."""
    top = dict(
        s.execute(
            select(ChangeRow.bucket, func.max(ChangeRow.seq)).group_by(ChangeRow.bucket)
        ).all()
    )
    counts = dict(
        s.execute(select(ChangeRow.bucket, func.count()).group_by(ChangeRow.bucket)).all()
    )
    seqs = dict(s.execute(select(BucketSeq.bucket, BucketSeq.seq)).all())
    return top, counts, seqs


def summary_gaps(s: Session, buckets: Iterable[str]) -> dict[str, int]:
    """After a load, customers with history are published again with their summary: each
    moves to a new seq and leaves one gap in their region's bucket."""
    summed = dict(
        s.execute(
            select(Customer.region, func.count())
            .join(CustomerSummary, CustomerSummary.customer_id == Customer.id)  # type: ignore[arg-type]
            .group_by(Customer.region)
        ).all()
    )
    return {b: summed.get(b.removeprefix("customers:"), 0) for b in buckets}


def test_bucket_seqs_match_the_loaded_change_rows(engine: Engine) -> None:
    with read_session(engine) as s:
        top, counts, seqs = bucket_positions(s)
        gaps = summary_gaps(s, top)
    assert top == seqs  # the next write continues after the loaded rows
    assert {b: top[b] - counts[b] for b in top} == gaps  # 1..n per bucket, no other gap
    assert sum(gaps.values()) >= 1
    assert {"catalog", "customers:kanto", "customers:kansai", "stock:kanto"} <= set(top)


def test_demo_chain_loads_and_a_terminal_can_sign_in(engine: Engine, server: ServerThread) -> None:
    # A second chain into the same database: the demo's own stores and staff.
    seed_demo(engine, scale=300, seed=1, pin_cost=PIN_COST)
    seed_demo(engine, scale=300, seed=1, pin_cost=PIN_COST)  # idempotent
    from sync.server.demo import DEMO_LOGINS, generate

    stores = generate(customers=0).stores

    assert _count(engine, Customer) == TinyChain().kanto_customers + 2 + 300
    store_name, _role, code, pin = next(d for d in DEMO_LOGINS if d[1] == "manager")
    store = next(s for s in stores if s["name"] == store_name)
    with read_session(engine) as s:
        assert s.execute(select(Staff.code).where(Staff.code == code)).scalar_one() == code
    import httpx

    with httpx.Client(base_url=server.base_url) as http:
        reg = http.post(
            "/v1/devices", json={"staff_code": code, "pin": pin, "store_id": store["id"]}
        )
        assert reg.status_code == 200, reg.text
        sess = http.post(
            "/v1/sessions",
            json={"device_token": reg.json()["device_token"], "staff_code": code, "pin": pin},
        )
        assert sess.status_code == 200, sess.text
        token = sess.json()["session_token"]
        page = http.get(
            "/v1/sync/pull", params={"limit": 5000}, headers={"Authorization": f"Bearer {token}"}
        ).json()
    entities = {c["entity"] for c in page["changes"]}
    assert {"store", "staff", "product", "inventory", "customer"} <= entities
    assert all(c["bucket"] != f"store:{SHIBUYA}" for c in page["changes"])
