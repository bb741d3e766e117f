"""The supervisor's console: the floor, productivity, orders and audit, holds, returns and stock.

Opens behind a sign-in (supervisors and admins, with PIN and lockout) and locks itself again
after IDLE_LOCK_S without a key press or click, so a console left on a desk does not stay open.
It never touches the database on the GUI thread: the StatsService is created, and every query
runs, on the console's thread pool.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.supervisor import access
from app.supervisor.actions import Actor, SupervisorActions, console_name
from app.supervisor.productivity import Productivity
from app.supervisor.service import StatsService
from app.ui.reflow import HeaderBar, fit_minimum
from app.ui.supervisor.audit_view import AuditView
from app.ui.supervisor.floor_view import REFRESH_MS, FloorView
from app.ui.supervisor.holds_view import HoldsView
from app.ui.supervisor.login import LoginDialog
from app.ui.supervisor.productivity_view import ProductivityView
from app.ui.supervisor.returns_view import ReturnsView
from app.ui.supervisor.runner import QueryRunner
from app.ui.supervisor.widgets import FittingTabs

log = logging.getLogger(__name__)
IDLE_LOCK_S = 15 * 60

# The station's theme sizes text for a bench read at arm's length; a supervisor's tables have
# twenty columns and are read at a desk, so they use a smaller size inside this window only.
CONSOLE_STYLE = """
QTableView { font-size: 13px; selection-background-color: #D6E4F5; selection-color: #14181D; }
QHeaderView, QHeaderView::section { font-size: 13px; }
QHeaderView::section { padding: 4px 3px; }
QHeaderView::up-arrow, QHeaderView::down-arrow { width: 9px; height: 9px; }
QTabBar::tab { font-size: 15px; font-weight: 600; padding: 6px 18px; }
QPushButton { min-height: 36px; }
QLineEdit, QComboBox, QDateTimeEdit { min-height: 34px; }
QLabel#Big { font-size: 22px; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorWindow", text)


class _Activity(QObject):
    """Notes the time of the last key press or click anywhere in the application."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self.last = time.monotonic()
        return False


class SupervisorWindow(QMainWindow):
    signed_in = Signal(object)  # the Supervisor
    locked = Signal()

    def __init__(self, open_service: Callable[[], StatsService], *, console: str | None = None,
                 photo_root: Path | None = None, idle_lock_s: float = IDLE_LOCK_S,
                 floor_interval_ms: int = REFRESH_MS, source: str = "") -> None:
        super().__init__()
        self.setObjectName("SupervisorWindow")
        self.setWindowTitle(_tr("Packstation — Supervisor"))
        fit_minimum(self, 640, 460)  # a station's 1024×768 monitor at 150 % (683×512) opens it too
        self.setStyleSheet(CONSOLE_STYLE)
        self._open_service = open_service
        self._service: StatsService | None = None
        self._service_lock = threading.Lock()
        self.console = console or console_name()
        self.source = source
        self.supervisor: access.Supervisor | None = None
        self.idle_lock_s = idle_lock_s
        self.runner = QueryRunner(self)
        self.activity = _Activity(self)
        app = QApplication.instance()
        assert app is not None, "the console needs the QApplication"
        app.installEventFilter(self.activity)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar())
        self.tabs = FittingTabs()  # short titles where the full ones do not fit (683 px, German)
        self.tabs.setDocumentMode(True)
        self.floor = FloorView(self.runner, lambda: self.service().floor(), interval_ms=floor_interval_ms)
        self.productivity = ProductivityView(self.runner, self.service)
        self.audit = AuditView(self.runner, self.service, photo_root=photo_root)
        self.holds = HoldsView(self.runner, self.service, self._actor, self.console)
        self.returns = ReturnsView(self.runner, self.service)
        self.tabs.add_tab(self.floor, _tr("Floor"), _tr("Floor"))
        self.tabs.add_tab(self.productivity, _tr("Productivity"), _tr("Productivity"))
        self.tabs.add_tab(self.audit, _tr("Orders and audit"), _tr("Orders"))
        self.tabs.add_tab(self.holds, _tr("Holds"), _tr("Holds"))
        self.tabs.add_tab(self.returns, _tr("Returns && stock"), _tr("Returns"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.floor.order_requested.connect(self.show_order)
        self.holds.order_requested.connect(self.show_order)
        self.holds.count_changed.connect(self._holds_count)
        self.holds.resolved.connect(lambda number, status: self.statusBar().showMessage(
            _tr("Order {0}: {1}. Recorded in the audit trail.").format(number, status), 8000))
        self.productivity.report_requested.connect(self.save_report)
        for index, key in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5")):
            QShortcut(QKeySequence(key), self, lambda i=index: self.tabs.setCurrentIndex(i))
        QShortcut(QKeySequence("Ctrl+F"), self, self._find_order)
        QShortcut(QKeySequence("F5"), self, self.refresh_current)
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(15_000)
        self.idle_timer.timeout.connect(self._check_idle)
        self.statusBar().showMessage(_tr("Sign in to see the floor."))
        self.tabs.setEnabled(False)

    def _top_bar(self) -> QWidget:
        bar = HeaderBar()  # who on the left, the source and Sign out on the right: a further row when narrow
        bar.setObjectName("TopBar")
        row = bar.left_row
        brand = QLabel(_tr("Packstation"))
        brand.setObjectName("StationName")
        role = QLabel(_tr("Supervisor console"))
        self.who = QLabel(_tr("Not signed in"))
        self.who.setObjectName("PackerName")
        self.source_label = QLabel()
        self.sign_out_button = QPushButton(_tr("Sign out"))
        self.sign_out_button.clicked.connect(lambda: self.lock(_tr("signed out")))
        self.sign_out_button.setEnabled(False)
        row.addWidget(brand)
        row.addWidget(role)
        row.addSpacing(24)
        row.addWidget(self.who)
        row.addStretch(1)
        row = bar.right_row
        row.addWidget(self.source_label)
        row.addSpacing(12)
        row.addWidget(self.sign_out_button)
        return bar

    # ------------------------------------------------------------ the service

    def service(self) -> StatsService:
        """The StatsService, created on first use (on a pool thread: it opens the database)."""
        with self._service_lock:
            if self._service is None:
                self._service = self._open_service()
            return self._service

    def _actor(self) -> Actor:
        if self.supervisor is None:
            raise PermissionError("not signed in")
        return self.supervisor.actor

    # ------------------------------------------------------------ signing in and out

    def begin(self, who: str = "") -> LoginDialog:
        """Ask for a supervisor's badge or name and PIN; the console opens on success."""
        dialog = LoginDialog(self.runner, self._check, self, who=who)
        dialog.accepted.connect(lambda: self.begin_as(dialog.supervisor))
        dialog.rejected.connect(lambda: None if self.supervisor else self.close())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _check(self, who: str, pin: str, new_pin: str | None = None) -> access.Supervisor:
        return access.sign_in(self.service().engine, who, pin, console=self.console, new_pin=new_pin)

    def begin_as(self, supervisor: access.Supervisor | None) -> None:
        if supervisor is None:
            return
        self.supervisor = supervisor
        roles = {"supervisor": _tr("supervisor"), "admin": _tr("admin")}
        self.who.setText(f"{supervisor.name} · {roles.get(supervisor.role.value, supervisor.role.value)}")
        self.source_label.setText(self.source)
        self.sign_out_button.setEnabled(True)
        self.tabs.setEnabled(True)
        self.activity.last = time.monotonic()
        self.floor.start()
        self.productivity.start()
        self.holds.refresh()
        self.runner.submit("targets", lambda: self.service().reassign_targets(), self.holds.set_targets)
        self.idle_timer.start()
        self.statusBar().showMessage(_tr("Signed in as {0}.").format(supervisor.name), 5000)
        self.signed_in.emit(supervisor)

    def lock(self, why: str = "") -> None:
        """Hide the figures and ask for a sign-in again (sign-out, or idle too long)."""
        supervisor = self.supervisor
        if supervisor is None:
            return
        self.supervisor = None
        self.floor.stop()
        self.productivity.stop()
        self.idle_timer.stop()
        self.tabs.setEnabled(False)
        self.sign_out_button.setEnabled(False)
        self.who.setText(_tr("Locked"))
        console = self.console
        self.runner.submit("sign_out", lambda: access.sign_out(self.service().engine, supervisor, console=console,
                                                                why=why or "signed out"), lambda _: None)
        self.locked.emit()
        self.statusBar().showMessage(_tr("Locked ({0}). Sign in to continue.").format(why or _tr("signed out")))
        self.begin()

    def _check_idle(self) -> None:
        if self.supervisor is not None and time.monotonic() - self.activity.last > self.idle_lock_s:
            self.lock(_tr("no activity for {0} minutes").format(round(self.idle_lock_s / 60)))

    # ------------------------------------------------------------ navigation

    def show_order(self, number: str) -> None:
        self.tabs.setCurrentWidget(self.audit)
        self.audit.show_order(number)

    def _holds_count(self, count: int) -> None:
        holds = _tr("Holds ({0})").format(count) if count else _tr("Holds")
        self.tabs.set_titles(self.holds, holds, holds)

    def _tab_changed(self, index: int) -> None:
        if self.supervisor is None:
            return
        if self.tabs.widget(index) is self.holds:
            self.holds.refresh()
        elif self.tabs.widget(index) is self.returns:
            self.returns.reload()  # a few small aggregates: fresh each time the tab is opened

    def _find_order(self) -> None:
        self.tabs.setCurrentWidget(self.audit)
        self.audit.query.setFocus()

    def refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.floor:
            self.floor.refresh()
        elif widget is self.productivity:
            self.productivity.reload()
        elif widget is self.holds:
            self.holds.refresh()
        elif widget is self.audit:
            self.audit.search()
        elif widget is self.returns:
            self.returns.reload()

    # ------------------------------------------------------------ the shift report

    def save_report(self, result: Productivity, path: Path | None = None) -> None:
        from app.supervisor.report_pdf import default_name, shift_report

        target = path or self.productivity.ask_pdf_path(default_name(result))
        if target is None or self.supervisor is None:
            return
        supervisor, console, source = self.supervisor, self.console, self.source

        def job() -> Path:
            service = self.service()
            pdf = shift_report(result, service.exceptions(result.period), supervisor=supervisor.name, source=source,
                               returns=service.returns(result.period))
            target.write_bytes(pdf)
            SupervisorActions(service.engine, console).record(
                supervisor.actor, "report_exported",
                {"what": "shift report", "period": result.period.describe(), "file": target.name})
            return target

        self.statusBar().showMessage(_tr("Writing the shift report…"))
        self.runner.submit("report", job, lambda p: self.statusBar().showMessage(
            _tr("Shift report saved: {0}").format(p), 10000),
            lambda e: self.statusBar().showMessage(_tr("Shift report not saved: {0}").format(e)))

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.floor.stop()
        self.productivity.stop()
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.activity)
        supervisor, self.supervisor = self.supervisor, None
        service = self._service
        last: Callable[[], None] | None = None
        if supervisor is not None and service is not None:
            engine, console = service.engine, self.console
            # On the pool, like every database call of the console.
            last = lambda: access.sign_out(engine, supervisor, console=console, why="console closed")  # noqa: E731
        self.runner.close(last)
        if service is not None:
            service.close()
            self._service = None


def open_console(url: str, *, parent: QWidget | None = None, who: str = "", photo_root: Path | None = None,
                 source: str = "", min_active_s: float | None = None) -> SupervisorWindow:
    """A console on the database at `url`, asking for a sign-in (used by the station window too).

    Rates from less than `min_active_s` of active time are "not enough data"; None takes the
    station's `[supervisor] min_active_minutes` (station.toml, read on the pool thread with the
    database), as `packstation stats` does.
    """

    def open_service() -> StatsService:
        return StatsService.open(url, min_active_s=min_active_s if min_active_s is not None
                                 else station_min_active_s())

    window = SupervisorWindow(open_service, photo_root=photo_root, source=source)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None:
        window.setParent(parent, Qt.WindowType.Window)
    window.resize(1440, 900)
    window.show()
    window.begin(who)
    return window


def station_min_active_s() -> float:
    """The station's `[supervisor] min_active_minutes` in seconds (station.toml; the default without one)."""
    from app.config import load_config

    return load_config().stats_min_active_minutes * 60
