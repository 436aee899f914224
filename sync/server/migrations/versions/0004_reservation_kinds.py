"""reservation: source store, order and update time; a stock bucket per region

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reservation") as batch:
        batch.add_column(sa.Column("source_store_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("order_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE reservation SET updated_at = created_at")
    op.execute(
        "UPDATE reservation SET source_store_id = stock_store_id "
        "WHERE kind = 'transfer' AND stock_store_id <> store_id"
    )
    # Stock rows move from their store's bucket to their region's stock bucket (the stock of
    # the stores nearby, offline). The old copies go without tombstones: the rows live on.
    op.execute(
        "INSERT INTO change (bucket, seq, entity, entity_id, op, data_json, changed_at) "
        "SELECT 'stock:' || s.region, "
        "ROW_NUMBER() OVER (PARTITION BY s.region ORDER BY c.entity_id), "
        "c.entity, c.entity_id, c.op, c.data_json, c.changed_at "
        "FROM change c JOIN store s ON c.bucket = 'store:' || s.id "
        "WHERE c.entity = 'inventory'"
    )
    op.execute(
        "INSERT INTO bucket_seq (bucket, seq) "
        "SELECT bucket, MAX(seq) FROM change WHERE bucket LIKE 'stock:%' GROUP BY bucket"
    )
    op.execute("DELETE FROM change WHERE entity = 'inventory' AND bucket LIKE 'store:%'")


def downgrade() -> None:
    op.execute("DELETE FROM change WHERE bucket LIKE 'stock:%'")
    op.execute("DELETE FROM bucket_seq WHERE bucket LIKE 'stock:%'")
    with op.batch_alter_table("reservation") as batch:
        batch.drop_column("updated_at")
        batch.drop_column("order_id")
        batch.drop_column("source_store_id")
