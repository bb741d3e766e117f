"""The warehouse's things as plain values: products, orders, cartons, people.

These are snapshots handed to the packing workflow; the store builds them from its tables.
They are frozen so that a session state can share them safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    PACKER = "packer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def can_override(self) -> bool:
        """Supervisors and admins may approve an order that fails verification."""
        return self in (Role.SUPERVISOR, Role.ADMIN)


class OrderStatus(StrEnum):
    OPEN = "open"  # waiting to be packed
    PACKING = "packing"  # opened at a station
    PACKED = "packed"  # every parcel labelled
    HELD = "held"  # short pick, damaged, weight mismatch...: a supervisor decides
    CANCELLED = "cancelled"  # cancelled upstream: must not ship
    SHIPPED = "shipped"  # handed to the carrier


@dataclass(frozen=True, slots=True)
class Dimensions:
    """Outer size of an item or inner size of a carton, in millimetres."""

    length_mm: int
    width_mm: int
    height_mm: int

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm

    def sorted(self) -> tuple[int, int, int]:
        a, b, c = sorted((self.length_mm, self.width_mm, self.height_mm), reverse=True)
        return a, b, c


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    weight_g: int = 0
    dimensions: Dimensions | None = None
    requires_serial: bool = False
    requires_lot: bool = False
    image: str | None = None
    bin_location: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    name: str = ""
    company: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_no: int
    product: Product
    quantity: int

    @property
    def sku(self) -> str:
        return self.product.sku


@dataclass(frozen=True, slots=True)
class Order:
    number: str
    lines: tuple[OrderLine, ...]
    status: OrderStatus = OrderStatus.OPEN
    channel: str = ""
    tote: str | None = None
    ship_to: Address = field(default_factory=Address)
    carrier: str = ""
    service_level: str = ""
    ship_by: date | None = None
    priority: int = 0
    notes: str = ""
    gift_message: str = ""
    packing_instructions: str = ""

    def line_for_sku(self, sku: str) -> OrderLine | None:
        return next((line for line in self.lines if line.sku == sku), None)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True, slots=True)
class Carton:
    code: str
    name: str
    inner: Dimensions
    tare_g: int
    max_weight_g: int


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: Role
    badge: str | None = None
