"""Who is working at this terminal: the staff session every write is attributed to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StaffContext:
    staff_id: str
    staff_name: str
    store_id: str
    store_name: str
    role: str  # "associate" | "manager" | "admin"
