"""Alembic environment: runs on the connection :func:`workstation.cases.db.migrate` hands in."""

from __future__ import annotations

from alembic import context

from workstation.cases.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through workstation.cases.db.migrate()")

context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
