"""`packstation` and its subcommands.

With no subcommand it opens the station window. Everything a packer does at the window can be
done headless with `packstation replay`, through the same Station.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from app import __version__
from app.config import ConfigError
from app.it.backup import BackupError
from app.station_lock import EXIT_BUSY, StationBusy
from app.store.db import SchemaTooNewError

EXIT_UNPUSHED = 3  # the scans were taken, but events stayed behind: the central database did not get them


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_gui)
    try:
        return handler(args)
    except ConfigError as exc:
        print(f"packstation: configuration error: {exc}", file=sys.stderr)
        return 2
    except (SchemaTooNewError, BackupError) as exc:
        print(f"packstation: {exc}", file=sys.stderr)
        return 2
    except StationBusy as exc:
        print(f"packstation: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a user's mistake in one line (exit 2/1); a bug in one line + the log (app.cli_errors)
        from app.cli_errors import report

        return report(exc)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="packstation", description="Packing station for ecommerce fulfillment.")
    parser.add_argument("--version", action="version", version=f"packstation {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    run = sub.add_parser("run", help="open the station window (the default)")
    run.set_defaults(handler=run_gui)

    db = sub.add_parser("db", help="the station database")
    db_sub = db.add_subparsers(metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="create or migrate the database to this version").set_defaults(
        handler=cmd_db_upgrade)

    imp = sub.add_parser("import", help="load orders, products or cartons from a file")
    imp.add_argument("kind", choices=["orders", "products", "cartons", "labels"],
                     help="labels: carrier labels bought upstream (CSV of order_number,box,tracking_number,file)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=["csv", "json", "shopify"], help="default: detected from the file")
    imp.add_argument("--skip-invalid", action="store_true", help="import the good rows, report the bad ones")
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser("export", help="write pack events or parcels as CSV or JSON")
    exp.add_argument("what", choices=["events", "parcels"])
    exp.add_argument("--format", choices=["csv", "json"], default="csv")
    exp.add_argument("--since", type=_timestamp, help="ISO date or time, e.g. 2026-11-25 or 2026-11-25T08:00")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    exp.set_defaults(handler=cmd_export)

    users = sub.add_parser("users", help="packers, supervisors and admins")
    users_sub = users.add_subparsers(metavar="ACTION", required=True)
    add = users_sub.add_parser("add", help="add a user")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["packer", "supervisor", "admin"])
    add.add_argument("--badge", help="badge barcode id, e.g. P-1003")
    add.add_argument("--pin", action="store_true", help="ask for a PIN (read from standard input when piped)")
    add.set_defaults(handler=cmd_users_add)
    change = users_sub.add_parser(
        "change-pin", help="change a PIN (the current PIN is checked, with the lockout of every sign-in)",
        description="Asks for the current PIN, then the new one (piped: two lines, current then new). "
                    "Supervisors and admins need 6 or more digits. Five wrong PINs lock the account.")
    change.add_argument("who", help="badge id or name")
    change.set_defaults(handler=cmd_users_change_pin)
    unlock = users_sub.add_parser("unlock", help="unlock an account locked after wrong PINs (recorded in the audit)")
    unlock.add_argument("who", help="badge id or name")
    unlock.add_argument("--by", default="", help="who unlocks it (default: the computer's user)")
    unlock.set_defaults(handler=cmd_users_unlock)

    demo = sub.add_parser("demo-data", help="add a realistic demo catalogue, cartons, users and orders")
    demo.add_argument("--orders", type=_positive, default=50)
    demo.add_argument("--seed", type=int, default=7)
    demo.set_defaults(handler=cmd_demo_data)

    sheet = sub.add_parser("demo-sheet", help="print the barcodes a new user needs to try the station")
    sheet.add_argument("-o", "--output", type=Path, required=True)
    sheet.add_argument("--orders", type=_positive, default=4, help="how many orders to include")
    sheet.set_defaults(handler=cmd_demo_sheet)

    from app.sync.cli import register as register_central

    register_central(sub)

    replay = sub.add_parser("replay", help="feed scans (one per line) through the station, print JSON outcomes")
    replay.add_argument("file", help="file of scans, or - for standard input")
    replay.add_argument("--station", help="act as this station (default: the configured one)")
    replay.set_defaults(handler=cmd_replay)

    from app.devices.cli import register as register_devices
    from app.it.cli import register as register_it
    from app.printing.cli import register as register_printing
    from app.returns.cli import register as register_returns
    from app.shipping.cli import register as register_shipping
    from app.supervisor.cli import register as register_supervisor

    register_printing(sub)
    register_devices(sub)
    register_it(sub)
    register_shipping(sub, open_context=_shipping_context)
    from app.effects_cli import register as register_effects

    register_effects(sub)
    register_returns(sub)
    register_supervisor(sub, open_console=_open_supervisor_console)
    from app.shipping.tracking import tracking_url
    from app.sources.cli import register as register_sources

    register_sources(sub, tracking_url=tracking_url)  # the link written back to the shop with each parcel
    return parser


def _open_supervisor_console() -> int:
    """`packstation supervisor`: the console window (the screen is loaded only for this command)."""
    from app.ui.supervisor.app import run

    return run()


def _shipping_context():  # noqa: ANN202 - app.shipping.cli.ShippingContext, imported on use
    """`packstation shipping ...` works on this station's database and settings."""
    from app.shipping.cli import ShippingContext
    from app.shipping.settings import ShippingSettings
    from app.startup import open_bench

    bench = open_bench()
    return ShippingContext(bench.engine, bench.config.shipping or ShippingSettings(), bench.config.ship_from,
                           bench.config.station)


