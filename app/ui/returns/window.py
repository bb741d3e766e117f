"""The station in returns mode: the returns bench (scan, grade, put away, close), bulk shipments and cycle counts.

Built like the packing window: a top bar, the big banner for every outcome, one panel per step,
an action bar where every action has a function key, and one worker thread (its own
StationWorker, holding a ReturnStation) that does all database work in submission order.
Scans reach this window through the packing window's keyboard wedge and serial scanners (the
entry routes them here while returns mode is on). Labels go through the packing station's
print queue (`print_labels`, provided by the entry). Like the packing window it takes the keyboard
(app.ui.kiosk_focus) when it opens, after every dialog and after every scan, so F-keys work on a
bench without a window manager. Each tab says its own thing on the banner when it is opened.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Tone
from app.domain.returns import RETURN_OPEN_PHASES, Disposition, Grade, ReturnPhase
from app.domain.returns.model import PHOTO_GRADES
from app.domain.returns.session import ITEM_PHASES
from app.domain.scan import Command
from app.ui import icons
from app.ui.banner import ScanBanner
from app.ui.dialogs import ManualEntryDialog
from app.ui.kiosk_focus import KioskFocus
from app.ui.messages import coded_text, feedback_text
from app.ui.reflow import Columns, HeaderBar, KeyBar, ShortScroll, fit_minimum
from app.ui.returns import jobs
from app.ui.returns.bench_view import ClosedPanel, ReturnPanel, StepPanel, Thumbnails
from app.ui.returns.bulk_view import BulkPanel
from app.ui.returns.count_view import CountPanel
from app.ui.worker import Job, JobResult, JobTracker, StationWorker

log = logging.getLogger(__name__)

PrintLabels = Callable[[list, str, Callable[[JobResult], None]], None]
CameraSource = Callable[[], Any]  # the bench camera now (a BoxCamera or None); it may be restarted meanwhile

KEYS = {"type": "F2", "undo": "F3", "confirm": "F4", "complete": "F5", "resellable": "F6", "missing_parts": "F7",
        "damaged": "F8", "wrong_item": "Shift+F7", "hold": "F9", "tag": "F10", "photo": "F11", "cancel": "F12",
        "quarantine": "Shift+F4", "dispose": "Shift+F5", "return_to_vendor": "Shift+F6", "packing": "Ctrl+Shift+R",
        "recount": "Shift+F9"}
_SEVERITY = {Tone.REJECTED: 5, Tone.ATTENTION: 4, Tone.WARNING: 3, Tone.COMPLETE: 2, Tone.ACCEPTED: 1, Tone.INFO: 0}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReturnsWindow", text)


def _keys(name: str) -> str:
    return QKeySequence(KEYS[name]).toString(QKeySequence.SequenceFormat.NativeText)


class ReturnsWindow(QMainWindow):
    rendered = Signal(object)  # the JobResult just shown (tests wait on this)
    closed = Signal()

    def __init__(self, config: Any, paths: Any, *, user: Any = None, sounds: Any = None,
                 print_labels: PrintLabels | None = None, camera: CameraSource | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(_tr("Packstation — returns"))
        fit_minimum(self, 640, 460)  # as the station window: scaled bench monitors (1280×720 at 150 %: 853×480)
        self.config = config
        self.paths = paths
        self.sounds = sounds
        self.print_labels = print_labels
        self.camera_source = camera
        self.photos_taken: list[Path] = []
        self._photos_asked: set[tuple[str, int]] = set()  # (return, item): one automatic photo per unit
        self._photo_problem_said = False  # "no camera" is said once, until a photo works again
        self.view: jobs.BenchView | None = None
        self.ready = False
        self.last_export: tuple[Path, Path] | None = None
        self.last_printed: jobs.Printed | None = None
        self.tracker = JobTracker()
        self._stopped = False
        self.worker = StationWorker(self)
        self.worker.setObjectName("returns-worker")
        self.worker.done.connect(self._on_done)
        self._build()
        self.kiosk = KioskFocus(self)  # focus on start, after dialogs and scans; F-keys with no active window
        self.worker.start()
        self.run_job(jobs.start_job(config, paths, user), "start", self._on_started)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar())
        self.banner = ScanBanner()
        self.banner.show_message(Tone.INFO, "", _tr("Opening the returns bench…"))
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self._bench_tab(), icons.icon("barcode", "#1F5FAD", 24), _tr("Returns"))
        self.bulk = BulkPanel()
        self.bulk.order_chosen.connect(self.show_bulk_order)
        self.bulk.pack_requested.connect(self.pack_remaining)
        self.bulk.export_requested.connect(lambda number: self.export_asn(number))
        self.bulk.labels_requested.connect(self.print_logistic_labels)
        self.tabs.addTab(self.bulk, icons.icon("carton", "#1F5FAD", 24), _tr("Bulk shipments"))
        self.count = CountPanel(self, {k: _keys(k) for k in KEYS})  # cycle counts: scans and keys go there
        self.tabs.addTab(self.count, icons.icon("product", "#1F5FAD", 24), _tr("Cycle count"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(ShortScroll(self.tabs), 1)  # a short window scrolls the tabs, never squeezes them
        layout.addWidget(self._action_bar())
        self.setCentralWidget(central)

    def _top_bar(self) -> QWidget:
        bar = HeaderBar()  # the printer takes a second row when the return's name needs the first
        bar.setObjectName("TopBar")
        row = bar.left_row
        brand = QLabel(_tr("Returns bench"))
        brand.setObjectName("StationName")
        self.station_label = QLabel(_tr("Station {0}").format(self.config.station))
        self.user_label = QLabel()
        self.user_label.setObjectName("PackerName")
        self.return_label = QLabel()
        row.addWidget(brand)
        row.addWidget(self.station_label)
        row.addSpacing(24)
        row.addWidget(self.user_label)
        row.addSpacing(24)
        row.addWidget(self.return_label)
        row.addStretch(1)
        row = bar.right_row
        printer = self.config.label_printer or _tr("spool folder")
        self.printer_label = QLabel(_tr("Printer: {0}").format(printer))
        row.addWidget(self.printer_label)
        return bar

    def _bench_tab(self) -> QWidget:
        self.pages = QStackedWidget()
        # idle: a prompt, and the last return's stock change
        self.idle_page = QWidget()
        self.idle_page.setObjectName("Screen")
        row = QHBoxLayout(self.idle_page)
        row.setContentsMargins(16, 12, 16, 12)
        self.closed_panel = ClosedPanel(quarantine_bin=self.config.returns.quarantine_bin)
        row.addWidget(self.closed_panel, 3)
        prompt = QVBoxLayout()
        prompt.addStretch(1)
        icon = QLabel()
        icon.setPixmap(icons.pixmap("barcode", "#1F5FAD", 110))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.addWidget(icon)
        self.idle_text = QLabel()
        self.idle_text.setObjectName("Headline")
        self.idle_text.setWordWrap(True)
        self.idle_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.addWidget(self.idle_text)
        self.idle_hint = QLabel(_tr("The QR code on the return label, the RMA number, a tracking number or the "
                                    "order number (#1001 works too). F2 types it."))
        self.idle_hint.setObjectName("Muted")
        self.idle_hint.setWordWrap(True)
        self.idle_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.addWidget(self.idle_hint)
        prompt.addStretch(2)
        row.addLayout(prompt, 2)
        self.pages.addWidget(self.idle_page)
        # a return is open
        self.open_page = QWidget()
        self.open_page.setObjectName("Screen")
        page = QVBoxLayout(self.open_page)
        page.setContentsMargins(16, 10, 16, 10)
        thumbnails = Thumbnails(self.paths.data_dir)
        self.return_panel = ReturnPanel(thumbnails=thumbnails)
        self.step = StepPanel(self.grade, self.dispose, {k: _keys(k) for k in KEYS}, thumbnails=thumbnails,
                              quarantine_bin=self.config.returns.quarantine_bin)
        self.step.setMaximumWidth(480)
        # 3:2, so the grade keys keep their words on a 1024 px screen; on a window too narrow for both
        # (1024×768 at 150 %: 683 px) the keys on top, the return's lines under them.
        self.open_columns = Columns(self.return_panel, self.step, stretch=(3, 2), second_on_top=True,
                                    min_side_by_side=700)
        self.open_columns.changed.connect(lambda stacked: self.step.setMaximumWidth(16777215 if stacked else 480))
        page.addWidget(self.open_columns)
        self.pages.addWidget(self.open_page)
        return self.pages

    def _specs(self) -> list[tuple[str, str, Callable[[], object], bool]]:
        """(key, text, handler, on the action bar)."""
        cmd = self.command
        return [
            ("type", _tr("Type code"), self.type_code, True),
            ("undo", _tr("Undo"), lambda: cmd(Command.UNDO), True),
            ("confirm", _tr("Confirm"), lambda: cmd(Command.CONFIRM), True),
            ("complete", _tr("Complete"), lambda: cmd(Command.COMPLETE), True),
            ("hold", _tr("Hold"), lambda: cmd(Command.HOLD), True),
            ("tag", _tr("Print tag"), self.reprint_tag, True),
            ("photo", _tr("Photo"), self.take_photo, True),
            ("cancel", _tr("Cancel"), lambda: cmd(Command.CANCEL), True),
            ("packing", _tr("Packing"), self.close, True),
            ("recount", _tr("Recount"), self.count.recount, False),
            ("resellable", "", lambda: self.grade(Grade.RESELLABLE, ""), False),
            ("damaged", "", lambda: self.grade(Grade.DAMAGED, ""), False),
            ("missing_parts", "", lambda: self.grade(Grade.MISSING_PARTS, ""), False),
            ("wrong_item", "", lambda: self.grade(Grade.WRONG_ITEM, ""), False),
            ("quarantine", "", lambda: self.dispose(Disposition.QUARANTINE), False),
            ("dispose", "", lambda: self.dispose(Disposition.DISPOSE), False),
            ("return_to_vendor", "", lambda: self.dispose(Disposition.RETURN_TO_VENDOR), False),
        ]

    def _action_bar(self) -> QWidget:
        bar = KeyBar()  # one row of keys, or two when the screen is too narrow for one
        bar.setObjectName("TopBar")
        self.buttons: dict[str, QPushButton] = {}
        self.qactions: dict[str, QAction] = {}
        for key, text, handler, on_bar in self._specs():
            if on_bar:
                button = QPushButton(f"{text}\n{_keys(key)}")
                button.setObjectName("Action")
                button.setMinimumHeight(60)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setAccessibleName(text)
                button.clicked.connect(handler)
                bar.add(button)
                self.buttons[key] = button
            action = QAction(text or key, self)
            action.setShortcut(QKeySequence(KEYS[key]))
            # The packing window's own keys are switched off while this window is open (entry.py).
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(handler)
            self.addAction(action)
            self.qactions[key] = action
        self.buttons["packing"].setObjectName("Primary")
        self.buttons["photo"].setVisible(self._camera() is not None)
        return bar

    # ------------------------------------------------------------ jobs

    def run_job(self, job: Job, tag: str, callback: Callable[[JobResult], None] | None = None) -> int:
        return self.tracker.submit(self.worker, job, tag, callback)

    @property
    def idle(self) -> bool:
        return self.tracker.idle

    def _on_done(self, result: JobResult) -> None:
        callback = self.tracker.finished(result)
        if callback is not None:
            callback(result)
        elif not result.ok:
            self._show_error(result.error)
        elif isinstance(result.value, jobs.BenchView):
            self._show(result.value)
        self.rendered.emit(result)

    def _on_started(self, result: JobResult) -> None:
        if not result.ok:
            self.banner.show_message(Tone.REJECTED, "start_failed",
                                     _tr("The returns bench could not start: {0}").format(result.error))
            self.play(Tone.REJECTED)
            return
        self.ready = True
        view: jobs.BenchView = result.value
        if view.note:
            self.statusBar().showMessage(_tr("Demo returns added: {0}").format(view.note))
        self._show(view)
        if view.outcome is None:
            self.banner.show_message(Tone.INFO, "ready", self._prompt(view))
        self.run_job(jobs.bench_job(lambda bench: bench.bulk_orders()), "bulk_orders", self._on_bulk_orders)

    def _show_error(self, error: BaseException | None) -> None:
        self.banner.show_message(Tone.REJECTED, "station_error", _tr("Station error: {0}").format(error),
                                 _tr("That was NOT recorded. Try again; if this repeats, call IT."))
        self.play(Tone.REJECTED)

    def play(self, tone: Tone) -> None:
        if self.sounds is not None:
            self.sounds.play(tone)

    # ------------------------------------------------------------ inputs

    def submit_scan(self, raw: str | bytes, manual: bool = False) -> None:
        self.kiosk.take_focus()  # a scan (wedge or serial): the keys come to this window
        if not self.ready:
            return
        if self.tabs.currentWidget() is self.count:
            self.count.scan(raw, manual)
            return
        if self.tabs.currentWidget() is self.bulk:
            text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            if self.bulk.select(text.strip().lstrip("#")):
                return  # a wholesale order's number on the bulk tab: show that order
            self.tabs.setCurrentIndex(0)
        self.run_job(jobs.step_job(lambda station: station.scan(raw, manual=manual)), "scan")

    def command(self, command: Command) -> None:
        if self.ready and self.tabs.currentWidget() is self.count:
            self.count.command(command)
        elif self.ready:
            self.run_job(jobs.step_job(lambda station: station.command(command)), f"command:{command.value}")

    def grade(self, grade: Grade, reason: str) -> None:
        if self.ready:
            self.run_job(jobs.step_job(lambda station: station.grade(grade, reason)), f"grade:{grade.value}")

    def dispose(self, disposition: Disposition | None) -> None:
        if not self.ready:
            return
        if disposition is None:
            self.command(Command.CONFIRM)
            return
        self.run_job(jobs.step_job(lambda station: station.dispose(disposition)), f"dispose:{disposition.value}")

    def type_code(self) -> None:
        dialog = ManualEntryDialog(self)
        dialog.accepted.connect(lambda: self.submit_scan(dialog.value(), manual=True))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def reprint_tag(self) -> None:
        if self.ready:
            self.run_job(jobs.bench_job(lambda bench: bench.reprint_tag()), "tag")

    # ------------------------------------------------------------ rendering

    def _show(self, view: jobs.BenchView, announce: bool = True) -> None:
        """Render a view; `announce=False` (a photo arrived) leaves the banner, the sound and the tags alone."""
        if not announce:
            previous = self.view.outcome if self.view is not None else None
            view = replace(view, outcome=previous, tags=(), note="")
        self.view = view
        state = view.state
        if announce:
            self._announce(view)
        self.user_label.setText(_tr("Signed in: {0}").format(state.user.name) if state.user else _tr("Signed out"))
        self.return_label.setText(_tr("Return {0} · order {1}").format(state.number, state.order.number)
                                  if state.number and state.order else "")
        if state.phase in RETURN_OPEN_PHASES:
            self.return_panel.render(view)
            self.step.render(view)
            self.pages.setCurrentWidget(self.open_page)
        else:
            self.idle_text.setText(self._prompt(view))
            self.closed_panel.setVisible(view.closed is not None)
            if view.closed is not None:
                self.closed_panel.render(view.closed)
            self.pages.setCurrentWidget(self.idle_page)
        self._enable(view)

    def _announce(self, view: jobs.BenchView) -> None:
        """The banner and the sound for a step's outcome; its tags to the printer; its photos to the camera."""
        main = self._bench_banner(view)
        if main is not None:
            self.play(main.tone)
        elif view.note == "no_item":
            self.banner.show_message(Tone.INFO, "no_item", _tr("No returned item to print a tag for yet."))
        if view.tags:
            self._print(list(view.tags), view.tag_reference, _tr("{0} tag(s)").format(len(view.tags)))
        self._auto_photos(view)

    def _bench_banner(self, view: jobs.BenchView) -> Any:
        """The banner for the bench's last outcome (its most severe feedback); None when it has none."""
        outcome = view.outcome
        if outcome is None or not outcome.feedback:
            return None
        main = outcome.feedback[-1]
        for item in outcome.feedback:
            if _SEVERITY[item.tone] > _SEVERITY[main.tone] and item.tone in (Tone.REJECTED, Tone.WARNING):
                main = item
        others = [feedback_text(f) for f in outcome.feedback if f is not main][-2:]
        self.banner.show_message(main.tone, main.code, feedback_text(main), " · ".join(others))
        return main

    def _prompt(self, view: jobs.BenchView) -> str:
        if view.state.phase is ReturnPhase.SIGNED_OUT:
            return _tr("Scan your badge to sign in")
        if view.closed is not None:
            return _tr("Scan the next return")
        return _tr("Scan a return label, RMA, tracking or order number")

    def _enable(self, view: jobs.BenchView) -> None:
        s = view.state
        phase = s.phase
        open_ = phase in RETURN_OPEN_PHASES
        camera = self._camera() is not None
        rules = {
            "type": self.ready,
            "undo": phase in ITEM_PHASES or phase is ReturnPhase.APPROVAL or (phase is ReturnPhase.RECEIVING
                                                                               and bool(s.items)),
            "confirm": phase is ReturnPhase.DISPOSING,
            "complete": phase in (ReturnPhase.RECEIVING, ReturnPhase.APPROVAL),
            "hold": phase in (ReturnPhase.RECEIVING, ReturnPhase.APPROVAL) and bool(s.items),
            "tag": bool(s.items) or view.closed is not None,
            "photo": camera and s.photo_subject() is not None,
            "cancel": open_,
            "packing": True,
            "recount": False,
        }
        for grade in Grade:
            rules[grade.value] = phase in (ReturnPhase.GRADING, ReturnPhase.DISPOSING)
        for disposition in (Disposition.QUARANTINE, Disposition.DISPOSE, Disposition.RETURN_TO_VENDOR):
            rules[disposition.value] = phase is ReturnPhase.DISPOSING
        self.buttons["photo"].setVisible(camera)  # no camera on this bench: no PHOTO button
        if self.tabs.currentWidget() is self.count:
            rules = dict.fromkeys(KEYS, False) | self.count.key_rules()
        for key, action in self.qactions.items():
            enabled = self.ready and rules.get(key, True)
            action.setEnabled(enabled)
            if key in self.buttons:
                self.buttons[key].setEnabled(enabled)

    # ------------------------------------------------------------ the bench camera

    def _camera(self) -> Any:
        """The bench camera (the packing window's: one device per bench), or None when none is configured."""
        if self.camera_source is None:
            return None
        try:
            return self.camera_source()
        except Exception:  # noqa: BLE001 - a camera that cannot even be asked for is no camera
            log.exception("bench camera not available")
            return None

    def take_photo(self) -> None:
        """The PHOTO key: a photo of the unit on the bench (the one in hand, else the last one recorded)."""
        view = self.view
        subject = view.state.photo_subject() if self.ready and view is not None else None
        if subject is None or view is None or not view.state.number:
            self.statusBar().showMessage(_tr("Nothing to photograph: scan an item first."), 6000)
            return
        self._photograph(view.state.number, *subject, asked=True)

    def _auto_photos(self, view: jobs.BenchView) -> None:
        """Damaged and wrong units are photographed without asking: when graded (still in hand), or when
        recorded in one step (a SKU the order never had)."""
        s = view.state
        pending = s.pending
        outcome = view.outcome
        if outcome is not None and "return_item_cancelled" in outcome.facts and s.number:
            self._photos_asked.discard((s.number, s.recorded + 1))  # set aside: the next unit is new
        if (pending is not None and pending.grade in PHOTO_GRADES and pending.photo is None and s.number
                and outcome is not None and "return_item_graded" in outcome.facts):
            self._photograph(s.number, s.recorded + 1, pending.sku, asked=False)
        for item in view.recorded:
            if item.grade in PHOTO_GRADES and item.photo is None and view.number:
                self._photograph(view.number, item.item_no, item.sku, asked=False)

    def _photograph(self, number: str, item_no: int, sku: str, *, asked: bool) -> None:
        """Take the photo on the camera's own time; it is recorded when saved. Never in the scan's way."""
        if not asked:
            if (number, item_no) in self._photos_asked:
                return
            self._photos_asked.add((number, item_no))
        camera = self._camera()
        if camera is None:
            self._photo_problem(_tr("No bench camera configured: units are recorded without photos."), asked)
            return
        if not camera.ready:
            why = coded_text(getattr(camera.status, "message", "")) or _tr("camera not ready")  # worded by code
            self._photo_problem(_tr("No photo ({0}): units are recorded without photos.").format(why), asked)
            return
        try:
            camera.capture(number, str(uuid.uuid4()),
                           on_saved=lambda path, error: self._photo_saved(number, item_no, sku, path, error, asked))
        except Exception as exc:  # noqa: BLE001 - a failing camera never stops the bench
            log.exception("photo of %s item %s failed", number, item_no)
            self._photo_problem(_tr("No photo of {0}: {1}. The unit is recorded.").format(sku, exc), asked)

    def _photo_saved(self, number: str, item_no: int, sku: str, path: Path | None, error: str, asked: bool) -> None:
        if self._stopped:
            log.info("photo of %s item %s saved after the returns bench closed: %s", number, item_no, path)
            return
        if path is None:
            why = coded_text(error)  # the camera's reason, worded by its code
            self._photo_problem(_tr("No photo of {0}: {1}. The unit is recorded.").format(sku, why), asked)
            return
        self.photos_taken.append(path)
        data_dir = self.paths.data_dir
        try:
            ref = path.resolve().relative_to(Path(data_dir).resolve()).as_posix()
        except ValueError:
            ref = str(path)
        self.run_job(jobs.bench_job(lambda bench: bench.photo(number, item_no, sku, ref)), "photo", self._on_photo)

    def _on_photo(self, result: JobResult) -> None:
        if not result.ok:
            self.statusBar().showMessage(_tr("Photo not recorded: {0}. The unit is recorded.").format(result.error),
                                         10000)
            return
        view: jobs.BenchView = result.value
        outcome = view.outcome
        if outcome is not None and outcome.code == "photo_saved":
            self._photo_problem_said = False
        if outcome is not None and outcome.feedback:
            self.statusBar().showMessage(feedback_text(outcome.feedback[-1]), 6000)
        self._show(view, announce=False)

    def _photo_problem(self, text: str, asked: bool) -> None:
        """Quietly, in the status bar, and once (unless the PHOTO key asked): the bench goes on without photos."""
        if asked or not self._photo_problem_said:
            self._photo_problem_said = True
            self.statusBar().showMessage(text, 15000)
        log.info("returns bench photo: %s", text)

    # ------------------------------------------------------------ printing

    def _print(self, labels: list, reference: str, what: str, announce: bool = False) -> None:
        if self.print_labels is None:
            self.statusBar().showMessage(_tr("No printer path: {0} not printed.").format(what))
            return

        def done(result: JobResult) -> None:
            if not result.ok:
                self.banner.show_message(Tone.REJECTED, "print_failed",
                                         _tr("{0} did not print: {1}").format(what, result.error))
                self.play(Tone.REJECTED)
                return
            printed: jobs.Printed = result.value
            self.last_printed = printed
            text = _tr("{0} sent to the label printer ({1}).").format(what, printed.printer)
            self.statusBar().showMessage(text)
            if announce:
                self.banner.show_message(Tone.ACCEPTED, "labels_printed", text)
                self.play(Tone.ACCEPTED)

        self.print_labels(labels, reference, done)

    # ------------------------------------------------------------ bulk shipments

    def refresh_keys(self) -> None:
        if self.view is not None:
            self._enable(self.view)

    def _tab_changed(self, index: int) -> None:
        """Each tab says its own thing on the banner (never the last tab's message), and gets its keys."""
        self.refresh_keys()
        tab = self.tabs.widget(index)
        if tab is self.count:
            self.count.activated()
        elif tab is self.bulk:
            self.banner.show_message(Tone.INFO, "bulk_ready", _tr("Bulk shipments: choose a wholesale order or "
                                                                  "scan its number."))
            if self.ready:
                self.run_job(jobs.bench_job(lambda bench: bench.bulk_orders()), "bulk_orders", self._on_bulk_orders)
        elif self.view is not None and self._bench_banner(self.view) is None:
            self.banner.show_message(Tone.INFO, "ready", self._prompt(self.view))

    def _on_bulk_orders(self, result: JobResult) -> None:
        if result.ok:
            self.bulk.set_orders(result.value)
        else:
            self._show_error(result.error)

    def show_bulk_order(self, number: str) -> None:
        self.run_job(jobs.bench_job(lambda bench: bench.bulk_view(number)), "bulk_view", self._on_bulk_view)

    def _on_bulk_view(self, result: JobResult) -> None:
        if result.ok:
            self.bulk.render(result.value)
        else:
            self._show_error(result.error)

    def pack_remaining(self, number: str) -> None:
        def done(result: JobResult) -> None:
            if not result.ok:
                self.banner.show_message(Tone.REJECTED, "bulk_refused", str(result.error))
                self.play(Tone.REJECTED)
                return
            view: jobs.BulkView = result.value
            totals = view.asn["totals"]
            self.banner.show_message(Tone.ACCEPTED, "bulk_packed", _tr(
                "Order {0}: {1} carton(s) on {2} pallet(s), each with its SSCC.").format(
                number, totals["cartons"], totals["pallets"]))
            self.play(Tone.ACCEPTED)
            self.bulk.render(view)

            def listed(r: JobResult) -> None:
                if r.ok:
                    self.bulk.set_orders(r.value, number)

            self.run_job(jobs.bench_job(lambda bench: bench.bulk_orders()), "bulk_orders", listed)

        self.run_job(jobs.bench_job(lambda bench: bench.pack_remaining(number)), "bulk_pack", done)

    def export_folder(self) -> Path:
        return self.paths.data_dir / "exports"

    def export_asn(self, number: str, folder: Path | None = None) -> None:
        """JSON and CSV of the order's ASN into `folder` (asked for, starting at the data folder's exports/)."""
        if folder is None:
            default = self.export_folder()
            default.mkdir(parents=True, exist_ok=True)
            chosen = QFileDialog.getExistingDirectory(self, _tr("Export the ASN to…"), str(default))
            if not chosen:
                return
            folder = Path(chosen)

        def done(result: JobResult) -> None:
            if not result.ok:
                self._show_error(result.error)
                return
            self.last_export = result.value
            json_path, csv_path = result.value
            self.banner.show_message(Tone.ACCEPTED, "asn_exported", _tr("ASN for {0} written.").format(number),
                                     f"{json_path}  ·  {csv_path.name}")
            self.play(Tone.ACCEPTED)

        self.run_job(jobs.bench_job(lambda bench: bench.export_asn(number, folder)), "asn", done)

    def print_logistic_labels(self, number: str, kinds: tuple[str, ...]) -> None:
        def done(result: JobResult) -> None:
            if not result.ok:
                self._show_error(result.error)
                return
            labels = result.value
            if not labels:
                self.banner.show_message(Tone.REJECTED, "no_units", _tr("Order {0} has no {1}s yet: pack it first.")
                                         .format(number, kinds[0]))
                self.play(Tone.REJECTED)
                return
            what = (_tr("{0} pallet label(s)") if kinds == ("pallet",) else _tr("{0} carton label(s)")).format(
                len(labels))
            self._print(labels, f"order {number} {kinds[0]} labels", what, announce=True)

        self.run_job(jobs.bench_job(lambda bench: bench.logistic_labels(number, kinds)), "logistic_labels", done)

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        self.closed.emit()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Finish the queued jobs and close the database (a return in progress resumes next time)."""
        if self._stopped:
            return
        self._stopped = True
        # The kiosk focus filters every event of the application: out before this window goes (it is
        # deleted on close, and a filter asking a window being destroyed whether it is visible crashes).
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.kiosk)
        self.worker.stop()
