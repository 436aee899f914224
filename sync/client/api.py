"""HTTP client of the central API (sync protocol v1): one long-lived httpx.AsyncClient.

Maps every failure to `ApiError` (HTTP error bodies, unreadable replies) or its subclass
`ApiUnreachable` (no connection, timeouts), so the engine can tell transient faults from the
caller's mistakes. Request bodies are never put in URLs, logs or error messages.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import httpcore
import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from sync.protocol import (
    DeviceList,
    DevicePublic,
    DeviceRegisterRequest,
    DeviceRegisterResponse,
    ErasureReport,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
    SessionRequest,
    SessionResponse,
    SnapshotOffer,
    SnapshotReply,
    StorePublic,
)
from sync.protocol.audit import AuditList, AuditVerification
from sync.protocol.dashboard import DashboardReport
from sync.protocol.merges import (
    DismissRequest,
    MergeList,
    MergePublic,
    MergeRequest,
    SuggestionList,
)
from sync.protocol.messages import MessageCompose, MessageEdit, MessageList, MessagePublic

log = logging.getLogger(__name__)

# Every URL the client calls, in one place.
DEVICES_PATH = "/v1/devices"
SESSIONS_PATH = "/v1/sessions"
STORES_PATH = "/v1/stores"
IDENTITY_PATH = "/v1/identity"
AUDIT_PATH = "/v1/audit"
DASHBOARD_PATH = "/v1/dashboard"
MESSAGES_PATH = "/v1/messages"
PUSH_PATH = "/v1/sync/push"
PULL_PATH = "/v1/sync/pull"
EVENTS_PATH = "/v1/sync/events"
SNAPSHOT_PATH = "/v1/sync/snapshot"

# HTTP statuses that say "try again later" rather than "this request is wrong".
_TRANSIENT_STATUSES = frozenset({408, 425, 429})

# httpcore reads a reply 64 KiB at a time, each read a trip through h11 and the event loop;
# in 1 MiB steps a pull page (megabytes) or a snapshot (up to a gigabyte) arrives about twice
# as fast. Reads return what has arrived, so small replies are not delayed.
httpcore.AsyncHTTP11Connection.READ_NUM_BYTES = 1 << 20

_M = TypeVar("_M", bound=BaseModel)
_STORES = TypeAdapter(list[StorePublic])


class ApiError(Exception):
    """The central API refused a request or answered with something unreadable.

    `status` is the HTTP status (0 when no reply arrived), `code` the machine-readable error
    code of the JSON error body, `message` a sentence a person can read.
    """

    def __init__(
        self, status: int, code: str, message: str, *, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after  # seconds the server asked us to wait, if it did

    @property
    def transient(self) -> bool:
        """True when retrying the very same request later may succeed."""
        return (
            self.status == 0
            or self.status >= 500
            or self.status in _TRANSIENT_STATUSES
            or self.code == "bad_response"
        )

    @property
    def auth_failed(self) -> bool:
        """The session token is missing, expired or revoked: a new session is needed."""
        return self.status == 401

    def __repr__(self) -> str:
        return f"ApiError(status={self.status}, code={self.code!r}, message={self.message!r})"


class ApiUnreachable(ApiError):
    """No reply: connection refused or dropped, DNS failure, timeout."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(0, code, message)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None if absent."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, when.timestamp() - current)


def _transport_error(exc: httpx.TransportError) -> ApiUnreachable:
    if isinstance(exc, httpx.TimeoutException):
        return ApiUnreachable("timeout", "The server did not answer in time")
    if isinstance(exc, httpx.ConnectError):
        return ApiUnreachable("unreachable", "Cannot connect to the server")
    return ApiUnreachable("connection_lost", "The connection to the server was lost")


def _error_from_response(response: httpx.Response) -> ApiError:
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    try:
        body = ErrorBody.model_validate_json(response.content)
    except ValidationError:
        # A proxy's HTML page or a crash without a JSON body: say what we know.
        phrase = response.reason_phrase or "error"
        return ApiError(
            response.status_code,
            f"http_{response.status_code}",
            f"The server answered {response.status_code} ({phrase})",
            retry_after=retry_after,
        )
    return ApiError(response.status_code, body.error, body.message, retry_after=retry_after)


def _bad_response(response: httpx.Response) -> ApiError:
    return ApiError(
        response.status_code, "bad_response", "The server sent a reply this app cannot read"
    )


