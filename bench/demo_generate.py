"""Benchmark of the demo chain generator: customers per second at 100k and 1M customers.

Usage: .venv/bin/python bench/demo_generate.py [COUNT ...]   (default: 100000 1000000)
Prints wall and CPU time, customers/s and the process's peak memory for each count.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.server.demo import generate


def run(count: int) -> None:
    chain = generate(customers=count)
    wall, cpu = time.perf_counter(), time.process_time()
    produced = 0
    for _ in chain.iter_customers():
        produced += 1
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{produced:>9,} customers  wall {wall:6.1f} s  cpu {cpu:6.1f} s  "
        f"{produced / wall:>8,.0f} customers/s  peak RSS {peak_mib:5.0f} MiB",
        flush=True,
    )


def main(argv: list[str]) -> None:
    counts = [int(a) for a in argv] or [100_000, 1_000_000]
    for count in counts:
        run(count)


if __name__ == "__main__":
    main(sys.argv[1:])
