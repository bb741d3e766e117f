"""`packstation bulk ...`: wholesale shipments: cartons and pallets with SSCCs, GS1 labels, the ASN, dispatch.

    packstation bulk demo | auto ORDER [--per-carton N] [--per-pallet M] | carton ORDER SKU=QTY[@LOT] ...
    packstation bulk pallet ORDER SSCC ... | asn ORDER [--format json|csv] [-o F] | labels ORDER -o F | dispatch ORDER

Every command but `demo` calls the bulk-shipment service (app.returns.bulk_shipments.BulkShipments),
as the returns window's "Bulk shipments" tab does.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.returns.cli.shared import EXIT_OK, fail, gs1_args, open_bench, positive, write_out


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


# ---------------------------------------------------------------- running a command


def _bulk_run(run: Callable[[Any], int]) -> int:
    """Open the station, run `run(shipments)` with the bulk-shipment service; a refusal is exit 1."""
    from app.domain.bulk import BulkError
    from app.returns.bulk_shipments import BulkShipments

    bench = open_bench()
    try:
        return run(BulkShipments(bench.engine, bench.config))
    except (BulkError, ValueError, PermissionError) as exc:
        return fail(str(exc))
    finally:
        bench.close()


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


# ---------------------------------------------------------------- commands


def cmd_bulk_demo(_args: argparse.Namespace) -> int:
    from app.returns.demo import seed_operations_demo

    bench = open_bench()
    try:
        print(seed_operations_demo(bench.sessions))
    finally:
        bench.close()
    return EXIT_OK


def cmd_bulk_carton(args: argparse.Namespace) -> int:
    def run(shipments: Any) -> int:
        unit = shipments.pack_carton(args.order, _items(args.items, args.serials), weight_g=args.weight_g,
                                     extension_digit=args.extension_digit, company_prefix=args.company_prefix)
        print(unit.sscc)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_pallet(args: argparse.Namespace) -> int:
    def run(shipments: Any) -> int:
        unit = shipments.build_pallet(args.order, args.cartons, weight_g=args.weight_g,
                                      extension_digit=args.extension_digit, company_prefix=args.company_prefix)
        print(unit.sscc)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_auto(args: argparse.Namespace) -> int:
    def run(shipments: Any) -> int:
        shipment = shipments.pack_remaining(args.order, per_carton=args.per_carton, per_pallet=args.per_pallet,
                                            extension_digit=args.extension_digit,
                                            company_prefix=args.company_prefix)
        print(f"order {args.order}: {len(shipment.cartons)} carton(s) on {len(shipment.pallets)} pallet(s)")
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_asn(args: argparse.Namespace) -> int:
    def run(shipments: Any) -> int:
        write_out(shipments.asn_json(args.order) if args.format == "json" else shipments.asn_csv(args.order),
                  args.output)
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_labels(args: argparse.Namespace) -> int:
    from printers import render_pdf, render_zpl

    def run(shipments: Any) -> int:
        labels = shipments.labels(args.order, dpi=args.dpi)
        if not labels:
            return fail(f"order {args.order} has no cartons")
        args.output.write_bytes(render_zpl(labels) if args.format == "zpl" else render_pdf(labels))
        print(f"{len(labels)} label(s) written to {args.output}")
        return EXIT_OK

    return _bulk_run(run)


def cmd_bulk_dispatch(args: argparse.Namespace) -> int:
    def run(shipments: Any) -> int:
        record = shipments.dispatch(args.order, allow_short=args.allow_short)
        negative = len(record.negative)
        print(f"order {args.order} dispatched: {len(record.moved)} stock movement(s)"
              + (f", {negative} took a bin below zero" if negative else ""))
        return EXIT_OK

    return _bulk_run(run)
