"""Productivity: figure cards, the hourly chart and the ranked table, for today, a shift or any range.

Selecting a packer (or station) in the table draws that person's hours in the chart. The first
view on a large log builds the roll-ups, with a progress bar; after that a view costs
milliseconds. All queries run on the console's thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.supervisor import periods
from app.supervisor.productivity import HourPoint, Productivity, Weights
from app.supervisor.service import StatsService
from app.supervisor.tables import RATE, display, productivity_table
from app.supervisor.vocabulary import CLASSES
from app.ui.supervisor.chart import HourlyChart
from app.ui.supervisor.period_choice import PeriodChoice, period_text, preset_labels
from app.ui.supervisor.runner import QueryRunner
from app.ui.supervisor.widgets import DataTable, DataTableModel, card_row, export_csv, slug

AUTO_REFRESH_MS = 60_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorProductivity", text)


def _notes(result: Productivity) -> list[str]:
    """The notes under the table in the supervisor's language (app.supervisor.tables' English ones,
    for the CLI and the PDF, say the same)."""
    classes = {"single": _tr("single unit"), "multi": _tr("one SKU, several units"), "mixed": _tr("mixed SKUs"),
               "serial": _tr("serial-tracked")}
    weights = ", ".join(f"{classes.get(c, c)} ×{result.weights.of(c):g}" for c in reversed(CLASSES))
    notes = [_tr("Difficulty weights: {0}.").format(weights),
             _tr("Rates are per active hour; an order counts when it is packed, with its whole cycle time.")]
    if any(not f.enough_data and (f.orders or f.active_s) for f in (*result.rows, result.total)):
        notes.append(_tr("— in a rate: not enough data (less than {0} min of active time; a rate from a few "
                         "minutes is no hourly rate).").format(f"{result.min_active_s / 60:g}"))
    return notes


def not_enough_data() -> str:
    """What a rate from less than the minimum of active time reads, in the supervisor's language."""
    return _tr("not enough data")


