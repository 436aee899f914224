"""Hostile input a client other than ours may send: every case gets a clear 4xx JSON error
(never a 500), nothing of the request is applied, and the server keeps serving."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from sync.protocol import PROTOCOL_VERSION, Cursors, new_id
from sync.server.runner import ServerThread
from tests.server.chain import PIN, SHIBUYA, tid
from tests.server.conftest import Terminal, mutation, open_terminal


@pytest.fixture
def term(server: ServerThread) -> Terminal:
    return open_terminal(server.base_url, SHIBUYA, "A001", "M001")


def _error(resp: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body: dict[str, Any] = resp.json()
    assert set(body) == {"error", "message"} and body["message"]
    if code is not None:
        assert body["error"] == code
    return body


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _pull(term: Terminal, cursors: str) -> httpx.Response:
    return term.http.get("/v1/sync/pull", params={"cursors": cursors}, headers=term.auth)


@pytest.mark.parametrize(
    "raw",
    [
        '{"b":{"catalog":18446744073709551616},"m":0}',  # 2**64
        '{"b":{"catalog":9223372036854775808},"m":0}',  # 2**63: beyond a signed BIGINT
        '{"b":{},"m":18446744073709551616}',  # the ack mark
        '{"b":{"catalog":' + "9" * 4000 + '},"m":0}',
        '{"b":{"catalog":1.5},"m":0}',
        '{"b":{"catalog":true},"m":0}',
        '{"b":{"cata\\u0000log":1},"m":0}',
        '{"b":{"\\ud800":1},"m":0}',
        '{"b":{"' + "x" * 500 + '":1},"m":0}',
    ],
)
def test_cursors_out_of_range_or_strange_are_400(term: Terminal, raw: str) -> None:
    _error(_pull(term, _cursor(raw)), 400, "bad_cursor")


def test_deeply_nested_cursor_is_400(term: Terminal) -> None:
    depth = 5000
    for raw in ('{"b":' + "[" * depth + "]" * depth + "}", "[" * depth + "]" * depth):
        _error(_pull(term, _cursor(raw)), 400, "bad_cursor")
    assert term.pull()["must_resync"] is False  # still serving


def _raw_push(term: Terminal, mutations_json: str) -> httpx.Response:
    head = json.dumps({"protocol_version": PROTOCOL_VERSION, "client_id": term.device_id})
    body = head[:-1] + ',"mutations":[' + mutations_json + "]}"
    return term.http.post(
        "/v1/sync/push",
        content=body.encode(),
        headers={**term.auth, "Content-Type": "application/json"},
    )


def _note_json(text_json: str, note_id: str | None = None, **extra: str) -> str:
    note = {"id": note_id or new_id(), "customer_id": tid("customer:0"), "text": "@TEXT@"}
    m = mutation("note.add", note)
    m.update(extra)
    return json.dumps(m).replace('"@TEXT@"', text_json)


@pytest.mark.parametrize(
    "bad",
    [
        '"before \\ud800 after"',  # a lone high surrogate
        '"\\udfff"',  # a lone low surrogate
        '"NUL \\u0000 inside"',
        '"ok"',  # (the text is fine; the bad part is elsewhere, see below)
    ],
)
def test_lone_surrogates_and_nul_anywhere_in_a_push_are_422(term: Terminal, bad: str) -> None:
    good_id = new_id()
    good = _note_json('"a good note in the same batch"', good_id)
    if bad == '"ok"':
        # In a key of the args, in the mutation name and in client_time.
        cases = [
            _note_json('"x"').replace('"text"', '"te\\ud800xt"'),
            _note_json('"x"', name="note.add\\u0000"),
            _note_json('"x"', client_time="2026-12-01T10:00:00\\udc00"),
        ]
        for case in cases:
            body = _error(_raw_push(term, good + "," + case.replace("\\\\", "\\")), 422)
            assert "mutations.1" in body["message"]
    else:
        body = _error(_raw_push(term, good + "," + _note_json(bad)), 422, "invalid_request")
        assert "mutations.1.args.text" in body["message"]
    # Nothing of the batch was applied: the good note can still be sent, once.
    [result] = term.push(json.loads(good))
    assert result["status"] == "applied"
    term.pull_all()
    assert good_id in term.entities("note")


def test_nul_and_surrogates_in_other_requests_are_422(server: ServerThread) -> None:
    with httpx.Client(base_url=server.base_url, timeout=20) as http:
        json_headers = {"Content-Type": "application/json"}
        device = json.dumps({"staff_code": "M001", "pin": PIN, "store_id": SHIBUYA})
        device = device[:-1] + ',"name":"till \\u0000 1"}'
        _error(http.post("/v1/devices", content=device.encode(), headers=json_headers), 422)
        surrogate = device.replace("\\u0000", "\\ud800")
        _error(http.post("/v1/devices", content=surrogate.encode(), headers=json_headers), 422)
        session = json.dumps({"device_token": "x" * 40, "staff_code": "A001"})
        session = session[:-1] + ',"pin":"12\\u000034"}'
        _error(http.post("/v1/sessions", content=session.encode(), headers=json_headers), 422)


def test_nul_in_a_path_or_query_is_4xx(term: Terminal) -> None:
    for tail in ("%00", "abc%00def", "%ED%A0%80"):
        url = "/v1/sync/snapshot/" + tail
        resp = term.http.get(url, headers=term.auth)
        assert 400 <= resp.status_code < 500, resp.text
    resp = term.http.get("/v1/sync/pull", params={"cursors": "\x00"}, headers=term.auth)
    _error(resp, 400, "bad_cursor")


def test_valid_unicode_beyond_the_bmp_is_kept(term: Terminal) -> None:
    text = "𠮷野家の🚲 — fine"
    note_id = new_id()
    [r] = term.push(
        mutation("note.add", {"id": note_id, "customer_id": tid("customer:0"), "text": text})
    )
    assert r["status"] == "applied"
    term.pull_all()
    assert term.entities("note")[note_id]["text"] == text


def test_a_cursor_at_the_largest_valid_sequence_is_accepted(term: Terminal) -> None:
    top = Cursors(buckets={"catalog": 2**63 - 1}, acked_through=2**63 - 1).encode()
    resp = _pull(term, top)
    assert resp.status_code == 200, resp.text
    assert not [c for c in resp.json()["changes"] if c["bucket"] == "catalog"]
