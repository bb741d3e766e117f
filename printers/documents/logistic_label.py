"""The GS1 logistic label (SSCC label) for a case or pallet, from gs1_logistic_label.toml.

Laid out as the GS1 Logistic Label Guideline asks: free text on top (sender, receiver), the
data in human-readable form with AI titles in the middle, and the barcodes at the bottom with
the SSCC (AI 00) as the lowest one. Values a template can name include {sscc_element}
("(00)" + SSCC), {sscc_text} (the SSCC spaced for reading), {content_element} (the GS1-128
element string of AIs 02/15/3302/37/10 present in the data) and the data's fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from printers.barcodes import gs1
from printers.documents.data import LogisticLabelData
from printers.errors import LabelError
from printers.label import Label, MonoBitmap
from printers.templates import TemplateDir, as_context, compile_label

TEMPLATE = "gs1_logistic_label.toml"


def logistic_label(data: LogisticLabelData, dpi: int = 203, template_dir: TemplateDir = None,
                   images: Mapping[str, MonoBitmap] | None = None) -> Label:
    return compile_label(TEMPLATE, template_dir).build(logistic_label_context(data), dpi, images)


def logistic_label_context(data: LogisticLabelData) -> dict[str, Any]:
    sscc = data.sscc.strip()
    gs1.parse(f"(00){sscc}", "sscc")  # checks length and check digit, naming the field
    # Predefined-length AIs first, so the barcode needs as few FNC1 separators as possible.
    elements: list[str] = []
    if data.content_gtin:
        elements.append(f"(02){data.content_gtin.strip()}")
    if data.best_before:
        elements.append(f"(15){data.best_before.strip()}")
    if data.gross_weight_kg is not None:
        if not 0 <= data.gross_weight_kg < 10_000:
            raise LabelError("gross_weight_kg", "gross weight must be 0 to 9999.99 kg")
        elements.append(f"(3302){round(data.gross_weight_kg * 100):06d}")
    if data.count is not None:
        elements.append(f"(37){data.count}")
    if data.batch:
        elements.append(f"(10){data.batch.strip()}")
    content = "".join(elements)
    if content:
        gs1.parse(content, "content")  # a bad GTIN or batch is reported before anything prints
    if data.ship_to_gln:
        gs1.parse(f"(410){data.ship_to_gln.strip()}", "ship_to_gln")
    ctx: dict[str, Any] = as_context(data)
    ctx.update(
        ship_from_block="\n".join(data.ship_from.lines()),
        ship_to_block="\n".join(data.ship_to.lines()),
        sscc_element=f"(00){sscc}",
        sscc_text=f"{sscc[0]} {sscc[1:8]} {sscc[8:17]} {sscc[17]}",
        content_element=content,
        count_text="" if data.count is None else str(data.count),
        weight_text="" if data.gross_weight_kg is None else f"{data.gross_weight_kg:.2f} kg",
        best_before_text=_date(data.best_before),
    )
    return ctx


def _date(yymmdd: str) -> str:
    d = yymmdd.strip()
    return f"{d[4:6]}.{d[2:4]}.20{d[0:2]}" if len(d) == 6 and d.isdigit() else d
