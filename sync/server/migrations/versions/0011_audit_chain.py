"""audit trail: the store and customer of each event, when the server received it, and a hash
chain per terminal (seq, prev_hash, hash; the chain's head in audit_chain)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("store_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("customer_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_audit_device_seq", ["device_id", "seq"])
    op.create_index("ix_audit_event_store_time", "audit_event", ["store_id", "occurred_at"])
    op.create_index("ix_audit_event_customer_id", "audit_event", ["customer_id"])
    op.create_table(
        "audit_chain",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )


def downgrade() -> None:
    op.drop_table("audit_chain")
    op.drop_index("ix_audit_event_customer_id", table_name="audit_event")
    op.drop_index("ix_audit_event_store_time", table_name="audit_event")
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_constraint("uq_audit_device_seq", type_="unique")
        for name in ("hash", "prev_hash", "seq", "recorded_at", "customer_id", "store_id"):
            batch.drop_column(name)
