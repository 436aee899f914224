"""Outbox rows: the pending local changes the sync engine pushes and the UI overlays."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from clienteling.domain.models import PendingChange
from sync.protocol import MutationResult

SUMMARY_MAX = 80

# Per terminal, the most entries of a mutation that may wait unsent (DESIGN.md: pending
# offline reservation requests are capped). Each one may hold stock when it finally reaches
# the server, so a terminal offline for long must not pile them up.
PENDING_CAPS: dict[str, int] = {"reservation.request": 20}
# Audit events travel in the outbox like any change but are no change of the staff member's:
# the pending counts and the pending-changes list leave them out.
AUDIT = "audit.record"

OUTBOX_COLUMNS = (
    "seq, mutation_id, name, version, args_json, meta_json, customer_id, summary, status, "
    "attempts, last_error, created_at, result_json"
)


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """One outbox entry (satisfies the sync engine's OutboxEntry protocol)."""

    seq: int
    mutation_id: str
    name: str
    version: int
    args: dict[str, Any]
    meta: dict[str, Any]
    customer_id: str | None
    summary: str
    status: str
    attempts: int
    last_error: str | None
    created_at: str
    result: dict[str, Any] | None = None  # the server's answer's data, once it came

    @property
    def client_time(self) -> str:
        return self.created_at

    @property
    def staff_id(self) -> str | None:
        """The author the services recorded in meta (sent with the mutation)."""
        value = self.meta.get("staff_id")
        return value if isinstance(value, str) and value else None

    @property
    def staff_proof(self) -> str | None:
        """The author's sign-in proof the services recorded in meta (sent with the mutation)."""
        value = self.meta.get("staff_proof")
        return value if isinstance(value, str) and value else None

    @classmethod
    def from_db(cls, row: tuple[Any, ...]) -> OutboxRow:
        return cls(
            seq=row[0],
            mutation_id=row[1],
            name=row[2],
            version=row[3],
            args=json.loads(row[4]),
            meta=json.loads(row[5] or "{}"),
            customer_id=row[6],
            summary=row[7],
            status=row[8],
            attempts=row[9],
            last_error=row[10],
            created_at=row[11],
            result=_result_data(row[12]),
        )

    def to_pending_change(self) -> PendingChange:
        return PendingChange(
            mutation_id=self.mutation_id,
            name=self.name,
            summary=self.summary,
            customer_id=self.customer_id,
            created_at=self.created_at,
            status=self.status,
            attempts=self.attempts,
            last_error=self.last_error,
        )


def _result_data(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        data = json.loads(text).get("data")
    except (ValueError, AttributeError):
        return None
    return data if isinstance(data, dict) else None


# Answers to these are told to the staff member as notices (they may come much later).
NOTIFIED = ("reservation.request",)


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def short_summary(text: str) -> str:
    """The first non-empty line, cut to SUMMARY_MAX characters (with an ellipsis if cut)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > SUMMARY_MAX:
        return first[: SUMMARY_MAX - 1] + "…"
    return first


def apply_results(cur: Any, results: list[MutationResult], *, delete_applied: bool) -> None:
    """Record server results on outbox rows.

    A push reply marks rows applied (they stay until the pull that carries the server copy
    acks them, so the overlay never flickers); a pull ack deletes applied rows. A rejection is
    kept with its reason until a person dismisses it.
    """
    for result in results:
        _notify(cur, result)
        if result.status == "rejected":
            reason = result.reason or "rejected"
            cur.execute(
                "UPDATE outbox SET status = 'rejected', last_error = ?, result_json = ? "
                "WHERE mutation_id = ?",
                (reason, result.model_dump_json(), result.id),
            )
        elif delete_applied:
            cur.execute("DELETE FROM outbox WHERE mutation_id = ?", (result.id,))
        else:
            cur.execute(
                "UPDATE outbox SET status = 'applied', last_error = NULL, result_json = ? "
                "WHERE mutation_id = ? AND status = 'pending'",
                (result.model_dump_json(), result.id),
            )


def _notify(cur: Any, result: MutationResult) -> None:
    """The first answer to a request the staff member waits for becomes a notice."""
    marks = ", ".join("?" * len(NOTIFIED))
    row = cur.execute(
        f"SELECT args_json, customer_id FROM outbox WHERE mutation_id = ? AND status = 'pending' "
        f"AND name IN ({marks})",
        (result.id, *NOTIFIED),
    ).fetchone()
    if row is None:
        return
    status = result.data.get("status") if result.status == "applied" else "rejected"
    subject = json.loads(row[0]).get("id", result.id)
    cur.execute(
        "INSERT INTO notice (kind, subject_id, customer_id, status, reason, created_at, seen) "
        "VALUES ('reservation', ?, ?, ?, ?, ?, 0)",
        (subject, row[1], str(status or "confirmed"), result.reason, utc_now_iso()),
    )


def apply_acks(cur: Any, acked_ids: list[str], results: list[MutationResult]) -> None:
    """A pull page's acks: delete applied entries, mark rejected ones (lost push replies too)."""
    by_id = {r.id: r for r in results}
    for mutation_id in acked_ids:
        result = by_id.pop(mutation_id, None)
        if result is not None and result.status == "rejected":
            apply_results(cur, [result], delete_applied=True)
        else:
            if result is not None:
                _notify(cur, result)
            cur.execute(
                "DELETE FROM outbox WHERE mutation_id = ? AND status != 'rejected'",
                (mutation_id,),
            )
    # Results without an ack id still tell us the outcome.
    apply_results(cur, list(by_id.values()), delete_applied=True)


def forget_customers(cur: Any, page_jsonb: bytes) -> None:
    """Drop the outbox entries about the customers a page deletes (erased, or no longer this
    terminal's): the server would refuse them, and their text is about a person who is gone."""
    cur.execute(
        "DELETE FROM outbox WHERE customer_id IN (SELECT value ->> '$.id' FROM "
        "jsonb_each(?1, '$.changes') WHERE value ->> '$.entity' = 'customer' "
        "AND value ->> '$.op' = 'delete')",
        (page_jsonb,),
    )
