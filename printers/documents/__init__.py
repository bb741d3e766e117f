"""Documents made from templates: labels (shipping, GS1 logistic) and pages (packing slip,
pick list, the command-barcode sheet), plus carrier labels passed through unchanged.

Labels come back as printers.Label (render with render_zpl / render_pdf / render_png);
page documents come back as PDF bytes.
"""

from __future__ import annotations

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

__all__ = [
    "Address", "Brand", "LogisticLabelData", "PickLine", "PickListData", "RawDocument", "SheetBarcode",
    "SheetSection", "ShippingLabelData", "SlipData", "SlipLine", "logistic_label", "render_barcode_sheet",
    "render_packing_slip", "render_pick_list", "shipping_label",
]
