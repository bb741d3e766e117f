"""`packstation bulk ...`: wholesale shipments: cartons and pallets with SSCCs, GS1 labels, the ASN, dispatch.

    packstation bulk demo | auto ORDER [--per-carton N] [--per-pallet M] | carton ORDER SKU=QTY[@LOT] ...
    packstation bulk pallet ORDER SSCC ... | asn ORDER [--format json|csv] [-o F] | labels ORDER -o F | dispatch ORDER
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.returns.cli.shared import EXIT_OK, fail, gs1_args, in_transaction, open_bench, positive, write_out
from app.returns.sscc import sscc_options


def add_parser(sub: Any) -> None:
    p = sub.add_parser("bulk", help="wholesale shipments: cartons and pallets with SSCCs, labels, the ASN")
    s = p.add_subparsers(metavar="ACTION", required=True)
    s.add_parser("demo", help="add demo stock, a wholesale order and shipped orders to return").set_defaults(
        handler=cmd_bulk_demo)
    a = s.add_parser("carton", help="close a carton of ORDER with SKU=QTY[@LOT] items; prints its SSCC")
    a.add_argument("order")
    a.add_argument("items", nargs="+", metavar="SKU=QTY[@LOT]")
    a.add_argument("--serials", default="", help="comma-separated serials of a single serialised item")
    a.add_argument("--weight-g", type=positive)
    gs1_args(a)
    a.set_defaults(handler=cmd_bulk_carton)
    a = s.add_parser("pallet", help="put cartons (by SSCC) on a pallet; prints its SSCC")
    a.add_argument("order")
    a.add_argument("cartons", nargs="+", metavar="SSCC")
    a.add_argument("--weight-g", type=positive)
    gs1_args(a)
    a.set_defaults(handler=cmd_bulk_pallet)
    a = s.add_parser("auto", help="pack what is left of ORDER into full cartons, then cartons onto pallets")
    a.add_argument("order")
    a.add_argument("--per-carton", type=positive, default=12, help="units per carton (12)")
    a.add_argument("--per-pallet", type=positive, default=40, help="cartons per pallet (40)")
    gs1_args(a)
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



def cmd_bulk_demo(_args: argparse.Namespace) -> int:
    from app.returns.demo import seed_operations_demo

    bench = open_bench()
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
        return in_transaction(run)
    except BulkError as exc:
        return fail(str(exc))


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
        write_out(asn_json(doc) if args.format == "json" else asn_csv(doc), args.output)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_labels(args: argparse.Namespace) -> int:
    from app.returns.asn import logistic_labels
    from app.store.bulk import asn_document
    from printers import render_pdf, render_zpl

    def run(bench: Any, conn: Any) -> int:
        labels = logistic_labels(asn_document(conn, args.order, _ship_from(bench)), args.dpi)
        if not labels:
            return fail(f"order {args.order} has no cartons")
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
