"""Label and document rendering (ZPL, PDF, PNG) and printer transports.

This package knows nothing of orders or of the app: it takes a label or document model and
returns bytes, and transports deliver bytes to printers. The renderers are imported lazily
(reportlab and PDFium take a moment to load), so code that only sends bytes stays light.

    from printers import Label, Text, Barcode, Symbology, render_zpl, render_pdf, render_png
    from printers import open_transport
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from printers.errors import (
    BadPrinterUri,
    ConnectionLost,
    JobInterrupted,
    LabelError,
    PrinterError,
    PrinterNotReady,
    PrinterTimeout,
    PrinterUnreachable,
    TemplateError,
    TransportError,
)
from printers.label import (
    Align,
    Barcode,
    Box,
    Element,
    Fit,
    Font,
    Image,
    Label,
    Line,
    MonoBitmap,
    Rotation,
    Symbology,
    Text,
)
from printers.status import PrinterStatus, parse_host_status
from printers.transports import Transport, open_transport, send, transport_for

if TYPE_CHECKING:
    from printers.pdf import render_pdf
    from printers.png import render_png
    from printers.zpl import render_zpl

_LAZY = {"render_zpl": "printers.zpl", "render_pdf": "printers.pdf", "render_png": "printers.png"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'printers' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "Align", "BadPrinterUri", "Barcode", "Box", "ConnectionLost", "Element", "Fit", "Font", "Image", "JobInterrupted",
    "Label", "LabelError", "Line", "MonoBitmap", "PrinterError", "PrinterNotReady", "PrinterStatus", "PrinterTimeout",
    "PrinterUnreachable", "Rotation", "Symbology", "TemplateError", "Text", "Transport", "TransportError",
    "open_transport", "parse_host_status", "render_pdf", "render_png", "render_zpl", "send", "transport_for",
]
