"""`packstation stock ...`: stock per SKU per bin: look up, receive, adjust, move, ship, export.

    packstation stock show SKU | negative | export [-o FILE] [--all]
    packstation stock receive SKU BIN QTY --badge B | adjust SKU BIN DELTA --reason R --badge B
    packstation stock move SKU FROM TO QTY --badge B | ship ORDER | void ORDER | reconcile

Every command calls the stock service (app.returns.stock.StockService), as the returns window does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.returns.cli.shared import EXIT_OK, EXIT_USAGE, fail, open_bench, positive, sku_bin_args


def add_parser(sub: Any) -> None:
    p = sub.add_parser("stock", help="stock per SKU per bin: look up, receive, adjust, move, export")
    s = p.add_subparsers(metavar="ACTION", required=True)
    a = s.add_parser("show", help="a SKU's stock per bin and what is available")
    a.add_argument("sku")
    a.add_argument("--movements", action="store_true", help="also list its movements")
    a.set_defaults(handler=cmd_stock_show)
    a = s.add_parser("receive", help="put units away into a bin (a restock)")
    sku_bin_args(a)
    a.add_argument("qty", type=positive)
    a.add_argument("--badge", required=True)
    a.add_argument("--reference", default="")
    a.set_defaults(handler=cmd_stock_receive)
    a = s.add_parser("adjust", help="correct a bin's stock by DELTA units, with a reason")
    sku_bin_args(a)
    a.add_argument("delta", type=int)
    a.add_argument("--reason", required=True)
    a.add_argument("--badge", required=True)
    a.set_defaults(handler=cmd_stock_adjust)
    a = s.add_parser("move", help="move units between bins")
    a.add_argument("sku")
    a.add_argument("from_bin")
    a.add_argument("to_bin")
    a.add_argument("qty", type=positive)
    a.add_argument("--badge", required=True)
    a.set_defaults(handler=cmd_stock_move)
    a = s.add_parser("ship", help="book a packed order's shipment (idempotent)")
    a.add_argument("order")
    a.set_defaults(handler=cmd_stock_ship)
    a = s.add_parser("void", help="put a voided order's units back")
    a.add_argument("order")
    a.set_defaults(handler=cmd_stock_void)
    s.add_parser("reconcile", help="book every packed order that has no shipment yet").set_defaults(
        handler=cmd_stock_reconcile)
    s.add_parser("negative", help="bins below zero: count them first").set_defaults(handler=cmd_stock_negative)
    a = s.add_parser("export", help="CSV (sku,available) of the SKUs changed since the last export")
    a.add_argument("-o", "--output", type=Path)
    a.add_argument("--all", action="store_true", help="every SKU, and leave the cursor alone")
    a.set_defaults(handler=cmd_stock_export)


# ---------------------------------------------------------------- running a command


def _stock(run: Callable[[Any, Any], int], badge: str | None = None) -> int:
    """Open the station, run `run(stock, user)` with the stock service; a refusal is exit 1.

    `badge`: the user a booking is made for; no active user with it is exit 2.
    """
    from app.returns.stock import StockService

    bench = open_bench()
    stock = StockService(bench.engine, station=bench.config.station)
    try:
        user = None
        if badge is not None:
            user = stock.user_by_badge(badge)
            if user is None:
                return fail(f"no active user has badge {badge}", EXIT_USAGE)
        return run(stock, user)
    except (ValueError, PermissionError) as exc:
        return fail(str(exc))
    finally:
        stock.close()
        bench.close()


# ---------------------------------------------------------------- commands


def cmd_stock_show(args: argparse.Namespace) -> int:
    shown: dict[str, Any] = {}

    def run(stock: Any, _user: Any) -> int:
        shown.update(stock.show(args.sku, movements=args.movements))
        return EXIT_OK

    code = _stock(run)
    if code == EXIT_OK:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    return code


def cmd_stock_receive(args: argparse.Namespace) -> int:
    def run(stock: Any, user: Any) -> int:
        moved = stock.receive(args.sku, args.bin, args.qty, user=user, reference=args.reference)
        print(f"{args.sku} in {args.bin}: {moved.on_hand}")
        return EXIT_OK

    return _stock(run, args.badge)


def cmd_stock_adjust(args: argparse.Namespace) -> int:
    def run(stock: Any, user: Any) -> int:
        moved = stock.adjust(args.sku, args.bin, args.delta, note=args.reason, user=user)
        print(f"{args.sku} in {args.bin}: {moved.on_hand}")
        return EXIT_OK

    return _stock(run, args.badge)


def cmd_stock_move(args: argparse.Namespace) -> int:
    def run(stock: Any, user: Any) -> int:
        out, into = stock.move(args.sku, args.from_bin.upper(), args.to_bin.upper(), args.qty, user=user)
        print(f"{args.sku}: {out.bin} {out.on_hand}, {into.bin} {into.on_hand}")
        return EXIT_OK

    return _stock(run, args.badge)


def cmd_stock_ship(args: argparse.Namespace) -> int:
    def run(stock: Any, _user: Any) -> int:
        record = stock.ship(args.order)
        if record.already_recorded:
            print(f"order {args.order}: shipment already booked")
        for m in record.moved:
            print(f"{m.sku} {m.bin} {m.delta:+d} -> {m.on_hand}{'  NEGATIVE' if m.negative else ''}")
        return EXIT_OK

    return _stock(run)


def cmd_stock_void(args: argparse.Namespace) -> int:
    def run(stock: Any, _user: Any) -> int:
        for m in stock.void(args.order):
            print(f"{m.sku} {m.bin} {m.delta:+d} -> {m.on_hand}")
        return EXIT_OK

    return _stock(run)


def cmd_stock_reconcile(_args: argparse.Namespace) -> int:
    def run(stock: Any, _user: Any) -> int:
        print(f"{stock.reconcile()} shipment(s) booked")
        return EXIT_OK

    return _stock(run)


def cmd_stock_negative(_args: argparse.Namespace) -> int:
    def run(stock: Any, _user: Any) -> int:
        for sku, bin_location, qty in stock.negative():
            print(f"{bin_location:12} {sku:24} {qty}")
        return EXIT_OK

    return _stock(run)


def cmd_stock_export(args: argparse.Namespace) -> int:
    """The CSV is written inside the export's transaction: a file that cannot be written leaves the cursor alone."""

    def run(stock: Any, _user: Any) -> int:
        if args.output is None:
            count = stock.export_changes(sys.stdout, everything=args.all, advance=not args.all)
        else:
            with args.output.open("w", encoding="utf-8", newline="") as out:
                count = stock.export_changes(out, everything=args.all, advance=not args.all)
            print(f"written to {args.output}", file=sys.stderr)
        print(f"{count} SKU(s) exported", file=sys.stderr)
        return EXIT_OK

    return _stock(run)
