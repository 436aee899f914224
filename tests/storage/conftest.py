"""Fixtures: a fresh cache file per test (plain SQLite unless a test asks for SQLCipher)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clienteling.storage.cache import LocalCache


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LocalCache]:
    opened = LocalCache.open(tmp_path / "cache.db", None)
    yield opened
    opened.close()
