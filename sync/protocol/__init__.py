"""Wire schemas of sync protocol v1, shared by the terminal's sync client and the central API.

Everything a request or a response carries is declared here once. Pydantic models validate
what crosses the wire; the entity payloads inside pull changes are TypedDicts (documentation
and type checking without per-row validation cost on million-row first syncs).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, NotRequired, TypedDict

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

PROTOCOL_VERSION = 1
MAX_MUTATIONS_PER_PUSH = 500
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 1000
TOMBSTONE_RETENTION_DAYS = 30
# Sequence numbers and ack marks are signed 64-bit integers in both databases.
MAX_SEQ = 2**63 - 1
MAX_CURSOR_BUCKETS = 64
BUCKET_NAME = re.compile(r"^[A-Za-z0-9_.:\-]{1,100}$")

# ---------------------------------------------------------------------------------------------
# Ids


def new_id() -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits; sorts by creation."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a (12 bits)
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b (62 bits)
    return str(uuid.UUID(int=value))


Id = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
    ),
]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Code = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")
]


class Strict(BaseModel):
    """Base of wire models: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


_SAFE_KEY = re.compile(r"^[A-Za-z0-9_]{1,40}$")


def _is_unsafe(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (valid JSON escapes, not valid text)
        return True
    return False


def unsafe_text_at(value: Any) -> str | None:
    """Where the first string or object key holding NUL or a lone surrogate sits in a decoded
    JSON value (`mutations.1.args.text`), or None. No database stores such text (PostgreSQL
    refuses NUL, neither encodes a lone surrogate), so it is refused at the door.

    The path never quotes user text: keys that are not plain field names show as `?`.
    """
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if _is_unsafe(item):
                return path or "value"
        elif isinstance(item, dict):
            for key, child in item.items():
                name = key if isinstance(key, str) and _SAFE_KEY.match(key) else "?"
                child_path = f"{path}.{name}" if path else name
                if isinstance(key, str) and _is_unsafe(key):
                    return f"{child_path} (its name)"
                stack.append((child_path, child))
        elif isinstance(item, list):
            stack.extend((f"{path}.{i}" if path else str(i), v) for i, v in enumerate(item))
    return None


class CleanRequest(Strict):
    """A request body: besides its schema, no text anywhere in it may hold NUL or a lone
    surrogate (checked on the raw input, nested `args` included)."""

    @model_validator(mode="before")
    @classmethod
    def _refuse_unsafe_text(cls, data: Any) -> Any:
        where = unsafe_text_at(data)
        if where is not None:
            raise ValueError(
                f"{where} holds a character no text may hold (NUL or a lone surrogate)"
            )
        return data


# ---------------------------------------------------------------------------------------------
# Errors


class ErrorBody(BaseModel):
    error: str
    message: str


# ---------------------------------------------------------------------------------------------
# Auth


class DeviceRegisterRequest(CleanRequest):
    staff_code: Code
    pin: Annotated[str, StringConstraints(min_length=4, max_length=12)]
    store_id: Id
    name: Annotated[str, StringConstraints(max_length=100)] = ""


class DeviceRegisterResponse(BaseModel):
    device_id: str
    device_token: str


class DevicePublic(BaseModel):
    """A terminal of a store, as its managers see it (GET /v1/devices)."""

    id: str
    name: str
    store_id: str
    registered_at: datetime
    registered_by: str  # staff name
    last_seen_at: datetime | None
    revoked_at: datetime | None
    this_device: bool  # the one asking


class ErasureReport(BaseModel):
    """What an erasure removed (POST /v1/customers/{id}/erase): counts per kind, no values."""

    customer_id: str
    erased: dict[str, int]


class DeviceList(BaseModel):
    devices: list[DevicePublic]


class SessionRequest(CleanRequest):
    device_token: Annotated[str, StringConstraints(min_length=10, max_length=200)]
    staff_code: Code | None = None
    pin: Annotated[str, StringConstraints(min_length=4, max_length=12)] | None = None
    badge: Annotated[str, StringConstraints(min_length=4, max_length=64)] | None = None


class StaffPublic(BaseModel):
    id: str
    code: str
    name: str
    role: Literal["associate", "manager", "admin"]
    store_id: str


class StorePublic(BaseModel):
    id: str
    code: str
    name: str
    region: str


class SessionResponse(BaseModel):
    session_token: str
    staff: StaffPublic
    store: StorePublic
    expires_at: datetime
    # Added to v1: proof that this staff member signed in on this device now. The terminal
    # keeps it (encrypted) with the work this person does, and sends it as `staff_proof` on
    # their mutations when they are pushed under a colleague's session later; the server
    # accepts it from this device only, within the maximum offline age.
    author_proof: str = Field(default="", repr=False)


# ---------------------------------------------------------------------------------------------
# Push


class Mutation(Strict):
    id: Id
    name: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    version: Annotated[int, Field(ge=1, le=1000)] = 1
    args: dict[str, Any]
    client_time: Annotated[str, StringConstraints(max_length=64)] | None = None
    # The staff member who made the change (added to v1; absent = the session's staff). On a
    # shared terminal a change made offline by one staff member may be pushed under a
    # colleague's session: the server attributes it to its author, with the author's own role
    # and store, only with the author's proof below.
    staff_id: Id | None = None
    # With a staff_id other than the session's: the `author_proof` that staff member got when
    # they signed in on this device. Without a valid one the mutation is rejected "forbidden".
    staff_proof: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        default=None, repr=False
    )


