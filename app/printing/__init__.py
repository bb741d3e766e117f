"""The station's printing: renders labels and slips with `printers` and queues them durably."""

from __future__ import annotations

from typing import Any

from app.printing.output import PrinterOutput

__all__ = ["PrinterOutput", "station_output"]


def station_output(bench: Any) -> PrinterOutput:
    """The configured printers, or the spool folder when none is configured."""
    return PrinterOutput(bench.config, bench.engine, bench.paths.spool_dir,
                         template_dir=bench.paths.config_dir / "templates")
