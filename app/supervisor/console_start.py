"""Which database the supervisor's console opens, and what it calls it: its start-up, outside the screen.

The console reads the station's database: the configured `database_url` (a networked
warehouse) or, when none is set, the station's own SQLite file. Both ways in use this module:
`packstation supervisor` (the console on its own: `standalone()`, which also starts the log)
and the Supervisor button of a packing window (`for_station(config, paths)`). The screen gets
a URL and a name to show; it never builds a database URL itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.config import Paths

__all__ = ["ConsoleDatabase", "for_station", "standalone"]


@dataclass(frozen=True)
class ConsoleDatabase:
    url: str  # what app.supervisor.service.StatsService.open takes
    paths: Paths  # the station folder (photos, screen settings)
    where: str  # the database as the console's title shows it: the file, or host/database without the login

    @property
    def is_station_file(self) -> bool:
        return self.url.startswith("sqlite")


def database_url(config: Any, paths: Paths) -> str:
    """The configured central `database_url`, else the station's SQLite file."""
    from app.store.db import sqlite_url

    return (config.database_url if config is not None else "") or sqlite_url(paths.database)


def for_station(config: Any, paths: Paths) -> ConsoleDatabase:
    """The console's database for a station that is running (its loaded configuration, or None)."""
    url = database_url(config, paths)
    return ConsoleDatabase(url, paths, str(paths.database) if url.startswith("sqlite") else url.split("@")[-1])


def standalone() -> ConsoleDatabase:
    """`packstation supervisor`: this process's station folder (PACKSTATION_HOME or the user's), its log
    started and its configuration loaded (ConfigError names a wrong key)."""
    from app.config import load_config, station_paths
    from app.startup import setup_logging

    paths = station_paths().ensure()
    setup_logging(paths)
    return for_station(load_config(paths), paths)