class PushRequest(CleanRequest):
    protocol_version: int
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    mutations: Annotated[list[Mutation], Field(max_length=MAX_MUTATIONS_PER_PUSH)]


MutationStatus = Literal["applied", "rejected"]


class MutationResult(BaseModel):
    id: str
    status: MutationStatus
    reason: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class PushResponse(BaseModel):
    results: list[MutationResult]


# ---------------------------------------------------------------------------------------------
# Pull

EntityName = Literal[
    "category",
    "store",
    "staff",
    "product",
    "inventory",
    "customer",
    "order",
    "activity",
    "interest",
    "note",
    "reservation",
    "followup",
]


class Change(BaseModel):
    bucket: str
    seq: int
    # One of EntityName today; typed as str so a client ignores (rather than fails on) an
    # entity a newer server adds.
    entity: str
    id: str
    op: Literal["upsert", "delete"]
    data: dict[str, Any] | None = None


class PullResponse(BaseModel):
    changes: list[Change]
    cursors: str
    has_more: bool
    acked_mutation_ids: list[str] = Field(default_factory=list)
    # Added to v1 (a new field, no change of meaning): the stored result of each acked
    # mutation, so a client whose push reply was lost still learns of a rejection.
    mutation_results: list[MutationResult] = Field(default_factory=list)
    must_resync: bool = False
    # Added to v1: on the first page of a first sync (no cursors sent), how many changes are
    # still waiting after this page, so a new terminal can show its progress. None elsewhere.
    remaining: int | None = None


class SnapshotOffer(BaseModel):
    """A ready-made first sync: a cache file the server built for some of the device's buckets.

    Added to v1 (new endpoints, nothing else changes meaning). The file is the terminal
    cache's own format `format` (the server stores and serves it, never reads it), encrypted
    with `key` (hex, SQLCipher). A terminal that installs it continues with a normal pull from
    `cursors`, which cover only `buckets`; its other buckets start at 0.
    """

    id: str
    format: int
    buckets: list[str]
    cursors: str
    rows: int  # changes the file holds
    size: int  # bytes
    sha256: str  # hex digest of the file
    key: str = Field(repr=False)  # never in a log line
    created_at: datetime


class SnapshotReply(BaseModel):
    """`GET /v1/sync/snapshot`: the offer, or none yet (`building` says one is being made)."""

    snapshot: SnapshotOffer | None = None
    building: bool = False


class PageRejected(ValueError):
    """A pull reply that does not follow protocol v1 (unreadable JSON, wrong types, an upsert
    without data, ...). Nothing of it is applied."""


