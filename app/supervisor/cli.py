"""`packstation stats` and `packstation supervisor`.

    packstation stats [--since WHEN] [--until WHEN] [--shift early|late|night] [--date DAY]
                      [--view productivity|returns] [--returns] [--table NAME]
                      [--by packer|station] [--format table|csv|json] [--weights W] [--hourly]
                      [--pdf FILE] [-o FILE]
    packstation supervisor

`stats` prints the same figures as the console's productivity view (it builds the same
TableData); `--view returns` (or `--returns`) those of its "Returns & stock" tab: return rate,
restock time, inventory accuracy. Without --since/--shift it reports today. Times without a
zone are local.
`supervisor` opens the console window; it asks for a supervisor's badge or name and PIN.

app.cli calls `register(subparsers, open_console=...)`; `python -m app.supervisor.cli stats ...` runs
it alone. The window is the screen's (app.ui.supervisor.app.run): the caller hands in the function
that opens it, so this module, like every application service, never imports app.ui (the layers
contract in pyproject.toml; see docs/architecture.md). Without one, `supervisor` says where to
open the console and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.supervisor import periods


def register(subparsers: Any, open_console: Callable[[], int] | None = None) -> None:
    """Add `stats` and `supervisor`; `open_console()` opens the console window and returns the exit code."""
    stats = subparsers.add_parser(
        "stats", help="productivity per packer or station (what the supervisor's console shows)",
        description="Orders, parcels and units per hour, cycle times, idle time, scan errors and exceptions "
                    "per packer or station. Default period: today.")
    when = stats.add_argument_group("period (default: today)")
    when.add_argument("--since", help="start: ISO date or time, local unless it has a zone (2026-11-25T06:00)")
    when.add_argument("--until", help="end (exclusive); a bare date means the end of that day (default: now)")
    when.add_argument("--shift", choices=sorted(periods.SHIFTS), help="a shift instead of --since/--until")
    when.add_argument("--date", type=_date, help="the day of --shift, or a whole day (default: today)")
    stats.add_argument("--view", choices=["productivity", "returns"], default="productivity",
                       help="productivity (default) or returns: return rate, restock time, inventory accuracy")
    stats.add_argument("--returns", dest="view", action="store_const", const="returns", help="same as --view returns")
    stats.add_argument("--table", choices=tables_of_returns(),
                       help="with --view returns: only this table (csv and table formats)")
    stats.add_argument("--by", choices=["packer", "station"], default="packer")
    stats.add_argument("--format", choices=["table", "csv", "json"], default="table")
    stats.add_argument("--weights", help="difficulty weights single,multi,mixed,serial (default 1,1.25,1.75,2.5)")
    stats.add_argument("--hourly", action="store_true", help="also print the per-hour series (table and csv)")
    stats.add_argument("--pdf", type=Path, help="also write the shift report as a PDF to this file")
    stats.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    stats.set_defaults(handler=cmd_stats)

    console = subparsers.add_parser("supervisor", help="open the supervisor's console (badge or name, and PIN)")
    console.set_defaults(handler=cmd_supervisor, open_console=open_console)


def tables_of_returns() -> tuple[str, ...]:
    return ("summary", "rates", "reasons", "restock", "bins", "skus")  # tables.RETURNS_TABLES, without its imports


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def period_from(args: argparse.Namespace) -> periods.Period:
    if args.shift:
        if args.since or args.until:
            raise periods.PeriodError("give either --shift or --since/--until, not both")
        return periods.shift(args.shift, args.date)
    if args.date and not args.since:
        if args.until:
            raise periods.PeriodError("--date is a whole day: leave out --until")
        return periods.day(args.date)
    return periods.parse_range(args.since, args.until)


def cmd_stats(args: argparse.Namespace) -> int:
    from app.startup import open_bench
    from app.supervisor.productivity import Weights
    from app.supervisor.service import StatsService

    try:
        period = period_from(args)
        weights = Weights.parse(args.weights) if args.weights else Weights()
        if args.view == "returns" and (args.hourly or args.weights):
            raise ValueError("--hourly and --weights belong to the productivity view, not --view returns")
        if args.table and args.view != "returns":
            raise ValueError("--table picks a table of --view returns")
    except ValueError as exc:
        print(f"packstation stats: {exc}", file=sys.stderr)
        return 2
    from app.config import ConfigError

    try:
        bench = open_bench()
    except ConfigError as exc:  # station.toml names the key and the problem: no traceback
        print(f"packstation stats: {exc}", file=sys.stderr)
        return 2
    service = StatsService(bench.engine, min_active_s=bench.config.stats_min_active_minutes * 60)
    try:
        figures = service.returns(period) if args.view == "returns" or args.pdf else None
        if args.view == "returns":
            assert figures is not None
            _write(args, _returns_text(figures, args.format, args.table))
            if args.pdf:
                result = service.productivity(period, args.by, weights)
        else:
            result = service.productivity(period, args.by, weights)
            _write(args, _productivity_text(result, args.format, args.hourly))
        if args.pdf:
            from app.supervisor.report_pdf import write_shift_report

            write_shift_report(args.pdf, result, service.exceptions(period), source=str(bench.paths.database),
                               returns=figures)
            print(f"shift report written to {args.pdf}", file=sys.stderr)
    finally:
        bench.close()
    return 0


def _write(args: argparse.Namespace, text: str) -> None:
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
        print(f"written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def _productivity_text(result: Any, fmt: str, hourly: bool) -> str:
    from app.supervisor import tables

    if fmt == "json":
        return tables.to_json(result) + "\n"
    if fmt == "csv":
        return _csv(tables.productivity_table(result), tables.hourly_table(result) if hourly else None)
    return _table(result, hourly)


def _returns_text(figures: Any, fmt: str, only: str | None) -> str:
    """All the returns tables (or one), as JSON, CSV sections (a blank line between) or text tables."""
    import io

    from app.supervisor import tables

    if fmt == "json":
        return tables.returns_to_json(figures) + "\n"
    chosen = [t for name, t in tables.returns_tables(figures).items() if only in (None, name)]
    if fmt == "csv":
        out = io.StringIO(newline="")
        for i, table in enumerate(chosen):
            if i:
                out.write("\r\n")
            tables.write_csv(table, out)
        return out.getvalue()
    return "\n\n".join(f"{t.title}\n\n{tables.text_table(t)}" for t in chosen) + "\n"


def _csv(table: Any, hourly: Any) -> str:
    import io

    from app.supervisor.tables import write_csv

    out = io.StringIO(newline="")
    write_csv(table, out)
    if hourly is not None:
        out.write("\r\n")
        write_csv(hourly, out)
    return out.getvalue()


def _table(result: Any, with_hourly: bool) -> str:
    from app.supervisor.tables import hourly_table, productivity_table, text_table

    table = productivity_table(result)
    parts = [table.title, "", text_table(table)]
    if with_hourly:
        hourly = hourly_table(result)
        parts += ["", hourly.title, "", text_table(hourly)]
    return "\n".join(parts) + "\n"


def cmd_supervisor(args: argparse.Namespace) -> int:
    opener = getattr(args, "open_console", None)
    if opener is None:  # `python -m app.supervisor.cli`: the figures only; the window is app.cli's to open
        print("packstation: open the console with `packstation supervisor`", file=sys.stderr)
        return 2
    return opener()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packstation")
    register(parser.add_subparsers(title="commands", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
