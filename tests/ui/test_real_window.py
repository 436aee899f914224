"""The real app in a real X window (Xvfb): a keyboard-wedge scan typed by xdotool opens the
customer's profile, and Ctrl+Q shuts everything down cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sync.server.demo import generate
from sync.server.demo.chain import DEMO_LOGINS

ROOT = Path(__file__).resolve().parents[2]
DISPLAY = os.environ.get("CLIENTELING_XVFB_DISPLAY", "")
WINDOW_TITLE = "クライアンテリング"

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(
        not DISPLAY or shutil.which("xdotool") is None,
        reason="needs CLIENTELING_XVFB_DISPLAY (a running Xvfb) and xdotool",
    ),
]


def card_customer() -> tuple[str, str]:
    """A demo customer of the embedded terminal's region who has a loyalty card."""
    chain = generate(customers=5000, seed=1)
    region = {s["id"]: s["region"] for s in chain.stores}
    store = next(s for s in chain.stores if s["name"] == DEMO_LOGINS[0][0])
    for customer in chain.iter_customers():
        home = customer["home_store_id"]
        if customer["loyalty_card"] and home and region[home] == store["region"]:
            return customer["id"], customer["loyalty_card"]
    raise AssertionError("no demo customer with a card in the terminal's region")


def xdotool(*args: str) -> str:
    env = {**os.environ, "DISPLAY": DISPLAY}
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30)
    return done.stdout.strip()


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_wedge_scan_in_the_real_window_opens_the_profile(tmp_path: Path) -> None:
    customer_id, card = card_customer()
    log = tmp_path / "logs" / "clienteling.log"
    env = {
        **os.environ,
        "DISPLAY": DISPLAY,
        "QT_QPA_PLATFORM": "xcb",
        "CLIENTELING_HOME": str(tmp_path),
        "CLIENTELING_LOG_LEVEL": "INFO",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "clienteling", "--lang", "ja"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: log.exists() and "terminal ready" in log.read_text(), 120, "start-up")
        window = ""

        def window_found() -> bool:
            nonlocal window
            window = xdotool("search", "--name", WINDOW_TITLE).split("\n")[0]
            return bool(window)

        wait_for(window_found, 30, "the main window")

        def scanned_and_opened() -> bool:
            # The first sync may still be running: scan again until the profile opens.
            xdotool("windowfocus", window)
            xdotool("type", "--delay", "1", card)
            xdotool("key", "Return")
            time.sleep(1.5)
            return f"profile opened ({customer_id})" in log.read_text()

        wait_for(scanned_and_opened, 60, "the scanned customer's profile")
        text = log.read_text()
        assert card not in text  # card numbers never reach the log
        xdotool("windowfocus", window)
        xdotool("key", "ctrl+q")
        assert app.wait(timeout=30) == 0
        assert "shut down" in log.read_text()
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
