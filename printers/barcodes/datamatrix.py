"""Data Matrix ECC 200 (ISO/IEC 16022) through libzint (the `zint-bindings` package).

libzint chooses the encodation (ASCII, C40, Text, X12, EDIFACT, Base 256) that gives the
smallest symbol, writes GS1 Data Matrix with its FNC1s, carries any Unicode text (as UTF-8,
ECI 26), and makes square or rectangular symbols. This module only says what to encode and
turns libzint's modules into rows of cells for both renderers.

GS1: the payload is the element string as printers.barcodes.gs1 encodes it: a leading FNC1
(gs1.FNC1) and an FNC1 after each element of variable length but the last. It is given to
libzint as "[AI]value..." (libzint puts the FNC1s in by the same GS1 rule); the data was checked
by gs1.parse against the GS1 Syntax Dictionary, the scanner's own, so libzint does not check it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from printers.barcodes.gs1 import FNC1, _length_range, application_identifier
from printers.errors import LabelError

QUIET_MODULES = 1  # ISO/IEC 16022: one module; the renderers leave more

Shape = Literal["square", "rectangle", "any"]

# libzint's symbol size numbers (option_2) for the ISO rectangles, smallest first:
# 8x18, 8x32, 12x26, 12x36, 16x36, 16x48.
RECTANGLES = (25, 26, 27, 28, 29, 30)
UTF8_ECI = 26

__all__ = ["DataMatrix", "QUIET_MODULES", "Shape", "encode"]


@dataclass(frozen=True)
class DataMatrix:
    rows: tuple[tuple[bool, ...], ...]  # True = dark module, finder pattern included

    @property
    def size(self) -> int:
        """Modules per side of a square symbol (the row count of a rectangular one)."""
        return len(self.rows)

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def encode(data: str, field: str = "data", *, gs1: bool | None = None, shape: Shape = "square") -> DataMatrix:
    """`data` as a Data Matrix of the smallest size of `shape`, or a LabelError naming `field`.

    `gs1`: the data is a GS1 element string (see the module's docstring); None: when it starts
    with FNC1 and reads as one (what printers.barcodes passes for GS1 Data Matrix).
    """
    if not data:
        raise LabelError(field, "a barcode needs data; this one is empty")
    bracketed = _gs1_brackets(data, field, required=bool(gs1)) if gs1 is not False else None
    if shape == "rectangle":
        for number in RECTANGLES:
            try:
                return _encode(data, bracketed, option_2=number)
            except _TooLong:
                continue
            except RuntimeError as exc:
                raise LabelError(field, f"cannot be encoded as a Data Matrix: {_reason(exc)}") from None
        raise LabelError(field, "too much data for a rectangular Data Matrix (the largest, 16x48, holds "
                                "49 codewords); use a square one")
    try:
        return _encode(data, bracketed, square=shape == "square")
    except _TooLong as exc:
        raise LabelError(field, f"too much data for a Data Matrix ({exc})") from None
    except RuntimeError as exc:
        raise LabelError(field, f"cannot be encoded as a Data Matrix: {_reason(exc)}") from None


class _TooLong(Exception):
    pass


def _reason(exc: BaseException) -> str:
    text = str(exc)
    return text.split(": ", 1)[1] if text.startswith(("Error ", "Warning ")) and ": " in text else text


def _encode(data: str, gs1_data: str | None, option_2: int = 0, square: bool = False) -> DataMatrix:
    import zint

    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.DATAMATRIX
    if gs1_data is not None:
        symbol.input_mode = zint.InputMode.GS1 | zint.InputMode.GS1NOCHECK
        text = gs1_data
    else:
        symbol.input_mode = zint.InputMode.UNICODE
        if not data.isascii():
            symbol.eci = UTF8_ECI  # what a scanner sends is UTF-8, whichever script the text is in
        text = data
    symbol.option_2 = option_2
    if square:
        symbol.option_3 = int(zint.DataMatrixOptions.SQUARE)
    try:
        symbol.encode(text)
    except RuntimeError as exc:
        if "too long" in str(exc).lower():
            raise _TooLong(_reason(exc)) from None
        raise
    return DataMatrix(_modules(symbol.encoded_data.tobytes(), symbol.rows, symbol.width))


def _modules(packed: bytes, rows: int, width: int) -> tuple[tuple[bool, ...], ...]:
    """libzint's encoded_data: one row of 144 bytes per symbol row, module x at bit x % 8 of byte x // 8."""
    stride = len(packed) // 200  # libzint: 200 rows of 1152 modules
    return tuple(
        tuple(bool(packed[r * stride + (c >> 3)] >> (c & 7) & 1) for c in range(width))
        for r in range(rows)
    )


def _gs1_brackets(payload: str, field: str, required: bool) -> str | None:
    """FNC1 + element string -> "[AI]value[AI]value" for libzint; None when it is not GS1 data."""
    if not payload.startswith(FNC1):
        if required:
            raise LabelError(field, "GS1 Data Matrix data must start with FNC1")
        return None
    out: list[str] = []
    i, n = 1, len(payload)
    while i < n:
        if payload[i] == FNC1:
            i += 1
            continue
        spec = next((found for k in (2, 3, 4) if (found := application_identifier(payload[i:i + k]))), None)
        if spec is None:
            if required:
                raise LabelError(field, f"no GS1 Application Identifier at character {i + 1} of the data")
            return None
        i += len(spec.ai)
        if spec.separator_required:  # up to the FNC1 that ends it, or the end
            end = payload.find(FNC1, i)
            end = n if end < 0 else end
        else:  # predefined length: no FNC1 follows
            end = i + _length_range(spec.format.split("+", 1)[1])[1]
        out.append(f"[{spec.ai}]{payload[i:end]}")
        i = end
    return "".join(out) if out else None
