"""The manager's Results page for a store with a year of follow-ups, on PostgreSQL (or SQLite):
from asking the server to the page painted.

    .venv/bin/python -m bench.ui_dashboard [--per-day 60] [--runs 20] [--sqlite]

Loads a small demo chain, then gives one store a year of follow-ups (`--per-day` a day, owned
by its staff), a message for most of them (sent, some opened and clicked, some blocked) and a
credited online order for one in ten; starts the real API over HTTP, signs in the store's
manager, and times, per period (this month, the last 12 months): the request (the server's
three aggregate reads, JSON over loopback), and the page showing it (tiles, both charts, the
table) painted offscreen. Prints median and p95. Target: <= 200 ms for a year.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from PySide6.QtWidgets import QApplication
from sqlalchemy import text
from sqlmodel import col, select

from clienteling.ui.dashboard.page import DashboardPage
from clienteling.ui.i18n import load_fonts
from sync.protocol import new_id
from sync.protocol.dashboard import DashboardReport
from sync.server.app import create_app
from sync.server.bulk_sql import insert_many
from sync.server.config import Settings
from sync.server.db import make_engine, write_session
from sync.server.demo.chain import STAFF
from sync.server.models import Customer, FollowUp, Message, Order, Staff, Store, table_of
from sync.server.pins import FAST_PIN_COST
from sync.server.runner import ServerThread
from sync.server.seed import seed_demo

STORE_CODE = "FUT"  # サイクルベース 二子玉川


def _year(url: str, per_day: int) -> tuple[str, str, str]:
    """A year of the loop for one store; returns (store id, manager code, PIN)."""
    engine = make_engine(url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    with write_session(engine) as session:
        store = session.execute(select(Store).where(col(Store.code) == STORE_CODE)).scalar_one()
        staff = [
            s.id
            for s in session.execute(select(Staff).where(col(Staff.store_id) == store.id)).scalars()
        ]
        customers = [
            c
            for (c,) in session.execute(
                select(Customer.id).where(col(Customer.region) == store.region).limit(5000)
            ).all()
        ]
        followups, messages, orders = [], [], []
        for day in range(365):
            when = now - timedelta(days=day)
            for _ in range(per_day):
                fid = new_id()
                cid = rng.choice(customers)
                done = day > 0 or rng.random() < 0.5
                followups.append(
                    {
                        "id": fid,
                        "customer_id": cid,
                        "store_id": store.id,
                        "staff_id": rng.choice(staff),
                        "due_date": when.date(),
                        "channel": "email",
                        "kind": "after_visit",
                        "status": "done" if done else "planned",
                        "skus_json": "[]",
                        "note": "",
                        "outcome": "",
                        "created_at": when,
                        "purpose": "marketing",
                        "interest_ids_json": "[]",
                        "order_ids_json": "[]",
                        "categories_json": "[]",
                    }
                )
                if rng.random() > 0.8:
                    continue
                blocked = rng.random() < 0.05
                messages.append(
                    {
                        "id": new_id(),
                        "followup_id": fid,
                        "customer_id": cid,
                        "store_id": store.id,
                        "channel": "email",
                        "purpose": "marketing",
                        "language": "ja",
                        "subject": "s",
                        "body": "b",
                        "status": "blocked" if blocked else "sent",
                        "key": new_id(),
                        "created_by": staff[0],
                        "created_at": when,
                        "send_after": when,
                        "attempts": 1,
                        "sent_at": None if blocked else when,
                        "opened_at": when if rng.random() < 0.4 else None,
                        "clicked_at": when if rng.random() < 0.15 else None,
                    }
                )
                if not blocked and rng.random() < 0.1:
                    orders.append(
                        {
                            "id": new_id(),
                            "customer_id": cid,
                            "channel": "online",
                            "store_id": store.id,
                            "ordered_at": when + timedelta(hours=5),
                            "total_jpy": Decimal(rng.randrange(2000, 90000, 100)),
                            "status": "completed",
                            "attributed_staff_id": staff[0],
                            "attributed_followup_id": fid,
                            "attribution_rule": "token",
                        }
                    )
        for table, rows in ((FollowUp, followups), (Message, messages), (Order, orders)):
            for n in range(0, len(rows), 5000):
                insert_many(session, table_of(table), rows[n : n + 5000])
    print(
        f"  a year at {STORE_CODE}: {len(followups):,} follow-ups, {len(messages):,} messages, "
        f"{len(orders):,} credited orders"
    )
    with engine.connect() as conn:  # as autovacuum would have, for a year of rows
        conn.execute(text("ANALYZE"))
    engine.dispose()
    member = next(
        m for m in STAFF if m.data["role"] == "manager" and m.data["store_id"] == store.id
    )
    return store.id, str(member.data["code"]), member.pin


def run(url: str, per_day: int, runs: int) -> None:
    engine = make_engine(url)
    app = create_app(
        Settings(database_url=url, planner_interval_s=3600, dispatch_interval_s=3600), engine=engine
    )
    seed_demo(engine, scale=5000, seed=1, pin_cost=FAST_PIN_COST)
    store_id, code, pin = _year(url, per_day)
    server = ServerThread(app)
    server.start()
    qt = QApplication.instance() or QApplication([])
    load_fonts(qt)  # type: ignore[arg-type]
    page = DashboardPage()
    page.resize(1280, 700)
    page.show()
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            device = http.post(
                "/v1/devices", json={"staff_code": code, "pin": pin, "store_id": store_id}
            ).json()
            token = http.post(
                "/v1/sessions",
                json={"device_token": device["device_token"], "staff_code": code, "pin": pin},
            ).json()["session_token"]
            auth = {"Authorization": f"Bearer {token}"}
            today = datetime.now(UTC).date()
            for name, days in (("this month", 30), ("12 months", 365)):
                params = {
                    "since": (today - timedelta(days=days - 1)).isoformat(),
                    "until": today.isoformat(),
                }
                fetched, painted = [], []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    reply = http.get("/v1/dashboard", params=params, headers=auth)
                    found = DashboardReport.model_validate_json(reply.content)
                    t1 = time.perf_counter()
                    page.show_report(found)
                    page.grab()  # lays out and paints every widget of the page
                    qt.processEvents()
                    t2 = time.perf_counter()
                    fetched.append((t1 - t0) * 1000)
                    painted.append((t2 - t0) * 1000)
                p95 = sorted(painted)[int(len(painted) * 0.95) - 1]
                print(
                    f"  {name}: request {statistics.median(fetched):.0f} ms (median), "
                    f"painted {statistics.median(painted):.0f} ms median, {p95:.0f} ms p95 "
                    f"({found.totals.due:,} follow-ups, {found.totals.sent:,} sent, "
                    f"¥{found.totals.revenue_jpy:,})"
                )
    finally:
        server.stop()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-day", type=int, default=60)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    if args.sqlite:
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{folder}/server.db", args.per_day, args.runs)
        return
    from tests.support.postgres import PostgresCluster

    cluster = PostgresCluster()
    try:
        run(cluster.url(cluster.create_database()), args.per_day, args.runs)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
