"""What the command groups share: opening the station, exit codes, a refusal, a read, argument types.

The commands write through the application services (app.returns.stock, bulk_shipments,
cycle_count, service), each write one `write_transaction` (IMMEDIATE on SQLite): a command run
beside a station's window waits its turn behind the print queue and the sync thread instead of
failing with "database is locked".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.returns.sscc import DEMO_COMPANY_PREFIX

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def open_bench():  # noqa: ANN202 - app.startup.Bench (imported late: a command's start stays light)
    from app.startup import open_bench as open_station

    return open_station()


def fail(message: str, code: int = EXIT_REFUSED) -> int:
    print(f"packstation: {message}", file=sys.stderr)
    return code


def reading(run: Callable[[Any, Any], int]) -> int:
    """Open the database, run `run(bench, conn)` on one connection that only reads; a refusal is exit 1."""
    bench = open_bench()
    try:
        with bench.engine.connect() as conn:
            return run(bench, conn)
    except (ValueError, PermissionError) as exc:
        return fail(str(exc))
    finally:
        bench.close()


def write_out(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        print(f"written to {output}", file=sys.stderr)


def sku_bin_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sku")
    parser.add_argument("bin", type=str.upper)


def gs1_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--company-prefix",
                        help="your GS1 company prefix, 6-12 digits (default: [gs1] company_prefix in station.toml, "
                             f"else the demo's {DEMO_COMPANY_PREFIX})")
    parser.add_argument("--extension-digit", type=int, default=0, choices=range(10),
                        help="SSCC extension digit; standalone stations sharing a prefix each need their own")


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)
