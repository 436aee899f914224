"""cart links and attribution: a message's signed link token, when it was opened and clicked;
a follow-up's delivery status and the sale credited to it; the rule that credited an order

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    with op.batch_alter_table("message") as batch:
        batch.add_column(sa.Column("link_token", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("opened_at", ts, nullable=True))
        batch.add_column(sa.Column("clicked_at", ts, nullable=True))
        batch.create_unique_constraint("uq_message_link_token", ["link_token"])
    with op.batch_alter_table("followup") as batch:
        batch.add_column(sa.Column("message_status", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("message_at", ts, nullable=True))
        batch.add_column(sa.Column("credited_order_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("credited_jpy", sa.Numeric(12, 0), nullable=True))
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("attribution_rule", sa.String(length=16), nullable=True))
    op.create_index("ix_message_sent_at", "message", ["customer_id", "sent_at"])


def downgrade() -> None:
    op.drop_index("ix_message_sent_at", "message")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("attribution_rule")
    with op.batch_alter_table("followup") as batch:
        for name in ("credited_jpy", "credited_order_id", "message_at", "message_status"):
            batch.drop_column(name)
    with op.batch_alter_table("message") as batch:
        batch.drop_constraint("uq_message_link_token", type_="unique")
        for name in ("clicked_at", "opened_at", "link_token"):
            batch.drop_column(name)
