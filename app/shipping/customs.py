"""Customs data per product, and the declaration of a parcel that leaves the customs territory.

The office keeps a tariff number (HS code), a country of origin and a declared unit value for
each SKU (`packstation shipping customs-import FILE.csv`). A parcel going abroad is declared
line by line from it; a SKU without complete data stops the label with a clear instruction,
because a parcel with a wrong declaration comes back weeks later.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import Engine, insert, select, update

from app.domain import clock
from app.domain.model import Order
from app.shipping.errors import CustomsDataMissing
from app.shipping.model import CustomsDeclaration, CustomsLine, money
from app.store.db import write_transaction
from app.store.shipping_models import CustomsItem

_items = CustomsItem.__table__
_HS = re.compile(r"^\d{4}(\.?\d{2}){1,3}$")


@dataclass(frozen=True, slots=True)
class CustomsData:
    sku: str
    description: str
    hs_code: str
    origin_country: str
    unit_value: Decimal
    currency: str

    @property
    def complete(self) -> bool:
        return bool(self.description and self.hs_code and len(self.origin_country) == 2 and self.unit_value > 0)


class CustomsCatalogue:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, skus: Iterable[str]) -> dict[str, CustomsData]:
        wanted = sorted(set(skus))
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(_items).where(_items.c.sku.in_(wanted))).all()
        return {r.sku: CustomsData(r.sku, r.description, r.hs_code, r.origin_country, Decimal(r.unit_value),
                                   r.currency) for r in rows}

    def save(self, items: Iterable[CustomsData]) -> int:
        items = list(items)
        now = clock.now()
        with write_transaction(self.engine) as conn:
            known = set(conn.execute(select(_items.c.sku).where(_items.c.sku.in_([i.sku for i in items]))).scalars())
            for item in items:
                values = {"description": item.description, "hs_code": item.hs_code,
                          "origin_country": item.origin_country, "unit_value": str(money(item.unit_value)),
                          "currency": item.currency, "updated_at": now}
                if item.sku in known:
                    conn.execute(update(_items).where(_items.c.sku == item.sku).values(**values))
                else:
                    conn.execute(insert(_items).values(sku=item.sku, **values))
        return len(items)

    def import_csv(self, path: Path) -> tuple[int, list[str]]:
        """Load sku,description,hs_code,origin_country,unit_value,currency rows; returns (saved, errors)."""
        items, errors = [], []
        with Path(path).open(encoding="utf-8-sig", newline="") as source:
            for number, row in enumerate(csv.DictReader(source), start=2):
                try:
                    items.append(parse_row(row))
                except ValueError as exc:
                    errors.append(f"{path} row {number}: {exc}")
        if errors:
            return 0, errors
        return self.save(items), []


def parse_row(row: dict[str, str]) -> CustomsData:
    def field(name: str) -> str:
        return (row.get(name) or "").strip()

    sku = field("sku")
    if not sku:
        raise ValueError("sku is empty")
    hs = field("hs_code")
    if not _HS.match(hs):
        raise ValueError(f"hs_code {hs!r} is not a tariff number like 6109.10 or 610910")
    origin = field("origin_country").upper()
    if not re.fullmatch(r"[A-Z]{2}", origin):
        raise ValueError(f"origin_country {origin!r} is not a 2-letter country code like CN")
    try:
        value = Decimal(field("unit_value"))
    except InvalidOperation:
        raise ValueError(f"unit_value {field('unit_value')!r} is not an amount") from None
    if value <= 0:
        raise ValueError("unit_value must be more than 0")
    currency = (field("currency") or "USD").upper()
    return CustomsData(sku, field("description"), hs.replace(".", ""), origin, value, currency)


def parcel_contents(order: Order, contents: Iterable[tuple[str, int]] | None) -> tuple[tuple[str, int], ...]:
    """What is in the box: as given by the station, else the whole order (a one-box order)."""
    given = tuple((sku, qty) for sku, qty in (contents or ()) if qty > 0)
    return given or tuple((line.sku, line.quantity) for line in order.lines)


def declared_value(contents: Iterable[tuple[str, int]], data: dict[str, CustomsData]) -> Decimal:
    return money(sum((data[sku].unit_value * qty for sku, qty in contents if sku in data), Decimal(0)))


def declaration(order: Order, contents: tuple[tuple[str, int], ...], data: dict[str, CustomsData],
                currency: str) -> CustomsDeclaration:
    lines, missing = [], []
    for sku, quantity in contents:
        item = data.get(sku)
        line = order.line_for_sku(sku)
        if item is None or not item.complete:
            missing.append(sku)
            continue
        weight = line.product.weight_g * quantity if line else 0
        lines.append(CustomsLine(sku, item.description, item.hs_code, item.origin_country, quantity,
                                 item.unit_value, weight))
    if missing:
        raise CustomsDataMissing(
            f"Order {order.number} goes abroad and the customs data of {', '.join(sorted(missing))} is missing "
            "(HS code, origin or value). Set the parcel aside and ask the office to add it.",
            detail=f"missing customs data: {', '.join(sorted(missing))}")
    return CustomsDeclaration(tuple(lines), currency)
