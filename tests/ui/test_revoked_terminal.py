"""A terminal a manager revoked erases itself at its next contact: the real app (embedded
default, offscreen) is started once to register and fill its cache, the terminal is revoked in
the central database, and the next start is told `device_revoked` by the server, shreds the
cache and forgets its credentials, and exits with status 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from clienteling.storage.cache import LAST_PULL_AT, LocalCache
from sync.server.db import make_engine
from sync.server.models import Device

ROOT = Path(__file__).resolve().parents[2]


def _start(home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLIENTELING_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "CLIENTELING_LOG_LEVEL": "INFO",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "clienteling", "--self-test", "--lang", "en"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )


@pytest.mark.slow
def test_a_revoked_terminal_erases_its_data_at_its_next_contact(tmp_path: Path) -> None:
    first = _start(tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    data = tmp_path / "data"
    assert (data / "cache.db").stat().st_size > 100_000
    stored = json.loads((data / "secrets.json").read_text())
    names = {name for service in stored.values() for name in service}
    assert {"cache-key", "device-token:embedded", "device-id:embedded"} <= names
    device_id = next(s["device-id:embedded"] for s in stored.values() if "device-id:embedded" in s)
    central_key = next(
        s["embedded-central-key"] for s in stored.values() if "embedded-central-key" in s
    )

    # A manager revokes it (the endpoint itself is tested in tests/server/test_devices.py).
    engine = make_engine(f"sqlite:///{data / 'server.db'}", key=central_key)
    with engine.begin() as conn:
        conn.execute(update(Device).where(Device.id == device_id).values(revoked=True))  # type: ignore[arg-type]
    engine.dispose()

    second = _start(tmp_path)
    assert second.returncode == 3, second.stdout + second.stderr
    assert not [p.name for p in data.iterdir() if p.name.startswith("cache.db")]
    left = json.loads((data / "secrets.json").read_text())
    names = {name for service in left.values() for name in service}
    assert not names & {"cache-key", "device-token:embedded", "device-id:embedded"}
    log = (tmp_path / "logs" / "clienteling.log").read_text(encoding="utf-8")
    assert "revoked by a manager" in log and "local data erased" in log


@pytest.mark.slow
def test_a_terminal_offline_too_long_erases_itself_at_start(tmp_path: Path) -> None:
    first = _start(tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    data = tmp_path / "data"
    stored = json.loads((data / "secrets.json").read_text())
    key = next(s["cache-key"] for s in stored.values() if "cache-key" in s)
    # The last contact with the server, as the cache remembers it: three weeks ago.
    cache = LocalCache.open(data / "cache.db", key)
    cache.set_state(LAST_PULL_AT, (datetime.now(UTC) - timedelta(days=21)).isoformat())
    cache.close()

    second = _start(tmp_path)
    assert second.returncode == 3, second.stdout + second.stderr
    assert not [p.name for p in data.iterdir() if p.name.startswith("cache.db")]
    log = (tmp_path / "logs" / "clienteling.log").read_text(encoding="utf-8")
    assert "offline too long" in log and "local data erased" in log