@dataclass(frozen=True)
class PullPage:
    """A pull reply as the terminal's local store read it: the envelope, checked, plus the
    changes in whatever parsed form the store applies them from (opaque to the engine).

    Reading and applying are two steps so the engine can request the next page with these
    cursors while this one is being applied.
    """

    cursors: str
    has_more: bool
    must_resync: bool
    change_count: int
    acked_mutation_ids: list[str]
    mutation_results: list[MutationResult]
    changes: Any = None
    remaining: int | None = None  # PullResponse.remaining


def check_pull_response(page: PullResponse) -> None:
    """The rules a typed page must meet beyond its schema; raises PageRejected."""
    if not page.cursors and page.has_more:
        raise PageRejected("The server sent a page without a cursor")
    for change in page.changes:
        if not change.id:
            raise PageRejected("The server sent a change without an id")
        if change.op == "upsert" and not isinstance(change.data, dict):
            raise PageRejected("The server sent a change without data")


def parse_pull_response(body: bytes) -> PullResponse:
    """Validate a pull reply body with the schema above (the reference reading of a page)."""
    try:
        page = PullResponse.model_validate_json(body)
    except ValidationError:
        raise PageRejected("The server sent a pull reply this app cannot read") from None
    check_pull_response(page)
    return page


class Cursors(BaseModel):
    """The decoded form of the opaque `cursors` string: per-bucket sequence + mutation ack mark."""

    buckets: dict[str, int] = Field(default_factory=dict)
    acked_through: int = 0

    def encode(self) -> str:
        raw = json.dumps({"b": self.buckets, "m": self.acked_through}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str | None) -> Cursors:
        """Parse an opaque cursor string; raises ValueError on anything malformed."""
        if not text:
            return cls()
        bad = ValueError("cursors is not a valid cursor string")
        try:
            padded = text + "=" * (-len(text) % 4)
            raw = json.loads(base64.urlsafe_b64decode(padded.encode()))
        except (binascii.Error, ValueError, UnicodeError, RecursionError) as exc:
            raise bad from exc
        if not isinstance(raw, dict):
            raise bad
        buckets = raw.get("b", {})
        acked = raw.get("m", 0)
        if not isinstance(buckets, dict) or len(buckets) > MAX_CURSOR_BUCKETS:
            raise bad
        if not _is_sequence(acked):
            raise bad
        for key, seq in buckets.items():
            if not isinstance(key, str) or not BUCKET_NAME.match(key) or not _is_sequence(seq):
                raise bad
        return cls(buckets=buckets, acked_through=acked)


def _is_sequence(value: Any) -> bool:
    """A change sequence or ack mark: an int (not a bool) within a signed 64-bit column."""
    return type(value) is int and 0 <= value <= MAX_SEQ


# ---------------------------------------------------------------------------------------------
# Entity payloads carried in Change.data (server -> client)


class StoreData(TypedDict):
    id: str
    code: str
    name: str
    kind: str  # "bicycle", "baby_kids", "general", ...
    region: str
    prefecture: str
    city: str
    latitude: float
    longitude: float
    phone: str
    timezone: str  # IANA name: times are shown in the store's zone (added to v1)


class CategoryData(TypedDict):
    """A product category of the catalog (added to v1): its labels for the staff's language
    and a picture staff recognise it by."""

    code: str
    label_ja: str
    label_en: str
    # An image reference: "res:<name>" for a picture the app ships, or an https URL.
    image: str | None
    position: int
    # Its products come in sizes worth remembering (clothes, helmets, frames).
    sized: NotRequired[bool]


class StaffData(TypedDict):
    id: str
    code: str
    name: str
    name_kana: str
    role: str
    store_id: str


class ProductData(TypedDict):
    sku: str
    gtin: str  # EAN-13
    name: str
    name_kana: str
    category: str
    brand: str
    price_jpy: str  # Decimal as string, whole yen
    accessory_skus: list[str]
    image: str | None  # as CategoryData.image; None: the category's picture (added to v1)


class InventoryData(TypedDict):
    id: str  # "{store_id}:{sku}"
    store_id: str
    sku: str
    on_hand: int
    reserved: int


