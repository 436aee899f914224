"""The dispatcher: approved messages whose time has come are sent by the server, each at most
once, whatever runs at the same moment or dies in the middle.

1. **Claim** (one short transaction): due `approved` rows, and `sending` rows whose lease ran
   out, are taken with `FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite's writers queue) and marked
   `sending` with this dispatcher's lease. Two dispatchers never hold one message.
2. **Consent at send time**: the ledger's latest entry for the purpose and channel must allow
   it (a grant for marketing; no withdrawal for service). Otherwise `blocked`, with the reason.
3. **Send** with the message's idempotency key; the provider's acceptance (`provider_receipt`)
   and the row becoming `sent` are written in one transaction right after (the receipt is
   kept even when the lease was lost meanwhile). A claimed batch is read in a few queries
   (sync.server.outgoing), and SMTP keeps one connection for the run.
4. **A lease that ran out** (a dispatcher died): a receipt for the key means it went: `sent`.
   No receipt: a provider that deduplicates by key (`confirms_by_key`) is simply asked again;
   one that cannot (SMTP) may or may not have delivered it, so the message becomes `unknown`
   and is not sent again without a person deciding.
5. Temporary failures are retried with backoff (30 s, 1 min, 2 min, ...) up to MAX_ATTEMPTS,
   then `failed`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.messages import DispatchReport
from sync.server import delivery
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.models import Message, ProviderReceipt, table_of
from sync.server.outgoing import Batch
from sync.server.providers import (
    DeliveryError,
    Outgoing,
    Provider,
    RecordingProvider,
    SmtpEmail,
    providers_for,
)
from sync.server.timeutil import as_utc, utcnow

__all__ = [
    "BATCH",
    "LEASE",
    "MAX_ATTEMPTS",
    "DeliveryError",
    "Dispatcher",
    "Outgoing",
    "Provider",
    "RecordingProvider",
    "SmtpEmail",
    "providers_for",
]

log = logging.getLogger(__name__)

BATCH = 100
LEASE = timedelta(seconds=120)
MAX_ATTEMPTS = 5
BACKOFF = timedelta(seconds=30)


@dataclass
class _Run:
    """One claimed batch's outcomes being written, and the report they count in."""

    recorder: ThreadPoolExecutor
    report: DispatchReport
    pending: list[tuple[Future[bool], str]] = field(default_factory=list)

    def wait(self) -> None:
        for done, counts in self.pending:
            try:
                recorded = done.result()
            except Exception as exc:  # its lease runs out: recovered by a later run
                log.warning("recording a message's outcome failed: %s", type(exc).__name__)
                continue
            if recorded:
                setattr(self.report, counts, getattr(self.report, counts) + 1)
        self.pending.clear()


