"""staff_session: authorship proof and end time

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_session") as batch:
        batch.add_column(sa.Column("proof_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_staff_session_proof_hash", "staff_session", ["proof_hash"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_staff_session_proof_hash", table_name="staff_session")
    with op.batch_alter_table("staff_session") as batch:
        batch.drop_column("ended_at")
        batch.drop_column("proof_hash")
