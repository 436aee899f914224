"""The dispatcher sending to a local SMTP server, exactly once, on PostgreSQL (or SQLite).

    .venv/bin/python -m bench.dispatch --messages 2000 [--dispatchers 2] [--sqlite]

Loads a small demo chain, gives N customers with an email address a marketing grant for email
and an approved message each (with its follow-up, a cart link token and the helmet in the
cart), then runs D dispatchers at once (threads, each its own lease owner) against a real
local SMTP server (aiosmtpd, in a process of its own). Prints messages/s over the whole run
and the per-message
latency (median, p95), then checks exactly-once: every message `sent`, the SMTP server got
each Message-ID once. Target: >= 100 messages/s.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller
from sqlalchemy import Engine, func
from sqlmodel import col, select

from sync.protocol import new_id
from sync.server.bulk_sql import insert_many
from sync.server.cart_links import link_key, new_token
from sync.server.config import Settings
from sync.server.db import make_engine, read_session, write_session
from sync.server.dispatch import Dispatcher, Outgoing, SmtpEmail
from sync.server.models import Consent, Customer, FollowUp, Message, Staff, table_of
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import seed_demo

MESSAGE_ID = re.compile(rb"^Message-ID: *(<[^>]+>)", re.MULTILINE | re.IGNORECASE)


class Counting:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # Only the Message-ID is kept (parsing whole messages would make the sink the
        # bottleneck of the figure).
        found = MESSAGE_ID.search(envelope.content)
        with self.lock:
            self.ids.append(found.group(1).decode() if found else "?")
        return "250 OK"


class Timed(SmtpEmail):
    """SMTP, with each send's wall time kept."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.took: list[float] = []

    def send(self, message: Outgoing) -> str:
        t0 = time.perf_counter()
        try:
            return super().send(message)
        finally:
            self.took.append(time.perf_counter() - t0)


def _sink(port: int, out: Path) -> None:
    """The SMTP server: keeps every Message-ID it received; writes them out when stopped."""
    inbox = Counting()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    controller.start()
    stop.wait()
    controller.stop()
    out.write_text("\n".join(inbox.ids))


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the SMTP sink did not start")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _messages(engine: Engine, n: int, now: datetime) -> None:
    with write_session(engine) as session:
        customers = list(
            session.execute(
                select(Customer.id, Customer.home_store_id)
                .where(col(Customer.email).is_not(None))
                .order_by(Customer.id)
                .limit(n)
            ).all()
        )
        staff = {s.store_id: s.id for s in session.execute(select(Staff)).scalars() if s.store_id}
        key = link_key(session)
        consents, followups, messages = [], [], []
        for cid, store in customers:
            store = store or next(iter(staff))
            consents.append(
                {
                    "id": new_id(),
                    "customer_id": cid,
                    "purpose": "marketing",
                    "channel": "email",
                    "state": "granted",
                    "source": "bench",
                    "staff_id": None,
                    "wording_version": "bench",
                    "recorded_at": now - timedelta(days=1),
                }
            )
            fid = new_id()
            followups.append(
                {
                    "id": fid,
                    "customer_id": cid,
                    "store_id": store,
                    "staff_id": staff.get(store, ""),
                    "due_date": now.date(),
                    "channel": "email",
                    "kind": "after_visit",
                    "status": "planned",
                    "skus_json": "[]",
                    "note": "",
                    "outcome": "",
                    "created_at": now,
                    "purpose": "marketing",
                    "interest_ids_json": "[]",
                    "order_ids_json": "[]",
                    "categories_json": "[]",
                }
            )
            messages.append(
                {
                    "id": new_id(),
                    "followup_id": fid,
                    "customer_id": cid,
                    "store_id": store,
                    "channel": "email",
                    "purpose": "marketing",
                    "language": "ja",
                    "subject": "二子玉川店より：先日はご来店ありがとうございました",
                    "body": "様\n\n先日はご来店いただきありがとうございました。\n\nスタッフ",
                    "status": "approved",
                    "key": new_id(),
                    "created_by": staff.get(store, ""),
                    "created_at": now,
                    "send_after": now,
                    "attempts": 0,
                    "link_token": new_token(key),
                }
            )
        insert_many(session, table_of(Consent), consents)
        insert_many(session, table_of(FollowUp), followups)
        insert_many(session, table_of(Message), messages)
    print(f"  {len(messages):,} approved messages")


def run(url: str, n: int, dispatchers: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, scale=max(5000, n), seed=1, pin_cost=FAST_PIN_COST)
    now = datetime.now(UTC)
    _messages(engine, n, now)
    # The mail server in a process of its own, as a real one is (in this process it would
    # wait for the dispatchers' threads to let go of the interpreter at every reply).
    port = _free_port()
    received = Path(tempfile.mkdtemp()) / "received.txt"
    sink = subprocess.Popen([sys.executable, __file__, "--sink", str(port), str(received)])
    _wait_for(port)
    settings = Settings(public_base_url="https://shop.example.jp")
    providers = [Timed("127.0.0.1", port, "shop@example.jp") for _ in range(dispatchers)]
    threads = [
        threading.Thread(target=Dispatcher(engine, {"email": p}, settings).run, kwargs={"now": now})
        for p in providers
    ]
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    sink.send_signal(signal.SIGTERM)
    sink.wait(timeout=30)
    ids = received.read_text().split()
    with read_session(engine) as session:
        counts = dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )
    sends = sorted(x for p in providers for x in p.took)
    p95 = sends[int(len(sends) * 0.95)] if sends else 0.0
    print(
        f"  {dispatchers} dispatchers: {n / took:,.0f} messages/s ({n:,} in {took:.1f} s); "
        f"SMTP send median {statistics.median(sends) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; "
        f"sends per dispatcher {[len(p.took) for p in providers]}; "
        f"this process's CPU {cpu / n * 1000:.1f} ms a message ({os.cpu_count()} cores)"
    )
    once = len(ids) == len(set(ids)) == n and counts == {"sent": n}
    print(f"  exactly once: {'yes' if once else 'NO'} (received {len(ids):,}, {counts})")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--dispatchers", type=int, default=2)
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--sink", nargs=2, metavar=("PORT", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sink:
        _sink(int(args.sink[0]), Path(args.sink[1]))
        return
    if args.sqlite:
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{folder}/server.db", args.messages, args.dispatchers)
        return
    from tests.support.postgres import PostgresCluster

    cluster = PostgresCluster()
    try:
        run(cluster.url(cluster.create_database()), args.messages, args.dispatchers)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
