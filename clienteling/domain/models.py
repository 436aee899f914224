"""Plain data the app shows and reasons about: search hits, the unified profile and its parts.

No Qt, no SQL, no HTTP. Storage builds these; services hand them to the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SyncState(StrEnum):
    """Where a row shown to the staff member stands with the central API."""

    SYNCED = "synced"  # the server's copy
    PENDING = "pending"  # written here, not yet confirmed by the server
    REJECTED = "rejected"  # the server refused it; reason in `rejected_reason`


@dataclass(frozen=True, slots=True)
class CustomerHit:
    """One line of the search results list."""

    id: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    phone: str | None  # E.164
    email: str | None
    loyalty_card: str | None
    tier: str
    home_store_id: str | None
    matched_on: str  # "card" | "phone" | "phone_last4" | "email" | "name" | "kana" | "romaji"

    @property
    def display_name(self) -> str:
        return f"{self.family_name} {self.given_name}".strip()

    @property
    def display_kana(self) -> str:
        return f"{self.family_kana} {self.given_kana}".strip()


@dataclass(frozen=True, slots=True)
class Consent:
    purpose: str
    channel: str
    state: str  # "granted" | "withdrawn"
    recorded_at: str
    sync: SyncState = SyncState.SYNCED


@dataclass(frozen=True, slots=True)
class OrderLine:
    sku: str
    name: str
    quantity: int
    unit_price_jpy: int


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    channel: str  # "store" | "online" | "app" | "phone"
    store_id: str | None
    store_name: str | None
    ordered_at: str
    total_jpy: int
    status: str
    lines: tuple[OrderLine, ...]


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    channel: str
    kind: str
    occurred_at: str
    sku: str | None
    summary: str


@dataclass(frozen=True, slots=True)
class Interest:
    id: str
    sku: str | None
    product_name: str | None
    category: str | None
    comment: str
    staff_id: str
    created_at: str
    status: str
    sync: SyncState = SyncState.SYNCED
    rejected_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    text: str
    staff_id: str
    staff_name: str
    created_at: str
    sync: SyncState = SyncState.SYNCED
    rejected_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Reservation:
    id: str
    store_id: str
    sku: str
    product_name: str | None
    quantity: int
    kind: str
    status: str
    expires_at: str | None
    created_at: str
    sync: SyncState = SyncState.SYNCED


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    due_date: str
    channel: str
    kind: str
    status: str
    skus: tuple[str, ...]
    note: str
    staff_id: str
    sync: SyncState = SyncState.SYNCED


@dataclass(frozen=True, slots=True)
class Profile:
    """The unified customer profile: everything the counter needs on one screen."""

    id: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    email: str | None
    phone: str | None
    loyalty_card: str | None
    birthday: str | None
    tier: str
    points: int
    home_store_id: str | None
    home_store_name: str | None
    consents: tuple[Consent, ...] = ()
    orders: tuple[Order, ...] = ()  # newest first
    activities: tuple[Activity, ...] = ()  # newest first
    interests: tuple[Interest, ...] = ()  # newest first, pending ones included
    notes: tuple[Note, ...] = ()  # newest first, pending ones included
    reservations: tuple[Reservation, ...] = ()
    followups: tuple[FollowUp, ...] = ()

    @property
    def display_name(self) -> str:
        return f"{self.family_name} {self.given_name}".strip()


@dataclass(frozen=True, slots=True)
class PendingChange:
    """One outbox entry as the sync status list shows it."""

    mutation_id: str
    name: str  # mutation name, e.g. "note.add"
    summary: str  # short human text, e.g. the note's first line
    customer_id: str | None
    created_at: str
    status: str  # "pending" | "applied" | "rejected"
    attempts: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the always-visible sync indicator shows."""

    online: bool
    pending: int
    rejected: int
    oldest_pending_age_s: float | None
    last_pull_at: str | None
    last_error: str | None
    syncing: bool = False
    details: tuple[str, ...] = field(default_factory=tuple)
