"""`packstation central ...`: set up and look after the central order database.

    packstation central init URL
    packstation central import orders|products|cartons FILE --url URL [--format F] [--skip-invalid]
    packstation central add-station NAME --url ADMIN_URL [--password-file FILE]
    packstation central add-user --name N --role packer --badge P-1001 --url URL
    packstation central release ORDER --url URL        (a supervisor frees a claim)
    packstation central hold ORDER --reason R --url URL / unhold ORDER
    packstation central status --url URL
    packstation central conflicts --url URL [--all] [--resolve ID --by NAME --note TEXT]
    packstation central stock SKU [--bin B] [--movements N] --url URL   (stock of every station)

URL may also come from PACKSTATION_CENTRAL_URL, which keeps a password off the command line
(and out of `ps`). Also runnable as `python -m app.sync.cli central ...`.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

URL_ENV = "PACKSTATION_CENTRAL_URL"
Handler = Callable[[argparse.Namespace], int]


def register(subparsers) -> None:
    """Add the `central` command group to packstation's subcommands."""
    central = subparsers.add_parser("central", help="the central order database (networked stations)")
    sub = central.add_subparsers(metavar="ACTION", required=True)

    init = sub.add_parser("init", help="create or upgrade the central database schema")
    init.add_argument("url", nargs="?", help=f"admin URL (default: ${URL_ENV})")
    init.set_defaults(handler=_guard(cmd_init))

    imp = sub.add_parser("import", help="load orders, products or cartons into the central database")
    imp.add_argument("kind", choices=["orders", "products", "cartons"])
    imp.add_argument("file", type=Path)
    _url(imp)
    imp.add_argument("--format", choices=["csv", "json", "shopify"], help="default: detected from the file")
    imp.add_argument("--skip-invalid", action="store_true", help="import the good rows, report the bad ones")
    imp.set_defaults(handler=_guard(cmd_import))

    demo = sub.add_parser("demo-data", help="load the demo catalogue, cartons, users and orders (to try it out)")
    demo.add_argument("--orders", type=int, default=50, help="how many orders to add (default 50)")
    _url(demo)
    demo.set_defaults(handler=_guard(cmd_demo_data))

    station = sub.add_parser("add-station", help="create a station's database role (or give it a new password)")
    station.add_argument("name", help="the station's name, as in its station.toml [station] name")
    _url(station, "admin URL (a role with CREATEROLE)")
    station.add_argument("--role", help="PostgreSQL role name (default: ps_ + the name in lower case)")
    station.add_argument("--password-file", type=Path,
                         help="write the new password here (mode 0600) instead of printing it")
    station.set_defaults(handler=_guard(cmd_add_station))

    disable = sub.add_parser("disable-station", help="stop a station from logging in; its claims go back")
    disable.add_argument("name")
    _url(disable)
    disable.set_defaults(handler=_guard(cmd_disable_station))

    user = sub.add_parser("add-user", help="add a packer, supervisor or admin for every station")
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True, choices=["packer", "supervisor", "admin"])
    user.add_argument("--badge")
    user.add_argument("--pin", action="store_true", help="ask for a PIN (read from standard input when piped)")
    _url(user)
    user.set_defaults(handler=_guard(cmd_add_user))

    release = sub.add_parser("release", help="free an order a station has claimed (supervisor)")
    release.add_argument("order")
    _url(release)
    release.set_defaults(handler=_guard(cmd_release))

    hold = sub.add_parser("hold", help="put an order on hold; a station packing it is told to stop")
    hold.add_argument("order")
    hold.add_argument("--reason", default="held by a supervisor")
    _url(hold)
    hold.set_defaults(handler=_guard(cmd_hold))

    unhold = sub.add_parser("unhold", help="take an order off hold")
    unhold.add_argument("order")
    _url(unhold)
    unhold.set_defaults(handler=_guard(cmd_unhold))

    status = sub.add_parser("status", help="stations, claims, the queue and open conflicts")
    _url(status)
    status.set_defaults(handler=_guard(cmd_status))

    conflicts = sub.add_parser("conflicts", help="the supervisor's queue of sync conflicts")
    _url(conflicts)
    conflicts.add_argument("--all", action="store_true", help="include resolved ones")
    conflicts.add_argument("--resolve", type=int, metavar="ID")
    conflicts.add_argument("--by", default=os.environ.get("USER", ""), help="who resolved it")
    conflicts.add_argument("--note", default="", help="what was done")
    conflicts.set_defaults(handler=_guard(cmd_conflicts))

    stock = sub.add_parser("stock", help="a SKU's stock per bin, from every station's movements")
    stock.add_argument("sku", nargs="+")
    stock.add_argument("--bin", help="only this bin")
    stock.add_argument("--movements", type=int, default=0, metavar="N", help="also show the latest N movements")
    _url(stock)
    stock.set_defaults(handler=_guard(cmd_stock))


