"""The real Secret Service (gnome-keyring on a private D-Bus): run by run_keyring.sh."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from clienteling import paths
from clienteling.secrets import SecretStore

pytestmark = pytest.mark.keyring


def test_secret_service_is_chosen_and_round_trips(home: Path) -> None:
    keyring.core.init_backend()  # rank the real backends again, ignoring earlier set_keyring
    store = SecretStore()
    assert store.uses_os_keyring
    assert "SecretService" in store.backend_name
    store.set("device_token", "real-keyring-token")
    assert SecretStore().get("device_token") == "real-keyring-token"
    key = store.get_or_create_random("cache_key")
    assert SecretStore().get_or_create_random("cache_key") == key
    store.delete("device_token")
    assert store.get("device_token") is None
    assert not paths.secrets_file_path().exists()
