"""Ingestion throughput with identity resolution, through the real API over HTTP.

    .venv/bin/python -m bench.ingest [--postgres] [--customers 100000 1000000] [--events 20000]

For each customer count: a fresh database (a throwaway PostgreSQL cluster, or a SQLite file)
with the demo chain at that size, the central API as its own process (`python -m
sync.server`), an admin-made integration credential, then:

1. bulk: `--events` mixed-channel events (orders, status changes, web views, app events, SNS,
   support inquiries, email engagement; 5% repeated deliveries) in NDJSON bodies of 5,000
   lines, one body at a time; prints events/s;
2. single: 2,000 events one per request from 8 client threads; prints events/s and the
   p50/p95 latency.

Every event names its customer by an email, a phone or a loyalty card of the demo chain, so
each one is an identity lookup. The client shares the machine's cores with the server:
compare figures from one run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from bench.reservations import _server_process
from sync.server.db import make_engine
from sync.server.demo import generate
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import load_chain

BODY_LINES = 5_000
SINGLE_EVENTS = 2_000
SINGLE_THREADS = 8


def _admin_token(base: str, chain: Any) -> str:
    admin = next(s for s in chain.staff if s.data["role"] == "admin")
    store = admin.data["store_id"]
    with httpx.Client(base_url=base, timeout=60) as http:
        reg = http.post(
            "/v1/devices",
            json={"staff_code": admin.data["code"], "pin": admin.pin, "store_id": store},
        ).json()
        sess = http.post(
            "/v1/sessions",
            json={
                "device_token": reg["device_token"],
                "staff_code": admin.data["code"],
                "pin": admin.pin,
            },
        ).json()
        return str(sess["session_token"])


def _credential(base: str, admin_token: str, store_code: str) -> str:
    body = {
        "source": "bench-shop",
        "name": "bench",
        "kinds": [
            "order",
            "order.status",
            "web.view",
            "app.event",
            "sns.interaction",
            "support.inquiry",
            "email.engagement",
        ],
        "creates_customers": True,
        "home_store": store_code,
    }
    made = httpx.post(
        f"{base}/v1/integrations",
        json=body,
        headers={"Authorization": f"Bearer {admin_token}"},
        timeout=60,
    )
    made.raise_for_status()
    return str(made.json()["token"])


class EventMaker:
    """Mixed-channel events about the chain's customers, with repeated deliveries."""

    def __init__(self, chain: Any, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        refs: list[dict[str, str]] = []
        for c in islice(chain.iter_customers(), 200_000):
            if c["loyalty_card"] and len(refs) % 3 == 0:
                refs.append({"loyalty_card": c["loyalty_card"]})
            elif c["email"] and len(refs) % 3 == 1:
                refs.append({"email": c["email"].upper()})
            else:
                refs.append({"phone": c["phone"]})
        self.refs = refs
        self.skus = [p["sku"] for p in chain.products]
        self.sent: list[dict[str, Any]] = []
        self.orders: list[str] = []
        self.n = 0

    def _base(self, kind: str) -> dict[str, Any]:
        self.n += 1
        day = 1 + self.n % 28
        return {
            "source": "bench-shop",
            "event_id": f"e-{self.n}",
            "kind": kind,
            "occurred_at": f"2026-10-{day:02d}T{self.n % 24:02d}:00:00+09:00",
            "customer": self.rng.choice(self.refs),
        }

    def next(self) -> dict[str, Any]:
        roll = self.rng.random()
        if self.sent and roll < 0.05:
            return self.rng.choice(self.sent)  # a repeated delivery
        if roll < 0.35:
            event = self._base("order")
            order_id = f"W-{self.n}"
            self.orders.append(order_id)
            event["order"] = {
                "order_id": order_id,
                "channel": self.rng.choice(("online", "app")),
                "status": "paid",
                "lines": [
                    {"sku": self.rng.choice(self.skus), "quantity": 1, "unit_price_jpy": "3000"}
                    for _ in range(self.rng.randint(1, 3))
                ],
            }
        elif roll < 0.5 and self.orders:
            event = self._base("order.status")
            event.pop("customer")
            event["status"] = {
                "order_id": self.rng.choice(self.orders),
                "status": self.rng.choice(("shipped", "completed", "cancelled")),
            }
        else:
            kind = self.rng.choice(
                ("web.view", "app.event", "sns.interaction", "support.inquiry", "email.engagement")
            )
            event = self._base(kind)
            event["activity"] = {"sku": self.rng.choice(self.skus), "summary": "bench"}
        if len(self.sent) < 10_000:
            self.sent.append(event)
        return event


def _figures(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def run(url: str, customers: int, events: int) -> None:
    chain = generate(customers)
    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    load_chain(engine, chain, pin_cost=FAST_PIN_COST)
    print(f"  {customers:,} customers loaded in {time.perf_counter() - started:.0f} s")
    engine.dispose()
    maker = EventMaker(chain)
    with _server_process(url) as base:
        token = _credential(base, _admin_token(base, chain), chain.stores[0]["code"])
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"}
        sent = 0
        totals = {"applied": 0, "duplicates": 0, "rejected_count": 0}
        elapsed = 0.0
        with httpx.Client(base_url=base, timeout=600) as http:
            while sent < events:
                lines = [maker.next() for _ in range(min(BODY_LINES, events - sent))]
                body = "\n".join(json.dumps(e, ensure_ascii=False) for e in lines).encode()
                t0 = time.perf_counter()
                reply = http.post("/v1/ingest/bulk", content=body, headers=headers)
                elapsed += time.perf_counter() - t0
                reply.raise_for_status()
                for key in totals:
                    totals[key] += reply.json()[key]
                sent += len(lines)
        print(
            f"  bulk NDJSON: {sent:,} events in {elapsed:.1f} s = {sent / elapsed:,.0f} events/s "
            f"(applied {totals['applied']:,}, duplicates {totals['duplicates']:,}, "
            f"rejected {totals['rejected_count']:,})"
        )
        singles = [maker.next() for _ in range(SINGLE_EVENTS)]
        latencies: list[float] = []

        def work(chunk: list[dict[str, Any]]) -> list[float]:
            took = []
            with httpx.Client(base_url=base, timeout=60) as http:
                for event in chunk:
                    t0 = time.perf_counter()
                    reply = http.post(
                        "/v1/ingest/events",
                        json=event,
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    took.append(time.perf_counter() - t0)
                    if reply.status_code >= 500:
                        raise RuntimeError(reply.text)
            return took

        chunks = [singles[i::SINGLE_THREADS] for i in range(SINGLE_THREADS)]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(SINGLE_THREADS) as pool:
            for took in pool.map(work, chunks):
                latencies.extend(took)
        wall = time.perf_counter() - t0
        print(
            f"  single events ({SINGLE_THREADS} clients): {len(singles) / wall:,.0f} events/s, "
            f"{_figures(latencies)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--customers", type=int, nargs="+", default=[100_000])
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    for customers in args.customers:
        print(f"{customers:,} customers:")
        if args.postgres:
            from tests.support.postgres import PostgresCluster

            cluster = PostgresCluster()
            try:
                print("  database: PostgreSQL (throwaway cluster)")
                run(cluster.url(cluster.create_database()), customers, args.events)
            finally:
                cluster.stop()
        else:
            with tempfile.TemporaryDirectory() as folder:
                print("  database: SQLite file")
                run(f"sqlite:///{folder}/central.db", customers, args.events)


if __name__ == "__main__":
    main()