def _url(parser: argparse.ArgumentParser, help_text: str = "central database URL") -> None:
    parser.add_argument("--url", help=f"{help_text} (default: ${URL_ENV})")


def _need_url(args: argparse.Namespace) -> str:
    url = getattr(args, "url", None) or os.environ.get(URL_ENV, "")
    if not url:
        raise SystemExit(f"packstation central: give --url or set {URL_ENV}")
    return url


def _guard(handler: Handler) -> Handler:
    """Turn the errors a person can cause (no server, wrong password, bad schema) into one clear line."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from app.sync.roles import StationRoleError
        from app.sync.schema import CentralSchemaError
        from app.sync.settings import CentralConfigError

        try:
            return handler(args)
        except (CentralSchemaError, StationRoleError, CentralConfigError) as exc:
            print(f"packstation central: {exc}", file=sys.stderr)
            return 1
        except Exception as exc:
            import psycopg
            from sqlalchemy.exc import OperationalError, ProgrammingError

            if isinstance(exc, psycopg.Error | OperationalError | ProgrammingError):
                first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
                print(f"packstation central: database error: {first}", file=sys.stderr)
                return 2
            raise

    return run


# ------------------------------------------------------------------ commands


def cmd_init(args: argparse.Namespace) -> int:
    from app.sync.pg import redact
    from app.sync.schema import upgrade

    url = args.url or os.environ.get(URL_ENV, "")
    if not url:
        raise SystemExit(f"packstation central init: give the URL or set {URL_ENV}")
    before, after = upgrade(url)
    if before == after:
        print(f"central database {redact(url)} is up to date (schema {after})")
    else:
        print(f"central database {redact(url)}: schema {before or '(new)'} -> {after}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.sync.schema import engine_for
    from app.sync.sources import import_file

    if not args.file.is_file():
        print(f"packstation central: no such file: {args.file}", file=sys.stderr)
        return 2
    engine = engine_for(_need_url(args))
    try:
        report = import_file(engine, args.kind, args.file, format=args.format, skip_invalid=args.skip_invalid)
    finally:
        engine.dispose()
    print(report.summary())
    return 0 if report.committed and not report.errors else 1


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.sync.demo import seed_central_demo
    from app.sync.schema import engine_for

    if not 1 <= args.orders <= 100_000:
        print("packstation central: --orders must be 1 to 100000", file=sys.stderr)
        return 2
    engine = engine_for(_need_url(args))
    try:
        demo = seed_central_demo(engine, args.orders)
    finally:
        engine.dispose()
    print(f"demo data: {demo.products} products, {demo.cartons} cartons, {demo.users} users added; "
          f"orders {demo.first_order}-{demo.last_order}; {demo.operations}. Sign in with badge P-1001 "
          "(Alex Packer) or P-1002 (Priya Patel); `packstation demo-sheet` prints the barcodes.")
    return 0


def cmd_add_station(args: argparse.Namespace) -> int:
    from app.sync.roles import add_station, write_password_file

    creds = add_station(_need_url(args), args.name, role=args.role)
    verb = "created" if creds.created else "existed; new password set for"
    print(f"role {creds.role} {verb} station {creds.station}")
    if args.password_file:
        write_password_file(args.password_file, creds.password)
        print(f"password written to {args.password_file} (mode 0600); in the station's station.toml:")
        print(f'  [central]\n  url = "postgresql://{creds.role}@HOST:5432/DATABASE"\n'
              f'  password_file = "{args.password_file}"')
    else:
        print(f"password (shown once): {creds.password}")
    return 0


def cmd_disable_station(args: argparse.Namespace) -> int:
    from app.sync.roles import disable_station

    if not disable_station(_need_url(args), args.name):
        print(f"packstation central: no station {args.name}", file=sys.stderr)
        return 1
    print(f"station {args.name} can no longer log in; its claims went back to the queue")
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    from app.store.users import UserError, check_pin, hash_pin
    from app.sync.pg import admin_connect

    pin_hash = None
    if args.pin:
        pin = sys.stdin.readline().strip() if not sys.stdin.isatty() else getpass.getpass("PIN: ")
        try:
            pin_hash = hash_pin(check_pin(pin, args.role))
        except UserError as exc:
            print(f"packstation central: {exc}", file=sys.stderr)
            return 1
    badge = args.badge.upper() if args.badge else None
    with admin_connect(_need_url(args)) as conn:
        row = conn.execute("INSERT INTO users (name, badge, role, pin_hash) VALUES (%s, %s, %s, %s) "
                           "ON CONFLICT (name) DO UPDATE SET badge = EXCLUDED.badge, role = EXCLUDED.role, "
                           "pin_hash = coalesce(EXCLUDED.pin_hash, users.pin_hash), active = true RETURNING id",
                           (args.name, badge, args.role, pin_hash)).fetchone()
    assert row is not None  # INSERT ... RETURNING gives the row
    print(f"user {row[0]} {args.name} ({args.role}) ready for every station")
    return 0


def _central_number(conn, reference: str) -> str:  # noqa: ANN001 - a psycopg connection
    """The central number of a typed order reference ("#5001" or 5001); the reference itself when none."""
    from app.domain.order_refs import AmbiguousOrderReference, OrderMatch, order_reference_keys

    keys = order_reference_keys(reference)
    rows = conn.execute("SELECT number FROM orders WHERE number = ANY(%s) ORDER BY number LIMIT 8",
                        (list(keys.numbers),)).fetchall()
    if len(rows) > 1:
        raise AmbiguousOrderReference(keys.reference, [OrderMatch(r[0], "", "number") for r in rows])
    return rows[0][0] if rows else reference.upper()


def cmd_release(args: argparse.Namespace) -> int:
    from app.sync.pg import admin_connect

    with admin_connect(_need_url(args)) as conn:
        row = conn.execute("DELETE FROM claims c USING orders o WHERE o.id = c.order_id AND o.number = %s "
                           "RETURNING c.station", (_central_number(conn, args.order),)).fetchone()
    if row is None:
        print(f"order {args.order} is not claimed by any station")
        return 1
    print(f"order {args.order} released from station {row[0]}")
    return 0


def _set_hold(args: argparse.Namespace, held: bool) -> int:
    from app.sync.pg import admin_connect

    with admin_connect(_need_url(args)) as conn:
        number = _central_number(conn, args.order)
        if held:
            row = conn.execute("UPDATE orders SET status = 'held', hold_reason = %s, updated_at = now() "
                               "WHERE number = %s AND status IN ('open', 'packing') RETURNING id",
                               (args.reason, number)).fetchone()
        else:
            row = conn.execute("UPDATE orders SET status = 'open', hold_reason = '', updated_at = now() "
                               "WHERE number = %s AND status = 'held' RETURNING id", (number,)).fetchone()
    if row is None:
        print(f"order {args.order}: no such {'open' if held else 'held'} order", file=sys.stderr)
        return 1
    print(f"order {args.order} {'on hold' if held else 'back in the queue'}")
    return 0


def cmd_hold(args: argparse.Namespace) -> int:
    return _set_hold(args, True)


def cmd_unhold(args: argparse.Namespace) -> int:
    return _set_hold(args, False)


def cmd_status(args: argparse.Namespace) -> int:
    from app.sync.pg import admin_connect

    with admin_connect(_need_url(args)) as conn:
        stations = conn.execute(
            "SELECT s.name, s.role, s.active, s.last_seen_at, count(c.order_id) FILTER (WHERE c.lease_until > now()), "
            "s.version FROM stations s LEFT JOIN claims c ON c.station = s.name GROUP BY s.name ORDER BY s.name"
        ).fetchall()
        statuses: dict[str, int] = dict(conn.execute("SELECT status, count(*) FROM orders GROUP BY status").fetchall())
        conflicts = conn.execute("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL").fetchone()
        assert conflicts is not None  # an aggregate without GROUP BY gives one row
        open_conflicts = conflicts[0]
    print(f"{'station':<20} {'role':<24} {'active':<7} {'claims':>6}  {'version':<10} last seen")
    for name, role, active, seen, held, version in stations:
        seen_text = seen.strftime("%Y-%m-%d %H:%M:%S") if seen else "-"
        print(f"{name:<20} {role:<24} {'yes' if active else 'no':<7} {held:>6}  {version or '-':<10} {seen_text}")
    print("orders: " + ", ".join(f"{status} {count:,}" for status, count in sorted(statuses.items())))
    print(f"open conflicts: {open_conflicts}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from app.sync.pg import admin_connect

    with admin_connect(_need_url(args)) as conn:
        if args.resolve is not None:
            row = conn.execute("UPDATE conflicts SET resolved_at = now(), resolved_by = %s, resolution = %s "
                               "WHERE id = %s AND resolved_at IS NULL RETURNING id",
                               (args.by or "?", args.note, args.resolve)).fetchone()
            print(f"conflict {args.resolve} resolved" if row else f"no open conflict {args.resolve}")
            return 0 if row else 1
        where = "" if args.all else "WHERE resolved_at IS NULL"
        rows = conn.execute("SELECT id, created_at, kind, order_number, station, other_station, detail, resolved_at "
                            f"FROM conflicts {where} ORDER BY id").fetchall()
    for cid, created, kind, number, station, other, detail, resolved in rows:
        other_text = f" (other: {other})" if other else ""
        done = f" [resolved {resolved:%Y-%m-%d %H:%M}]" if resolved else ""
        print(f"{cid:>5} {created:%Y-%m-%d %H:%M} {kind:<28} order {number} at {station}{other_text}: {detail}{done}")
    if not rows:
        print("no open conflicts")
    return 0


def cmd_stock(args: argparse.Namespace) -> int:
    from app.sync.pg import admin_connect
    from app.sync.stock import central_levels, central_movements

    with admin_connect(_need_url(args)) as conn:
        levels = central_levels(conn, args.sku, bin_location=args.bin)
        history = {sku: central_movements(conn, sku, bin_location=args.bin, limit=args.movements)
                   for sku in args.sku} if args.movements > 0 else {}
    found = True
    for sku in dict.fromkeys(args.sku):
        bins = levels.get(sku)
        where = f" in bin {args.bin}" if args.bin else ""
        if not bins:
            print(f"{sku}: no stock recorded{where} at any station")
            found = False
        else:
            print(f"{sku}: {sum(bins.values()):,} on hand{where}")
            for bin_name, on_hand in bins.items():
                flag = "  (negative: count this bin)" if on_hand < 0 else ""
                print(f"  {bin_name:<16} {on_hand:>8,}{flag}")
        for m in history.get(sku, []):
            who = f" by {m.user_name}" if m.user_name else ""
            extra = "".join(f" {part}" for part in (m.reference, f"({m.note})" if m.note else "") if part)
            print(f"    {m.at:%Y-%m-%d %H:%M} {m.station:<10} {m.bin:<12} {m.delta:>+6} {m.reason}{extra}{who}")
    return 0 if found else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packstation")
    register(parser.add_subparsers(metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
