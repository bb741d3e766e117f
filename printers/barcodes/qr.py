"""QR Code from reportlab's own encoder (reportlab.graphics.barcode.qrencoder).

reportlab picks the smallest version and the best mask; this module only chooses the data
mode so that ASCII stays compact and anything else travels as UTF-8 announced by ECI 26,
which phones and scanners decode correctly.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

from printers.errors import LabelError


def _qrencoder() -> ModuleType:
    """reportlab.graphics.barcode.qrencoder, without its package. Importing it by name runs
    reportlab.graphics.barcode's __init__, which imports every barcode widget and, through them,
    reportlab's drawing and paragraph modules: about 0.15 s (a tenth of a restart) that a ZPL
    label never uses. The encoder itself needs only the standard library."""
    if "reportlab.graphics.barcode.qrencoder" in sys.modules:  # the PDF side loaded it already
        return sys.modules["reportlab.graphics.barcode.qrencoder"]
    package = importlib.util.find_spec("reportlab")
    assert package is not None and package.submodule_search_locations, "reportlab is a dependency"
    path = f"{package.submodule_search_locations[0]}/graphics/barcode/qrencoder.py"
    spec = importlib.util.spec_from_file_location("printers.barcodes._qrencoder", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[spec.name] = module
    return module


qrencoder = _qrencoder()

QUIET_MODULES = 4  # ISO/IEC 18004: four modules all round
LEVELS = {"L": qrencoder.QRErrorCorrectLevel.L, "M": qrencoder.QRErrorCorrectLevel.M,
          "Q": qrencoder.QRErrorCorrectLevel.Q, "H": qrencoder.QRErrorCorrectLevel.H}
_ALNUM = re.compile(r"[0-9A-Z $%*+\-./:]+")
_UTF8_ECI = 26


def encode(data: str, level: str = "M", field: str = "data") -> tuple[tuple[bool, ...], ...]:
    if not data:
        raise LabelError(field, "a barcode needs data; this one is empty")
    if level not in LEVELS:
        raise LabelError(field, f"QR error correction must be L, M, Q or H, not {level!r}")
    qr = qrencoder.QRCode(None, LEVELS[level])
    if data.isascii():
        if data.isdigit():
            qr.addData(qrencoder.QRNumber(data))
        elif _ALNUM.fullmatch(data):
            qr.addData(qrencoder.QRAlphaNum(data))
        else:
            qr.addData(qrencoder.QR8bitByte(data.encode("ascii")))
    else:
        qr.addData(qrencoder.QRECI(_UTF8_ECI))
        qr.addData(qrencoder.QR8bitByte(data.encode("utf-8")))
    try:
        qr.make()
    except (ValueError, IndexError, TypeError) as exc:
        raise LabelError(field, f"too much data for a QR code ({len(data)} characters)") from exc
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)
