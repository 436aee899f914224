"""Benchmark: fill a local cache through read_pull_page + apply_pull_page, then time each
search mode.

    .venv/bin/python -m bench.search --customers 100000 [--encrypted] [--keep PATH]

Prints the apply rate (customer rows/s), the trigram index build time, and p50/p95 per lookup.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson
import sqlcipher3

from clienteling.domain.romaji import hiragana_to_romaji
from clienteling.domain.text import katakana_to_hiragana
from clienteling.storage.cache import LocalCache
from sync.protocol import Cursors
from sync.server.demo import generate

PAGE = 1000


def pages(rows: Iterable[dict[str, Any]], total: int) -> Iterable[bytes]:
    """Pull reply bodies as the server sends them (JSON), PAGE customers each."""
    batch: list[dict[str, Any]] = []
    for seq, data in enumerate(rows, start=1):
        batch.append(
            {
                "bucket": "customers:kanto",
                "seq": seq,
                "entity": "customer",
                "id": data["id"],
                "op": "upsert",
                "data": data,
            }
        )
        if len(batch) == PAGE or seq == total:
            cursors = Cursors(buckets={"customers:kanto": seq}).encode()
            yield orjson.dumps({"changes": batch, "cursors": cursors, "has_more": seq < total})
            batch = []


def fill(cache: LocalCache, n: int, sample_every: int) -> tuple[list[dict[str, Any]], float, float]:
    """Apply n customers; return (sampled payloads, apply seconds, seconds of the last page)."""
    sample: list[dict[str, Any]] = []

    def tap(rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        for i, row in enumerate(rows):
            if i % sample_every == 0:
                sample.append(row)
            yield row

    apply_s = 0.0
    last_s = 0.0
    for page in pages(tap(generate(customers=n).iter_customers()), n):  # type: ignore[arg-type]
        t0 = time.perf_counter()
        cache.apply_pull_page(cache.read_pull_page(page))
        last_s = time.perf_counter() - t0
        apply_s += last_s
    return sample, apply_s, last_s


def sample_existing(path: Path, count: int) -> list[dict[str, Any]]:
    """Every n-th customer payload of an existing plain cache file (read-only)."""
    db = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)  # (JSONB needs SQLite 3.45+)
    try:
        total = db.execute("SELECT max(pk) FROM srv_customer").fetchone()[0] or 0
        step = max(1, total // count)
        rows = db.execute(
            "SELECT json(d.data) FROM srv_customer AS c JOIN srv_customer_doc AS d "
            "ON d.pk = c.pk WHERE c.pk % ? = 0",
            (step,),
        )
        return [json.loads(r[0]) for r in rows.fetchall()]
    finally:
        db.close()


def queries(sample: list[dict[str, Any]], rng: random.Random) -> dict[str, list[str]]:
    def kana(row: dict[str, Any]) -> str:
        return katakana_to_hiragana(row["family_kana"] + row["given_kana"])

    phones = [r["phone"] for r in sample if r.get("phone")]
    out: dict[str, list[str]] = {
        "card": [r["loyalty_card"] for r in sample if r.get("loyalty_card")],
        "phone": ["0" + p[3:5] + "-" + p[5:9] + "-" + p[9:] for p in phones],
        "last4": [p[-4:] for p in phones],
        "email": [r["email"].upper() for r in sample if r.get("email")],
        "kanji prefix": [r["family_name"] + r["given_name"][:1] for r in sample],
        "kana": [kana(r)[: len(r["family_kana"]) + 1] for r in sample],
        "romaji": [hiragana_to_romaji(katakana_to_hiragana(r["family_kana"])) for r in sample],
        "substring": [],
    }
    for r in sample:
        full = kana(r)
        start = rng.randrange(1, max(2, len(full) - 3))
        out["substring"].append(full[start : start + 3])
    return out


def timed(fn: Callable[[str], Any], items: list[str]) -> tuple[float, float, float, int]:
    """(p50 wall ms, p95 wall ms, p95 CPU ms, queries with hits). CPU time shows the cost
    without the scheduler's waits on a busy machine."""
    wall: list[float] = []
    cpu: list[float] = []
    hits = 0
    for q in items:
        c0, t0 = time.thread_time(), time.perf_counter()
        found = fn(q)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        hits += bool(found)
    wall.sort()
    cpu.sort()
    at = min(len(wall) - 1, int(len(wall) * 0.95))
    return statistics.median(wall), wall[at], cpu[at], hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--encrypted", action="store_true", help="SQLCipher with a random key")
    parser.add_argument("--keep", type=Path, help="write the cache here and keep it")
    parser.add_argument("--lookups", type=int, default=300, help="queries per mode")
    parser.add_argument("--existing", type=Path, help="only time lookups on this plain cache")
    args = parser.parse_args()

    stack = contextlib.ExitStack()  # removes the temporary cache file at the end
    if args.existing:
        cache = LocalCache.open(args.existing, None)
        sample = sample_existing(args.existing, args.lookups)
        print(f"cache: plain SQLite, {cache.customer_count():,} customers (existing file)")
    else:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-search-")))
        path = args.keep or workdir / "cache.db"
        key = secrets.token_hex(32) if args.encrypted else None
        cache = LocalCache.open(path, key)
        n = args.customers
        sample, apply_s, last_s = fill(cache, n, max(1, n // args.lookups))
        kind = "SQLCipher" if key else "plain SQLite"
        print(f"cache: {kind}, {cache.customer_count():,} customers")
        print(f"apply_pull_page: {apply_s:.1f} s total, {n / apply_s:,.0f} customer rows/s")
        print(f"last page incl. index builds (B-tree + trigram): {last_s:.2f} s")
        print(f"file size: {path.stat().st_size / 1e6:.0f} MB")

    rng = random.Random(7)
    print(f"{'mode':<14}{'p50 ms':>9}{'p95 ms':>9}{'p95 CPU':>9}{'found':>11}")
    for mode, items in queries(sample, rng).items():
        p50, p95, p95_cpu, hits = timed(lambda q: cache.search_customers(q, 50), items)
        print(f"{mode:<14}{p50:>9.2f}{p95:>9.2f}{p95_cpu:>9.2f}{hits:>7}/{len(items)}")
    cache.close()
    stack.close()


if __name__ == "__main__":
    main()