def _offer_mark(dest: Path) -> Path:
    return dest.with_name(dest.name + ".offer")


def discard_download(dest: Path) -> None:
    """Remove a (partial) snapshot download, its mark, and any SQLite side files beside it."""
    dest.unlink(missing_ok=True)
    _offer_mark(dest).unlink(missing_ok=True)
    for suffix in ("-journal", "-wal", "-shm"):
        dest.with_name(dest.name + suffix).unlink(missing_ok=True)


def resumable_failure(exc: ApiError) -> bool:
    """A snapshot download that failed this way keeps its bytes for the next attempt: the
    connection dropped, the server was busy, or the session expired (renewed, then resumed).
    Not when the bytes were wrong or the file is gone."""
    return exc.auth_failed or (exc.transient and exc.code != "bad_response")


def _resumable(dest: Path, mark: Path, stamp: str, size: int) -> int:
    """Bytes of an earlier, interrupted download of the same offer in `dest` (0: none)."""
    try:
        if mark.read_text() != stamp:
            return 0
        have = dest.stat().st_size
    except OSError:
        return 0
    return have if 0 < have < size else 0


class _FileSink:
    """Writes and hashes downloaded chunks on a worker thread, in order, while the event loop
    reads the next ones (hashing and writing a gigabyte inline halved the download rate)."""

    _AHEAD = 8  # batches queued for the worker before the reader waits
    _BATCH = 1 << 20

    def __init__(self, dest: Path, keep: int) -> None:
        self._out = dest.open("r+b" if keep else "wb")
        self._digest = hashlib.sha256()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="download")
        self._queued: list[asyncio.Future[None]] = []
        self._closed = False
        self._pending = bytearray()
        self.size = keep

    @classmethod
    async def open(cls, dest: Path, keep: int = 0) -> _FileSink:
        """A sink appending to the first `keep` bytes of `dest` (hashed first), or a new file."""
        sink = cls(dest, keep)
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(sink._worker, sink._rehash, keep)
        except OSError:
            await loop.run_in_executor(sink._worker, sink._reset)  # unreadable: start over
            sink.size = 0
        return sink

    def _rehash(self, keep: int) -> None:
        left = keep
        while left:
            chunk = self._out.read(min(left, 1 << 20))
            if not chunk:
                raise OSError("the partial download is shorter than it was")
            self._digest.update(chunk)
            left -= len(chunk)
        self._out.truncate(keep)

    def _put(self, chunk: bytes) -> None:
        self._digest.update(chunk)
        self._out.write(chunk)

    def _reset(self) -> None:
        self._out.seek(0)
        self._out.truncate()
        self._digest = hashlib.sha256()

    async def write(self, chunk: bytes) -> None:
        # Socket reads come in all sizes; hand the worker ~1 MiB at a time.
        self.size += len(chunk)
        self._pending += chunk
        if len(self._pending) >= self._BATCH:
            await self._dispatch()

    async def _dispatch(self) -> None:
        if not self._pending:
            return
        batch, self._pending = bytes(self._pending), bytearray()
        loop = asyncio.get_running_loop()
        self._queued.append(loop.run_in_executor(self._worker, self._put, batch))
        if len(self._queued) >= self._AHEAD:
            await self._queued.pop(0)

    async def restart(self) -> None:
        """Forget the bytes so far: the file starts again from its first byte."""
        self._pending.clear()
        for queued in self._queued:
            await queued
        self._queued.clear()
        await asyncio.get_running_loop().run_in_executor(self._worker, self._reset)
        self.size = 0

    async def close(self) -> tuple[int, str]:
        """Wait for the queued chunks, close the file; (size, sha256 hex). Idempotent."""
        if not self._closed:
            self._closed = True
            try:
                await self._dispatch()  # what arrived is written, even after a failure
                for queued in self._queued:
                    await queued
            finally:
                self._queued.clear()
                self._worker.shutdown(wait=True)
                self._out.close()
        return self.size, self._digest.hexdigest()


