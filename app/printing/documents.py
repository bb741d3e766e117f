"""From the warehouse's orders to the printers' plain document data."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.config import LabelSettings
from app.domain import clock
from app.domain import model as m
from app.domain.weights import WeightSource, weight_note

# printers.documents.data is imported at the first label or slip (or by PrinterOutput.warm_up, right
# after the window is ready): not on the way to a ready station.
if TYPE_CHECKING:
    from printers.documents.data import Address, ShippingLabelData, SlipData


def address(a: m.Address) -> Address:
    from printers.documents.data import Address

    return Address(name=a.name, company=a.company, line1=a.line1, line2=a.line2, city=a.city, region=a.region,
                   postcode=a.postcode, country=a.country, phone=a.phone, email=a.email)


def ship_from(values: dict[str, str]) -> Address:
    from printers.documents.data import Address

    if not any(values.values()):
        # Better a label that says what to fix than one with a blank sender.
        return Address(name="Ship-from not configured", line1="Set [ship_from] in station.toml")
    return Address(**{key: values.get(key, "") for key in
                      ("name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone")})


def label_data(order: m.Order, sender: dict[str, str], *, box: int, boxes: int | None, weight_g: int | None,
               tracking: str | None, carrier: str | None = None, service: str | None = None,
               weight_source: str = "scale", ship_date: date | None = None,
               labels: LabelSettings | None = None) -> ShippingLabelData:
    """`carrier`/`service`: what was bought for the parcel (shipping), instead of what the order asked for.

    `weight_source` (app.domain.weights.WeightSource): a typed weight prints "2.87 kg (typed)", a box
    not weighed prints "Not weighed", never an expected weight. `ship_date`: the day the label was
    first made (the parcel's), today when it is made now. `labels` ([labels] in station.toml) says
    whether the carrier wants the address in Latin letters too (by default: on an international
    parcel). The label may shorten what does not fit; the order and the slip keep the full text.
    """
    from printers.documents.data import ShippingLabelData

    source = WeightSource.of(weight_source)
    carrier = order.carrier if carrier is None else carrier
    rule = (labels or LabelSettings()).latin_address_rule(carrier)
    return ShippingLabelData(
        order_number=order.number, ship_from=ship_from(sender), ship_to=address(order.ship_to), carrier=carrier,
        service=order.service_level if service is None else service, tracking_number=tracking or "",
        parcel_number=box, parcel_count=boxes, weight_g=None if source is WeightSource.NOT_WEIGHED else weight_g,
        weight_note=weight_note(source), ship_date=(ship_date or clock.today()).isoformat(),
        latin_address=wants_latin_address(rule, ship_to=order.ship_to.country, ship_from=sender.get("country", "")),
    )


def wants_latin_address(rule: str, *, ship_to: str, ship_from: str) -> bool:
    """Whether the label prints the ship-to address in Latin letters too, by the carrier's rule:
    "always", "never", or "international": when the destination country differs from the
    ship-from country (codes or names: "JP", "Japan"). A parcel with no destination country is
    domestic; with a destination but no ship-from country configured, it may be abroad, and the
    Latin copy is printed (a carrier can read it; the native address stays above it)."""
    if rule in ("always", "never"):
        return rule == "always"
    if not ship_to.strip():
        return False
    if not ship_from.strip():
        return True
    from printers.documents.countries import alpha_2

    to_code, from_code = alpha_2(ship_to), alpha_2(ship_from)
    if to_code and from_code:
        return to_code != from_code
    return ship_to.strip().casefold() != ship_from.strip().casefold()


def slip_data(order: m.Order, parcels: int | None = None, *, rma: str = "", return_code: str = "") -> SlipData:
    """`return_code`: the order's PS:RETURN code (of RMA `rma`), printed as a QR code in the slip's
    returns box ([returns] code_on_slip)."""
    from printers.documents.data import SlipData, SlipLine

    lines = tuple(SlipLine(sku=line.sku, name=line.product.name, quantity=line.quantity) for line in order.lines)
    note = ("To return an item, scan or keep this code" + (f"; RMA {rma}" if rma else ".")) if return_code else ""
    return SlipData(order_number=order.number, ship_to=address(order.ship_to), lines=lines,
                    shipping_method=" ".join(p for p in (order.carrier, order.service_level) if p),
                    gift_message=order.gift_message, customer_note=order.notes, parcel_count=parcels,
                    return_code=return_code, return_note=note)
