"""Bulk shipments in the database: cartons and pallets with their SSCCs, and the ASN's data.

SSCC serial references come from one sequence per warehouse. A standalone station uses its
own `sscc` sequence (see returns_models.next_values: a counter row on SQLite), unique on that
station; two standalone stations that share a GS1 company prefix must therefore use different
extension digits. A networked station takes them from the central database's `ps_seq_sscc`
(pass `sscc_source=app.sync.sequences.CentralSerials(...)`), so that every station of the warehouse
draws from the same sequence; it refuses to build a carton or pallet when it cannot reach that
sequence, rather than invent a number that another station may also hand out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from app.domain import clock
from app.domain import model as m
from app.domain.bulk import AsnDocument, BulkError, BulkShipment, CartonItem, LogisticUnit, UnitKind, sscc_for
from app.domain.inventory import DEFAULT_INVENTORY_RULES, InventoryRules
from app.store.inventory import ShipmentRecord, record_shipment
from app.store.models import Barcode, Order, OrderLine, Product, SyncState
from app.store.returns_models import LogisticUnitItem, LogisticUnitRow, next_values

UNITS = LogisticUnitRow.__table__
UNIT_ITEMS = LogisticUnitItem.__table__
_orders = Order.__table__
_lines = OrderLine.__table__
_products = Product.__table__
_barcodes = Barcode.__table__

_state = SyncState.__table__

PALLET_TARE_G = 25_000  # a EUR pallet; cartons' weights are added to it

# Where serial references come from: (the caller's station-database connection, how many) ->
# that many values, each handed out once. app.sync.sequences.CentralSerials is the central one.
SerialSource = Callable[[Connection, int], list[int]]
# Written to sync_state by app.sync when the station first talks to a central database.
_CENTRAL_ID_STATE = "central.id"


class SsccUnavailable(BulkError):
    """No SSCC can be allocated now (the central sequence is out of reach); nothing was built."""


def local_serials(conn: Connection, count: int) -> list[int]:
    """The station's own `sscc` sequence: right for a standalone station only."""
    return next_values(conn, "sscc", count)


def allocate_ssccs(conn: Connection, count: int, *, company_prefix: str, extension_digit: int = 0,
                   sscc_source: SerialSource | None = None) -> list[str]:
    """`count` new SSCCs (check digit included), in the caller's transaction.

    Without `sscc_source`, the local sequence is used, except on a station database that has been
    connected to a central database: there a local number could repeat another station's, so
    the allocation is refused (the caller must pass the central source).
    """
    if sscc_source is None:
        if conn.dialect.name != "postgresql" and conn.execute(
                select(_state.c.value).where(_state.c.name == _CENTRAL_ID_STATE)).first() is not None:
            raise SsccUnavailable("This station works with a central database: its SSCCs come from the central "
                                  "sequence, and none was given. No SSCC was allocated.")
        sscc_source = local_serials
    values = sscc_source(conn, count)
    if len(values) != count or len(set(values)) != count:
        raise SsccUnavailable(f"The SSCC sequence gave {len(values)} value(s) for {count}. No SSCC was allocated.")
    return [sscc_for(extension_digit, company_prefix, serial) for serial in values]


