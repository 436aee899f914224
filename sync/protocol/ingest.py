"""Wire schemas of the ingestion API (`/v1/ingest/...`): what other systems send.

A web shop, an app, another vendor's POS, a support desk or a mail service sends **events**.
Every event names its `source` and its own `event_id`; the pair is the idempotency key (a
second delivery is reported as a duplicate and changes nothing). `kind` says what happened and
which body the event carries:

| kind               | body       | what it does                                              |
|--------------------|------------|-----------------------------------------------------------|
| `order`            | `order`    | an online / app / phone order, created or replaced whole  |
| `pos.sale`         | `order`    | a sale at another vendor's till (channel `store`)         |
| `order.status`     | `status`   | an order's status change, a return or a cancellation      |
| `web.view`         | `activity` | a product or page viewed on the web shop                  |
| `app.event`        | `activity` | something done in the app                                 |
| `sns.interaction`  | `activity` | a like, follow or share on social media                   |
| `support.inquiry`  | `activity` | a support inquiry, opened or updated (same `ref`)         |
| `email.engagement` | `activity` | an email sent, opened or clicked                          |
| `customer`         | `profile`  | a customer's profile, created or updated                  |
| `product`          | `product`  | a product of the catalog, created or replaced             |
| `stock`            | `stock`    | how many of a product a store has on hand                 |

Every event names the customer by what the source knows (`customer`: email, phone, loyalty
card, online account id, LINE user id, and names for a new profile); the server resolves it to
one profile. Changes arriving out of order are put in order by `occurred_at`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Literal, get_args

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from sync.protocol import Strict

MAX_BULK_LINES = 100_000
MAX_BULK_BYTES = 64 * 1024 * 1024
MAX_LINES_PER_ORDER = 200

OrderKind = Literal["order", "pos.sale"]
ActivityKind = Literal[
    "web.view", "app.event", "sns.interaction", "support.inquiry", "email.engagement"
]
EventKind = Literal[
    "order",
    "pos.sale",
    "order.status",
    "web.view",
    "app.event",
    "sns.interaction",
    "support.inquiry",
    "email.engagement",
    "customer",
    "product",
    "stock",
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
# The activity channel each activity kind lands in on the profile.
ACTIVITY_CHANNEL = {
    "web.view": "web",
    "app.event": "app",
    "sns.interaction": "sns",
    "support.inquiry": "support",
    "email.engagement": "email",
}
OrderStatus = Literal[
    "placed",
    "paid",
    "ready_for_pickup",
    "shipped",
    "completed",
    "cancelled",
    "returned",
    "part_returned",
]
ORDER_STATUSES: tuple[str, ...] = get_args(OrderStatus)

SourceName = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.\-]*$")
]
ExternalId = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[!-~]+$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Gtin = Annotated[str, StringConstraints(pattern=r"^(\d{8}|\d{12}|\d{13}|\d{14})$")]
StoreCode = Annotated[
    str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.\-]+$")
]
Yen = Annotated[Decimal, Field(ge=0, le=Decimal("999999999999"), decimal_places=0)]


class CustomerRef(Strict):
    """Who the event is about, as the source knows them. At least one identifier."""

    email: Annotated[str, StringConstraints(max_length=254)] | None = None
    phone: Annotated[str, StringConstraints(max_length=32)] | None = None
    loyalty_card: (
        Annotated[str, StringConstraints(max_length=64, pattern=r"^[0-9A-Za-z\-]+$")] | None
    ) = None
    online_account: ExternalId | None = None
    line_user_id: ExternalId | None = None
    family_name: Name = ""
    given_name: Name = ""
    family_kana: Name = ""
    given_kana: Name = ""

    @model_validator(mode="after")
    def _one_identifier(self) -> CustomerRef:
        if not any(
            (self.email, self.phone, self.loyalty_card, self.online_account, self.line_user_id)
        ):
            raise ValueError(
                "customer needs one of email, phone, loyalty_card, online_account, line_user_id"
            )
        return self


class OrderLineIn(Strict):
    sku: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    jan: Gtin | None = None
    quantity: Annotated[int, Field(ge=1, le=10_000)]
    unit_price_jpy: Yen

    @model_validator(mode="after")
    def _product(self) -> OrderLineIn:
        if self.sku is None and self.jan is None:
            raise ValueError("a line needs sku or jan")
        return self


class OrderIn(Strict):
    """An order as the source holds it now (a later `order` event for it replaces it whole)."""

    order_id: ExternalId
    channel: Literal["online", "app", "phone", "store"] = "online"
    status: OrderStatus = "placed"
    # The store it was sold in (a POS sale), or where a click-and-collect order is picked up.
    store: StoreCode | None = None
    pickup_store: StoreCode | None = None
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=MAX_LINES_PER_ORDER)]
    total_jpy: Yen | None = None
    # The attribution token of a cart link the order came from (the shop carries it as a cart
    # attribute): the order is credited to that link's follow-up and staff member.
    attribution_token: (
        Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
        | None
    ) = None


class StatusIn(Strict):
    order_id: ExternalId
    status: OrderStatus
    # Money given back by a return or a cancellation after payment.
    refund_jpy: Yen | None = None


class ActivityIn(Strict):
    # The source's own id of the thing: a support ticket, a campaign mail. Events with the same
    # ref update one activity (a ticket's status), instead of adding another.
    ref: ExternalId | None = None
    action: Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[a-z_]+$")] = (
        "view"
    )
    sku: Annotated[str, StringConstraints(max_length=64)] | None = None
    jan: Gtin | None = None
    summary: Annotated[str, StringConstraints(max_length=2000)] = ""
    # A support inquiry: "open" | "pending" | "resolved" | "closed".
    status: Literal["open", "pending", "resolved", "closed"] | None = None


class ProfileIn(Strict):
    """What a customer event says about the person (only the fields sent change). Names are
    in `customer` (they also name a new profile)."""

    birthday: date | None = None
    home_store: StoreCode | None = None


class ProductIn(Strict):
    sku: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[!-~]+$")]
    jan: Gtin
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    name_kana: Name = ""
    category: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    brand: Annotated[str, StringConstraints(max_length=100)] = ""
    price_jpy: Yen
    accessory_skus: Annotated[list[str], Field(default_factory=list, max_length=50)]


class StockIn(Strict):
    store: StoreCode
    sku: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    on_hand: Annotated[int, Field(ge=0, le=10_000_000)]


# Which body each kind carries.
BODY_OF_KIND = {
    "order": "order",
    "pos.sale": "order",
    "order.status": "status",
    "customer": "profile",
    "product": "product",
    "stock": "stock",
}
BODIES = ("order", "status", "activity", "profile", "product", "stock")
# Kinds that are about a customer (and name one).
WITHOUT_CUSTOMER = ("order.status", "product", "stock")


class IngestEvent(Strict):
    source: SourceName
    event_id: ExternalId
    kind: EventKind
    occurred_at: AwareDatetime
    customer: CustomerRef | None = None
    order: OrderIn | None = None
    status: StatusIn | None = None
    activity: ActivityIn | None = None
    profile: ProfileIn | None = None
    product: ProductIn | None = None
    stock: StockIn | None = None

    @field_validator("occurred_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        # Stored in UTC: SQLite keeps the wall time of an offset it is given, not the instant.
        return value.astimezone(UTC)

    @model_validator(mode="after")
    def _body_matches_kind(self) -> IngestEvent:
        wanted = BODY_OF_KIND.get(self.kind, "activity")
        for body in BODIES:
            present = getattr(self, body) is not None
            if body == wanted and not present:
                raise ValueError(f"a {self.kind} event carries `{wanted}`")
            if body != wanted and present:
                raise ValueError(f"a {self.kind} event carries `{wanted}`, not `{body}`")
        if self.kind not in WITHOUT_CUSTOMER and self.customer is None:
            raise ValueError(f"a {self.kind} event names its `customer`")
        if self.kind == "pos.sale" and self.order is not None and self.order.store is None:
            raise ValueError("a pos.sale names its `store`")
        return self


Outcome = Literal["applied", "duplicate", "waiting", "stale"]


class IngestResult(BaseModel):
    """`applied`: it changed the profile. `duplicate`: this source + event_id was received
    before (nothing changed again). `waiting`: a status change for an order not received yet
    (applied when the order arrives). `stale`: older than what is already held (an
    out-of-order change; kept as received, changes nothing)."""

    source: str
    event_id: str
    outcome: Outcome
    customer_id: str | None = None
    created_customer: bool = False


class RejectedLine(BaseModel):
    line: int
    event_id: str | None = None
    error: str
    reason: str


class BulkResult(BaseModel):
    lines: int
    applied: int
    duplicates: int
    waiting: int
    stale: int
    rejected: list[RejectedLine]
    # Only the first 1,000 rejected lines are listed; this counts them all.
    rejected_count: int


class CredentialCreate(Strict):
    source: SourceName
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    # Event kinds the source may send.
    kinds: Annotated[list[EventKind], Field(min_length=1, max_length=len(EVENT_KINDS))]
    # Whether an event that matches no customer creates a profile (else it is rejected).
    creates_customers: bool = False
    # Where profiles it creates belong when the event names no store.
    home_store: StoreCode | None = None


class CredentialPublic(BaseModel):
    id: str
    source: str
    name: str
    kinds: list[str]
    creates_customers: bool
    home_store_id: str | None
    created_at: datetime
    created_by: str
    revoked_at: datetime | None
    last_used_at: datetime | None


class CredentialCreated(CredentialPublic):
    # Shown once: only its hash is kept.
    token: str


class CredentialList(BaseModel):
    credentials: list[CredentialPublic]
