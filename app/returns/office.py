"""The returns office: authorisations (RMAs), return labels, the returns on record, refunds,
a supervisor's approvals and quarantine releases, and the returns report.

The returns bench (app.returns.service.ReturnStation) takes parcels back scan by scan; this is
the desk work around it, the application service that `packstation returns rma|label|list|show|
refunds|approve|release|report` drive, that the returns bench holds (`ReturnsBench.office`) and
that tests call without a window:

    office = ReturnsOffice(engine, config)                # config: the station's (app.config)
    office.issue_rma("SO-90002", reason="wrong size")     # -> Rma (number, order, QR payload)
    label = office.return_label("SO-90002", label_format="zpl")   # bytes, and a carrier's if bought
    office.returns("held"); office.show(number); office.refunds(since=seq)
    office.approve(number, badge="S-2001"); office.release(number, 1, "A-01-1", badge="S-2001")
    office.report(days=30).as_json()

Networked, RMA numbers come from the central sequence (app.returns.networked). Every write is
one transaction of the returns store (ReturnsRepository: its writer begins IMMEDIATE, as
app.store.db.write_transaction does, so an action run beside a station's window waits its turn
behind the print queue instead of failing with "database is locked"); the report reads on one
connection. A refusal raises a ValueError (`UnknownBadge`, `NoWarehouseAddress`,
`ReturnLabelError`, `CarrierLabelFailed`, or the store's sentence) or a PermissionError (not a
supervisor). No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from app.domain import clock
from app.domain.inventory import CountAccuracy
from app.domain.model import User
from app.domain.returns import ReturnedItem, ReturnRules
from app.returns.networked import returns_repository
from app.returns.return_label import BoughtReturnLabel, ReturnLabelData, ReturnLabelError
from app.store.inventory import inventory_accuracy
from app.store.returns import (
    RestockTimes,
    ReturnRate,
    ReturnsRepository,
    Rma,
    StoredReturnEvent,
    restock_times,
    return_rates,
)

__all__ = ["CarrierLabelFailed", "NoWarehouseAddress", "ReturnLabel", "ReturnLabelError", "ReturnRecord",
           "ReturnSummary", "ReturnsOffice", "ReturnsReport", "UnknownBadge", "refund_as_json"]


class UnknownBadge(ValueError):
    """No active user has the badge an action was asked in the name of."""

    def __init__(self, badge: str) -> None:
        super().__init__(f"no active user has badge {badge}")
        self.badge = badge


class NoWarehouseAddress(ValueError):
    """The station has no [ship_from] address: a return label has nowhere to send the parcel."""

    def __init__(self) -> None:
        super().__init__("the return label goes to the warehouse: set [ship_from] in station.toml")


class CarrierLabelFailed(ReturnLabelError):
    """The carrier sold no return label (the RMA and its data stand; the station's own label can print)."""

    def __init__(self, rma: str, cause: Exception) -> None:
        super().__init__(f"no carrier return label for {rma}: {cause}")
        self.rma = rma
        self.cause = cause


@dataclass(frozen=True, slots=True)
class ReturnLabel:
    """A return label made: its data (RMA, QR payload), the label's bytes, and the carrier's prepaid
    label when one was bought (its tracking number is kept on the RMA and is in `data`)."""

    data: ReturnLabelData
    label_format: str
    content: bytes
    carrier: BoughtReturnLabel | None = None


@dataclass(frozen=True, slots=True)
class ReturnSummary:
    """One return as the office lists it."""

    number: str
    status: str  # open, held, closed, abandoned
    order_number: str
    opened_at: datetime
    late: bool
    flags: int  # flags raised on it

    @classmethod
    def of(cls, row: dict[str, Any]) -> ReturnSummary:
        return cls(row["number"], row["status"], row["order_number"], row["opened_at"], bool(row["late"]),
                   len(json.loads(row["flags"])))


@dataclass(frozen=True, slots=True)
class ReturnRecord:
    """A return's units (those not taken back at the bench) and its events, oldest first."""

    number: str
    items: tuple[ReturnedItem, ...]
    events: tuple[StoredReturnEvent, ...]

    def as_json(self) -> dict[str, Any]:
        return {"return": self.number, "items": [i.as_data() for i in self.items],
                "events": [{"seq": e.seq, "type": e.type, "at": e.at.isoformat(), **e.data} for e in self.events]}


def refund_as_json(event: StoredReturnEvent) -> dict[str, Any]:
    """A refund_ready event as the order-source adapter reads it: its cursor, when, and what to refund."""
    return {"seq": event.seq, "at": event.at.isoformat(), **event.data}


@dataclass(frozen=True, slots=True)
class ReturnsReport:
    """Return rate by SKU and reason, restock time and inventory accuracy over [since, until)."""

    days: int
    since: datetime
    until: datetime
    rates: tuple[ReturnRate, ...]
    restock: RestockTimes
    accuracy: CountAccuracy

    def as_json(self) -> dict[str, Any]:
        times, acc = self.restock, self.accuracy
        return {"since": self.since.isoformat(), "until": self.until.isoformat(),
                "return_rates": [{"sku": r.sku, "shipped": r.shipped, "returned": r.returned,
                                  "rate": round(r.rate, 4), "reasons": r.reasons} for r in self.rates],
                "restock_hours": {"units": times.units, "median": round(times.median_hours, 2),
                                  "p90": round(times.p90_hours, 2), "max": round(times.max_hours, 2)},
                "inventory_accuracy": {"lines": acc.lines, "line_accuracy": round(acc.line_accuracy, 4),
                                       "unit_accuracy": round(acc.unit_accuracy, 4)}}


class ReturnsOffice:
    """The returns office of one station database.

    `config`: the station's configuration ([station] name, [returns] rules, [ship_from],
    [shipping], [central]). `repository`: a returns store to share (the returns bench passes its
    ReturnStation's; the office then never closes it); without one, each action opens its own
    and closes it after.
    """

    def __init__(self, engine: Engine, config: Any, *, station: str | None = None,
                 rules: ReturnRules | None = None, repository: ReturnsRepository | None = None) -> None:
        self.engine = engine
        self.config = config
        self.station = station or config.station
        self.rules = rules or config.returns.rules()
        self._shared = repository

    @contextmanager
    def _repository(self) -> Iterator[ReturnsRepository]:
        if self._shared is not None:
            yield self._shared
            return
        # Networked: the central RMA numbers; the quarantine bin of [returns] is not sellable.
        repo = returns_repository(self.engine, self.config, rules=self.rules)
        try:
            yield repo
        finally:
            repo.close()

    @staticmethod
    def _user(repo: ReturnsRepository, badge: str) -> User:
        user = repo.user_by_badge(badge)
        if user is None:
            raise UnknownBadge(badge)
        return user

    # ------------------------------------------------------------ authorisations and labels

    def issue_rma(self, order: str, *, reason: str = "", return_tracking: str | None = None) -> Rma:
        """Authorise (part of) an order to come back: a new RMA and the token of its QR code.
        ValueError: no such order (or an ambiguous reference)."""
        with self._repository() as repo:
            return repo.issue_rma(order, reason=reason, return_tracking=return_tracking, station=self.station)

    def return_label(self, order: str, *, label_format: str = "pdf", dpi: int = 203, rma: str | None = None,
                     reason: str = "", weight_g: int | None = None, carrier: bool = True) -> ReturnLabel:
        """The 4x6 return label of the order's RMA (the one named, else its newest open one, else a
        new one with `reason`), rendered as `label_format`. With [shipping] on EasyPost (and
        `carrier`), a prepaid carrier label is bought too (once per RMA) and its tracking number
        kept on the RMA, so that scanning it opens the return."""
        from app.returns.asn import ship_from_address
        from app.returns.return_label import (
            buy_return_label,
            easypost_source,
            record_return_tracking,
            render,
            return_label_data,
        )
        from app.shipping.errors import ShippingError

        warehouse = ship_from_address(self.config.ship_from)
        if not (warehouse.line1 and warehouse.postcode and warehouse.country):
            raise NoWarehouseAddress()
        data = return_label_data(self.engine, order, warehouse, rma=rma, reason=reason, config=self.config,
                                 station=self.station)
        source = easypost_source(self.config.shipping) if carrier else None
        bought = None
        if source is not None:
            try:
                bought = buy_return_label(source, data, label_format=label_format, weight_g=weight_g)
            except (ReturnLabelError, ShippingError) as exc:
                raise CarrierLabelFailed(data.rma, exc) from exc
            record_return_tracking(self.engine, data.rma, bought.tracking_number, station=self.station)
            data = replace(data, return_tracking=bought.tracking_number)
        return ReturnLabel(data, label_format, render(data, label_format, dpi), bought)

    # ------------------------------------------------------------ the returns on record

    def returns(self, status: str | None = None) -> list[ReturnSummary]:
        """Returns, newest first (`status`: open, held, closed or abandoned; None: all)."""
        with self._repository() as repo:
            return [ReturnSummary.of(row) for row in repo.returns(status)]

    def show(self, number: str) -> ReturnRecord | None:
        """A return's units and events; None when its log has no event."""
        with self._repository() as repo:
            record = ReturnRecord(number, tuple(repo.items_of(number)), tuple(repo.events_of(number)))
        return record if record.events else None

    def refunds(self, since: int = 0) -> list[StoredReturnEvent]:
        """This station's refund_ready events after the cursor `since` (the last seq already handled)."""
        with self._repository() as repo:
            return repo.refunds_since(since)

    # ------------------------------------------------------------ the supervisor's side

    def approve(self, number: str, *, badge: str) -> User:
        """A supervisor approves a held return away from the bench: it closes and its refund is ready.
        Returns the supervisor. UnknownBadge, PermissionError (not a supervisor), ValueError (not held)."""
        with self._repository() as repo:
            user = self._user(repo, badge)
            repo.approve_held(number, user, station=self.station, rules=self.rules)
        return user

    def release(self, number: str, item_no: int, to_bin: str, *, badge: str) -> str:
        """A supervisor moves a quarantined unit of a return to a sellable bin; returns the bin (upper
        case). UnknownBadge, PermissionError, ValueError (not in quarantine, not a sellable bin)."""
        with self._repository() as repo:
            user = self._user(repo, badge)
            repo.release_from_quarantine(number, item_no, to_bin, user, station=self.station)
        return to_bin.strip().upper()

    # ------------------------------------------------------------ figures

    def report(self, days: int = 30) -> ReturnsReport:
        """The last `days` days up to now (one second ahead, so that what just happened counts)."""
        until = clock.now() + timedelta(seconds=1)
        since = until - timedelta(days=days)
        with self.engine.connect() as conn:
            rates = return_rates(conn, since, until)
            times = restock_times(conn, since, until)
            accuracy = inventory_accuracy(conn, since, until)
        return ReturnsReport(days, since, until, tuple(rates), times, accuracy)