def _timestamp(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date or time: {text!r}") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)


# ---------------------------------------------------------------- commands


def run_gui(_args: argparse.Namespace) -> int:
    from app.ui.fast_start import pause_gc

    pause_gc()
    from app.ui.app import run

    return run()


def cmd_db_upgrade(_args: argparse.Namespace) -> int:
    from app.startup import open_bench
    from app.store.db import current_revision

    bench = open_bench()
    print(f"database {bench.engine.url} is at schema {current_revision(bench.engine)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.startup import open_bench
    from app.store.importing import import_file

    if not args.file.is_file():
        print(f"packstation: no such file: {args.file}", file=sys.stderr)
        return 2
    bench = open_bench()
    if args.kind == "labels":
        from app.store.carrier_labels import import_labels

        report = import_labels(bench.sessions, args.file, skip_invalid=args.skip_invalid)
    else:
        report = import_file(bench.sessions, args.kind, args.file, format=args.format,
                             skip_invalid=args.skip_invalid)
    print(report.summary())
    return 0 if report.committed and not report.errors else 1


def cmd_export(args: argparse.Namespace) -> int:
    from app.startup import open_bench
    from app.store.exporting import export_rows

    bench = open_bench()
    if args.output:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            count = export_rows(bench.sessions, args.what, args.format, out, since=args.since)
        print(f"{count} {args.what} written to {args.output}", file=sys.stderr)
    else:
        export_rows(bench.sessions, args.what, args.format, sys.stdout, since=args.since)
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    from app.startup import open_bench
    from app.store.users import UserError, add_user

    pin = _read_pin() if args.pin else None
    bench = open_bench()
    try:
        user_id = add_user(bench.sessions, args.name, args.role, badge=args.badge, pin=pin)
    except UserError as exc:
        print(f"packstation: {exc}", file=sys.stderr)
        return 1
    print(f"user {user_id} added: {args.name} ({args.role})")
    return 0


def cmd_users_change_pin(args: argparse.Namespace) -> int:
    from app.accounts.pins import PinRefused, for_this_station
    from app.startup import open_bench

    if sys.stdin.isatty():
        current = getpass.getpass("Current PIN: ")
        new = _read_pin(prompt="New PIN")
    else:
        current, new = sys.stdin.readline().strip(), sys.stdin.readline().strip()
    bench = open_bench()
    try:
        signed = for_this_station(bench.engine).change_pin(args.who, current, new, where="cli")
    except PinRefused as exc:
        print(f"packstation: {exc.message}", file=sys.stderr)
        return 1
    finally:
        bench.close()
    print(f"PIN changed for {signed.user.name}")
    return 0


def cmd_users_unlock(args: argparse.Namespace) -> int:
    from app.accounts.pins import for_this_station
    from app.startup import open_bench

    by = args.by or getpass.getuser()
    bench = open_bench()
    try:
        found = for_this_station(bench.engine).unlock(args.who, by=by, where="cli")
    finally:
        bench.close()
    if not found:
        print(f"packstation: no active user {args.who!r}", file=sys.stderr)
        return 1
    print(f"{args.who} unlocked (at this station; a networked warehouse's central lock ends by itself "
          "or when an admin clears pin_guard)")
    return 0


def _read_pin(prompt: str = "PIN") -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} again: ") != first:
        raise SystemExit("packstation: the two PINs differ")
    return first


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.startup import open_bench
    from app.store.demo import seed_demo

    bench = open_bench()
    print(seed_demo(bench.sessions, orders=args.orders, seed=args.seed))
    return 0


def cmd_demo_sheet(args: argparse.Namespace) -> int:
    from app.demo_sheet import write_demo_sheet
    from app.startup import open_bench

    bench = open_bench(seed_demo=True)
    orders = write_demo_sheet(bench, args.output, orders=args.orders)
    print(f"demo sheet with orders {', '.join(orders)} written to {args.output}")
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from app.config import station_paths
    from app.station_lock import hold_station

    # One station process per station folder: refused (exit 75) while the window or another
    # replay runs here; released when this replay ends.
    with hold_station(station_paths().data_dir):
        return _replay(args)


def _replay(args: argparse.Namespace) -> int:
    import queue

    from app.printing import station_output
    from app.startup import open_bench, open_central, open_order_watch, open_station

    bench = open_bench(seed_demo=True)
    if args.station:
        from dataclasses import replace

        bench.config = replace(bench.config, station=args.station)
    path = Path(args.file)
    if args.file != "-" and not path.is_file():
        print(f"packstation: no such file: {path}", file=sys.stderr)
        return 2
    output = station_output(bench)
    changed: queue.Queue[str] = queue.Queue()  # filled by the sync thread, applied between scans
    central = open_central(bench, on_order_changed=changed.put)
    station = open_station(bench, output, central)  # as the window starts it; labels go out while replaying
    # Standalone: a cancellation the shop connector (another process) writes here stops the packer too;
    # replay looks before each scan (the packer would see it there), so it needs no thread.
    watch = open_order_watch(bench, lambda: station, changed.put, start=False) if central is None else None
    unpushed: str | None = None
    try:
        if args.file == "-":
            _print_outcomes(replay_lines(station, sys.stdin.buffer, changed, watch))
        else:
            with path.open("rb") as source:
                _print_outcomes(replay_lines(station, source, changed, watch))
    finally:
        if not output.drain(timeout=15):
            print("packstation: some print jobs are still queued (printer not answering); "
                  "they go out on the next start", file=sys.stderr)
        output.stop()
        station.repo.close()
        if watch is not None:
            watch.stop()
        if central is not None:
            # What was packed reaches the central database before we exit, or the user is told.
            unpushed = central.finish(timeout_s=10)
    if unpushed:
        print(f"packstation: {unpushed}", file=sys.stderr)
        return EXIT_UNPUSHED
    return 0


def _print_outcomes(outcomes: Iterable[dict]) -> None:
    for outcome in outcomes:
        print(json.dumps(outcome, ensure_ascii=False), flush=True)


def replay_lines(station, lines: Iterable[bytes], changed=None, watch=None) -> Iterable[dict]:
    """One outcome per line. Bytes in: a line that is not UTF-8 is a rejected scan, not a crash.

    `changed`: a queue of order numbers changed upstream (the central pull, or the shop connector
    on a standalone station), applied before the next scan; a change that stops the packer is an
    outcome of its own (code order_stopped), as the screen shows it. `watch`: a standalone
    station's app.sources.relay.OrderWatch, asked before each scan (it puts into `changed`).
    """
    for number, line in enumerate(lines, start=1):
        if watch is not None:
            watch.check()
        while changed is not None and not changed.empty():
            stop = station.order_changed(changed.get())
            if stop.feedback:
                yield {**stop.as_json(), "line": number}
        raw = line.rstrip(b"\r\n")
        if not raw.strip():
            continue
        outcome = station.scan(raw).as_json()
        outcome["line"] = number
        yield outcome


if __name__ == "__main__":
    raise SystemExit(main())
