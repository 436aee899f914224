"""A forced keyring backend (keyring.set_keyring) is used as is, under a per-home service name."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail

from clienteling import paths
from clienteling.secrets import SecretStore, is_usable_keyring, service_name


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A deterministic in-memory OS keyring stand-in."""

    priority = 1
    # keyring discovers every subclass; keep this one out of the ranking of other tests.
    viable = False

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def memory(home: Path, restore_keyring: None) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def test_forced_backend_holds_the_secrets(memory: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.uses_os_keyring
    store.set("device_token", "tok")
    assert memory.entries == {(service_name(), "device_token"): "tok"}
    assert store.get("device_token") == "tok"
    store.delete("device_token")
    store.delete("device_token")
    assert memory.entries == {}
    assert not paths.secrets_file_path().exists()


def test_dev_mode_service_name_is_separate_from_production(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = service_name()
    assert dev.startswith("clienteling-dev-")
    monkeypatch.delenv("CLIENTELING_HOME")
    assert service_name() == "clienteling"


def test_backend_ranking_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not is_usable_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert not is_usable_keyring(chainer.ChainerBackend())  # type: ignore[no-untyped-call]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    assert is_usable_keyring(chainer.ChainerBackend())  # type: ignore[no-untyped-call]
    assert is_usable_keyring(MemoryKeyring())
