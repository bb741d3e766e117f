"""A backup of the station database before every schema upgrade (SQLite online backup API)."""

from __future__ import annotations

import inspect
import sqlite3

import pytest
from alembic import command

import app.startup
from app.it.backup import BackupError, backup_before_upgrade, backups_dir, list_backups, make_backup
from app.store.db import HEAD, alembic_config, current_revision, open_database, sqlite_url, upgrade
from tests.support import seed_small


def older_database(paths, revision: str = "0002") -> None:
    """A station database with orders in it, taken back to an older schema with alembic downgrade."""
    engine, sessions = open_database(sqlite_url(paths.database))
    seed_small(sessions)
    command.downgrade(alembic_config(str(engine.url)), revision)
    assert current_revision(engine) == revision
    engine.dispose()


def test_an_upgrade_is_preceded_by_a_backup_that_opens(paths):
    """GIVEN a database at schema 0002 with orders WHEN the station opens it (backup, then upgrade)
    THEN a backup at 0002 exists in data/backups, opens with sqlite3, holds the orders, and the
    database itself is at this build's schema."""
    older_database(paths)
    engine, _ = open_database(sqlite_url(paths.database), migrate=False)
    backup = backup_before_upgrade(engine, paths)
    assert upgrade(engine) is True
    assert current_revision(engine) == HEAD
    engine.dispose()

    assert backup is not None and backup.parent == backups_dir(paths)
    assert backup.name.startswith("station-0002-") and backup.suffix == ".db"
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        assert copy.execute("SELECT count(*) FROM orders").fetchone()[0] == 6
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    assert not list(backups_dir(paths).glob("*.partial"))


def test_no_backup_when_the_schema_is_current_or_the_database_is_new(paths):
    engine, _ = open_database(sqlite_url(paths.database), migrate=False)
    assert backup_before_upgrade(engine, paths) is None  # no file yet
    upgrade(engine)
    assert backup_before_upgrade(engine, paths) is None  # at HEAD: the every-day start
    engine.dispose()
    assert list_backups(backups_dir(paths)) == []


def test_a_backup_includes_what_is_still_in_the_wal(paths):
    """Copying station.db with cp would miss commits not yet checkpointed; the backup API does not."""
    older_database(paths)
    holder = sqlite3.connect(paths.database)
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("CREATE TABLE wal_probe (note TEXT)")
    holder.execute("INSERT INTO wal_probe VALUES ('committed, not yet checkpointed')")
    holder.commit()
    wal = paths.database.with_name("station.db-wal")
    assert wal.exists() and wal.stat().st_size > 0
    backup = make_backup(paths.database, backups_dir(paths), "0002")
    holder.close()
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT note FROM wal_probe").fetchone() == ("committed, not yet checkpointed",)


def test_only_the_newest_backups_are_kept(paths):
    older_database(paths)
    made = [make_backup(paths.database, backups_dir(paths), "0002", keep=3) for _ in range(5)]
    kept = list_backups(backups_dir(paths))
    assert kept == made[:-4:-1]  # the three newest, newest first


def test_no_upgrade_without_a_backup(paths):
    """GIVEN the backups folder cannot be made WHEN a backup is needed THEN BackupError says what to do
    and the database is left at its old schema."""
    older_database(paths)
    backups_dir(paths).write_text("a file where the folder should be")
    engine, _ = open_database(sqlite_url(paths.database), migrate=False)
    with pytest.raises(BackupError, match="Nothing was changed"):
        backup_before_upgrade(engine, paths)
    assert current_revision(engine) == "0002"
    engine.dispose()


@pytest.mark.skipif("backup_before_upgrade" not in inspect.getsource(app.startup),
                    reason="app/startup.py does not call backup_before_upgrade yet (see docs/it.md, Updates)")
def test_the_station_start_backs_up_before_it_upgrades(paths):
    older_database(paths)
    app.startup.open_bench().close()
    backups = list_backups(backups_dir(paths))
    assert len(backups) == 1 and backups[0].name.startswith("station-0002-")
