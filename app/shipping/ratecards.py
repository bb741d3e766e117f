"""Offline rate cards: each carrier's price lists as CSV files, so rate shopping needs no network.

A folder per carrier holds:

    services.csv  code,carrier,service,level,transit_days,units,dim_divisor,dim_min_volume,
                  weight_step,residential,remote,signature,fuel_pct,currency
    zones.csv     country,postcode_prefix,zone,transit_days   (longest matching prefix wins;
                  an empty prefix covers the whole country)
    remote.csv    country,postcode_prefix                      (optional: remote-area surcharge)
    <code>.csv    max_weight,<zone>,<zone>,...                 (one per service: the price for a
                  billable weight up to and including max_weight; an empty cell: no service)

A service whose grid has no column for the destination's zone does not go there (that is how
a domestic service stays domestic). Prices: base + residential + remote, plus fuel_pct percent
of those, plus the signature fee when a signature is required (a service with no signature fee
cannot take such a parcel). Everything is loaded once and indexed; pricing a parcel against
every service costs a few dictionary look-ups and one bisect per service.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.shipping.addresses import normalise_postcode
from app.shipping.billable import Billable, DimRule, billable_weight
from app.shipping.errors import RateCardError
from app.shipping.model import ParcelRequest, Rate, money

SERVICE_COLUMNS = ("code", "carrier", "service", "level", "transit_days", "units", "dim_divisor", "dim_min_volume",
                   "weight_step", "residential", "remote", "signature", "fuel_pct", "currency")
LEVELS = ("economy", "ground", "expedited", "express", "overnight")
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "rate_cards"


@dataclass(frozen=True, slots=True)
class Zone:
    name: str
    transit_days: int | None


@dataclass(frozen=True, slots=True)
class Service:
    carrier: str
    code: str
    name: str
    level: str
    transit_days: int | None  # None: the zone's transit days
    rule: DimRule
    residential: Decimal
    remote: Decimal
    signature: Decimal | None  # None: no signature service
    fuel_pct: Decimal
    currency: str
    weights: tuple[Decimal, ...]
    prices: dict[str, tuple[Decimal | None, ...]]  # zone -> price per weight break


@dataclass
class CarrierCard:
    name: str
    services: list[Service] = field(default_factory=list)
    zones: dict[str, list[tuple[str, Zone]]] = field(default_factory=dict)  # country -> [(prefix, zone)] longest first
    remote: dict[str, tuple[str, ...]] = field(default_factory=dict)  # country -> postcode prefixes

    def zone_for(self, country: str, postcode: str) -> Zone | None:
        for prefix, zone in self.zones.get(country, ()):
            if postcode.startswith(prefix):
                return zone
        return None

    def is_remote(self, country: str, postcode: str) -> bool:
        return any(postcode.startswith(prefix) for prefix in self.remote.get(country, ()))


class RateCards:
    """Every carrier's card, loaded from a folder of carrier folders."""

    def __init__(self, carriers: list[CarrierCard]) -> None:
        self.carriers = carriers

    @classmethod
    def load(cls, folder: Path | None = None) -> RateCards:
        folder = Path(folder) if folder else SAMPLE_DIR
        if not folder.is_dir():
            raise RateCardError(f"{folder}: no such rate card folder")
        carriers = [_load_carrier(sub) for sub in sorted(folder.iterdir()) if (sub / "services.csv").is_file()]
        if not carriers:
            raise RateCardError(f"{folder}: no carrier folders with a services.csv")
        return cls(carriers)

    @property
    def services(self) -> list[Service]:
        return [service for card in self.carriers for service in card.services]

    def quote(self, request: ParcelRequest) -> list[Rate]:
        to = request.ship_to
        country = to.country.strip().upper()
        postcode = normalise_postcode(to.postcode)
        rates: list[Rate] = []
        billables: dict[DimRule, Billable] = {}
        for card in self.carriers:
            zone = card.zone_for(country, postcode)
            if zone is None:
                continue
            remote = card.is_remote(country, postcode)
            for service in card.services:
                rate = _price(service, zone, remote, request, billables)
                if rate is not None:
                    rates.append(rate)
        return rates


class RateCardSource:
    """A RateSource over rate cards. It only quotes: the station prints its own label."""

    name = "rate_cards"
    buys_labels = False

    def __init__(self, cards: RateCards) -> None:
        self.cards = cards

    @classmethod
    def from_folder(cls, folder: Path | None = None) -> RateCardSource:
        return cls(RateCards.load(folder))

    def rates(self, request: ParcelRequest) -> list[Rate]:
        return self.cards.quote(request)


def _price(service: Service, zone: Zone, remote: bool, request: ParcelRequest,
           billables: dict[DimRule, Billable]) -> Rate | None:
    column = service.prices.get(zone.name)
    if column is None:
        return None
    if request.signature and service.signature is None:
        return None
    billable = billables.get(service.rule)
    if billable is None:
        billable = billables[service.rule] = billable_weight(request.weight_g, request.outer, service.rule)
    index = bisect_left(service.weights, billable.billable)
    if index == len(service.weights) or column[index] is None:
        return None  # too heavy for this service, or no price at this weight in this zone
    base = column[index]
    assert base is not None
    parts = [("base", base)]
    # A return (is_return) is priced by the customer's zone like the outbound parcel, but it is
    # delivered to the warehouse: no residential surcharge.
    if request.residential and not request.is_return and service.residential:
        parts.append(("residential", service.residential))
    if remote and service.remote:
        parts.append(("remote", service.remote))
    subtotal = sum((value for _, value in parts), Decimal(0))
    if service.fuel_pct:
        parts.append(("fuel", money(subtotal * service.fuel_pct / 100)))
    if request.signature and service.signature:
        parts.append(("signature", service.signature))
    amount = money(sum((value for _, value in parts), Decimal(0)))
    days = service.transit_days if service.transit_days is not None else zone.transit_days
    return Rate(service.carrier, service.name, amount, service.currency, days, RateCardSource.name,
                level=service.level, billable_weight=str(billable), breakdown=tuple(parts))


