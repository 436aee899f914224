"""the dashboard's reads: follow-ups by store and due day, messages by store and time,
orders by the follow-up they are credited to

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
    op.create_index("ix_followup_store_due", "followup", ["store_id", "due_date"], if_not_exists=True)
    op.create_index("ix_message_store_send_after", "message", ["store_id", "send_after"], if_not_exists=True)
    op.create_index("ix_orders_attributed_followup", "orders", ["attributed_followup_id"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_orders_attributed_followup", "orders", if_exists=True)
    op.drop_index("ix_message_store_send_after", "message", if_exists=True)
    op.drop_index("ix_followup_store_due", "followup", if_exists=True)
