"""The scan path never checkpoints the WAL itself; a background thread does, once the bench is quiet.

In WAL mode the database file is written only by a checkpoint, so its modification time tells
when one ran.
"""

from __future__ import annotations

import time
from pathlib import Path

from app.store import checkpoint
from app.store.repository import Repository


def _autocheckpoint(raw) -> int:
    return raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]


def _database_written(engine) -> int:
    return Path(engine.url.database).stat().st_mtime_ns


def test_the_scan_writer_leaves_checkpoints_to_the_background(station):
    assert _autocheckpoint(station.repo.writer.connection.driver_connection) == 0


def test_scans_reach_the_database_file_once_the_writes_stop(station, monkeypatch):
    monkeypatch.setattr(checkpoint, "IDLE_SECONDS", 0.3)
    station.repo.close()
    station.repo = Repository(station.repo.engine)  # its checkpointer waits the shortened time
    station.scan("PS:BADGE:P-1")
    station.scan("1001")
    before = _database_written(station.repo.engine)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _database_written(station.repo.engine) == before:
        time.sleep(0.05)
    assert _database_written(station.repo.engine) != before, "no checkpoint after the writes stopped"


def test_a_closed_repository_hands_its_connection_back_checkpointing_as_usual(bench):
    repo = Repository(bench.engine)
    raw = repo.writer.connection.driver_connection
    repo.close()
    assert _autocheckpoint(raw) == checkpoint.DEFAULT_PAGES


def test_no_checkpointer_for_an_in_memory_database():
    from app.store.db import make_engine

    engine = make_engine("sqlite://")
    with engine.connect() as writer:
        assert checkpoint.Checkpointer.for_writer(engine, writer) is None
    engine.dispose()
