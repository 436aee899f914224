"""snapshot: ready-made first syncs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "snapshot",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("buckets", sa.String(length=1000), nullable=False),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column("cursors", sa.Text(), nullable=False),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_snapshot_buckets_format", "snapshot", ["buckets", "format", "created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_snapshot_buckets_format", table_name="snapshot")
    op.drop_table("snapshot")
