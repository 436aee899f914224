"""Fixtures of the end-to-end tests: the real central API on a SQLite file, asyncio for anyio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server.runner import ServerThread
from tests.support.server import start_test_server


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def central(database_url: str) -> Iterator[ServerThread]:
    server = start_test_server(database_url)
    yield server
    server.stop()
