"""`packstation` with no subcommand: open the bench, build the Station, show the window.

The window appears first; the database is opened (and migrated, and seeded with demo data on a
first start) by the station worker, so a large database or a slow disk never shows as a frozen
or missing window. Works under PACKSTATION_HOME and on a machine with no audio device.

A cold start (tests/bench/bench_ui.py) imports the start path's non-Qt modules first, then Qt and
the packing screens; the worker opens the database and resumes the session with SQLAlchemy Core
(app.startup.open_bench, open_station) while the window is built. The hidden screens' modules
(returns, the supervisor's console, settings, the setup wizard), the ORM, the renderers and the
standalone order watch come after the first frame (`warm_up`, and each screen when opened).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import Any

# isort: split
# The start path's non-Qt modules, imported before Qt: after it each import costs more (app/ui/fast_start.py).
import app.it.first_start  # noqa: F401 - the setup check of the start job
import app.printing  # noqa: F401 - the station's print output
import app.startup  # noqa: F401 - SQLAlchemy Core, the database, the Station
from app.config import Config, station_paths
from app.station_lock import EXIT_BUSY, StationBusy, hold_station

# isort: split
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.fast_start import drop_feature_import_hook

drop_feature_import_hook()  # before the window's modules: they import at Python's own cost

# isort: split
from app.ui import accounts, i18n  # noqa: E402 - after the hook is dropped
from app.ui.main_window import MainWindow, StartInfo  # noqa: E402 - after the hook is dropped
from app.ui.theme import apply_theme  # noqa: E402 - after the hook is dropped
from app.ui.ui_settings import load_ui_settings, ui_settings_path  # noqa: E402 - after the hook is dropped
from app.ui.worker import Job, WorkerContext  # noqa: E402 - after the hook is dropped

log = logging.getLogger(__name__)

OutputFactory = Callable[[Any], Any]


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def _default_output(bench: Any) -> Any:
    from app.printing import station_output

    return station_output(bench)


def open_bench_with_demo() -> tuple[Any, str]:
    """The bench, seeded with demo data when its database is empty (a first start)."""
    from app.startup import open_bench

    return open_bench(seed_demo=True), ""


def start_job(output_factory: OutputFactory = _default_output,
              seed: Callable[[Any], None] | None = None, demo: bool = True, ask_setup: bool = False) -> Job:
    """The worker's first job: open the bench and build the Station (off the GUI thread).

    `ask_setup`: the window asks an admin to set the station up when it has no ship-from address
    (the window `packstation` opens does; tests that drive a window ask for it when they test it).
    What the first screen does not need (the standalone order watch, the renderers, the ORM) is
    left to the job the window runs after its first frame (`StartInfo.warm_up`).
    """

    def job(ctx: WorkerContext) -> StartInfo:
        if demo:
            bench, note = open_bench_with_demo()
        else:
            from app.startup import open_bench

            bench, note = open_bench(), ""
        if seed is not None:
            seed(bench)
        ctx.bench = bench
        ctx.extras["output_factory"] = output_factory
        _build_station(ctx, bench.config)
        setup, admin_exists = _setup_needed(bench) if ask_setup else ("", True)
        return StartInfo(ctx.station.state, bench.config, accounts.pin_sign_in_available(), note, setup,
                         admin_exists, warm_up=warm_up)

    return job


def warm_up(ctx: WorkerContext) -> None:
    """After the first frame, on the worker: what the first screen did not wait for. The standalone
    station's order watch, then the renderers and the stock ledger of the first label and packed
    order (Station.warm_up)."""
    _watch_orders(ctx)
    if ctx.station is not None:
        ctx.station.warm_up()


def _setup_needed(bench: Any) -> tuple[str, bool]:
    """What the station lacks before its labels are complete ("" when nothing), and whether it has an admin."""
    from app.it.first_start import has_admin, setup_problem

    problem = setup_problem(bench.config)
    return problem, (has_admin(bench.engine) if problem else True)


def rebuild_job(config: Config) -> Job:
    """After the settings are saved: a new Station on the new configuration, resumed from the log."""

    def job(ctx: WorkerContext) -> StartInfo:
        _build_station(ctx, config)
        return StartInfo(ctx.station.state, config, accounts.pin_sign_in_available())

    return job


def _build_station(ctx: WorkerContext, config: Config) -> None:
    """A Station on this configuration (app.startup.open_station, as `packstation replay` builds
    its own), its print queue sending in the background; the one it replaces stopped."""
    from app.startup import open_station, stop_station

    old = ctx.station
    ctx.bench.config = config
    central = _central(ctx)
    output = ctx.extras.get("output_factory", _default_output)(ctx.bench)
    # The window prints the slip, and draws the label step's label, in jobs of their own after the
    # outcome (StepResult.deferred): the packer sees the scan taken at once.
    ctx.station = open_station(ctx.bench, output, central, defer_slips=True, defer_labels=True)
    if old is not None:
        stop_station(old)


def _watch_orders(ctx: WorkerContext) -> None:
    """Standalone: the shop connector is another process; a cancellation it writes here reaches the
    open order through the same callback as a central one (app.startup.open_order_watch). Opened
    once per run; its first look reads the open order's status, so nothing written since the start
    is missed."""
    if ctx.bench is None or ctx.extras.get("central") is not None or "order_watch" in ctx.extras:
        return
    callback = ctx.extras.get("central_callbacks", {}).get("on_order_changed")
    if callback is not None:
        from app.startup import open_order_watch

        ctx.extras["order_watch"] = open_order_watch(ctx.bench, lambda: ctx.station, callback)


def _central(ctx: WorkerContext) -> Any:
    """The link to the central database, opened once per run (None on a standalone station).

    Its callbacks (set by the window) run on the sync thread and only emit Qt signals.
    A change of central settings takes effect at the next start.
    """
    if "central" not in ctx.extras:
        from app.startup import open_central

        ctx.extras["central"] = open_central(ctx.bench, **ctx.extras.get("central_callbacks", {}))
    return ctx.extras["central"]


def qt_runtime_problem() -> str | None:
    """PySide6 6.12.0 assumes Python 3.12's immortal None and drops a reference to None on every
    void call: on Python 3.11 the process aborts after a few thousand screen updates."""
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    if (major, minor) >= (6, 12) and sys.version_info < (3, 12):
        return (f"PySide6 {PySide6.__version__} on Python {sys.version_info.major}.{sys.version_info.minor} "
                "crashes after a few thousand screen updates: install PySide6-Essentials<6.12 "
                "(or run on Python 3.12+).")
    return None


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Packstation")
    app.setOrganizationName("Packstation")
    return app


def build_window(argv: list[str] | None = None, *, job: Job | None = None) -> MainWindow:
    """The application and its main window, shown; the station comes up in the background."""
    app = make_application(argv)
    paths = station_paths().ensure()
    ui, problem = load_ui_settings(ui_settings_path(paths.config_file))
    i18n.install_language(ui.language)
    screen = app.primaryScreen()
    apply_theme(app, ui.theme, screen.size().height() if screen else 768)
    window = MainWindow(paths, ui, job or start_job(ask_setup=True), ui_problem=problem, rebuild_job=rebuild_job)
    runtime = qt_runtime_problem()
    if runtime:
        log.error(runtime)
        window.statusBar().showMessage(runtime)
    if ui.fullscreen:
        window.showFullScreen()
    elif screen is not None and screen.availableSize().width() <= 1440:
        # A bench terminal: use all of its small screen. The geometry first, because a kiosk
        # session without a window manager ignores "maximized".
        window.setGeometry(screen.availableGeometry())
        window.showMaximized()
    else:
        window.resize(1600, 950)
        window.show()
    return window


def refusal_box(busy: StationBusy) -> QMessageBox:
    """What a second window says instead of opening: who runs this station, and what to do."""
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Packstation is already running"),
                      _tr("This station is already open."))
    holder = busy.holder
    if holder is not None:
        since = holder.since.astimezone().strftime("%H:%M")
        detail = _tr("It runs in process {0} ({1}) since {2}.").format(holder.pid, holder.command, since)
    else:
        detail = _tr("Another process is starting it.")
    box.setInformativeText(detail + "\n\n" + _tr("Use that window. A second station on this computer "
                                                   "needs its own station folder (PACKSTATION_HOME)."))
    box.setDetailedText(str(busy))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def run(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    try:  # one station process per station folder: the window holds it until it closes
        held = hold_station(station_paths().data_dir)
    except StationBusy as busy:
        print(f"packstation: {busy}", file=sys.stderr, flush=True)
        log.warning("window not opened: %s", busy)
        make_application(argv)
        refusal_box(busy).exec()
        return EXIT_BUSY
    try:
        window = build_window(argv)
        log.info("window shown in %.0f ms", (time.perf_counter() - started) * 1000)
        app = QApplication.instance()
        assert app is not None  # build_window made it
        code = app.exec()
        window.shutdown()
    finally:
        held.release()
    return code
