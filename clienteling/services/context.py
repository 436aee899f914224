"""Who is working at this terminal: the staff session every write is attributed to."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StaffContext:
    staff_id: str
    staff_name: str
    store_id: str
    store_name: str
    role: str  # "associate" | "manager" | "admin"
    # The server's proof that this person signed in on this terminal (SessionResponse
    # .author_proof): their changes carry it, so they are still theirs when a colleague's
    # session pushes them later. Kept only inside the encrypted cache.
    proof: str = field(default="", repr=False)

    def author_meta(self) -> dict[str, str]:
        """What an outbox entry records of its author (sent with the mutation)."""
        return {
            "staff_id": self.staff_id,
            "staff_name": self.staff_name,
            "store_id": self.store_id,
            "staff_proof": self.proof,
        }