class ProductivityModel(DataTableModel):
    """The productivity table: a rate from too little active time reads "not enough data", not "—"."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            column = self.table.columns[index.column()]
            row = self.row_values(index.row())
            if column.kind == RATE and row[index.column()] is None and _worked(self, row):
                return not_enough_data()
        return super().data(index, role)


def _worked(model: DataTableModel, row: list[Any]) -> bool:
    """Orders or active time in the row: a rate missing there is too little data, not nothing done
    (app.supervisor.productivity leaves a rate None only below its minimum of active time)."""
    keys = {c.key for c in model.table.columns}
    return any(row[model.table.index(key)] for key in ("orders", "active_s") if key in keys)


class ProductivityView(PeriodChoice, QWidget):
    loaded = Signal(object)  # the Productivity just shown
    progress = Signal(int, int)  # roll-up build: events done, events to do (emitted from the pool)
    report_requested = Signal(object)  # the Productivity to print as a shift report

    def __init__(self, runner: QueryRunner, service: Callable[[], StatsService], parent: QWidget | None = None,
                 *, weights: Weights | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.service = service
        self.weights = weights or Weights()
        self.result: Productivity | None = None
        self.selected: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(self._controls())
        self.bar = QProgressBar()
        self.bar.setFormat(_tr("Preparing statistics for the first time: %p %"))
        self.bar.hide()
        layout.addWidget(self.bar)
        layout.addLayout(self._cards())
        self.chart = HourlyChart()
        self.model = ProductivityModel(self)
        self.table = DataTable(self.model, stretch="name")
        self.table.setObjectName("ProductivityTable")
        self.table.activated_row.connect(self._row_selected)
        self.table.hide_columns("parcels", "weighted", "parcels_per_h")  # the header's menu shows them
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 420])
        layout.addWidget(split, 1)
        self.note = QLabel()
        self.note.setObjectName("Hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.progress.connect(self._progress)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_REFRESH_MS)
        self.timer.timeout.connect(self._auto_refresh)

    # ------------------------------------------------------------ building

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setObjectName("PeriodPreset")
        self.preset.addItems(preset_labels())
        self.preset.currentIndexChanged.connect(self._preset_changed)
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(QDateTime(now.date(), QTime(0, 0)))
        self.until = QDateTimeEdit(now)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy HH:mm")
            edit.hide()
        self.by = QComboBox()
        self.by.setObjectName("GroupBy")
        self.by.addItem(_tr("per packer"), "packer")
        self.by.addItem(_tr("per station"), "station")
        self.by.currentIndexChanged.connect(lambda _: self.reload())
        show = QPushButton(_tr("Show"))
        show.setObjectName("Primary")
        show.clicked.connect(self.reload)
        self.export_button = QPushButton(_tr("Export CSV"))
        self.export_button.clicked.connect(self.export)
        self.report_button = QPushButton(_tr("Shift report (PDF)"))
        self.report_button.clicked.connect(self._report_clicked)
        for widget in (QLabel(_tr("Period")), self.preset, self.since, self.until, self.by, show):
            row.addWidget(widget)
        row.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("Hint")
        row.addWidget(self.status)
        row.addWidget(self.export_button)
        row.addWidget(self.report_button)
        return row

    def _cards(self) -> QGridLayout:
        specs = [("orders", _tr("Orders"), ""), ("units", _tr("Units"), ""), ("parcels", _tr("Parcels"), ""),
                 ("orders_per_h", _tr("Orders / h"), _tr("Orders per active hour")),
                 ("weighted_per_h", _tr("Weighted / h"), _tr("Fair productivity: orders weighted by difficulty, "
                                                             "per active hour")),
                 ("median_s", _tr("Median order"), _tr("Median time from order opened to packed")),
                 ("p90_s", _tr("P90 order"), _tr("9 in 10 orders took at most this long")),
                 ("error_rate", _tr("Scan errors"), _tr("Refused scans / all scans")),
                 ("holds", _tr("Holds in period"), _tr("Orders put on hold at a bench in this period")),
                 ("other", _tr("Other exceptions"), "")]
        grid, self.cards = card_row(specs)
        return grid

    # ------------------------------------------------------------ loading

    def start(self) -> None:
        self.reload()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _report_clicked(self) -> None:
        if self.result:
            self.report_requested.emit(self.result)

    def _auto_refresh(self) -> None:
        if self.result is not None and self.result.period.until > clock.now() - timedelta(minutes=1):
            self.reload()  # a period that includes now keeps moving; a past one does not

    def reload(self) -> None:
        try:
            period = self.period()
        except periods.PeriodError as exc:
            self.status.setText(str(exc))
            return
        by = self.by.currentData()
        weights = self.weights
        emit = self.progress.emit

        def job() -> Productivity:
            service = self.service()
            if service.pending() > 50_000:
                service.refresh(progress=emit)  # the first build: show how far it is
            return service.productivity(period, by, weights)

        self.status.setText(_tr("Loading…"))
        self.runner.submit("stats", job, self.show_result, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.bar.hide()
        self.status.setText(_tr("Not loaded: {0}").format(error))

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.bar.setVisible(done < total)

    def show_result(self, result: Productivity) -> None:
        self.bar.hide()
        self.result = result
        table = productivity_table(result)
        self.model.set_table(table)
        total = result.total
        for key, card in self.cards.items():
            if key == "other":
                other = total.voids + total.reprints + total.overrides + total.reopened
                card.set(f"{other:,}", "warn" if other else None)
                card.setToolTip(_tr("Voids {0} · reprints {1} · supervisor overrides {2} · boxes reopened {3}")
                                .format(total.voids, total.reprints, total.overrides, total.reopened))
                continue
            if key == "holds":
                card.set(f"{total.holds:,}", "warn" if total.holds else None)
                continue
            column = table.columns[table.index(key)]
            value = getattr(total, key)
            level = "warn" if key == "error_rate" and (value or 0) > 0.03 else None
            thin = column.kind == RATE and value is None and bool(total.orders or total.active_s)
            card.set(not_enough_data() if thin else display(column.kind, value), level, words=thin)
        self.note.setText(" ".join(_notes(result)))
        self.selected = None
        self._draw(result.hourly, _tr("All {0}").format(_tr("packers") if result.by == "packer" else _tr("stations")))
        when = result.generated_at.astimezone().strftime("%H:%M:%S")
        self.status.setText(_tr("{0} · as of {1}").format(period_text(result.period), when))
        self.loaded.emit(result)

    def _draw(self, points: list[HourPoint], who: str) -> None:
        assert self.result is not None
        title = _tr("Orders and units per hour — {0}").format(who)
        self.chart.show_points(points, title, multi_day=self.result.period.seconds > 86400)

    def _row_selected(self, row: int) -> None:
        result = self.result
        if result is None or self.model.is_total(row) or row >= len(result.rows):
            if result is not None:
                self.selected = None
                self._draw(result.hourly, _tr("All"))
            return
        name = self.model.value(row, "name")
        figures = next((f for f in result.rows if f.name == name), None)
        if figures is None:
            return
        self.selected = figures.key
        period, by, weights, key = result.period, result.by, result.weights, figures.key

        def job() -> list[HourPoint]:
            return self.service().hourly(period, weights, by, key)

        self.runner.submit("hourly", job, lambda points: self._draw(points, figures.name), self._failed)

    # ------------------------------------------------------------ export

    def export(self) -> Path | None:
        if self.result is None:
            return None
        table = productivity_table(self.result)
        return export_csv(self, table, f"{slug(table.title)}.csv")

    def ask_pdf_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, _tr("Save the shift report"), str(Path.home() / suggested),
                                              _tr("PDF files (*.pdf)"))
        if not name:
            return None
        return Path(name if name.lower().endswith(".pdf") else name + ".pdf")
