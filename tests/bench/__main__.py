"""Run every benchmark and print its table:  python -m tests.bench [--quick]

--quick uses small databases (a smoke run); without it the budgets' sizes are used.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

QUICK_ARGS = {"bench_scan": ["--orders", "20000", "--products", "5000"], "bench_import": ["--orders", "10000"],
              "bench_sources_shopify": ["--orders", "1000", "--changed", "20"]}


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    failures = 0
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        name = script.stem
        print(f"\n=== {name} ===", flush=True)
        args = QUICK_ARGS.get(name, []) if quick else []
        result = subprocess.run([sys.executable, "-m", f"tests.bench.{name}", *args])
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
