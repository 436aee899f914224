"""The composition root's own duties: a corrupt cache is moved aside and rebuilt, errors reach
the log, and a remote terminal is registered by a manager through the sign-in dialogs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from clienteling import app as composition
from clienteling import paths
from clienteling import terminal as terminals
from clienteling.diagnostics import ErrorReporter
from clienteling.secrets import SecretStore
from sync.client.api import ApiClient
from tests.ui.conftest import (
    ASSOCIATE_CODE,
    ASSOCIATE_PIN,
    MANAGER_CODE,
    MANAGER_PIN,
    STORE_NAME,
    CentralServer,
    answer_sign_in,
    run,
)


class MemoryBackend:
    """The OS keyring is not what these tests are about: keep secrets in a dict."""

    name = "memory"

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value

    def delete(self, key: str) -> None:
        self.values.pop(key, None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    yield tmp_path


def test_corrupt_cache_is_moved_aside_and_a_fresh_cache_opens(home: Path) -> None:
    secrets = SecretStore(backend=MemoryBackend())
    target = paths.cache_db_path()
    garbage = b"this is not a database" * 100
    target.write_bytes(garbage)

    cache, moved_to = composition.open_cache(secrets)
    try:
        assert cache.customer_count() == 0  # a fresh, working cache; the next sync refills it
    finally:
        cache.close()
    moved = [p for p in target.parent.iterdir() if p.name.startswith("cache.db.corrupt-")]
    assert moved == [moved_to]
    assert moved[0].read_bytes() == garbage  # nothing was deleted


def test_lost_cache_key_is_treated_like_corruption(home: Path) -> None:
    first = SecretStore(backend=MemoryBackend())
    cache, moved = composition.open_cache(first)
    cache.close()
    assert moved is None
    # Another key (the keyring entry was lost): the old file cannot be read.
    cache, moved = composition.open_cache(SecretStore(backend=MemoryBackend()))
    cache.close()
    assert moved is not None and moved.name.startswith("cache.db.corrupt-")


def test_uncaught_errors_are_logged_without_their_text_and_reported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reporter = ErrorReporter(interactive=False)
    seen: list[str] = []
    reporter.on_error = seen.append
    try:
        # Exception text can quote customer data; only the person at the terminal sees it.
        number = "+81" + "9012345678"  # built here so the stack's source line does not hold it
        raise ValueError(f"phone {number} is not valid")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="clienteling"):
            reporter(type(exc), exc, exc.__traceback__)
    assert seen == ["ValueError: phone +819012345678 is not valid"]
    assert "unhandled ValueError" in caplog.text
    assert "test_uncaught_errors_are_logged" in caplog.text  # the stack is there
    assert "+819012345678" not in caplog.text


def test_remote_terminal_is_registered_by_a_manager_then_staff_sign_in(
    qtbot: QtBot, qloop: qasync.QEventLoop, central: CentralServer
) -> None:
    central.start()
    secrets = SecretStore(backend=MemoryBackend())
    api = ApiClient(central.base_url)
    terminal = terminals.Terminal(api, secrets, "remote-test", embedded=False)
    answers: list[tuple[str, str] | None] = [
        (MANAGER_CODE, "0000"),  # wrong PIN first: the dialog comes back with the reason
        (MANAGER_CODE, MANAGER_PIN),
        (ASSOCIATE_CODE, ASSOCIATE_PIN),
    ]
    messages: list[str] = []
    QTimer.singleShot(0, answer_sign_in(answers, messages))
    try:
        session = run(qtbot, terminal.open_session())
    finally:
        run(qtbot, api.aclose())

    assert session.store.name == STORE_NAME
    assert session.staff.code == ASSOCIATE_CODE
    assert terminal.device_id is not None
    assert messages[0] == "" and messages[1]  # the refused PIN was explained
    assert secrets.get("device-token:remote-test")


def test_registered_terminal_starts_offline_as_the_last_staff_member(
    qtbot: QtBot, qloop: qasync.QEventLoop, central: CentralServer, home: Path
) -> None:
    central.start()
    secrets = SecretStore(backend=MemoryBackend())
    cache, _ = composition.open_cache(secrets)
    api = ApiClient(central.base_url)
    try:
        terminal = terminals.Terminal(api, secrets, "embedded", embedded=True)
        online = run(qtbot, terminals.sign_in(terminal, cache))
        central.stop()
        offline = run(qtbot, terminals.sign_in(terminal, cache))
        assert offline == online
        assert offline.store_name == STORE_NAME
        # A terminal that never signed in cannot start offline: a clear message instead.
        fresh_cache_secrets = SecretStore(backend=MemoryBackend())
        stranger = terminals.Terminal(api, fresh_cache_secrets, "embedded", embedded=True)
        with pytest.raises(terminals.StartupError):
            run(qtbot, terminals.sign_in(stranger, cache))
    finally:
        central.start()
        run(qtbot, api.aclose())
        cache.close()
