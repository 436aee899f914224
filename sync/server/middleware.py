"""ASGI layers around the API: the Host check, body size limit, `no-store` on every reply, and
a last net that turns an unexpected exception into a JSON 500 without letting its text (which
can quote SQL parameters: names, notes, emails) reach any log.

Plain ASGI rather than Starlette's BaseHTTPMiddleware, so streamed replies (SSE, snapshot
files) pass through untouched.
"""

from __future__ import annotations

import contextlib
import logging
import traceback

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.server.errors import error_response

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 8 * 1024 * 1024


def host_name(header: str) -> str:
    """The host part of a Host header value (`[::1]:8765` -> `::1`, `a.b:80` -> `a.b`)."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostCheck:
    """Answer only requests addressed to one of `allowed` host names (None: any).

    A page on another site can make a browser send requests to the embedded server on
    127.0.0.1 by pointing its own name at that address (DNS rebinding); such a request still
    carries the site's name in its Host header, and is refused here.
    """

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...] | None) -> None:
        self.app = app
        self.allowed = None if allowed is None else frozenset(h.lower() for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed is not None:
            headers = dict(scope.get("headers") or [])
            raw = headers.get(b"host", b"").decode("latin-1")
            if host_name(raw) not in self.allowed:
                response = error_response(
                    400, "invalid_host", "This server does not answer to that host name."
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class NoStore:
    """Every reply may carry customer data: no cache on the way (proxy, browser) keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Cache-Control"] = "no-store"
                headers.setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        await self.app(scope, receive, send_no_store)


class BodyLimit:
    """Refuse oversized bodies (a push holds at most 500 mutations) with a JSON 413.

    Chunked uploads without a Content-Length are counted as they arrive.
    """

    def __init__(
        self,
        app: ASGIApp,
        limit: int = MAX_BODY_BYTES,
        larger: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.limit = limit
        # Paths that take more (the bulk ingestion endpoint): path -> limit.
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope.get("path", ""), self.limit)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._refuse(scope, receive, send)
            return
        seen = 0
        too_large = False

        async def counted() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    too_large = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # FastAPI turns the interrupted body read into its own 400; ours replaces it.
            if not too_large:
                await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counted, guarded_send)
        if too_large:
            await self._refuse(scope, receive, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "too_large", "The request body is too large.")
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


def where_it_failed(exc: BaseException) -> str:
    """`KeyError at sync/server/push.py:120 in _apply_one` — type and place, never the text."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/sync/" in f.filename.replace("\\", "/")] or frames
    if not ours:
        return type(exc).__name__
    last = ours[-1]
    short = last.filename.replace("\\", "/").rsplit("/sync/", 1)[-1]
    return f"{type(exc).__name__} at sync/{short}:{last.lineno} in {last.name}"


class CatchAll:
    """The innermost net: an exception no handler took becomes a JSON 500, logged by type and
    place only. (Starlette's own error middleware re-raises after answering, and the server
    then prints the exception text, SQL parameters included.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error(
                "internal error on %s %s: %s",
                scope.get("method", "?"),
                scope.get("path", "?"),
                where_it_failed(exc),
            )
            if not started:
                response = error_response(
                    500, "internal_error", "The server failed; try again later."
                )
                await response(scope, receive, send)