def load_shipment(conn: Connection, order_number: str) -> BulkShipment:
    """The order's bulk shipment as far as it is packed: units ordered, cartons, pallets."""
    order_id = conn.execute(select(_orders.c.id).where(_orders.c.number == order_number)).scalar()
    if order_id is None:
        raise BulkError(f"No order {order_number}.")
    ordered: dict[str, int] = {}
    for sku, qty in conn.execute(select(_products.c.sku, _lines.c.quantity)
                                 .join(_products, _products.c.id == _lines.c.product_id)
                                 .where(_lines.c.order_id == order_id)):
        ordered[sku] = ordered.get(sku, 0) + qty
    units = conn.execute(select(UNITS).where(UNITS.c.order_number == order_number).order_by(UNITS.c.seq)).all()
    contents: dict[str, list[CartonItem]] = {}
    for r in conn.execute(select(UNIT_ITEMS).join(UNITS, UNITS.c.sscc == UNIT_ITEMS.c.sscc)
                          .where(UNITS.c.order_number == order_number).order_by(UNIT_ITEMS.c.id)):
        contents.setdefault(r.sscc, []).append(CartonItem(r.sku, r.quantity, r.gtin, r.lot,
                                                          tuple(json.loads(r.serials))))
    children: dict[str, list[str]] = {}
    for u in units:
        if u.parent_sscc:
            children.setdefault(u.parent_sscc, []).append(u.sscc)
    cartons = {u.sscc: LogisticUnit(u.sscc, UnitKind.CARTON, tuple(contents.get(u.sscc, ())), (), u.parent_sscc,
                                    u.weight_g) for u in units if u.kind == UnitKind.CARTON.value}
    pallets = {u.sscc: LogisticUnit(u.sscc, UnitKind.PALLET, (), tuple(children.get(u.sscc, ())), None, u.weight_g)
               for u in units if u.kind == UnitKind.PALLET.value}
    return BulkShipment(order_number, ordered, cartons, pallets)


def pack_carton(conn: Connection, shipment: BulkShipment, items: Iterable[CartonItem], *, company_prefix: str,
                extension_digit: int = 0, weight_g: int | None = None, station: str = "",
                user_id: int | None = None,
                sscc_source: SerialSource | None = None) -> tuple[BulkShipment, LogisticUnit]:
    """Close a carton of the shipment: check its contents, give it an SSCC, store it."""
    checked = shipment.check_carton(items)
    gtins = _gtins(conn, [item.sku for item in checked if not item.gtin])
    checked = tuple(CartonItem(i.sku, i.quantity, i.gtin or gtins.get(i.sku, ""), i.lot, i.serials) for i in checked)
    sscc = allocate_ssccs(conn, 1, company_prefix=company_prefix, extension_digit=extension_digit,
                          sscc_source=sscc_source)[0]
    unit = LogisticUnit(sscc, UnitKind.CARTON, checked, weight_g=weight_g)
    _insert_unit(conn, shipment.order_number, unit, station, user_id)
    conn.execute(insert(UNIT_ITEMS), [{"sscc": sscc, "sku": i.sku, "gtin": i.gtin, "quantity": i.quantity,
                                       "lot": i.lot, "serials": json.dumps(list(i.serials))} for i in checked])
    return shipment.with_carton(unit), unit


def build_pallet(conn: Connection, shipment: BulkShipment, carton_ssccs: Iterable[str], *, company_prefix: str,
                 extension_digit: int = 0, weight_g: int | None = None, station: str = "",
                 user_id: int | None = None,
                sscc_source: SerialSource | None = None) -> tuple[BulkShipment, LogisticUnit]:
    """Put closed cartons on a pallet with an SSCC of its own."""
    children = shipment.check_pallet(carton_ssccs)
    if weight_g is None:
        weights = [shipment.cartons[c].weight_g for c in children]
        weight_g = PALLET_TARE_G + sum(w for w in weights if w) if all(weights) else None
    sscc = allocate_ssccs(conn, 1, company_prefix=company_prefix, extension_digit=extension_digit,
                          sscc_source=sscc_source)[0]
    unit = LogisticUnit(sscc, UnitKind.PALLET, children=children, weight_g=weight_g)
    _insert_unit(conn, shipment.order_number, unit, station, user_id)
    conn.execute(update(UNITS).where(UNITS.c.sscc.in_(children)).values(parent_sscc=sscc))
    return shipment.with_pallet(unit), unit


