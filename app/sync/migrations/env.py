"""Alembic environment of the central database (separate from the station's own migrations).

Runs on the connection `app.sync.schema.upgrade` hands over. Its version table is
`central_alembic_version`, so a central schema and a station schema never mistake each other.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.sync.schema.models import metadata

config = context.config
VERSION_TABLE = "central_alembic_version"


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
    context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                      transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()


run()