class ApiClient:
    """Typed calls of the central API. Create once, `await aclose()` on exit."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        events_read_timeout: float | None = 75.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        # `events_read_timeout` bounds the silence on the SSE stream (the server sends
        # keep-alive comments); after it the listener reconnects, which also heals half-open
        # connections a NAT box forgot about.
        self.session_token: str | None = None
        self._timeout = timeout
        self._events_timeout = httpx.Timeout(timeout, read=events_read_timeout)
        self._in_flight: set[asyncio.Future[httpx.Response]] = set()
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            transport=transport,
            headers={"Accept": "application/json"},
        )

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    async def aclose(self) -> None:
        if self._in_flight:
            await asyncio.wait(set(self._in_flight), timeout=self._timeout + 1)
        await self._http.aclose()

    def _exchange_done(self, exchange: asyncio.Future[httpx.Response]) -> None:
        self._in_flight.discard(exchange)
        if not exchange.cancelled():
            exchange.exception()  # retrieved: an abandoned exchange's error is not news

    # -----------------------------------------------------------------------------------------
    # Auth and reference data

    async def register_device(
        self, staff_code: str, pin: str, store_id: str, name: str = ""
    ) -> DeviceRegisterResponse:
        body = DeviceRegisterRequest(staff_code=staff_code, pin=pin, store_id=store_id, name=name)
        return await self._call("POST", DEVICES_PATH, DeviceRegisterResponse, body, auth=False)

    async def open_session(
        self,
        device_token: str,
        staff_code: str | None = None,
        pin: str | None = None,
        badge: str | None = None,
    ) -> SessionResponse:
        """Open a staff session; on success the client uses its token for every later call."""
        body = SessionRequest(
            device_token=device_token, staff_code=staff_code, pin=pin, badge=badge
        )
        session = await self._call("POST", SESSIONS_PATH, SessionResponse, body, auth=False)
        self.session_token = session.session_token
        return session

    async def stores(self) -> list[StorePublic]:
        response = await self._send("GET", STORES_PATH, auth=False)
        try:
            return _STORES.validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None

    # -----------------------------------------------------------------------------------------
    # Devices (managers)

    async def devices(self) -> DeviceList:
        return await self._call("GET", DEVICES_PATH, DeviceList)

    async def revoke_device(self, device_id: str) -> DevicePublic:
        path = f"{DEVICES_PATH}/{quote(device_id, safe='')}/revoke"
        return await self._call("POST", path, DevicePublic)

    # -----------------------------------------------------------------------------------------
    # Data-subject rights (managers)

    async def disclosure(self, customer_id: str, format: str) -> bytes:
        """Everything held about a customer, as the server formats it (json or csv)."""
        path = f"/v1/customers/{quote(customer_id, safe='')}/disclosure"
        response = await self._send("GET", path, params={"format": format})
        return response.content

    async def erase_customer(self, customer_id: str) -> ErasureReport:
        path = f"/v1/customers/{quote(customer_id, safe='')}/erase"
        return await self._call("POST", path, ErasureReport)

    # -----------------------------------------------------------------------------------------
    # Audit trail (managers)

    async def audit_events(
        self,
        *,
        action: str | None = None,
        since: datetime | None = None,
        before: datetime | None = None,
        limit: int = 100,
    ) -> AuditList:
        params: dict[str, str | int] = {"limit": limit}
        if action:
            params["action"] = action
        if since is not None:
            params["since"] = since.isoformat()
        if before is not None:
            params["before"] = before.isoformat()
        response = await self._send("GET", AUDIT_PATH, params=params)
        try:
            return AuditList.model_validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None

    async def verify_audit(self) -> AuditVerification:
        return await self._call("GET", f"{AUDIT_PATH}/verify", AuditVerification)

    # -----------------------------------------------------------------------------------------
    # Messages for follow-ups (drafted by the owner, decided by a manager)

    async def compose_message(self, followup_id: str, language: str) -> MessagePublic:
        path = f"/v1/followups/{quote(followup_id, safe='')}/messages"
        body = MessageCompose.model_validate({"language": language})
        return await self._call("POST", path, MessagePublic, body)

    async def messages(
        self, *, status: str | None = None, followup_id: str | None = None
    ) -> MessageList:
        params: dict[str, str | int] = {}
        if status:
            params["status"] = status
        if followup_id:
            params["followup_id"] = followup_id
        response = await self._send("GET", MESSAGES_PATH, params=params)
        try:
            return MessageList.model_validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None

    async def edit_message(self, message_id: str, subject: str, body: str) -> MessagePublic:
        path = f"{MESSAGES_PATH}/{quote(message_id, safe='')}"
        return await self._call("PUT", path, MessagePublic, MessageEdit(subject=subject, body=body))

    async def decide_message(self, message_id: str, approve: bool) -> MessagePublic:
        verb = "approve" if approve else "reject"
        path = f"{MESSAGES_PATH}/{quote(message_id, safe='')}/{verb}"
        return await self._call("POST", path, MessagePublic)

    # -----------------------------------------------------------------------------------------
    # The follow-up dashboard (managers)

    async def dashboard(self, since: date, until: date) -> DashboardReport:
        params: dict[str, str | int] = {"since": since.isoformat(), "until": until.isoformat()}
        response = await self._send("GET", DASHBOARD_PATH, params=params)
        try:
            return DashboardReport.model_validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None

    async def dashboard_csv(self, since: date, until: date) -> bytes:
        params: dict[str, str | int] = {"since": since.isoformat(), "until": until.isoformat()}
        return (await self._send("GET", f"{DASHBOARD_PATH}/export.csv", params=params)).content

    # -----------------------------------------------------------------------------------------
    # Duplicate profiles (managers)

    async def merge_suggestions(self) -> SuggestionList:
        return await self._call("GET", f"{IDENTITY_PATH}/suggestions", SuggestionList)

    async def approve_merge(self, suggestion_id: str, survivor_id: str | None) -> MergePublic:
        body = MergeRequest(suggestion_id=suggestion_id, survivor_id=survivor_id)
        return await self._call("POST", f"{IDENTITY_PATH}/merges", MergePublic, body)

    async def dismiss_suggestion(self, suggestion_id: str) -> SuggestionList:
        path = f"{IDENTITY_PATH}/suggestions/{quote(suggestion_id, safe='')}/dismiss"
        return await self._call("POST", path, SuggestionList, DismissRequest())

    async def merges(self) -> MergeList:
        return await self._call("GET", f"{IDENTITY_PATH}/merges", MergeList)

    async def undo_merge(self, merge_id: str) -> MergePublic:
        path = f"{IDENTITY_PATH}/merges/{quote(merge_id, safe='')}/undo"
        return await self._call("POST", path, MergePublic)

    # -----------------------------------------------------------------------------------------
    # Sync

    async def push(self, req: PushRequest) -> PushResponse:
        return await self._call("POST", PUSH_PATH, PushResponse, req)

    async def pull(self, cursors: str | None, limit: int) -> PullResponse:
        """One page, validated into typed changes (tools and tests; the engine reads pages
        with `pull_body` and lets the local store parse them)."""
        response = await self._pull_response(cursors, limit)
        try:
            return PullResponse.model_validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None

    async def pull_body(self, cursors: str | None, limit: int) -> bytes:
        """One page as the raw JSON body the server sent (HTTP errors raised as ApiError).

        A first sync moves millions of rows: building Python objects for each would cost more
        than everything else together, so the store reads the body in SQLite instead.
        """
        return (await self._pull_response(cursors, limit)).content

    async def _pull_response(self, cursors: str | None, limit: int) -> httpx.Response:
        params: dict[str, str | int] = {"limit": limit}
        if cursors:
            params["cursors"] = cursors
        return await self._send("GET", PULL_PATH, params=params)

    async def snapshot_offer(self, format: int) -> SnapshotReply:
        """The server's ready-made first sync for this device in cache format `format`."""
        response = await self._send("GET", SNAPSHOT_PATH, params={"format": format})
        try:
            return SnapshotReply.model_validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None

    async def download_snapshot(
        self,
        offer: SnapshotOffer,
        dest: Path,
        chunk_timeout: float = 60.0,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Stream the offered file to `dest`, checking its size and sha256.

        Resumable: when the connection drops, the bytes so far stay in `dest` (with a mark of
        the offer beside it, `<dest>.offer`) and the next call for the same offer asks only
        for the rest (an HTTP Range request). Anything else that goes wrong removes both.
        Raises ApiError: status 0 when the connection dropped (call again), `bad_response`
        when the bytes are not the ones offered.
        """
        mark = _offer_mark(dest)
        stamp = f"{offer.id} {offer.sha256} {offer.size}"
        keep = _resumable(dest, mark, stamp, offer.size)
        if not keep:
            discard_download(dest)  # also a journal an interrupted install left beside it
        sink = await _FileSink.open(dest, keep=keep)
        have = sink.size
        headers = {"Accept": "application/octet-stream", **self._auth_headers()}
        if have:
            headers["Range"] = f"bytes={have}-"
        timeout = httpx.Timeout(self._timeout, read=chunk_timeout)
        try:
            mark.write_text(stamp)
            async with self._http.stream(
                "GET", f"{SNAPSHOT_PATH}/{offer.id}", headers=headers, timeout=timeout
            ) as response:
                if response.status_code >= 400:
                    await response.aread()
                    raise _error_from_response(response)
                ranged = response.headers.get("content-range", "")
                if have and (
                    response.status_code != 206 or not ranged.startswith(f"bytes {have}-")
                ):
                    await sink.restart()  # the server sent the whole file after all
                async for chunk in response.aiter_bytes():
                    if sink.size + len(chunk) > offer.size:
                        break
                    await sink.write(chunk)
                    if progress is not None:
                        progress(sink.size)  # bytes in the file so far
            size, sha256 = await sink.close()
            if size != offer.size or sha256 != offer.sha256:
                raise ApiError(
                    200, "bad_response", "The snapshot file is not the one the server offered"
                )
        except httpx.TransportError as exc:
            await sink.close()  # keep what arrived: the next call goes on from there
            raise _transport_error(exc) from None
        except ApiError as exc:
            await sink.close()
            if not resumable_failure(exc):
                discard_download(dest)
            raise
        except asyncio.CancelledError:
            await sink.close()  # the app is closing: the next start goes on from here
            raise
        except BaseException:
            await sink.close()
            discard_download(dest)
            raise
        mark.unlink(missing_ok=True)

    async def events(self, on_open: Callable[[], None] | None = None) -> AsyncIterator[str]:
        """Yield the name of each server-sent event until the stream ends.

        `on_open` runs once the server has accepted the stream (before the first event), so a
        caller can catch up on pokes it missed while disconnected. Raises `ApiError` when the
        stream cannot be opened or breaks; a clean end of stream just stops the iteration.
        """
        headers = {"Accept": "text/event-stream", **self._auth_headers()}
        try:
            async with self._http.stream(
                "GET", EVENTS_PATH, headers=headers, timeout=self._events_timeout
            ) as response:
                if response.status_code >= 400:
                    await response.aread()
                    raise _error_from_response(response)
                if not response.headers.get("content-type", "").startswith("text/event-stream"):
                    # A gateway's page or a misrouted request: not a stream to wait on.
                    raise _bad_response(response)
                if on_open is not None:
                    on_open()
                event = ""
                async for line in response.aiter_lines():
                    if line == "":
                        # A blank line ends one event; an event without a name is "message".
                        if event:
                            yield event
                        event = ""
                    elif line.startswith(":"):
                        continue  # keep-alive comment
                    elif line.startswith("event:"):
                        event = line[len("event:") :].strip()
                    elif line.startswith("data:") and not event:
                        event = "message"
        except httpx.TransportError as exc:
            raise _transport_error(exc) from None

    # -----------------------------------------------------------------------------------------
    # Plumbing

    def _auth_headers(self) -> dict[str, str]:
        if self.session_token is None:
            return {}
        return {"Authorization": f"Bearer {self.session_token}"}

    async def _send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, str | int] | None = None,
        auth: bool = True,
    ) -> httpx.Response:
        headers = self._auth_headers() if auth else {}
        content: bytes | None = None
        if body is not None:
            content = body.model_dump_json().encode()
            headers["Content-Type"] = "application/json"
        started = time.monotonic()
        # The exchange runs as its own task and a caller's cancellation only stops waiting for
        # it: cancelling httpcore in the middle of a request can leave its connection pool
        # stuck (encode/httpcore#961), after which every request and aclose() hang. A
        # cancelled exchange ends by itself within the timeout; aclose() waits for it.
        exchange = asyncio.ensure_future(
            self._http.request(method, path, content=content, params=params, headers=headers)
        )
        self._in_flight.add(exchange)
        exchange.add_done_callback(self._exchange_done)
        try:
            response = await asyncio.shield(exchange)
        except httpx.TransportError as exc:
            log.info("%s %s failed: %s", method, path, type(exc).__name__)
            raise _transport_error(exc) from None
        log.debug(
            "%s %s -> %d in %.0f ms",
            method,
            path,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        if response.status_code >= 400:
            raise _error_from_response(response)
        return response

    async def _call(
        self,
        method: str,
        path: str,
        model: type[_M],
        body: BaseModel | None = None,
        *,
        auth: bool = True,
    ) -> _M:
        response = await self._send(method, path, body=body, auth=auth)
        try:
            return model.model_validate_json(response.content)
        except ValidationError:
            raise _bad_response(response) from None
