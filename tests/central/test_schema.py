"""The central schema: created and upgraded by its own Alembic environment; changes numbered by a sequence."""

from __future__ import annotations

import warnings

from sqlalchemy import create_engine, inspect
from sqlalchemy import exc as sa_exc

from app.sync.cli import main
from app.sync.pg import sqlalchemy_url
from app.sync.schema import HEAD, models, upgrade


def test_central_init_creates_then_finds_the_schema_up_to_date(pg, capsys):
    pg.psql("CREATE DATABASE fresh_init")
    url = pg.admin_url("fresh_init")
    try:
        assert main(["central", "init", url]) == 0
        assert f"(new) -> {HEAD}" in capsys.readouterr().out
        assert main(["central", "init", url]) == 0
        assert "up to date" in capsys.readouterr().out
        assert upgrade(url) == (HEAD, HEAD)
    finally:
        pg.psql("DROP DATABASE fresh_init WITH (FORCE)")


def test_the_models_describe_the_migrated_schema(central):
    engine = create_engine(sqlalchemy_url(central.admin_url))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sa_exc.SAWarning)  # xid8 is not a type SQLAlchemy knows
            found = inspect(engine)
            tables = set(found.get_table_names()) - {"central_alembic_version"}
            assert tables == set(models.metadata.tables)
            for table in models.metadata.sorted_tables:
                columns = {c["name"]: c["nullable"] for c in found.get_columns(table.name)}
                assert columns == {c.name: c.nullable for c in table.columns}, table.name
    finally:
        engine.dispose()


def test_every_order_insert_update_and_cancel_takes_the_next_change_number_and_no_op_updates_do_not(central):
    (number, *_) = central.seed(orders=1)
    seq = lambda: central.value("SELECT change_seq FROM orders WHERE number = %s", (number,))  # noqa: E731
    created = seq()
    central.rows("UPDATE orders SET ship_to_city = 'Lyon' WHERE number = %s", (number,))
    moved = seq()
    central.rows("UPDATE orders SET ship_to_city = 'Lyon' WHERE number = %s", (number,))
    assert seq() == moved  # nothing changed: nothing for stations to pull
    central.rows("UPDATE orders SET status = 'cancelled' WHERE number = %s", (number,))
    assert created < moved < seq()
    products = central.rows("SELECT change_seq FROM products ORDER BY change_seq")
    assert all(value is not None for (value,) in products)
    assert central.value("SELECT change_xid IS NOT NULL FROM orders") is True


def test_pack_events_are_append_only_even_for_the_owner(central):
    import psycopg
    import pytest

    central.rows("INSERT INTO pack_events (uuid, station, station_seq, type, at) "
                 "VALUES (gen_random_uuid(), 'S01', 1, 'signed_in', now())")
    for statement in ("UPDATE pack_events SET type = 'x'", "DELETE FROM pack_events"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            central.rows(statement)
