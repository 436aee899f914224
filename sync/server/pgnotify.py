"""PostgreSQL LISTEN/NOTIFY relay: any API worker's commit pokes every worker's SSE streams.

Writers call `notify_buckets` inside their transaction (PostgreSQL delivers at commit, and not
at all on rollback); each worker runs one `NotifyRelay` thread that feeds its `PokeHub`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from sync.server.events import PokeHub

log = logging.getLogger(__name__)

CHANNEL = "clienteling_poke"


def notify_buckets(session: Session, buckets: Iterable[str]) -> None:
    """Queue one notification per bucket in the caller's transaction (PostgreSQL only)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for bucket in sorted(set(buckets)):
        session.execute(text("SELECT pg_notify(:c, :b)"), {"c": CHANNEL, "b": bucket})


class NotifyRelay:
    """A daemon thread holding one LISTEN connection; reconnects after a dropped connection."""

    def __init__(self, engine: Engine, hub: PokeHub) -> None:
        url = engine.url.set(drivername="postgresql")
        self._dsn = url.render_as_string(hide_password=False)
        self._hub = hub
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-notify-relay", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.2):
                            self._hub.publish([note.payload])
            except psycopg.Error as exc:
                self.listening.clear()
                log.warning("poke relay lost its connection (%s); retrying", type(exc).__name__)
                self._stop.wait(1.0)
