"""Customers are streamed: memory stays flat however many are generated."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.protocol import CustomerData
from sync.server.demo import generate

REPO = Path(__file__).resolve().parents[2]


def _traced_peak(customers: Iterator[CustomerData]) -> int:
    tracemalloc.start()
    try:
        for _ in customers:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_iter_customers_is_a_lazy_generator() -> None:
    stream = generate(customers=10_000_000).iter_customers()
    first = next(stream)
    assert first["family_name"] == "山本"
    stream.close()  # nothing beyond the first rows was built


def test_tracemalloc_peak_does_not_grow_with_the_customer_count() -> None:
    # tracemalloc slows allocation-heavy code about tenfold, so it traces 1k and 10k
    # customers; the 200k run below checks the process's peak memory instead.
    small = _traced_peak(generate(customers=1_000).iter_customers())
    large = _traced_peak(generate(customers=10_000).iter_customers())
    assert large < 5_000_000, f"peak {large / 1e6:.1f} MB for 10,000 customers"
    assert large < small * 1.5 + 500_000


_RSS_SCRIPT = """
import resource
from sync.server.demo import generate

def peak_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

for _ in generate(customers=2_000).iter_customers():
    pass
before = peak_kib()
count = 0
for _ in generate(customers=200_000).iter_customers():
    count += 1
print(count, before, peak_kib())
"""


@pytest.mark.slow
def test_streaming_200k_customers_keeps_peak_memory_flat() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    count, before_kib, after_kib = map(int, done.stdout.split())
    assert count == 200_000
    # A list of 200k customers would take hundreds of MB; streaming adds next to nothing.
    grown_mib = (after_kib - before_kib) / 1024
    assert grown_mib < 20, f"peak memory grew by {grown_mib:.0f} MiB"
