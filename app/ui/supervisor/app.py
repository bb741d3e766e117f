"""`packstation supervisor`: the supervisor's console on its own, on this station's database.

Uses the station's configuration (PACKSTATION_HOME, station.toml): its database_url when set
(a networked warehouse), else the station's SQLite file (app.supervisor.console_start picks it,
outside the screen). The window shows at once and asks for
a supervisor's badge or name and PIN; the database is opened on the console's thread pool.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def run(argv: list[str] | None = None) -> int:
    from app.supervisor.console_start import standalone
    from app.ui.app import make_application
    from app.ui.supervisor.window import open_console
    from app.ui.theme import apply_theme
    from app.ui.ui_settings import load_ui_settings, ui_settings_path

    app = make_application(argv if argv is not None else [])
    database = standalone()
    paths = database.paths
    ui, _problem = load_ui_settings(ui_settings_path(paths.config_file))
    screen = app.primaryScreen()
    apply_theme(app, ui.theme, screen.size().height() if screen else 768)
    window = open_console(database.url, photo_root=paths.data_dir, source=database.where)
    window.destroyed.connect(app.quit)
    return app.exec()
