"""Start the real central API on loopback for tests (uvicorn in a thread, optional demo seed)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.db import make_engine
from sync.server.runner import ServerThread


def start_test_server(
    database_url: str,
    *,
    seed: bool = True,
    port: int = 0,
    scale: int = 200,
    settings: Settings | None = None,
) -> ServerThread:
    """A started ServerThread over `database_url`, migrated and (by default) demo-seeded.

    The caller stops it (`.stop()`), or use `running_test_server` as a context manager.
    """
    settings = settings or Settings(database_url=database_url, pin_iterations=1000)
    engine = make_engine(database_url)
    app = create_app(settings, engine=engine)
    if seed:
        from sync.server.seed import seed_demo

        seed_demo(engine, scale=scale, seed=1, pin_iterations=settings.pin_iterations)
    server = ServerThread(app, host="127.0.0.1", port=port)
    server.start()
    return server


@contextmanager
def running_test_server(database_url: str, **kwargs: object) -> Iterator[ServerThread]:
    """`with running_test_server(url) as server: ...` — stopped and disposed afterwards."""
    server = start_test_server(database_url, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()
        server.app.state.engine.dispose()
