"""Benchmark: a terminal's first sync from a real local server over HTTP with the real engine.

    .venv/bin/python -m bench.first_sync --customers 100000 [--encrypted] [--database-url URL]
        [--reuse-db PATH] [--profile OUT.prof] [--snapshot]

--reuse-db seeds a server SQLite file on the first run and serves it unchanged on later runs
(seeding dominates the wall time otherwise); --profile writes cProfile stats of the client.

A child process seeds the demo chain into a server database (SQLite file unless
--database-url) and serves the API on loopback (its own process, so server and client do not
share a GIL); this process registers a device as a demo manager and times
SyncEngine.sync_once() into a fresh LocalCache: HTTP + JSON + validation + apply + index build.

With --snapshot the server first builds its region snapshot (timed and printed: the server
does this once per region, in the background), and the timed first sync is what a new terminal
does then: snapshot offer, download, check, re-key and install, and the pull of the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

from clienteling.storage.cache import LocalCache
from sync.client.api import ApiClient
from sync.client.engine import SyncEngine
from sync.protocol import MAX_PULL_LIMIT
from sync.server.demo.chain import STAFF
from sync.server.pins import FAST_PIN_COST


def serve(
    url: str,
    customers: int,
    ready: Any,
    stop: Any,
    seed: bool = True,
    snapshot_dir: Path | None = None,
) -> None:
    """Child process: seed (unless reusing a seeded database), build the region's snapshot
    (with snapshot_dir), serve until told to stop."""
    from clienteling.storage.snapshot import BUILDER
    from sync.server.app import create_app
    from sync.server.buckets import CATALOG, customers_bucket
    from sync.server.config import Settings
    from sync.server.db import make_engine, read_session
    from sync.server.models import Store
    from sync.server.runner import ServerThread
    from sync.server.seed import seed_demo

    settings = Settings(
        database_url=url,
        pin_cost=FAST_PIN_COST,
        snapshot_dir=snapshot_dir,
        snapshot_builder=BUILDER if snapshot_dir is not None else None,
    )
    db = make_engine(url)
    app = create_app(settings, engine=db)
    t0 = time.perf_counter()
    if seed:
        seed_demo(db, scale=customers, seed=1, pin_cost=settings.pin_cost)
    seeded_s = time.perf_counter() - t0
    built: tuple[float, int, int] | None = None
    if snapshot_dir is not None:
        with read_session(db) as session:
            store = session.get(Store, _manager().data["store_id"])
            assert store is not None
            region = store.region
        t0 = time.perf_counter()
        row = app.state.snapshots.build(sorted([CATALOG, customers_bucket(region)]))
        built = (time.perf_counter() - t0, row.rows, row.size)
    server = ServerThread(app)
    server.start()
    ready.put((server.base_url, seeded_s, built))
    stop.wait()
    server.stop()
    db.dispose()


class TimedStore:
    """Passes every call to the cache; adds up the time spent applying pull pages."""

    def __init__(self, cache: LocalCache) -> None:
        self.cache = cache
        self.apply_s = 0.0
        self.install_s: float | None = None  # re-key + swap of a snapshot, when one came
        self.pages: list[float] = []  # seconds per page (the last one builds the indexes)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cache, name)

    def install_snapshot(self, file: Path, key: str) -> bool:
        t0 = time.perf_counter()
        try:
            return bool(self.cache.install_snapshot(file, key))
        finally:
            self.install_s = time.perf_counter() - t0

    def apply_pull_page(self, page: Any) -> None:
        t0 = time.perf_counter()
        self.cache.apply_pull_page(page)
        self.pages.append(time.perf_counter() - t0)
        self.apply_s += self.pages[-1]


def _manager() -> Any:
    return next(s for s in STAFF if s.data["role"] == "manager")


async def first_sync(
    base_url: str, store: TimedStore, page_limit: int, *, threaded: bool = True
) -> float:
    manager = _manager()
    store_id = manager.data["store_id"]
    api = ApiClient(base_url, timeout=300.0)
    try:
        device = await api.register_device(manager.data["code"], manager.pin, store_id, "bench")
        await api.open_session(device.device_token, manager.data["code"], manager.pin)
        # As the app runs it: store calls on their own thread, so the next page downloads
        # while the current one is applied.
        engine = SyncEngine(
            store, api, device.device_id, pull_limit=page_limit, store_in_thread=threaded
        )
        t0 = time.perf_counter()
        await engine.sync_once()
        return time.perf_counter() - t0
    finally:
        await api.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--database-url", help="server database (default: a temp SQLite file)")
    parser.add_argument("--encrypted", action="store_true", help="SQLCipher cache")
    parser.add_argument("--page-limit", type=int, default=MAX_PULL_LIMIT)
    parser.add_argument(
        "--reuse-db",
        type=Path,
        help="server SQLite file: seeded on the first run, reused as is on later runs",
    )
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the client here")
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="the server builds the region's snapshot first (timed); the terminal installs it",
    )
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="bench-first-sync-")  # removed at the end
    workdir = Path(tmp.name)
    seed = True
    if args.reuse_db is not None:
        seed = not args.reuse_db.exists()
        url = f"sqlite:///{args.reuse_db.resolve()}"
    else:
        url = args.database_url or f"sqlite:///{workdir / 'server.db'}"
    ctx = mp.get_context("spawn")
    ready, stop = ctx.Queue(), ctx.Event()
    snapshot_dir = workdir / "snapshots" if args.snapshot else None
    child = ctx.Process(
        target=serve, args=(url, args.customers, ready, stop, seed, snapshot_dir), daemon=True
    )
    child.start()
    base_url, seeded_s, built = ready.get(timeout=3600)
    if seed:
        print(f"server seeded with {args.customers:,} customers in {seeded_s:.0f} s")
    else:
        print(f"server database reused: {args.reuse_db}")
    if built is not None:
        build_s, build_rows, build_size = built
        print(
            f"server built the region snapshot: {build_rows:,} changes, "
            f"{build_size / 1e6:,.0f} MB in {build_s:.1f} s (once per region and refresh)"
        )
    key = secrets.token_hex(32) if args.encrypted else None
    cache = LocalCache.open(workdir / "cache.db", key)
    try:
        store = TimedStore(cache)
        profiler: Any = None
        if args.profile is not None:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        # cProfile sees one thread only: profile with the store on the event loop's thread.
        threaded = profiler is None
        seconds = asyncio.run(first_sync(base_url, store, args.page_limit, threaded=threaded))
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        counts = cache.row_counts()
        rows = sum(counts.values())
        customers = counts["srv_customer"]
        print(
            f"first sync ({'SQLCipher' if key else 'plain SQLite'} cache, pages of "
            f"{args.page_limit}): {rows:,} rows ({customers:,} customers) in {seconds:.1f} s"
        )
        print(f"  = {rows / seconds:,.0f} rows/s, {customers / seconds:,.0f} customers/s")
        if store.install_s is not None:
            print(f"  of which snapshot check + re-key + install: {store.install_s:.1f} s")
        print(
            f"  of which apply_pull_page (incl. index build): {store.apply_s:.1f} s "
            f"= {rows / max(store.apply_s, 1e-9):,.0f} rows/s"
        )
        if store.pages:
            half = len(store.pages) // 2
            first, second = store.pages[:half], store.pages[half:-1]
            print(
                f"  last page incl. index build: {store.pages[-1]:.1f} s; mean page "
                f"{sum(first) / max(1, len(first)):.2f} s in the first half, "
                f"{sum(second) / max(1, len(second)):.2f} s in the second"
            )
        print("  rows:", ", ".join(f"{t.removeprefix('srv_')} {n:,}" for t, n in counts.items()))
    finally:
        cache.close()
        stop.set()
        child.join(30)
        tmp.cleanup()


if __name__ == "__main__":
    main()
