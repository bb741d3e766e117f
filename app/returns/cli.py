"""`packstation returns|stock|count|bulk ...`: returns, inventory, cycle counts and bulk shipments.

    packstation returns replay FILE [--station NAME] [--window-days N]   scans through the returns bench, JSON out
    packstation returns rma ORDER [--reason R] [--tracking T]   issue an RMA and its QR payload
    packstation returns label ORDER [--format pdf|zpl] -o FILE [--rma R] [--no-carrier]   the 4x6 return label
    packstation returns list [--status held] | show NUMBER | refunds [--since SEQ]
    packstation returns approve NUMBER --badge S-2001       close a held return; its refund is ready
    packstation returns release NUMBER ITEM BIN --badge S-2001   quarantine -> sellable bin
    packstation returns report [--days 30]                 return rate by SKU and reason, restock time

    packstation stock show SKU | negative | export [-o FILE] [--all]
    packstation stock receive SKU BIN QTY --badge B | adjust SKU BIN DELTA --reason R --badge B
    packstation stock move SKU FROM TO QTY --badge B | ship ORDER | void ORDER | reconcile

    packstation count start BIN --badge B | scan ID CODE [--qty N] | finish ID | show ID
    packstation count approve ID --badge S | recount ID --badge S | accuracy [--days N]

    packstation bulk demo | auto ORDER [--per-carton N] [--per-pallet M] | carton ORDER SKU=QTY[@LOT] ...
    packstation bulk pallet ORDER SSCC ... | asn ORDER [--format json|csv] [-o F] | labels ORDER -o F | dispatch ORDER

app/cli.py calls register(); `python -m app.returns.cli ...` runs the same commands alone.
Exit codes: 0 done, 1 refused (the message says why), 2 bad arguments or unknown names.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.domain import clock
from app.returns.sscc import DEMO_COMPANY_PREFIX, sscc_options

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    """Adds `returns`, `stock`, `count` and `bulk` to an argparse sub-parser set (handler=fn(args) -> int)."""
    _returns(subparsers)
    _stock(subparsers)
    _count(subparsers)
    _bulk(subparsers)


def _returns(sub: Any) -> None:
    p = sub.add_parser("returns", help="customer returns: replay scans, RMAs, held returns, figures")
    s = p.add_subparsers(metavar="ACTION", required=True)
    a = s.add_parser("replay", help="feed scans (one per line) through the returns bench, print JSON outcomes")
    a.add_argument("file", help="file of scans, or - for standard input")
    a.add_argument("--station", help="act as this station (default: the configured one)")
    a.add_argument("--window-days", type=int, default=None,
                   help="return window in days (default: [returns] window_days in station.toml, else 30)")
    a.set_defaults(handler=cmd_returns_replay)
    a = s.add_parser("rma", help="issue a return authorisation; prints its QR payload")
    a.add_argument("order")
    a.add_argument("--reason", default="")
    a.add_argument("--tracking", help="the return parcel's tracking number, if known")
    a.set_defaults(handler=cmd_returns_rma)
    a = s.add_parser("label", help="the 4x6 return label (RMA QR code); with EasyPost also a prepaid carrier label")
    a.add_argument("order")
    a.add_argument("-o", "--output", type=Path, required=True)
    a.add_argument("--format", choices=["pdf", "zpl"], default="pdf")
    a.add_argument("--dpi", type=int, default=203, choices=[203, 300, 600])
    a.add_argument("--rma", help="this RMA of the order (default: its newest open one, else a new one)")
    a.add_argument("--reason", default="", help="reason for a new RMA")
    a.add_argument("--weight-g", type=_positive, help="the return parcel's weight for the carrier (default: outbound)")
    a.add_argument("--no-carrier", action="store_true", help="do not buy a carrier label even with EasyPost")
    a.set_defaults(handler=cmd_returns_label)
    a = s.add_parser("list", help="returns, newest first")
    a.add_argument("--status", choices=["open", "held", "closed", "abandoned"])
    a.set_defaults(handler=cmd_returns_list)
    a = s.add_parser("show", help="a return's items and events")
    a.add_argument("number")
    a.set_defaults(handler=cmd_returns_show)
    a = s.add_parser("refunds", help="refund_ready events after a cursor, as JSON lines")
    a.add_argument("--since", type=int, default=0, help="the last event seq already handled")
    a.set_defaults(handler=cmd_returns_refunds)
    a = s.add_parser("approve", help="a supervisor approves a held return (its refund becomes ready)")
    a.add_argument("number")
    a.add_argument("--badge", required=True)
    a.set_defaults(handler=cmd_returns_approve)
    a = s.add_parser("release", help="move a quarantined unit to a sellable bin")
    a.add_argument("number")
    a.add_argument("item", type=int)
    a.add_argument("bin")
    a.add_argument("--badge", required=True)
    a.set_defaults(handler=cmd_returns_release)
    a = s.add_parser("report", help="return rate by SKU and reason, restock time, inventory accuracy")
    a.add_argument("--days", type=_positive, default=30)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_returns_report)


def _stock(sub: Any) -> None:
    p = sub.add_parser("stock", help="stock per SKU per bin: look up, receive, adjust, move, export")
    s = p.add_subparsers(metavar="ACTION", required=True)
    a = s.add_parser("show", help="a SKU's stock per bin and what is available")
    a.add_argument("sku")
    a.add_argument("--movements", action="store_true", help="also list its movements")
    a.set_defaults(handler=cmd_stock_show)
    a = s.add_parser("receive", help="put units away into a bin (a restock)")
    _sku_bin(a)
    a.add_argument("qty", type=_positive)
    a.add_argument("--badge", required=True)
    a.add_argument("--reference", default="")
    a.set_defaults(handler=cmd_stock_receive)
    a = s.add_parser("adjust", help="correct a bin's stock by DELTA units, with a reason")
    _sku_bin(a)
    a.add_argument("delta", type=int)
    a.add_argument("--reason", required=True)
    a.add_argument("--badge", required=True)
    a.set_defaults(handler=cmd_stock_adjust)
    a = s.add_parser("move", help="move units between bins")
    a.add_argument("sku")
    a.add_argument("from_bin")
    a.add_argument("to_bin")
    a.add_argument("qty", type=_positive)
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


def _count(sub: Any) -> None:
    p = sub.add_parser("count", help="cycle counts: scan a bin, count it, approve or recount the variance")
    s = p.add_subparsers(metavar="ACTION", required=True)
    a = s.add_parser("start", help="start counting a bin; prints the count id")
    a.add_argument("bin")
    a.add_argument("--badge", required=True)
    a.set_defaults(handler=cmd_count_start)
    a = s.add_parser("scan", help="count a scanned item (GTIN, house code or SKU)")
    a.add_argument("id", type=int)
    a.add_argument("code")
    a.add_argument("--qty", type=int, default=1)
    a.set_defaults(handler=cmd_count_scan)
    for name, handler, text in (("finish", cmd_count_finish, "done counting: show the variance"),
                                ("show", cmd_count_show, "the count so far")):
        a = s.add_parser(name, help=text)
        a.add_argument("id", type=int)
        a.set_defaults(handler=handler)
    for name, handler, text in (("approve", cmd_count_approve, "a supervisor books the variance"),
                                ("recount", cmd_count_recount, "a supervisor asks for a recount")):
        a = s.add_parser(name, help=text)
        a.add_argument("id", type=int)
        a.add_argument("--badge", required=True)
        a.set_defaults(handler=handler)
    a = s.add_parser("accuracy", help="inventory record accuracy of approved counts")
    a.add_argument("--days", type=_positive, default=30)
    a.set_defaults(handler=cmd_count_accuracy)


def _bulk(sub: Any) -> None:
    p = sub.add_parser("bulk", help="wholesale shipments: cartons and pallets with SSCCs, labels, the ASN")
    s = p.add_subparsers(metavar="ACTION", required=True)
    s.add_parser("demo", help="add demo stock, a wholesale order and shipped orders to return").set_defaults(
        handler=cmd_bulk_demo)
    a = s.add_parser("carton", help="close a carton of ORDER with SKU=QTY[@LOT] items; prints its SSCC")
    a.add_argument("order")
    a.add_argument("items", nargs="+", metavar="SKU=QTY[@LOT]")
    a.add_argument("--serials", default="", help="comma-separated serials of a single serialised item")
    a.add_argument("--weight-g", type=_positive)
    _gs1_args(a)
    a.set_defaults(handler=cmd_bulk_carton)
    a = s.add_parser("pallet", help="put cartons (by SSCC) on a pallet; prints its SSCC")
    a.add_argument("order")
    a.add_argument("cartons", nargs="+", metavar="SSCC")
    a.add_argument("--weight-g", type=_positive)
    _gs1_args(a)
    a.set_defaults(handler=cmd_bulk_pallet)
    a = s.add_parser("auto", help="pack what is left of ORDER into full cartons, then cartons onto pallets")
    a.add_argument("order")
    a.add_argument("--per-carton", type=_positive, default=12, help="units per carton (12)")
    a.add_argument("--per-pallet", type=_positive, default=40, help="cartons per pallet (40)")
    _gs1_args(a)
    a.set_defaults(handler=cmd_bulk_auto)
    a = s.add_parser("asn", help="the advance ship notice: pallets -> cartons -> items")
    a.add_argument("order")
    a.add_argument("--format", choices=["json", "csv"], default="json")
    a.add_argument("-o", "--output", type=Path)
    a.set_defaults(handler=cmd_bulk_asn)
    a = s.add_parser("labels", help="render every carton's and pallet's GS1 logistic label")
    a.add_argument("order")
    a.add_argument("-o", "--output", type=Path, required=True)
    a.add_argument("--format", choices=["zpl", "pdf"], default="zpl")
    a.add_argument("--dpi", type=int, default=203)
    a.set_defaults(handler=cmd_bulk_labels)
    a = s.add_parser("dispatch", help="the shipment leaves: stock comes out, the order is packed")
    a.add_argument("order")
    a.add_argument("--allow-short", action="store_true")
    a.set_defaults(handler=cmd_bulk_dispatch)


def _sku_bin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sku")
    parser.add_argument("bin", type=str.upper)


def _gs1_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--company-prefix",
                        help="your GS1 company prefix, 6-12 digits (default: [gs1] company_prefix in station.toml, "
                             f"else the demo's {DEMO_COMPANY_PREFIX})")
    parser.add_argument("--extension-digit", type=int, default=0, choices=range(10),
                        help="SSCC extension digit; standalone stations sharing a prefix each need their own")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)


# ---------------------------------------------------------------- shared


def _bench():  # noqa: ANN202 - app.startup.Bench (imported late: a command's start stays light)
    from app.startup import open_bench

    return open_bench()


def _fail(message: str, code: int = EXIT_REFUSED) -> int:
    print(f"packstation: {message}", file=sys.stderr)
    return code


def _user(conn: Any, badge: str):  # noqa: ANN202 - app.domain.model.User | None
    from sqlalchemy import select

    from app.domain.model import Role, User
    from app.store.models import User as UserRow

    row = conn.execute(select(UserRow.__table__).where(UserRow.__table__.c.badge == badge.upper(),
                                                       UserRow.__table__.c.active.is_(True))).first()
    return User(row.id, row.name, Role(row.role), row.badge) if row else None


def _with_user(args: argparse.Namespace, run: Callable[[Any, Any, Any], int]) -> int:
    """Open the database, find the badge's user, run `run(bench, conn, user)` in one transaction."""
    bench = _bench()
    try:
        with bench.engine.begin() as conn:
            user = _user(conn, args.badge)
            if user is None:
                return _fail(f"no active user has badge {args.badge}", EXIT_USAGE)
            return run(bench, conn, user)
    except (ValueError, PermissionError) as exc:
        return _fail(str(exc))
    finally:
        bench.close()


