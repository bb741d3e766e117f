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
    packstation count replay FILE|- --badge B [--station NAME]   scans through a count desk, JSON out

    packstation bulk demo | auto ORDER [--per-carton N] [--per-pallet M] | carton ORDER SKU=QTY[@LOT] ...
    packstation bulk pallet ORDER SSCC ... | asn ORDER [--format json|csv] [-o F] | labels ORDER -o F | dispatch ORDER

One module per command group (returns_cmds, stock_cmds, count_cmds, bulk_cmds; what they share
in shared). app/cli.py calls register(); `python -m app.returns.cli ...` runs the same commands
alone. Exit codes: 0 done, 1 refused (the message says why), 2 bad arguments or unknown names.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.returns.cli import bulk_cmds, count_cmds, returns_cmds, stock_cmds
from app.returns.cli.shared import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, fail

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "main", "register"]


def register(subparsers: Any) -> None:
    """Adds `returns`, `stock`, `count` and `bulk` to an argparse sub-parser set (handler=fn(args) -> int)."""
    returns_cmds.add_parser(subparsers)
    stock_cmds.add_parser(subparsers)
    count_cmds.add_parser(subparsers)
    bulk_cmds.add_parser(subparsers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packstation", description="Returns, inventory and bulk shipments.")
    register(parser.add_subparsers(title="commands", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    from app.config import ConfigError

    try:
        return args.handler(args)
    except ConfigError as exc:
        return fail(f"configuration error: {exc}", EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
