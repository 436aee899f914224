"""Sign-in cost on the server: the Argon2id verification alone, and `POST /v1/sessions` over
real HTTP for a right PIN, a wrong PIN and an unknown staff code (the last two must take the
same time: no oracle).

    .venv/bin/python -m bench.sign_in [--runs 30]

A SQLite central database with the tiny test chain hashed at the server's PIN cost; sign-in
limits are lifted so the wrong PINs are not locked out. Prints medians and p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.db import make_engine
from sync.server.pins import SERVER_PIN_COST, hash_pin, verify_pin
from sync.server.runner import ServerThread
from sync.server.schema import upgrade
from sync.server.seed import load_chain
from sync.server.throttle import Limit, SignInLimits
from tests.server.chain import PIN, SHIBUYA, TinyChain


def _figures(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    stored = hash_pin(PIN, SERVER_PIN_COST)
    alone = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        verify_pin("0000", stored)
        alone.append(time.perf_counter() - t0)
    print(f"Argon2id verification ({SERVER_PIN_COST}): {_figures(alone)}")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/central.db"
        engine = make_engine(url)
        upgrade(engine)
        load_chain(engine, TinyChain(), pin_cost=SERVER_PIN_COST)
        never = Limit(10**9, timedelta(seconds=1))
        settings = Settings(
            database_url=url,
            run_migrations=False,
            sign_in_limits=SignInLimits(staff=never, device=never, address=never),
        )
        server = ServerThread(create_app(settings, engine=engine))
        server.start()
        try:
            with httpx.Client(base_url=server.base_url, timeout=30) as http:
                reg = http.post(
                    "/v1/devices", json={"staff_code": "M001", "pin": PIN, "store_id": SHIBUYA}
                ).json()
                token = reg["device_token"]
                cases = {
                    "right PIN": ("A001", PIN, 200),
                    "wrong PIN": ("A001", "0000", 401),
                    "unknown code": ("Q999", "0000", 401),
                }
                times: dict[str, list[float]] = {name: [] for name in cases}
                for _ in range(args.runs):  # interleaved: noise hits every case alike
                    for name, (code, pin, status) in cases.items():
                        t0 = time.perf_counter()
                        reply = http.post(
                            "/v1/sessions",
                            json={"device_token": token, "staff_code": code, "pin": pin},
                        )
                        times[name].append(time.perf_counter() - t0)
                        assert reply.status_code == status, reply.text
                for name, samples in times.items():
                    print(f"POST /v1/sessions, {name}: {_figures(samples)}")
                ratio = statistics.median(times["unknown code"]) / statistics.median(
                    times["wrong PIN"]
                )
                print(f"unknown code / wrong PIN (medians): {ratio:.2f}")
        finally:
            server.stop()
            engine.dispose()


if __name__ == "__main__":
    main()
