"""Opening the station database: SQLite in WAL mode with durable commits, migrated on open."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


def head_revisions() -> frozenset[str]:
    """This build's newest migrations, read from the scripts without importing Alembic.

    A start with an up-to-date database then never imports Alembic (a third of a cold start).
    Several heads are allowed: features may add independent migration branches.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found:
            revisions.add(found.group(1))
            down = _DOWN.search(source)
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)) if down else ())
    return frozenset(revisions - parents)


HEAD = ", ".join(sorted(head_revisions()))


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Packstation; opening it could corrupt it."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling delays BEGIN; take control so that a write
        # transaction starts when we say and commits exactly once.
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _begin(conn) -> None:
    # A read-only AUTOCOMMIT connection (the scan path's look-ups) needs no transaction at all.
    options = conn.get_execution_options()
    if options.get("isolation_level") != "AUTOCOMMIT":
        # immediate: take the write lock at BEGIN. A deferred transaction that reads and then
        # writes fails at once with "database is locked" when another connection (the sync
        # worker, the print queue) committed in between: busy_timeout cannot help a stale snapshot.
        # Straight to the driver: this runs on every scan, and SQLAlchemy's statement machinery
        # around a fixed BEGIN costs a tenth of the scan budget (tests/bench/bench_scan.py).
        conn.connection.driver_connection.execute("BEGIN IMMEDIATE" if options.get("immediate") else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: on SQLite it takes the write lock at BEGIN (IMMEDIATE).

    Several threads write the station database (the station, the print queue, the mail and sync
    workers). A deferred transaction that reads and then writes fails at once with "database is
    locked" when another connection committed in between; busy_timeout cannot help it. An
    immediate one waits its turn instead.
    """
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # autocommit at the driver; SQLAlchemy issues BEGIN
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before we tell the packer a scan was accepted (power cuts).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return frozenset()
        return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision(s), for people: "0003" (or "0004, 0005" on branches)."""
    return ", ".join(sorted(current_revisions(engine))) or None


def head_revision() -> str:
    """Alembic's own view of this build's heads (slow: for tests and the CLI)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return ", ".join(sorted(script.get_heads()))


def upgrade(engine: Engine) -> bool:
    """Bring the schema to this build's heads. Returns True when anything was applied."""
    current = current_revisions(engine)
    if current == head_revisions():
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(str(engine.url)))
    unknown = [revision for revision in current if not _known(script, revision)]
    if unknown:
        raise SchemaTooNewError(
            f"This database has schema {', '.join(sorted(unknown))}, written by a newer Packstation. "
            "Install the newer version; this one will not touch the database."
        )
    config = alembic_config(str(engine.url))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    return True


def _known(script: ScriptDirectory, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def open_database(url: str, *, migrate: bool = True) -> tuple[Engine, sessionmaker[Session]]:
    from sqlalchemy.orm import sessionmaker  # the ORM is not imported by a window's start (app/store/tables.py)

    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)
