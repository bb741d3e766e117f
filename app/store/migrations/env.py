"""Alembic environment: runs on the connection the station hands over, or on the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import app.store.returns_models  # noqa: F401 - their tables are on Base too
import app.store.shipping_models  # noqa: F401
from app.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    assert url, "alembic needs a connection (config.attributes) or sqlalchemy.url"
    engine = create_engine(url)
    with engine.begin() as conn:
        _run_on(conn)


def _run_on(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
