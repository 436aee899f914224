"""Benchmark: what the audit trail adds to opening a profile at the counter.

    .venv/bin/python -m bench.audit [--customers 20000] [--opens 2000] [--encrypted]

A cache filled with demo customers (as the search benchmark fills it), then profiles opened,
each followed by recording the view (`AuditService.viewed`: one outbox insert in the
encrypted cache). Prints p50/p95 of the profile load, of the audit record alone, and of both;
the target is an audit overhead of at most 1 ms p95.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from bench.search import fill
from clienteling.services.audit import AuditService
from clienteling.services.context import StaffContext
from clienteling.storage.cache import LocalCache


class _NoSync:
    def request_sync(self, *, now: bool = False) -> None:
        del now


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--opens", type=int, default=2_000)
    parser.add_argument("--encrypted", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        key = secrets.token_hex(32) if args.encrypted else None
        cache = LocalCache.open(Path(tmp) / "cache.db", key)
        sample, _, _ = fill(cache, args.customers, max(1, args.customers // 2_000))
        ids = [c["id"] for c in sample]
        rng = random.Random(5)
        chosen = [rng.choice(ids) for _ in range(args.opens)]
        context = StaffContext("s", "bench", "store", "store", "associate", "")
        audit = AuditService(cache, context, _NoSync(), clock=lambda: 0.0)
        load, record, both = [], [], []
        for cid in chosen:
            t0 = time.perf_counter()
            cache.load_profile(cid)
            t1 = time.perf_counter()
            audit.viewed(cid)
            t2 = time.perf_counter()
            load.append(t1 - t0)
            record.append(t2 - t1)
            both.append(t2 - t0)
        cache.close()
    print(f"customers {args.customers:,}, opens {args.opens:,}, encrypted {args.encrypted}")
    for name, values in (("profile load", load), ("audit record", record), ("both", both)):
        print(
            f"{name:>13}: p50 {statistics.median(values) * 1000:.3f} ms, "
            f"p95 {_p(values, 0.95):.3f} ms"
        )
    overhead = _p(both, 0.95) - _p(load, 0.95)
    print(f"audit overhead at p95: {overhead:.3f} ms (target <= 1 ms)")


if __name__ == "__main__":
    main()
