"""Pull: paging, ordering under concurrent writers, tombstones and bucket revocation."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlalchemy import Engine, update

from sync.protocol import new_id
from sync.server.auth import AuthContext
from sync.server.changes import purge_tombstones, record_change
from sync.server.db import write_session
from sync.server.models import Store
from sync.server.runner import ServerThread
from sync.server.timeutil import utcnow
from tests.server.chain import SHIBUYA, UMEDA, tid
from tests.server.conftest import mutation, open_terminal


def test_small_pages_resume_and_deliver_every_row_exactly_once(server: ServerThread) -> None:
    whole = open_terminal(server.base_url, SHIBUYA, "M001")
    whole.pull_all(limit=5000)
    paged = open_terminal(server.base_url, SHIBUYA, "M001")

    seen: list[tuple[str, int]] = []
    pages = 0
    while True:
        page = paged.pull(limit=3)
        pages += 1
        assert len(page["changes"]) <= 3
        seen += [(c["bucket"], c["seq"]) for c in page["changes"]]
        if not page["has_more"]:
            break

    assert len(seen) == len(set(seen)) == len(whole.seen)
    assert seen == sorted(seen)  # (bucket, seq) order
    # Only a first sync's first page says how much follows (for a progress bar).
    fresh = open_terminal(server.base_url, SHIBUYA, "M001")
    first = fresh.pull(limit=3)
    assert first["remaining"] == len(seen) - len(first["changes"])
    assert fresh.pull(limit=3)["remaining"] is None
    assert paged.seen == whole.seen
    assert pages >= len(seen) // 3


def _auth_for(device_id: str) -> AuthContext:
    return AuthContext("s", device_id, tid("staff:M001"), "x", "manager", SHIBUYA, SHIBUYA, "kanto")


def test_commit_order_equals_seq_order_so_no_reader_skips_a_row(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "M001")
    t.pull_all()
    bucket = "customers:kanto"
    t1_has_seq = threading.Event()
    release_t1 = threading.Event()
    t2_done = threading.Event()
    seqs: dict[str, int] = {}

    def writer_one() -> None:
        with write_session(engine) as s:
            seqs["t1"] = record_change(s, bucket, "note", "n-t1", "upsert", {"id": "n-t1"})
            t1_has_seq.set()
            release_t1.wait(20)

    def writer_two() -> None:
        t1_has_seq.wait(20)
        with write_session(engine) as s:
            seqs["t2"] = record_change(s, bucket, "note", "n-t2", "upsert", {"id": "n-t2"})
        t2_done.set()

    th1 = threading.Thread(target=writer_one)
    th2 = threading.Thread(target=writer_two)
    th1.start()
    th2.start()
    assert t1_has_seq.wait(20)
    time.sleep(0.3)
    # T2 waits for T1 (PostgreSQL: the bucket_seq row lock; SQLite: the write lock).
    assert not t2_done.is_set()
    interleaved = t.pull()
    assert [c["id"] for c in interleaved["changes"]] == []
    release_t1.set()
    th1.join(20)
    th2.join(20)
    assert seqs["t2"] == seqs["t1"] + 1
    after = t.pull()
    assert [c["id"] for c in after["changes"]] == ["n-t1", "n-t2"]


def test_tombstones_travel_and_purge_forces_resync(server: ServerThread, engine: Engine) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "M001")
    note = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": "x"})
    t.push(note)
    t.pull_all()
    assert note["args"]["id"] in t.entities("note")
    with write_session(engine) as s:
        record_change(s, "customers:kanto", "note", note["args"]["id"], "delete", None)
    [page] = t.pull_all()
    assert [(c["op"], c["data"]) for c in page["changes"]] == [("delete", None)]
    assert note["args"]["id"] not in t.entities("note")

    lagging = open_terminal(server.base_url, SHIBUYA, "M001")
    lagging.pull_all()
    with write_session(engine) as s:
        record_change(s, "customers:kanto", "note", "gone", "delete", None)
    with write_session(engine) as s:
        purged = purge_tombstones(s, utcnow() + timedelta(seconds=1))
    assert purged == 2

    resync = lagging.pull()
    assert resync["must_resync"] is True
    assert resync["changes"] == []
    # A client that starts over gets the current rows, without the purged tombstones.
    fresh = open_terminal(server.base_url, SHIBUYA, "M001")
    fresh.pull_all()
    assert ("note", "gone") not in fresh.seen
    assert fresh.entities("customer")


def test_moving_the_store_to_another_region_revokes_the_old_customers(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "M001")
    t.pull_all()
    kanto_ids = set(t.entities("customer"))
    assert tid("customer:0") in kanto_ids
    with write_session(engine) as s:
        s.execute(update(Store).where(Store.id == SHIBUYA).values(region="kansai"))  # type: ignore[arg-type]

    resync = t.pull()
    assert resync["must_resync"] is True
    t.seen.clear()  # what a client does on must_resync: rebuild server rows, keep its outbox
    t.cursors = resync["cursors"]
    pages = t.pull_all()

    customer_buckets = {c["bucket"] for p in pages for c in p["changes"]} - {"catalog"}
    assert customer_buckets == {"customers:kansai", "stock:kansai"}
    new_ids = set(t.entities("customer"))
    assert new_ids and not (new_ids & kanto_ids)
    assert {c["home_store_id"] for c in t.entities("customer").values()} == {UMEDA}
    # And a push touching a kanto customer is now refused.
    [r] = t.push(
        mutation(
            "note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": "no longer mine"}
        )
    )
    assert (r["status"], r["reason"]) == ("rejected", "not_found")
