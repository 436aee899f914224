"""The real app in a real X window (Xvfb), keys typed by xdotool through the X server: a
keyboard-wedge card burst opens the customer's profile, a product burst the product, a badge
burst the staff switch; the same digits typed at human speed are not a scan; a burst while the
note field has focus does not reach the note; Ctrl+Q shuts everything down cleanly."""

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


def demo_product_and_badge() -> tuple[str, str, str]:
    """A product (its SKU and GTIN) and a colleague's staff badge of the demo chain."""
    chain = generate(customers=5000, seed=1)
    product = chain.products[0]
    return product["sku"], product["gtin"], chain.staff[1].badge


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


def start_app(home: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DISPLAY": DISPLAY,
        "QT_QPA_PLATFORM": "xcb",
        "CLIENTELING_HOME": str(home),
        "CLIENTELING_LOG_LEVEL": "INFO",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "clienteling", "--lang", "ja"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def main_window(log: Path) -> str:
    wait_for(lambda: log.exists() and "terminal ready" in log.read_text(), 120, "start-up")
    window = ""

    def window_found() -> bool:
        nonlocal window
        window = xdotool("search", "--name", WINDOW_TITLE).split("\n")[0]
        return bool(window)

    wait_for(window_found, 30, "the main window")
    return window


def burst(window: str | None, code: str) -> None:
    """What a keyboard-wedge scanner sends: the digits a millisecond apart, then Enter (into
    `window`, or wherever the keyboard focus is)."""
    if window is not None:
        xdotool("windowfocus", window)
    xdotool("type", "--delay", "1", code)
    xdotool("key", "Return")


def logged(log: Path, line: str, after: int = 0) -> bool:
    return line in log.read_text()[after:]


def test_every_scan_is_routed_in_the_real_window(tmp_path: Path) -> None:
    customer_id, card = card_customer()
    sku, gtin, badge = demo_product_and_badge()
    log = tmp_path / "logs" / "clienteling.log"
    app = start_app(tmp_path)
    try:
        window = main_window(log)

        # A product burst with no customer open: the product view. (Retried while the first
        # sync may still be bringing the catalogue.)
        def product_opened() -> bool:
            burst(window, gtin)
            time.sleep(1.5)
            return logged(log, f"product opened ({sku})")

        wait_for(product_opened, 60, "the scanned product")

        def profile_opened() -> bool:
            burst(window, card)
            time.sleep(1.5)
            return logged(log, f"profile opened ({customer_id})")

        wait_for(profile_opened, 60, "the scanned customer's profile")

        # A colleague's badge: the staff switch asks for their PIN. Escape: nobody switches.
        mark = len(log.read_text())
        burst(window, badge)
        wait_for(lambda: logged(log, "staff switch asked by a badge scan", mark), 10, "switch")
        time.sleep(1.0)  # the dialog is logged just before it is shown
        xdotool("key", "Escape")
        time.sleep(1.0)
        assert not logged(log, "staff switched", mark)

        # The same digits at human speed into the search box are a search, not a scan.
        mark = len(log.read_text())
        xdotool("windowfocus", window)
        xdotool("key", "ctrl+f")
        xdotool("type", "--delay", "150", card)
        xdotool("key", "Return")
        time.sleep(1.0)
        assert not logged(log, "scan read as", mark)
        assert not logged(log, "scan not readable", mark)

        # Ctrl+N: a note for the open customer. Typed text, a card burst, more text: the burst
        # is refused by the note dialog, and the saved note holds only the typed characters.
        wait_for(lambda: logged(log, f"profile opened ({customer_id})", mark), 10, "profile")
        mark = len(log.read_text())
        xdotool("key", "ctrl+n")
        time.sleep(1.0)
        xdotool("type", "--delay", "150", "abc")
        burst(None, card)
        wait_for(lambda: logged(log, "scan ignored by NoteEditor", mark), 10, "the refused scan")
        xdotool("type", "--delay", "150", "d")
        xdotool("key", "ctrl+Return")
        wait_for(lambda: logged(log, "note added (", mark), 10, "the saved note")
        assert logged(log, f"note added ({customer_id}, 4 characters)", mark)
        assert not logged(log, f"profile opened ({customer_id})", mark)  # the card did nothing
        text = log.read_text()
        assert card not in text and badge not in text  # codes never reach the log
        xdotool("windowfocus", window)
        xdotool("key", "ctrl+q")
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


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
