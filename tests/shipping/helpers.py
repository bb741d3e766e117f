from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.model import Address, Dimensions, Order, OrderLine, Product
from app.shipping.model import ParcelRequest
from tests.shipping.conftest import SHIP_FROM
from tests.support import SHIP_BY

SPRINGFIELD = Address(name="Dana Smith", line1="1 Main St", city="Springfield", postcode="12345", country="US")
BERLIN = Address(name="Jürgen Müller", line1="Kastanienallee 12", city="Berlin", postcode="10435", country="DE")
BOX_M_OUTER = Dimensions(310, 260, 210)


def order(ship_to: Address = SPRINGFIELD, *, service_level: str = "Ground", carrier: str = "UPS",
          channel: str = "Shopify", ship_by: date | None = SHIP_BY, number: str = "1001") -> Order:
    socks = Product("SOCK-M", "Merino socks M", 80)
    return Order(number, (OrderLine(1, socks, 2),), channel=channel, ship_to=ship_to, carrier=carrier,
                 service_level=service_level, ship_by=ship_by)


def request(o: Order | None = None, *, weight_g: int = 1800, outer: Dimensions | None = BOX_M_OUTER,
            residential: bool = True, po_box: bool = False, signature: bool = False,
            value: str = "0", international: bool = False) -> ParcelRequest:
    from app.shipping.model import CustomsDeclaration

    return ParcelRequest(o or order(), "parcel-1", 1, Address(**SHIP_FROM), weight_g, outer, Decimal(value), "USD",
                         residential, po_box, signature, "ps-parcel-1-1",
                         customs=CustomsDeclaration((), "USD") if international else None)
