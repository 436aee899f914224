"""ingestion: integration credentials, received events, orders and activities from other systems

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "integration_credential",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("kinds", sa.String(length=400), nullable=False),
        sa.Column("creates_customers", sa.Boolean(), nullable=False),
        sa.Column("home_store_id", sa.String(length=36), nullable=True),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=36), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index(
        "ix_integration_credential_source", "integration_credential", ["source"], unique=False
    )
    op.create_table(
        "ingested_event",
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("waiting_for", sa.String(length=128), nullable=True),
        sa.Column("body_json", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("source", "event_id"),
    )
    op.create_index(
        "ix_ingested_event_waiting", "ingested_event", ["source", "waiting_for"], unique=False
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("source", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("external_id", sa.String(length=128), nullable=True))
        batch.add_column(sa.Column("status_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("refunded_jpy", sa.Numeric(12, 0), nullable=True))
    with op.batch_alter_table("activity") as batch:
        batch.add_column(sa.Column("status", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("status_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.drop_column("status_at")
        batch.drop_column("status")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("refunded_jpy")
        batch.drop_column("status_at")
        batch.drop_column("external_id")
        batch.drop_column("source")
    op.drop_index("ix_ingested_event_waiting", table_name="ingested_event")
    op.drop_table("ingested_event")
    op.drop_index("ix_integration_credential_source", table_name="integration_credential")
    op.drop_table("integration_credential")
