"""Why the station's printing output could not make a label or slip, by code (app.printing.output).

The English is what the packer always read (the command line and the logs show it as it is); a
screen in another language words the code and values instead. An `OutputReason` is a str (the
English, unchanged) that carries its `code`, its English `template` (the key of the translation
catalogue, context "OutputReasons") and its `values`, like printers.reasons.Reason and
app.shipping.reasons.CarrierReason; app.ui.messages.coded_text words any such text, values too
(a carrier's or printer's coded reason inside one is worded as well).
Hand-written for the same reason as printers.reasons: a str with a code is all it takes.
"""

from __future__ import annotations

from app.domain.coded_text import CodedText

OUTPUT_REASONS: dict[str, str] = {
    "label_cannot_be_made": "The label cannot be made ({error}).",
    "slip_cannot_be_made": "Packing slip cannot be made: {error}",
    "carrier_label_zpl": "The carrier's label is ZPL but the label printer takes PDF: set shipping.label_format = "
                         "\"pdf\" (or printers.label_format = \"zpl\"), then scan REPRINT. The label is bought: it is "
                         "not bought again.",
    "upstream_label_zpl": "This order's carrier label is ZPL but the label printer takes PDF: set "
                          "printers.label_format = \"zpl\" or ask for a PDF label.",
    "shipping_not_set_up": "Shipping is not set up right ({error}). Set the parcel aside and tell a supervisor.",
    # several labels could not be voided: each problem (a carrier's coded reason) after the other
    "one_then_another": "{first} {then}",
}


class OutputReason(CodedText):
    """English words for the packer, with the code and values a screen words them from."""

    context = "OutputReasons"  # the translation catalogue's context for these templates
    templates = OUTPUT_REASONS


def one_after_another(problems: list[str]) -> str:
    """Several problems as one text: the English joined by spaces, as it always was; each keeps its code."""
    return OutputReason.joined(problems)
