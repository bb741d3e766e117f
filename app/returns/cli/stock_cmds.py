"""`packstation stock ...`: stock per SKU per bin: look up, receive, adjust, move, ship, export.

    packstation stock show SKU | negative | export [-o FILE] [--all]
    packstation stock receive SKU BIN QTY --badge B | adjust SKU BIN DELTA --reason R --badge B
    packstation stock move SKU FROM TO QTY --badge B | ship ORDER | void ORDER | reconcile
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from app.returns.cli.shared import (
    EXIT_OK,
    in_transaction,
    open_bench,
    positive,
    reading,
    sku_bin_args,
    with_user,
    write_out,
)


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



def cmd_stock_show(args: argparse.Namespace) -> int:
    from app.store.inventory import StockReader, movements_of

    bench = open_bench()
    reader = StockReader(bench.engine)
    try:
        view = reader.stock(args.sku)
        out: dict[str, Any] = {"sku": view.sku, "bins": view.bins, "on_hand": view.on_hand,
                               "available": view.available()}
        if args.movements:
            out["movements"] = [{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}
                                for row in movements_of(reader.conn, args.sku)]
    finally:
        reader.close()
        bench.close()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_stock_receive(args: argparse.Namespace) -> int:
    from app.store.inventory import receive

    def run(bench: Any, conn: Any, user: Any) -> int:
        moved = receive(conn, args.sku, args.bin, args.qty, user_id=user.id, reference=args.reference,
                        station=bench.config.station)
        print(f"{args.sku} in {args.bin}: {moved.on_hand}")
        return EXIT_OK

    return with_user(args, run)


def cmd_stock_adjust(args: argparse.Namespace) -> int:
    from app.store.inventory import adjust

    def run(bench: Any, conn: Any, user: Any) -> int:
        moved = adjust(conn, args.sku, args.bin, args.delta, note=args.reason, user_id=user.id,
                       station=bench.config.station)
        print(f"{args.sku} in {args.bin}: {moved.on_hand}")
        return EXIT_OK

    return with_user(args, run)


def cmd_stock_move(args: argparse.Namespace) -> int:
    from app.store.inventory import transfer

    def run(bench: Any, conn: Any, user: Any) -> int:
        out, into = transfer(conn, args.sku, args.from_bin.upper(), args.to_bin.upper(), args.qty, user_id=user.id,
                             station=bench.config.station)
        print(f"{args.sku}: {out.bin} {out.on_hand}, {into.bin} {into.on_hand}")
        return EXIT_OK

    return with_user(args, run)


def cmd_stock_ship(args: argparse.Namespace) -> int:
    from app.store.inventory import record_shipment

    def run(bench: Any, conn: Any) -> int:
        record = record_shipment(conn, args.order, station=bench.config.station)
        if record.already_recorded:
            print(f"order {args.order}: shipment already booked")
        for m in record.moved:
            print(f"{m.sku} {m.bin} {m.delta:+d} -> {m.on_hand}{'  NEGATIVE' if m.negative else ''}")
        return EXIT_OK

    return in_transaction(run)


def cmd_stock_void(args: argparse.Namespace) -> int:
    from app.store.inventory import reverse_shipment

    def run(bench: Any, conn: Any) -> int:
        for m in reverse_shipment(conn, args.order, station=bench.config.station):
            print(f"{m.sku} {m.bin} {m.delta:+d} -> {m.on_hand}")
        return EXIT_OK

    return in_transaction(run)


def cmd_stock_reconcile(_args: argparse.Namespace) -> int:
    from app.store.inventory import reconcile_shipments

    def run(bench: Any, conn: Any) -> int:
        print(f"{reconcile_shipments(conn, station=bench.config.station)} shipment(s) booked")
        return EXIT_OK

    return in_transaction(run)


def cmd_stock_negative(_args: argparse.Namespace) -> int:
    from app.store.inventory import negative_levels

    def run(_bench: Any, conn: Any) -> int:
        for sku, bin_location, qty in negative_levels(conn):
            print(f"{bin_location:12} {sku:24} {qty}")
        return EXIT_OK

    return reading(run)


def cmd_stock_export(args: argparse.Namespace) -> int:
    import io

    from app.store.inventory import export_stock_changes

    def run(_bench: Any, conn: Any) -> int:
        out = io.StringIO()
        count = export_stock_changes(conn, out, everything=args.all, advance=not args.all)
        write_out(out.getvalue(), args.output)
        print(f"{count} SKU(s) exported", file=sys.stderr)
        return EXIT_OK

    return in_transaction(run)
