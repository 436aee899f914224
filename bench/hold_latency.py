"""A hold made on terminal A, shown on terminal B of the same store: how long it takes, end to
end (A's outbox and push, the server, the poke, B's pull and cache), with two real terminals
(encrypted caches, sync engines) and the real API over HTTP on a SQLite file.

    .venv/bin/python -m bench.hold_latency [--holds 40]

Prints p50 / p95 / max from A's request to the hold in B's store lists.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clienteling.domain.errors import InvalidInput
from clienteling.services.reservations import ReservationService
from clienteling.storage.cache import LocalCache
from tests.e2e.test_two_terminals import staff_context
from tests.support.server import start_test_server
from tests.sync_client.devices import customer_of_region, register_terminal


async def run(holds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/central.db"
        server = start_test_server(url)
        tills = []
        try:
            for name in ("a", "b"):
                term = await register_terminal(server.base_url, name=name)
                cache = LocalCache.open(Path(folder) / f"{name}.db", os.urandom(32).hex())
                engine = term.engine(cache, store_in_thread=True)
                await engine.start()
                tills.append((term, cache, engine))
            for _, _, engine in tills:
                while engine.status.last_pull_at is None:
                    await asyncio.sleep(0.05)
            (term_a, cache_a, engine_a), (_, cache_b, _) = tills
            a = ReservationService(cache_a, staff_context(term_a), engine_a)
            customer = customer_of_region(url, term_a.session.store.region)
            with cache_a._read() as db:  # a product the store has plenty of
                sku = db.execute(
                    "SELECT sku FROM srv_inventory WHERE store_id = ? ORDER BY "
                    "(data ->> '$.on_hand') DESC LIMIT 1",
                    (term_a.session.store.id,),
                ).fetchone()[0]
            store_id = term_a.session.store.id
            seen: list[float] = []
            for _ in range(holds):
                t0 = time.perf_counter()
                made = a.request(customer, sku, quantity=1)
                while not any(r.id == made.id for r in cache_b.store_lists(store_id).open):
                    await asyncio.sleep(0.005)
                seen.append(time.perf_counter() - t0)
                while True:  # give the unit back for the next round (once A heard the answer)
                    try:
                        a.step(made.id, "cancel")
                        break
                    except InvalidInput:
                        await asyncio.sleep(0.01)
                await asyncio.sleep(0.1)
            ordered = sorted(seen)
            p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
            p50 = statistics.median(seen)
            print(
                f"hold on A -> shown on B: n={len(seen)} p50 {p50 * 1000:.0f} ms"
                f"  p95 {p95 * 1000:.0f} ms  max {max(seen) * 1000:.0f} ms"
            )
        finally:
            for term, cache, engine in tills:
                await engine.stop()
                await term.api.aclose()
                cache.close()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holds", type=int, default=40)
    args = parser.parse_args()
    asyncio.run(run(args.holds))


if __name__ == "__main__":
    main()
