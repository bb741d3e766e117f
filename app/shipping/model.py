"""Shipping's plain values: what is being shipped, what a carrier quotes, what was bought.

Money is `Decimal` (never float: a rate card's 7.10 must stay 7.10); weights are grams and
sizes millimetres, as everywhere in the app, converted to a carrier's units only at its edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from app.domain.model import Address, Dimensions, Order

CENT = Decimal("0.01")


def money(value: Any) -> Decimal:
    """A money amount rounded to the cent, half up, as carriers and invoices round."""
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class CustomsLine:
    sku: str
    description: str
    hs_code: str
    origin_country: str
    quantity: int
    unit_value: Decimal
    weight_g: int

    @property
    def value(self) -> Decimal:
        return money(self.unit_value * self.quantity)


@dataclass(frozen=True, slots=True)
class CustomsDeclaration:
    lines: tuple[CustomsLine, ...]
    currency: str
    contents_type: str = "merchandise"  # merchandise, gift, documents, sample, returned_goods

    @property
    def total_value(self) -> Decimal:
        return money(sum((line.value for line in self.lines), Decimal(0)))

    @property
    def total_weight_g(self) -> int:
        return sum(line.weight_g for line in self.lines)


@dataclass(frozen=True, slots=True)
class ParcelRequest:
    """One parcel to be rated and labelled, with everything a carrier asks about it."""

    order: Order
    parcel_uuid: str
    box: int
    ship_from: Address
    weight_g: int
    outer: Dimensions | None  # outer size of the box; None: a bag or unknown
    declared_value: Decimal
    currency: str
    residential: bool
    po_box: bool
    signature: bool
    reference: str  # the purchase's idempotency key: the carrier keeps it with the shipment
    label_format: str = "zpl"  # zpl or pdf
    customs: CustomsDeclaration | None = None
    contents: tuple[tuple[str, int], ...] = ()  # (sku, quantity) in this box
    # A customer's return: the addresses stay as the outbound parcel had them (ship_from the
    # warehouse, ship_to the customer) and the carrier carries the parcel the other way, from
    # the customer back to ship_from (EasyPost's `is_return`).
    is_return: bool = False

    @property
    def ship_to(self) -> Address:
        return self.order.ship_to

    @property
    def international(self) -> bool:
        return self.customs is not None


@dataclass(frozen=True, slots=True)
class Rate:
    """One price for one service, from a rate card or a carrier's API."""

    carrier: str
    service: str
    amount: Decimal
    currency: str
    transit_days: int | None
    source: str  # the RateSource's name: "rate_cards", "easypost"
    level: str = ""  # the card's service class: ground, expedited, express, overnight, economy
    rate_id: str = ""  # the carrier API's id for buying this rate
    shipment_id: str = ""  # the carrier API's shipment the rate belongs to
    billable_weight: str = ""  # "3 lb", "1.5 kg": what the price was looked up by
    breakdown: tuple[tuple[str, Decimal], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.carrier}/{self.service}"

    def as_dict(self) -> dict[str, Any]:
        return {"carrier": self.carrier, "service": self.service, "amount": str(self.amount),
                "currency": self.currency, "transit_days": self.transit_days, "source": self.source,
                "level": self.level, "billable_weight": self.billable_weight,
                "breakdown": {name: str(value) for name, value in self.breakdown}}


@dataclass(frozen=True, slots=True)
class Considered:
    """A rate and, when it could not be chosen, why not."""

    rate: Rate
    excluded: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {**self.rate.as_dict(), "excluded": self.excluded}


@dataclass(frozen=True, slots=True)
class Choice:
    chosen: Rate
    reason: str
    considered: tuple[Considered, ...]

    @property
    def beaten(self) -> tuple[Rate, ...]:
        """Every other rate that was on offer: cheaper ones excluded by a rule, dearer ones."""
        return tuple(c.rate for c in self.considered if c.rate is not self.chosen)


@dataclass(frozen=True, slots=True)
class BoughtLabel:
    """What a carrier API answered to a purchase (or a look-up that found one)."""

    tracking_number: str
    shipment_id: str
    label_url: str
    label_format: str
    carrier: str = ""
    service: str = ""
    amount: Decimal | None = None
    currency: str = ""
    label_bytes: bytes | None = None


@dataclass(frozen=True, slots=True)
class Lookup:
    """A purchase looked up by its reference: `found` the shipment, `bought` if it has a label."""

    found: bool
    bought: BoughtLabel | None = None


@dataclass(frozen=True)
class PurchasedLabel:
    """The label for a parcel, as the station gets it.

    `label_bytes` None means no carrier label was bought (offline rate cards): the station
    prints its own label with this carrier and service on it.
    """

    parcel_uuid: str
    tracking_number: str | None
    carrier: str
    service: str
    rate: Decimal
    currency: str
    label_bytes: bytes | None
    label_format: str | None
    beaten_rates: tuple[Rate, ...] = ()
    source: str = ""
    transit_days: int | None = None
    reused: bool = False  # an earlier purchase for this parcel was returned, nothing new bought
    reason: str = ""

    @property
    def self_printed(self) -> bool:
        return self.label_bytes is None


class RateSource(Protocol):
    """Quotes rates for a parcel. Rate cards only quote; carrier APIs also sell labels."""

    name: str
    buys_labels: bool

    def rates(self, request: ParcelRequest) -> list[Rate]: ...


class LabelSource(RateSource, Protocol):
    def buy(self, request: ParcelRequest, rate: Rate) -> BoughtLabel: ...

    def lookup(self, reference: str, shipment_id: str = "") -> Lookup: ...

    def download(self, bought: BoughtLabel, label_format: str) -> bytes: ...

    def void(self, shipment_id: str) -> str: ...


@dataclass(frozen=True, slots=True)
class AddressCheck:
    ok: bool
    messages: tuple[str, ...] = ()
    corrected: Address | None = None
    residential: bool | None = None
