"""Fixtures for the credentials tests: a private CLIENTELING_HOME and a restored keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

KEYRING_ENV = "CLIENTELING_KEYRING_TESTS"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "keyring: needs a real Secret Service (run by tests/secrets/run_keyring.sh)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get(KEYRING_ENV) == "1":
        return
    skip = pytest.mark.skip(reason=f"real Secret Service tests need {KEYRING_ENV}=1")
    for item in items:
        if "keyring" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLIENTELING_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    """Tests may call keyring.set_keyring; put the session's backend back afterwards."""
    before: keyring.backend.KeyringBackend = keyring.get_keyring()
    yield
    keyring.set_keyring(before)
