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
    # Made on this terminal and not on the server yet (a walk-in created offline).
    sync: SyncState = SyncState.SYNCED

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
    image: str | None = None  # the product's picture (or its category's)


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
    image: str | None = None  # the product's picture, or the category's
    status_reason: str | None = None  # why it was dismissed


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
class FreeStock:
    """Where stock is free when a request was refused: one tap asks that store."""

    store_id: str
    store_name: str
    available: int
    distance_km: float | None


# Reservation steps staff can take, by the mutation's verb.
RESERVATION_STEPS = ("cancel", "extend", "fulfil", "ready", "not_collected", "ship", "receive")


@dataclass(frozen=True, slots=True)
class Reservation:
    id: str
    store_id: str
    sku: str
    product_name: str | None
    quantity: int
    kind: str  # "hold" | "pickup" | "transfer"
    # "requested" (not answered yet) | "rejected" | "confirmed" | "in_transit" | "ready" |
    # "fulfilled" | "cancelled" | "expired" | "not_collected"
    status: str
    expires_at: str | None
    created_at: str
    sync: SyncState = SyncState.SYNCED
    customer_id: str = ""
    customer_name: str = ""
    stock_store_id: str = ""
    source_store_id: str | None = None
    source_store_name: str | None = None
    updated_at: str = ""
    rejected_reason: str | None = None
    alternatives: tuple[FreeStock, ...] = ()
    # A step sent from here and not answered yet ("cancel", "fulfil", ...), if any.
    pending_step: str | None = None

    @property
    def open(self) -> bool:
        return self.status in ("requested", "confirmed", "in_transit", "ready")

    def steps_for(self, store_id: str) -> tuple[str, ...]:
        """What staff of `store_id` can do with it now (the server decides in the end)."""
        if self.pending_step is not None or self.sync != SyncState.SYNCED:
            return ()
        here, source = self.store_id == store_id, self.stock_store_id == store_id
        steps: list[str] = []
        if self.kind == "hold" and self.status == "confirmed" and here:
            steps += ["fulfil", "extend", "cancel"]
        elif self.kind == "pickup" and here and self.status in ("confirmed", "ready"):
            steps += ["ready"] if self.status == "confirmed" else ["fulfil", "extend"]
            steps += ["not_collected"]
        elif self.kind == "transfer":
            if self.status == "confirmed" and source and not here:
                steps += ["ship"]
            if self.status == "in_transit" and here:
                steps += ["receive"]
            if self.status == "ready" and here:
                steps += ["fulfil", "extend"]
            if self.status in ("confirmed", "ready") and (here or source):
                steps += ["cancel"]
        return tuple(steps)


@dataclass(frozen=True, slots=True)
class FollowupTiming:
    """Why a planned follow-up is due when it is (see sync.protocol.followups): `count` of
    `total` of the customer's `basis` events fell on `weekday` (0 Monday; None any day)
    around `hour`; moved out of the quiet hours, or to another day by the frequency cap."""

    basis: str  # "store_visits" | "online_orders" | "email_engagement" | "default"
    count: int
    total: int
    weekday: int | None
    hour: int
    quiet_hours: bool = False
    capped: bool = False


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
    # Planned by the server: the moment (ISO, UTC), the rule, why then, what about.
    due_at: str | None = None
    rule: str | None = None
    timing: FollowupTiming | None = None
    customer_id: str = ""
    customer_name: str = ""
    store_id: str = ""
    staff_name: str = ""
    interest_ids: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    item_names: tuple[str, ...] = ()  # the products' names (skus the catalog knows)
    result: str | None = None
    outcome: str = ""
    # Its message's delivery ("queued", "sent", "opened", "clicked", "blocked", ...) and the
    # sale credited to it (yen), as the server reports them.
    message_status: str | None = None
    credited_jpy: int | None = None


@dataclass(frozen=True, slots=True)
class FollowupQueue:
    """A queue of planned follow-ups, by the store's calendar."""

    overdue: tuple[FollowUp, ...]
    today: tuple[FollowUp, ...]
    upcoming: tuple[FollowUp, ...]


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    """What the profile adds up to over every channel (computed on the server)."""

    lifetime_jpy: int
    order_count: int
    last_purchase: tuple[tuple[str, str], ...]  # (channel, ISO time), latest first
    preferred_store_name: str | None
    preferred_channel: str | None
    favourite_categories: tuple[str, ...]  # category codes
    sizes: tuple[str, ...]
    open_inquiries: int


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
    summary: ProfileSummary | None = None
    # A walk-in created here and not confirmed by the server yet (or refused: the reason).
    sync: SyncState = SyncState.SYNCED
    rejected_reason: str | None = None
    # The id asked for, when it was merged into this profile (a duplicate joined).
    merged_from: str | None = None
    # False while this terminal's first sync runs: history may not all be here yet.
    complete: bool = True

    @property
    def display_name(self) -> str:
        return f"{self.family_name} {self.given_name}".strip()


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    label: str  # in the staff's language
    image: str | None  # image reference (CategoryData.image)


@dataclass(frozen=True, slots=True)
class ProductHit:
    """A product as lists show it (search results, purchases, accessories)."""

    sku: str
    gtin: str
    name: str
    name_kana: str
    brand: str
    category: str
    category_label: str
    price_jpy: int
    image: str | None  # the product's picture, or its category's


@dataclass(frozen=True, slots=True)
class StockAt:
    store_id: str
    store_name: str
    on_hand: int
    reserved: int
    distance_km: float  # 0 for this store
    here: bool

    @property
    def free(self) -> int:
        return max(0, self.on_hand - self.reserved)


@dataclass(frozen=True, slots=True)
class ProductDetail:
    product: ProductHit
    # This store first, then the other stores of the region by distance.
    stock: tuple[StockAt, ...]
    accessories: tuple[ProductHit, ...]
    stock_as_of: str | None  # UTC ISO time of the last successful sync (how old the figures are)

    @property
    def here(self) -> StockAt | None:
        return next((s for s in self.stock if s.here), None)


@dataclass(frozen=True, slots=True)
class StoreLists:
    """The counter's lists of this store's reservations."""

    open: tuple[Reservation, ...]  # everything still holding or awaiting stock here
    pickups: tuple[Reservation, ...]  # pickups to hand over (confirmed or ready)
    expiring: tuple[Reservation, ...]  # holds whose time runs out within a day
    waiting: tuple[Reservation, ...]  # requests and steps not answered by the server yet
    transfers_in: tuple[Reservation, ...]  # coming to this store
    transfers_out: tuple[Reservation, ...]  # to be sent from this store


@dataclass(frozen=True, slots=True)
class Notice:
    """Told to the staff member: an outcome that arrived later (see storage.tables.Notice)."""

    seq: int
    kind: str
    subject_id: str
    customer_id: str | None
    customer_name: str
    status: str
    reason: str | None
    created_at: str
    product_name: str | None = None


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
    # False until this terminal's first sync has completed (search may find nobody *yet*).
    complete: bool = True
    loading: Loading | None = None  # the first sync's progress, while it runs


@dataclass(frozen=True, slots=True)
class Loading:
    """A first sync under way, as the staff member is told of it."""

    phase: str  # "download" (a ready-made copy of the data) | "changes" (page by page)
    done: int
    total: int | None
    seconds_left: float | None  # from the pace so far; None until it can be told

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return max(0, min(100, self.done * 100 // self.total))
