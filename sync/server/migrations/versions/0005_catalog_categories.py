"""catalog: categories with labels and pictures, product pictures, store time zones;
why an interest was dismissed

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "category",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("label_ja", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("image", sa.String(length=500), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("product") as batch:
        batch.add_column(sa.Column("image", sa.String(length=500), nullable=True))
    with op.batch_alter_table("store") as batch:
        batch.add_column(
            sa.Column(
                "timezone", sa.String(length=64), nullable=False, server_default="Asia/Tokyo"
            )
        )
    with op.batch_alter_table("interest") as batch:
        batch.add_column(sa.Column("status_reason", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interest") as batch:
        batch.drop_column("status_reason")
    with op.batch_alter_table("store") as batch:
        batch.drop_column("timezone")
    with op.batch_alter_table("product") as batch:
        batch.drop_column("image")
    op.drop_table("category")
