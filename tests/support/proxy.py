"""A small TCP proxy for network-fault tests: lose a reply after the server acted, or cut the link.

It runs its own asyncio loop in a daemon thread, so tests can use it from sync or async code.
Requests are recognised by their first bytes (`b"POST /v1/sync/push"`), which is enough for
HTTP/1.1 clients like httpx that send a request's head in one write.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)  # identity-hashed: kept in a set of open connections
class _Conn:
    client: asyncio.StreamWriter
    upstream: asyncio.StreamWriter
    drop_reply: bool = False
    hang: bool = False  # keep the connection open and silent instead of closing it
    counted: bool = False
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def close(self) -> None:
        for writer in (self.client, self.upstream):
            with contextlib.suppress(Exception):
                writer.close()


class TcpProxy:
    """Forwards 127.0.0.1:`port` to `target_host`:`target_port`."""

    def __init__(self, target_host: str, target_port: int, *, port: int = 0) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.port = port
        self.requests: list[bytes] = []  # first line of every request seen, in order
        self.replies_dropped = 0
        self._drop_prefix: bytes | None = None
        self._drop_count = 0
        self._hang = False
        self._conns: set[_Conn] = set()
        self._server: asyncio.Server | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- control (any thread) ------------------------------------------------------------

    def start(self) -> TcpProxy:
        self._thread.start()
        self._call(self._listen())
        return self

    def stop(self) -> None:
        self._call(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    def drop_reply_of(self, request_prefix: bytes, count: int = 1, *, hang: bool = False) -> None:
        """The next `count` requests starting with `request_prefix` reach the server, but the
        client never gets the answer: its connection is closed once the server has replied,
        or with `hang=True` left open and silent (the client sees a timeout)."""
        with self._lock:
            self._drop_prefix = request_prefix
            self._drop_count = count
            self._hang = hang

    def partition(self) -> None:
        """Cut every open connection and refuse new ones until `heal()`."""
        self._call(self._shutdown())

    def heal(self) -> None:
        self._call(self._listen())

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- inside the proxy's loop ---------------------------------------------------------

    def _call(self, coro: Coroutine[Any, Any, None]) -> None:
        asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=10)

    async def _listen(self) -> None:
        if self._server is not None:
            return
        self._server = await asyncio.start_server(
            self._accept, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for conn in list(self._conns):
            conn.close()
            for task in conn.tasks:
                task.cancel()
        self._conns.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(self.target_host, self.target_port)
        except OSError:
            writer.close()
            return
        conn = _Conn(client=writer, upstream=up_writer)
        self._conns.add(conn)
        conn.tasks = [
            asyncio.create_task(self._to_server(reader, conn)),
            asyncio.create_task(self._to_client(up_reader, conn)),
        ]
        await asyncio.gather(*conn.tasks, return_exceptions=True)
        conn.close()
        self._conns.discard(conn)

    async def _to_server(self, reader: asyncio.StreamReader, conn: _Conn) -> None:
        try:
            while chunk := await reader.read(65536):
                if chunk[:8].split(b" ", 1)[0] in _METHODS:
                    self.requests.append(chunk.split(b"\r\n", 1)[0])
                    with self._lock:
                        prefix = self._drop_prefix
                        if prefix is not None and chunk.startswith(prefix) and self._drop_count:
                            self._drop_count -= 1
                            conn.drop_reply = True
                            conn.hang = self._hang
                conn.upstream.write(chunk)
                await conn.upstream.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            conn.close()

    async def _to_client(self, reader: asyncio.StreamReader, conn: _Conn) -> None:
        try:
            while chunk := await reader.read(65536):
                if conn.drop_reply:
                    # The server has answered, so it has finished (and committed) the work:
                    # lose the answer the way a broken link would.
                    if not conn.hang:
                        self.replies_dropped += 1
                        break
                    if not conn.counted:
                        self.replies_dropped += 1
                        conn.counted = True
                    continue
                conn.client.write(chunk)
                await conn.client.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            conn.close()


_METHODS = {b"GET", b"POST", b"PUT", b"PATCH", b"DELETE", b"HEAD", b"OPTIONS"}
