"""`packstation supervisor`: the supervisor's console on its own, on this station's database.

Uses the station's configuration (PACKSTATION_HOME, station.toml): its database_url when set
(a networked warehouse), else the station's SQLite file. The window shows at once and asks for
a supervisor's badge or name and PIN; the database is opened on the console's thread pool.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from app.config import Paths

log = logging.getLogger(__name__)


def database_url() -> tuple[str, Paths]:
    from app.config import load_config, station_paths
    from app.startup import setup_logging
    from app.store.db import sqlite_url

    paths = station_paths().ensure()
    setup_logging(paths)
    config = load_config(paths)
    return config.database_url or sqlite_url(paths.database), paths


def run(argv: list[str] | None = None) -> int:
    from app.ui.app import make_application
    from app.ui.supervisor.window import open_console
    from app.ui.theme import apply_theme
    from app.ui.ui_settings import load_ui_settings, ui_settings_path

    app = make_application(argv if argv is not None else [])
    url, paths = database_url()
    ui, _problem = load_ui_settings(ui_settings_path(paths.config_file))
    screen = app.primaryScreen()
    apply_theme(app, ui.theme, screen.size().height() if screen else 768)
    where = str(paths.database) if url.startswith("sqlite") else url.split("@")[-1]
    window = open_console(url, photo_root=paths.data_dir, source=where)
    window.destroyed.connect(app.quit)
    code = QApplication.instance().exec()
    return code
