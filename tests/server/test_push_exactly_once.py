"""Exactly-once push: replays return the stored result, never a second effect."""

from __future__ import annotations

import threading
from typing import Any

import httpx
from sqlalchemy import Engine, func
from sqlmodel import select

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import AppliedMutation, Note
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, tid
from tests.server.conftest import mutation, open_terminal


def _note_count(engine: Engine) -> int:
    with read_session(engine) as s:
        return int(s.execute(select(func.count()).select_from(Note)).scalar_one())


def test_replayed_push_has_one_effect_and_identical_responses(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    m = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:1"), "text": "一回だけ"})

    bodies = [t.push_raw([m]).json() for _ in range(3)]

    assert bodies[0] == bodies[1] == bodies[2]
    assert bodies[0]["results"][0]["status"] == "applied"
    assert _note_count(engine) == 1


def test_concurrent_identical_pushes_have_one_effect(server: ServerThread, engine: Engine) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    ms = [
        mutation("note.add", {"id": new_id(), "customer_id": tid("customer:1"), "text": f"n{i}"})
        for i in range(3)
    ]
    barrier = threading.Barrier(3)
    responses: list[Any] = [None] * 3

    def push(i: int) -> None:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            barrier.wait()
            body = {"protocol_version": 1, "client_id": t.device_id, "mutations": ms}
            responses[i] = http.post("/v1/sync/push", json=body, headers=t.auth)

    threads = [threading.Thread(target=push, args=(i,)) for i in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert responses[0].json() == responses[1].json() == responses[2].json()
    assert [r["status"] for r in responses[0].json()["results"]] == ["applied"] * 3
    assert _note_count(engine) == 3
    with read_session(engine) as s:
        acks = s.execute(select(AppliedMutation.ack_no)).scalars().all()
    assert len(acks) == 3 and len(set(acks)) == 3


def test_reused_mutation_id_with_another_body_is_422_and_changes_nothing(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    m = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:1"), "text": "first"})
    assert t.push(m)[0]["status"] == "applied"
    other = {**m, "args": {**m["args"], "id": new_id(), "text": "second"}}
    fresh = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:1"), "text": "x"})

    resp = t.push_raw([fresh, other])

    assert resp.status_code == 422
    assert resp.json()["error"] == "mutation_id_reused"
    # The whole request was refused before anything was applied.
    assert _note_count(engine) == 1


def test_same_id_twice_in_one_batch_with_different_bodies_is_422(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    m = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:1"), "text": "a"})
    twin = {**m, "args": {**m["args"], "text": "b"}}
    resp = t.push_raw([m, twin])
    assert resp.status_code == 422
    assert resp.json()["error"] == "mutation_id_reused"


def test_business_rejection_is_a_stored_result_that_does_not_block_the_batch(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    missing = mutation("note.add", {"id": new_id(), "customer_id": new_id(), "text": "lost"})
    good = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:2"), "text": "ok"})

    first = t.push(missing, good)
    again = t.push(missing)

    assert [r["status"] for r in first] == ["rejected", "applied"]
    assert first[0]["reason"] == "not_found"
    assert again[0] == first[0]
    assert _note_count(engine) == 1
    # The rejected result also reaches the client through pull, in case the reply was lost.
    pages = t.pull_all()
    assert {r["id"]: r["status"] for r in pages[-1]["mutation_results"]} == {
        missing["id"]: "rejected",
        good["id"]: "applied",
    }
