"""Tables of the central database (SQLModel): the chain's entities plus the sync bookkeeping.

Ids are UUID strings made by whoever created the row (often a terminal). Money is a whole-yen
Numeric. Times are stored in UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    Numeric,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.sql.expression import false
from sqlmodel import Field, SQLModel

metadata = SQLModel.metadata


def _ts(nullable: bool = False) -> Column[datetime]:
    return Column(DateTime(timezone=True), nullable=nullable)


def _money() -> Column[Decimal]:
    return Column(Numeric(12, 0), nullable=False)


# ---------------------------------------------------------------------------------------------
# Chain: stores, staff, terminals


class Store(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=32)
    region: str = Field(index=True, max_length=64)
    prefecture: str = Field(max_length=64)
    city: str = Field(max_length=100)
    latitude: float
    longitude: float
    phone: str = Field(max_length=32)
    timezone: str = Field(default="Asia/Tokyo", max_length=64)


class Staff(SQLModel, table=True):
    __table_args__ = (CheckConstraint("role IN ('associate', 'manager', 'admin')", name="role"),)
    id: str = Field(primary_key=True, max_length=36)
    code: str = Field(unique=True, max_length=64)
    name: str = Field(max_length=200)
    name_kana: str = Field(max_length=200)
    role: str = Field(max_length=16)
    store_id: str = Field(foreign_key="store.id", index=True, max_length=36)
    pin_hash: str = Field(max_length=200)
    # Argon2id of the badge code with the database's badge salt (sync.server.pins).
    badge_hash: str | None = Field(default=None, unique=True, max_length=64)
    active: bool = True


class Device(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    store_id: str = Field(foreign_key="store.id", index=True, max_length=36)
    name: str = Field(default="", max_length=100)
    token_hash: str = Field(unique=True, max_length=64)
    registered_by: str = Field(foreign_key="staff.id", max_length=36)
    created_at: datetime = Field(sa_column=_ts())
    revoked: bool = False
    revoked_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    revoked_by: str | None = Field(default=None, max_length=36)
    # When it last called the API (kept to the minute: sync.server.devices).
    last_seen_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class StaffSession(SQLModel, table=True):
    __tablename__ = "staff_session"
    id: str = Field(primary_key=True, max_length=36)
    token_hash: str = Field(unique=True, max_length=64)
    device_id: str = Field(foreign_key="device.id", index=True, max_length=36)
    staff_id: str = Field(foreign_key="staff.id", max_length=36)
    created_at: datetime = Field(sa_column=_ts())
    expires_at: datetime = Field(sa_column=_ts())
    # SHA-256 of the authorship proof handed out with the session: it lets the device push this
    # staff member's offline work later, under a colleague's session, within the maximum
    # offline age (sync.server.push.acting_auth).
    proof_hash: str | None = Field(default=None, unique=True, index=True, max_length=64)
    # Signed out, or replaced by a staff switch: the token stops working (the proof does not).
    ended_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


# ---------------------------------------------------------------------------------------------
# Customers


class Customer(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    family_name: str = Field(max_length=200)
    given_name: str = Field(default="", max_length=200)
    family_kana: str = Field(default="", max_length=200)
    given_kana: str = Field(default="", max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    loyalty_card: str | None = Field(default=None, max_length=64)
    online_account: str | None = Field(default=None, max_length=64)
    birthday: date | None = None
    tier: str = Field(default="regular", max_length=16)
    points: int = 0
    home_store_id: str | None = Field(default=None, max_length=36)
    preferred_staff_id: str | None = Field(default=None, max_length=36)
    merged_into: str | None = Field(default=None, index=True, max_length=36)
    # The bucket the customer's documents travel in ("customers:{region}").
    region: str = Field(index=True, max_length=64)
    created_at: datetime = Field(sa_column=_ts())
    updated_at: datetime = Field(sa_column=_ts())


class CustomerIdentity(SQLModel, table=True):
    """The key of identity resolution: one normalised value belongs to one customer."""

    __tablename__ = "customer_identity"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_identity_kind_value"),)
    id: int | None = Field(default=None, primary_key=True)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    kind: str = Field(max_length=16)
    value: str = Field(max_length=254)


class Consent(SQLModel, table=True):
    """Consent ledger: every grant or withdrawal is a new row; the latest one counts."""

    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    purpose: str = Field(max_length=16)
    channel: str = Field(max_length=16)
    state: str = Field(max_length=16)
    source: str = Field(max_length=32)
    staff_id: str | None = Field(default=None, max_length=36)
    wording_version: str = Field(max_length=32)
    recorded_at: datetime = Field(sa_column=_ts())


# ---------------------------------------------------------------------------------------------
# Catalog and stock


class Product(SQLModel, table=True):
    sku: str = Field(primary_key=True, max_length=64)
    gtin: str = Field(unique=True, max_length=14)
    name: str = Field(max_length=200)
    name_kana: str = Field(default="", max_length=200)
    category: str = Field(index=True, max_length=64)
    brand: str = Field(default="", max_length=100)
    price_jpy: Decimal = Field(sa_column=_money())
    image: str | None = Field(default=None, max_length=500)


class Category(SQLModel, table=True):
    """Catalog data: a category's labels in the staff's languages and its picture."""

    code: str = Field(primary_key=True, max_length=64)
    label_ja: str = Field(max_length=200)
    label_en: str = Field(max_length=200)
    image: str | None = Field(default=None, max_length=500)
    position: int = 0
    # Its products come in sizes worth remembering (clothes, helmets, frames): the profile's
    # sizes are read from these purchases only, not from a lock's length.
    sized: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )


class ProductAccessory(SQLModel, table=True):
    __tablename__ = "product_accessory"
    product_sku: str = Field(foreign_key="product.sku", primary_key=True, max_length=64)
    accessory_sku: str = Field(foreign_key="product.sku", primary_key=True, max_length=64)
    position: int = 0


class Inventory(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("reserved >= 0 AND reserved <= on_hand", name="reserved_within_on_hand"),
    )
    store_id: str = Field(foreign_key="store.id", primary_key=True, max_length=36)
    sku: str = Field(foreign_key="product.sku", primary_key=True, max_length=64)
    on_hand: int = 0
    reserved: int = 0


# ---------------------------------------------------------------------------------------------
# What customers did


class Order(SQLModel, table=True):
    __tablename__ = "orders"  # "order" is an SQL keyword
    __table_args__ = (
        CheckConstraint("channel IN ('store', 'online', 'app', 'phone')", name="channel"),
        Index("ix_orders_attributed_followup", "attributed_followup_id"),
    )
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    channel: str = Field(max_length=16)
    store_id: str | None = Field(default=None, max_length=36)
    ordered_at: datetime = Field(sa_column=_ts())
    total_jpy: Decimal = Field(sa_column=_money())
    status: str = Field(max_length=16)
    attributed_staff_id: str | None = Field(default=None, max_length=36)
    attributed_followup_id: str | None = Field(default=None, max_length=36)
    # Orders sent by another system (sync.server.ingest): its name and its own order id,
    # when the status last changed (changes arriving out of order are put in order by it),
    # and what was given back by returns and cancellations.
    source: str | None = Field(default=None, max_length=64)
    external_id: str | None = Field(default=None, max_length=128)
    status_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    refunded_jpy: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 0)))
    attribution_rule: str | None = Field(default=None, max_length=16)  # "token" | "window"


class OrderLine(SQLModel, table=True):
    __tablename__ = "order_line"
    order_id: str = Field(foreign_key="orders.id", primary_key=True, max_length=36)
    line_no: int = Field(primary_key=True)
    sku: str = Field(max_length=64)
    name: str = Field(max_length=200)
    quantity: int
    unit_price_jpy: Decimal = Field(sa_column=_money())


class Activity(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    channel: str = Field(max_length=16)
    kind: str = Field(max_length=32)
    occurred_at: datetime = Field(sa_column=_ts())
    sku: str | None = Field(default=None, max_length=64)
    summary: str = Field(default="", max_length=2000)
    # Sent by another system: a support inquiry's status ("open" ... "closed"), and when the
    # activity last changed (updates arriving out of order are put in order by it).
    status: str | None = Field(default=None, max_length=16)
    status_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class Interest(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    sku: str | None = Field(default=None, max_length=64)
    category: str | None = Field(default=None, max_length=64)
    comment: str = Field(default="", max_length=2000)
    staff_id: str = Field(max_length=36)
    store_id: str = Field(max_length=36)
    created_at: datetime = Field(sa_column=_ts())
    status: str = Field(default="open", max_length=16)
    status_reason: str | None = Field(default=None, max_length=200)


class Note(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    text: str = Field(sa_column=Column(Text, nullable=False))
    staff_id: str = Field(max_length=36)
    staff_name: str = Field(max_length=200)
    store_id: str = Field(max_length=36)
    created_at: datetime = Field(sa_column=_ts())


class Reservation(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    store_id: str = Field(foreign_key="store.id", index=True, max_length=36)
    # Where the stock is held now: the store itself, or the source store of a transfer until
    # it arrives here.
    stock_store_id: str = Field(foreign_key="store.id", max_length=36)
    # The store a transfer comes from (kept after it arrived), and the online order a pickup
    # is for.
    source_store_id: str | None = Field(default=None, max_length=36)
    order_id: str | None = Field(default=None, max_length=36)
    sku: str = Field(foreign_key="product.sku", max_length=64)
    quantity: int
    kind: str = Field(max_length=16)
    status: str = Field(max_length=16)
    expires_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(sa_column=_ts())
    updated_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    staff_id: str = Field(max_length=36)


class FollowUp(SQLModel, table=True):
    __tablename__ = "followup"
    __table_args__ = (Index("ix_followup_store_due", "store_id", "due_date"),)
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    store_id: str = Field(max_length=36)
    staff_id: str = Field(max_length=36)
    due_date: date
    channel: str = Field(max_length=16)
    kind: str = Field(max_length=16)
    status: str = Field(max_length=16)
    skus_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    note: str = Field(default="", max_length=2000)
    outcome: str = Field(default="", max_length=2000)
    created_at: datetime = Field(sa_column=_ts())
    # Planned by the server (sync.server.planner): the moment to make contact (store time
    # chosen from the customer's history), the rule, and the key that plans it only once.
    due_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    rule_code: str | None = Field(default=None, max_length=40)
    plan_key: str | None = Field(default=None, unique=True, max_length=200)
    purpose: str = Field(default="marketing", max_length=16)
    timing_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    interest_ids_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    order_ids_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    categories_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    reservation_id: str | None = Field(default=None, max_length=36)
    updated_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    result: str | None = Field(default=None, max_length=16)  # done: what was done
    # Its message's delivery (queued, sent, blocked, failed, opened, clicked) and when, and the
    # sale credited to it (sync.server.attribution).
    message_status: str | None = Field(default=None, max_length=16)
    message_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    credited_order_id: str | None = Field(default=None, max_length=36)
    credited_jpy: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 0)))


class StockWatch(SQLModel, table=True):
    """An open interest whose store had none of the product when the planner looked: when
    stock is back, the back-in-stock rule plans a follow-up (and the watch ends)."""

    __tablename__ = "stock_watch"
    interest_id: str = Field(primary_key=True, max_length=36)
    store_id: str = Field(max_length=36)
    sku: str = Field(max_length=64)
    empty_since: datetime = Field(sa_column=_ts())


class MessageTemplate(SQLModel, table=True):
    __tablename__ = "message_template"
    id: str = Field(primary_key=True, max_length=36)
    code: str = Field(unique=True, max_length=64)
    channel: str = Field(max_length=16)
    kind: str = Field(max_length=16)
    title: str = Field(max_length=200)
    body: str = Field(sa_column=Column(Text, nullable=False))
    wording_version: str = Field(max_length=32)
    language: str = Field(default="ja", max_length=8)


class Message(SQLModel, table=True):
    """A message to a customer for a follow-up: composed (draft), approved by a manager, then
    sent by the server's dispatcher (sync.server.dispatch) at most once, consent checked at
    send time. `key` is the idempotency key the provider sees."""

    __tablename__ = "message"
    __table_args__ = (
        Index("ix_message_sent_at", "customer_id", "sent_at"),
        Index("ix_message_store_send_after", "store_id", "send_after"),
    )
    id: str = Field(primary_key=True, max_length=36)
    followup_id: str = Field(index=True, max_length=36)
    customer_id: str = Field(index=True, max_length=36)
    store_id: str = Field(max_length=36)
    channel: str = Field(max_length=16)
    purpose: str = Field(default="marketing", max_length=16)
    language: str = Field(default="ja", max_length=8)
    subject: str = Field(default="", max_length=200)
    body: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(index=True, max_length=16)
    key: str = Field(unique=True, max_length=64)
    created_by: str = Field(max_length=36)
    created_at: datetime = Field(sa_column=_ts())
    approved_by: str | None = Field(default=None, max_length=36)
    approved_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    send_after: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    attempts: int = 0
    lease_owner: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    sent_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    provider_id: str | None = Field(default=None, max_length=200)
    blocked_reason: str | None = Field(default=None, max_length=64)
    last_error: str | None = Field(default=None, max_length=200)
    # The signed cart-link token (sync.server.cart_links) and what the customer did with it.
    link_token: str | None = Field(default=None, max_length=64, unique=True)
    opened_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    clicked_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class ProviderReceipt(SQLModel, table=True):
    """What a provider accepted, by the message's idempotency key, written the moment it
    accepted: a dispatcher that died before recording the send finds it here."""

    __tablename__ = "provider_receipt"
    key: str = Field(primary_key=True, max_length=64)
    provider: str = Field(max_length=32)
    provider_id: str = Field(max_length=200)
    accepted_at: datetime = Field(sa_column=_ts())


class Occasion(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=36)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=36)
    kind: str = Field(max_length=32)
    occasion_date: date
    note: str = Field(default="", max_length=2000)


class AuditEvent(SQLModel, table=True):
    """Who did what to whose data, from which terminal of which store (sync.server.audit).
    Each terminal's events form a hash chain (`seq`, `prev_hash`, `hash`) ending at its
    `audit_chain` head, so a deleted or altered event is found by `audit.verify`."""

    __tablename__ = "audit_event"
    __table_args__ = (
        UniqueConstraint("device_id", "seq", name="uq_audit_device_seq"),
        Index("ix_audit_event_store_time", "store_id", "occurred_at"),
    )
    id: str = Field(primary_key=True, max_length=36)
    staff_id: str = Field(max_length=36)
    device_id: str = Field(max_length=36)
    action: str = Field(max_length=64)
    subject_id: str | None = Field(default=None, max_length=36)
    detail: str = Field(default="", max_length=2000)
    occurred_at: datetime = Field(sa_column=_ts())  # when it happened (the terminal's clock)
    store_id: str | None = Field(default=None, max_length=36)
    customer_id: str | None = Field(default=None, index=True, max_length=36)
    recorded_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    seq: int | None = None
    prev_hash: str | None = Field(default=None, max_length=64)
    hash: str | None = Field(default=None, max_length=64)


class AuditChain(SQLModel, table=True):
    """The head of a terminal's audit chain: its last event's seq and hash."""

    __tablename__ = "audit_chain"
    device_id: str = Field(primary_key=True, max_length=36)
    seq: int = 0
    head_hash: str = Field(default="", max_length=64)


# ---------------------------------------------------------------------------------------------
# Sync bookkeeping


class BucketSeq(SQLModel, table=True):
    """Per-bucket change counter; its row lock orders commits within a bucket."""

    __tablename__ = "bucket_seq"
    bucket: str = Field(primary_key=True, max_length=100)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))


class ChangeRow(SQLModel, table=True):
    """Latest version of each entity per bucket; a new write moves it to a new seq."""

    __tablename__ = "change"
    __table_args__ = (
        UniqueConstraint("bucket", "entity", "entity_id", name="uq_change_entity"),
        Index("ix_change_bucket_seq", "bucket", "seq", unique=True),
    )
    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=100)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    entity: str = Field(max_length=32)
    entity_id: str = Field(max_length=100)
    op: str = Field(max_length=8)
    data_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    changed_at: datetime = Field(sa_column=_ts())


class BucketFloor(SQLModel, table=True):
    """Highest seq of a purged tombstone: a cursor below it has missed a delete."""

    __tablename__ = "bucket_floor"
    bucket: str = Field(primary_key=True, max_length=100)
    min_seq: int = Field(sa_column=Column(BigInteger, nullable=False))


class AppliedMutation(SQLModel, table=True):
    """Each pushed mutation's stored result, so a replay returns it instead of re-applying."""

    __tablename__ = "applied_mutation"
    __table_args__ = (Index("ix_applied_mutation_client_ack", "client_id", "ack_no"),)
    client_id: str = Field(primary_key=True, max_length=64)
    mutation_id: str = Field(primary_key=True, max_length=36)
    body_hash: str = Field(max_length=64)
    result_json: str = Field(sa_column=Column(Text, nullable=False))
    ack_no: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    applied_at: datetime = Field(sa_column=_ts())


