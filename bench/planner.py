"""The nightly follow-up planner over a whole chain, on PostgreSQL (or a SQLite file).

    .venv/bin/python -m bench.planner --customers 100000 [1000000] [--sqlite]

Loads the demo chain (customers with birthdays, history for the first 5,000: orders, email
engagement, interests) into a throwaway PostgreSQL cluster, then runs the planner by a clock
set to the demo's reference day (1 November 2026, so the history's visits and purchases are
recent): every rule, the timing from each customer's history, the cap, consent, and the
follow-ups written with their change rows. Prints the wall time of the first run (which plans
everything due within the horizon), the follow-ups created per rule, and a second run at the
same moment (all already planned: the cost of running it every few minutes). Target: 1M
customers in <= 60 s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.server.db import make_engine
from sync.server.demo.timeline import REFERENCE_TIME
from sync.server.pins import FAST_PIN_COST
from sync.server.planner import plan
from sync.server.schema import upgrade
from sync.server.seed import seed_demo


def run(url: str, customers: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    t0 = time.perf_counter()
    seed_demo(engine, scale=customers, seed=1, pin_cost=FAST_PIN_COST)
    print(f"  {customers:,} customers loaded in {time.perf_counter() - t0:.1f} s")
    now = REFERENCE_TIME.replace(hour=2)  # the night before the reference day's opening
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    first = plan(engine, now=now)
    took = time.perf_counter() - t0
    grown = max(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    made = sum(first.created.values())
    print(
        f"  first run: {took:.1f} s, {customers / took:,.0f} customers/s, {made:,} follow-ups "
        f"({', '.join(f'{k} {v:,}' for k, v in sorted(first.created.items()))}); "
        f"no channel {first.skipped_no_channel:,}, cap {first.skipped_cap:,}; "
        f"peak RSS grew {grown:.0f} MiB"
    )
    t0 = time.perf_counter()
    second = plan(engine, now=now)
    print(
        f"  second run at the same moment: {time.perf_counter() - t0:.1f} s, "
        f"{sum(second.created.values())} created, {second.already_planned:,} already planned"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, nargs="+", default=[100_000])
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    for customers in args.customers:
        print(f"{customers:,} customers:")
        if args.sqlite:
            with tempfile.TemporaryDirectory() as folder:
                run(f"sqlite:///{folder}/server.db", customers)
            continue
        from tests.support.postgres import PostgresCluster

        cluster = PostgresCluster()
        try:
            run(cluster.url(cluster.create_database()), customers)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
