"""Bad input gets a clear 4xx JSON error or a rejected result, and the server keeps serving."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from sync.protocol import Cursors, new_id
from sync.server.runner import ServerThread
from tests.server.chain import PIN, SHIBUYA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


def _assert_error(resp: httpx.Response, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error", "message"}
    assert body["error"] == code
    assert body["message"]


@pytest.fixture
def term(server: ServerThread) -> Terminal:
    return open_terminal(server.base_url, SHIBUYA, "A001", "M001")


def test_malformed_bodies_are_422_json(term: Terminal) -> None:
    url, auth = "/v1/sync/push", {**term.auth, "Content-Type": "application/json"}
    _assert_error(term.http.post(url, content=b"{not json", headers=auth), 422, "invalid_request")
    _assert_error(term.http.post(url, content=b"[]", headers=auth), 422, "invalid_request")
    wrong_types = {"protocol_version": "one", "client_id": 5, "mutations": {"a": 1}}
    resp = term.http.post(url, json=wrong_types, headers=term.auth)
    _assert_error(resp, 422, "invalid_request")
    assert "protocol_version" in resp.json()["message"]
    bad_id = term.push_raw([{"id": "not-a-uuid", "name": "note.add", "args": {}}])
    _assert_error(bad_id, 422, "invalid_request")
    assert "mutations.0.id" in bad_id.json()["message"]


def test_wrong_protocol_version_is_400(term: Terminal) -> None:
    resp = term.push_raw([], protocol_version=2)
    _assert_error(resp, 400, "unsupported_protocol_version")


def test_client_id_of_another_device_is_403(term: Terminal) -> None:
    resp = term.push_raw([], client_id=new_id())
    _assert_error(resp, 403, "client_mismatch")


def test_unknown_mutation_and_invalid_args_are_rejected_results(term: Terminal) -> None:
    unknown = mutation("note.paint", {"id": new_id()})
    future = {**mutation("note.add", {}), "version": 7}
    invalid = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": ""})
    extra = mutation(
        "note.add",
        {"id": new_id(), "customer_id": tid("customer:0"), "text": "x", "colour": "red"},
    )
    wrong_type = mutation(
        "reservation.request",
        {
            "id": new_id(),
            "customer_id": tid("customer:0"),
            "store_id": SHIBUYA,
            "sku": "BIKE-1",
            "quantity": "lots",
        },
    )
    results = term.push(unknown, future, invalid, extra, wrong_type)
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "unknown_mutation"),
        ("rejected", "unknown_mutation"),
        ("rejected", "invalid_args"),
        ("rejected", "invalid_args"),
        ("rejected", "invalid_args"),
    ]
    assert "text" in results[2]["data"]["message"]
    assert "quantity" in results[4]["data"]["message"]


def test_huge_strings_are_refused_without_echo(term: Terminal) -> None:
    huge = "山" * 5000
    [r] = term.push(
        mutation("note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": huge})
    )
    assert (r["status"], r["reason"]) == ("rejected", "invalid_args")
    assert huge[:50] not in r["data"]["message"]
    big_body = b'{"protocol_version":1,"client_id":"' + b"x" * (9 * 1024 * 1024) + b'"}'
    resp = term.http.post(
        "/v1/sync/push",
        content=big_body,
        headers={**term.auth, "Content-Type": "application/json"},
    )
    _assert_error(resp, 413, "too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams in
        for _ in range(10):
            yield b" " * (1024 * 1024)

    chunked = term.http.post(
        "/v1/sync/push",
        content=chunks(),
        headers={**term.auth, "Content-Type": "application/json"},
    )
    _assert_error(chunked, 413, "too_large")
    assert term.pull()["must_resync"] is False  # still serving


def test_garbage_cursors_and_limits(term: Terminal) -> None:
    for garbage in ["%%%", "bm90IGpzb24", Cursors().encode()[:-1] + "!", "W10"]:
        resp = term.http.get("/v1/sync/pull", params={"cursors": garbage}, headers=term.auth)
        _assert_error(resp, 400, "bad_cursor")
    for limit in ["0", "5001", "many"]:
        resp = term.http.get("/v1/sync/pull", params={"limit": limit}, headers=term.auth)
        _assert_error(resp, 422, "invalid_request")
    # Still serving.
    assert term.pull()["has_more"] in (True, False)


def test_phone_and_email_are_never_echoed_in_errors(term: Terminal) -> None:
    email = "yamada.secret@example.jp"
    args = {"id": new_id(), "family_name": "山田", "email": email, "phone": "not a phone 1234"}
    [r] = term.push(mutation("customer.create", args))
    assert (r["status"], r["reason"]) == ("rejected", "invalid_args")
    assert "1234" not in str(r) and email not in str(r)


def test_auth_failures_are_401_without_saying_which_part(server: ServerThread) -> None:
    with httpx.Client(base_url=server.base_url) as http:
        no_token = http.get("/v1/sync/pull")
        _assert_error(no_token, 401, "unauthorized")
        bad_token = http.get("/v1/sync/pull", headers={"Authorization": "Bearer nope"})
        _assert_error(bad_token, 401, "unauthorized")
        wrong_pin = http.post(
            "/v1/devices", json={"staff_code": "M001", "pin": "9999", "store_id": SHIBUYA}
        )
        unknown_staff = http.post(
            "/v1/devices", json={"staff_code": "ZZZ9", "pin": PIN, "store_id": SHIBUYA}
        )
        _assert_error(wrong_pin, 401, "unauthorized")
        _assert_error(unknown_staff, 401, "unauthorized")
        assert wrong_pin.json() == unknown_staff.json()
        associate = http.post(
            "/v1/devices", json={"staff_code": "A001", "pin": PIN, "store_id": SHIBUYA}
        )
        # A non-manager's right PIN answers exactly as a wrong PIN: no PIN oracle.
        _assert_error(associate, 401, "unauthorized")
        assert associate.json() == wrong_pin.json()
        bad_session = http.post(
            "/v1/sessions", json={"device_token": "x" * 40, "staff_code": "A001", "pin": PIN}
        )
        _assert_error(bad_session, 401, "unauthorized")


def test_badge_login_and_other_store_staff(server: ServerThread) -> None:
    with httpx.Client(base_url=server.base_url) as http:
        dev = http.post(
            "/v1/devices", json={"staff_code": "M001", "pin": PIN, "store_id": SHIBUYA}
        ).json()
        # A badge names the staff member; it never opens a session without their PIN.
        alone = http.post(
            "/v1/sessions", json={"device_token": dev["device_token"], "badge": "28000000A001"}
        )
        _assert_error(alone, 422, "invalid_request")
        wrong = http.post(
            "/v1/sessions",
            json={"device_token": dev["device_token"], "badge": "28000000A001", "pin": "9999"},
        )
        _assert_error(wrong, 401, "unauthorized")
        unknown = http.post(
            "/v1/sessions",
            json={"device_token": dev["device_token"], "badge": "28000000Z999", "pin": PIN},
        )
        assert unknown.json() == wrong.json()
        badge = http.post(
            "/v1/sessions",
            json={"device_token": dev["device_token"], "badge": "28000000A001", "pin": PIN},
        )
        assert badge.status_code == 200, badge.text
        assert badge.json()["staff"]["code"] == "A001"
        assert badge.json()["store"]["id"] == SHIBUYA
        # A Yokohama associate cannot open a session on a Shibuya terminal.
        other = http.post(
            "/v1/sessions",
            json={"device_token": dev["device_token"], "staff_code": "A002", "pin": PIN},
        )
        _assert_error(other, 401, "unauthorized")
