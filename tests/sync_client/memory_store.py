"""A small in-memory `LocalStore` for sync-engine tests where the local database is not the subject.

It keeps the same contract as the real cache: pull pages apply atomically (a failure leaves
nothing half applied), acks delete applied entries, rejections stay until dismissed.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sync.protocol import MutationResult, OutboxStats, PullPage, new_id, parse_pull_response


@dataclass
class MemoryEntry:
    seq: int
    mutation_id: str
    name: str
    version: int
    args: dict[str, Any]
    client_time: str
    attempts: int = 0
    status: str = "pending"  # pending | applied | rejected
    last_error: str | None = None
    reason: str | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    staff_id: str | None = None
    staff_proof: str | None = None


class MemoryStore:
    """Server rows keyed by (entity, id), an outbox list and the cursor string."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.outbox: list[MemoryEntry] = []
        self.cursor: str | None = None
        self.pages_applied = 0
        self.resets = 0
        self.fail_next_apply: Exception | None = None  # makes the next apply_pull_page raise
        self._seq = 0
        self._lock = threading.Lock()

    # --- app side ------------------------------------------------------------------------

    def enqueue(
        self,
        name: str,
        args: dict[str, Any],
        version: int = 1,
        staff_id: str | None = None,
        staff_proof: str | None = None,
    ) -> str:
        with self._lock:
            self._seq += 1
            mutation_id = new_id()
            self.outbox.append(
                MemoryEntry(
                    seq=self._seq,
                    mutation_id=mutation_id,
                    name=name,
                    version=version,
                    args=copy.deepcopy(args),
                    client_time=datetime.now(UTC).isoformat(),
                    staff_id=staff_id,
                    staff_proof=staff_proof,
                )
            )
            return mutation_id

    def entry(self, mutation_id: str) -> MemoryEntry | None:
        return next((e for e in self.outbox if e.mutation_id == mutation_id), None)

    def rows_of(self, entity: str) -> dict[str, dict[str, Any]]:
        return {key[1]: row for key, row in self.rows.items() if key[0] == entity}

    # --- LocalStore ----------------------------------------------------------------------

    def pending_mutations(self, limit: int) -> list[MemoryEntry]:
        with self._lock:
            return [e for e in self.outbox if e.status == "pending"][:limit]

    def record_push_results(self, results: list[MutationResult]) -> None:
        with self._lock:
            for result in results:
                entry = self.entry(result.id)
                if entry is None:
                    continue
                entry.status = result.status
                if result.status == "rejected":
                    message = result.data.get("message")
                    entry.reason = result.reason
                    entry.last_error = str(message) if message else result.reason

    def record_push_failure(self, mutation_ids: list[str], error: str) -> None:
        with self._lock:
            for mutation_id in mutation_ids:
                entry = self.entry(mutation_id)
                if entry is not None and entry.status == "pending":
                    entry.attempts += 1
                    entry.last_error = error

    def cursors(self) -> str | None:
        return self.cursor

    def read_pull_page(self, body: bytes) -> PullPage:
        typed = parse_pull_response(body)
        return PullPage(
            cursors=typed.cursors,
            has_more=typed.has_more,
            must_resync=typed.must_resync,
            change_count=len(typed.changes),
            acked_mutation_ids=typed.acked_mutation_ids,
            mutation_results=typed.mutation_results,
            changes=typed.changes,
            remaining=typed.remaining,
        )

    def apply_pull_page(self, page: PullPage) -> None:
        with self._lock:
            if self.fail_next_apply is not None:
                exc, self.fail_next_apply = self.fail_next_apply, None
                raise exc
            # Work on copies and swap at the end: all or nothing, like one SQL transaction.
            rows = dict(self.rows)
            for change in page.changes:  # the typed changes read_pull_page kept
                key = (change.entity, change.id)
                if change.op == "delete":
                    rows.pop(key, None)
                else:
                    if change.data is None:
                        raise ValueError("upsert without data")
                    rows[key] = dict(change.data)
            results = {r.id: r for r in page.mutation_results}
            outbox = []
            for entry in self.outbox:
                if entry.mutation_id in page.acked_mutation_ids:
                    result = results.get(entry.mutation_id)
                    if result is not None and result.status == "rejected":
                        entry = copy.copy(entry)
                        entry.status = "rejected"
                        entry.reason = result.reason
                        outbox.append(entry)
                    continue  # applied: the server row has replaced the optimistic one
                # Not acked yet (even if the push said applied): the optimistic row stays.
                outbox.append(entry)
            self.rows = rows
            self.outbox = outbox
            self.cursor = page.cursors
            self.pages_applied += 1

    def reset_server_state(self) -> None:
        with self._lock:
            self.rows = {}
            self.cursor = None
            self.resets += 1

    def outbox_stats(self) -> OutboxStats:
        pending = [e for e in self.outbox if e.status == "pending"]
        return OutboxStats(
            pending=len(pending),
            rejected=sum(1 for e in self.outbox if e.status == "rejected"),
            oldest_pending_at=min((e.created_at for e in pending), default=None),
        )

    # An in-memory store has no cache file format: the engine never offers it a snapshot.
    def snapshot_format(self) -> int | None:
        return None

    def snapshot_download_path(self) -> Path:
        raise NotImplementedError("MemoryStore installs no snapshots")

    def install_snapshot(self, file: Path, key: str) -> bool:
        raise NotImplementedError("MemoryStore installs no snapshots")
