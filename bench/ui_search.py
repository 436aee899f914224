"""Latency in the real window with N customers in the local cache (default 100,000):

- search as you type, from the last keystroke to the results list painted, per query kind:
  `work` (search + model reset + paint, run at once) and `felt` (a person typing: a pause
  before the last key, which then searches at once; keys that follow a search within 30 ms
  are coalesced, as a scanner's are);
- a loyalty-card scan (`--scans N`): from the Enter key of a keyboard-wedge burst, through
  the app's scan detector, to the customer's profile painted.

    .venv/bin/python -m bench.ui_search [--customers 100000] [--queries 60] [--scans 100]
        [--encrypted]
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from bench.search import fill, queries
from clienteling.services.bundle import AppServices
from clienteling.services.context import StaffContext
from clienteling.storage.cache import LocalCache
from clienteling.ui.i18n import load_fonts
from clienteling.ui.main_window import MainWindow
from clienteling.ui.scanner import ScanDetector

KINDS = ("kanji prefix", "kana", "romaji", "phone", "card", "substring")


@dataclass(frozen=True)
class IdleEngine:
    """No network in this benchmark: an engine that is online and never syncs."""

    online: bool = True
    syncing: bool = False
    last_pull_at: datetime | None = None
    last_error: str | None = None

    @property
    def status(self) -> IdleEngine:
        return self

    def request_sync(self) -> None:
        return None


def press(widget: QObject, ch: str, sent_ms: int = 0) -> None:
    key = Qt.Key.Key_Return if ch == "\r" else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
        event.setTimestamp(sent_ms)
        QApplication.sendEvent(widget, event)


def scan(app: QApplication, window: MainWindow, card: str, clock: list[int]) -> float:
    """Seconds from the Enter of a card burst (keys 3 ms apart by their own timestamps) to
    the profile of that card's customer painted."""
    opened: list[str] = []
    window.customer_opened.connect(opened.append)
    box = window.search_box
    try:
        box.clear()
        box.cancel_pending()
        app.processEvents()
        time.sleep(0.06)  # the burst starts after a pause, as at a counter
        for ch in card:
            clock[0] += 3
            press(box, ch, clock[0])
        clock[0] += 3
        t0 = time.perf_counter()
        press(box, "\r", clock[0])
        while not opened:
            app.processEvents()
            time.sleep(0.0002)
        window.profile.repaint()  # synchronous: the profile as the eye sees it
        return time.perf_counter() - t0
    finally:
        window.customer_opened.disconnect(opened.append)


def one(app: QApplication, window: MainWindow, query: str, *, debounce: bool) -> float:
    """Seconds from the last keystroke of `query` to the results list painted."""
    box = window.search_box
    box.clear()
    box.cancel_pending()
    app.processEvents()
    finished: list[str] = []
    window.search_finished.connect(finished.append)
    try:
        for ch in query[:-1]:
            press(box, ch)
        if debounce:
            # A person: the previous key was a moment ago (a search for it has run).
            box.flush()
            deadline = time.perf_counter() + 0.12
            while time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.002)
            finished.clear()
        t0 = time.perf_counter()
        press(box, query[-1])
        if debounce:
            while query not in finished:
                app.processEvents()
                time.sleep(0.0005)
        else:
            box.flush()
        window.results.view.viewport().repaint()  # synchronous: the list as the eye sees it
        return time.perf_counter() - t0
    finally:
        window.search_finished.disconnect(finished.append)


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=60, help="queries per kind")
    parser.add_argument("--encrypted", action="store_true", help="SQLCipher cache (as shipped)")
    parser.add_argument("--scans", type=int, default=100, help="loyalty-card scans to time")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    load_fonts(app)
    with tempfile.TemporaryDirectory() as folder:
        key = secrets.token_hex(32) if args.encrypted else None
        cache = LocalCache.open(Path(folder) / "cache.db", key)
        t0 = time.perf_counter()
        sample, _, _ = fill(cache, args.customers, max(1, args.customers // 2000))
        cache.ensure_search_index()
        print(
            f"cache: {args.customers:,} customers ({'SQLCipher' if key else 'plain SQLite'}) "
            f"filled in {time.perf_counter() - t0:.1f} s"
        )
        idle = IdleEngine()
        context = StaffContext("bench", "bench", "bench", "bench", "associate")
        services = AppServices.build(cache, context, idle)
        scanner = ScanDetector(app)
        app.installEventFilter(scanner)
        window = MainWindow(services, scanner=scanner)
        window.resize(1280, 800)
        window.show()
        window.search_box.setFocus()
        app.processEvents()
        rng = random.Random(7)
        by_kind = queries(sample, rng)
        print(
            f"{'query kind':<14} {'n':>4} {'work p50':>9} {'work p95':>9} "
            f"{'felt p50':>9} {'felt p95':>9} {'hits':>6} {'search p50':>10} {'search p95':>10}"
        )
        for kind in KINDS:
            items = [q for q in by_kind.get(kind, []) if q][: args.queries]
            if not items:
                continue
            # The service alone first (cold: the first time each query runs), then the window.
            search_only = []
            for q in items:
                t0 = time.perf_counter()
                services.search.search(q)
                search_only.append(time.perf_counter() - t0)
            work = [one(app, window, q, debounce=False) for q in items]
            hits = 0
            felt = []
            for q in items[: max(5, len(items) // 3)]:
                felt.append(one(app, window, q, debounce=True))
                hits += bool(window.results.hits())
            w50, w95 = percentiles(work)
            s50, s95 = percentiles(search_only)
            f50, f95 = percentiles(felt)
            print(
                f"{kind:<14} {len(items):>4} {w50:>8.1f}ms {w95:>8.1f}ms "
                f"{f50:>8.1f}ms {f95:>8.1f}ms {hits:>3}/{len(felt)} "
                f"{s50:>8.1f}ms {s95:>8.1f}ms"
            )
        cards = [str(c["loyalty_card"]) for c in sample if c.get("loyalty_card")][: args.scans]
        if cards:
            clock = [1_000_000]
            times = [scan(app, window, card, clock) for card in cards]
            p50, p95 = percentiles(times)
            print(
                f"scan -> profile painted: n={len(times)} p50 {p50:.1f} ms  p95 {p95:.1f} ms  "
                f"max {max(times) * 1000:.1f} ms"
            )
        app.removeEventFilter(scanner)
        window.close()
        window.deleteLater()
        app.processEvents()
        cache.close()


if __name__ == "__main__":
    main()
