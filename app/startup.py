"""Bringing a station up: folders, configuration, logs, the database, demo data, the Station.

The station window and `packstation replay` start packing through the same functions here:
`open_bench`, `open_central`, `open_station` (the Station, its print output sending, the central
link syncing), `open_order_watch` and `stop_station`.

A window's start path (open the database, resume the session) uses SQLAlchemy Core only: the
ORM (app.store.models, sqlalchemy.orm) is imported when something first asks for `Bench.sessions`
or needs a model, after the first frame (tests/bench/bench_ui.py: the cold start).
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from app.config import Config, Paths, load_config, station_paths
from app.it.backup import backup_before_upgrade
from app.store.db import make_engine, sqlite_url, upgrade

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.station import Output, Station
    from app.sync.service import CentralSync

log = logging.getLogger(__name__)


@dataclass
class Bench:
    """Everything a command needs: where files live, the configuration, the database."""

    paths: Paths
    config: Config
    engine: Engine
    created: bool  # the database had no catalogue, orders or users when this start opened it
    _sessions: Any = field(default=None, repr=False, compare=False)

    @property
    def sessions(self) -> sessionmaker[Session]:
        """ORM sessions on this database, made (and the ORM imported) when first asked for."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    def close(self) -> None:
        self.engine.dispose()


def open_bench(*, seed_demo: bool = False) -> Bench:
    """Open (create and migrate) this station's database; seed demo data on a first start."""
    paths = station_paths().ensure()
    setup_logging(paths)
    config = load_config(paths)
    url = config.database_url or sqlite_url(paths.database)
    if not config.database_url:  # created 0600 before SQLite creates it (its -wal and -shm follow its mode)
        from app.private_files import create_private_file

        create_private_file(paths.database)
    engine = make_engine(url)  # Core only: no ORM on a start's way (Bench.sessions makes them when asked)
    backup_before_upgrade(engine, paths)  # a copy of the database before any migration touches it
    upgrade(engine)
    bench = Bench(paths, config, engine, created=_is_empty(engine))
    # Decided by content, not by the file: a first start that died while seeding seeds again.
    # A networked station gets its catalogue and orders from the central database instead.
    if seed_demo and bench.created and not config.database_url and not config.central_url:
        from app.returns.demo import seed_operations_demo
        from app.store.demo import seed_demo as seed

        summary = seed(bench.sessions, orders=50)
        # Stock in bins, two shipped orders to take back, a wholesale order for cartons and pallets.
        seed_operations_demo(bench.sessions)
        log.info("first start: demo data seeded (%s)", summary)
        # The demo warehouse as sender, so that the demo's labels are complete (doctor warns it is the demo's).
        from app.it.first_start import configure_demo_ship_from

        bench.config = configure_demo_ship_from(paths) or bench.config
    return bench


def open_central(bench: Bench, *, sync_timeout_s: float = 5.0, **callbacks: Any) -> CentralSync | None:
    """The station's link to the central database, or None for a standalone station.

    Syncs once before returning (cartons, users and orders in the cache before the Station is
    built); offline that is fine, the station packs what it holds. Start it with `.start()` once
    the Station exists, stop it with `.stop()`. Callbacks (on_order_changed, on_status,
    on_conflict, on_catalogue_changed) run on the sync thread.
    """
    from app.sync.settings import settings_for

    settings = settings_for(bench.config)
    if not settings.enabled:
        return None
    from app.config import ConfigError
    from app.sync.service import CentralSync
    from app.sync.settings import CentralConfigError

    try:  # an unsafe or missing password file stops the start with the key named, like any config error
        central = CentralSync(settings, bench.config.station, bench.engine, config_file=bench.paths.config_file,
                              **callbacks)
    except CentralConfigError as exc:
        raise ConfigError(*exc.args) from None  # its words keep their code (app.config_reasons)
    if not central.initial_sync(timeout_s=sync_timeout_s):
        log.warning("central database: %s; packing from the local cache", central.link.message)
    return central


def open_station(bench: Bench, output: Output, central: CentralSync | None = None, *,
                 defer_slips: bool = False, defer_labels: bool = False) -> Station:
    """The packing Station on this bench, resumed from its event log, with what feeds it started:
    its print output sends in the background and the central link (if any) syncs.

    The window (at start, and again after its settings change) and `packstation replay` start
    packing here. `defer_slips`: the window prints the packing slip in a job of its own, right
    after the outcome is on screen (Station.run_deferred); `defer_labels`: so is the label of the
    label step, whose result the window shows as the outcome's continuation.
    """
    from app.station import Station
    from app.store.repository import Repository

    station = Station(bench.config, Repository(bench.engine), output,
                      claims=central.claims if central is not None else None)
    station.defer_slips = defer_slips
    station.defer_labels = defer_labels
    if hasattr(output, "start"):
        output.start()
    if central is not None and not central.worker.is_alive():
        central.start()
    return station


def stop_station(station: Any) -> None:
    """A Station's last slip out, its print output stopped, its database connections closed."""
    if getattr(station, "has_deferred", False):
        station.run_deferred()  # a slip still owed prints before the station goes
    if hasattr(station.output, "stop"):
        station.output.stop()
    station.repo.close()


def open_order_watch(bench: Bench, station: Callable[[], Any], on_order_changed: Callable[[str], None], *,
                     start: bool = True) -> Any:
    """A standalone station's watch on its own store (app.sources.relay.OrderWatch, started), or None
    on a networked station, whose central pull already tells it.

    The shop connector runs in a process of its own and cancels or holds an order in this
    station's database; the watch calls `on_order_changed(number)` (on its thread, like the central
    sync's callback) when the order `station()` has open is stopped that way. Stop it with `.stop()`.
    `start=False`: no thread; the caller looks with `.check()` (replay, before each scan).
    """
    from app.sync.settings import settings_for

    if settings_for(bench.config).enabled:
        return None
    from app.domain.session import ORDER_OPEN_PHASES
    from app.sources.relay import OrderWatch

    def open_order() -> str | None:
        current = station()
        state = getattr(current, "state", None)
        if state is None or state.order is None or state.phase not in ORDER_OPEN_PHASES:
            return None
        return str(state.order.number)

    watch = OrderWatch(bench.engine, open_order, on_order_changed)
    return watch.start() if start else watch


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return not any(conn.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first()
                       for table in ("products", "orders", "users"))


def setup_logging(paths: Paths, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_packstation", False) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(paths.log_dir / "station.log", maxBytes=5_000_000,
                                                   backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler._packstation = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