class IdentityData(TypedDict):
    kind: str  # "email" | "phone" | "loyalty_card" | "online_account"
    value: str  # normalised


class ConsentData(TypedDict):
    purpose: str  # "marketing", "service"
    channel: str  # "email", "sms", "line", "app_push", "post", "phone"
    state: str  # "granted" | "withdrawn"
    source: str
    recorded_at: str
    wording_version: str


class SummaryData(TypedDict):
    """What a profile adds up to, computed on the server from every channel (added to v1)."""

    lifetime_jpy: str  # paid, less refunds; cancelled orders left out
    order_count: int
    last_purchase: dict[str, str]  # channel -> ISO time of the latest order there
    preferred_store_id: str | None
    preferred_channel: str | None
    favourite_categories: list[str]  # category codes, most bought first (at most 3)
    sizes: list[str]  # sizes seen in what they bought (M, 110cm, 480mm), most often first
    open_inquiries: int  # support inquiries open or pending


class CustomerData(TypedDict):
    id: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    email: str | None
    phone: str | None  # E.164
    loyalty_card: str | None
    online_account: str | None
    birthday: str | None  # ISO date
    tier: str
    points: int
    home_store_id: str | None
    preferred_staff_id: str | None
    merged_into: str | None
    identities: list[IdentityData]
    consents: list[ConsentData]
    created_at: str
    updated_at: str
    summary: NotRequired[SummaryData | None]


class OrderLineData(TypedDict):
    sku: str
    name: str
    quantity: int
    unit_price_jpy: str


class OrderData(TypedDict):
    id: str
    customer_id: str
    channel: str  # "store" | "online" | "app" | "phone"
    store_id: str | None
    ordered_at: str
    total_jpy: str
    status: str
    attributed_staff_id: str | None
    attributed_followup_id: str | None
    lines: list[OrderLineData]
    # Added to v1 with ingestion: the sending system, and money given back by returns.
    source: NotRequired[str | None]
    refunded_jpy: NotRequired[str | None]


class ActivityData(TypedDict):
    id: str
    customer_id: str
    channel: str  # "web" | "app" | "sns" | "support" | "email"
    kind: str  # "view", "cart", "inquiry", "open", "click", ...
    occurred_at: str
    sku: str | None
    summary: str
    # Added to v1 with ingestion: a support inquiry's status ("open" ... "closed").
    status: NotRequired[str | None]


class InterestData(TypedDict):
    id: str
    customer_id: str
    sku: str | None
    category: str | None
    comment: str
    staff_id: str
    store_id: str
    created_at: str
    status: str  # "open" | "purchased" | "dismissed"
    status_reason: str | None  # why it was dismissed (added to v1)


class NoteData(TypedDict):
    id: str
    customer_id: str
    text: str
    staff_id: str
    staff_name: str
    store_id: str
    created_at: str


class ReservationData(TypedDict):
    id: str
    customer_id: str
    store_id: str
    sku: str
    quantity: int
    kind: str  # "hold" | "pickup" | "transfer"
    # "confirmed" | "in_transit" | "ready" | "fulfilled" | "cancelled" | "expired" |
    # "not_collected"
    status: str
    expires_at: str | None
    created_at: str
    staff_id: str
    # Added to v1: where the stock is held now, a transfer's source, a pickup's order, and
    # when the reservation last changed.
    stock_store_id: str
    source_store_id: str | None
    order_id: str | None
    updated_at: str


