"""The packer's window: top bar, last-scan banner, one screen per step, and the action bar.

The window never calls the Station itself. Scans (from the keyboard wedge), buttons and hotkeys
become jobs on the one StationWorker; each job's Outcome comes back as a signal and the window
renders its state. The event loop therefore never waits for the database or a printer.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.config import Config, Paths
from app.domain import clock
from app.domain.events import Feedback, Tone
from app.domain.model import Role, User
from app.domain.scan import Command, badge_barcode
from app.domain.session import ORDER_OPEN_PHASES, Phase, SessionState
from app.ui import accounts, i18n, icons
from app.ui.banner import ScanBanner
from app.ui.device_strip import DeviceStrip, shape_pixmap
from app.ui.dialogs import AdminGateDialog, ChangePinDialog, ManualEntryDialog, PinDialog, WeightDialog
from app.ui.hardware import BenchHardware
from app.ui.kiosk_focus import KioskFocus
from app.ui.label_panel import LabelInfo, label_info
from app.ui.messages import coded_text, error_text, feedback_text
from app.ui.printer_card import RESEND_KEY, PrinterCard, fix_words
from app.ui.reflow import HeaderBar, KeyBar, ScreenStack, ShortScroll, fit_minimum
from app.ui.screens import (
    AwaitOrderScreen,
    CartonScreen,
    LabelScreen,
    PackingScreen,
    Screen,
    SignInScreen,
    WeighingScreen,
)
from app.ui.sounds import SoundPlayer
from app.ui.theme import apply_theme
from app.ui.ui_settings import UiSettings, save_ui_settings, ui_settings_path
from app.ui.wedge import KeyboardWedge
from app.ui.worker import Job, JobResult, JobTracker, StationWorker, WorkerContext

if TYPE_CHECKING:  # the station (and SQLAlchemy behind it) is imported by the worker, off the GUI thread
    from app.station import Outcome
    from app.ui.settings_dialog import SettingsDialog  # imported when an admin opens the settings

log = logging.getLogger(__name__)

LABEL_FACTS = frozenset({"label_printed", "reprint_requested", "labels_voided", "print_failed", "order_packed"})
_SEVERITY = {Tone.REJECTED: 5, Tone.ATTENTION: 4, Tone.WARNING: 3, Tone.COMPLETE: 2, Tone.ACCEPTED: 1, Tone.INFO: 0}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class StartInfo:
    """What the worker hands back once the station is up."""

    state: SessionState
    config: Config
    pin_available: bool
    note: str = ""  # shown in the status bar (e.g. demo data missing)
    setup: str = ""  # what the station lacks before its labels are complete (app.it.first_start): ask for it
    admin_exists: bool = True  # someone can pass the admin gate; without one the setup opens ungated
    # What the worker does after the first frame (the order watch, renderers, the ORM: app.ui.app.warm_up).
    warm_up: Job | None = None


@dataclass(frozen=True)
class StepResult:
    outcome: Outcome
    label: LabelInfo | None = None
    deferred: bool = False  # the station owes a document (the slip): the window asks for it next
    label_coming: bool = False  # the label step's label is drawn next; its outcome continues this one


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: str
    handler: Callable[[], None]
    enabled: Callable[[SessionState], bool]


StepHook = Callable[[Any, Phase, "Outcome"], "Outcome"]


def station_step(call: Callable[[Any], Outcome], after: StepHook | None = None) -> Job:
    """A job that runs one station call and, when a label was involved, looks up its preview.

    `after(station, phase_before, outcome)` runs next on the worker (the bench hardware uses it to
    weigh a parcel already on the scale when the call entered the weighing step).
    """

    def job(ctx: WorkerContext) -> StepResult:
        station = ctx.station
        if station is None:
            raise RuntimeError(_tr("The station is not ready."))
        before = station.state.phase
        outcome = call(station)
        if after is not None:
            outcome = after(station, before, outcome)
        label = None
        state = outcome.state
        if state is not None and LABEL_FACTS.intersection(outcome.facts):
            number = state.order.number if state.order else state.last_order
            label = label_info(station, number, preview=False)  # the picture follows (MainWindow)
        return StepResult(outcome, label, station.has_deferred, getattr(station, "label_deferred", False))

    return job


# The next thing the station put off until after the outcome (the label step's label, the slip).
_FOLLOW_UP = station_step(lambda station: station.run_deferred())


class _AfterFrame(QObject):
    """Runs `then` once `widget` has been painted (and at the latest after FALLBACK_MS, for a
    window that is never shown). A fixed delay guessed the first frame's time; on a slow machine
    the frame came later and the work meant to follow it delayed it instead."""

    FALLBACK_MS = 1000

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], object] | None = then
        widget.update()  # a frame is coming: the one that shows what was just set
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()


def after_frame(widget: QWidget, then: Callable[[], object]) -> None:
    _AfterFrame(widget, then)


S = TypeVar("S", bound=Screen)


class _Screen(Generic[S]):
    """One of the window's screens, made the first time it is shown or asked for. A cold start makes
    only the screen it shows before its first frame; the others follow that frame
    (MainWindow._make_screens): the packing, weighing, carton and label screens are ~70 ms of build."""

    def __init__(self, make: Callable[[], S]) -> None:
        self.make = make
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: Any, owner: type | None = None) -> S:
        return window._screen(self.name, self.make)


# The screen each phase shows (a MainWindow attribute).
_SCREEN_OF = {Phase.SIGNED_OUT: "sign_in", Phase.AWAITING_ORDER: "await_order", Phase.DONE: "await_order",
              Phase.PACKING: "packing", Phase.CARTON: "carton", Phase.WEIGHING: "weighing",
              Phase.LABELLING: "labelling"}


class MainWindow(QMainWindow):
    rendered = Signal(object)  # the JobResult just shown (tests and the bench wait on this)
    # From the central database's sync thread (networked stations); queued onto the GUI thread.
    upstream_order_changed = Signal(str)
    central_status = Signal(object)  # app.sync.service.SyncStatus
    catalogue_changed = Signal(object)
    printer_health = Signal(object)  # printers.print_queue.QueueHealth, from the print queue's thread
    sign_in = _Screen(SignInScreen)
    await_order = _Screen(AwaitOrderScreen)
    packing = _Screen(PackingScreen)
    carton = _Screen(CartonScreen)
    weighing = _Screen(WeighingScreen)
    labelling = _Screen(LabelScreen)

    def __init__(self, paths: Paths, ui: UiSettings, start_job: Job, *, sounds: SoundPlayer | None = None,
                 ui_problem: str | None = None, rebuild_job: Callable[[Config], Job] | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.ui = ui
        self.config: Config | None = None
        self.state = SessionState()
        self.last_outcome: Outcome | None = None
        self.ready = False
        self.warmed_up = False  # renderers imported, start-up objects frozen (a moment after ready)
        self.pin_available = False
        self.render_times: list[float] = []  # seconds per rendered outcome (bench)
        self._rebuild_job = rebuild_job
        self.tracker = JobTracker()
        self._follow_ups = 0  # outcome follow-ups waiting for the outcome's paint (_after_paint)
        self._capture: Callable[[str | bytes], None] | None = None
        self._gate: AdminGateDialog | None = None
        self._gate_then: Callable[[], None] = self._open_settings_dialog  # what the admin gate opens
        self.setup_dialog: Any = None  # app.ui.setup_wizard.StationSetupDialog while it is open
        self.change_pin_dialog: ChangePinDialog | None = None  # open while a short PIN is replaced
        self._label: LabelInfo | None = None
        self._printer_ok: bool | None = None
        self._printer_note = ""
        self._queue_health: Any = None  # the print queue's last QueueHealth (the printer card)
        self._label_held = False  # the label panel says "waiting": the printer held the last label
        self.setWindowTitle("Packstation")
        fit_minimum(self, 640, 460)  # 1280×720 at 150 % is 853×480 to Qt: the screens scroll rather than squeeze

        self.sounds = sounds or SoundPlayer(ui.volume, self)
        self.worker = StationWorker(self)
        self.worker.done.connect(self._on_done)
        self.wedge = KeyboardWedge(ui.scanner, self)
        self.wedge.scanned.connect(self.submit_scan)
        # serial scanners, scale, camera: started with the station; they report through signals (below)
        self.hardware = BenchHardware(self, paths.data_dir, run_job=self.run_job, step=station_step,
                                      ready=lambda: self.ready)
        self._connect_hardware()

        self._central_status: Any = None
        self.upstream_order_changed.connect(self._on_upstream_order_changed)
        self.central_status.connect(self._on_central_status)
        self.catalogue_changed.connect(self._on_catalogue_changed)
        self.printer_health.connect(self._on_printer_health)
        self.worker.context.extras["central_callbacks"] = {
            "on_order_changed": self.upstream_order_changed.emit, "on_status": self.central_status.emit,
            "on_catalogue_changed": self.catalogue_changed.emit}
        # The station opens its database on the worker while the widgets are built here (cold start):
        # its answer is a queued signal, handled by the event loop once this window exists.
        self.worker.start()
        self.run_job(start_job, "start", self._on_started)
        self._build()
        # The application-wide filters once the widgets are built: building them sends a few thousand
        # events, each a Python call per filter (a tenth of a cold start). No key arrives before the loop runs.
        app = QApplication.instance()
        assert app is not None, "the station window needs the QApplication"
        app.installEventFilter(self.wedge)
        self.kiosk = KioskFocus(self)  # focus on start, after dialogs and scans; F-keys with no active window
        self.statusBar().showMessage(_tr("Starting the station…"))
        if ui_problem:
            self.statusBar().showMessage(_tr("Screen settings ignored: {0}").format(ui_problem))

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        """(Re)build every widget: also how a language change is applied."""
        for action in self.actions():
            self.removeAction(action)
        # The window's parts are placed top-down, each under the window the moment it is made: under the
        # theme's style sheet every move of a built subtree to a new parent restyles all of its widgets, and
        # the screens built first and then moved into a stack, a scroller, a column and the window were
        # restyled four times (about a third of the build).
        central = QWidget()
        self.setCentralWidget(central)  # the old central widget is hidden and deleted later by Qt
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar())
        self.banner = ScanBanner()
        layout.addWidget(self.banner)
        self.stack = ScreenStack()  # as wide as the shown screen needs, not the widest of them
        layout.addWidget(ShortScroll(self.stack), 1)  # a short window scrolls the screen, never squeezes it
        layout.addWidget(self._action_bar())
        self._screens: dict[str, Screen] = {}  # made when first shown or asked for (_Screen)
        self._status_widgets()
        self._attach_hardware()
        self._render(self.state, None)
        if self.ready:  # a rebuild (a new language): the other screens after its first frame, as at a start
            after_frame(self.banner, self._make_screens)
        self.banner.show_message(Tone.INFO, "", _tr("Scan your badge to sign in.") if not self.ready
                                 else self._prompt(self.state))
        from app.ui.supervisor import entry  # "Supervisor" button and Ctrl+Shift+S for supervisors/admins

        entry.install(self)
        from app.ui.returns import entry as returns_entry  # "Returns" button and Ctrl+Shift+R: returns mode

        returns_entry.install(self)

    def _screen(self, name: str, make: Callable[[], Screen]) -> Screen:
        screen = self._screens.get(name)
        if screen is None:
            screen = self._screens[name] = make()
            self.stack.addWidget(screen)
            self._wire(screen)
        return screen

    def _wire(self, screen: Screen) -> None:
        """A screen just made: its requests to this window, and what it shows that came before it."""
        if isinstance(screen, SignInScreen):
            screen.pin_requested.connect(self.sign_in_with_pin)
            screen.set_pin_available(self.pin_available)
        elif isinstance(screen, WeighingScreen):
            screen.weight_requested.connect(self.enter_weight)
            screen.zero_requested.connect(self.hardware.zero)
            screen.tare_requested.connect(self.hardware.tare)
            self.hardware.show_scale()

    def _make_screens(self) -> None:
        for name in _SCREEN_OF.values():
            getattr(self, name)

    def _to_weighing(self, method: str, *args: Any) -> None:
        """A scale report for the weighing screen, once it is made (it is told the latest when made)."""
        screen = self._screens.get("weighing")
        if screen is not None:
            getattr(screen, method)(*args)

    def _top_bar(self) -> QWidget:
        bar = HeaderBar()  # who and what on the left, devices and tools on the right: a second row if narrow
        bar.setObjectName("TopBar")
        self.header = bar
        row = bar.left_row
        brand = QLabel("Packstation")
        brand.setObjectName("StationName")
        self.station_label = QLabel()
        self.packer_label = QLabel()
        self.packer_label.setObjectName("PackerName")
        self.order_label = QLabel()
        self.printer_label = PrinterCard()  # the label printer and the print queue's health
        self.printer_label.resend_requested.connect(self.resend_prints)
        resend = QAction("resend", self)
        resend.setShortcut(QKeySequence(RESEND_KEY))
        resend.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        resend.triggered.connect(self.resend_prints)
        self.addAction(resend)
        if getattr(self, "_queue_health", None) is not None:  # rebuilt (a language change): keep the card
            self.printer_label.show_health(self._queue_health, self._label_uri())
        self.sound_icon = QLabel()
        settings = QPushButton()
        settings.setIcon(icons.icon("settings", "#5B6B7A", 32))
        settings.setToolTip(_tr("Station settings (Ctrl+,)"))
        settings.setAccessibleName(_tr("Station settings"))
        settings.clicked.connect(self.open_settings)
        settings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        full = QPushButton()  # an icon, like the gear: the header's room goes to the device indicators
        full.setIcon(QIcon(shape_pixmap("fullscreen", "#5B6B7A", 32)))
        full.setToolTip(_tr("Full screen (F11)"))
        full.setAccessibleName(_tr("Full screen (F11)"))
        full.clicked.connect(self.toggle_fullscreen)
        full.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for widget in (brand, self.station_label):
            row.addWidget(widget)
        row.addSpacing(24)
        row.addWidget(self.packer_label)
        row.addSpacing(24)
        row.addWidget(self.order_label)
        row.addStretch(1)
        row = bar.right_row
        self.device_strip = DeviceStrip()
        if getattr(self, "_central_status", None) is not None:  # rebuilt (a language change): keep the card
            self.device_strip.show_status(self._central_status)
        row.addWidget(self.device_strip)
        row.addSpacing(8)
        row.addWidget(self.printer_label)
        row.addSpacing(12)
        row.addWidget(self.sound_icon)
        row.addWidget(full)
        row.addWidget(settings)
        return bar

    def _specs(self) -> list[ActionSpec]:
        def order_open(s: SessionState) -> bool:
            return s.phase in ORDER_OPEN_PHASES

        def cmd(command: Command) -> Callable[[], None]:
            return lambda: self.submit_command(command)

        return [
            ActionSpec("type", _tr("Type code"), "F2", self.type_code, lambda s: self.ready),
            ActionSpec("undo", _tr("Undo"), "F3", cmd(Command.UNDO),
                       lambda s: s.phase in (Phase.PACKING, Phase.CARTON, Phase.WEIGHING)),
            ActionSpec("confirm", _tr("Confirm"), "F4", cmd(Command.CONFIRM),
                       lambda s: s.phase is Phase.CARTON or (s.phase is Phase.PACKING
                                                             and not s.instructions_confirmed)),
            ActionSpec("complete", _tr("Complete"), "F5", cmd(Command.COMPLETE), lambda s: s.phase is Phase.PACKING),
            ActionSpec("next_box", _tr("Next box"), "F6", cmd(Command.NEXT_BOX), lambda s: s.phase is Phase.PACKING),
            ActionSpec("short", _tr("Short"), "F7", cmd(Command.SHORT), order_open),
            ActionSpec("damaged", _tr("Damaged"), "F8", cmd(Command.DAMAGED), order_open),
            ActionSpec("hold", _tr("Hold"), "F9", cmd(Command.HOLD), order_open),
            ActionSpec("reprint", _tr("Reprint"), "F10", cmd(Command.REPRINT),
                       lambda s: s.phase is Phase.LABELLING or bool(s.labelled_boxes)),
            ActionSpec("void", _tr("Void label"), "Shift+F10", cmd(Command.VOID),
                       lambda s: bool(s.labelled_boxes) and s.phase in (Phase.LABELLING, Phase.DONE, Phase.PACKING)),
            ActionSpec("cancel", _tr("Cancel"), "F12", cmd(Command.CANCEL), order_open),
            ActionSpec("sign_out", _tr("Sign out"), "Shift+F12", cmd(Command.SIGN_OUT),
                       lambda s: s.phase in (Phase.AWAITING_ORDER, Phase.DONE)),
        ]

    def _action_bar(self) -> QWidget:
        bar = KeyBar()  # one row of keys, or two when the screen is too narrow for one
        bar.setObjectName("TopBar")
        self.buttons: dict[str, QPushButton] = {}
        self.action_specs = self._specs()
        self.qactions: dict[str, QAction] = {}
        for spec in self.action_specs:
            keys = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.PortableText)
            button = QPushButton(f"{spec.text}\n{keys}")
            button.setObjectName("Action")
            button.setMinimumHeight(60)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter and Space must never press a button by accident
            button.clicked.connect(spec.handler)
            button.setAccessibleName(spec.text)
            bar.add(button)
            self.buttons[spec.key] = button
            action = QAction(spec.text, self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(spec.handler)
            self.addAction(action)
            self.qactions[spec.key] = action
        for key, shortcut, handler in (("settings", "Ctrl+,", self.open_settings),
                                       ("fullscreen", "F11", self.toggle_fullscreen)):
            action = QAction(key, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(handler)
            self.addAction(action)
            self.qactions[key] = action
        return bar

    def _status_widgets(self) -> None:
        bar = self.statusBar()
        for child in bar.findChildren(QLabel, "Permanent"):
            bar.removeWidget(child)
            child.deleteLater()
        self.sound_status = QLabel(self.sounds.status)
        self.sound_status.setObjectName("Permanent")
        bar.addPermanentWidget(self.sound_status)
        version = QLabel(f"Packstation {__version__}")  # IT reads it off the screen when asked "which build?"
        version.setObjectName("Permanent")
        bar.addPermanentWidget(version)

    # ------------------------------------------------------------ jobs

    def run_job(self, job: Job, tag: str, callback: Callable[[JobResult], None] | None = None) -> int:
        return self.tracker.submit(self.worker, job, tag, callback)

    @property
    def idle(self) -> bool:
        """No job queued or running, none about to be handed over, and every result rendered."""
        return self.tracker.idle and not self._follow_ups

    def submit_scan(self, raw: str | bytes, manual: bool = False) -> None:
        """A scan from the keyboard wedge, a serial scanner (bytes as sent) or typed by hand."""
        if self._capture is not None:
            self._capture(raw)  # an open admin gate takes the next badge, the station never sees it
            return
        self.run_job(self._step(lambda station: station.scan(raw, manual=manual)), "scan")

    def submit_command(self, command: Command, argument: int | None = None) -> None:
        self.run_job(self._step(lambda station: station.command(command, argument)), f"command:{command.value}")

    def submit_weight(self, grams: int, source: str = "manual") -> None:
        self.run_job(self._step(lambda station: station.weight(grams, stable=True, source=source)), "weight")

    def _step(self, call: Callable[[Any], Outcome]) -> Job:
        return station_step(call, self.hardware.after_step)

    def _on_done(self, result: JobResult) -> None:
        started = time.perf_counter()
        callback = self.tracker.finished(result)
        if callback is not None:
            callback(result)
        elif not result.ok:
            self._show_error(result.error)
        elif isinstance(result.value, StepResult):
            self._show_step(result.value)
        self.render_times.append(time.perf_counter() - started)
        del self.render_times[:-2000]
        self.rendered.emit(result)

    def _start_hardware(self, config: Config) -> None:
        self.hardware.start(config)  # clears the device cards, the central one with them
        if self._central_status is not None:
            self.device_strip.show_status(self._central_status)

    def _connect_hardware(self) -> None:
        """What the bench hardware reports, shown by this window's widgets (it never touches them itself)."""
        hardware = self.hardware
        hardware.note.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        hardware.warning.connect(lambda code, title, detail: self.banner.show_message(Tone.WARNING, code, title,
                                                                                     detail))
        hardware.scan_read.connect(self.submit_scan)
        hardware.device_shown.connect(lambda status, problem: self.device_strip.show_status(status, problem=problem))
        hardware.devices_cleared.connect(lambda: self.device_strip.clear())
        for signal, method in ((hardware.scale_shown, "show_scale_status"), (hardware.reading_shown, "show_reading"),
                               (hardware.rules_shown, "set_rules"), (hardware.scale_busy, "show_scale_busy"),
                               (hardware.scale_answered, "show_scale_reply")):
            signal.connect(partial(self._to_weighing, method))
        self.rendered.connect(hardware.on_rendered)

    def _attach_hardware(self) -> None:
        """The scale's zero and tare keys on the widgets just built (each build), and the devices shown again."""
        for key, action in self.hardware.scale_actions(self).items():
            self.addAction(action)
            self.qactions[key] = action
        self.hardware.show_all()

    def _on_upstream_order_changed(self, number: str) -> None:
        """Changed in the central database (cancelled, held, edited): the station re-reads it."""
        self.run_job(self._step(lambda station: station.order_changed(number)), "order_change")

    def _on_catalogue_changed(self, _tables: object) -> None:
        def reload(ctx: WorkerContext) -> None:
            if ctx.station is not None:
                ctx.station.reload_cartons()

        self.run_job(reload, "cartons", lambda _result: None)

    def _on_central_status(self, status: Any) -> None:
        """The central database as a card next to the devices: red when this station is offline."""
        from app.ui.central_card import central_card

        self._central_status = central_card(status)  # coded words: the strip says them in the screen's language
        self.device_strip.show_status(self._central_status)

    def _show_error(self, error: BaseException | None) -> None:
        message = _tr("Station error: {0}").format(error)
        self.banner.show_message(Tone.REJECTED, "station_error", message,
                                 _tr("That scan was NOT recorded. Scan it again; if this repeats, call IT."))
        self.sounds.play(Tone.REJECTED)

    def _on_started(self, result: JobResult) -> None:
        # Sound starts after the frame that shows the station ready, not before: QtMultimedia's start
        # takes the GUI thread for a fifth of a second, and the packer's first scan is seconds away.
        after_frame(self.banner, self._start_sound)
        if not result.ok:
            gc.enable()  # no warm-up follows a failed start
            self.statusBar().showMessage(_tr("Station not started: {0}").format(error_text(result.error)))
            self.sign_in.show_problem(_tr("The station could not start: {0}\nFix the configuration, then restart.")
                                      .format(error_text(result.error)))
            self.banner.show_message(Tone.REJECTED, "start_failed", _tr("The station could not start."))
            return
        info: StartInfo = result.value
        self.ready = True
        self.config = info.config
        self.pin_available = info.pin_available
        self.sign_in.set_pin_available(info.pin_available)
        self.station_label.setText(_tr("Station {0}").format(info.config.station))
        self._set_printer_text()
        self.statusBar().showMessage(info.note or _tr("Ready."))
        self._render(info.state, None)
        order = info.state.order
        resumed = order is not None and info.state.phase in ORDER_OPEN_PHASES
        self.banner.show_message(Tone.INFO, "ready",
                                 _tr("Resumed order {0} where it stopped.").format(order.number)
                                 if order is not None and resumed else self._prompt(info.state))
        self._start_hardware(info.config)
        self._watch_printers()
        if info.setup:  # a first start without a ship-from: an admin sets the station up (after the first frames)
            QTimer.singleShot(250, lambda: self.open_station_setup(first_start=info))
        # After that frame: a worker importing renderers would hold the GIL while the window paints.
        warm_up = info.warm_up or (lambda ctx: ctx.station.warm_up())
        after_frame(self.banner, lambda: self.run_job(warm_up, "warm_up", self._on_warmed_up))
        after_frame(self.banner, self._make_screens)

    # ------------------------------------------------------------ rendering

    def _show_step(self, step: StepResult) -> None:
        outcome = step.outcome
        self.last_outcome = outcome
        if step.label is not None:
            self._label = step.label
        failed = next((f for f in outcome.feedback if f.code in ("label_failed", "reprint_failed")), None)
        if failed is not None:
            reason = failed.values.get("reason")  # coded (printers, carriers): worded in the packer's language
            self._printer_ok, self._printer_note = False, (coded_text(reason) if reason
                                                           else self._printer_problem(failed.message))
        elif "label_printed" in outcome.facts or outcome.code == "reprint":
            self._printer_ok, self._printer_note = True, clock.local_now().strftime("%H:%M:%S")
            waiting = self._label_waiting()  # queued, and the printer says it is not ready: not printed yet
            self._label_held = bool(waiting)
            if waiting:
                self._printer_ok, self._printer_note = False, _tr("{0}, then it prints by itself").format(waiting)
        if outcome.state is not None:
            self._render(outcome.state, outcome)
        if outcome.feedback:
            main = self._main_feedback(outcome.feedback)
            others = [feedback_text(f) for f in outcome.feedback if f is not main][-2:]
            self.banner.show_message(main.tone, main.code, feedback_text(main), " · ".join(others))
            if not step.label_coming:  # else one sound, with the label's outcome a moment later
                self.sounds.play(main.tone)
            if self._label_held and ("label_printed" in outcome.facts or outcome.code == "reprint"):
                self._warn_label_held(feedback_text(main))
        elif step.label_coming:
            self.banner.show_message(Tone.INFO, "label_printing", self._prompt(outcome.state or self.state))
        if step.deferred:
            self._after_paint(_FOLLOW_UP, "documents", self._on_documents)
        if step.label is not None and step.label.preview_pending:
            number = step.label.order_number
            self._after_paint(lambda ctx: label_info(ctx.station, number), "label_preview", self._on_preview)

    def _after_paint(self, job: Job, tag: str, callback: Callable[[JobResult], None]) -> None:
        """Hand an outcome's follow-up (the slip, the label's picture) to the worker once the outcome
        is painted. Handed over at once, the worker's rendering held the GIL while this thread
        painted the outcome: the label step showed 100+ ms late (tests/bench/bench_ui.py). A 1 ms
        timer, not a queued call: Qt sends the queued paint (UpdateRequest) before it runs timers."""
        self._follow_ups += 1

        def submit() -> None:
            self._follow_ups -= 1
            self.run_job(job, tag, callback)

        QTimer.singleShot(1, submit)

    def _on_warmed_up(self, _result: JobResult) -> None:
        """Everything imported and built so far lives as long as the process: move it out of the
        garbage collector's reach, so that a full collection (every few hundred scans) walks only
        what packing creates. Without it a collection stalled the screen for 50-70 ms (tests/bench)."""
        gc.collect()
        gc.freeze()
        gc.enable()  # paused for the start: app/ui/fast_start.py
        self.warmed_up = True

    def _on_documents(self, result: JobResult) -> None:
        """What followed the outcome on the worker. The label step's label continues the outcome
        shown (shown as one, as if it had come in the same job); a slip is worth a word only when
        something went wrong with it."""
        if not result.ok:
            self._show_error(result.error)
            return
        step: StepResult = result.value
        later = step.outcome
        if later.facts and self.last_outcome is not None:
            first = self.last_outcome
            step = replace(step, outcome=replace(first, feedback=[*first.feedback, *later.feedback],
                                                 facts=[*first.facts, *later.facts], state=later.state))
            self._show_step(step)
        elif later.feedback:
            self._show_step(step)
        elif step.deferred:
            self._after_paint(_FOLLOW_UP, "documents", self._on_documents)

    def _on_preview(self, result: JobResult) -> None:
        """The label's picture, a moment after the outcome: only if that order is still the one shown."""
        if result.ok and result.value is not None and self._label is not None \
                and result.value.order_number == self._label.order_number:
            self._label = result.value
            self._show_label(self.state)

    @staticmethod
    def _printer_problem(message: str) -> str:
        """The printer's own words out of the station's sentence ("Label did not print: X Then scan...")."""
        for lead in ("Label did not print: ", "Reprint failed: "):
            if message.startswith(lead):
                message = message[len(lead):]
        return message.split(" Then scan")[0]

    @staticmethod
    def _main_feedback(feedback: list[Feedback]) -> Feedback:
        """The sentence for the banner: the last one, unless an earlier one is more severe."""
        main = feedback[-1]
        for item in feedback:
            if _SEVERITY[item.tone] > _SEVERITY[main.tone] and item.tone in (Tone.REJECTED, Tone.WARNING):
                main = item
        return main

    def _show_label(self, state: SessionState) -> None:
        if state.phase in (Phase.DONE, Phase.AWAITING_ORDER, Phase.LABELLING):
            target = self.labelling.label if state.phase is Phase.LABELLING else self.await_order.label
            if self._label is not None:
                target.set_label(self._label, state.order)
            target.set_print_result(self._printer_ok, self._printer_note)
            target.set_printer(self._printer_text())

    def _render(self, state: SessionState, outcome: Outcome | None) -> None:
        self.state = state
        screen: Screen = getattr(self, _SCREEN_OF[state.phase])
        if self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)
        screen.render(state, outcome)
        waiting = self._screens.get("await_order")
        if isinstance(waiting, AwaitOrderScreen) and state.phase in (*ORDER_OPEN_PHASES, Phase.SIGNED_OUT):
            waiting.stop.hide()  # the STOP card belongs to the tote it was shown for
        packer = state.packer
        who = {Role.SUPERVISOR: _tr("Supervisor: {0}"), Role.ADMIN: _tr("Admin: {0}")}  # not every one packs
        self.packer_label.setText(who.get(packer.role, _tr("Packer: {0}")).format(packer.name) if packer
                                  else _tr("Signed out"))
        if state.order is not None and state.phase in ORDER_OPEN_PHASES:
            self.order_label.setText(_tr("Order {0} · box {1}").format(state.order.number, state.box))
        else:
            self.order_label.setText("")
        self._show_label(state)
        for spec in self.action_specs:
            enabled = self.ready and spec.enabled(state)
            self.buttons[spec.key].setEnabled(enabled)
            self.qactions[spec.key].setEnabled(enabled)
        self.buttons["type"].setText(f"{self._type_text(state)}\nF2")

    def _type_text(self, state: SessionState) -> str:
        if state.phase is Phase.SIGNED_OUT:
            return _tr("PIN sign-in")
        if state.phase is Phase.WEIGHING:
            return _tr("Type weight")
        return _tr("Type code")

    def _prompt(self, state: SessionState) -> str:
        return {Phase.SIGNED_OUT: _tr("Scan your badge to sign in."),
                Phase.AWAITING_ORDER: _tr("Scan an order or tote."),
                Phase.DONE: _tr("Scan the next order or tote."),
                Phase.PACKING: _tr("Scan the items."),
                Phase.CARTON: _tr("Scan a carton or press Confirm."),
                Phase.WEIGHING: (_tr("Type the box's weight (F2).") if self.config is not None and not self.config.scale
                                 else _tr("Put the box on the scale.")),  # no scale: never "put it on the scale"
                Phase.LABELLING: _tr("Label is printing.")}[state.phase]

    def _printer_text(self) -> str:
        if self.config is not None and self.config.label_printer:
            return self.config.label_printer
        return _tr("none configured — labels go to the spool folder {0}").format(self.paths.spool_dir)

    def _set_printer_text(self) -> None:
        printer = self.config.label_printer if self.config and self.config.label_printer else _tr("spool folder")
        self.printer_label.show_printer(printer)

    # ------------------------------------------------------------ the printer card

    def _label_uri(self) -> str:
        return self.config.label_printer if self.config is not None and self.config.label_printer else ""

    def _watch_printers(self) -> None:
        """Have the station's print queue tell the window of every change (its thread -> a queued signal)."""
        emit = self.printer_health.emit

        def watch(ctx: WorkerContext) -> Any:
            from app.printing.desk import watch as watch_queue

            return watch_queue(ctx.station.output, emit) if ctx.station is not None else None

        self.run_job(watch, "printer_health", lambda result: self._on_printer_health(result.value)
                     if result.ok else None)

    def _label_waiting(self) -> str:
        """The fix when the label printer holds its jobs now ("Load labels"), else ""."""
        health = self._queue_health
        if health is None or not health.held:
            return ""
        uri = self._label_uri()
        printer = health.printer(uri) if uri else next((p for p in health.printers if not p.ok), None)
        return fix_words(printer.fix) if printer is not None and not printer.ok else ""

    def _on_printer_health(self, health: Any) -> None:
        if health is None:
            return
        self._queue_health = health
        self.printer_label.show_health(health, self._label_uri())
        waiting = self._label_waiting()
        if waiting and self._printer_ok:  # the label just "printed" is held by the printer: say so
            self._printer_ok, self._label_held = False, True
            self._printer_note = _tr("{0}, then it prints by itself").format(waiting)
            self._warn_label_held(self.banner.message)
        elif not waiting and self._label_held:
            self._printer_ok, self._label_held = True, False
            self._printer_note = clock.local_now().strftime("%H:%M:%S")
        self._show_label(self.state)

    def _warn_label_held(self, detail: str) -> None:
        self.banner.show_message(Tone.WARNING, "label_held",
                                 _tr("Label is waiting: {0}. It prints by itself when the printer is ready.")
                                 .format(self._label_waiting()), detail)
        self.sounds.play(Tone.WARNING)

    def resend_prints(self) -> None:
        """The one key (and the printer card's button): labels cut off mid-send go again."""
        self.submit_command(Command.RESEND)

    # ------------------------------------------------------------ sound

    def _start_sound(self) -> None:
        self.sounds.start()
        self.sound_status.setText(self.sounds.status)
        name, colour = ("sound", "#1B7A36") if self.sounds.available and self.sounds.volume else ("mute", "#B3261E")
        self.sound_icon.setPixmap(icons.pixmap(name, colour, 28))
        self.sound_icon.setToolTip(self.sounds.status)
        self.sound_icon.setAccessibleName(self.sounds.status)

    # ------------------------------------------------------------ dialogs and actions

    def type_code(self) -> None:
        if self.state.phase is Phase.SIGNED_OUT:
            self.sign_in_with_pin()
        elif self.state.phase is Phase.WEIGHING:
            self.enter_weight()
        else:
            dialog = ManualEntryDialog(self)
            dialog.accepted.connect(lambda: self.submit_scan(dialog.value(), manual=True))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def enter_weight(self) -> None:
        dialog = WeightDialog(self)  # blind: empty, and silent about the expected weight

        def typed() -> None:
            grams = dialog.value()
            if grams is not None:  # (accept() refuses an empty or impossible weight)
                self.submit_weight(grams, source="manual")

        dialog.accepted.connect(typed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def sign_in_with_pin(self) -> None:
        if not self.pin_available:
            return
        self.run_job(lambda ctx: accounts.user_names(ctx), "users", self._pin_dialog)

    def _pin_dialog(self, result: JobResult) -> None:
        dialog = PinDialog(result.value or [], parent=self)
        dialog.finished.connect(dialog.deleteLater)

        def check() -> None:
            name, pin = dialog.values()
            self._pin_sign_in(name, pin)

        dialog.accepted.connect(check)
        dialog.open()

    def _pin_sign_in(self, name: str, pin: str, new_pin: str | None = None) -> None:
        self.run_job(lambda ctx: accounts.sign_in(ctx, name, pin, where="bench", new_pin=new_pin), "pin",
                     lambda r: self._pin_checked(r, name, pin))

    def _pin_checked(self, result: JobResult, name: str, pin: str) -> None:
        refused = result.value if isinstance(result.value, accounts.PinRefused) else None
        if refused is not None and refused.reason == "must_change":
            self._ask_new_pin(refused.message, lambda new: self._pin_sign_in(name, pin, new))
            return
        user: User | None = result.value.user if isinstance(result.value, accounts.SignedIn) else None
        if user is None or not user.badge:
            why = (refused.message if refused is not None else _tr("PIN sign-in failed.")) if user is None \
                else _tr("{0} has no badge id yet.").format(user.name)
            self.banner.show_message(Tone.REJECTED, "pin_refused", why)
            self.sounds.play(Tone.REJECTED)
            return
        # The Station signs people in by badge; a checked PIN stands in for the badge scan.
        self.submit_scan(badge_barcode(user.badge), manual=True)

    def _ask_new_pin(self, reason: str, then: Callable[[str], None]) -> None:
        """A supervisor's or admin's short PIN: a new one now, then the sign-in goes on with it."""
        dialog = ChangePinDialog(reason, parent=self)
        self.change_pin_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(lambda: then(dialog.value()))
        dialog.open()

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- settings behind the admin gate

    def open_settings(self) -> None:
        self._behind_gate(self._open_settings_dialog)

    def open_station_setup(self, first_start: StartInfo | None = None) -> None:
        """The station setup (ship-from, printers, scale, camera) behind the admin gate; at a first start
        with no admin at the station yet, without it (there is nobody who could pass it)."""
        if first_start is not None and not first_start.admin_exists:
            self._open_setup_dialog(_tr("This station is not set up yet ({0}) and has no admin yet: set it up "
                                        "now, then add an admin (packstation users add).").format(
                                            coded_text(first_start.setup)))
            return
        self._behind_gate(self._open_setup_dialog)

    def _behind_gate(self, then: Callable[[], None]) -> None:
        if self.state.packer is not None and self.state.packer.role is Role.ADMIN:
            then()
            return
        if self._gate is not None:
            return
        self._gate_then = then
        gate = AdminGateDialog(self.pin_available, [], self)
        self._gate = gate
        self._capture = self._gate_badge
        gate.pin_entered.connect(self._gate_pin)
        gate.finished.connect(self._gate_closed)
        gate.open()

    def _gate_closed(self) -> None:
        self._capture = None
        if self._gate is not None:
            self._gate.deleteLater()
        self._gate = None

    def _gate_badge(self, raw: str | bytes) -> None:
        self.run_job(lambda ctx: accounts.user_by_scan(ctx.station, raw), "admin_badge", self._gate_checked)

    def _gate_pin(self, name: str, pin: str, new_pin: str | None = None) -> None:
        self.run_job(lambda ctx: accounts.sign_in(ctx, name, pin, where="admin_gate", need="admin", new_pin=new_pin),
                     "admin_pin", lambda r: self._gate_pin_checked(r, name, pin))

    def _gate_pin_checked(self, result: JobResult, name: str, pin: str) -> None:
        gate = self._gate
        if gate is None:
            return
        refused = result.value if isinstance(result.value, accounts.PinRefused) else None
        if refused is not None and refused.reason == "must_change":
            self._ask_new_pin(refused.message, lambda new: self._gate_pin(name, pin, new))
            return
        if not isinstance(result.value, accounts.SignedIn):
            gate.show_problem(refused.message if refused is not None else _tr("PIN sign-in failed."))
            self.sounds.play(Tone.REJECTED)
            return
        gate.done(1)
        self._gate_then()

    def _gate_checked(self, result: JobResult) -> None:
        gate = self._gate
        if gate is None:
            return
        user: User | None = result.value if result.ok else None
        if user is None or user.role is not Role.ADMIN:
            gate.show_problem(_tr("Only an admin can change the station settings.") if user
                              else _tr("Not recognised. Scan an admin badge."))
            self.sounds.play(Tone.REJECTED)
            return
        gate.done(1)
        self._gate_then()

    def _open_settings_dialog(self) -> None:
        if self.config is None:
            return
        from app.ui.settings_dialog import SettingsDialog, StationValues

        dialog = SettingsDialog(self.paths.config_file, StationValues.from_config(self.config), self.ui, self)
        dialog.test_sound.connect(self._test_sound)
        self.settings_dialog: SettingsDialog | None = dialog
        self.wedge.enabled = False  # an admin may scan a printer's address into a field

        def closed() -> None:
            self.wedge.enabled = True
            self.sounds.set_volume(self.ui.volume)
            dialog.deleteLater()
            self.settings_dialog = None

        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.finished.connect(closed)
        if hasattr(dialog, "setup_requested"):  # Settings → Station setup: the admin passed the gate already
            def to_setup() -> None:
                dialog.reject()
                self._open_setup_dialog()

            dialog.setup_requested.connect(to_setup)
        dialog.open()

    def _open_setup_dialog(self, note: str = "") -> None:
        if self.config is None or self.setup_dialog is not None:
            return
        from app.it.first_start import SetupValues
        from app.ui.setup_wizard import StationSetupDialog

        dialog = StationSetupDialog(self.paths, SetupValues.from_config(self.config), station=self.config.station,
                                    label_format=self.config.label_format, label_dpi=self.config.label_dpi,
                                    note=note, parent=self)
        self.setup_dialog = dialog
        self.wedge.enabled = False  # the admin types (or scans) an address into a field

        def closed() -> None:
            self.wedge.enabled = True
            dialog.deleteLater()
            self.setup_dialog = None

        dialog.accepted.connect(lambda: self._apply_setup(dialog.saved_config))
        dialog.finished.connect(closed)
        dialog.open()

    def _apply_setup(self, config: Config | None) -> None:
        if config is None:
            return
        if self._rebuild_job is not None:
            self.run_job(self._rebuild_job(config), "rebuild", self._on_rebuilt)
        self.banner.show_message(Tone.ACCEPTED, "setup_saved", _tr("Station set up: labels now carry the "
                                                                    "ship-from address."))

    def _test_sound(self, volume: int) -> None:
        self.sounds.set_volume(volume)
        self.sounds.play(Tone.ACCEPTED)

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        ui, config = dialog.saved_ui, dialog.saved_config
        if ui is None or config is None:
            return
        save_ui_settings(ui_settings_path(self.paths.config_file), ui)
        self.apply_ui_settings(ui)
        if self._rebuild_job is not None:
            self.run_job(self._rebuild_job(config), "rebuild", self._on_rebuilt)
        self.banner.show_message(Tone.ACCEPTED, "settings_saved", _tr("Settings saved."))

    def _on_rebuilt(self, result: JobResult) -> None:
        if not result.ok:
            self._show_error(result.error)
            return
        info: StartInfo = result.value
        self.config = info.config
        self._set_printer_text()
        self._render(info.state, None)
        self._start_hardware(info.config)
        self._watch_printers()

    def apply_ui_settings(self, ui: UiSettings) -> None:
        language_changed = ui.language != self.ui.language
        self.ui = ui
        self.wedge.configure(ui.scanner)
        self.sounds.set_volume(ui.volume)
        screen = self.screen().size().height() if self.screen() else 768
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, ui.theme, screen)
        if language_changed:
            i18n.install_language(ui.language)
            self._build()
            if self.ready:  # the status bar's standing "Ready." was worded in the old language
                self.statusBar().showMessage(_tr("Ready."))
            if self.config is not None:
                self.station_label.setText(_tr("Station {0}").format(self.config.station))
                self._set_printer_text()
            self._start_sound()
        if ui.fullscreen != self.isFullScreen():
            self.toggle_fullscreen()

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.state.phase in ORDER_OPEN_PHASES:
            log.info("window closed with order %s open: it resumes on the next start",
                     self.state.order.number if self.state.order else "?")
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        gc.enable()  # closed before the warm-up turned it back on
        self.hardware.stop()  # no device event is submitted after this
        self.wedge.flush()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
        self.worker.stop()
