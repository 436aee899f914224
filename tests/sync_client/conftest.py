"""Fixtures of the sync-client tests: the asyncio backend for anyio-marked async tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