class FollowupData(TypedDict):
    id: str
    customer_id: str
    store_id: str
    staff_id: str
    due_date: str
    channel: str
    kind: str  # "after_visit" | "check_in" | "occasion" | "service" | "back_in_stock" | "custom"
    status: str  # "planned" | "sent" | "done" | "cancelled"
    skus: list[str]
    note: str
    created_at: str
    # Added to v1 by the planner (absent from older documents: read them with .get):
    # the moment to make contact (ISO, UTC), the rule that planned it, why
    # that time (sync.protocol.followups.FollowupTiming as a dict), what it is about.
    due_at: NotRequired[str | None]
    rule: NotRequired[str | None]
    purpose: NotRequired[str]  # "marketing" | "service"
    timing: NotRequired[dict[str, Any] | None]
    interest_ids: NotRequired[list[str]]
    order_ids: NotRequired[list[str]]
    categories: NotRequired[list[str]]
    reservation_id: NotRequired[str | None]
    outcome: NotRequired[str]
    result: NotRequired[str | None]  # done: "message_sent" | "called" | "visited" | ...
    updated_at: NotRequired[str | None]
    # Its message's delivery: "draft" | "queued" | "sent" | "opened" | "clicked" | "blocked" |
    # "failed" | "rejected" | "unknown", and when; the sale credited to it (an order id, yen).
    message_status: NotRequired[str | None]
    message_at: NotRequired[str | None]
    credited_order_id: NotRequired[str | None]
    credited_jpy: NotRequired[int | None]


# ---------------------------------------------------------------------------------------------
# Mutation arguments (client -> server). Each is published in the OpenAPI document under the
# mutation's name, so another client can be written from /openapi.json alone.

ConsentChannel = Literal["email", "sms", "line", "app_push", "post", "phone"]
ConsentPurpose = Literal["marketing", "service", "profiling"]
FollowupChannel = Literal["email", "sms", "line", "app_push", "post", "phone"]


class CustomerCreateArgs(Strict):
    id: Id
    family_name: ShortText
    given_name: Annotated[str, StringConstraints(max_length=200)] = ""
    family_kana: Annotated[str, StringConstraints(max_length=200)] = ""
    given_kana: Annotated[str, StringConstraints(max_length=200)] = ""
    email: Annotated[str, StringConstraints(max_length=254)] | None = None
    phone: Annotated[str, StringConstraints(max_length=32)] | None = None
    birthday: date | None = None
    home_store_id: Id | None = None


class CustomerUpdateArgs(Strict):
    id: Id
    family_name: ShortText | None = None
    given_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    family_kana: Annotated[str, StringConstraints(max_length=200)] | None = None
    given_kana: Annotated[str, StringConstraints(max_length=200)] | None = None
    email: Annotated[str, StringConstraints(max_length=254)] | None = None
    phone: Annotated[str, StringConstraints(max_length=32)] | None = None
    birthday: date | None = None
    preferred_staff_id: Id | None = None


class NoteAddArgs(Strict):
    id: Id
    customer_id: Id
    text: LongText


class InterestAddArgs(Strict):
    id: Id
    customer_id: Id
    sku: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    category: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    comment: Annotated[str, StringConstraints(max_length=2000)] = ""


class InterestUpdateArgs(Strict):
    id: Id
    comment: Annotated[str, StringConstraints(max_length=2000)] | None = None
    status: Literal["open", "purchased", "dismissed"] | None = None
    # Why it was dismissed ("bought elsewhere", "no longer interested", ...; added to v1).
    reason: Annotated[str, StringConstraints(max_length=200)] | None = None


class ConsentRecordArgs(Strict):
    id: Id
    customer_id: Id
    purpose: ConsentPurpose
    channel: ConsentChannel
    state: Literal["granted", "withdrawn"]
    wording_version: Annotated[str, StringConstraints(min_length=1, max_length=32)]


class ReservationRequestArgs(Strict):
    id: Id
    customer_id: Id
    store_id: Id  # where the customer is served (the terminal's store)
    sku: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    quantity: Annotated[int, Field(ge=1, le=99)] = 1
    kind: Literal["hold", "pickup", "transfer"] = "hold"
    from_store_id: Id | None = None  # a transfer's source store
    order_id: Id | None = None  # the online order a pickup is for (added to v1)


class ReservationRefArgs(Strict):
    id: Id


class FollowupCreateArgs(Strict):
    id: Id
    customer_id: Id
    due_date: date
    channel: FollowupChannel
    kind: Literal["after_visit", "occasion", "custom"] = "after_visit"
    skus: Annotated[list[str], Field(max_length=50)] = Field(default_factory=list)
    note: Annotated[str, StringConstraints(max_length=2000)] = ""