def _in_transaction(run: Callable[[Any, Any], int]) -> int:
    bench = _bench()
    try:
        with bench.engine.begin() as conn:
            return run(bench, conn)
    except (ValueError, PermissionError) as exc:
        return _fail(str(exc))
    finally:
        bench.close()


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        print(f"written to {output}", file=sys.stderr)


# ---------------------------------------------------------------- returns


def cmd_returns_replay(args: argparse.Namespace) -> int:
    from app.returns.networked import returns_repository
    from app.returns.service import ReturnStation

    bench = _bench()
    path = Path(args.file)
    if args.file != "-" and not path.is_file():
        return _fail(f"no such file: {path}", EXIT_USAGE)
    try:
        rules = bench.config.returns.rules(window_days=args.window_days)
    except ValueError as exc:  # a negative --window-days
        bench.close()
        return _fail(str(exc).replace("returns.window_days", "--window-days"), EXIT_USAGE)
    repo = returns_repository(bench.engine, bench.config, rules=rules)
    station = ReturnStation(repo, station=args.station or bench.config.station, rules=rules)
    try:
        lines: Iterable[bytes] = sys.stdin.buffer if args.file == "-" else path.read_bytes().splitlines()
        for number, line in enumerate(lines, start=1):
            raw = line.rstrip(b"\r\n")
            if raw.strip():
                print(json.dumps({**station.scan(raw).as_json(), "line": number}, ensure_ascii=False), flush=True)
    finally:
        repo.close()
        bench.close()
    return EXIT_OK


