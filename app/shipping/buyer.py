"""Buying a parcel's label safely: never two labels for one parcel, whatever happens.

    LabelBuyer(engine, sources, rules, ship_from=...).buy(order, parcel_uuid, box, weight_g, carton)

1. The purchase is recorded (state `pending`, idempotency key `ps-<parcel>-<generation>`)
   and committed before any carrier is asked anything.
2. Rates are collected from every source and the rules choose; the choice, the rates it beat
   and state `buying` are committed before the buy request goes out.
3. The carrier's answer is committed (`bought`), then the label file is fetched and kept.

A second click, a retry, or a restart after a crash finds the record first: `bought` gives
back the same label; `buying` is looked up at the carrier by its key before anything else,
so a purchase whose answer was lost is found, not repeated. A purchase the carrier refused
(`failed`) is retried under the same key. Voiding a label refunds it and opens the next
generation, so the parcel may be labelled again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, TypeGuard

from sqlalchemy import Engine, select

from app.domain import clock
from app.domain.model import Address, Carton, Dimensions, Order
from app.shipping.addresses import is_po_box, is_residential, same_customs_territory
from app.shipping.billable import outer_dimensions
from app.shipping.customs import CustomsCatalogue, declaration, declared_value, parcel_contents
from app.shipping.errors import (
    AddressRejected,
    CarrierBusy,
    CarrierUnavailable,
    PurchaseUncertain,
    ShippingError,
    ShippingNotConfigured,
    VoidFailed,
)
from app.shipping.model import BoughtLabel, Choice, LabelSource, ParcelRequest, PurchasedLabel, Rate, RateSource
from app.shipping.reasons import CarrierReason
from app.shipping.records import DuplicatePurchase, LabelRecord, LabelRecords
from app.shipping.rules import ShippingRules
from app.store.models import Carton as CartonRow

log = logging.getLogger(__name__)
_cartons = CartonRow.__table__


def engine_of(sessions_or_engine: Any) -> Engine:
    """The station hands over its engine or its sessionmaker; either will do."""
    if isinstance(sessions_or_engine, Engine):
        return sessions_or_engine
    bind = getattr(sessions_or_engine, "kw", {}).get("bind")
    if isinstance(bind, Engine):
        return bind
    raise TypeError(f"need an SQLAlchemy Engine or sessionmaker, not {sessions_or_engine!r}")


class LabelBuyer:
    def __init__(self, sessions_or_engine: Any, sources: Sequence[RateSource], rules: ShippingRules, *,
                 ship_from: Address | dict[str, str], label_format: str = "zpl",
                 today: Callable[[], date] = clock.today) -> None:
        if not sources:
            raise ShippingNotConfigured(CarrierReason("no_rate_source"))
        self.engine = engine_of(sessions_or_engine)
        self.records = LabelRecords(self.engine)
        self.customs = CustomsCatalogue(self.engine)
        self.sources = {source.name: source for source in sources}
        self.rules = rules
        self.ship_from = ship_from if isinstance(ship_from, Address) else Address(**{
            k: v for k, v in ship_from.items() if k in Address.__dataclass_fields__})
        self.label_format = label_format
        self.today = today
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    # ------------------------------------------------------------ the station's calls

    def buy(self, order: Order, parcel_uuid: str, box: int, weight_g: int | None, carton: Carton | str | None, *,
            contents: Iterable[tuple[str, int]] | None = None, deliver_by: date | None = None) -> PurchasedLabel:
        """The parcel's label: the one already bought for it, or a new one bought now (once).

        `carton` may be the Carton or its code (LabelJob.carton); `contents` the (sku, quantity)
        in this box when an order ships in several (default: the whole order).
        """
        if isinstance(carton, str):
            carton = self._carton(carton)
        with self._lock(parcel_uuid):
            record = self.records.current(parcel_uuid)
            generation = 1
            if record is not None:
                if record.state == "bought":
                    return self._finish(record, reused=True)
                if record.state == "voided":
                    generation, record = record.generation + 1, None
                elif record.state == "buying":
                    found = self._reconcile(record)
                    if found is not None:
                        return found
                    record = self.records.current(parcel_uuid)
            request = self._request(order, parcel_uuid, box, weight_g, carton, contents, generation)
            if record is None:
                try:
                    record = self.records.create(parcel_uuid, generation, order.number, box, request.weight_g)
                except DuplicatePurchase:
                    raise PurchaseUncertain(CarrierReason("being_bought", order=order.number, box=box)) from None
            else:
                record = self.records.retry(record, request.weight_g)
            request = replace(request, reference=record.key)
            return self._purchase(record, request, deliver_by)

    def void(self, parcel_uuid: str) -> str:
        """Void the parcel's label (a refund for a bought one). Returns the refund status."""
        with self._lock(parcel_uuid):
            record = self.records.current(parcel_uuid)
            if record is None or record.state == "voided":
                return "none"
            if record.state == "buying":
                self._reconcile(record)
                record = self.records.current(parcel_uuid)
                assert record is not None
            if record.state != "bought":
                self.records.voided(record, "not_bought")
                return "not_bought"
            source = self.sources.get(record.source)
            if not _buys(source) or not record.shipment_id:
                self.records.voided(record, "not_applicable")  # our own label: nothing was charged
                return "not_applicable"
            try:
                status = source.void(record.shipment_id)
            except ShippingError as exc:
                self.records.noted(record, "void_failed", exc.detail or str(exc))
                raise VoidFailed(
                    f"The carrier label {record.tracking_number} (order {record.order_number} box {record.box_no}) "
                    f"could not be voided: {exc.packer_message} It stays listed for a supervisor "
                    "(packstation shipping labels).", detail=exc.detail) from exc
            self.records.voided(record, status)
            return status

    def reconcile_all(self) -> list[tuple[str, str]]:
        """On start: settle every purchase left `buying` by a crash. Returns (parcel, outcome) pairs."""
        outcomes = []
        for record in self.records.unresolved():
            if record.state != "buying":
                continue
            with self._lock(record.parcel_uuid):
                try:
                    found = self._reconcile(record)
                    outcomes.append((record.parcel_uuid, "bought" if found else "not bought"))
                except PurchaseUncertain as exc:
                    outcomes.append((record.parcel_uuid, f"unresolved: {exc.detail or exc}"))
        return outcomes

    def rates(self, order: Order, weight_g: int | None, carton: Carton | None, *,
              contents: Iterable[tuple[str, int]] | None = None, deliver_by: date | None = None,
              parcel_uuid: str = "quote", box: int = 1) -> Choice:
        """Rate shopping without buying (the CLI's `rates`, a supervisor's what-if)."""
        request = self._request(order, parcel_uuid, box, weight_g, carton, contents, 0)
        rates = self._collect(request)
        return self.rules.choose(request, rates, today=self.today(), deliver_by=deliver_by)

    # ------------------------------------------------------------ steps

    def _purchase(self, record: LabelRecord, request: ParcelRequest, deliver_by: date | None) -> PurchasedLabel:
        try:
            if self.rules.verify_addresses:
                self._verify(request)
            rates = self._collect(request)
            choice = self.rules.choose(request, rates, today=self.today(), deliver_by=deliver_by)
        except ShippingError as exc:
            self.records.failed(record, exc.code, exc.detail or str(exc))
            raise
        source = self.sources[choice.chosen.source]
        if not _buys(source):
            record = self.records.chosen(record, choice, state="pending")
            return self._finish(self.records.bought(record, None), reused=False)
        record = self.records.chosen(record, choice, state="buying")  # on disk before the request goes out
        try:
            bought = source.buy(request, choice.chosen)
        except CarrierUnavailable as exc:
            # The request may have reached the carrier and bought the label: look before anything else.
            log.warning("purchase %s: no answer (%s); looking it up", record.key, exc.detail)
            found = self._reconcile(self.records.get(record.id), cause=exc)
            if found is not None:
                return found
            raise
        except ShippingError as exc:
            self.records.failed(record, exc.code, exc.detail or str(exc))
            raise
        record = self.records.bought(record, bought)
        log.info("label bought for %s: %s %s %s", record.key, record.carrier, record.service, record.tracking_number)
        return self._finish(record, reused=False)

    def _reconcile(self, record: LabelRecord, cause: ShippingError | None = None) -> PurchasedLabel | None:
        """A `buying` purchase settled by asking the carrier. None: it was not bought (safe to buy)."""
        source = self.sources.get(record.source)
        if not _buys(source):  # our own label: nothing can have been bought
            self.records.failed(record, "not_bought", "no carrier purchase for this source")
            return None
        try:
            lookup = source.lookup(record.key, record.shipment_id)
        except ShippingError as exc:
            self.records.noted(record, "purchase_uncertain", exc.detail or str(exc))
            raise PurchaseUncertain(CarrierReason("maybe_bought", order=record.order_number, box=record.box_no),
                                    detail=exc.detail) from (cause or exc)
        if lookup.bought is not None:
            log.info("purchase %s found at the carrier: %s", record.key, lookup.bought.tracking_number)
            return self._finish(self.records.bought(record, lookup.bought), reused=True)
        # Not bought (or never created): the request did not go through.
        self.records.failed(record, cause.code if cause else "not_bought",
                            (cause.detail if cause else "") or "looked up: not bought")
        return None

    def _finish(self, record: LabelRecord, *, reused: bool) -> PurchasedLabel:
        source = self.sources.get(record.source)
        data, fmt = record.label_data, record.label_format
        if _buys(source) and data is None:
            bought = BoughtLabel(record.tracking_number or "", record.shipment_id, record.label_url,
                                 record.label_format or "")
            data = source.download(bought, self.label_format)
            fmt = self.label_format
            record = self.records.label(record, data, fmt)
        elif not _buys(source) and record.source and record.source not in self.sources:
            raise ShippingNotConfigured(CarrierReason("source_gone", source=record.source))
        return PurchasedLabel(
            parcel_uuid=record.parcel_uuid, tracking_number=record.tracking_number, carrier=record.carrier,
            service=record.service, rate=Decimal(record.rate or "0"), currency=record.currency,
            label_bytes=data, label_format=fmt, beaten_rates=record.beaten(), source=record.source,
            transit_days=record.transit_days, reused=reused, reason=record.choice_reason)

    def _collect(self, request: ParcelRequest) -> list[Rate]:
        rates: list[Rate] = []
        failures: list[ShippingError] = []
        for source in self.sources.values():
            try:
                rates.extend(source.rates(request))
            except (CarrierUnavailable, CarrierBusy) as exc:
                if not self.rules.offline_fallback:
                    raise
                log.warning("%s unreachable, rating without it: %s", source.name, exc.detail)
                failures.append(exc)
        if failures and not rates:
            raise failures[0]
        return rates

    def _verify(self, request: ParcelRequest) -> None:
        for source in self.sources.values():
            verify = getattr(source, "verify_address", None)
            if verify is None:
                continue
            check = verify(request.ship_to)
            if not check.ok:
                raise AddressRejected(CarrierReason("address_unverified", order=request.order.number,
                                                    detail="; ".join(check.messages)))
            return

    def _request(self, order: Order, parcel_uuid: str, box: int, weight_g: int | None, carton: Carton | None,
                 contents: Iterable[tuple[str, int]] | None, generation: int) -> ParcelRequest:
        if not self.ship_from.country or not self.ship_from.postcode:
            raise ShippingNotConfigured(CarrierReason("no_ship_from"))
        to = order.ship_to
        if not to.country or not (to.line1 or to.postcode):
            raise AddressRejected(CarrierReason("no_ship_to", order=order.number))
        packed = parcel_contents(order, contents)
        data = self.customs.get(sku for sku, _ in packed)
        customs = None
        if not same_customs_territory(self.ship_from.country, to.country):
            customs = declaration(order, packed, data, self.rules.currency)
        if not weight_g:
            # No scale at this bench: the expected weight (products plus the empty box).
            weight_g = sum(line.product.weight_g * qty for sku, qty in packed
                           if (line := order.line_for_sku(sku))) + (carton.tare_g if carton else 0)
        value = declared_value(packed, data)
        return ParcelRequest(
            order=order, parcel_uuid=parcel_uuid, box=box, ship_from=self.ship_from, weight_g=max(int(weight_g), 1),
            outer=outer_dimensions(carton, self.rules.wall_mm) if carton else None, declared_value=value,
            currency=self.rules.currency, residential=self.rules.treat_as_residential(is_residential(to)),
            po_box=is_po_box(to), signature=self.rules.needs_signature(value), reference="",
            label_format=self.label_format, customs=customs, contents=packed)

    def _carton(self, code: str) -> Carton | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_cartons).where(_cartons.c.code == code)).first()
        if row is None:
            return None
        return Carton(row.code, row.name, Dimensions(row.length_mm, row.width_mm, row.height_mm), row.tare_g,
                      row.max_weight_g)

    def _lock(self, parcel_uuid: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(parcel_uuid, threading.Lock())


def _buys(source: RateSource | None) -> TypeGuard[LabelSource]:
    return source is not None and source.buys_labels

