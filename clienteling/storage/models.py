"""The local cache's schema as SQLModel tables: what a new or upgraded cache file is created
from (and the secondary indexes a first sync drops and builds again).

Imported only when a cache is created or migrated, or a first sync loads: a warm start of
the app opens its cache without SQLAlchemy, which is the biggest import it has.

The tables live in their own SQLModel registry so the central server's tables (which share the
default `SQLModel.metadata`) never leak into a terminal's cache file.

Every srv_* table has an integer rowid alias `pk` and a separate unique index on its key: a
first sync appends rows in pk order with every index dropped, then builds the indexes by
sorting once. (Keeping a unique index on random UUIDs during the load dirtied thousands of
index pages per page of changes: most of the load's time went to writing them back.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, create_engine
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import registry
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import CreateIndex
from sqlmodel import Field, SQLModel

from clienteling.storage.tables import SRV_TABLES


class CacheModel(SQLModel, registry=registry()):
    """Base of every cache table; its metadata holds only the cache's tables."""


class SrvCategory(CacheModel, table=True):
    __tablename__ = "srv_category"
    __table_args__ = (Index("ux_srv_category_code", "code", unique=True),)
    pk: int | None = Field(default=None, primary_key=True)
    code: str
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvStore(CacheModel, table=True):
    __tablename__ = "srv_store"
    __table_args__ = (Index("ux_srv_store_id", "id", unique=True),)
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvStaff(CacheModel, table=True):
    __tablename__ = "srv_staff"
    __table_args__ = (Index("ux_srv_staff_id", "id", unique=True),)
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    store_id: str | None = Field(default=None, index=True)
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvProduct(CacheModel, table=True):
    __tablename__ = "srv_product"
    __table_args__ = (Index("ux_srv_product_sku", "sku", unique=True),)
    pk: int | None = Field(default=None, primary_key=True)
    sku: str
    gtin: str | None = Field(default=None, index=True)
    name: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvInventory(CacheModel, table=True):
    __tablename__ = "srv_inventory"
    __table_args__ = (Index("ux_srv_inventory_id", "id", unique=True),)
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    store_id: str = Field(index=True)
    sku: str = Field(index=True)
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvCustomer(CacheModel, table=True):
    """A customer document plus the normalised keys the counter searches on."""

    __tablename__ = "srv_customer"
    __table_args__ = (
        Index("ux_srv_customer_id", "id", unique=True),
        Index("ix_srv_customer_name_key", "name_key"),
        Index("ix_srv_customer_given_key", "given_key"),
        Index("ix_srv_customer_kana_key", "kana_key"),
        Index("ix_srv_customer_given_kana_key", "given_kana_key"),
        Index("ix_srv_customer_phone", "phone"),
        Index("ix_srv_customer_phone_last4", "phone_last4"),
        Index("ix_srv_customer_email", "email"),
        Index("ix_srv_customer_loyalty_card", "loyalty_card"),
    )
    # The trigram index (customer_fts) points at pk.
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    family_name: str = ""
    given_name: str = ""
    family_kana: str = ""
    given_kana: str = ""
    tier: str = ""
    home_store_id: str | None = None
    name_key: str = ""  # match key of family + given (kanji as written)
    given_key: str = ""
    kana_key: str = ""  # hiragana key of family + given reading
    given_kana_key: str = ""
    phone: str | None = None  # E.164
    phone_last4: str | None = None
    email: str | None = None  # lower-cased
    loyalty_card: str | None = None


class SrvCustomerDoc(CacheModel, table=True):
    """The customer payload (JSONB) under its srv_customer pk, apart from the searched row.

    Keeping the ~1 KB payload out of srv_customer makes the narrow table the index builds
    scan several times smaller (a first sync builds eight indexes and the trigram index).
    """

    __tablename__ = "srv_customer_doc"
    pk: int = Field(primary_key=True)
    data: bytes


