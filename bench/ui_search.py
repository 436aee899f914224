"""Search-as-you-type latency in the real window: from the last keystroke to the results list
painted, with N customers in the local cache (default 100,000). Prints p50/p95 per query kind.

    .venv/bin/python -m bench.ui_search [--customers 100000] [--queries 60] [--encrypted]

Two figures per kind: `work` (search + model reset + paint, the debounce flushed at once) and
`felt` (what the person sees, including the ~30 ms keystroke coalescing).
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


def press(widget: QObject, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        )


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
        t0 = time.perf_counter()
        press(box, query[-1])
        if debounce:
            while not finished:
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
        window = MainWindow(services)
        window.resize(1280, 800)
        window.show()
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
        window.close()
        window.deleteLater()
        app.processEvents()
        cache.close()


if __name__ == "__main__":
    main()