def _insert_unit(conn: Connection, order_number: str, unit: LogisticUnit, station: str, user_id: int | None) -> None:
    seq = (conn.execute(select(func.max(UNITS.c.seq)).where(UNITS.c.order_number == order_number)).scalar() or 0) + 1
    conn.execute(insert(UNITS).values(sscc=unit.sscc, kind=unit.kind.value, order_number=order_number,
                                      parent_sscc=unit.parent, seq=seq, weight_g=unit.weight_g, station=station,
                                      created_by=user_id, created_at=clock.now()))


def _gtins(conn: Connection, skus: list[str]) -> dict[str, str]:
    """Each SKU's GTIN-14 (its single-unit barcode), for the ASN and the AI 02 of a carton label."""
    if not skus:
        return {}
    found: dict[str, str] = {}
    rows = conn.execute(select(_products.c.sku, _barcodes.c.code).join(_barcodes, _barcodes.c.product_id ==
                                                                       _products.c.id)
                        .where(_products.c.sku.in_(skus), _barcodes.c.units == 1).order_by(_barcodes.c.code))
    for sku, code in rows:
        if len(code) == 14 and code.isdigit():
            found.setdefault(sku, code)
    return found


def dispatch(conn: Connection, order_number: str, *, station: str = "", user_id: int | None = None,
             allow_short: bool = False, rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> ShipmentRecord:
    """The shipment leaves: its units come out of stock and the order is packed."""
    shipment = load_shipment(conn, order_number)
    if not shipment.cartons:
        raise BulkError(f"Order {order_number} has no cartons.")
    if not shipment.complete and not allow_short:
        missing = ", ".join(f"{qty}× {sku}" for sku, qty in shipment.remaining().items())
        raise BulkError(f"Order {order_number} is not fully packed: {missing} missing.")
    record = record_shipment(conn, order_number, shipment.packed(), station=station, user_id=user_id, rules=rules)
    conn.execute(update(_orders).where(_orders.c.number == order_number)
                 .values(status=m.OrderStatus.PACKED.value, updated_at=clock.now()))
    return record


def asn_document(conn: Connection, order_number: str, ship_from: m.Address, *,
                 created_at: datetime | None = None) -> AsnDocument:
    order = conn.execute(select(_orders).where(_orders.c.number == order_number)).first()
    if order is None:
        raise BulkError(f"No order {order_number}.")
    ship_to = m.Address(order.ship_to_name, order.ship_to_company, order.ship_to_line1, order.ship_to_line2,
                        order.ship_to_city, order.ship_to_region, order.ship_to_postcode, order.ship_to_country,
                        order.ship_to_phone, order.ship_to_email)
    return AsnDocument(load_shipment(conn, order_number), ship_to, ship_from, created_at or clock.now(),
                       order.carrier, order.service_level)


def pack_remaining(conn: Connection, order_number: str, *, per_carton: int, per_pallet: int, company_prefix: str,
                   extension_digit: int = 0, station: str = "", user_id: int | None = None,
                   sscc_source: SerialSource | None = None) -> BulkShipment:
    """Pack what is left of an order into cartons of `per_carton` units, SKU by SKU (lots and
    serials are not known this way: use `pack_carton` for tracked goods), then put the loose
    cartons on pallets of `per_pallet` cartons. For single-SKU cartons, as wholesale ships."""
    if per_carton < 1 or per_pallet < 1:
        raise BulkError("Cartons and pallets hold at least one unit each.")
    shipment = load_shipment(conn, order_number)
    for sku, left in shipment.remaining().items():
        while left > 0:
            take = min(per_carton, left)
            shipment, _ = pack_carton(conn, shipment, [CartonItem(sku, take)], company_prefix=company_prefix,
                                      extension_digit=extension_digit, station=station, user_id=user_id,
                                      sscc_source=sscc_source)
            left -= take
    loose = [c.sscc for c in shipment.loose_cartons()]
    for start in range(0, len(loose), per_pallet):
        shipment, _ = build_pallet(conn, shipment, loose[start:start + per_pallet], company_prefix=company_prefix,
                                   extension_digit=extension_digit, station=station, user_id=user_id,
                                   sscc_source=sscc_source)
    return shipment