class SrvOrder(CacheModel, table=True):
    __tablename__ = "srv_order"
    __table_args__ = (
        Index("ux_srv_order_id", "id", unique=True),
        Index("ix_srv_order_customer", "customer_id", "ordered_at"),
    )
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    customer_id: str
    ordered_at: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvActivity(CacheModel, table=True):
    __tablename__ = "srv_activity"
    __table_args__ = (
        Index("ux_srv_activity_id", "id", unique=True),
        Index("ix_srv_activity_customer", "customer_id", "occurred_at"),
    )
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    customer_id: str
    occurred_at: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvInterest(CacheModel, table=True):
    __tablename__ = "srv_interest"
    __table_args__ = (
        Index("ux_srv_interest_id", "id", unique=True),
        Index("ix_srv_interest_customer", "customer_id", "created_at"),
    )
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    customer_id: str
    created_at: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvNote(CacheModel, table=True):
    __tablename__ = "srv_note"
    __table_args__ = (
        Index("ux_srv_note_id", "id", unique=True),
        Index("ix_srv_note_customer", "customer_id", "created_at"),
    )
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    customer_id: str
    created_at: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvReservation(CacheModel, table=True):
    __tablename__ = "srv_reservation"
    __table_args__ = (
        Index("ux_srv_reservation_id", "id", unique=True),
        Index("ix_srv_reservation_customer", "customer_id", "created_at"),
    )
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    customer_id: str
    store_id: str = Field(default="", index=True)
    created_at: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class SrvFollowup(CacheModel, table=True):
    __tablename__ = "srv_followup"
    __table_args__ = (
        Index("ux_srv_followup_id", "id", unique=True),
        Index("ix_srv_followup_customer", "customer_id", "due_date"),
    )
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    customer_id: str
    store_id: str = Field(default="", index=True)
    due_date: str = ""
    data: bytes  # the payload as SQLite JSONB (read it with json(data))


class Outbox(CacheModel, table=True):
    """A pending local change; the row is also the optimistic local copy the UI overlays."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status", "status", "seq"),
        Index("ix_outbox_customer", "customer_id"),
    )
    seq: int | None = Field(default=None, primary_key=True)
    mutation_id: str = Field(unique=True)
    name: str
    version: int = 1
    args_json: str
    # Local-only display facts (staff name, store) the wire args do not carry.
    meta_json: str = "{}"
    customer_id: str | None = None
    summary: str = ""
    status: str = "pending"  # "pending" | "applied" | "rejected"
    attempts: int = 0
    last_error: str | None = None
    created_at: str
    # The server's answer (MutationResult as JSON): a reservation's outcome and, when it was
    # refused, where the stock is free instead.
    result_json: str | None = None


class Notice(CacheModel, table=True):
    """Something the staff member is told about because it happened later, elsewhere or by
    the server's clock: an offline request answered, a hold expired, a transfer arrived."""

    __tablename__ = "notice"
    __table_args__ = (Index("ix_notice_seen", "seen", "seq"),)
    seq: int | None = Field(default=None, primary_key=True)
    kind: str  # "reservation"
    subject_id: str  # the reservation id
    customer_id: str | None = None
    status: str  # the outcome: "confirmed", "rejected", "expired", "ready", ...
    reason: str | None = None
    created_at: str
    seen: int = 0


class SyncStateRow(CacheModel, table=True):
    __tablename__ = "sync_state"
    key: str = Field(primary_key=True)
    value: str


def create_tables(raw: Any) -> None:
    """Create every table the cache lacks, on its open DB-API connection."""
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    CacheModel.metadata.create_all(engine)


def index_ddl() -> dict[str, str]:
    """name -> CREATE INDEX statement of every secondary index on the srv_* tables.

    They are dropped during a first-sync bulk load and built at its end: sorting once is many
    times faster than millions of random B-tree inserts.
    """
    dialect = sqlite.dialect()
    out: dict[str, str] = {}
    for name in SRV_TABLES:
        table = CacheModel.metadata.tables[name]
        for index in table.indexes:
            ddl = CreateIndex(index, if_not_exists=True).compile(dialect=dialect)
            out[str(index.name)] = str(ddl)
    return out
