"""follow-up planner: when a planned follow-up is due (to the minute), its rule, a unique plan
key, the timing reason, related interests / orders / categories / reservation; stock_watch for
back-in-stock

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("followup") as batch:
        batch.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("rule_code", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("plan_key", sa.String(length=200), nullable=True))
        batch.add_column(
            sa.Column("purpose", sa.String(length=16), nullable=False, server_default="marketing")
        )
        batch.add_column(sa.Column("timing_json", sa.Text(), nullable=True))
        for name in ("interest_ids_json", "order_ids_json", "categories_json"):
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("reservation_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("result", sa.String(length=16), nullable=True))
        batch.create_unique_constraint("uq_followup_plan_key", ["plan_key"])
    op.create_index("ix_followup_store_due", "followup", ["store_id", "due_date"])
    op.create_table(
        "stock_watch",
        sa.Column("interest_id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("empty_since", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("interest_id"),
    )


def downgrade() -> None:
    op.drop_table("stock_watch")
    op.drop_index("ix_followup_store_due", table_name="followup")
    with op.batch_alter_table("followup") as batch:
        batch.drop_constraint("uq_followup_plan_key", type_="unique")
        for name in (
            "result",
            "updated_at",
            "reservation_id",
            "categories_json",
            "order_ids_json",
            "interest_ids_json",
            "timing_json",
            "purpose",
            "plan_key",
            "rule_code",
            "due_at",
        ):
            batch.drop_column(name)
