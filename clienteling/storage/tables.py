"""The local cache's schema: SQLModel tables for server state, the outbox and sync state.

The tables live in their own SQLModel registry so the central server's tables (which share the
default `SQLModel.metadata`) never leak into a terminal's cache file.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import registry
from sqlalchemy.schema import CreateIndex
from sqlmodel import Field, SQLModel


class CacheModel(SQLModel, registry=registry()):
    """Base of every cache table; its metadata holds only the cache's tables."""


class SrvStore(CacheModel, table=True):
    __tablename__ = "srv_store"
    id: str = Field(primary_key=True)
    data: str


class SrvStaff(CacheModel, table=True):
    __tablename__ = "srv_staff"
    id: str = Field(primary_key=True)
    store_id: str | None = Field(default=None, index=True)
    data: str


class SrvProduct(CacheModel, table=True):
    __tablename__ = "srv_product"
    sku: str = Field(primary_key=True)
    gtin: str | None = Field(default=None, index=True)
    name: str = ""
    data: str


class SrvInventory(CacheModel, table=True):
    __tablename__ = "srv_inventory"
    id: str = Field(primary_key=True)
    store_id: str = Field(index=True)
    sku: str = Field(index=True)
    data: str


class SrvCustomer(CacheModel, table=True):
    """A customer document plus the normalised keys the counter searches on."""

    __tablename__ = "srv_customer"
    __table_args__ = (
        Index("ix_srv_customer_name_key", "name_key"),
        Index("ix_srv_customer_given_key", "given_key"),
        Index("ix_srv_customer_kana_key", "kana_key"),
        Index("ix_srv_customer_given_kana_key", "given_kana_key"),
        Index("ix_srv_customer_phone", "phone"),
        Index("ix_srv_customer_phone_last4", "phone_last4"),
        Index("ix_srv_customer_email", "email"),
        Index("ix_srv_customer_loyalty_card", "loyalty_card"),
    )
    # An explicit integer rowid alias so the FTS index can point at rows stably across upserts.
    pk: int | None = Field(default=None, primary_key=True)
    id: str = Field(unique=True)
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
    search_text: str = ""  # what the trigram index holds (the reading: kana trigrams are cheap)
    data: str


class SrvOrder(CacheModel, table=True):
    __tablename__ = "srv_order"
    __table_args__ = (Index("ix_srv_order_customer", "customer_id", "ordered_at"),)
    id: str = Field(primary_key=True)
    customer_id: str
    ordered_at: str = ""
    data: str


class SrvActivity(CacheModel, table=True):
    __tablename__ = "srv_activity"
    __table_args__ = (Index("ix_srv_activity_customer", "customer_id", "occurred_at"),)
    id: str = Field(primary_key=True)
    customer_id: str
    occurred_at: str = ""
    data: str


class SrvInterest(CacheModel, table=True):
    __tablename__ = "srv_interest"
    __table_args__ = (Index("ix_srv_interest_customer", "customer_id", "created_at"),)
    id: str = Field(primary_key=True)
    customer_id: str
    created_at: str = ""
    data: str


class SrvNote(CacheModel, table=True):
    __tablename__ = "srv_note"
    __table_args__ = (Index("ix_srv_note_customer", "customer_id", "created_at"),)
    id: str = Field(primary_key=True)
    customer_id: str
    created_at: str = ""
    data: str


class SrvReservation(CacheModel, table=True):
    __tablename__ = "srv_reservation"
    __table_args__ = (Index("ix_srv_reservation_customer", "customer_id", "created_at"),)
    id: str = Field(primary_key=True)
    customer_id: str
    store_id: str = Field(default="", index=True)
    created_at: str = ""
    data: str


class SrvFollowup(CacheModel, table=True):
    __tablename__ = "srv_followup"
    __table_args__ = (Index("ix_srv_followup_customer", "customer_id", "due_date"),)
    id: str = Field(primary_key=True)
    customer_id: str
    store_id: str = Field(default="", index=True)
    due_date: str = ""
    data: str


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


class SyncStateRow(CacheModel, table=True):
    __tablename__ = "sync_state"
    key: str = Field(primary_key=True)
    value: str


SRV_TABLES: tuple[str, ...] = (
    "srv_store",
    "srv_staff",
    "srv_product",
    "srv_inventory",
    "srv_customer",
    "srv_order",
    "srv_activity",
    "srv_interest",
    "srv_note",
    "srv_reservation",
    "srv_followup",
)

# A plain (self-contained) FTS5 table keyed by srv_customer.pk: deleting by rowid needs no
# old values, and a bulk rebuild is one INSERT ... SELECT.
FTS_DDL = "CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts USING fts5(text, tokenize='trigram')"


def srv_index_ddl() -> dict[str, str]:
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
