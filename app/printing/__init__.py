"""The station's printing: renders labels and slips with `printers` and queues them durably."""

from __future__ import annotations

from typing import Any

from app.printing.spool_output import SpoolOutput

__all__ = ["SpoolOutput", "station_output"]


def station_output(bench: Any) -> SpoolOutput:
    return SpoolOutput(bench.paths.spool_dir)
