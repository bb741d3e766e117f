"""Bulk shipments: a wholesale order's cartons and pallets with their SSCCs, its ASN and its labels.

The application service for the returns window's "Bulk shipments" tab, `packstation bulk` and
tests: the same methods whether a screen is there or not. Cartons and pallets are built in one
write transaction each call (BEGIN IMMEDIATE on SQLite); SSCCs come from the station's
[gs1] company prefix and, on a networked station, the central sequence (app.returns.sscc).
`app.domain.bulk.BulkError` says why something is refused. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, or_, select

from app.domain.bulk import AsnDocument, BulkShipment, CartonItem, LogisticUnit, UnitKind
from app.returns.asn import asn_csv, asn_json, logistic_labels, ship_from_address
from app.returns.bench_views import BulkOrder, BulkView, PackPlan
from app.returns.sscc import sscc_options
from app.store import bulk as store
from app.store.db import write_transaction
from app.store.inventory import ShipmentRecord
from app.store.models import Order, OrderLine
from printers import Label

PER_CARTON, PER_PALLET = 12, 40  # units per carton, cartons per pallet: `packstation bulk auto`'s defaults
WHOLESALE_CHANNEL = "Wholesale"
ORDERS_SHOWN = 200

_ORDERS, _LINES = Order.__table__, OrderLine.__table__


def pack_plan(remaining: dict[str, int], loose_cartons: int, per_carton: int, per_pallet: int) -> PackPlan:
    """What `store.pack_remaining` builds from what is left: per SKU, cartons of up to `per_carton`
    units; then every carton not on a pallet, the new ones and those already loose, onto pallets of
    up to `per_pallet` cartons."""
    units = sum(q for q in remaining.values() if q > 0)
    cartons = sum(math.ceil(q / per_carton) for q in remaining.values() if q > 0)
    pallets = math.ceil((cartons + loose_cartons) / per_pallet)
    return PackPlan(per_carton, per_pallet, units, cartons, pallets)


class BulkShipments:
    """Bulk shipments on one station database; `config` gives the station, ship-from, [gs1] and label dpi."""

    def __init__(self, engine: Engine, config: Any, *, per_carton: int = PER_CARTON,
                 per_pallet: int = PER_PALLET) -> None:
        self.engine = engine
        self.config = config
        self.per_carton = per_carton
        self.per_pallet = per_pallet

    # ------------------------------------------------------------ views

    def orders(self) -> list[BulkOrder]:
        """Wholesale orders, and any order that has cartons or pallets already."""
        units_table = store.UNITS
        with self.engine.connect() as conn:
            with_units = select(units_table.c.order_number).distinct()
            rows = conn.execute(select(_ORDERS.c.id, _ORDERS.c.number, _ORDERS.c.ship_to_company,
                                       _ORDERS.c.ship_to_name, _ORDERS.c.status)
                                .where(or_(_ORDERS.c.channel == WHOLESALE_CHANNEL,
                                           _ORDERS.c.number.in_(with_units)))
                                .order_by(_ORDERS.c.number).limit(ORDERS_SHOWN)).all()
            ordered = dict(conn.execute(select(_LINES.c.order_id, func.sum(_LINES.c.quantity))
                                        .where(_LINES.c.order_id.in_([r.id for r in rows]))
                                        .group_by(_LINES.c.order_id)).all())
            units = {(n, k): c for n, k, c in conn.execute(
                select(units_table.c.order_number, units_table.c.kind, func.count())
                .group_by(units_table.c.order_number, units_table.c.kind))}
        return [BulkOrder(r.number, r.ship_to_company or r.ship_to_name, r.status, int(ordered.get(r.id) or 0),
                          units.get((r.number, "carton"), 0), units.get((r.number, "pallet"), 0)) for r in rows]

    def document(self, number: str) -> AsnDocument:
        """The order's advance ship notice: pallets -> cartons -> items, ship-from and ship-to."""
        with self.engine.connect() as conn:
            return store.asn_document(conn, number, ship_from_address(self.config.ship_from))

    def view(self, number: str) -> BulkView:
        doc = self.document(number)
        shipment = doc.shipment
        return BulkView(number, doc.as_dict(), shipment.complete, dict(shipment.remaining()),
                        self._plan(shipment))

    def plan(self, number: str, *, per_carton: int | None = None, per_pallet: int | None = None) -> PackPlan:
        """What `pack_remaining` would build for the order now."""
        with self.engine.connect() as conn:
            shipment = store.load_shipment(conn, number)
        return self._plan(shipment, per_carton, per_pallet)

    def _plan(self, shipment: BulkShipment, per_carton: int | None = None, per_pallet: int | None = None) -> PackPlan:
        return pack_plan(dict(shipment.remaining()), len(shipment.loose_cartons()), per_carton or self.per_carton,
                         per_pallet or self.per_pallet)

    def asn_json(self, number: str) -> str:
        return asn_json(self.document(number))

    def asn_csv(self, number: str) -> str:
        return asn_csv(self.document(number))

    def export_asn(self, number: str, folder: Path) -> tuple[Path, Path]:
        """The ASN as JSON and CSV in `folder` (as `packstation bulk asn` writes them)."""
        doc = self.document(number)
        folder.mkdir(parents=True, exist_ok=True)
        stem = "asn-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in number)
        json_path, csv_path = folder / f"{stem}.json", folder / f"{stem}.csv"
        json_path.write_text(asn_json(doc), encoding="utf-8", newline="")
        csv_path.write_text(asn_csv(doc), encoding="utf-8", newline="")
        return json_path, csv_path

    def labels(self, number: str, *, kinds: Iterable[str | UnitKind] | None = None,
               dpi: int | None = None) -> list[Label]:
        """The GS1 logistic labels (every carton's, then every pallet's; `kinds` picks), ready to render."""
        wanted = [UnitKind(k) for k in kinds] if kinds is not None else None
        return logistic_labels(self.document(number), dpi or self.config.label_dpi, wanted)

    # ------------------------------------------------------------ building the shipment

    def _sscc(self, company_prefix: str | None) -> dict[str, Any]:
        return sscc_options(self.config, company_prefix)

    def pack_carton(self, number: str, items: list[CartonItem], *, weight_g: int | None = None,
                    extension_digit: int = 0, company_prefix: str | None = None,
                    user_id: int | None = None) -> LogisticUnit:
        """Close one carton of the order with these items; the carton with its SSCC."""
        with write_transaction(self.engine) as conn:
            _, unit = store.pack_carton(conn, store.load_shipment(conn, number), items,
                                        extension_digit=extension_digit, weight_g=weight_g,
                                        station=self.config.station, user_id=user_id, **self._sscc(company_prefix))
        return unit

    def build_pallet(self, number: str, cartons: list[str], *, weight_g: int | None = None,
                     extension_digit: int = 0, company_prefix: str | None = None,
                     user_id: int | None = None) -> LogisticUnit:
        """Put cartons (by SSCC) of the order on a pallet; the pallet with its SSCC."""
        with write_transaction(self.engine) as conn:
            _, unit = store.build_pallet(conn, store.load_shipment(conn, number), cartons,
                                         extension_digit=extension_digit, weight_g=weight_g,
                                         station=self.config.station, user_id=user_id, **self._sscc(company_prefix))
        return unit

    def pack_remaining(self, number: str, *, per_carton: int | None = None, per_pallet: int | None = None,
                       extension_digit: int = 0, company_prefix: str | None = None,
                       user_id: int | None = None) -> BulkShipment:
        """What is left goes into single-SKU cartons, cartons onto pallets (`packstation bulk auto`)."""
        with write_transaction(self.engine) as conn:
            return store.pack_remaining(conn, number, per_carton=per_carton or self.per_carton,
                                        per_pallet=per_pallet or self.per_pallet, extension_digit=extension_digit,
                                        station=self.config.station, user_id=user_id, **self._sscc(company_prefix))

    def dispatch(self, number: str, *, allow_short: bool = False, user_id: int | None = None) -> ShipmentRecord:
        """The shipment leaves: its units come out of stock and the order is packed."""
        with write_transaction(self.engine) as conn:
            return store.dispatch(conn, number, station=self.config.station, user_id=user_id,
                                  allow_short=allow_short)
