"""Bringing a station up: folders, configuration, logs, the database, demo data, the Station."""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Config, Paths, load_config, station_paths
from app.it.backup import backup_before_upgrade
from app.store.db import open_database, sqlite_url, upgrade

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
    engine, sessions = open_database(url, migrate=False)
    backup_before_upgrade(engine, paths)  # a copy of the database before any migration touches it
    upgrade(engine)
    bench = Bench(paths, config, engine, sessions, created=_is_empty(engine))
    # Decided by content, not by the file: a first start that died while seeding seeds again.
    if seed_demo and bench.created and not config.database_url:
        from app.store.demo import seed_demo as seed

        summary = seed(sessions, orders=50)
        log.info("first start: demo data seeded (%s)", summary)
    return bench


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
