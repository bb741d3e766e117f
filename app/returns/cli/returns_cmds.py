"""`packstation returns ...`: the returns bench headless, RMAs and return labels, held returns, figures.

    packstation returns replay FILE [--station NAME] [--window-days N]   scans through the returns bench, JSON out
    packstation returns rma ORDER [--reason R] [--tracking T]   issue an RMA and its QR payload
    packstation returns label ORDER [--format pdf|zpl] -o FILE [--rma R] [--no-carrier]   the 4x6 return label
    packstation returns list [--status held] | show NUMBER | refunds [--since SEQ]
    packstation returns approve NUMBER --badge S-2001       close a held return; its refund is ready
    packstation returns release NUMBER ITEM BIN --badge S-2001   quarantine -> sellable bin
    packstation returns report [--days 30]                 return rate by SKU and reason, restock time

`replay` drives the returns bench's application service (app.returns.service.ReturnStation), as
the returns window does; the other commands call the returns office's (app.returns.office.ReturnsOffice),
which the returns bench holds too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.returns.cli.shared import EXIT_OK, EXIT_USAGE, fail, open_bench, positive


def add_parser(sub: Any) -> None:
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
    a.add_argument("--weight-g", type=positive, help="the return parcel's weight for the carrier (default: outbound)")
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
    a.add_argument("--days", type=positive, default=30)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_returns_report)



def cmd_returns_replay(args: argparse.Namespace) -> int:
    from app.returns.networked import returns_repository
    from app.returns.service import ReturnStation

    bench = open_bench()
    path = Path(args.file)
    if args.file != "-" and not path.is_file():
        return fail(f"no such file: {path}", EXIT_USAGE)
    try:
        rules = bench.config.returns.rules(window_days=args.window_days)
    except ValueError as exc:  # a negative --window-days
        bench.close()
        return fail(str(exc).replace("returns.window_days", "--window-days"), EXIT_USAGE)
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


def _office(bench: Any) -> Any:  # app.returns.office.ReturnsOffice (imported late: a command's start stays light)
    from app.returns.office import ReturnsOffice

    return ReturnsOffice(bench.engine, bench.config)


def cmd_returns_rma(args: argparse.Namespace) -> int:
    bench = open_bench()
    try:  # networked: the central RMA numbers
        rma = _office(bench).issue_rma(args.order, reason=args.reason, return_tracking=args.tracking)
    except ValueError as exc:
        return fail(str(exc))
    finally:
        bench.close()
    print(json.dumps({"rma": rma.rma, "order": rma.order_number, "qr_payload": rma.qr_payload}))
    return EXIT_OK


def cmd_returns_label(args: argparse.Namespace) -> int:
    from app.returns.office import CarrierLabelFailed, NoWarehouseAddress, ReturnLabelError

    bench = open_bench()
    try:
        try:
            label = _office(bench).return_label(args.order, label_format=args.format, dpi=args.dpi, rma=args.rma,
                                                reason=args.reason, weight_g=args.weight_g,
                                                carrier=not args.no_carrier)
        except NoWarehouseAddress as exc:
            return fail(str(exc), EXIT_USAGE)
        except CarrierLabelFailed as exc:
            return fail(f"{exc} (--no-carrier prints ours alone)")
        except ReturnLabelError as exc:
            return fail(str(exc))
        data, carrier_file = label.data, None
        if label.carrier is not None:
            carrier_file = args.output.with_name(f"{args.output.stem}-carrier.{label.carrier.label_format}")
            carrier_file.write_bytes(label.carrier.label_bytes)
        args.output.write_bytes(label.content)
    finally:
        bench.close()
    print(json.dumps({"rma": data.rma, "order": data.order_number, "qr_payload": data.qr_payload,
                      "file": str(args.output), "return_tracking": data.return_tracking or None,
                      "carrier_label": str(carrier_file) if carrier_file else None}))
    return EXIT_OK


def cmd_returns_list(args: argparse.Namespace) -> int:
    bench = open_bench()
    try:
        for r in _office(bench).returns(args.status):
            print(f"{r.number:16} {r.status:9} order {r.order_number:12} {r.opened_at:%Y-%m-%d %H:%M} "
                  f"{'LATE ' if r.late else ''}{r.flags} flag(s)")
    finally:
        bench.close()
    return EXIT_OK


def cmd_returns_show(args: argparse.Namespace) -> int:
    bench = open_bench()
    try:
        record = _office(bench).show(args.number)
    finally:
        bench.close()
    if record is None:
        return fail(f"no return {args.number}", EXIT_USAGE)
    print(json.dumps(record.as_json(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_returns_refunds(args: argparse.Namespace) -> int:
    from app.returns.office import refund_as_json

    bench = open_bench()
    try:
        for e in _office(bench).refunds(args.since):
            print(json.dumps(refund_as_json(e), ensure_ascii=False))
    finally:
        bench.close()
    return EXIT_OK


def cmd_returns_approve(args: argparse.Namespace) -> int:
    from app.returns.office import UnknownBadge

    bench = open_bench()
    try:
        _office(bench).approve(args.number, badge=args.badge)
    except UnknownBadge as exc:
        return fail(str(exc), EXIT_USAGE)
    except (ValueError, PermissionError) as exc:
        return fail(str(exc))
    finally:
        bench.close()
    print(f"return {args.number} approved and closed; refund is ready")
    return EXIT_OK


def cmd_returns_release(args: argparse.Namespace) -> int:
    from app.returns.office import UnknownBadge

    bench = open_bench()
    try:  # the quarantine bin of [returns] is not sellable
        _office(bench).release(args.number, args.item, args.bin, badge=args.badge)
    except UnknownBadge as exc:
        return fail(str(exc), EXIT_USAGE)
    except (ValueError, PermissionError) as exc:
        return fail(str(exc))
    finally:
        bench.close()
    print(f"item {args.item} of return {args.number} moved to {args.bin.upper()}")
    return EXIT_OK


def cmd_returns_report(args: argparse.Namespace) -> int:
    bench = open_bench()
    try:
        report = _office(bench).report(args.days)  # read on one connection
    except (ValueError, PermissionError) as exc:
        return fail(str(exc))
    finally:
        bench.close()
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
        return EXIT_OK
    print(f"last {args.days} days\n\n{'SKU':24} {'shipped':>8} {'returned':>8} {'rate':>7}  reasons")
    for r in report.rates:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(r.reasons.items(), key=lambda kv: -kv[1]))
        print(f"{r.sku:24} {r.shipped:8} {r.returned:8} {r.rate:7.1%}  {reasons}")
    times, acc = report.restock, report.accuracy
    print(f"\nrestock time: {times.units} unit(s), median {times.median_hours:.1f} h, p90 {times.p90_hours:.1f} h, "
          f"max {times.max_hours:.1f} h")
    print(f"inventory accuracy: {acc.line_accuracy:.1%} of {acc.lines} counted line(s) right, "
          f"units {acc.unit_accuracy:.1%}")
    return EXIT_OK
