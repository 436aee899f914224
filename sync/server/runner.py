"""Run a FastAPI app under uvicorn in a background thread (embedded mode and tests)."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI


class ServerStartError(RuntimeError):
    """The server thread did not come up (port in use, app failed at startup, timeout)."""


# uvicorn's own default when it binds: a burst of hundreds of clients connecting at once waits
# in the queue instead of being reset.
LISTEN_BACKLOG = 2048
# Idle keep-alive connections are closed by the client first (httpx lets them go after 5 s):
# when the server closed at 5 s too, a request sent on a connection it was closing that
# moment was lost ("server disconnected without sending a response").
KEEP_ALIVE_S = 75
# Requests still running at shutdown get this long to finish.
GRACEFUL_S = 2


class StreamClosingServer(uvicorn.Server):
    """uvicorn, ending the event streams first when it shuts down: a terminal's stream never
    ends by itself, and uvicorn would wait for it (forever without a graceful timeout),
    which blocked a rolling restart."""

    def __init__(self, config: uvicorn.Config, app: FastAPI) -> None:
        super().__init__(config)
        self._app = app

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        close_streams = getattr(self._app.state, "close_streams", None)
        if callable(close_streams):
            close_streams()
        await super().shutdown(sockets=sockets)


def server_config(app: FastAPI, host: str, port: int, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        lifespan="on",
        timeout_graceful_shutdown=GRACEFUL_S,
        timeout_keep_alive=KEEP_ALIVE_S,
        backlog=LISTEN_BACKLOG,
    )


class ServerThread:
    """One uvicorn server on a daemon thread; `start()` returns once it accepts connections."""

    def __init__(
        self,
        app: FastAPI,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        sock: socket.socket | None = None,
    ) -> None:
        self.app = app
        self.host = host
        self._requested_port = port
        self._given_socket = sock  # already bound and listening (its port is known early)
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("server not started")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> None:
        # Bind the socket ourselves so port 0 yields the real port before uvicorn starts,
        # with no window in which another process could take it.
        sock = self._given_socket or socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._given_socket = None
        if sock.getsockname()[1] == 0:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((self.host, self._requested_port))
            except OSError as exc:
                sock.close()
                raise ServerStartError(
                    f"cannot listen on {self.host}:{self._requested_port}: {exc}"
                ) from exc
            sock.listen(LISTEN_BACKLOG)
        # Accepted connections inherit it. asyncio sets it itself only on sockets it made: on
        # one handed in, every reply waited for the client's delayed ACK (40 ms a request).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.set_inheritable(True)
        self._socket = sock
        self._port = int(sock.getsockname()[1])
        config = server_config(self.app, self.host, self._port, "warning")
        server = StreamClosingServer(config, self.app)
        self._server = server
        thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            name=f"uvicorn-{self._port}",
            daemon=True,
        )
        self._thread = thread
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive():
                self._close_socket()
                raise ServerStartError("the server stopped during startup (see the log)")
            if time.monotonic() > deadline:
                self.stop()
                raise ServerStartError(f"the server did not start within {timeout} s")
            time.sleep(0.01)

    def stop(self, timeout: float = 10.0) -> None:
        server, thread = self._server, self._thread
        close_streams = getattr(self.app.state, "close_streams", None)
        if callable(close_streams) and thread is not None:
            close_streams()
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive() and server is not None:
                # Open streams (SSE) can hold a graceful shutdown; force it.
                server.force_exit = True
                thread.join(timeout)
        self._close_socket()
        self._server = None
        self._thread = None

    def _close_socket(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> ServerThread:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
