"""The plain data the documents are made from.

These are the printers package's own dataclasses, not the app's orders: the station copies
what a document needs into them, so printing never depends on the database or domain model
and a document can be rendered from a test, a script or a replayed job alike.
Empty strings and None mean "not known"; templates leave such lines out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Address:
    name: str
    company: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""  # ISO 3166-1 alpha-2 ("GB", "DE") or the country's name
    phone: str = ""
    email: str = ""

    def town_line(self, *, label: bool = False) -> str:
        """The town line in the destination's own order (printers.documents.address_formats):
        "Columbus, OH 43215" in the US, "10563 Athens" in most of Europe, "〒100-0001 東京都千代田区"
        for a Japanese address written in Japanese. A region the city already is, or in Chinese
        and Japanese starts with ("東京都" with "東京都中央区"), is not written twice. On a label:
        upper case, no commas, as postal services ask."""
        from printers.documents.address_formats import format_town, is_cjk, town_format

        code = self.country.strip().upper()
        if not (len(code) == 2 and code.isalpha()):
            from printers.documents.countries import alpha_2

            code = alpha_2(code)
        city, region = self.city.strip(), self.region.strip()
        if region and (city.casefold() == region.casefold() or city.startswith(region) and is_cjk(region)):
            region = ""
        town = format_town(town_format(code, city, region), self.postcode, city, region)
        return town.replace(",", "").upper() if label else town

    def lines(self, with_name: bool = True) -> list[str]:
        """The address as printed: name, company, street lines, town line, country."""
        town = self.town_line()
        parts = [self.name if with_name else "", self.company, self.line1, self.line2, town, self.country]
        return [p.strip() for p in parts if p and p.strip()]


@dataclass(frozen=True)
class ShippingLabelData:
    """A 4x6 shipping label for one parcel of an order."""

    order_number: str
    ship_from: Address
    ship_to: Address
    carrier: str = ""
    service: str = ""
    tracking_number: str = ""  # empty until the carrier has assigned one
    parcel_number: int = 1
    parcel_count: int | None = None  # None while the order's last box is still open
    weight_g: int | None = None
    weight_note: str = ""  # after the weight ("(typed)"), or instead of it ("Not weighed")
    reference: str = ""  # the customer's own reference, a purchase order number
    ship_date: str = ""
    routing_code: str = ""  # a carrier sort code printed large (hub, route), if the carrier gives one
    # Print the ship-to address transliterated into Latin letters under the native one, for a
    # carrier that needs a Latin address on an international parcel (no effect on a Latin address).
    latin_address: bool = False


@dataclass(frozen=True)
class LogisticLabelData:
    """A GS1 logistic label: one pallet or case identified by its SSCC."""

    sscc: str  # 18 digits with check digit; printers.barcodes.gs1.sscc() builds one
    ship_from: Address
    ship_to: Address
    content_gtin: str = ""  # GTIN-14 of the trade items inside (AI 02)
    count: int | None = None  # number of trade items (AI 37)
    batch: str = ""  # AI 10
    best_before: str = ""  # YYMMDD (AI 15)
    gross_weight_kg: float | None = None  # AI 3302: kilograms with two decimals
    order_number: str = ""  # the customer's purchase order (AI 400)
    ship_to_gln: str = ""  # GLN of the receiving location (AI 410)


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    quantity: int
    variant: str = ""  # size, colour: printed under the name
    note: str = ""


@dataclass(frozen=True)
class Brand:
    """How the shop presents itself on paper."""

    name: str = ""
    logo: bytes | str | Path | None = None  # PNG/JPEG bytes or a path
    primary_colour: str = "#1f2937"
    accent_colour: str = "#2563eb"
    website: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SlipData:
    """A packing slip (A4 or Letter), one per order."""

    order_number: str
    ship_to: Address
    lines: tuple[SlipLine, ...]
    order_date: str = ""
    bill_to: Address | None = None
    brand: Brand = field(default_factory=Brand)
    shipping_method: str = ""
    gift_message: str = ""
    customer_note: str = ""
    return_instructions: str = ""  # replaces the template's default text when given
    return_url: str = ""  # printed as a QR code next to the return instructions
    parcel_count: int | None = None
    # The order's return code (the station's PS:RETURN:<order>:<token>): when given, the returns
    # section is a box with this QR code and `return_note` ("scan or keep this code; RMA ...").
    return_code: str = ""
    return_note: str = ""


@dataclass(frozen=True)
class PickLine:
    location: str  # bin or shelf, e.g. "A-03-2"
    sku: str
    name: str
    quantity: int
    order_number: str = ""
    tote: str = ""
    variant: str = ""


@dataclass(frozen=True)
class PickListData:
    """A pick list: what to fetch, in walking order, for one or more orders."""

    batch: str  # printed as a barcode so the list itself can be scanned at the station
    lines: tuple[PickLine, ...]
    created: str = ""
    picker: str = ""
    station: str = ""
    note: str = ""
