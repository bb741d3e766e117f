"""An in-process networked station for tests: its own SQLite file, its CentralSync, its Station."""

from __future__ import annotations

import queue
import time
from pathlib import Path

from app.config import Config
from app.store.db import open_database, sqlite_url
from app.store.repository import Repository
from app.sync.service import CentralSync, SyncStatus
from app.sync.settings import CentralSettings
from tests.central.station_proc import NetworkedStation, NullOutput, immediate_writer


class LocalStation:
    def __init__(self, root: Path, name: str, settings: CentralSettings) -> None:
        self.name = name
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        self.engine, self.sessions = open_database(sqlite_url(folder / "station.db"))
        self.config = Config(station=name)
        self.changed: queue.Queue[str] = queue.Queue()
        self.statuses: list[tuple[float, SyncStatus]] = []
        self.central = CentralSync(settings, name, self.engine, on_order_changed=self.changed.put,
                                   on_status=lambda s: self.statuses.append((time.monotonic(), s)))
        self._station: NetworkedStation | None = None

    @property
    def claims(self):
        return self.central.claims

    def sync(self, timeout_s: float = 10.0) -> None:
        assert self.central.initial_sync(timeout_s), f"{self.name}: no sync ({self.central.link.message})"

    def station(self) -> NetworkedStation:
        if self._station is None:
            repository = immediate_writer(self.engine, Repository(self.engine))
            self._station = NetworkedStation(self.config, repository, NullOutput(), self.claims)
        return self._station

    def pack(self, number: str) -> str:
        """Open, pack every unit, CONFIRM the suggested carton; returns the last outcome's code."""
        station = self.station()
        if station.state.order is None or station.state.order.number != number:
            outcome = station.scan(number)
            if outcome.code != "order_opened":
                return outcome.code
        assert station.state.order is not None
        for line in station.state.order.lines:
            for _ in range(line.quantity):
                station.scan(line.sku)
        return station.scan("PS:CMD:CONFIRM").code

    def sign_in(self, badge: str = "P-1001") -> None:
        assert self.station().scan(f"PS:BADGE:{badge}").code in ("signed_in", "already_signed_in")

    def local(self, query: str, params: dict | None = None) -> list[tuple]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(query), params or {})]

    def close(self) -> None:
        self.central.stop(hand_back_reserved=False)
        if self._station is not None:
            self._station.repo.close()
        self.engine.dispose()
