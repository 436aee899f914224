"""The API as a careful operator expects it: answers only to its own host names, never lets a
cache keep a reply, documents itself without third-party scripts, declares its errors and
bearer scheme, caps event streams per session, and keeps PII out of its logs even when it
fails."""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from sync.protocol import new_id
from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.mutations import HANDLERS
from sync.server.runner import ServerThread
from tests.server.chain import PIN, SHIBUYA, tid
from tests.server.conftest import Terminal, mutation, open_terminal
from tests.server.test_events import Stream


@pytest.fixture
def term(server: ServerThread) -> Terminal:
    return open_terminal(server.base_url, SHIBUYA, "A001", "M001")


def test_a_foreign_host_name_is_refused(server: ServerThread, term: Terminal) -> None:
    for host in ("evil.example", f"evil.example:{server.port}", "127.0.0.1.evil.example"):
        resp = term.http.get("/v1/sync/pull", headers={**term.auth, "Host": host})
        assert resp.status_code == 400, host
        assert resp.json()["error"] == "invalid_host"
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", "localhost"):
        resp = term.http.get("/v1/health", headers={"Host": host})
        assert resp.status_code == 200, host


def test_a_server_listening_on_all_interfaces_answers_the_names_it_is_given(
    settings: Settings,
) -> None:
    assert Settings(host="0.0.0.0").answered_hosts() is None
    named = Settings(host="0.0.0.0", allowed_hosts=("api.shop.example",))
    assert named.answered_hosts() == ("api.shop.example",)
    app = create_app(
        Settings(
            database_url=settings.database_url,
            run_migrations=False,
            allowed_hosts=("api.shop.example",),
        )
    )
    with ServerThread(app) as server:
        assert httpx.get(f"{server.base_url}/v1/health").status_code == 400
        good = httpx.get(f"{server.base_url}/v1/health", headers={"Host": "api.shop.example"})
        assert good.status_code == 200


def test_every_reply_is_no_store(server: ServerThread, term: Terminal) -> None:
    replies = [
        term.http.get("/v1/sync/pull", headers=term.auth),
        term.http.get("/v1/stores"),
        term.http.get("/v1/sync/pull"),  # 401
        term.http.get("/v1/nowhere"),  # 404
        term.push_raw([{"id": "x"}]),  # 422
        term.http.get("/v1/health", headers={"Host": "evil.example"}),  # 400
        term.http.post(
            "/v1/sessions",
            json={"device_token": "x" * 40, "staff_code": "A001", "pin": PIN},
        ),
    ]
    term.push(mutation("note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": "x"}))
    for resp in replies:
        assert resp.headers.get("cache-control") == "no-store", resp.request.url


def test_api_docs_load_nothing_from_another_site(server: ServerThread) -> None:
    page = httpx.get(f"{server.base_url}/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    body = page.text
    assert "<script" not in body.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", body)
    assert "default-src 'none'" in page.headers["content-security-policy"]
    # It documents the API: every operation and the mutation schemas.
    assert "/v1/sync/push" in body and "note.add" in body and "ErrorBody" in body
    assert httpx.get(f"{server.base_url}/redoc").status_code == 404


def test_openapi_declares_errors_and_the_bearer_scheme(server: ServerThread) -> None:
    doc = httpx.get(f"{server.base_url}/openapi.json").json()
    schemes = doc["components"]["securitySchemes"]
    # Staff sessions, and the integration credentials of other systems (ingestion).
    assert set(schemes) == {"sessionToken", "integrationToken"}
    scheme_name = "sessionToken"
    for scheme in schemes.values():
        assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    error_ref = {"$ref": "#/components/schemas/ErrorBody"}
    assert set(doc["components"]["schemas"]["ErrorBody"]["required"]) == {"error", "message"}
    ops: dict[str, dict[str, Any]] = {
        op["operationId"]: op for item in doc["paths"].values() for op in item.values()
    }
    for name in ("push_mutations", "pull_changes", "poke_events", "snapshot_offer"):
        assert ops[name]["security"] == [{scheme_name: []}], name
        for status in ("401", "403", "422", "429", "500"):
            content = ops[name]["responses"][status]["content"]["application/json"]
            assert content["schema"] == error_ref, (name, status)
    for name in ("ingest_event", "ingest_bulk"):
        assert ops[name]["security"] == [{"integrationToken": []}], name
        assert "409" in ops[name]["responses"]
    for name in ("list_stores", "health_check", "register_device", "open_session"):
        assert "security" not in ops[name]
    assert "401" in ops["open_session"]["responses"]
    assert "HTTPValidationError" not in doc["components"]["schemas"]


def test_event_streams_per_session_are_capped(server: ServerThread, term: Terminal) -> None:
    cap = Settings().max_streams_per_session
    streams = [Stream(term, server.base_url) for _ in range(cap)]
    try:
        extra = term.http.get("/v1/sync/events", headers=term.auth)
        assert extra.status_code == 429
        assert extra.json()["error"] == "too_many_streams"
        assert int(extra.headers["retry-after"]) >= 1
        # Another session of the same device is not affected.
        other = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
        more = Stream(other, server.base_url)
        more.close()
    finally:
        for s in streams:
            s.close()
    # Closed streams free their places.
    deadline_stream = None
    for _ in range(50):
        try:
            deadline_stream = Stream(term, server.base_url)
            break
        except AssertionError:
            continue
    assert deadline_stream is not None
    deadline_stream.close()


def test_a_database_failure_keeps_its_parameters_out_of_every_log(
    server: ServerThread,
    term: Terminal,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fault deep in the database (here a cast of the note text that the database refuses)
    is a 500 for this push, and neither our log, the web server's nor stderr quotes it."""
    secret = "山田花子 090-1234-5678 hanako.secret@example.jp"

    # PostgreSQL quotes the value in its own message ('invalid input syntax ... "山田花子 ..."');
    # SQLite refuses it as JSON. Neither is a business rejection: the push fails with a 500.
    sqlite = server.app.state.engine.dialect.name == "sqlite"
    failing_sql = "SELECT json_extract(:t, '$')" if sqlite else "SELECT CAST(:t AS INTEGER) + 1"

    def failing_note(ctx: Any, args: Any) -> dict[str, Any]:
        ctx.session.execute(text(failing_sql), {"t": args.text}).all()
        raise AssertionError("the database accepted a name as a number")

    real = HANDLERS[("note.add", 1)]
    monkeypatch.setitem(HANDLERS, ("note.add", 1), failing_note)
    caplog.set_level(logging.DEBUG)
    note = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": secret})
    resp = term.push_raw([note])
    monkeypatch.setitem(HANDLERS, ("note.add", 1), real)
    out, err = capfd.readouterr()
    logged = "\n".join(r.getMessage() + str(r.exc_text or "") for r in caplog.records)
    assert resp.status_code == 500
    assert resp.json()["error"] == "internal_error"
    assert "internal error on POST /v1/sync/push" in logged
    for part in ("山田花子", "1234-5678", "hanako.secret"):
        assert part not in logged and part not in out and part not in err
    # And the server still works.
    again = mutation("note.add", {"id": new_id(), "customer_id": tid("customer:0"), "text": "ok"})
    assert term.push(again)[0]["status"] == "applied"