class Snapshot(SQLModel, table=True):
    """A ready first sync of some buckets: a terminal-cache file built by the server's snapshot
    builder (opaque here), kept in the snapshot folder, encrypted with `key`."""

    __tablename__ = "snapshot"
    __table_args__ = (Index("ix_snapshot_buckets_format", "buckets", "format", "created_at"),)
    id: str = Field(primary_key=True, max_length=36)
    buckets: str = Field(max_length=1000)  # sorted, comma-separated
    format: int
    cursors: str = Field(sa_column=Column(Text, nullable=False))
    rows: int = Field(sa_column=Column(BigInteger, nullable=False))
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str = Field(max_length=64)
    key: str = Field(max_length=128)
    file_name: str = Field(max_length=200)
    created_at: datetime = Field(sa_column=_ts())


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for bulk and dialect-specific statements."""
    table: Table = getattr(model, "__table__")  # noqa: B009  (SQLModel declares it untyped)
    return table


class AuthThrottle(SQLModel, table=True):
    """Failed sign-ins per key (`staff:<id>`, `code:<hash>`, `device:<id>`, `address:<ip>`)
    and the lockout they led to (sync.server.throttle)."""

    __tablename__ = "auth_throttle"
    key: str = Field(primary_key=True, max_length=100)
    failures: int = 0
    first_failure_at: datetime = Field(sa_column=_ts())
    locked_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class CustomerSummary(SQLModel, table=True):
    """What a profile adds up to, kept current as orders and inquiries arrive
    (sync.server.summaries); travels inside the customer's document."""

    __tablename__ = "customer_summary"
    customer_id: str = Field(primary_key=True, max_length=36)
    data_json: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(sa_column=_ts())


