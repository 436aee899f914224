"""Without an OS keyring, credentials go to a 0600 file with a WARNING that never holds a secret."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from clienteling import paths
from clienteling.secrets import FileSecretBackend, SecretStore, SecretStoreError

SECRET = "s3cr3t-device-token-7f1c"


@pytest.fixture
def no_keyring(home: Path, restore_keyring: None) -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_fallback_round_trip_and_permissions(
    no_keyring: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="clienteling.secrets"):
        store = SecretStore()
        store.set("device_token", SECRET)
    assert not store.uses_os_keyring
    file = paths.secrets_file_path()
    assert _mode(file) == 0o600
    assert _mode(file.parent) == 0o700
    assert store.get("device_token") == SECRET
    assert SecretStore().get("device_token") == SECRET  # a new process would read it back
    assert "keyring is unavailable" in caplog.text
    assert SECRET not in caplog.text


def test_plaintext_keyrings_alt_is_refused(home: Path, restore_keyring: None) -> None:
    keyring.set_keyring(PlaintextKeyring())
    store = SecretStore()
    # Without a real keyring on this machine that means the private file; never keyrings.alt.
    assert "keyrings.alt" not in store.backend_name
    store.set("device_token", SECRET)
    plaintext_file = Path(PlaintextKeyring().file_path)
    assert not plaintext_file.exists() or SECRET not in plaintext_file.read_text()


def test_delete_is_idempotent(no_keyring: None) -> None:
    store = SecretStore()
    store.set("device_token", SECRET)
    store.delete("device_token")
    store.delete("device_token")
    assert store.get("device_token") is None
    assert SECRET not in paths.secrets_file_path().read_text()


def test_random_key_is_created_once(no_keyring: None) -> None:
    key = SecretStore().get_or_create_random("cache_key")
    assert len(key) == 64
    int(key, 16)
    assert SecretStore().get_or_create_random("cache_key") == key


def test_too_long_or_bad_values_are_refused_and_nothing_is_lost(no_keyring: None) -> None:
    store = SecretStore()
    store.set("device_token", SECRET)
    with pytest.raises(ValueError, match="1024"):
        store.set("device_token", "x" * 1025)
    with pytest.raises(ValueError):
        store.set("device_token", "")
    with pytest.raises(ValueError):
        store.set("bad name/../x", "v")
    assert store.get("device_token") == SECRET


def test_widened_permissions_are_narrowed(no_keyring: None) -> None:
    store = SecretStore()
    store.set("device_token", SECRET)
    file = paths.secrets_file_path()
    file.chmod(0o644)
    assert store.get("device_token") == SECRET
    assert _mode(file) == 0o600


def test_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    file = tmp_path / "secrets.json"
    file.write_text("{not json")
    file.chmod(0o600)
    store = SecretStore(FileSecretBackend(file, "clienteling"))
    with pytest.raises(SecretStoreError, match="move it away"):
        store.get("device_token")
    assert file.read_text() == "{not json"  # left for a person to inspect


def test_paths_follow_clienteling_home(home: Path) -> None:
    assert paths.data_dir() == home.resolve() / "data"
    assert paths.cache_db_path().parent == paths.data_dir()
    assert paths.server_db_path().name == "server.db"
    assert paths.log_dir().is_dir()
