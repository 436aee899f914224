"""Benchmark: peak memory (RSS) of a process holding a large cache open and searching it.

    .venv/bin/python -m bench.search --customers 1000000 --keep /tmp/cache-1m.db
    .venv/bin/python -m bench.memory /tmp/cache-1m.db [--key HEX]

Prints RSS after the imports, after opening, and the peak after searches in every mode and
profile reads of the customers found.
"""

from __future__ import annotations

import argparse
import resource
from pathlib import Path

from clienteling.storage.cache import LocalCache

QUERIES = (
    "田中",
    "佐藤 美咲",
    "たなか",
    "サトウ",
    "suzuki",
    "satou",
    "kobayashi misaki",
    "090-1234-5678",
    "5678",
    "kenta.yamamoto",
    "2900042000175",
    "かはし",
    "ばやし",
)


def rss_mb() -> float:
    """Current resident set size from /proc (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--key", help="SQLCipher key (hex) if the cache is encrypted")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    print(f"after imports: RSS {rss_mb():.0f} MB")
    cache = LocalCache.open(args.path, args.key)
    print(f"after open ({cache.customer_count():,} customers): RSS {rss_mb():.0f} MB")
    profiles = 0
    for _ in range(args.rounds):
        for query in QUERIES:
            hits = cache.search_customers(query, 50)
            for hit in hits[:5]:
                profiles += cache.load_profile(hit.id) is not None
    print(
        f"after {args.rounds * len(QUERIES)} searches and {profiles} profile reads: "
        f"RSS {rss_mb():.0f} MB, peak {peak_mb():.0f} MB"
    )
    cache.close()


if __name__ == "__main__":
    main()
