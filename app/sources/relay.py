"""Changes another process made to a station's own store, noticed cheaply and told to whom it concerns.

A standalone station's connector (`packstation sources run` / `sources sync`) is a process of its
own: it cancels an order the shop cancelled in the station's SQLite file, but the window (or
`packstation replay`) that has the order open learns nothing from that. A networked station
hears of such changes from its central pull (`on_order_changed`); `OrderWatch` is the same
callback for a standalone one: it notices that the open order was cancelled or put on hold in the
store and calls `on_order_changed(number)`, which the window turns into `Station.order_changed`.

Noticing is cheap: SQLite's `PRAGMA data_version` (on a connection of the watcher's own) changes
only when another connection commits, so an idle store costs one pragma per tick and the order's
row (an indexed lookup by number) is read only after a commit. The connector uses the same
counter to start a write-back as soon as the station commits a label (`StoreChanges`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Connection, Engine, select

from app.store.importing.writer import ORDERS

log = logging.getLogger(__name__)

STOPPED = ("cancelled", "held")  # what stops a packer (app.domain.session: OrderChanged)


class StoreChanges:
    """Whether any other connection committed to the store since the last question.

    SQLite: `PRAGMA data_version` on a connection kept open for this alone (in autocommit, so it
    never holds a snapshot). Another database has no such counter: every question answers yes,
    and the caller's own look (an indexed query) is the check.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.counts = engine.dialect.name == "sqlite"
        self._conn: Connection | None = None
        self._last: object = None

    def changed(self) -> bool:
        if not self.counts:
            return True
        try:
            if self._conn is None:
                self._conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            value = self._conn.exec_driver_sql("PRAGMA data_version").scalar()
        except Exception:  # noqa: BLE001 - a busy or closed store: say "changed" and let the caller look
            log.debug("PRAGMA data_version failed", exc_info=True)
            self.close()
            return True
        changed = value != self._last
        self._last = value
        return changed

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - closing on the way out
                log.debug("closing the change counter's connection failed", exc_info=True)
            self._conn = None
            self._last = None


class OrderWatch:
    """Tells `on_order_changed(number)` when the order `open_order()` names is cancelled or held in
    the store by someone else (the connector). A thread of its own, a tick every `interval` s;
    `check()` is one tick, for a caller without a thread."""

    def __init__(self, engine: Engine, open_order: Callable[[], str | None], on_order_changed: Callable[[str], None],
                 *, interval: float = 0.25) -> None:
        self.engine = engine
        self.open_order = open_order
        self.on_order_changed = on_order_changed
        self.interval = interval
        self.changes = StoreChanges(engine)
        self._watching: str | None = None
        self._told: tuple[str, str] | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def check(self) -> str | None:
        """One look; returns the number it told about, if any."""
        with self._lock:
            return self._check()

    def _check(self) -> str | None:
        number = self.open_order()
        changed = self.changes.changed()  # asked every tick, so a commit is never counted twice
        if not number:
            self._watching = self._told = None  # the bench let go of it: a later stop is told again
            return None
        if number == self._watching and not changed:
            return None
        self._watching = number
        with self.engine.connect() as conn:
            status = conn.execute(select(ORDERS.c.status).where(ORDERS.c.number == number)).scalar()
        if status not in STOPPED or self._told == (number, status):
            return None
        self._told = (number, str(status))
        log.info("order %s was %s in the store while open here: telling the bench", number, status)
        self.on_order_changed(number)
        return number

    def start(self) -> OrderWatch:
        self._thread = threading.Thread(target=self._run, name="order-watch", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # noqa: BLE001 - the watch must outlive a busy store or a bad callback
                log.exception("watching the open order failed")
        self.changes.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        else:
            self.changes.close()
