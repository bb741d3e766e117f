"""Migration 0005: the tables match the models, evidence is append-only, sequences never repeat."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.store import returns_models
from app.store.models import Base
from app.store.returns_models import next_values

OURS = {table.name for table in Base.metadata.sorted_tables if table.name in {
    "sequences", "return_authorizations", "returns", "return_items", "return_events", "stock_levels",
    "stock_movements", "cycle_counts", "cycle_count_lines", "logistic_units", "logistic_unit_items"}}


def _table_of(diff) -> str | None:
    op = diff[0] if isinstance(diff, list) else diff
    for part in op[1:]:
        name = getattr(part, "name", None) if not hasattr(part, "table") else part.table.name
        if name:
            return name
        if isinstance(part, str):
            return part
    return None


def test_migration_0005_creates_exactly_the_models_tables(db):
    engine, _ = db
    assert len(OURS) == 11 and returns_models.Base is Base
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diffs if _table_of(d) in OURS] == []


@pytest.mark.parametrize("statement", ["update return_events set type = 'x'", "delete from return_events"])
def test_the_return_event_log_is_append_only(db, statement):
    engine, _ = db
    with engine.begin() as conn:
        conn.execute(text("insert into return_events (uuid, station, type, payload, at) "
                          "values ('u1', 'RET-1', 'signed_in', '{}', '2026-11-25')"))
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(text(statement))


def test_sequence_values_are_never_handed_out_twice_even_by_concurrent_writers(db):
    """GIVEN four threads, each with its own connection (as four processes on one SQLite file)
    WHEN each takes 50 batches of 3 SSCC serials  THEN all 600 values are different"""
    engine, _ = db
    taken: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(50):
            with engine.begin() as conn:
                values = next_values(conn, "sscc", 3)
            with lock:
                taken.extend(values)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == list(range(1, 601))
    with pytest.raises(ValueError), engine.begin() as conn:
        next_values(conn, "invoices")
