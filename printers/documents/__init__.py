"""Documents made from templates: labels (shipping, GS1 logistic) and pages (packing slip,
pick list, the command-barcode sheet), plus carrier labels passed through unchanged.

Labels come back as printers.Label (render with render_zpl / render_pdf / render_png);
page documents come back as PDF bytes.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what __getattr__ hands out, for the type checker (importing it here is what _EXPORTS avoids)
    from printers.documents.barcode_sheet import SheetBarcode, SheetSection, render_barcode_sheet
    from printers.documents.data import (
        Address,
        Brand,
        LogisticLabelData,
        PickLine,
        PickListData,
        ShippingLabelData,
        SlipData,
        SlipLine,
    )
    from printers.documents.logistic_label import logistic_label
    from printers.documents.packing_slip import render_packing_slip
    from printers.documents.pick_list import render_pick_list
    from printers.documents.raw import RawDocument
    from printers.documents.shipping_label import shipping_label

# Names are imported on first use: a station imports this package at start and needs the page
# renderers (reportlab, barcodes: a third of a second) only at its first label or slip.
_EXPORTS = {
    "SheetBarcode": "barcode_sheet", "SheetSection": "barcode_sheet", "render_barcode_sheet": "barcode_sheet",
    "Address": "data", "Brand": "data", "LogisticLabelData": "data", "PickLine": "data", "PickListData": "data",
    "ShippingLabelData": "data", "SlipData": "data", "SlipLine": "data",
    "logistic_label": "logistic_label", "render_packing_slip": "packing_slip", "render_pick_list": "pick_list",
    "RawDocument": "raw", "shipping_label": "shipping_label",
}

__all__ = [
    "Address", "Brand", "LogisticLabelData", "PickLine", "PickListData", "RawDocument", "SheetBarcode",
    "SheetSection", "ShippingLabelData", "SlipData", "SlipLine", "logistic_label", "render_barcode_sheet",
    "render_packing_slip", "render_pick_list", "shipping_label",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'printers.documents' has no attribute {name!r}")
    value = getattr(import_module(f"printers.documents.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


class _Documents(ModuleType):
    """Importing printers.documents.shipping_label would bind the package's `shipping_label` to
    that submodule; the function keeps the name, as it did when this package imported eagerly."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Documents
