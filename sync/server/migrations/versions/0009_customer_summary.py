"""customer summary: what each profile adds up to (lifetime value, orders, channels, ...);
which categories come in sizes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_summary",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    with op.batch_alter_table("category") as batch:
        batch.add_column(
            sa.Column("sized", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("category") as batch:
        batch.drop_column("sized")
    op.drop_table("customer_summary")
