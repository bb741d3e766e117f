"""Barcode encoders: data in, modules out. Both renderers draw from the same modules.

`encode(symbology, data, ...)` checks the data (a LabelError names the field and the reason)
and returns a LinearSymbol (bars) or a MatrixSymbol (cells). Results are cached: a label
printed again, or a preview followed by the print, encodes its barcodes once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from printers.barcodes import code128, datamatrix, ean, gs1, pdf417, qr
from printers.errors import LabelError
from printers.label import Symbology

__all__ = ["LinearSymbol", "MatrixSymbol", "Symbol", "encode", "runs"]


@dataclass(frozen=True)
class LinearSymbol:
    modules: str  # "1" = bar, "0" = space; no quiet zones
    quiet_left: int  # modules of quiet zone the symbol needs on the left
    quiet_right: int
    text: str  # the human readable interpretation
    zpl_data: str  # ^FD data (before ^FH escaping)
    guards: frozenset[int] = frozenset()  # EAN/UPC guard bar modules, drawn longer

    @property
    def width_modules(self) -> int:
        return len(self.modules)

    @property
    def bars(self) -> tuple[tuple[int, int], ...]:
        return _bar_runs(self.modules)


@dataclass(frozen=True)
class MatrixSymbol:
    rows: tuple[str, ...]  # "1" = dark cell
    quiet: int  # modules of quiet zone on every side
    zpl_data: str

    @property
    def width_modules(self) -> int:
        return len(self.rows[0])

    @property
    def height_modules(self) -> int:
        return len(self.rows)

    @property
    def runs(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Per row, the dark runs as (start, length): one rectangle each when drawn."""
        return tuple(_bar_runs(row) for row in self.rows)


Symbol = LinearSymbol | MatrixSymbol


@lru_cache(maxsize=64)  # a label drawn twice in a row (PDF, then preview); see printers/layout.py
def _bar_runs(modules: str) -> tuple[tuple[int, int], ...]:
    out = []
    i, n = 0, len(modules)
    while i < n:
        if modules[i] == "1":
            j = i
            while j < n and modules[j] == "1":
                j += 1
            out.append((i, j - i))
            i = j
        else:
            i += 1
    return tuple(out)


def runs(modules: str) -> tuple[tuple[int, int], ...]:
    return _bar_runs(modules)


@lru_cache(maxsize=64)
def encode(symbology: Symbology, data: str, field: str = "data", error_correction: str = "M",
           columns: int = 0, security_level: int = 2) -> Symbol:
    """Encode `data` as `symbology`, or raise LabelError naming `field`."""
    sym = Symbology(symbology)
    if sym is Symbology.CODE128:
        c = code128.encode(data, field)
        return LinearSymbol(c.modules, code128.QUIET_MODULES, code128.QUIET_MODULES, data, c.zpl)
    if sym is Symbology.GS1_128:
        element_string = gs1.parse(data, field)
        c = code128.encode(element_string.encoded, field)
        return LinearSymbol(c.modules, code128.QUIET_MODULES, code128.QUIET_MODULES,
                            element_string.human_readable, c.zpl)
    if sym in (Symbology.EAN13, Symbology.UPCA, Symbology.EAN8):
        length = {Symbology.EAN13: 13, Symbology.UPCA: 12, Symbology.EAN8: 8}[sym]
        e = ean.encode(data, length, field)
        return LinearSymbol(e.modules, e.quiet_left, e.quiet_right, e.digits, e.zpl_data, e.guard_modules)
    if sym is Symbology.QR:
        matrix = qr.encode(data, error_correction, field)
        return MatrixSymbol(_rows(matrix), qr.QUIET_MODULES, data)
    if sym in (Symbology.DATAMATRIX, Symbology.GS1_DATAMATRIX):
        payload = gs1.parse(data, field).encoded if sym is Symbology.GS1_DATAMATRIX else data
        dm = datamatrix.encode(payload, field, gs1=sym is Symbology.GS1_DATAMATRIX)
        return MatrixSymbol(_rows(dm.rows), 2, payload)
    if sym is Symbology.PDF417:
        return MatrixSymbol(pdf417.encode(data, columns, security_level, field), pdf417.QUIET_MODULES, data)
    raise LabelError(field, f"unknown symbology {symbology!r}")  # pragma: no cover - enum is exhaustive


def _rows(matrix: tuple[tuple[bool, ...], ...]) -> tuple[str, ...]:
    return tuple("".join("1" if cell else "0" for cell in row) for row in matrix)