def cmd_returns_rma(args: argparse.Namespace) -> int:
    from app.returns.networked import returns_repository

    bench = _bench()
    repo = returns_repository(bench.engine, bench.config)  # networked: the central RMA numbers
    try:
        rma = repo.issue_rma(args.order, reason=args.reason, return_tracking=args.tracking,
                             station=bench.config.station)
    except ValueError as exc:
        return _fail(str(exc))
    finally:
        repo.close()
        bench.close()
    print(json.dumps({"rma": rma.rma, "order": rma.order_number, "qr_payload": rma.qr_payload}))
    return EXIT_OK


def cmd_returns_label(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.returns.asn import ship_from_address
    from app.returns.return_label import (
        ReturnLabelError,
        buy_return_label,
        easypost_source,
        record_return_tracking,
        render,
        return_label_data,
    )
    from app.shipping.errors import ShippingError

    bench = _bench()
    try:
        warehouse = ship_from_address(bench.config.ship_from)
        if not (warehouse.line1 and warehouse.postcode and warehouse.country):
            return _fail("the return label goes to the warehouse: set [ship_from] in station.toml", EXIT_USAGE)
        try:
            data = return_label_data(bench.engine, args.order, warehouse, rma=args.rma, reason=args.reason,
                                     config=bench.config, station=bench.config.station)
        except ReturnLabelError as exc:
            return _fail(str(exc))
        source = None if args.no_carrier else easypost_source(bench.config.shipping)
        carrier_file = None
        if source is not None:
            try:
                bought = buy_return_label(source, data, label_format=args.format, weight_g=args.weight_g)
            except (ReturnLabelError, ShippingError) as exc:
                return _fail(f"no carrier return label for {data.rma}: {exc} (--no-carrier prints ours alone)")
            record_return_tracking(bench.engine, data.rma, bought.tracking_number, station=bench.config.station)
            data = replace(data, return_tracking=bought.tracking_number)
            carrier_file = args.output.with_name(f"{args.output.stem}-carrier.{bought.label_format}")
            carrier_file.write_bytes(bought.label_bytes)
        args.output.write_bytes(render(data, args.format, args.dpi))
    finally:
        bench.close()
    print(json.dumps({"rma": data.rma, "order": data.order_number, "qr_payload": data.qr_payload,
                      "file": str(args.output), "return_tracking": data.return_tracking or None,
                      "carrier_label": str(carrier_file) if carrier_file else None}))
    return EXIT_OK


def cmd_returns_list(args: argparse.Namespace) -> int:
    from app.store.returns import ReturnsRepository

    bench = _bench()
    repo = ReturnsRepository(bench.engine)
    try:
        for r in repo.returns(args.status):
            flags = len(json.loads(r["flags"]))
            print(f"{r['number']:16} {r['status']:9} order {r['order_number']:12} {r['opened_at']:%Y-%m-%d %H:%M} "
                  f"{'LATE ' if r['late'] else ''}{flags} flag(s)")
    finally:
        repo.close()
        bench.close()
    return EXIT_OK


def cmd_returns_show(args: argparse.Namespace) -> int:
    from app.store.returns import ReturnsRepository

    bench = _bench()
    repo = ReturnsRepository(bench.engine)
    try:
        items = [i.as_data() for i in repo.items_of(args.number)]
        events = [{"seq": e.seq, "type": e.type, "at": e.at.isoformat(), **e.data} for e in repo.events_of(args.number)]
    finally:
        repo.close()
        bench.close()
    if not events:
        return _fail(f"no return {args.number}", EXIT_USAGE)
    print(json.dumps({"return": args.number, "items": items, "events": events}, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_returns_refunds(args: argparse.Namespace) -> int:
    from app.store.returns import ReturnsRepository

    bench = _bench()
    repo = ReturnsRepository(bench.engine)
    try:
        for e in repo.refunds_since(args.since):
            print(json.dumps({"seq": e.seq, "at": e.at.isoformat(), **e.data}, ensure_ascii=False))
    finally:
        repo.close()
        bench.close()
    return EXIT_OK


def cmd_returns_approve(args: argparse.Namespace) -> int:
    from app.returns.networked import returns_repository

    bench = _bench()
    rules = bench.config.returns.rules()
    repo = returns_repository(bench.engine, bench.config, rules=rules)
    try:
        user = repo.user_by_badge(args.badge)
        if user is None:
            return _fail(f"no active user has badge {args.badge}", EXIT_USAGE)
        repo.approve_held(args.number, user, station=bench.config.station, rules=rules)
    except (ValueError, PermissionError) as exc:
        return _fail(str(exc))
    finally:
        repo.close()
        bench.close()
    print(f"return {args.number} approved and closed; refund is ready")
    return EXIT_OK


def cmd_returns_release(args: argparse.Namespace) -> int:
    from app.returns.networked import returns_repository

    bench = _bench()
    repo = returns_repository(bench.engine, bench.config, rules=bench.config.returns.rules())  # quarantine: unsellable
    try:
        user = repo.user_by_badge(args.badge)
        if user is None:
            return _fail(f"no active user has badge {args.badge}", EXIT_USAGE)
        repo.release_from_quarantine(args.number, args.item, args.bin, user, station=bench.config.station)
    except (ValueError, PermissionError) as exc:
        return _fail(str(exc))
    finally:
        repo.close()
        bench.close()
    print(f"item {args.item} of return {args.number} moved to {args.bin.upper()}")
    return EXIT_OK


def cmd_returns_report(args: argparse.Namespace) -> int:
    from app.store.inventory import inventory_accuracy
    from app.store.returns import restock_times, return_rates

    until = clock.now() + timedelta(seconds=1)
    since = until - timedelta(days=args.days)

    def run(_bench: Any, conn: Any) -> int:
        rates = return_rates(conn, since, until)
        times = restock_times(conn, since, until)
        acc = inventory_accuracy(conn, since, until)
        if args.json:
            print(json.dumps({
                "since": since.isoformat(), "until": until.isoformat(),
                "return_rates": [{"sku": r.sku, "shipped": r.shipped, "returned": r.returned,
                                  "rate": round(r.rate, 4), "reasons": r.reasons} for r in rates],
                "restock_hours": {"units": times.units, "median": round(times.median_hours, 2),
                                  "p90": round(times.p90_hours, 2), "max": round(times.max_hours, 2)},
                "inventory_accuracy": {"lines": acc.lines, "line_accuracy": round(acc.line_accuracy, 4),
                                       "unit_accuracy": round(acc.unit_accuracy, 4)}}, indent=2))
            return EXIT_OK
        print(f"last {args.days} days\n\n{'SKU':24} {'shipped':>8} {'returned':>8} {'rate':>7}  reasons")
        for r in rates:
            reasons = ", ".join(f"{k} {v}" for k, v in sorted(r.reasons.items(), key=lambda kv: -kv[1]))
            print(f"{r.sku:24} {r.shipped:8} {r.returned:8} {r.rate:7.1%}  {reasons}")
        print(f"\nrestock time: {times.units} unit(s), median {times.median_hours:.1f} h, p90 {times.p90_hours:.1f} h, "
              f"max {times.max_hours:.1f} h")
        print(f"inventory accuracy: {acc.line_accuracy:.1%} of {acc.lines} counted line(s) right, "
              f"units {acc.unit_accuracy:.1%}")
        return EXIT_OK

    return _in_transaction(run)


# ---------------------------------------------------------------- stock


def cmd_stock_show(args: argparse.Namespace) -> int:
    from app.store.inventory import StockReader, movements_of

    bench = _bench()
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

    return _with_user(args, run)


def cmd_stock_adjust(args: argparse.Namespace) -> int:
    from app.store.inventory import adjust

    def run(bench: Any, conn: Any, user: Any) -> int:
        moved = adjust(conn, args.sku, args.bin, args.delta, note=args.reason, user_id=user.id,
                       station=bench.config.station)
        print(f"{args.sku} in {args.bin}: {moved.on_hand}")
        return EXIT_OK

    return _with_user(args, run)


def cmd_stock_move(args: argparse.Namespace) -> int:
    from app.store.inventory import transfer

    def run(bench: Any, conn: Any, user: Any) -> int:
        out, into = transfer(conn, args.sku, args.from_bin.upper(), args.to_bin.upper(), args.qty, user_id=user.id,
                             station=bench.config.station)
        print(f"{args.sku}: {out.bin} {out.on_hand}, {into.bin} {into.on_hand}")
        return EXIT_OK

    return _with_user(args, run)


def cmd_stock_ship(args: argparse.Namespace) -> int:
    from app.store.inventory import record_shipment

    def run(bench: Any, conn: Any) -> int:
        record = record_shipment(conn, args.order, station=bench.config.station)
        if record.already_recorded:
            print(f"order {args.order}: shipment already booked")
        for m in record.moved:
            print(f"{m.sku} {m.bin} {m.delta:+d} -> {m.on_hand}{'  NEGATIVE' if m.negative else ''}")
        return EXIT_OK

    return _in_transaction(run)


def cmd_stock_void(args: argparse.Namespace) -> int:
    from app.store.inventory import reverse_shipment

    def run(bench: Any, conn: Any) -> int:
        for m in reverse_shipment(conn, args.order, station=bench.config.station):
            print(f"{m.sku} {m.bin} {m.delta:+d} -> {m.on_hand}")
        return EXIT_OK

    return _in_transaction(run)


def cmd_stock_reconcile(_args: argparse.Namespace) -> int:
    from app.store.inventory import reconcile_shipments

    def run(bench: Any, conn: Any) -> int:
        print(f"{reconcile_shipments(conn, station=bench.config.station)} shipment(s) booked")
        return EXIT_OK

    return _in_transaction(run)


def cmd_stock_negative(_args: argparse.Namespace) -> int:
    from app.store.inventory import negative_levels

    def run(_bench: Any, conn: Any) -> int:
        for sku, bin_location, qty in negative_levels(conn):
            print(f"{bin_location:12} {sku:24} {qty}")
        return EXIT_OK

    return _in_transaction(run)


def cmd_stock_export(args: argparse.Namespace) -> int:
    import io

    from app.store.inventory import export_stock_changes

    def run(_bench: Any, conn: Any) -> int:
        out = io.StringIO()
        count = export_stock_changes(conn, out, everything=args.all, advance=not args.all)
        _write(out.getvalue(), args.output)
        print(f"{count} SKU(s) exported", file=sys.stderr)
        return EXIT_OK

    return _in_transaction(run)


# ---------------------------------------------------------------- counts


def cmd_count_start(args: argparse.Namespace) -> int:
    from app.store.inventory import start_count

    def run(_bench: Any, conn: Any, user: Any) -> int:
        count_id = start_count(conn, args.bin, user_id=user.id)
        print(f"count {count_id}: scan everything in {args.bin.upper()}, then `packstation count finish {count_id}`")
        return EXIT_OK

    return _with_user(args, run)


def cmd_count_scan(args: argparse.Namespace) -> int:
    from app.domain.scan import parse_scan
    from app.store.inventory import count_item
    from app.store.returns import ReturnsRepository

    bench = _bench()
    repo = ReturnsRepository(bench.engine)
    try:
        scan = parse_scan(args.code)
        product = repo.product_by_code(scan.gtins or (scan.text,))
        if product is None:
            return _fail(f"unknown barcode {args.code}", EXIT_USAGE)
        with bench.engine.begin() as conn:
            counted = count_item(conn, args.id, product.sku, args.qty)
    except ValueError as exc:
        return _fail(str(exc))
    finally:
        repo.close()
        bench.close()
    print(f"{product.sku}: {counted} counted")  # blind count: what the records say is shown at finish
    return EXIT_OK


def _print_sheet(sheet: Any, *, with_expected: bool) -> None:
    print(f"bin {sheet.bin}, round {sheet.round}")
    for v in sheet.variances():
        if with_expected:
            print(f"  {v.sku:24} expected {v.expected:5} counted {v.counted:5} variance {v.delta:+d}")
        else:
            print(f"  {v.sku:24} counted {v.counted:5}")


def cmd_count_finish(args: argparse.Namespace) -> int:
    from app.store.inventory import finish_count

    def run(_bench: Any, conn: Any) -> int:
        sheet = finish_count(conn, args.id)
        _print_sheet(sheet, with_expected=True)
        print(f"{len(sheet.discrepancies())} line(s) off: a supervisor approves or asks a recount")
        return EXIT_OK

    return _in_transaction(run)


def cmd_count_show(args: argparse.Namespace) -> int:
    from app.domain.inventory import CountStatus
    from app.store.inventory import count_head, count_sheet

    def run(_bench: Any, conn: Any) -> int:
        head = count_head(conn, args.id)
        print(f"count {args.id}: {head.status}")
        _print_sheet(count_sheet(conn, args.id), with_expected=head.status != CountStatus.COUNTING.value)
        return EXIT_OK

    return _in_transaction(run)


def cmd_count_approve(args: argparse.Namespace) -> int:
    from app.domain.inventory import NotSupervisor
    from app.store.inventory import approve_count

    def run(bench: Any, conn: Any, user: Any) -> int:
        try:
            variances = approve_count(conn, args.id, user, station=bench.config.station)
        except NotSupervisor as exc:
            return _fail(str(exc))
        print(f"count {args.id} approved: {len(variances)} adjustment(s) booked")
        return EXIT_OK

    return _with_user(args, run)


def cmd_count_recount(args: argparse.Namespace) -> int:
    from app.store.inventory import recount

    def run(_bench: Any, conn: Any, user: Any) -> int:
        print(f"count {args.id}: round {recount(conn, args.id, user)} — count the bin again")
        return EXIT_OK

    return _with_user(args, run)


def cmd_count_accuracy(args: argparse.Namespace) -> int:
    from app.store.inventory import inventory_accuracy

    def run(_bench: Any, conn: Any) -> int:
        acc = inventory_accuracy(conn, clock.now() - timedelta(days=args.days))
        print(f"{acc.lines} line(s) counted: {acc.line_accuracy:.1%} right; units {acc.unit_accuracy:.1%} "
              f"({acc.units_off} off of {acc.units_expected})")
        return EXIT_OK

    return _in_transaction(run)


# ---------------------------------------------------------------- bulk


def cmd_bulk_demo(_args: argparse.Namespace) -> int:
    from app.returns.demo import seed_operations_demo

    bench = _bench()
    try:
        print(seed_operations_demo(bench.sessions))
    finally:
        bench.close()
    return EXIT_OK


def _items(specs: list[str], serials: str) -> list[Any]:
    from app.domain.bulk import CartonItem

    items = []
    for spec in specs:
        sku, _, rest = spec.partition("=")
        qty, _, lot = rest.partition("@")
        if not sku or not qty.isdigit():
            raise ValueError(f"item {spec!r} must be SKU=QTY or SKU=QTY@LOT")
        items.append(CartonItem(sku, int(qty), lot=lot or None))
    if serials:
        if len(items) != 1:
            raise ValueError("--serials goes with exactly one item")
        items[0] = CartonItem(items[0].sku, items[0].quantity, lot=items[0].lot,
                              serials=tuple(s.strip() for s in serials.split(",") if s.strip()))
    return items


def _bulk_run(run: Callable[[Any, Any], int]) -> int:
    from app.domain.bulk import BulkError

    try:
        return _in_transaction(run)
    except BulkError as exc:
        return _fail(str(exc))


def cmd_bulk_carton(args: argparse.Namespace) -> int:
    from app.store.bulk import load_shipment, pack_carton

    def run(bench: Any, conn: Any) -> int:
        shipment = load_shipment(conn, args.order)
        _, unit = pack_carton(conn, shipment, _items(args.items, args.serials),
                              extension_digit=args.extension_digit, weight_g=args.weight_g,
                              station=bench.config.station, **sscc_options(bench.config, args.company_prefix))
        print(unit.sscc)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_pallet(args: argparse.Namespace) -> int:
    from app.store.bulk import build_pallet, load_shipment

    def run(bench: Any, conn: Any) -> int:
        _, unit = build_pallet(conn, load_shipment(conn, args.order), args.cartons,
                               extension_digit=args.extension_digit, weight_g=args.weight_g,
                               station=bench.config.station, **sscc_options(bench.config, args.company_prefix))
        print(unit.sscc)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_auto(args: argparse.Namespace) -> int:
    from app.store.bulk import pack_remaining

    def run(bench: Any, conn: Any) -> int:
        shipment = pack_remaining(conn, args.order, per_carton=args.per_carton, per_pallet=args.per_pallet,
                                    extension_digit=args.extension_digit, station=bench.config.station,
                                    **sscc_options(bench.config, args.company_prefix))
        print(f"order {args.order}: {len(shipment.cartons)} carton(s) on {len(shipment.pallets)} pallet(s)")
        return EXIT_OK

    return _bulk_run(run)


def _ship_from(bench: Any) -> Any:
    from app.returns.asn import ship_from_address

    return ship_from_address(bench.config.ship_from)


def cmd_bulk_asn(args: argparse.Namespace) -> int:
    from app.returns.asn import asn_csv, asn_json
    from app.store.bulk import asn_document

    def run(bench: Any, conn: Any) -> int:
        doc = asn_document(conn, args.order, _ship_from(bench))
        _write(asn_json(doc) if args.format == "json" else asn_csv(doc), args.output)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_labels(args: argparse.Namespace) -> int:
    from app.returns.asn import logistic_labels
    from app.store.bulk import asn_document
    from printers import render_pdf, render_zpl

    def run(bench: Any, conn: Any) -> int:
        labels = logistic_labels(asn_document(conn, args.order, _ship_from(bench)), args.dpi)
        if not labels:
            return _fail(f"order {args.order} has no cartons")
        args.output.write_bytes(render_zpl(labels) if args.format == "zpl" else render_pdf(labels))
        print(f"{len(labels)} label(s) written to {args.output}")
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_dispatch(args: argparse.Namespace) -> int:
    from app.store.bulk import dispatch

    def run(bench: Any, conn: Any) -> int:
        record = dispatch(conn, args.order, station=bench.config.station, allow_short=args.allow_short)
        negative = len(record.negative)
        print(f"order {args.order} dispatched: {len(record.moved)} stock movement(s)"
              + (f", {negative} took a bin below zero" if negative else ""))
        return EXIT_OK

    return _bulk_run(run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packstation", description="Returns, inventory and bulk shipments.")
    register(parser.add_subparsers(title="commands", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    from app.config import ConfigError

    try:
        return args.handler(args)
    except ConfigError as exc:
        return _fail(f"configuration error: {exc}", EXIT_USAGE)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
