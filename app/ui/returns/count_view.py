"""The "Cycle count" tab: scan a bin, scan what is in it, see the variance, a supervisor approves or asks a recount.

Driven by the scanner alone. The returns window routes its scans and keys here while this tab
is the current one; each becomes a job on the returns worker (app.ui.returns.count_jobs, taken
in scan order) that calls the cycle-count service (app.returns.cycle_count.CountDesk), and the
`CountView` that comes back is rendered here, with the window's big banner and its sounds.
While counting the screen shows what was counted, never what the records expect (a blind
count); the expected numbers and the variance appear once finished.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Tone
from app.domain.scan import Command
from app.returns.count_views import APPROVED, COUNTING, FINISHED, CountOutcome, CountView
from app.ui import icons
from app.ui.returns import count_jobs
from app.ui.returns.widgets import label as _label
from app.ui.returns.widgets import title_row
from app.ui.worker import JobResult

STOP_RED = "#B3261E"
OK_GREEN = "#1B7A36"
WAIT_AMBER = "#8A5A00"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CycleCount", text)


def variance_text(delta: int) -> str:
    """A variance in words as well as colour: "+2 over", "−1 short", "0 ✓"."""
    if delta > 0:
        return _tr("+{0} over").format(delta)
    if delta < 0:
        return _tr("−{0} short").format(-delta)
    return _tr("0 ✓")


class CountPanel(QWidget):
    """The tab. `host` is the returns window: its worker, banner, sounds and keys."""

    def __init__(self, host: Any, keys: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.keys = keys
        self.view: CountView | None = None
        self.setObjectName("Screen")
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._idle_page()
        self._count_page()

    # ------------------------------------------------------------ building

    def _idle_page(self) -> None:
        self.idle_page = QWidget()
        row = QHBoxLayout(self.idle_page)
        row.setContentsMargins(16, 12, 16, 12)
        prompt = QVBoxLayout()
        prompt.addStretch(1)
        icon = QLabel()
        icon.setPixmap(icons.pixmap("product", "#1F5FAD", 110))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.addWidget(icon)
        self.idle_text = _label(_tr("Scan a bin label"), "Headline")
        self.idle_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.addWidget(self.idle_text)
        hint = _label(_tr("Then scan every item in the bin, and COMPLETE ({0}) when it is empty. "
                          "F2 types a bin.").format(self.keys.get("complete", "F5")), "Muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.addWidget(hint)
        prompt.addStretch(2)
        row.addLayout(prompt, 3)
        card = QFrame()
        card.setObjectName("Card")
        box = QVBoxLayout(card)
        box.setContentsMargins(12, 8, 12, 10)
        box.addWidget(_label(_tr("Open counts"), "CardTitle"))
        self.open_counts = _label("", "Big")
        self.open_counts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.open_counts, 1)
        box.addWidget(_label(_tr("Scan a bin's label to go on with its count."), "Muted"))
        row.addWidget(card, 2)
        self.pages.addWidget(self.idle_page)

    def _count_page(self) -> None:
        self.count_page = QWidget()
        row = QHBoxLayout(self.count_page)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(16)
        left = QVBoxLayout()
        self.bin_label = _label("", "OrderNumber", wrap=False)
        self.chip = _label("", "Chip", wrap=False)
        left.addLayout(title_row(self.bin_label, self.chip))
        self.details = _label("", "Muted")
        left.addWidget(self.details)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table, 1)
        row.addLayout(left, 5)
        # right: what to do now
        step = QVBoxLayout()
        step.addStretch(1)
        self.step_icon = QLabel()
        self.step_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        step.addWidget(self.step_icon)
        self.step_text = _label("", "Headline")
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        step.addWidget(self.step_text)
        self.step_hint = _label("", "Muted")
        self.step_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        step.addWidget(self.step_hint)
        self.recount_button = QPushButton()
        self.recount_button.setObjectName("Action")
        self.recount_button.setMinimumHeight(64)
        self.recount_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recount_button.setAccessibleName(_tr("Recount"))
        self.recount_button.clicked.connect(self.recount)
        step.addWidget(self.recount_button)
        step.addStretch(2)
        holder = QWidget()
        holder.setLayout(step)
        holder.setMaximumWidth(460)
        row.addWidget(holder, 2)
        self.pages.addWidget(self.count_page)

    # ------------------------------------------------------------ inputs (from the window)

    def _run(self, job: Any, tag: str) -> None:
        if self.host.ready:
            self.host.run_job(job, tag, self._done)

    def scan(self, raw: str | bytes, manual: bool = False) -> None:
        self._run(count_jobs.scan_job(raw, manual), "count:scan")

    def command(self, command: Command) -> None:
        self._run(count_jobs.command_job(command), f"count:{command.value}")

    def recount(self) -> None:
        self._run(count_jobs.recount_job(), "count:recount")

    def activated(self) -> None:
        """The tab was opened: show the count on the desk (or the open counts), and say what to scan."""
        if self.host.ready:
            self.host.run_job(count_jobs.view_job(), "count:view", self._shown)

    def key_rules(self) -> dict[str, bool]:
        """The window's keys while this tab is current (the keys not named here are off)."""
        view = self.view
        status = view.status if view is not None else ""
        return {"type": True, "packing": True, "complete": status == COUNTING,
                "undo": view is not None and view.can_undo, "recount": status == FINISHED,
                "cancel": bool(status)}

    # ------------------------------------------------------------ results

    def _done(self, result: JobResult) -> None:
        if not result.ok:
            self.host.banner.show_message(Tone.REJECTED, "station_error",
                                          _tr("Station error: {0}").format(result.error),
                                          _tr("That was NOT recorded. Try again; if this repeats, call IT."))
            self.host.play(Tone.REJECTED)
            return
        view: CountView = result.value
        self.render(view)
        if view.outcome is not None:
            main, detail = self.message(view.outcome)
            self.host.banner.show_message(view.outcome.tone, view.outcome.code, main, detail)
            self.host.play(view.outcome.tone)

    def _shown(self, result: JobResult) -> None:
        if not result.ok:
            self._done(result)
            return
        view: CountView = result.value
        self.render(view)
        if view.status == FINISHED:
            main, detail = self.message(CountOutcome(Tone.ATTENTION, "count_waiting", {"bin": view.bin, "aside": ""}))
            self.host.banner.show_message(Tone.ATTENTION, "count_waiting", main, detail)
        elif view.status == COUNTING:
            self.host.banner.show_message(Tone.INFO, "count_open", _tr("Counting bin {0}: scan every item in it.")
                                          .format(view.bin))
        else:
            self.host.banner.show_message(Tone.INFO, "count_ready", _tr("Scan a bin label to count it."))

    def render(self, view: CountView) -> None:  # type: ignore[override]  # the tab's render, as its siblings
        self.view = view
        if not view.status:
            self._render_idle(view)
        else:
            self._render_count(view)
        self.host.refresh_keys()

    def _render_idle(self, view: CountView) -> None:
        lines = []
        for c in view.open_counts:
            state = _tr("waiting for a supervisor") if c.status == FINISHED else _tr("counting, round {0}").format(
                c.round)
            lines.append(f"{c.bin} — {state}")
        self.open_counts.setText("\n".join(lines) if lines else _tr("None"))
        self.pages.setCurrentWidget(self.idle_page)

    def _render_count(self, view: CountView) -> None:
        self.bin_label.setText(_tr("Bin {0}").format(view.bin))
        round_text = _tr(" · round {0}").format(view.round) if view.round > 1 else ""
        if view.status == COUNTING:
            chip, colour = _tr("COUNTING") + round_text, "#1F5FAD"
        elif view.status == FINISHED:
            chip, colour = _tr("WAITING FOR A SUPERVISOR") + round_text, WAIT_AMBER
        else:
            chip, colour = _tr("APPROVED"), OK_GREEN
        self.chip.setText(chip)
        self.chip.setStyleSheet(f"background: {colour}; color: #FFFFFF;")
        expected, counted = view.totals()
        if view.blind:
            self.details.setText(_tr("{0} unit(s) of {1} SKU(s) counted so far. Blind count: what the records say "
                                     "is shown when you finish.").format(counted, len(view.rows)))
            self._fill_counting(view)
            self._step_counting(view)
        else:
            off = sum(1 for r in view.rows if r.variance)
            text = _tr("Expected {0}, counted {1}: {2} line(s) off.").format(expected, counted, off)
            if view.status == APPROVED and view.decided_by:
                text += "  " + _tr("Approved by {0}.").format(view.decided_by)
            self.details.setText(text)
            self._fill_variance(view)
            self._step_decision(view)
        self.pages.setCurrentWidget(self.count_page)

    def _fill_counting(self, view: CountView) -> None:
        table = self.table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([_tr("SKU"), _tr("Product"), _tr("Counted")])
        rows = [[r.sku, r.name, str(r.counted)] for r in view.rows]
        rows.append([_tr("Total"), "", str(sum(r.counted for r in view.rows))])
        bold = [r.sku == view.last_sku for r in view.rows] + [True]
        self._fill(rows, [None] * len(rows), bold)

    def _fill_variance(self, view: CountView) -> None:
        table = self.table
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([_tr("SKU"), _tr("Product"), _tr("Expected"), _tr("Counted"),
                                         _tr("Variance")])
        rows, colours = [], []
        for r in view.rows:
            rows.append([r.sku, r.name, str(r.expected or 0), str(r.counted), variance_text(r.variance)])
            colours.append(STOP_RED if r.variance else OK_GREEN)
        expected, counted = view.totals()
        off = sum(abs(r.variance) for r in view.rows)  # a short and an over do not cancel out
        rows.append([_tr("Total"), "", str(expected), str(counted),
                     _tr("{0} unit(s) off").format(off) if off else variance_text(0)])
        colours.append(STOP_RED if off else OK_GREEN)
        self._fill(rows, colours, [bool(r.variance) for r in view.rows] + [True])

    def _fill(self, rows: list[list[str]], colours: Sequence[str | None], bold: list[bool]) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if colours[r]:
                    item.setForeground(QColor(colours[r]))
                if bold[r]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    def _step_counting(self, view: CountView) -> None:
        self.step_icon.setPixmap(icons.pixmap("barcode", "#1F5FAD", 96))
        last = next((r for r in view.rows if r.sku == view.last_sku), None)
        if view.qty:
            self.step_text.setText(_tr("Quantity {0}: scan the item").format(view.qty))
        elif last is not None:
            self.step_text.setText(f"{last.sku}\n{last.counted}")
        else:
            self.step_text.setText(_tr("Scan every item in the bin"))
        self.step_hint.setText(_tr("Bin empty: COMPLETE ({0}). Scanned one too many: UNDO ({1}).").format(
            self.keys.get("complete", "F5"), self.keys.get("undo", "F3")))
        self.recount_button.hide()

    def _step_decision(self, view: CountView) -> None:
        if view.status == APPROVED:
            self.step_icon.setPixmap(icons.pixmap("complete", OK_GREEN, 96))
            self.step_text.setText(_tr("Approved. Scan the next bin."))
            self.step_hint.setText(_tr("The stock of bin {0} now says what was counted.").format(view.bin))
            self.recount_button.hide()
            return
        if view.recount_armed:
            self.step_icon.setPixmap(icons.pixmap("badge", STOP_RED, 96))
            self.step_text.setText(_tr("RECOUNT: supervisor, scan your badge"))
            self.step_hint.setText(_tr("CANCEL ({0}) calls the recount off.").format(self.keys.get("cancel", "F12")))
        else:
            self.step_icon.setPixmap(icons.pixmap("badge", WAIT_AMBER, 96))
            self.step_text.setText(_tr("Scan a supervisor badge to approve, or RECOUNT"))
            self.step_hint.setText(_tr("Approving books the variance into the stock. RECOUNT clears the counts "
                                       "for a new, blind round."))
        key = self.keys.get("recount", "")
        self.recount_button.setText(_tr("RECOUNT") + (f"\n{key}" if key else ""))
        self.recount_button.setEnabled(not view.recount_armed)
        self.recount_button.show()

    # ------------------------------------------------------------ words

    def message(self, outcome: CountOutcome) -> tuple[str, str]:
        """The banner's sentence (and detail) for a step's outcome, in the packer's language."""
        v = outcome.values
        complete, recount = self.keys.get("complete", "F5"), self.keys.get("recount", "")
        decide = _tr("SUPERVISOR: scan your badge to approve, or RECOUNT ({0}).").format(recount)
        aside = _tr("The count of bin {0} stays open.").format(v["aside"]) if v.get("aside") else ""
        match outcome.code:
            case "count_started":
                return _tr("Counting bin {0}. Scan every item in it.").format(v["bin"]), aside
            case "count_resumed":
                return _tr("Bin {0}: count resumed. Scan every item in it.").format(v["bin"]), aside
            case "count_waiting":
                return _tr("Bin {0} is counted.").format(v["bin"]) + " " + decide, aside
            case "item_counted":
                detail = _tr("+{0} at once").format(v["units"]) if v["units"] > 1 else ""
                return _tr("{0}: {1} counted").format(v["sku"], v["counted"]), detail
            case "item_uncounted":
                return _tr("Undone: {0} is back to {1}.").format(v["sku"], v["counted"]), ""
            case "qty_armed":
                return _tr("Quantity {0}: now scan the item.").format(v["qty"]), ""
            case "count_finished_off":
                return _tr("Bin {0}: {1} line(s) off.").format(v["bin"], v["off"]), decide
            case "count_finished_match":
                return _tr("Bin {0}: no variance.").format(v["bin"]), decide
            case "count_approved":
                return (_tr("Bin {0} approved by {1}: {2} stock correction(s) booked.").format(
                    v["bin"], v["name"], v["lines"]), _tr("Scan the next bin."))
            case "recount_armed":
                return _tr("RECOUNT: a SUPERVISOR scans their badge now."), _tr("CANCEL ({0}) calls it off.").format(
                    self.keys.get("cancel", "F12"))
            case "recount_disarmed":
                return _tr("Recount called off."), decide
            case "recount_started":
                return _tr("RECOUNT round {0}: count bin {1} again, every item.").format(v["round"], v["bin"]), ""
            case "count_put_aside":
                return _tr("Bin {0}'s count is put aside: it stays open.").format(v["bin"]), _tr(
                    "Scan a bin label.")
            case "ready":
                return _tr("Scan a bin label to count it."), ""
            case "unknown_barcode":
                return _tr("Unknown barcode {0}. Set the item aside for a supervisor.").format(v["code"]), ""
            case "scan_bin_first":
                return _tr("Scan the bin label first."), ""
            case "count_finished":
                return _tr("This count is finished: no more scans."), decide
            case "count_refused":
                return _tr("Not counted: {0}").format(v["why"]), ""
            case "bad_quantity":
                return _tr("Quantity must be 1 or more."), ""
            case "nothing_to_undo":
                return _tr("Nothing to undo."), ""
            case "unknown_badge":
                return _tr("Badge {0} is not known. Ask a supervisor.").format(v["badge"]), ""
            case "supervisor_must_approve":
                return _tr("A supervisor must approve: {0} is not a supervisor.").format(v["name"]), decide
            case "finish_first":
                return _tr("Finish the count first: COMPLETE ({0}).").format(complete), _tr(
                    "Then the supervisor scans the badge.")
            case "badge_not_bin":
                return _tr("That is a badge. Scan a bin label to count it."), ""
            case "recount_not_now":
                return _tr("RECOUNT is for a finished count."), _tr("Finish it first: COMPLETE ({0}).").format(
                    complete)
            case "command_not_here":
                return _tr("{0} is not used in a count.").format(v["command"]), _tr(
                    "Scan the items, then COMPLETE ({0}).").format(complete)
            case "bad_bin" | "bad_bin_label":
                return _tr("That is not a bin label. Scan the bin label again."), ""
            case "not_for_count":
                return _tr("Not for counting: scan a bin label, then the items in it."), v.get("code", "")
            case "bad_scan":
                return _tr("Scan refused."), v.get("message", "")
        return outcome.code, ""
