"""Bulk and distribution shipments, pure: cartons of a wholesale order, pallets of cartons, the ASN.

Each carton and each pallet is a logistic unit named by an SSCC (GS1 AI 00). The store
allocates SSCC serial references from a sequence; this module checks that what goes into a
carton belongs to the order, that a carton sits on one pallet only, and builds the advance
ship notice (ASN): pallets → cartons → items, with lots and serials.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.gtin import make_sscc, sscc_is_valid
from app.domain.model import Address


class UnitKind(StrEnum):
    CARTON = "carton"
    PALLET = "pallet"


class BulkError(ValueError):
    """A carton or pallet that cannot be built as asked; the message says why, for the screen."""


@dataclass(frozen=True, slots=True)
class CartonItem:
    sku: str
    quantity: int
    gtin: str = ""  # GTIN-14 of the trade item, for the ASN and the label's AI 02
    lot: str | None = None
    serials: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LogisticUnit:
    sscc: str
    kind: UnitKind
    items: tuple[CartonItem, ...] = ()  # cartons
    children: tuple[str, ...] = ()  # pallets: the SSCCs of their cartons
    parent: str | None = None  # a carton's pallet
    weight_g: int | None = None

    @property
    def units(self) -> int:
        return sum(item.quantity for item in self.items)


@dataclass(frozen=True)
class BulkShipment:
    """What a wholesale order has become so far: its cartons and pallets, in packing order."""

    order_number: str
    ordered: Mapping[str, int]  # units per SKU
    cartons: Mapping[str, LogisticUnit] = field(default_factory=dict)
    pallets: Mapping[str, LogisticUnit] = field(default_factory=dict)

    def packed(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for carton in self.cartons.values():
            for item in carton.items:
                totals[item.sku] = totals.get(item.sku, 0) + item.quantity
        return totals

    def remaining(self) -> dict[str, int]:
        packed = self.packed()
        return {sku: qty - packed.get(sku, 0) for sku, qty in self.ordered.items() if qty - packed.get(sku, 0)}

    @property
    def complete(self) -> bool:
        return not self.remaining()

    def loose_cartons(self) -> tuple[LogisticUnit, ...]:
        return tuple(c for c in self.cartons.values() if c.parent is None)

    # -- checks before the store allocates an SSCC

    def check_carton(self, items: Iterable[CartonItem]) -> tuple[CartonItem, ...]:
        items = tuple(items)
        if not items or any(item.quantity <= 0 for item in items):
            raise BulkError("A carton needs at least one item, each with a quantity of 1 or more.")
        packed = self.packed()
        adding: dict[str, int] = {}
        for item in items:
            if item.sku not in self.ordered:
                raise BulkError(f"{item.sku} is not in order {self.order_number}.")
            if item.serials and len(item.serials) != item.quantity:
                raise BulkError(f"{item.sku}: {item.quantity} unit(s) but {len(item.serials)} serial(s).")
            adding[item.sku] = adding.get(item.sku, 0) + item.quantity
        for sku, qty in adding.items():
            left = self.ordered[sku] - packed.get(sku, 0)
            if qty > left:
                raise BulkError(f"Too many {sku}: {left} left to pack in order {self.order_number}, not {qty}.")
        seen = {s for c in self.cartons.values() for i in c.items for s in i.serials}
        for item in items:
            for serial in item.serials:
                if serial in seen:
                    raise BulkError(f"Serial {serial} is already in a carton of this shipment.")
                seen.add(serial)
        return items

    def check_pallet(self, ssccs: Iterable[str]) -> tuple[str, ...]:
        ssccs = tuple(ssccs)
        if not ssccs:
            raise BulkError("A pallet needs at least one carton.")
        if len(set(ssccs)) != len(ssccs):
            raise BulkError("The same carton was scanned twice for this pallet.")
        for sscc in ssccs:
            carton = self.cartons.get(sscc)
            if carton is None:
                raise BulkError(f"Carton {sscc} is not part of order {self.order_number}.")
            if carton.parent is not None:
                raise BulkError(f"Carton {sscc} is already on pallet {carton.parent}.")
        return ssccs

    # -- evolving (the store calls these after it has written the unit)

    def with_carton(self, carton: LogisticUnit) -> BulkShipment:
        return replace(self, cartons={**self.cartons, carton.sscc: carton})

    def with_pallet(self, pallet: LogisticUnit) -> BulkShipment:
        cartons = dict(self.cartons)
        for sscc in pallet.children:
            cartons[sscc] = replace(cartons[sscc], parent=pallet.sscc)
        return replace(self, cartons=cartons, pallets={**self.pallets, pallet.sscc: pallet})


def sscc_for(extension_digit: int, company_prefix: str, serial_reference: int) -> str:
    """The SSCC of a serial reference from the sequence; raises when the prefix's range is used up."""
    sscc = make_sscc(extension_digit, company_prefix, serial_reference)
    assert sscc_is_valid(sscc)
    return sscc