class IntegrationCredential(SQLModel, table=True):
    """What another system presents to send events (`/v1/ingest/...`): one per source, scoped
    to the event kinds it may send, revocable. Only the token's hash is kept."""

    __tablename__ = "integration_credential"
    id: str = Field(primary_key=True, max_length=36)
    source: str = Field(index=True, max_length=64)
    name: str = Field(max_length=200)
    token_hash: str = Field(unique=True, max_length=64)
    kinds: str = Field(max_length=400)  # comma-separated event kinds
    creates_customers: bool = False
    home_store_id: str | None = Field(default=None, max_length=36)
    created_by: str = Field(max_length=36)
    created_at: datetime = Field(sa_column=_ts())
    revoked_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    revoked_by: str | None = Field(default=None, max_length=36)
    last_used_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class IngestedEvent(SQLModel, table=True):
    """Each received event once (source + event_id), with what it did. A status change for an
    order not received yet waits here, its body kept, until the order arrives."""

    __tablename__ = "ingested_event"
    __table_args__ = (Index("ix_ingested_event_waiting", "source", "waiting_for"),)
    source: str = Field(primary_key=True, max_length=64)
    event_id: str = Field(primary_key=True, max_length=128)
    kind: str = Field(max_length=32)
    body_hash: str = Field(max_length=64)
    outcome: str = Field(max_length=16)
    customer_id: str | None = Field(default=None, max_length=36)
    received_at: datetime = Field(sa_column=_ts())
    # The source's order id a waiting status change is for, and the event itself.
    waiting_for: str | None = Field(default=None, max_length=128)
    body_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ServerSecret(SQLModel, table=True):
    """Values this central database makes for itself once (the badge salt: sync.server.pins)."""

    __tablename__ = "server_secret"
    name: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=200)


