"""the dashboard's reads: messages by store and time, orders by the follow-up they are
credited to (follow-ups by store and due day have an index since 0012)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 18:00:00
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_message_store_send_after", "message", ["store_id", "send_after"])
    op.create_index("ix_orders_attributed_followup", "orders", ["attributed_followup_id"])


def downgrade() -> None:
    op.drop_index("ix_orders_attributed_followup", "orders")
    op.drop_index("ix_message_store_send_after", "message")
