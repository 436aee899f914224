"""What staff do with a follow-up, decided on the server: an associate puts off and completes
their own; a manager acts on the store's and gives them to colleagues of that store; nobody
acts on another store's (real server over HTTP, SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import FollowUp
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA, YOKOHAMA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


def _planned(t: Terminal, customer: str = "customer:0") -> str:
    fid = new_id()
    due = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    [r] = t.push(
        mutation(
            "followup.create",
            {"id": fid, "customer_id": tid(customer), "due_date": due, "channel": "email"},
        )
    )
    assert r["status"] == "applied", r
    return fid


def _outcome(t: Terminal, name: str, args: dict[str, object]) -> tuple[str, str | None]:
    [r] = t.push(mutation(name, args))
    return r["status"], r["reason"]


def test_associates_act_on_their_own_follow_ups_managers_on_the_stores(
    server: ServerThread, engine: Engine
) -> None:
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    mine, the_managers = _planned(associate), _planned(manager)
    soon = (datetime.now(UTC) + timedelta(days=2)).isoformat()

    assert _outcome(associate, "followup.snooze", {"id": the_managers, "until": soon}) == (
        "rejected",
        "forbidden",
    )
    assert _outcome(associate, "followup.assign", {"id": mine, "staff_id": tid("staff:M001")}) == (
        "rejected",
        "forbidden",
    )
    assert _outcome(associate, "followup.snooze", {"id": mine, "until": soon}) == ("applied", None)
    for until in (
        (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        (datetime.now(UTC) + timedelta(days=120)).isoformat(),
        "2026-12-24T10:00:00",  # no zone
        "tomorrow",
    ):
        assert _outcome(associate, "followup.snooze", {"id": mine, "until": until}) == (
            "rejected",
            "invalid_args",
        ), until

    # The manager gives theirs to the associate, not to someone of another store.
    assert _outcome(
        manager, "followup.assign", {"id": the_managers, "staff_id": tid("staff:A002")}
    ) == ("rejected", "not_found")
    assert _outcome(
        manager, "followup.assign", {"id": the_managers, "staff_id": tid("staff:A001")}
    ) == ("applied", None)
    result = {"id": the_managers, "result": "visited", "outcome": "来店、ライト購入"}
    assert _outcome(associate, "followup.complete", result) == ("applied", None)
    assert _outcome(associate, "followup.complete", result) == ("rejected", "conflict")
    assert _outcome(associate, "followup.complete", {"id": mine, "result": "shouted"}) == (
        "rejected",
        "invalid_args",
    )

    with read_session(engine) as session:
        done = session.get(FollowUp, the_managers)
        snoozed = session.get(FollowUp, mine)
        assert done is not None and snoozed is not None
        assert (done.status, done.result, done.staff_id) == ("done", "visited", tid("staff:A001"))
        assert snoozed.due_at is not None
        assert abs(snoozed.due_at.replace(tzinfo=UTC) - datetime.fromisoformat(soon)) < timedelta(
            seconds=1
        )
    other = open_terminal(server.base_url, YOKOHAMA, "M002")
    other.pull_all()
    docs = other.entities("followup")
    assert docs[the_managers]["result"] == "visited"
    assert docs[the_managers]["staff_id"] == tid("staff:A001")
    assert docs[mine]["due_at"] is not None

    # Another store's manager acts on none of them.
    osaka = open_terminal(server.base_url, UMEDA, "M003")
    assert _outcome(osaka, "followup.snooze", {"id": mine, "until": soon})[1] in (
        "forbidden",
        "not_found",
    )
