"""ApiClient maps every kind of reply (and no reply) to a typed result or a clear ApiError."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest

from sync.client.api import ApiClient, ApiError, ApiUnreachable, parse_retry_after
from sync.protocol import PushRequest, new_id
from tests.sync_client.scripted_server import Reply, ScriptedServer

pytestmark = pytest.mark.anyio

EMPTY_PAGE = {"changes": [], "cursors": "c1", "has_more": False}


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_json_error_body_becomes_code_and_message_with_retry_after(
    scripted: ScriptedServer,
) -> None:
    scripted.script(
        "/v1/sync/pull",
        Reply(503, {"error": "overloaded", "message": "Try later"}, {"Retry-After": "7"}),
    )
    api = ApiClient(scripted.base_url)
    with pytest.raises(ApiError) as caught:
        await api.pull(None, 10)
    await api.aclose()
    err = caught.value
    assert (err.status, err.code, err.message, err.retry_after) == (
        503,
        "overloaded",
        "Try later",
        7.0,
    )
    assert err.transient and not err.auth_failed


async def test_html_error_page_is_reported_with_its_status(scripted: ScriptedServer) -> None:
    scripted.script("/v1/sync/pull", Reply(502, "<html>Bad gateway</html>"))
    api = ApiClient(scripted.base_url)
    with pytest.raises(ApiError) as caught:
        await api.pull(None, 10)
    await api.aclose()
    assert caught.value.code == "http_502"
    assert "502" in caught.value.message
    assert caught.value.transient


async def test_unreadable_success_reply_is_a_transient_bad_response(
    scripted: ScriptedServer,
) -> None:
    scripted.script(
        "/v1/sync/pull",
        Reply(200, b"\x00\xffnot json"),
        Reply(200, {"changes": "nope", "cursors": 3}),
    )
    api = ApiClient(scripted.base_url)
    for _ in range(2):
        with pytest.raises(ApiError) as caught:
            await api.pull(None, 10)
        assert caught.value.code == "bad_response"
        assert caught.value.transient
    await api.aclose()


async def test_401_is_an_auth_failure_not_a_transient_one(scripted: ScriptedServer) -> None:
    scripted.script(
        "/v1/sync/push",
        Reply(401, {"error": "session_expired", "message": "Please sign in again"}),
    )
    api = ApiClient(scripted.base_url)
    api.session_token = "old-token"
    with pytest.raises(ApiError) as caught:
        await api.push(PushRequest(protocol_version=1, client_id="d1", mutations=[]))
    await api.aclose()
    assert caught.value.auth_failed and not caught.value.transient
    assert scripted.seen[0].headers["Authorization"] == "Bearer old-token"


async def test_no_server_is_unreachable_with_status_zero() -> None:
    api = ApiClient(f"http://127.0.0.1:{_closed_port()}", timeout=2)
    with pytest.raises(ApiUnreachable) as caught:
        await api.pull(None, 10)
    await api.aclose()
    assert caught.value.status == 0
    assert caught.value.transient
    assert caught.value.message == "Cannot connect to the server"


async def test_pull_sends_cursor_and_limit_in_query_and_nothing_else(
    scripted: ScriptedServer,
) -> None:
    scripted.script("/v1/sync/pull", Reply(200, EMPTY_PAGE), Reply(200, EMPTY_PAGE))
    api = ApiClient(scripted.base_url)
    page = await api.pull(None, 50)
    await api.pull("abc", 50)
    await api.aclose()
    assert page.cursors == "c1"
    assert [s.path for s in scripted.seen] == [
        "/v1/sync/pull?limit=50",
        "/v1/sync/pull?limit=50&cursors=abc",
    ]


async def test_push_carries_mutations_in_the_body_never_the_url(scripted: ScriptedServer) -> None:
    note_id = new_id()
    scripted.script("/v1/sync/push", Reply(200, {"results": []}))
    api = ApiClient(scripted.base_url)
    request = PushRequest.model_validate(
        {
            "protocol_version": 1,
            "client_id": "dev-1",
            "mutations": [
                {
                    "id": new_id(),
                    "name": "note.add",
                    "args": {"id": note_id, "customer_id": new_id(), "text": "山田様 090-1234"},
                }
            ],
        }
    )
    await api.push(request)
    await api.aclose()
    seen = scripted.seen[0]
    assert seen.path == "/v1/sync/push"
    assert "山田様".encode() in seen.body


async def test_events_yields_event_names_and_skips_comments(scripted: ScriptedServer) -> None:
    stream = ": keep-alive\n\nevent: poke\ndata:\n\n: ping\n\nevent: poke\n\ndata: x\n\n"
    scripted.script(
        "/v1/sync/events",
        Reply(200, stream.encode(), {"Content-Type": "text/event-stream"}),
    )
    api = ApiClient(scripted.base_url)
    api.session_token = "tok"
    opened: list[bool] = []
    names = [name async for name in api.events(on_open=lambda: opened.append(True))]
    await api.aclose()
    assert names == ["poke", "poke", "message"]
    assert opened == [True]
    assert scripted.seen[0].headers["Authorization"] == "Bearer tok"


async def test_events_refused_raises_api_error(scripted: ScriptedServer) -> None:
    scripted.script(
        "/v1/sync/events", Reply(401, {"error": "unauthorised", "message": "No session"})
    )
    api = ApiClient(scripted.base_url)
    with pytest.raises(ApiError) as caught:
        async for _ in api.events():
            pass
    await api.aclose()
    assert caught.value.auth_failed


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    # 1 Jan 2030 00:00:10 UTC seen from 00:00:00 is ten seconds away.
    assert parse_retry_after("Tue, 01 Jan 2030 00:00:10 GMT", now=1893456000.0) == 10.0
    assert parse_retry_after("Tue, 01 Jan 2030 00:00:10 GMT", now=1893456100.0) == 0.0


async def test_events_answered_with_a_web_page_is_a_bad_response(scripted: ScriptedServer) -> None:
    scripted.script("/v1/sync/events", Reply(200, "<html>Sign in to the hotel Wi-Fi</html>"))
    api = ApiClient(scripted.base_url)
    opened: list[bool] = []
    with pytest.raises(ApiError) as caught:
        async for _ in api.events(on_open=lambda: opened.append(True)):
            pass
    await api.aclose()
    assert caught.value.code == "bad_response"
    assert opened == []


async def test_cancelled_requests_leave_the_client_usable(scripted: ScriptedServer) -> None:
    # An engine stopping, or a pull fetched ahead and then discarded, cancels requests in
    # flight; the client must still answer the next request and close promptly.
    slow = [Reply(200, EMPTY_PAGE, delay=0.3) for _ in range(6)]
    scripted.script("/v1/sync/pull", *slow, Reply(200, EMPTY_PAGE))
    api = ApiClient(scripted.base_url)
    for _ in range(6):
        task = asyncio.create_task(api.pull_body(None, 10))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    page = await asyncio.wait_for(api.pull(None, 10), 5)
    assert page.cursors == "c1"
    await asyncio.wait_for(api.aclose(), 5)
