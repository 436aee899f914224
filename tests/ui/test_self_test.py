"""`python -m clienteling --self-test` end to end: embedded server, registration, session,
encrypted cache, one sync, a search and a profile, offscreen."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_self_test_exits_zero(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CLIENTELING_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "CLIENTELING_LOG_LEVEL": "INFO",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    result = subprocess.run(
        [sys.executable, "-m", "clienteling", "--self-test", "--lang", "ja"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout
    logs = (tmp_path / "logs" / "clienteling.log").read_text(encoding="utf-8")
    assert "terminal ready" in logs
    # No OS keyring here: the window says so; the central database beside the cache is
    # encrypted like the cache.
    assert "the window says the keys are kept in a file" in logs
    assert (tmp_path / "data" / "server.db").read_bytes()[:16] != b"SQLite format 3\x00"
    # A second start reuses the registration, the key and the cache.
    again = subprocess.run(
        [sys.executable, "-m", "clienteling", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    # ... and is a warm start: the window is up before the embedded server has finished
    # starting (it starts alongside, on a worker thread).
    second_run = (tmp_path / "logs" / "clienteling.log").read_text(encoding="utf-8")
    second_run = second_run[len(logs) :]
    assert second_run.index("window shown") < second_run.index("embedded central API on port")


def test_version_prints_and_exits(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clienteling", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("clienteling ")


def test_a_real_server_without_an_os_keyring_is_refused_unless_allowed(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CLIENTELING_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("CLIENTELING_ALLOW_FILE_SECRETS", None)
    command = [sys.executable, "-m", "clienteling", "--self-test", "--lang", "en"]
    command += ["--server-url", "http://127.0.0.1:9"]
    refused = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2
    assert "no OS keyring" in refused.stderr and "--allow-file-secrets" in refused.stderr
    assert not (tmp_path / "data" / "secrets.json").exists()  # nothing was written
    # Allowed explicitly, it gets past the check (and then finds no server on port 9).
    allowed = subprocess.run(
        [*command, "--allow-file-secrets"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert "no OS keyring" not in allowed.stderr
    assert allowed.returncode == 2, allowed.stderr


@pytest.mark.slow
def test_the_self_test_needs_no_display_and_the_app_says_it_does(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(
        CLIENTELING_HOME=str(tmp_path),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    tested = subprocess.run(
        [sys.executable, "-m", "clienteling", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "self-test ok" in tested.stdout
    plain = subprocess.run(
        [sys.executable, "-m", "clienteling"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert plain.returncode == 2
    assert "no display found" in plain.stderr and "xcb" not in plain.stderr


@pytest.mark.slow
def test_run_script_leaves_no_virtual_display_behind(tmp_path: Path) -> None:
    """scripts/run.sh on a machine without a display starts Xvfb (:77, or the next free
    display) for the app, and it is gone by the time the script returns."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(
        CLIENTELING_HOME=str(tmp_path),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    done = subprocess.run(
        ["bash", "scripts/run.sh", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "self-test ok" in done.stdout
    started = re.search(r"starting a virtual one \(Xvfb (:\d+),", done.stdout)
    assert started, done.stdout[-2000:]
    display = started.group(1)
    left = subprocess.run(["pgrep", "-f", f"Xvfb {display} "], capture_output=True, text=True)
    assert left.stdout.strip() == "", f"Xvfb {display} is still running"
    assert not Path(f"/tmp/.X{display[1:]}-lock").exists()