class FollowupUpdateArgs(Strict):
    id: Id
    due_date: date | None = None
    channel: FollowupChannel | None = None
    skus: Annotated[list[str], Field(max_length=50)] | None = None
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None
    status: Literal["planned", "cancelled"] | None = None


FollowupResult = Literal["message_sent", "called", "visited", "not_interested"]


class FollowupCompleteArgs(Strict):
    id: Id
    outcome: Annotated[str, StringConstraints(max_length=2000)] = ""  # the staff member's words
    result: FollowupResult | None = None  # what was done (added to v1)


class FollowupSnoozeArgs(Strict):
    """Put a planned follow-up off until `until` (added to v1)."""

    id: Id
    until: AwareDatetime


class FollowupAssignArgs(Strict):
    """Give a follow-up to a colleague of its store: managers (added to v1)."""

    id: Id
    staff_id: Id


# What a terminal reports of itself (edits are recorded by the server as it applies them).
AuditAction = Literal["profile.view", "search", "reveal", "export"]


class AuditRecordArgs(Strict):
    """Something seen or taken at a terminal: a profile opened, a search (its kind and number
    of hits, never the text typed), a masked phone or email revealed, an export. Queued offline
    like any change; `client_time` says when it happened."""

    id: Id
    action: AuditAction
    subject_id: Id | None = None
    detail: Annotated[str, StringConstraints(max_length=2000)] = ""
    customer_id: Id | None = None  # whose data (added to v1)


MUTATION_ARGS: dict[tuple[str, int], type[Strict]] = {
    ("customer.create", 1): CustomerCreateArgs,
    ("customer.update", 1): CustomerUpdateArgs,
    ("note.add", 1): NoteAddArgs,
    ("interest.add", 1): InterestAddArgs,
    ("interest.update", 1): InterestUpdateArgs,
    ("consent.record", 1): ConsentRecordArgs,
    ("reservation.request", 1): ReservationRequestArgs,
    ("reservation.cancel", 1): ReservationRefArgs,
    ("reservation.extend", 1): ReservationRefArgs,
    ("reservation.fulfil", 1): ReservationRefArgs,
    # Added to v1: the later steps of pickups and transfers.
    ("reservation.ready", 1): ReservationRefArgs,
    ("reservation.not_collected", 1): ReservationRefArgs,
    ("reservation.ship", 1): ReservationRefArgs,
    ("reservation.receive", 1): ReservationRefArgs,
    ("followup.create", 1): FollowupCreateArgs,
    ("followup.update", 1): FollowupUpdateArgs,
    ("followup.complete", 1): FollowupCompleteArgs,
    ("followup.snooze", 1): FollowupSnoozeArgs,
    ("followup.assign", 1): FollowupAssignArgs,
    ("audit.record", 1): AuditRecordArgs,
}

# Rejection reason codes a mutation result may carry (business outcomes, not errors).
REJECTION_REASONS = (
    "invalid_args",  # args did not validate against the mutation's schema
    "unknown_mutation",  # name/version not known to this server
    "not_found",  # the customer/product/row the mutation refers to does not exist
    "forbidden",  # the staff member's role/store may not do this
    "no_consent",  # a follow-up on a channel the customer has not agreed to
    "no_stock",  # a reservation the store cannot cover
    "too_old",  # an offline request older than the maximum offline age
    "conflict",  # the row is in a state that does not allow the change
)


def price_to_wire(value: Decimal) -> str:
    """JPY amounts travel as whole-yen decimal strings, never floats."""
    return str(value.quantize(Decimal(1)))


# ---------------------------------------------------------------------------------------------
# Local outbox summary (not on the wire). Declared here, next to the schemas, so the app's
# storage (which may import only sync.protocol) and the sync client share one class.


@dataclass(frozen=True, slots=True)
class OutboxStats:
    pending: int  # status 'pending' (not yet answered by the server)
    rejected: int  # status 'rejected' (answered no; kept until a person dismisses it)
    oldest_pending_at: datetime | None  # UTC creation time of the oldest pending entry
