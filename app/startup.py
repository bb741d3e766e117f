"""Bringing a station up: folders, configuration, logs, the database, demo data, the Station."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Config, Paths, load_config, station_paths
from app.it.backup import backup_before_upgrade
from app.store.db import open_database, sqlite_url, upgrade

if TYPE_CHECKING:
    from app.sync.service import CentralSync

log = logging.getLogger(__name__)


@dataclass
class Bench:
    """Everything a command needs: where files live, the configuration, the database."""

    paths: Paths
    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    created: bool  # the database had no catalogue, orders or users when this start opened it

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
    engine, sessions = open_database(url, migrate=False)
    backup_before_upgrade(engine, paths)  # a copy of the database before any migration touches it
    upgrade(engine)
    bench = Bench(paths, config, engine, sessions, created=_is_empty(engine))
    # Decided by content, not by the file: a first start that died while seeding seeds again.
    # A networked station gets its catalogue and orders from the central database instead.
    if seed_demo and bench.created and not config.database_url and not config.central_url:
        from app.returns.demo import seed_operations_demo
        from app.store.demo import seed_demo as seed

        summary = seed(sessions, orders=50)
        # Stock in bins, two shipped orders to take back, a wholesale order for cartons and pallets.
        seed_operations_demo(sessions)
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
        raise ConfigError(str(exc)) from None
    if not central.initial_sync(timeout_s=sync_timeout_s):
        log.warning("central database: %s; packing from the local cache", central.link.message)
    return central


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
