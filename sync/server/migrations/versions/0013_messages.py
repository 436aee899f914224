"""messages: drafts approved by managers and sent once by the server's dispatcher; what
providers accepted by idempotency key; templates per language

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("message_template") as batch:
        batch.add_column(
            sa.Column("language", sa.String(length=8), nullable=False, server_default="ja")
        )
    ts = sa.DateTime(timezone=True)
    op.create_table(
        "message",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("followup_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("approved_at", ts, nullable=True),
        sa.Column("send_after", ts, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(length=64), nullable=True),
        sa.Column("lease_until", ts, nullable=True),
        sa.Column("sent_at", ts, nullable=True),
        sa.Column("provider_id", sa.String(length=200), nullable=True),
        sa.Column("blocked_reason", sa.String(length=64), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_message_followup_id", "message", ["followup_id"])
    op.create_index("ix_message_customer_id", "message", ["customer_id"])
    op.create_index("ix_message_status", "message", ["status"])
    op.create_table(
        "provider_receipt",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("provider_id", sa.String(length=200), nullable=False),
        sa.Column("accepted_at", ts, nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("provider_receipt")
    op.drop_table("message")
    with op.batch_alter_table("message_template") as batch:
        batch.drop_column("language")
