"""`packstation doctor | setup | support-bundle | autostart`: the IT admin's commands.

app/cli.py calls register(); `python -m app.it.cli ...` runs the same commands alone.
Each handler takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from app.config import ConfigError, station_paths

COMMANDS = ("doctor", "setup", "support-bundle", "autostart")


def register(subparsers: Any) -> None:
    """Adds the IT subcommands to an argparse sub-parser set (each with handler=fn(args) -> int)."""
    doctor = subparsers.add_parser(
        "doctor", help="check this station: configuration, database, printers, devices, system libraries",
        description="Checks the station and prints a short report. Exit 0: fit to pack; 1: a problem was found.")
    doctor.add_argument("--json", action="store_true", help="one JSON document, for monitoring")
    doctor.add_argument("--strict", action="store_true", help="warnings count as problems too (exit 1)")
    doctor.add_argument("--no-devices", action="store_true", help="skip printers, scale and scanners (fast)")
    doctor.add_argument("-v", "--verbose", action="store_true", help="also list the checks that passed quietly")
    doctor.set_defaults(handler=cmd_doctor)

    setup = subparsers.add_parser(
        "setup", help="configure this station (asks, or takes every value as a flag) and register it",
        description="Writes the station file after testing each device. Enter '-' as a value to remove it. "
                    "Exit 0: ready; 1: written, but a device failed its test; 2: nothing written.")
    setup.add_argument("--station", help="station name, e.g. BENCH-07")
    setup.add_argument("--label-printer", metavar="URI", help="e.g. tcp://10.0.0.5:9100")
    setup.add_argument("--document-printer", metavar="URI", help="e.g. cups://Office")
    setup.add_argument("--scale", metavar="URI", help="e.g. serial:///dev/ttyUSB0?protocol=nci")
    setup.add_argument("--scanner", metavar="URI", action="append", dest="scanners",
                       help="a serial scanner (repeat for more); keyboard scanners need none")
    setup.add_argument("--central-url", metavar="URL", help="postgresql://user:password@host/database")
    setup.add_argument("--ship-from", metavar="KEY=VALUE", action="append", dest="ship_from", type=_ship_from_pair,
                       help="the sender on every label, one field at a time: company, name, line1, line2, city, "
                            "region, postcode, country, phone (e.g. --ship-from country=DE)")
    setup.add_argument("--profile", type=Path, metavar="FILE", help="station profile TOML to start from")
    setup.add_argument("-y", "--yes", action="store_true", help="ask nothing: use flags, profile and current file")
    setup.add_argument("--no-test", dest="test_devices", action="store_false", help="do not try the devices")
    setup.add_argument("--no-register", dest="register", action="store_false",
                       help="do not open the database to register the station")
    setup.add_argument("--if-new", action="store_true",
                       help="do nothing when this station already has a configuration (for installers)")
    setup.set_defaults(handler=cmd_setup)

    bundle = subparsers.add_parser("support-bundle", help="zip of configuration (secrets removed), logs, "
                                                          "versions and doctor output for support")
    bundle.add_argument("-o", "--output", type=Path, metavar="FILE.zip", help="default: ./packstation-support-*.zip")
    bundle.add_argument("--no-doctor", dest="doctor", action="store_false", help="leave out the doctor report")
    bundle.set_defaults(handler=cmd_support_bundle)

    autostart = subparsers.add_parser("autostart", help="start the station after login and restart it if it dies")
    actions = autostart.add_subparsers(metavar="ACTION", required=True)
    install = actions.add_parser("install", help="systemd user unit + desktop autostart entry")
    install.add_argument("--kiosk", action="store_true",
                         help="full screen, and restart even when the window is closed")
    install.add_argument("--no-systemctl", dest="activate", action="store_false",
                         help="only write the files (do not run systemctl --user)")
    install.add_argument("--no-sources", dest="sources", action="store_false",
                         help="leave out the shop connector's service (installed when this standalone station "
                              "has a shop connected)")
    install.set_defaults(handler=cmd_autostart_install)
    remove = actions.add_parser("remove", help="remove both files")
    remove.add_argument("--no-systemctl", dest="activate", action="store_false")
    remove.set_defaults(handler=cmd_autostart_remove)
    actions.add_parser("status", help="is autostart installed?").set_defaults(handler=cmd_autostart_status)


# ------------------------------------------------------------------ handlers


def cmd_doctor(args: argparse.Namespace) -> int:
    from app.it.checks import exit_code
    from app.it.doctor import run_doctor

    paths = station_paths()
    _log_to_file(paths)
    # Doctor reads the migration scripts; Alembic's plugin chatter would fill the station log of
    # a bench that monitoring checks every few minutes.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    report = run_doctor(paths, devices=not args.no_devices)
    print(report.json() if args.json else report.text(verbose=args.verbose))
    return exit_code(report.checks, strict=args.strict)


def cmd_setup(args: argparse.Namespace) -> int:
    from app.it.provision import SetupOptions, run_setup, stdin_console

    paths = station_paths()
    _log_to_file(paths)
    options = SetupOptions(station=args.station, label_printer=args.label_printer,
                           document_printer=args.document_printer, scale=args.scale, scanners=args.scanners,
                           central_url=args.central_url, profile=args.profile, yes=args.yes,
                           test_devices=args.test_devices, register=args.register, if_new=args.if_new,
                           ship_from=dict(args.ship_from) if args.ship_from else None)
    return run_setup(options, paths, stdin_console()).code


def _ship_from_pair(text: str) -> tuple[str, str]:
    from app.it.first_start import SHIP_FROM_KEYS

    key, sep, value = text.partition("=")
    key = key.strip().lower()
    if not sep or key not in SHIP_FROM_KEYS:
        raise argparse.ArgumentTypeError(f"{text!r}: give KEY=VALUE with KEY one of {', '.join(SHIP_FROM_KEYS)}")
    return key, value


def cmd_support_bundle(args: argparse.Namespace) -> int:
    from app.config import load_config
    from app.it.support import default_bundle_path, write_bundle

    paths = station_paths()
    _log_to_file(paths)
    try:
        station = load_config(paths).station
    except ConfigError:
        station = "station"
    output = args.output or default_bundle_path(station)
    path, members = write_bundle(paths, output, doctor=args.doctor)
    print(f"support bundle written to {path} ({len(members)} files, secrets removed)")
    return 0


def cmd_autostart_install(args: argparse.Namespace) -> int:
    from app.it import autostart

    if sys.platform != "linux":
        print(_other_platform_help(), file=sys.stderr)
        return 2
    paths = station_paths()
    _target, notes = autostart.install(kiosk=args.kiosk, activate=args.activate,
                                       ui_settings=paths.config_file.with_name("ui.toml"))
    if args.sources:
        notes += _connector_autostart(paths, activate=args.activate)
    for note in notes:
        print(note)
    print("The station starts after the next login" + (" in kiosk mode." if args.kiosk else "."))
    return 0


def _connector_autostart(paths: Any, *, activate: bool) -> list[str]:
    """The shop connector (`packstation sources run`) beside the station, when this standalone station
    has a shop connected: without it orders stop arriving and tracking stops going back at the next
    reboot. A networked station never runs it (one connector serves the warehouse, centrally)."""
    from app.it import autostart

    try:
        from app.config import load_config

        if load_config(paths).central_url:
            return ["shop connector: not here — a networked station's shops are synced by one connector for the "
                    "warehouse (`packstation sources autostart --central` on that machine)"]
    except ConfigError:
        pass
    names = _connected_sources(paths)
    if not names:
        return ["shop connector: no shop connected (after `packstation sources add`, run this again)"]
    _unit, notes = autostart.install_connector(activate=activate)
    return notes + [f"shop connector: starts with the station's user session ({', '.join(names)})"]


def _connected_sources(paths: Any) -> list[str]:
    if not paths.database.exists():
        return []
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(f"sqlite:///{paths.database}")
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("order_sources"):
                return []
            return [row[0] for row in conn.execute(text("SELECT name FROM order_sources ORDER BY name"))]
    finally:
        engine.dispose()


def cmd_autostart_remove(args: argparse.Namespace) -> int:
    from app.it import autostart

    if sys.platform != "linux":
        print(_other_platform_help(), file=sys.stderr)
        return 2
    for note in autostart.remove(activate=args.activate):
        print(note)
    if autostart.connector_installed():
        for note in autostart.remove_connector(activate=args.activate):
            print(note)
    return 0


def cmd_autostart_status(_args: argparse.Namespace) -> int:
    from app.it import autostart

    state = autostart.status()
    if not state["unit"] and not state["desktop"]:
        print("autostart is not installed")
        return 1
    print(f"systemd unit: {state['unit'] or 'missing'}\nautostart entry: {state['desktop'] or 'missing'}\n"
          f"kiosk: {'yes' if state['kiosk'] else 'no'}\n"
          f"shop connector: {'installed' if autostart.connector_installed() else 'not installed'}")
    return 0


def _other_platform_help() -> str:
    return ("packstation autostart is for Linux desktops. On Windows use Task Scheduler "
            "(packaging/windows/packstation-task.xml) or a shortcut in shell:startup; on macOS the launch agent "
            "packaging/macos/com.packstation.station.plist. See docs/it.md, section Autostart.")


def _log_to_file(paths: Any) -> None:
    """Device drivers log their retries; into the station log, not over the report on the terminal."""
    root = logging.getLogger()
    try:
        from app.startup import setup_logging

        paths.log_dir.mkdir(parents=True, exist_ok=True)
        setup_logging(paths)
    except OSError:
        if not root.handlers:
            root.addHandler(logging.NullHandler())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packstation", description="Packstation IT commands.")
    register(parser.add_subparsers(title="commands", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except ConfigError as exc:
        print(f"packstation: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