@dataclass
class Dispatcher:
    engine: Engine
    providers: Mapping[str, Provider]  # by channel
    settings: Settings = field(default_factory=Settings)  # links: public address, cart format
    owner: str = field(default_factory=new_id)  # this dispatcher's name on its leases

    def run(self, now: datetime | None = None) -> DispatchReport:
        """Send what is due at `now` (the server's clock); returns what happened."""
        now = as_utc(now or utcnow())
        report = DispatchReport(sent=0, blocked=0, failed=0, retried=0, unknown=0)
        # Outcomes are written by one recorder thread while the next message is being sent
        # (the database's round trips and the provider's overlap instead of adding up).
        with ThreadPoolExecutor(1, thread_name_prefix="dispatch-record") as recorder:
            try:
                while True:
                    claimed = self._claim(now)
                    run = _Run(recorder, report)
                    if claimed:
                        with read_session(self.engine) as session:
                            batch = Batch.load(session, [mid for mid, _ in claimed])
                    for message_id, recovering in claimed:
                        try:
                            self._one(run, batch, message_id, recovering, now)
                        except Exception as exc:  # keep sending the others; the lease runs out
                            log.warning("dispatch of a message failed: %s", type(exc).__name__)
                    run.wait()
                    if len(claimed) < BATCH:
                        return report
            finally:
                for provider in self.providers.values():
                    provider.close()

    def _record(
        self,
        run: _Run,
        batch: Batch,
        row: Message,
        receipt: ProviderReceipt | None = None,
        *,
        counts: str,
        **values: object,
    ) -> None:
        run.pending.append(
            (run.recorder.submit(self._finish, batch, row, receipt, **values), counts)
        )

    def _claim(self, now: datetime) -> list[tuple[str, bool]]:
        with write_session(self.engine) as session:
            query = (
                select(Message.id, Message.status)
                .where(
                    ((col(Message.status) == "approved") & (col(Message.send_after) <= now))
                    | ((col(Message.status) == "sending") & (col(Message.lease_until) < now))
                )
                .where(col(Message.channel).in_(list(self.providers)))
                .order_by(col(Message.send_after))
                .limit(BATCH)
            )
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = session.execute(query).all()
            ids = [r[0] for r in rows]
            if ids:
                session.execute(
                    update(Message)
                    .where(col(Message.id).in_(ids))
                    .values(
                        status="sending",
                        lease_owner=self.owner,
                        lease_until=now + LEASE,
                        attempts=Message.attempts + 1,
                    )
                )
            return [(mid, status == "sending") for mid, status in rows]

    def _finish(
        self,
        batch: Batch,
        row: Message,
        receipt: ProviderReceipt | None = None,
        **values: object,
    ) -> bool:
        """Record the outcome while this dispatcher still holds the message (with what the
        provider accepted, kept even when the lease was lost), and show it on the follow-up
        (a retry stays `queued` there). One transaction."""
        with write_session(self.engine) as session:
            if receipt is not None:
                _keep_receipt(session, receipt)
            done = session.execute(
                update(Message)
                .where(
                    col(Message.id) == row.id,
                    col(Message.status) == "sending",
                    col(Message.lease_owner) == self.owner,
                )
                .values(lease_owner=None, lease_until=None, **values)
            )
            if not getattr(done, "rowcount", 0):
                return False
            status = str(values.get("status", ""))
            if status != "approved":
                at = values.get("sent_at")
                at = as_utc(at) if isinstance(at, datetime) else utcnow()
                delivery.show(session, row.followup_id, status, at, batch.region(row))
            return True

    def _one(
        self, run: _Run, batch: Batch, message_id: str, recovering: bool, now: datetime
    ) -> None:
        row = batch.messages.get(message_id)
        if row is None:
            return
        receipt = batch.receipts.get(row.key)
        provider = self.providers.get(row.channel)
        if recovering and receipt is not None:
            self._record(
                run,
                batch,
                row,
                status="sent",
                sent_at=receipt.accepted_at,
                provider_id=receipt.provider_id,
                counts="sent",
            )
            return
        if recovering and (provider is None or not provider.confirms_by_key):
            self._record(
                run,
                batch,
                row,
                status="unknown",
                last_error="interrupted_mid_send",
                counts="unknown",
            )
            return
        blocked = batch.blocked(row)
        outgoing = None if blocked else batch.outgoing(row, self.settings)
        if blocked or outgoing is None:
            reason = blocked or "no_address"
            self._record(run, batch, row, status="blocked", blocked_reason=reason, counts="blocked")
            return
        if provider is None:
            self._record(
                run, batch, row, status="failed", last_error="no_provider", counts="failed"
            )
            return
        try:
            provider_id = provider.send(outgoing)[:200]
        except DeliveryError as exc:
            self._failed(run, batch, row, exc, now)
            return
        accepted = utcnow()
        taken = ProviderReceipt(
            key=row.key, provider=provider.name, provider_id=provider_id, accepted_at=accepted
        )
        self._record(
            run,
            batch,
            row,
            taken,
            status="sent",
            sent_at=accepted,
            provider_id=provider_id,
            counts="sent",
        )

    def _failed(
        self, run: _Run, batch: Batch, row: Message, exc: DeliveryError, now: datetime
    ) -> None:
        attempts = row.attempts + 1  # this run's claim counted one more
        if exc.permanent or attempts >= MAX_ATTEMPTS:
            self._record(
                run, batch, row, status="failed", last_error=exc.reason[:200], counts="failed"
            )
            return
        retry_at = now + BACKOFF * (2**row.attempts)
        self._record(
            run,
            batch,
            row,
            status="approved",
            send_after=retry_at,
            last_error=exc.reason[:200],
            counts="retried",
        )


def _keep_receipt(session: Session, receipt: ProviderReceipt) -> None:
    """Written once per key, in one statement (a recovered send finds the first one)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table_of(ProviderReceipt)).values(**receipt.model_dump())
    session.execute(stmt.on_conflict_do_nothing(index_elements=["key"]))
