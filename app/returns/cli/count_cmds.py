"""`packstation count ...`: cycle counts, through the cycle-count service (app.returns.cycle_count).

    packstation count start BIN --badge B | scan ID CODE [--qty N] | finish ID | show ID
    packstation count approve ID --badge S | recount ID --badge S | accuracy [--days N]
    packstation count replay FILE|- --badge B [--station NAME]   scans through a count desk, JSON out

`replay` drives the same `CountDesk` as the returns window's "Cycle count" tab: one scan per
line (bin labels, items, PS:CMD: cards, a supervisor's badge), one JSON outcome per scan.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.domain import clock
from app.returns.cli.shared import EXIT_OK, EXIT_USAGE, fail, open_bench, positive


def add_parser(sub: Any) -> None:
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
    a.add_argument("--days", type=positive, default=30)
    a.set_defaults(handler=cmd_count_accuracy)
    a = s.add_parser("replay", help="feed scans (one per line) through a count desk, print JSON outcomes")
    a.add_argument("file", help="file of scans, or - for standard input")
    a.add_argument("--badge", required=True, help="who counts (a supervisor approves by scanning their badge)")
    a.add_argument("--station", help="the station named on the stock corrections (default: the configured one)")
    a.set_defaults(handler=cmd_count_replay)


# ---------------------------------------------------------------- running a command


def _counting(run: Callable[[Any, Any, Any], int], badge: str | None = None) -> int:
    """Open the station, run `run(bench, counts, user)` with the cycle-count service; a refusal is exit 1.

    `badge`: the user the command acts for; no active user with it is exit 2.
    """
    from app.returns.cycle_count import CycleCounts
    from app.store.returns import ReturnsRepository

    bench = open_bench()
    directory = ReturnsRepository(bench.engine)
    try:
        user = None
        if badge is not None:
            user = directory.user_by_badge(badge)
            if user is None:
                return fail(f"no active user has badge {badge}", EXIT_USAGE)
        return run(bench, CycleCounts(bench.engine), user)
    except (ValueError, PermissionError) as exc:  # CountError, NotSupervisor
        return fail(str(exc))
    finally:
        directory.close()
        bench.close()


def _print_sheet(sheet: Any, *, with_expected: bool) -> None:
    print(f"bin {sheet.bin}, round {sheet.round}")
    for v in sheet.variances():
        if with_expected:
            print(f"  {v.sku:24} expected {v.expected:5} counted {v.counted:5} variance {v.delta:+d}")
        else:
            print(f"  {v.sku:24} counted {v.counted:5}")


# ---------------------------------------------------------------- commands


def cmd_count_start(args: argparse.Namespace) -> int:
    def run(_bench: Any, counts: Any, user: Any) -> int:
        count_id = counts.start(args.bin, user_id=user.id)
        print(f"count {count_id}: scan everything in {args.bin.upper()}, then `packstation count finish {count_id}`")
        return EXIT_OK

    return _counting(run, args.badge)


def cmd_count_scan(args: argparse.Namespace) -> int:
    from app.domain.scan import parse_scan
    from app.returns.cycle_count import CycleCounts
    from app.store.returns import ReturnsRepository

    bench = open_bench()
    repo = ReturnsRepository(bench.engine)
    try:
        scan = parse_scan(args.code)
        product = repo.product_by_code(scan.gtins or (scan.text,))
        if product is None:
            return fail(f"unknown barcode {args.code}", EXIT_USAGE)
        counted = CycleCounts(bench.engine).count(args.id, product.sku, args.qty)
    except ValueError as exc:
        return fail(str(exc))
    finally:
        repo.close()
        bench.close()
    print(f"{product.sku}: {counted} counted")  # blind count: what the records say is shown at finish
    return EXIT_OK


def cmd_count_finish(args: argparse.Namespace) -> int:
    def run(_bench: Any, counts: Any, _user: Any) -> int:
        sheet = counts.finish(args.id)
        _print_sheet(sheet, with_expected=True)
        print(f"{len(sheet.discrepancies())} line(s) off: a supervisor approves or asks a recount")
        return EXIT_OK

    return _counting(run)


def cmd_count_show(args: argparse.Namespace) -> int:
    from app.returns.count_views import COUNTING

    def run(_bench: Any, counts: Any, _user: Any) -> int:
        board = counts.board(args.id, closed_too=True)  # the count and its sheet, read at once
        if board.head is None or board.sheet is None:
            return fail(f"No count {args.id}.")
        print(f"count {args.id}: {board.head.status}")
        _print_sheet(board.sheet, with_expected=board.head.status != COUNTING)
        return EXIT_OK

    return _counting(run)


def cmd_count_approve(args: argparse.Namespace) -> int:
    def run(bench: Any, counts: Any, user: Any) -> int:
        variances = counts.approve(args.id, user, station=bench.config.station)  # NotSupervisor: exit 1
        print(f"count {args.id} approved: {len(variances)} adjustment(s) booked")
        return EXIT_OK

    return _counting(run, args.badge)


def cmd_count_recount(args: argparse.Namespace) -> int:
    def run(_bench: Any, counts: Any, user: Any) -> int:
        print(f"count {args.id}: round {counts.recount(args.id, user)} — count the bin again")
        return EXIT_OK

    return _counting(run, args.badge)


def cmd_count_accuracy(args: argparse.Namespace) -> int:
    def run(_bench: Any, counts: Any, _user: Any) -> int:
        acc = counts.accuracy(clock.now() - timedelta(days=args.days))
        print(f"{acc.lines} line(s) counted: {acc.line_accuracy:.1%} right; units {acc.unit_accuracy:.1%} "
              f"({acc.units_off} off of {acc.units_expected})")
        return EXIT_OK

    return _counting(run)


def cmd_count_replay(args: argparse.Namespace) -> int:
    """Scans through a count desk, one JSON outcome per line (exit 0); a refused scan is an outcome, not an exit."""
    from app.returns.cycle_count import CountDesk, CycleCounts, replay_lines
    from app.store.returns import ReturnsRepository

    path = Path(args.file)
    if args.file != "-" and not path.is_file():
        return fail(f"no such file: {path}", EXIT_USAGE)
    bench = open_bench()
    directory = ReturnsRepository(bench.engine)
    try:
        user = directory.user_by_badge(args.badge)
        if user is None:
            return fail(f"no active user has badge {args.badge}", EXIT_USAGE)
        desk = CountDesk(CycleCounts(bench.engine), directory, station=args.station or bench.config.station,
                         user=lambda: user)
        lines: Iterable[bytes] = sys.stdin.buffer if args.file == "-" else path.read_bytes().splitlines()
        for outcome in replay_lines(desk, lines):
            print(json.dumps(outcome, ensure_ascii=False), flush=True)
    finally:
        directory.close()
        bench.close()
    return EXIT_OK
