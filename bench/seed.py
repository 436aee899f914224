"""Benchmark of the central server's demo seed loader: customers per second, end to end.

Usage: .venv/bin/python bench/seed.py [--customers N ...] [--postgres] [--profile FILE]
(default: --customers 100000, SQLite only). Each run migrates a fresh database (a temp file,
or a throwaway PostgreSQL cluster from tests/support/postgres.py) and times
`seed_demo(engine, scale=N)`: the generator, entity tables, change feed and bucket_seq.
Prints wall and CPU time, customers/s, the database size and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import cProfile
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, func, select

from sync.server.db import make_engine
from sync.server.models import ChangeRow, Customer
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import seed_demo

PIN_COST = FAST_PIN_COST  # the staff PIN hashes are not what these measure


def _count(engine: Engine, table: type) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def run(label: str, url: str, customers: int, profile: str | None) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
        wall, cpu = time.perf_counter(), time.process_time()
        if profile:
            prof = cProfile.Profile()
            prof.enable()
        seed_demo(engine, scale=customers, seed=1, pin_cost=PIN_COST)
        if profile:
            prof.disable()
            prof.dump_stats(profile)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        loaded, changes = _count(engine, Customer), _count(engine, ChangeRow)
    finally:
        engine.dispose()
    if loaded != customers:
        raise SystemExit(f"{label}: expected {customers} customers, found {loaded}")
    size = ""
    if url.startswith("sqlite:///"):
        size = f"  db {Path(url[len('sqlite:///') :]).stat().st_size / 2**20:6.0f} MiB"
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label:<8} {customers:>9,} customers  {changes:>9,} changes  wall {wall:6.1f} s  "
        f"cpu {cpu:6.1f} s  {customers / wall:>8,.0f} customers/s{size}  "
        f"peak RSS {peak_mib:5.0f} MiB",
        flush=True,
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[100_000])
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite runs")
    parser.add_argument("--profile", help="write cProfile stats of the (last) load here")
    args = parser.parse_args(argv)
    if not args.no_sqlite:
        for count in args.customers:
            with tempfile.TemporaryDirectory(prefix="seed-bench-") as tmp:
                run("sqlite", f"sqlite:///{Path(tmp) / 'central.db'}", count, args.profile)
    if args.postgres:
        from tests.support.postgres import PostgresCluster

        cluster = PostgresCluster()
        try:
            for count in args.customers:
                with cluster.database() as url:
                    run("postgres", url, count, args.profile)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
