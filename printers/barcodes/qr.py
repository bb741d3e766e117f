"""QR Code from reportlab's own encoder (reportlab.graphics.barcode.qrencoder).

reportlab picks the smallest version and the best mask; this module only chooses the data
mode so that ASCII stays compact and anything else travels as UTF-8 announced by ECI 26,
which phones and scanners decode correctly.
"""

from __future__ import annotations

import re

from reportlab.graphics.barcode import qrencoder

from printers.errors import LabelError

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
