"""Stock per SKU per bin as the returns bench, `packstation stock` and tests see and book it.

The application service for stock views and bookings: the returns window (through its worker),
the `stock` commands and tests call the same methods, so a look-up or a booking does the same
with or without a screen. Reads go through one AUTOCOMMIT connection (app.store.inventory's
StockReader); every booking is one write transaction (BEGIN IMMEDIATE on SQLite, so it waits
its turn beside the print queue instead of failing with "database is locked"). No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

from sqlalchemy import Engine, func, select

from app.domain.inventory import DEFAULT_INVENTORY_RULES, InventoryRules, available
from app.domain.model import Role, User
from app.domain.returns import ReturnedItem
from app.returns.bench_views import ClosedReturn, StockRow
from app.store import inventory as store
from app.store.db import write_transaction
from app.store.inventory import LEVELS, MOVES, Moved, ShipmentRecord, StockReader, StockView
from app.store.models import User as UserRow

_USERS = UserRow.__table__


class StockService:
    """Stock views and bookings on one station database. `close()` closes the reader, not the engine."""

    def __init__(self, engine: Engine, *, station: str = "", rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> None:
        self.engine = engine
        self.station = station
        self.rules = rules
        self.reader = StockReader(engine)

    def close(self) -> None:
        self.reader.close()

    def user_by_badge(self, badge: str) -> User | None:
        """The active user with this badge (a booking is made in someone's name), else None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(_USERS).where(_USERS.c.badge == badge.upper(),
                                                    _USERS.c.active.is_(True))).first()
        return User(row.id, row.name, Role(row.role), row.badge) if row else None

    # ------------------------------------------------------------ views

    def stock(self, sku: str) -> StockView:
        return self.reader.stock(sku)

    def levels(self, skus: Iterable[str]) -> dict[str, dict[str, int]]:
        """SKU -> {bin: on hand} (the returns bench shows it beside each line of the open return)."""
        return {sku: self.reader.stock(sku).bins for sku in skus}

    def show(self, sku: str, *, movements: bool = False) -> dict[str, Any]:
        """A SKU's stock per bin and what is available (what `packstation stock show` prints as JSON)."""
        view = self.reader.stock(sku)
        out: dict[str, Any] = {"sku": view.sku, "bins": view.bins, "on_hand": view.on_hand,
                               "available": view.available()}
        if movements:
            out["movements"] = [{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}
                                for row in store.movements_of(self.reader.conn, sku)]
        return out

    def negative(self) -> list[tuple[str, str, int]]:
        """(SKU, bin, on hand) below zero: the records are wrong there; count those bins first."""
        return store.negative_levels(self.reader.conn)

    def closed_return(self, number: str, order: str, status: str, items: Iterable[ReturnedItem]) -> ClosedReturn:
        """The stock a return changed: the sum of its movements per SKU and bin, and the levels now."""
        with self.engine.connect() as conn:
            moved = conn.execute(select(MOVES.c.sku, MOVES.c.bin, func.sum(MOVES.c.delta))
                                 .where(MOVES.c.reference == number).group_by(MOVES.c.sku, MOVES.c.bin)
                                 .order_by(MOVES.c.sku, MOVES.c.bin)).all()
            rows: list[StockRow] = []
            skus: list[str] = []
            for sku, bin_location, delta in moved:
                now = conn.execute(select(LEVELS.c.on_hand).where(LEVELS.c.sku == sku, LEVELS.c.bin == bin_location)
                                   ).scalar() or 0
                rows.append(StockRow(sku, bin_location, now - int(delta), now))
                if sku not in skus:
                    skus.append(sku)
        sellable = []
        for sku in skus:
            bins_after = self.reader.stock(sku).bins
            bins_before = dict(bins_after)
            for row in rows:
                if row.sku == sku:
                    bins_before[row.bin] = row.before
            sellable.append((sku, available(bins_before, self.rules), available(bins_after, self.rules)))
        return ClosedReturn(number, order, status, tuple(items), tuple(rows), tuple(sellable))

    def export_changes(self, out: IO[str], *, everything: bool = False, advance: bool = True) -> int:
        """"sku,available" of every SKU changed since the last export into `out`; the cursor moves with it."""
        with write_transaction(self.engine) as conn:
            return store.export_stock_changes(conn, out, everything=everything, advance=advance)

    # ------------------------------------------------------------ bookings

    def receive(self, sku: str, bin_location: str, units: int, *, user: User, reference: str = "") -> Moved:
        """A restock: units put away into a bin."""
        with write_transaction(self.engine) as conn:
            return store.receive(conn, sku, bin_location, units, user_id=user.id, reference=reference,
                                 station=self.station)

    def adjust(self, sku: str, bin_location: str, delta: int, *, note: str, user: User) -> Moved:
        """A person's correction of a bin, with a reason."""
        with write_transaction(self.engine) as conn:
            return store.adjust(conn, sku, bin_location, delta, note=note, user_id=user.id, station=self.station)

    def move(self, sku: str, from_bin: str, to_bin: str, units: int, *, user: User) -> tuple[Moved, Moved]:
        """Units moved from one bin to another."""
        with write_transaction(self.engine) as conn:
            return store.transfer(conn, sku, from_bin, to_bin, units, user_id=user.id, station=self.station)

    def ship(self, order: str) -> ShipmentRecord:
        """Book a packed order's shipment (idempotent: `already_recorded` when it was booked before)."""
        with write_transaction(self.engine) as conn:
            return store.record_shipment(conn, order, station=self.station)

    def void(self, order: str) -> list[Moved]:
        """Put a voided order's units back where they were taken from."""
        with write_transaction(self.engine) as conn:
            return store.reverse_shipment(conn, order, station=self.station)

    def reconcile(self) -> int:
        """Book every packed order that has no shipment yet; how many were booked."""
        with write_transaction(self.engine) as conn:
            return store.reconcile_shipments(conn, station=self.station)
