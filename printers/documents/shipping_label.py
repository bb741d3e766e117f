"""The 4x6 shipping label, built from resources/templates/shipping_label.toml.

The template decides the layout; this module prepares the values a template can name, for
example {ship_to.name}, {ship_to_town}, {weight_text}, {parcel_text}, {routing} (the GS1-128
routing element string "(421)826SW1A1AA") and {parcel_reference}, the barcode a parcel
carries while it has no tracking number yet (order number and parcel number).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from printers.documents.countries import alpha_2, numeric_code
from printers.documents.data import Address, ShippingLabelData
from printers.fonts import shorten
from printers.label import Label, MonoBitmap
from printers.romanize import has_kana, is_latin, romanize
from printers.templates import TemplateDir, as_context, compile_label

TEMPLATE = "shipping_label.toml"
_POSTCODE = re.compile(r"[^0-9A-Z]")


# Limits for the parts of the town line, so that one overlong part (a postcode field holding a
# whole address) cannot push the others off the label: city 30 (UPS Shipping API City 1-30),
# region 30; postal code 16 (no real one is longer than 10; a longer value is text typed in
# the wrong field, and its first 15 characters stay readable).
POSTCODE_LIMIT, CITY_LIMIT, REGION_LIMIT = 16, 30, 30


def shipping_label(data: ShippingLabelData, dpi: int = 203, template_dir: TemplateDir = None,
                   images: Mapping[str, MonoBitmap] | None = None) -> Label:
    """The label for one parcel; render it with render_zpl, render_pdf or render_png.

    Label.shortened names the fields not printed in full (the slip and the record keep them).
    """
    ctx = shipping_label_context(data)
    label = compile_label(TEMPLATE, template_dir).build(ctx, dpi, images)
    if ctx["town_shortened"]:
        label = replace(label, data_shortened=("ship_to.city",))
    return label


def shipping_label_context(data: ShippingLabelData) -> dict[str, Any]:
    ctx: dict[str, Any] = as_context(data)
    to, sender = data.ship_to, data.ship_from
    ctx.update(
        ship_from_block="\n".join(sender.lines()),
        ship_to_street="\n".join(p for p in (to.company, to.line1, to.line2) if p.strip()),
        ship_to_town=_town(to),
        town_shortened=(len(to.postcode) > POSTCODE_LIMIT or len(to.city) > CITY_LIMIT
                        or len(to.region) > REGION_LIMIT),
        ship_to_country=to.country.upper() if len(to.country.strip()) <= 3 else to.country,
        carrier_service=" ".join(p for p in (data.carrier, data.service) if p),
        weight_kg=None if data.weight_g is None else data.weight_g / 1000,
        weight_text=" ".join(t for t in ("" if data.weight_g is None else f"{data.weight_g / 1000:.2f} kg",
                                         data.weight_note) if t),
        parcel_text=(f"Parcel {data.parcel_number} of {data.parcel_count}" if data.parcel_count
                     else f"Parcel {data.parcel_number}"),
        parcel_reference=f"{data.order_number}-{data.parcel_number}",
        routing=routing_element_string(to),
        ship_to_latin=latin_address(to) if data.latin_address else "",
    )
    return ctx


def latin_address(address: Address) -> str:
    """The lines of the address that are not in Latin letters, transliterated (printers.romanize),
    name / street / town; "" if every line already is in Latin letters (none is printed twice).

    A Japanese address (kana in it, or bound for Japan) is read as Japanese ("山田太郎" is
    "Yamada Taro", "東京都" "Tokyo-to"); other scripts are spelled out by anyascii. The town line
    is the transliterated city, region and postcode in the country's Latin order
    ("CHIYODA-KU TOKYO-TO 100-0001"), not the native order letter by letter."""
    street = ", ".join(p.strip() for p in (address.company, address.line1, address.line2) if p.strip())
    town = (address.city, address.region, address.postcode)
    if all(is_latin(p) for p in (address.name, street, *town)):
        return ""
    japanese = _alpha_2(address.country) == "JP" or any(
        has_kana(p) for p in (address.name, street, address.city, address.region))
    lines = [romanize(p, japanese) for p in (address.name, street) if p.strip() and not is_latin(p)]
    if not all(is_latin(p) for p in town):
        city, region, postcode = (romanize(p, japanese) for p in town)
        lines.append(replace(address, city=city, region=region, postcode=postcode).town_line(label=True))
    return "\n".join(line for line in lines if line)


def _alpha_2(country: str) -> str:
    code = country.strip().upper()
    return code if len(code) == 2 and code.isalpha() else alpha_2(code)


def _town(address: Address) -> str:
    """The town line as the label prints it, each part cut at its carrier limit."""
    short = replace(address, postcode=shorten(address.postcode, POSTCODE_LIMIT),
                    city=shorten(address.city, CITY_LIMIT), region=shorten(address.region, REGION_LIMIT))
    return short.town_line(label=True)


def routing_element_string(address: Address) -> str:
    """GS1 AI 421 (ship-to postal code with ISO country code), or "" if it cannot be made."""
    country = numeric_code(address.country)
    postcode = _POSTCODE.sub("", address.postcode.upper())
    if not country or not postcode or len(postcode) > 9:
        return ""
    return f"(421){country}{postcode}"
