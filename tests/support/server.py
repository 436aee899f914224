"""Start the real central API on loopback for tests (uvicorn in a thread, optional demo seed)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import Engine

from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.db import make_engine
from sync.server.pins import FAST_PIN_COST
from sync.server.runner import ServerThread


class _TestServerThread(ServerThread):
    """A ServerThread that also closes its database connections when stopped."""

    def __init__(self, app: FastAPI, engine: Engine, host: str, port: int) -> None:
        super().__init__(app, host=host, port=port)
        self._engine = engine

    def stop(self, timeout: float = 10.0) -> None:
        super().stop(timeout)
        self._engine.dispose()


def start_test_server(
    database_url: str,
    *,
    seed: bool = True,
    port: int = 0,
    scale: int = 200,
    settings: Settings | None = None,
) -> ServerThread:
    """A started server over `database_url`, migrated and (by default) demo-seeded.

    PINs are hashed with few PBKDF2 rounds to keep tests fast. Seeding is idempotent, so a
    restart on the same database (`seed=False` or not, same `port` if wanted) keeps its data.
    The caller stops it (`.stop()`), or uses `running_test_server` as a context manager.
    """
    settings = settings or Settings(database_url=database_url, pin_cost=FAST_PIN_COST)
    engine = make_engine(database_url)
    app = create_app(settings, engine=engine)
    if seed:
        from sync.server.demo import REFERENCE_TIME
        from sync.server.seed import seed_demo

        # A fixed reference a year before the demo's, not the day the test runs: the same rows
        # on every run, and the stories' follow-ups long past, so the planner plans only what
        # a test sets up (tests/server/test_demo_stories.py plays the stories on a live demo).
        seed_demo(
            engine,
            scale=scale,
            seed=1,
            pin_cost=settings.pin_cost,
            reference=REFERENCE_TIME - timedelta(weeks=52),
        )
    server = _TestServerThread(app, engine, host="127.0.0.1", port=port)
    try:
        server.start()
    except Exception:
        engine.dispose()
        raise
    return server


@contextmanager
def running_test_server(
    database_url: str,
    *,
    seed: bool = True,
    port: int = 0,
    scale: int = 200,
    settings: Settings | None = None,
) -> Iterator[ServerThread]:
    """`with running_test_server(url) as server: ...` — stopped and disposed afterwards."""
    server = start_test_server(database_url, seed=seed, port=port, scale=scale, settings=settings)
    try:
        yield server
    finally:
        server.stop()
