"""A change made offline by one staff member and pushed under a colleague's session on the
same shared terminal is attributed to its author, if that author signed in on the terminal."""

from __future__ import annotations

from typing import Any

import httpx

from sync.protocol import new_id
from sync.server.runner import ServerThread
from tests.server.chain import PIN, SHIBUYA, tid
from tests.server.conftest import Terminal, mutation


def _device(http: httpx.Client, store_id: str, manager: str) -> dict[str, Any]:
    reg = http.post("/v1/devices", json={"staff_code": manager, "pin": PIN, "store_id": store_id})
    assert reg.status_code == 200, reg.text
    device: dict[str, Any] = reg.json()
    return device


def _session(http: httpx.Client, device: dict[str, Any], staff_code: str) -> Terminal:
    body = {"device_token": device["device_token"], "staff_code": staff_code, "pin": PIN}
    sess = http.post("/v1/sessions", json=body)
    assert sess.status_code == 200, sess.text
    return Terminal(http, device["device_id"], sess.json()["session_token"], sess.json()["staff"])


def _note(staff_code: str | None) -> dict[str, Any]:
    args = {"id": new_id(), "customer_id": tid("customer:0"), "text": "オフラインのメモ"}
    extra = {} if staff_code is None else {"staff_id": tid(f"staff:{staff_code}")}
    return mutation("note.add", args, **extra)


def test_a_change_is_credited_to_the_colleague_who_made_it(server: ServerThread) -> None:
    http = httpx.Client(base_url=server.base_url, timeout=20)
    till = _device(http, SHIBUYA, "M001")
    _session(http, till, "A001")  # the associate worked here earlier ...
    manager = _session(http, till, "M001")  # ... and the manager signed in after

    by_associate, by_manager, unsaid = _note("A001"), _note("M001"), _note(None)
    results = manager.push(by_associate, by_manager, unsaid)

    assert [r["status"] for r in results] == ["applied"] * 3
    manager.pull_all()
    notes = manager.entities("note")
    author = {n["id"]: n["staff_id"] for n in notes.values()}
    assert author[by_associate["args"]["id"]] == tid("staff:A001")
    assert author[by_manager["args"]["id"]] == tid("staff:M001")
    assert author[unsaid["args"]["id"]] == tid("staff:M001")  # no author: the session's
    # A replay (a lost reply) gives the same stored result.
    assert manager.push(by_associate) == results[:1]


def test_a_change_by_someone_who_never_signed_in_here_is_refused(server: ServerThread) -> None:
    http = httpx.Client(base_url=server.base_url, timeout=20)
    till, other_till = _device(http, SHIBUYA, "M001"), _device(http, SHIBUYA, "M001")
    _session(http, other_till, "A001")  # signed in on another terminal only
    manager = _session(http, till, "M001")

    elsewhere, other_store, nobody = _note("A001"), _note("A002"), _note(None)
    nobody["staff_id"] = new_id()
    results = manager.push(elsewhere, other_store, nobody)

    assert [r["status"] for r in results] == ["rejected"] * 3
    assert {r["reason"] for r in results} == {"forbidden"}
    assert "has not signed in on this terminal" in results[0]["data"]["message"]
    manager.pull_all()
    assert not any(n["text"] == "オフラインのメモ" for n in manager.entities("note").values())