# ---------------------------------------------------------------- the advance ship notice


@dataclass(frozen=True)
class AsnDocument:
    """An advance ship notice for one shipment: what is on which pallet, in which carton."""

    shipment: BulkShipment
    ship_to: Address
    ship_from: Address
    created_at: datetime
    carrier: str = ""
    service_level: str = ""
    purchase_order: str = ""  # the customer's PO number, when it differs from the order number

    def as_dict(self) -> dict[str, Any]:
        s = self.shipment
        totals = s.packed()
        return {
            "type": "advance_ship_notice",
            "version": 1,
            "order_number": s.order_number,
            "purchase_order": self.purchase_order or s.order_number,
            "created_at": self.created_at.isoformat(),
            "carrier": self.carrier,
            "service_level": self.service_level,
            "ship_from": _address(self.ship_from),
            "ship_to": _address(self.ship_to),
            "totals": {"pallets": len(s.pallets), "cartons": len(s.cartons), "units": sum(totals.values())},
            "pallets": [{"sscc": p.sscc, "weight_g": p.weight_g,
                         "cartons": [_carton(s.cartons[c]) for c in p.children]} for p in s.pallets.values()],
            "loose_cartons": [_carton(c) for c in s.loose_cartons()],
            "items": [{"sku": sku, "quantity": qty, "ordered": s.ordered.get(sku, 0)} for sku, qty in totals.items()],
        }

    def rows(self) -> list[dict[str, Any]]:
        """One row per unit line (one per serial for serialised items): the CSV form."""
        out: list[dict[str, Any]] = []
        s = self.shipment
        ordered_cartons = [c for p in s.pallets.values() for c in p.children] + [c.sscc for c in s.loose_cartons()]
        for sscc in ordered_cartons:
            carton = s.cartons[sscc]
            for item in carton.items:
                base = {"order_number": s.order_number, "pallet_sscc": carton.parent or "", "carton_sscc": sscc,
                        "sku": item.sku, "gtin": item.gtin, "lot": item.lot or ""}
                if item.serials:
                    out += [{**base, "quantity": 1, "serial": serial} for serial in item.serials]
                else:
                    out.append({**base, "quantity": item.quantity, "serial": ""})
        return out


ASN_COLUMNS = ("order_number", "pallet_sscc", "carton_sscc", "sku", "gtin", "quantity", "lot", "serial")


def _carton(c: LogisticUnit) -> dict[str, Any]:
    return {"sscc": c.sscc, "weight_g": c.weight_g,
            "items": [{"sku": i.sku, "gtin": i.gtin, "quantity": i.quantity, "lot": i.lot,
                       "serials": list(i.serials)} for i in c.items]}


def _address(a: Address) -> dict[str, str]:
    return {"name": a.name, "company": a.company, "line1": a.line1, "line2": a.line2, "city": a.city,
            "region": a.region, "postcode": a.postcode, "country": a.country}
