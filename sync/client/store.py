"""What the sync engine needs from the terminal's local database (implemented by the app's storage).

The engine never touches SQL itself: it asks this interface for pending mutations and hands it
whole pull reply bodies, which the store reads (checks) and then applies in one local
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from sync.protocol import MutationResult, OutboxStats, PullPage


class OutboxEntry(Protocol):
    """One pending local change, as the engine reads it (attributes only)."""

    @property
    def seq(self) -> int: ...
    @property
    def mutation_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def args(self) -> dict[str, Any]: ...
    @property
    def client_time(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def staff_id(self) -> str | None:
        """Who made the change (None: whoever's session pushes it)."""
        ...

    @property
    def staff_proof(self) -> str | None:
        """The author's sign-in proof from this device (SessionResponse.author_proof)."""
        ...


class LocalStore(Protocol):
    """The local database as the sync engine sees it. Every method is one local transaction."""

    def pending_mutations(self, limit: int) -> Sequence[OutboxEntry]:
        """Outbox entries with status 'pending', oldest first (by seq).

        (A Sequence, not a list: `list` is invariant, so a store returning `list[ItsRow]`
        would not match the protocol.)"""
        ...

    def record_push_results(self, results: list[MutationResult]) -> None:
        """Mark each entry 'applied' or 'rejected' (with reason) from the server's results."""
        ...

    def record_push_failure(self, mutation_ids: list[str], error: str) -> None:
        """A transient failure: attempts += 1 and last_error = error; entries stay pending."""
        ...

    def cursors(self) -> str | None:
        """The opaque cursor string of the last applied pull page (None before the first)."""
        ...

    def read_pull_page(self, body: bytes) -> PullPage:
        """Read and check a pull reply body. Raises PageRejected when it does not follow the
        protocol. It reads and writes nothing of the local database, so the engine may call it
        from another thread while a store call runs."""
        ...

    def apply_pull_page(self, page: PullPage) -> None:
        """In ONE transaction: upsert/delete the srv_* rows of the page's changes (the last
        change of an entity in the page wins), store `page.cursors`, delete the outbox
        entries in `page.acked_mutation_ids` whose result is applied, and mark the ones whose
        result (in `page.mutation_results`) is rejected. An acked id whose entry is still
        'pending' (the push reply was lost) takes the result from `page.mutation_results`."""
        ...

    def reset_server_state(self) -> None:
        """must_resync: drop every srv_* row and the cursors; keep the outbox untouched."""
        ...

    def outbox_stats(self) -> OutboxStats: ...

    # A ready-made first sync (sync.protocol.SnapshotOffer). A store that cannot install one
    # answers None from snapshot_format and is never asked for the rest.

    def snapshot_format(self) -> int | None:
        """The snapshot (cache file) format this store installs, or None."""
        ...

    def snapshot_download_path(self) -> Path:
        """Where the engine should download a snapshot file to."""
        ...

    def install_snapshot(self, file: Path, key: str) -> bool:
        """Make the downloaded snapshot `file` (encrypted with `key`) the local copy, keeping
        the outbox; afterwards `cursors()` returns the snapshot's cursors. False when the
        store already began a pull (nothing changed). Raises when the file is unusable. The
        file is gone afterwards either way."""
        ...
