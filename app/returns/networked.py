"""The returns bench on a networked station: what it asks the central database.

    repo = returns_repository(engine, config)     # standalone: the station's own database only

- RMA numbers come from the warehouse's central sequence, so two benches never issue the same
  one (a few are kept ahead for an outage, as SSCCs are).
- An order packed at another station: what its parcels held (units and serials) comes from the
  central database (`ps_shipped_units`), so a returned serial is checked against what really
  shipped. Out of reach: the bench goes on with the order's lines, and serials it cannot check
  are flagged for a supervisor (the safe side).

Other stations' RMAs, returns and stock reach this station's own database through the sync
worker (app.sync.ledgers); nothing here is on the item-scan path.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from app.store.returns import ReturnsRepository, RmaSource, ShippedUnits

log = logging.getLogger(__name__)

RMA_RESERVE = 10  # RMA serials a networked station keeps ahead, to issue return labels through an outage
LOOKUP_TIMEOUT_MS = 1500  # a return must open even when the central database is slow


def returns_repository(engine: Any, config: Any, **options: Any) -> ReturnsRepository:
    """The returns store for this station: with the central RMA numbering and shipment look-up
    when the station is networked."""
    settings = getattr(config, "central", None)
    if getattr(settings, "enabled", False):
        options.setdefault("rma_source", rma_source(config))
        options.setdefault("shipments", CentralShipments(_connector(config, "returns", LOOKUP_TIMEOUT_MS)))
    return ReturnsRepository(engine, **options)


def rma_source(config: Any) -> RmaSource | None:
    """The central RMA sequence for a networked station's config; None (the station's own) otherwise."""
    if not getattr(getattr(config, "central", None), "enabled", False):
        return None
    return central_sequence(config, "rma", RMA_RESERVE)


def central_sequence(config: Any, name: str, reserve: int) -> Any:
    """The central sequence `name` (app.sync.sequences.CentralSerials) for a networked station.

    One per station, central database, sequence and reserve for the process: it remembers an
    outage, so that slip after slip, or carton after carton, does not wait for a dead server."""
    from app.sync.sequences import CentralSerials

    settings = config.central
    key = (config.station, settings.url, settings.password_file, name, reserve)
    with _lock:
        if key not in _sequences:
            _sequences[key] = CentralSerials(_connector(config, "sequences"), name=name, reserve=reserve)
        return _sequences[key]


_sequences: dict[tuple[str, str, str, str, int], Any] = {}
_lock = threading.Lock()


class CentralShipments:
    """order number -> ShippedUnits as the central database saw the order packed, or None when
    it knows no packing of it or cannot be reached."""

    def __init__(self, conn_factory: Callable[[], Any]) -> None:
        self.conn_factory = conn_factory

    def __call__(self, order_number: str) -> ShippedUnits | None:
        from app.sync.pg import is_connection_error

        try:
            with self.conn_factory() as conn:
                rows = conn.execute("SELECT sku, serial, units, packed_at FROM ps_shipped_units(%s)",
                                    (order_number,)).fetchall()
        except Exception as exc:
            if not is_connection_error(exc):
                raise
            log.warning("order %s: the central database is out of reach, returning against its lines (%s)",
                        order_number, str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
            return None
        if not rows:
            return None
        units: dict[str, int] = {}
        for sku, _serial, count, _at in rows:
            units[sku] = units.get(sku, 0) + int(count)
        return ShippedUnits(units, frozenset((row[0], row[1]) for row in rows if row[1]), rows[0][3])


def _connector(config: Any, purpose: str, timeout_ms: int = 4000) -> Callable[[], Any]:
    from app.sync.pg import connect

    return lambda: connect(config.central, purpose=purpose, station=config.station, statement_timeout_ms=timeout_ms)