# ---------------------------------------------------------------------------------------------
# Identity resolution (sync.server.merges)


class ChainRule(SQLModel, table=True):
    """A versioned set of the chain's rules (as data): `kind` names which set ("identity");
    the highest version of a kind is in force, older ones are kept for the record."""

    __tablename__ = "chain_rule"
    __table_args__ = (UniqueConstraint("kind", "version", name="uq_chain_rule_version"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    version: int
    body_json: str = Field(sa_column=Column(Text, nullable=False))
    created_by: str = Field(max_length=36)
    created_at: datetime = Field(sa_column=_ts())


class MergeSuggestion(SQLModel, table=True):
    """Two profiles the rules think may be one person, for a manager of their region to review.
    `first_id` < `second_id`: one row per pair. A dismissed pair (or a merge undone) is never
    suggested or merged by the rules again."""

    __tablename__ = "merge_suggestion"
    __table_args__ = (UniqueConstraint("first_id", "second_id", name="uq_merge_pair"),)
    id: str = Field(primary_key=True, max_length=36)
    region: str = Field(index=True, max_length=64)
    first_id: str = Field(max_length=36)
    second_id: str = Field(max_length=36)
    evidence: str = Field(max_length=200)  # comma-separated
    status: str = Field(max_length=16)  # open, merged, dismissed
    created_at: datetime = Field(sa_column=_ts())
    decided_by: str | None = Field(default=None, max_length=36)
    decided_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class CustomerMerge(SQLModel, table=True):
    """One merge: who was merged into whom, why, by whom, and exactly what moved (row ids per
    table, and the survivor's fields filled from the merged profile), so it can be undone."""

    __tablename__ = "customer_merge"
    id: str = Field(primary_key=True, max_length=36)
    region: str = Field(index=True, max_length=64)
    survivor_id: str = Field(index=True, max_length=36)
    merged_id: str = Field(index=True, max_length=36)
    evidence: str = Field(max_length=200)
    suggestion_id: str | None = Field(default=None, max_length=36)
    merged_by: str | None = Field(default=None, max_length=36)  # None: by the rules
    merged_at: datetime = Field(sa_column=_ts())
    moved_json: str = Field(sa_column=Column(Text, nullable=False))
    undone_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    undone_by: str | None = Field(default=None, max_length=36)
