"""A networked station's connection to the central database, in one object.

    central = CentralSync.for_station(bench.config, bench.engine, config_file=bench.paths.config_file,
                                      on_order_changed=..., on_status=...)
    central.initial_sync(timeout_s=5)          # cartons, users, orders in the cache before the Station starts
    station = Station(bench.config, Repository(bench.engine), output, claims=central.claims)
    central.start()                            # the SyncWorker thread
    ...
    central.stop()

Callbacks run on the sync worker's thread: a GUI must hand them to its own thread (a Qt
signal); the Station is not thread-safe.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.sync.claims import ClaimService
from app.sync.ledgers import LedgerPuller
from app.sync.local import CENTRAL_ID, ClaimCache, read_state, reset_cursors, write_state, write_transaction
from app.sync.outbox import Outbox
from app.sync.pg import connect as pg_connect
from app.sync.pull import Puller
from app.sync.schema import require_schema
from app.sync.settings import CentralConfigError, CentralSettings, read_password, settings_for
from app.sync.status import Link, SyncStatus
from app.sync.worker import SyncWorker

log = logging.getLogger(__name__)


def announce(conn, engine: Engine) -> None:
    """Tell the central database which build this station runs (IT sees it in `central status`)."""
    from app import __version__
    from app.store.db import current_revision

    conn.execute("SELECT ps_announce(%s, %s)", (__version__, current_revision(engine) or ""))


class CentralSync:
    def __init__(self, settings: CentralSettings, station: str, engine: Engine, *, config_file: Path | None = None,
                 on_order_changed: Callable[[str], None] | None = None,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 on_conflict: Callable[[dict[str, Any]], None] | None = None,
                 on_catalogue_changed: Callable[[set[str]], None] | None = None) -> None:
        if not settings.enabled:
            raise CentralConfigError("central.url is not set: this station is standalone")
        self.settings = settings
        self.station = station
        self.engine = engine
        # Read once, at start: a password file made readable by others stops the start, loudly.
        self._password = read_password(settings, config_file)
        self.link = Link(on_status)
        self.cache = ClaimCache(engine)
        self.puller = Puller(engine, station, on_order_changed=on_order_changed, on_conflict=on_conflict,
                             on_catalogue_changed=on_catalogue_changed)
        self.outbox = Outbox(engine, station)
        self.ledgers = LedgerPuller(engine, station)
        self.claims = ClaimService(settings, station, self.cache, self.link,
                                   lambda: self.connect("claims", statement_timeout_ms=2000), self.puller)
        self.worker = SyncWorker(self)

    @classmethod
    def for_station(cls, config: Any, engine: Engine, **kwargs: Any) -> CentralSync:
        return cls(settings_for(config), config.station, engine, **kwargs)

    def connect(self, purpose: str, *, statement_timeout_ms: int = 4000):
        return pg_connect(self.settings, purpose=purpose, station=self.station, password=self._password,
                          statement_timeout_ms=statement_timeout_ms)

    def adopt(self, conn) -> None:
        """Check the schema on a new connection; a different central database resets the cursors."""
        central_id = require_schema(conn)
        announce(conn, self.engine)
        with self.engine.connect() as local:
            known = read_state(local, CENTRAL_ID)
        if known == central_id:
            return
        with write_transaction(self.engine) as local:
            if known is not None:
                log.warning("this station now talks to another central database: pushing and pulling from the start")
                reset_cursors(local)
            write_state(local, CENTRAL_ID, central_id)
        if known is not None:
            self.cache.clear()

    # ------------------------------------------------------------------ running

    def initial_sync(self, timeout_s: float = 10.0) -> bool:
        """Pull (and push) on the calling thread until caught up; False when offline or out of time.

        Run before the Station is built: it loads the cartons once, and a packer's first scan
        should find the orders.
        """
        started = time.monotonic()
        deadline = started + timeout_s
        while time.monotonic() < deadline:
            busy = self.worker.round()
            if self.worker.last_success >= started and not busy:
                return True
            if not self.link.online:
                time.sleep(0.2)
        return False

    def start(self) -> None:
        self.worker.start()

    def stop(self, *, hand_back_reserved: bool = True) -> None:
        """Stop syncing. Reserved orders not yet opened go back to the queue for other stations
        (on a new connection: the old ones may have died with an outage); when the central
        database is out of reach they go back on the next start."""
        self.worker.stop()
        if hand_back_reserved:
            self.claims.hand_back_reserved(lambda: self.connect("claims", statement_timeout_ms=2000))
        self.claims.close()
        self.ledgers.close()

    def unpushed(self) -> dict[str, int]:
        """What is still waiting to reach the central database: pack events, stock movements,
        return events (0 each when everything is there)."""
        outbox = self.outbox
        return {"pack events": outbox.pending(), "stock movements": outbox.pending_stock(),
                "return events": outbox.pending_returns()}

    def flush(self, timeout_s: float = 30.0, *, offline_grace_s: float | None = None) -> bool:
        """Wait until every event, stock movement and return event committed so far is in the
        central database. `offline_grace_s`: give up sooner when the link is still down after it."""
        started = time.monotonic()
        deadline = started + timeout_s
        outbox = self.outbox
        targets = ((outbox.cursor, outbox.last_seq()), (outbox.stock_cursor, outbox.last_stock_id()),
                   (outbox.returns_cursor, outbox.last_return_seq()))
        while time.monotonic() < deadline:
            if all(cursor() >= target for cursor, target in targets):
                return True
            if (offline_grace_s is not None and not self.link.online
                    and time.monotonic() - started >= offline_grace_s):
                return False
            self.worker.wake()
            time.sleep(0.05)
        return False

    def finish(self, timeout_s: float = 10.0, *, offline_grace_s: float = 3.0) -> str | None:
        """Before a command exits: push what is left, stop, and say what stayed behind.

        None when everything reached the central database; otherwise a sentence for the user
        (what is left, why, and that the next start pushes it). Waits at most `timeout_s`, and
        `offline_grace_s` when the central database stays out of reach.
        """
        flushed = self.flush(timeout_s, offline_grace_s=offline_grace_s)
        reason = self.link.message if not self.link.online else f"still sending after {timeout_s:.0f} s"
        self.stop()
        if flushed:
            return None
        left = {kind: count for kind, count in self.unpushed().items() if count}
        if not left:
            return None
        what = ", ".join(f"{count} {kind}" for kind, count in left.items())
        return (f"{what} not pushed to the central database ({reason}); they are kept here and "
                "pushed when this station next runs online")

    def status(self) -> SyncStatus:
        return self.link.status()
