"""app/store/tables.py (the Core tables of the start path) and the ORM models describe the same tables."""

from __future__ import annotations

import pytest

from app.store import models, tables


def _default(column) -> object:  # noqa: ANN001 - a sqlalchemy Column
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        return "callable"  # utcnow, in both (the ORM wraps it; the name is not kept)
    return default.arg


def _shape(column) -> tuple:  # noqa: ANN001 - a sqlalchemy Column
    kind = column.type
    return (column.name, type(kind).__name__, getattr(kind, "length", None), getattr(kind, "timezone", None),
            column.nullable, column.primary_key, bool(column.unique), _default(column),
            column.onupdate is not None, str(column.server_default.arg) if column.server_default else None,
            sorted((fk.target_fullname, fk.ondelete) for fk in column.foreign_keys))


@pytest.mark.parametrize("name", sorted(tables.metadata.tables))
def test_each_core_table_is_its_model_column_for_column(name: str):
    """GIVEN a table of app.store.tables  WHEN compared with the ORM model's table of that name
    THEN the same columns in the same order, with the same types, nullability, keys, uniqueness,
    defaults (on insert and on update) and foreign keys: a Core insert writes what the ORM would."""
    core = tables.metadata.tables[name]
    orm = models.Base.metadata.tables[name]
    assert [_shape(c) for c in core.columns] == [_shape(c) for c in orm.columns]


def test_the_repository_and_the_print_queue_use_the_core_tables():
    """GIVEN the Station's repository, its print queue's job store and the label step's look-up of
    upstream labels  THEN their tables are the Core ones, so a window's start and its first label
    (or a restart re-driving one) never need the ORM's mapped classes."""
    from app.printing import job_store
    from app.store import repository, upstream_labels

    used = {repository._orders, repository._lines, repository._products, repository._barcodes, repository._cartons,
            repository._users, repository._events, repository._serials, repository._parcels, repository._stations,
            repository._intents, job_store._jobs, upstream_labels._labels}
    assert all(table.metadata is tables.metadata for table in used)
    assert {table.name for table in used} == set(tables.metadata.tables)
