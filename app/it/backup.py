"""A copy of the station database before a schema upgrade, so a bad migration never costs data.

Called on start, between opening the database and migrating it:

    engine, sessions = open_database(url, migrate=False)
    backup_before_upgrade(engine, paths)   # only does work when an upgrade is pending
    upgrade(engine)

The copy is made with SQLite's online backup API: consistent even while another process (a
second window, `packstation replay`) has the database open, and it includes what is still in
the WAL file — copying station.db with cp would not. Copies go to data_dir/backups as
station-<schema>-<UTC time>.db; the newest KEEP are kept.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from app.config import Paths
from app.domain import clock
from app.private_files import create_private_file, make_private_dir
from app.store.db import HEAD, current_revision

KEEP = 5
log = logging.getLogger(__name__)


class BackupError(RuntimeError):
    """The backup could not be made; the upgrade must not go ahead without one."""


def backups_dir(paths: Paths) -> Path:
    return paths.data_dir / "backups"


def backup_before_upgrade(engine: Engine, paths: Paths, keep: int = KEEP) -> Path | None:
    """Back up a SQLite station database whose schema is older than this build's.

    Returns the backup's path, or None when no backup is needed: the schema is current (the
    every-day start, which costs one small query), the database is new and empty of schema, or
    it is not a SQLite file (a server database has its own backups). Raises BackupError when a
    backup is needed and cannot be made (disk full, folder not writable): better a station that
    does not start, with a clear message, than a migration without a way back.
    """
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    source = Path(database)
    if not source.exists():
        return None
    revision = current_revision(engine)
    if revision is None or revision == HEAD:
        return None
    return make_backup(source, backups_dir(paths), revision, keep=keep)


def make_backup(source: Path, folder: Path, revision: str, keep: int = KEEP) -> Path:
    """Copy `source` into `folder` with the online backup API, check the copy, prune old copies."""
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"station-{revision}-{stamp}.db"
    partial = target.with_name(target.name + ".partial")
    try:
        make_private_dir(folder)
        _check_space(source, folder)
        create_private_file(partial)  # a copy of the station database is as private as the database
        _copy(source, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BackupError(
            f"Could not back up the station database before upgrading it ({exc}). Nothing was changed. "
            f"Free some disk space or make {folder} writable, then start the station again."
        ) from exc
    log.info("database backed up before the schema upgrade from %s: %s", revision, target)
    prune(folder, keep)
    return target


def _check_space(source: Path, folder: Path) -> None:
    wal = source.with_name(source.name + "-wal")
    needed = source.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    free = shutil.disk_usage(folder).free
    # Keep a margin: the migration itself needs room too, and a full disk stops the station.
    if free < needed * 2 + 50_000_000:
        raise OSError(f"only {free // 1_000_000} MB free in {folder}, the copy needs about {needed // 1_000_000} MB "
                      "plus room for the upgrade")


def _copy(source: Path, target: Path) -> None:
    # Not mode=ro: a read-only connection cannot create the WAL index a WAL database needs when
    # no other process has it open. The backup API only reads the source either way.
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            # pages=-1: one step, holding a read snapshot for the whole copy (consistent).
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is a single self-contained file
            row = dst.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                raise sqlite3.DatabaseError(f"the copy failed its check: {row[0] if row else 'no answer'}")
        finally:
            dst.close()
    finally:
        src.close()
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def list_backups(folder: Path) -> list[Path]:
    """Backups, newest first (the name carries the time, so sorting by name is sorting by time)."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("station-*.db"), key=lambda p: p.name.rsplit("-", 1)[-1], reverse=True)


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    removed = []
    for old in list_backups(folder)[max(keep, 1):]:
        try:
            old.unlink()
            removed.append(old)
        except OSError as exc:  # a backup we cannot delete costs disk, not data
            log.warning("could not remove old backup %s: %s", old, exc)
    return removed
