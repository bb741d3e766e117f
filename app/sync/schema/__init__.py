"""Creating and upgrading the central database (its own Alembic environment)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, text

from app.sync.pg import sqlalchemy_url

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
HEAD = "c0007_guard"  # the newest migration in app/sync/migrations/versions
VERSION_TABLE = "central_alembic_version"


class CentralSchemaError(RuntimeError):
    """The database is not a Packstation central database this version can work with."""


def engine_for(url: str) -> Engine:
    return create_engine(sqlalchemy_url(url), pool_pre_ping=True)


def alembic_config(url: str):
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(url: str) -> tuple[str | None, str]:
    """Create or upgrade the central schema; returns (revision before, revision after).

    The admin role running it owns the tables and needs CREATEROLE (for the ps_station group).
    One transaction: a failed upgrade leaves the database as it was.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    engine = engine_for(url)
    try:
        before = current_revision(engine)
        script = ScriptDirectory.from_config(alembic_config(url))
        if before is not None and before not in {rev.revision for rev in script.walk_revisions()}:
            raise CentralSchemaError(f"the central database has schema {before}, written by a newer Packstation; "
                                     "upgrade this installation first")
        if before != script.get_current_head():
            config = alembic_config(url)
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        return before, current_revision(engine) or ""
    finally:
        engine.dispose()


def require_schema(conn) -> str:
    """The central database's id, after checking its schema revision (psycopg connection)."""
    row = conn.execute(f"SELECT (SELECT version_num FROM {VERSION_TABLE}), "
                       "(SELECT value FROM meta WHERE key = 'central_id')").fetchone()
    if row is None or row[0] != HEAD:
        raise CentralSchemaError(f"central schema is {row[0] if row else 'missing'}, this station needs {HEAD}: "
                                 "run `packstation central init URL`")
    return row[1]