# ---------------------------------------------------------------- loading


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as source:
            reader = csv.DictReader(source)
            missing = [name for name in required if name not in (reader.fieldnames or ())]
            if missing:
                raise RateCardError(f"{path}: missing column(s) {', '.join(missing)}")
            return [(number, {k.strip(): (v or "").strip() for k, v in row.items() if k})
                    for number, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise RateCardError(f"{path}: cannot be read ({exc.strerror})") from exc


def _decimal(path: Path, row: int, column: str, text: str, *, empty: Decimal | None = Decimal(0)) -> Decimal | None:
    if text == "":
        return empty
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RateCardError(f"{path} row {row}: {column} {text!r} is not a number") from None
    if value < 0:
        raise RateCardError(f"{path} row {row}: {column} must not be negative, not {text}")
    return value


def _days(path: Path, row: int, column: str, text: str) -> int | None:
    if text in ("", "zone"):
        return None
    if not text.isdigit():
        raise RateCardError(f"{path} row {row}: {column} must be whole days or 'zone', not {text!r}")
    return int(text)


def _load_carrier(folder: Path) -> CarrierCard:
    card = CarrierCard(name=folder.name)
    zones_path = folder / "zones.csv"
    for row, values in _rows(zones_path, ("country", "postcode_prefix", "zone")):
        country = values["country"].upper()
        zone = Zone(values["zone"], _days(zones_path, row, "transit_days", values.get("transit_days", "")))
        card.zones.setdefault(country, []).append((normalise_postcode(values["postcode_prefix"]), zone))
    for entries in card.zones.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    remote_path = folder / "remote.csv"
    if remote_path.is_file():
        for _, values in _rows(remote_path, ("country", "postcode_prefix")):
            country = values["country"].upper()
            card.remote[country] = (*card.remote.get(country, ()), normalise_postcode(values["postcode_prefix"]))
    services_path = folder / "services.csv"
    for row, values in _rows(services_path, SERVICE_COLUMNS):
        card.services.append(_service(folder, services_path, row, values))
        card.name = values["carrier"] or card.name
    return card


def _service(folder: Path, path: Path, row: int, v: dict[str, str]) -> Service:
    if v["level"] not in LEVELS:
        raise RateCardError(f"{path} row {row}: level must be one of {', '.join(LEVELS)}, not {v['level']!r}")
    if v["units"] not in ("imperial", "metric"):
        raise RateCardError(f"{path} row {row}: units must be imperial or metric, not {v['units']!r}")
    step = _decimal(path, row, "weight_step", v["weight_step"], empty=Decimal(1))
    assert step is not None
    if step <= 0:
        raise RateCardError(f"{path} row {row}: weight_step must be more than 0")
    rule = DimRule(units=v["units"], divisor=_decimal(path, row, "dim_divisor", v["dim_divisor"]) or Decimal(0),
                   step=step, min_volume=_decimal(path, row, "dim_min_volume", v["dim_min_volume"]) or Decimal(0))
    grid_path = folder / f"{v['code']}.csv"
    if not grid_path.is_file():
        raise RateCardError(f"{path} row {row}: service {v['code']!r} has no price grid {grid_path.name}")
    weights, prices = _grid(grid_path)
    currency = v["currency"].upper()
    if len(currency) != 3:
        raise RateCardError(f"{path} row {row}: currency must be a 3-letter code like USD, not {v['currency']!r}")
    return Service(
        carrier=v["carrier"], code=v["code"], name=v["service"], level=v["level"],
        transit_days=_days(path, row, "transit_days", v["transit_days"]), rule=rule,
        residential=_decimal(path, row, "residential", v["residential"]) or Decimal(0),
        remote=_decimal(path, row, "remote", v["remote"]) or Decimal(0),
        signature=_decimal(path, row, "signature", v["signature"], empty=None),
        fuel_pct=_decimal(path, row, "fuel_pct", v["fuel_pct"]) or Decimal(0),
        currency=currency, weights=weights, prices=prices,
    )


def _grid(path: Path) -> tuple[tuple[Decimal, ...], dict[str, tuple[Decimal | None, ...]]]:
    rows = _rows(path, ("max_weight",))
    if not rows:
        raise RateCardError(f"{path}: no weight breaks")
    zones = [name for name in rows[0][1] if name != "max_weight"]
    weights: list[Decimal] = []
    columns: dict[str, list[Decimal | None]] = {zone: [] for zone in zones}
    for row, values in rows:
        weight = _decimal(path, row, "max_weight", values["max_weight"], empty=None)
        if weight is None or (weights and weight <= weights[-1]):
            raise RateCardError(f"{path} row {row}: max_weight must be given and grow from row to row")
        weights.append(weight)
        for zone in zones:
            columns[zone].append(_decimal(path, row, zone, values.get(zone, ""), empty=None))
    return tuple(weights), {zone: tuple(prices) for zone, prices in columns.items()}
