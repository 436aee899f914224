"""The audit trail over real HTTP (SQLite and PostgreSQL): terminals report views and searches,
the server records every edit it applies; managers read their store's events with filters;
the hash chain finds an event deleted, altered or cut off the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, update
from sqlmodel import col, select

from sync.protocol import new_id
from sync.server.db import read_session, write_session
from sync.server.models import AuditEvent
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


def _events(t: Terminal, **params: Any) -> list[dict[str, Any]]:
    r = t.http.get("/v1/audit", params=params, headers=t.auth)
    assert r.status_code == 200, r.text
    events: list[dict[str, Any]] = r.json()["events"]
    return events


def _verify(t: Terminal) -> dict[str, Any]:
    r = t.http.get("/v1/audit/verify", headers=t.auth)
    assert r.status_code == 200, r.text
    found: dict[str, Any] = r.json()
    return found


def test_views_searches_and_edits_are_audited_and_read_by_managers(server: ServerThread) -> None:
    till = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    customer = tid("customer:0")
    viewed_at = (datetime.now(UTC) - timedelta(hours=1)).isoformat()  # made offline
    results = till.push(
        mutation("audit.record", {"id": new_id(), "action": "search", "detail": "name, 3 hits"}),
        mutation(
            "audit.record",
            {"id": new_id(), "action": "profile.view", "customer_id": customer},
            client_time=viewed_at,
        ),
        mutation("note.add", {"id": new_id(), "customer_id": customer, "text": "秘密のメモ"}),
    )
    assert [r["status"] for r in results] == ["applied"] * 3
    bad = till.push(mutation("audit.record", {"id": new_id(), "action": "delete.everything"}))
    assert bad[0]["reason"] == "invalid_args"

    assert till.http.get("/v1/audit", headers=till.auth).status_code == 403  # an associate
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    events = _events(manager)
    actions = [e["action"] for e in events]
    assert actions[:2] == ["edit:note.add", "search"]  # newest first; the view was an hour ago
    view = next(e for e in events if e["action"] == "profile.view")
    assert view["customer_id"] == customer and view["customer_name"] == "山田 太郎0"
    assert abs(datetime.fromisoformat(view["occurred_at"]) - datetime.fromisoformat(viewed_at)) < (
        timedelta(seconds=1)
    )
    assert view["staff_name"] == "スタッフ A001" and view["device_id"] == till.device_id
    assert all("秘密" not in e["detail"] for e in events)  # a note's text is no audit detail
    assert [e["action"] for e in _events(manager, action="edit")] == ["edit:note.add"]
    assert {e["customer_id"] for e in _events(manager, customer_id=customer)} == {customer}
    assert len(_events(manager, limit=1)) == 1
    # Another store's manager sees none of it; an admin sees it all.
    yokohama = open_terminal(server.base_url, YOKOHAMA, "M002")
    assert [e for e in _events(yokohama) if e["device_id"] == till.device_id] == []
    admin = open_terminal(server.base_url, SHIBUYA, "X900", "M001")
    assert {e["id"] for e in events} <= {e["id"] for e in _events(admin)}
    for params in ({"limit": 0}, {"limit": 100_000}, {"since": "yesterday"}):
        assert manager.http.get("/v1/audit", params=params, headers=manager.auth).status_code == 422


def test_the_chain_finds_an_event_deleted_altered_or_cut_off(
    server: ServerThread, engine: Engine
) -> None:
    till = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    ids = [new_id() for _ in range(5)]
    till.push(
        *(
            mutation("audit.record", {"id": i, "action": "profile.view", "subject_id": i})
            for i in ids
        )
    )
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    report = _verify(manager)
    assert report["ok"] and report["events"] >= 5 and report["problems"] == []

    def problems() -> set[tuple[int, str]]:
        found = _verify(manager)["problems"]
        return {(p["seq"], p["problem"]) for p in found if p["device_id"] == till.device_id}

    with read_session(engine) as s:
        seqs = {
            i: s.execute(select(AuditEvent.seq).where(AuditEvent.id == i)).scalar_one() for i in ids
        }
    with write_session(engine) as s:
        s.execute(update(AuditEvent).where(col(AuditEvent.id) == ids[1]).values(detail="nothing"))
    assert problems() == {(seqs[ids[1]], "altered")}
    with write_session(engine) as s:
        s.execute(delete(AuditEvent).where(col(AuditEvent.id) == ids[2]))
    assert (seqs[ids[2]], "missing") in problems()
    with write_session(engine) as s:
        s.execute(delete(AuditEvent).where(col(AuditEvent.id) == ids[4]))
    assert (seqs[ids[4]], "cut") in problems()
    assert not _verify(manager)["ok"]
    assert till.http.get("/v1/audit/verify", headers=till.auth).status_code == 403
