"""Alembic environment: migrates the connection handed over by `sync.server.schema`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from sync.server.models import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through sync.server.schema.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
