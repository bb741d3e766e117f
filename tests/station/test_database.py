"""The station database: where it lives, how durable it is, how it is migrated."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.cli import main
from app.startup import open_bench
from app.store.db import SchemaTooNewError, current_revision, head_revision, open_database
from tests.support import seed_small


def test_first_open_creates_a_migrated_wal_database_under_packstation_home(home):
    bench = open_bench()
    assert bench.created and bench.paths.database.is_file()
    assert str(bench.paths.database).startswith(str(home.resolve()))
    with bench.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert current_revision(bench.engine) == head_revision()
    seed_small(bench.sessions)
    bench.close()
    assert not open_bench().created  # "first start" means an empty database, however it came to be


def test_foreign_keys_are_enforced(home):
    bench = open_bench()
    with pytest.raises(Exception, match="FOREIGN KEY"), bench.engine.begin() as conn:
        conn.execute(text("insert into order_lines (order_id, line_no, product_id, quantity) values (999, 1, 999, 1)"))


def test_db_upgrade_command_reports_the_schema(home, capsys):
    assert main(["db", "upgrade"]) == 0
    assert f"is at schema {head_revision()}" in capsys.readouterr().out


def test_a_database_from_a_newer_build_is_refused_untouched(home, tmp_path):
    url = f"sqlite:///{tmp_path}/future.db"
    engine, _ = open_database(url)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(SchemaTooNewError, match="newer Packstation"):
        open_database(url)
    engine, _ = open_database(url, migrate=False)
    assert current_revision(engine) == "9999_from_the_future"


def test_the_build_knows_its_newest_migration_without_asking_alembic():
    from app.store.db import HEAD

    assert head_revision() == HEAD


def test_the_migrations_build_exactly_the_tables_the_models_declare(tmp_path):
    """Every feature's tables (packing, printing, shipping, returns, supervisor indexes) come from
    one chain of migrations with a single head, and nothing in the models is missing from it."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import app.store.returns_models  # noqa: F401 - tables on the same Base
    import app.store.shipping_models  # noqa: F401
    import app.store.sources_models  # noqa: F401
    from app.store.db import head_revisions
    from app.store.models import Base

    assert len(head_revisions()) == 1
    engine, _ = open_database(f"sqlite:///{tmp_path}/all.db")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diffs == []


def test_a_write_transaction_that_reads_first_waits_for_another_writer_instead_of_failing(tmp_path):
    """The stock booking reads, then writes, while the print queue's thread commits: a deferred
    transaction failed at once with "database is locked"; write_transaction waits its turn."""
    import threading

    from app.store.db import write_transaction

    engine, _ = open_database(f"sqlite:///{tmp_path}/race.db")
    read_done, errors = threading.Event(), []

    def reader_then_writer() -> None:
        try:
            with write_transaction(engine) as conn:
                conn.execute(text("SELECT count(*) FROM sync_state")).scalar()
                read_done.set()
                threading.Event().wait(0.3)  # the other thread tries to commit meanwhile
                conn.execute(text("INSERT INTO sync_state (name, value, updated_at) VALUES ('a', '1', '2026-11-26')"))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    first = threading.Thread(target=reader_then_writer)
    first.start()
    read_done.wait(5)
    with write_transaction(engine) as conn:  # blocks until the first commits (busy_timeout), then writes
        conn.execute(text("INSERT INTO sync_state (name, value, updated_at) VALUES ('b', '2', '2026-11-26')"))
    first.join(5)
    with engine.connect() as conn:
        names = sorted(conn.execute(text("SELECT name FROM sync_state")).scalars())
    engine.dispose()
    assert errors == [] and names == ["a", "b"]
