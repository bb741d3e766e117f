"""Least privilege: a station's role reads orders, claims through functions, and writes only its own rows."""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest

from app.domain import clock
from app.sync.pg import connect, redact
from app.sync.roles import StationRoleError, add_station
from app.sync.settings import CentralConfigError, CentralSettings, parse_central_table, read_password


def _event(conn, station: str, number: str | None = None) -> str:
    event = str(uuid.uuid4())
    conn.execute("INSERT INTO pack_events (uuid, station, station_seq, order_number, type, payload, at) "
                 "VALUES (%s, %s, 1, %s, 'item_packed', '{}', %s)", (event, station, number, clock.now()))
    return event


def test_a_station_cannot_update_or_delete_another_stations_events_or_its_own(central):
    """GIVEN S01 and S02 each appended an event WHEN S02 updates or deletes S01's event (or its own)
    THEN PostgreSQL refuses: stations have no UPDATE or DELETE on pack_events at all."""
    central.seed(orders=1)
    s1 = connect(central.settings("S01"), purpose="test")
    s2 = connect(central.settings("S02"), purpose="test")
    theirs, mine = _event(s1, "S01"), _event(s2, "S02")
    for statement in ("UPDATE pack_events SET type = 'order_packed' WHERE uuid = %s",
                      "DELETE FROM pack_events WHERE uuid = %s"):
        for target in (theirs, mine):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                s2.execute(statement, (target,))
    assert central.rows("SELECT station, type FROM pack_events ORDER BY station") == [
        ("S01", "item_packed"), ("S02", "item_packed")]


def test_a_station_cannot_write_events_in_another_stations_name_nor_read_them(central):
    central.seed(orders=1)
    s1 = connect(central.settings("S01"), purpose="test")
    s2 = connect(central.settings("S02"), purpose="test")
    _event(s1, "S01")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _event(s2, "S01")
    assert s2.execute("SELECT count(*) FROM pack_events").fetchone()[0] == 0  # sees only its own
    assert s1.execute("SELECT count(*) FROM pack_events").fetchone()[0] == 1


