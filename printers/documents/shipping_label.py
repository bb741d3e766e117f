"""The 4x6 shipping label, built from resources/templates/shipping_label.toml.

The template decides the layout; this module prepares the values a template can name, for
example {ship_to.name}, {ship_to_town}, {weight_text}, {parcel_text}, {routing} (the GS1-128
routing element string "(421)826SW1A1AA") and {parcel_reference}, the barcode a parcel
carries while it has no tracking number yet (order number and parcel number).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from printers.documents.countries import numeric_code
from printers.documents.data import Address, ShippingLabelData
from printers.label import Label, MonoBitmap
from printers.templates import TemplateDir, as_context, compile_label

TEMPLATE = "shipping_label.toml"
_POSTCODE = re.compile(r"[^0-9A-Z]")


def shipping_label(data: ShippingLabelData, dpi: int = 203, template_dir: TemplateDir = None,
                   images: Mapping[str, MonoBitmap] | None = None) -> Label:
    """The label for one parcel; render it with render_zpl, render_pdf or render_png."""
    return compile_label(TEMPLATE, template_dir).build(shipping_label_context(data), dpi, images)


def shipping_label_context(data: ShippingLabelData) -> dict[str, Any]:
    ctx: dict[str, Any] = as_context(data)
    to, sender = data.ship_to, data.ship_from
    ctx.update(
        ship_from_block="\n".join(sender.lines()),
        ship_to_street="\n".join(p for p in (to.company, to.line1, to.line2) if p.strip()),
        ship_to_town=_town(to),
        ship_to_country=to.country.upper() if len(to.country.strip()) <= 3 else to.country,
        carrier_service=" ".join(p for p in (data.carrier, data.service) if p),
        weight_kg=None if data.weight_g is None else data.weight_g / 1000,
        weight_text=" ".join(t for t in ("" if data.weight_g is None else f"{data.weight_g / 1000:.2f} kg",
                                         data.weight_note) if t),
        parcel_text=(f"Parcel {data.parcel_number} of {data.parcel_count}" if data.parcel_count
                     else f"Parcel {data.parcel_number}"),
        parcel_reference=f"{data.order_number}-{data.parcel_number}",
        routing=routing_element_string(to),
    )
    return ctx


def _town(address: Address) -> str:
    return address.town_line(label=True)


def routing_element_string(address: Address) -> str:
    """GS1 AI 421 (ship-to postal code with ISO country code), or "" if it cannot be made."""
    country = numeric_code(address.country)
    postcode = _POSTCODE.sub("", address.postcode.upper())
    if not country or not postcode or len(postcode) > 9:
        return ""
    return f"(421){country}{postcode}"
