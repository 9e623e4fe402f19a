"""Alembic environment: runs on the connection handed in by `ita_desktop.storage.database`."""

from __future__ import annotations

from alembic import context

from ita_desktop.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
