"""The supervisor's decisions through their service, with no window (app.supervisor.actions.SupervisorActions),
and the console's start-up outside the screen (app.supervisor.console_start): which database it
opens and what it calls it, for `packstation supervisor` and for a packing window's button."""

from __future__ import annotations

import argparse
import json
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app.config import station_paths
from app.store.models import Order, PackEvent
from app.supervisor import console_start
from app.supervisor.actions import ActionError, Actor, SupervisorActions, console_name
from app.supervisor.cli import cmd_supervisor, register

SAM = Actor(2, "Sam Supervisor")


def _events(engine, kind: str) -> list[tuple[str, dict]]:
    with engine.connect() as conn:
        rows = conn.execute(select(PackEvent.station, PackEvent.payload).where(PackEvent.type == kind)).all()
    return [(station, json.loads(payload)) for station, payload in rows]


def test_a_hold_is_released_through_the_service_once(engine):
    """GIVEN the shift's held order 1005 and the supervisor's actions service of console SUP-T
    WHEN Sam releases it, and a second console tries the same a moment later
    THEN the order is open again, the decision is one event of SUP-T with who and why, and the second
    try is refused without a second event."""
    actions = SupervisorActions(engine, "SUP-T")
    assert actions.resolve_hold("1005", "release", "replacement socks picked", SAM) == "open"
    with pytest.raises(ActionError, match="not on hold"):
        SupervisorActions(engine, "SUP-OTHER").resolve_hold("1005", "release", "me too", SAM)
    with engine.connect() as conn:
        assert conn.execute(select(Order.status).where(Order.number == "1005")).scalar_one() == "open"
    assert _events(engine, "hold_resolved") == [("SUP-T", {"number": "1005", "action": "release",
                                                           "reason": "replacement socks picked", "by": 2,
                                                           "name": "Sam Supervisor"})]


def test_the_service_records_events_as_its_console_by_default(engine):
    """GIVEN a service made without a console name WHEN it records an event THEN the event carries
    this computer's console name (SUP-<host>), apart from every packing bench."""
    actions = SupervisorActions(engine)
    actions.record(SAM, "report_exported", {"what": "shift report", "where": "/tmp/x.pdf"})
    assert actions.console == console_name()
    assert _events(engine, "report_exported") == [(console_name(), {"what": "shift report",
                                                                     "where": "/tmp/x.pdf"})]


def test_the_console_opens_the_station_file_or_the_configured_database(home):
    """GIVEN a station folder WHEN the console's database is asked for THEN it is the station's
    SQLite file (shown as its path) without a database_url, else that URL (shown without the login)."""
    paths = station_paths().ensure()
    local = console_start.for_station(None, paths)
    assert local.url.startswith("sqlite") and local.is_station_file and local.where == str(paths.database)
    central = console_start.for_station(SimpleNamespace(database_url="postgresql://sup:secret@db1/wh"), paths)
    assert (central.url, central.where, central.is_station_file) == ("postgresql://sup:secret@db1/wh", "db1/wh",
                                                                     False)
    standalone = console_start.standalone()
    assert standalone.url == local.url and standalone.paths.database == paths.database


def test_packstation_supervisor_opens_the_window_the_caller_hands_in():
    """GIVEN the CLI registered with an opener (app.cli hands in the ui's entry point)
    WHEN `packstation supervisor` runs THEN that opener opens the console and its exit code is returned."""
    opened = []
    parser = argparse.ArgumentParser(prog="packstation")
    register(parser.add_subparsers(), open_console=lambda: opened.append("console") or 0)
    args = parser.parse_args(["supervisor"])
    assert args.handler is cmd_supervisor
    assert cmd_supervisor(args) == 0 and opened == ["console"]


def test_packstation_supervisor_opens_the_console_through_the_opener_app_cli_hands_in(capsys):
    """The supervisor's CLI never imports the screen: `packstation` (app.cli) hands it the opener;
    alone (`python -m app.supervisor.cli supervisor`) it says where the console is and exits 2."""
    from app.cli import _open_supervisor_console, build_parser

    assert build_parser().parse_args(["supervisor"]).open_console is _open_supervisor_console
    alone = argparse.ArgumentParser(prog="packstation")
    register(alone.add_subparsers())
    assert cmd_supervisor(alone.parse_args(["supervisor"])) == 2
    assert "packstation supervisor" in capsys.readouterr().err
