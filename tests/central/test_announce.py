"""A station tells the central database which build it runs; IT reads it in `central status`."""

from __future__ import annotations

from app import __version__
from app.store.db import current_revision


def test_a_station_announces_its_version_and_schema_when_it_connects(central, make_station):
    station = make_station("S01")
    station.sync()
    version, schema = central.rows("SELECT version, local_schema FROM stations WHERE name = 'S01'")[0]
    assert version == __version__ and schema == current_revision(station.engine)


def test_a_station_role_can_announce_only_itself(central, make_station):
    make_station("S01").sync()
    other = make_station("S02")
    with other.central.connect("test") as conn:
        conn.execute("SELECT ps_announce('9.9.9', 'x')")
        try:
            conn.execute("UPDATE stations SET version = 'forged' WHERE name = 'S01'")
            raised = False
        except Exception:  # noqa: BLE001 - psycopg.errors.InsufficientPrivilege
            raised = True
    assert raised
    assert dict(central.rows("SELECT name, version FROM stations")) == {"S01": __version__, "S02": "9.9.9"}


def test_setup_registers_the_build_through_the_sync_hook(central, tmp_path):
    from app.config import Config
    from app.sync import announce_station
    from app.sync.settings import CentralSettings

    url = central.add_station("S03")
    config = Config(station="S03", central_url=url,
                    central=CentralSettings(url=url, password_file=str(central.passwords["S03"])))
    announce_station(config, version="1.2.3", schema="0007")
    assert central.rows("SELECT version, local_schema FROM stations WHERE name = 'S03'") == [("1.2.3", "0007")]
