"""PDF417 from pdf417gen (text/byte/numeric compaction and Reed-Solomon over GF(929))."""

from __future__ import annotations

import pdf417gen

from printers.errors import LabelError

QUIET_MODULES = 2  # ISO/IEC 15438: two modules either side
ROW_HEIGHT_MODULES = 3  # recommended row height, in modules


def encode(data: str, columns: int = 0, security_level: int = 2, field: str = "data") -> tuple[str, ...]:
    """Return the symbol's rows as "1"/"0" module strings (start and stop patterns included)."""
    if not data:
        raise LabelError(field, "a barcode needs data; this one is empty")
    if not data.isascii():
        raise LabelError(field, "PDF417 here carries ASCII only; "
                                f"{next(c for c in data if not c.isascii())!r} cannot be encoded")
    if not 0 <= security_level <= 8:
        raise LabelError(field, "PDF417 security level must be 0-8")
    # pdf417gen wants a column count; take the caller's, else the narrowest that keeps the
    # symbol within PDF417's 90 rows.
    choices = [columns] if columns else list(range(4, 31))
    for cols in choices:
        try:
            codes = pdf417gen.encode(data, columns=cols, security_level=security_level)
        except ValueError:
            continue
        return tuple("".join(format(value, "b") for value in row) for row in codes)
    raise LabelError(field, f"too much data for a PDF417 symbol ({len(data)} characters)")
