"""Identity resolution at the counter and by a manager: rules as data, suggestions, merges,
undo, and references to a merged-away id (real server over HTTP, SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from typing import Any

import httpx
from sqlalchemy import Engine
from sqlmodel import select

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import Activity, Customer, Note
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA, tid
from tests.server.conftest import Terminal, mutation, open_terminal
from tests.server.ingest_helpers import activity_event, bearer, credential


def _create(t: Terminal, family: str, kana: str, phone: str, **more: Any) -> dict[str, Any]:
    cid = more.pop("id", new_id())
    [r] = t.push(
        mutation(
            "customer.create",
            {"id": cid, "family_name": family, "family_kana": kana, "phone": phone, **more},
        )
    )
    assert r["status"] == "applied", r
    return {"id": cid, **r["data"]}


def _note(t: Terminal, customer_id: str, text: str) -> str:
    nid = new_id()
    [r] = t.push(mutation("note.add", {"id": nid, "customer_id": customer_id, "text": text}))
    assert r["status"] == "applied", r
    return nid


def test_two_terminals_creating_one_walk_in_end_as_one_profile(
    server: ServerThread, engine: Engine
) -> None:
    """Same name (read alike, kana in another width) and same phone: one person by the default
    rules. The second profile is merged into the first at once; notes made on either id land on
    the first, and a terminal that pulls sees the merged-away id point at the survivor."""
    one = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    two = open_terminal(server.base_url, SHIBUYA, "M001")
    first = _create(
        one, "田中", "たなか", "090-7777-1234", given_name="みどり", given_kana="みどり"
    )
    second = _create(
        two,
        "田中",
        "ﾀﾅｶ",
        "09077771234",
        given_name="緑",
        given_kana="ﾐﾄﾞﾘ",
        email="midori@example.jp",
    )
    assert "merged_into" not in first
    assert second["merged_into"] == first["id"]

    n1 = _note(one, first["id"], "赤い自転車を見た")
    n2 = _note(two, second["id"], "ヘルメットのサイズ M")  # made offline on the second id

    with read_session(engine) as s:
        notes = {n.id: n.customer_id for n in s.execute(select(Note)).scalars()}
        survivor = s.get(Customer, first["id"])
        assert survivor is not None and survivor.email == "midori@example.jp"  # filled in
    assert notes[n1] == notes[n2] == first["id"]
    two.pull_all()
    docs = two.entities("customer")
    assert docs[second["id"]]["merged_into"] == first["id"]
    assert docs[first["id"]]["merged_into"] is None
    assert ("email", "midori@example.jp") in {
        (i["kind"], i["value"]) for i in docs[first["id"]]["identities"]
    }
    assert two.entities("note")[n2]["customer_id"] == first["id"]


def _suggestions(t: Terminal) -> list[dict[str, Any]]:
    r = t.http.get("/v1/identity/suggestions", headers=t.auth)
    assert r.status_code == 200, r.text
    suggestions: list[dict[str, Any]] = r.json()["suggestions"]
    return suggestions


def test_a_suggestion_approved_and_undone(server: ServerThread, engine: Engine) -> None:
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    first = _create(associate, "鈴木", "すずき", "080-1111-2222", given_name="一郎")
    second = _create(associate, "鈴木", "すずき", "080-1111-2222", given_name="花子")
    assert second.get("suggested") is True and "merged_into" not in second  # another name
    note_first = _note(associate, first["id"], "一郎さん")
    note_second = _note(associate, second["id"], "花子さん")

    # Associates do not review duplicates; another region's manager does not see them.
    assert associate.http.get("/v1/identity/suggestions", headers=associate.auth).status_code == 403
    umeda = open_terminal(server.base_url, UMEDA, "M003")
    assert _suggestions(umeda) == []
    [s] = _suggestions(manager)
    assert {s["first"]["id"], s["second"]["id"]} == {first["id"], second["id"]}
    assert s["evidence"] == ["phone"]
    assert {s["first"]["notes"], s["second"]["notes"]} == {1}
    refused = umeda.http.post(
        "/v1/identity/merges", json={"suggestion_id": s["id"]}, headers=umeda.auth
    )
    assert refused.status_code == 404
    wrong = manager.http.post(
        "/v1/identity/merges",
        json={"suggestion_id": s["id"], "survivor_id": tid("customer:0")},
        headers=manager.auth,
    )
    assert wrong.status_code == 422

    # Approved, keeping the newer profile.
    r = manager.http.post(
        "/v1/identity/merges",
        json={"suggestion_id": s["id"], "survivor_id": second["id"]},
        headers=manager.auth,
    )
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["survivor"]["id"], done["merged"]["id"]) == (second["id"], first["id"])
    assert done["moved"]["notes"] == 1 and done["automatic"] is False
    assert done["merged_by"] == "スタッフ M001"
    again = manager.http.post(
        "/v1/identity/merges", json={"suggestion_id": s["id"]}, headers=manager.auth
    )
    assert again.status_code == 409
    assert _suggestions(manager) == []
    with read_session(engine) as db:
        assert db.get(Note, note_first).customer_id == second["id"]  # type: ignore[union-attr]
    associate.pull_all()
    assert associate.entities("note")[note_first]["customer_id"] == second["id"]
    assert associate.entities("customer")[first["id"]]["merged_into"] == second["id"]

    # Undone: the note goes back; the pair is two people from now on.
    merges = manager.http.get("/v1/identity/merges", headers=manager.auth).json()["merges"]
    assert [m["id"] for m in merges][:1] == [done["id"]]
    u = manager.http.post(f"/v1/identity/merges/{done['id']}/undo", headers=manager.auth)
    assert u.status_code == 200, u.text
    assert u.json()["undone_at"] is not None
    assert (
        manager.http.post(
            f"/v1/identity/merges/{done['id']}/undo", headers=manager.auth
        ).status_code
        == 409
    )
    with read_session(engine) as db:
        assert db.get(Note, note_first).customer_id == first["id"]  # type: ignore[union-attr]
        assert db.get(Note, note_second).customer_id == second["id"]  # type: ignore[union-attr]
        gone = db.get(Customer, first["id"])
        assert gone is not None and gone.merged_into is None
    associate.pull_all()
    assert associate.entities("note")[note_first]["customer_id"] == first["id"]
    assert associate.entities("customer")[first["id"]]["merged_into"] is None
    assert _suggestions(manager) == []


def test_a_dismissed_pair_is_never_merged_by_the_rules(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "M001")
    a = _create(t, "高橋", "たかはし", "070-3333-4444", given_name="健")
    b = _create(t, "高橋", "たかはし", "070-3333-4444", given_name="美香")
    [s] = _suggestions(t)
    r = t.http.post(
        f"/v1/identity/suggestions/{s['id']}/dismiss", json={"reason": "親子"}, headers=t.auth
    )
    assert r.status_code == 200 and r.json()["suggestions"] == []
    assert (
        t.http.post(
            f"/v1/identity/suggestions/{s['id']}/dismiss", json={}, headers=t.auth
        ).status_code
        == 409
    )
    assert "merged_into" not in a and b.get("suggested") is True


def test_rules_are_data_an_admin_replaces(server: ServerThread) -> None:
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    admin = open_terminal(server.base_url, SHIBUYA, "X900", "M001")
    r = manager.http.get("/v1/identity/rules", headers=manager.auth)
    assert r.status_code == 200
    assert r.json()["version"] == 0
    assert {"when": ["phone", "name"], "then": "merge"} in r.json()["rules"]["rules"]
    strict = {"rules": [{"when": ["email", "name"], "then": "merge"}], "create_from": ["order"]}
    assert (
        manager.http.put("/v1/identity/rules", json=strict, headers=manager.auth).status_code == 403
    )
    bad = admin.http.put(
        "/v1/identity/rules",
        json={"rules": [{"when": ["phone", "phone"], "then": "merge"}], "create_from": []},
        headers=admin.auth,
    )
    assert bad.status_code == 422
    r = admin.http.put("/v1/identity/rules", json=strict, headers=admin.auth)
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 1 and r.json()["updated_by"] == "スタッフ X900"

    # No rule says a shared phone might be one person: the clash is refused, as before.
    _create(manager, "伊藤", "いとう", "090-8888-0000")
    [r2] = manager.push(
        mutation(
            "customer.create",
            {
                "id": new_id(),
                "family_name": "伊藤",
                "family_kana": "いとう",
                "phone": "09088880000",
            },
        )
    )
    assert (r2["status"], r2["reason"], r2["data"]["field"]) == ("rejected", "conflict", "phone")


def test_an_event_naming_two_profiles_joins_them_by_the_rules(
    server: ServerThread, engine: Engine
) -> None:
    """A web view whose email is one profile's and phone another's, both 山田 たろう born the
    same day: one person by the default rules. A stranger's view creates no one (the rules
    create profiles from orders, sales, inquiries, app and SNS events, not from views)."""
    http = httpx.Client(base_url=server.base_url, timeout=20)
    shop = credential(http, "webshop", creates_customers=True, home_store="S001")
    view = activity_event(
        "v-1", customer={"email": "c0@example.jp", "phone": "090-0000-0002"}, sku="BIKE-1"
    )
    r = http.post("/v1/ingest/events", json=view, headers=bearer(shop["token"]))
    assert r.status_code == 200, r.text
    with read_session(engine) as s:
        a, b = s.get(Customer, tid("customer:0")), s.get(Customer, tid("customer:2"))
        assert a is not None and b is not None
        survivor, merged = (a, b) if b.merged_into else (b, a)
        assert merged.merged_into == survivor.id
        views = s.execute(select(Activity).where(Activity.kind == "view")).scalars().all()
        assert {v.customer_id for v in views} == {survivor.id}
    stranger = activity_event("v-2", customer={"email": "nobody.yet@example.jp"})
    refused = http.post("/v1/ingest/events", json=stranger, headers=bearer(shop["token"]))
    assert refused.status_code == 422
    assert "rules" in refused.json()["message"]


def test_hostile_input_to_the_identity_endpoints_gets_clear_errors(server: ServerThread) -> None:
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    admin = open_terminal(server.base_url, SHIBUYA, "X900", "M001")
    h, a = manager.http, manager.auth
    for body in (
        {},
        {"suggestion_id": ""},
        {"suggestion_id": "x" * 5000},
        {"suggestion_id": 12},
        {"suggestion_id": new_id(), "survivor_id": ["a"]},
        {"suggestion_id": new_id(), "extra": 1},
        [],
    ):
        r = h.post("/v1/identity/merges", json=body, headers=a)
        assert r.status_code == 422, (body, r.text)
    for path in ("/v1/identity/merges/%00/undo", "/v1/identity/merges/" + "9" * 80 + "/undo"):
        assert h.post(path, headers=a).status_code in (404, 422)
    r = h.post("/v1/identity/merges", content=b"\xff\xfe not json", headers=a)
    assert r.status_code == 422
    for rules in (
        {"rules": [{"when": ["shoe_size"], "then": "merge"}], "create_from": []},
        {"rules": [{"when": [], "then": "merge"}], "create_from": []},
        {"rules": [{"when": ["email"], "then": "delete"}], "create_from": []},
        {"rules": [{"when": ["email"], "then": "merge"}] * 51, "create_from": []},
        {"rules": [], "create_from": ["teleport"]},
        {"rules": []},
    ):
        r = admin.http.put("/v1/identity/rules", json=rules, headers=admin.auth)
        assert r.status_code == 422, (rules, r.text)
    # Nothing was changed by any of it.
    assert manager.http.get("/v1/identity/rules", headers=a).json()["version"] == 0


def test_one_walk_in_pushed_by_two_terminals_at_the_same_moment_is_one_profile(
    server: ServerThread, engine: Engine
) -> None:
    """Both pushes check for the phone's owner before either commits; the identity's unique key
    makes the later one try again, and it then joins the first."""
    terminals = [open_terminal(server.base_url, SHIBUYA, code, "M001") for code in ("A001", "M001")]
    ids = [new_id(), new_id()]
    barrier = threading.Barrier(2)
    results: dict[str, dict[str, Any]] = {}

    def push(t: Terminal, cid: str) -> None:
        body = {
            "id": cid,
            "family_name": "同時",
            "given_name": "来店",
            "family_kana": "どうじ",
            "given_kana": "らいてん",
            "phone": "090-4444-5555",
        }
        barrier.wait()
        [r] = t.push(mutation("customer.create", body))
        results[cid] = r

    threads = [
        threading.Thread(target=push, args=(t, c)) for t, c in zip(terminals, ids, strict=True)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    assert all(r["status"] == "applied" for r in results.values()), results
    with read_session(engine) as s:
        rows = {c: s.get(Customer, c) for c in ids}
    live = [c for c, row in rows.items() if row is not None and row.merged_into is None]
    assert len(live) == 1
    [gone] = [c for c in ids if c not in live]
    assert rows[gone] is not None and rows[gone].merged_into == live[0]
