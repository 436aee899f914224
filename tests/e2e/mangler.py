"""An HTTP relay in front of the real central API that can spoil its pull replies on demand.

Requests are forwarded unchanged; while `mode` is set, a pull reply is replaced by garbage of
that kind, so a test can check the terminal survives a broken server or middlebox. With
`cut_downloads` set, a snapshot file reply stops half way (the connection drops).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from enum import Enum

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import StreamingResponse

from sync.server.runner import ServerThread


class Spoil(Enum):
    HTML = "html"  # a middlebox's error page with status 200
    TRUNCATED = "truncated"  # the real page cut in half
    UPSERT_WITHOUT_DATA = "upsert_without_data"  # valid JSON shape, broken protocol
    WRONG_TYPES = "wrong_types"  # fields of the wrong type


class Mangler:
    """`with Mangler(upstream_url) as relay:` then point an ApiClient at `relay.base_url`."""

    def __init__(self, upstream: str) -> None:
        self.mode: Spoil | None = None
        self.spoiled = 0
        self.cut_downloads = False
        self.cut = 0
        self.ranges: list[str | None] = []  # the Range header of each snapshot file request
        self.ignore_ranges = False  # drop Range headers, as a proxy without range support does
        self.refuse_downloads: int | None = None  # answer snapshot file requests with this status
        self._upstream = upstream
        app = FastAPI()
        app.add_api_route(
            "/{path:path}", self._relay, methods=["GET", "POST"], include_in_schema=False
        )
        self._server = ServerThread(app)

    @property
    def base_url(self) -> str:
        return self._server.base_url

    async def _relay(self, request: Request, path: str) -> Response:
        if path == "v1/sync/events":
            # This relay buffers whole replies, so it cannot carry a live stream: refuse it,
            # like a gateway without SSE support would; terminals then rely on pulls.
            return Response(
                b'{"error": "not_found", "message": "No live events here"}',
                status_code=404,
                media_type="application/json",
            )
        headers = {
            k: v
            for k, v in request.headers.items()
            if k.lower() in ("authorization", "content-type", "range")
        }
        if self.ignore_ranges:
            headers.pop("range", None)
        async with httpx.AsyncClient(base_url=self._upstream, timeout=10) as client:
            upstream = await client.request(
                request.method,
                "/" + path,
                params=request.query_params,
                content=await request.body(),
                headers=headers,
            )
        body = upstream.content
        passed = {k: upstream.headers[k] for k in ("content-range",) if k in upstream.headers}
        if path.startswith("v1/sync/snapshot/"):
            self.ranges.append(request.headers.get("range"))
            if self.refuse_downloads is not None:
                return Response(
                    b'{"error": "busy", "message": "Try again later"}',
                    status_code=self.refuse_downloads,
                    media_type="application/json",
                )
            if self.cut_downloads:
                self.cut += 1
                return _cut_short(body, upstream.status_code, passed)
        if path == "v1/sync/pull" and upstream.status_code == 200 and self.mode is not None:
            body = self._spoil(body, self.mode)
            self.spoiled += 1
        return Response(
            body,
            status_code=upstream.status_code,
            media_type=upstream.headers.get("content-type", "application/json"),
            headers=passed,
        )

    @staticmethod
    def _spoil(body: bytes, mode: Spoil) -> bytes:
        if mode is Spoil.HTML:
            return b"<html><body>Gateway is having a bad day</body></html>"
        if mode is Spoil.TRUNCATED:
            return body[: len(body) // 2]
        page = json.loads(body)
        if mode is Spoil.UPSERT_WITHOUT_DATA:
            for change in page["changes"]:
                if change["op"] == "upsert":
                    change["data"] = None
                    break
        else:
            page["has_more"] = "perhaps"
            page["changes"] = [{**c, "seq": "twelve"} for c in page["changes"]]
        return json.dumps(page).encode()

    def __enter__(self) -> Mangler:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()


def _cut_short(body: bytes, status: int, headers: dict[str, str]) -> StreamingResponse:
    """The whole length announced, half the bytes sent, then the connection drops."""

    async def half() -> AsyncIterator[bytes]:
        yield body[: len(body) // 2]
        raise ConnectionAbortedError("relay cut the download")

    return StreamingResponse(
        half(),
        status_code=status,
        media_type="application/octet-stream",
        headers={**headers, "Content-Length": str(len(body))},
    )
