"""The cost of a PIN check, and why lockout is needed: Argon2id verification on the server
(`sync.server.pins.SERVER_PIN_COST`) and on the terminal (the idle lock's verifier,
`clienteling.services.lock`), next to the time an attacker holding a copy of the hashes
needs to try every 4- and 6-digit PIN offline, and the time the sign-in limits allow online.

    .venv/bin/python -m bench.pin_cost [--runs 40]

Offline figures are per CPU core of this machine (an attacker with more cores or a GPU
divides them; Argon2id's memory cost is what keeps a GPU from dividing them by thousands).
Online figures follow the server's sign-in limits (sync.server.throttle.SignInLimits): one
staff member's code can be tried only a few times before it locks for minutes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argon2 import PasswordHasher

from clienteling.services import lock
from sync.server.pins import SERVER_PIN_COST, hash_pin, verify_pin
from sync.server.throttle import SignInLimits


def _timed(check: object, runs: int) -> tuple[float, float]:
    """Median and p95 of `check()` in seconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        check()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def _span(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86_400:
        return f"{seconds / 3600:.1f} h"
    if seconds < 2 * 365 * 86_400:
        return f"{seconds / 86_400:.1f} days"
    return f"{seconds / (365 * 86_400):.1f} years"


def run(runs: int) -> None:
    stored = hash_pin("482913", SERVER_PIN_COST)
    terminal: PasswordHasher = lock._HASHER
    kept = terminal.hash("482913")

    def server_wrong() -> bool:
        return verify_pin("000000", stored)

    def terminal_wrong() -> bool:
        try:
            return bool(terminal.verify(kept, "000000"))
        except Exception:
            return False

    cost = SERVER_PIN_COST
    print(f"machine: {os.cpu_count()} cores; {runs} verifications each (a wrong PIN)")
    rows = (
        (
            f"server  Argon2id m={cost.memory_kib} KiB t={cost.time_cost} p={cost.parallelism}",
            _timed(server_wrong, runs),
        ),
        (
            f"terminal Argon2id m={terminal.memory_cost} KiB t={terminal.time_cost} "
            f"p={terminal.parallelism}",
            _timed(terminal_wrong, runs),
        ),
    )
    for name, (median, p95) in rows:
        print(f"{name}: p50 {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
        for digits in (4, 6):
            every = 10**digits * median
            print(
                f"    offline, every {digits}-digit PIN on one core: {_span(every)} "
                f"(half of that on average)"
            )
    staff = SignInLimits().staff
    per_try = staff.lockout.total_seconds() / staff.failures
    print(
        f"online: {staff.failures} wrong PINs lock a staff code for "
        f"{staff.lockout.total_seconds() / 60:.0f} min"
    )
    for digits in (4, 6):
        print(f"    every {digits}-digit PIN of one staff member: {_span(10**digits * per_try)}")
    print(
        f"idle lock on the terminal: {lock.MAX_WRONG_PINS} wrong PINs and only a full "
        f"(server-checked) sign-in opens it"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    run(parser.parse_args().runs)


if __name__ == "__main__":
    main()