def test_a_station_cannot_touch_another_stations_parcels_orders_or_claims(central):
    (number, *_) = central.seed(orders=1)
    s1 = connect(central.settings("S01"), purpose="test")
    s2 = connect(central.settings("S02"), purpose="test")
    parcel = str(uuid.uuid4())
    s1.execute("INSERT INTO parcels (uuid, order_number, box_no, station, status, created_at) "
               "VALUES (%s, %s, 1, 'S01', 'labelled', now())", (parcel, number))
    assert s2.execute("UPDATE parcels SET status = 'voided' WHERE uuid = %s", (parcel,)).rowcount == 0
    assert central.value("SELECT status FROM parcels") == "labelled"
    for statement in ("UPDATE orders SET status = 'cancelled'", "DELETE FROM claims",
                      "INSERT INTO claims (order_id, station, kind, lease_until) SELECT id, 'S02', 'scan', now() "
                      "FROM orders", "UPDATE stations SET active = false", "DELETE FROM conflicts"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            s2.execute(statement)


def test_a_role_that_is_not_a_station_cannot_claim(central):
    central.seed(orders=1)
    url = central.add_station("S01")
    central.rows("UPDATE stations SET active = false WHERE name = 'S01'")
    conn = psycopg.connect(url, password=central.passwords["S01"].read_text().strip(), autocommit=True)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not an active packing station"):
        conn.execute("SELECT * FROM ps_claim('100001', 60)")


def test_add_station_refuses_bad_names_and_rekeys_an_existing_role(central):
    with pytest.raises(StationRoleError):
        add_station(central.admin_url, "bad name; DROP TABLE orders")
    first = add_station(central.admin_url, "S-09")
    again = add_station(central.admin_url, "S-09")
    assert (first.role, first.created, again.created) == ("ps_s_09", True, False)
    assert first.password != again.password
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(central.pg.tcp_url("ps_s_09", central.db), password=first.password)
    psycopg.connect(central.pg.tcp_url("ps_s_09", central.db), password=again.password).close()
    with pytest.raises(StationRoleError, match="already belongs"):
        add_station(central.admin_url, "OTHER", role="ps_s_09")


def test_a_password_file_readable_by_others_is_refused(tmp_path):
    secret = tmp_path / "central.password"
    secret.write_text("s3cret\n")
    os.chmod(secret, 0o644)
    settings = CentralSettings(url="postgresql://ps_s01@db/warehouse", password_file=str(secret))
    with pytest.raises(CentralConfigError, match="chmod 600"):
        read_password(settings)
    os.chmod(secret, 0o600)
    assert read_password(settings) == "s3cret"


def test_a_password_in_the_url_needs_a_private_config_file(tmp_path):
    config = tmp_path / "station.toml"
    config.write_text('[central]\nurl = "postgresql://ps_s01:pw@db/warehouse"\n')
    os.chmod(config, 0o644)
    with pytest.raises(CentralConfigError, match="can be read by other users"):
        read_password(CentralSettings(url="postgresql://ps_s01:pw@db/warehouse"), config)
    assert redact("postgresql://ps_s01:pw@db/warehouse") == "postgresql://ps_s01:***@db/warehouse"


def test_central_settings_are_validated_with_the_key_named(tmp_path):
    table = {"url": "postgresql://ps_s01@db/w", "sslmode": "verify-full", "sslrootcert": "ca.pem",
             "password_file": "central.password", "preclaim": 5, "lease_seconds": 120}
    settings = parse_central_table(table, base_dir=tmp_path)
    assert (settings.sslmode, settings.preclaim, settings.lease_seconds) == ("verify-full", 5, 120)
    assert settings.sslrootcert == str(tmp_path / "ca.pem")
    for bad, key in (({"sslmode": "maybe"}, "central.sslmode"), ({"preclaim": -1}, "central.preclaim"),
                     ({"lease_seconds": "60"}, "central.lease_seconds"), ({"colour": 1}, "central.colour"),
                     ({"url": "mysql://x"}, "central.url")):
        with pytest.raises(CentralConfigError, match=key.replace(".", r"\.")):
            parse_central_table({**table, **bad})


def test_tls_settings_reach_libpq(central, monkeypatch):
    """sslmode=require against a server without TLS fails to connect: the setting is really passed."""
    settings = central.settings("S01")
    with pytest.raises(psycopg.OperationalError, match="SSL"):
        connect(CentralSettings(**{**settings.__dict__, "sslmode": "require"}), purpose="test")


def test_a_disabled_station_can_no_longer_log_in_and_its_claims_go_back(central):
    from app.sync.cli import main

    (number, *_) = central.seed(orders=1)
    settings = central.settings("S01")
    conn = connect(settings, purpose="test")
    conn.execute("SELECT * FROM ps_claim(%s, 60)", (number,))
    conn.close()
    assert main(["central", "disable-station", "S01", "--url", central.admin_url]) == 0
    assert central.value("SELECT count(*) FROM claims") == 0
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        connect(settings, purpose="test")


def test_return_events_are_append_only_and_written_in_the_stations_own_name_only(central):
    s1 = connect(central.settings("S01"), purpose="test")
    s2 = connect(central.settings("S02"), purpose="test")
    insert = ("INSERT INTO return_events (uuid, station, station_seq, type, payload, at) "
              "VALUES (gen_random_uuid(), %s, 1, 'rma_issued', '{}', now())")
    try:
        s1.execute(insert, ("S01",))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            s1.execute(insert, ("S02",))
        assert s2.execute("SELECT station FROM return_events").fetchall() == [("S01",)]  # every bench reads all
        for statement in ("UPDATE return_events SET type = 'x'", "DELETE FROM return_events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                s1.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            central.rows("DELETE FROM return_events")  # not even the owner
    finally:
        s1.close()
        s2.close()
