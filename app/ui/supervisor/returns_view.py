"""Returns & stock: return rate per SKU and per grade and reason, restock time, inventory accuracy.

The same periods as the productivity view. The figures come from StatsService.returns (SQL over
the returns and stock tables), on the console's thread pool; every table exports to CSV exactly
as `packstation stats --view returns --format csv` writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.supervisor import periods
from app.supervisor.returns_figures import ReturnsFigures
from app.supervisor.service import StatsService
from app.supervisor.tables import TableData, display, returns_tables
from app.ui.supervisor.period_choice import PRESETS, PeriodChoice, period_text, preset_labels
from app.ui.supervisor.runner import QueryRunner
from app.ui.supervisor.widgets import DataTable, DataTableModel, card_row, export_csv, slug

RATE_WARN = 0.10  # a SKU returned more often than this is marked for a look
TABLE_NAMES = {"rates": "Return rate per SKU", "reasons": "By grade and reason", "restock": "Restock time",
               "bins": "Inventory accuracy per bin", "skus": "Inventory accuracy per SKU"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorReturns", text)


def _rate_level(row: list) -> str | None:
    rate = row[4]
    return "warn" if rate is not None and rate >= RATE_WARN else None


def _accuracy_level(row: list) -> str | None:
    return "warn" if row[7] else "ok"


class ReturnsView(PeriodChoice, QWidget):
    loaded = Signal(object)  # the ReturnsFigures just shown

    def __init__(self, runner: QueryRunner, service: Callable[[], StatsService], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.service = service
        self.result: ReturnsFigures | None = None
        self.tables: dict[str, TableData] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(self._controls())
        layout.addLayout(self._cards())
        self.models: dict[str, DataTableModel] = {
            "rates": DataTableModel(self, level=_rate_level, level_column="sku"),
            "reasons": DataTableModel(self),
            "restock": DataTableModel(self),
            "bins": DataTableModel(self, level=_accuracy_level, level_column="bin"),
            "skus": DataTableModel(self, level=_accuracy_level, level_column="sku"),
        }
        stretch = {"rates": "name", "reasons": "reason", "restock": "route", "bins": "bin", "skus": "sku"}
        self.views: dict[str, DataTable] = {}
        for name, model in self.models.items():
            view = DataTable(model, stretch=stretch[name])
            view.setObjectName(f"Returns{name.capitalize()}Table")
            self.views[name] = view
        # Narrow by default; the header's menu shows the rest (the CSV always has every column).
        self.views["rates"].hide_columns("resellable", "wrong_item", "missing_parts")
        self.views["reasons"].hide_columns("returns")
        self.views["restock"].hide_columns("mean_s")
        for name in ("bins", "skus"):
            self.views[name].hide_columns("counts", "lines_right", "units_counted")

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._titled("reasons"))
        right.addWidget(self._titled("restock"))
        right.setSizes([190, 240])
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._titled("rates"))
        top.addWidget(right)
        top.setSizes([800, 600])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self._titled("bins"))
        bottom.addWidget(self._titled("skus"))
        bottom.setSizes([700, 700])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([430, 300])
        layout.addWidget(split, 1)
        self.note = QLabel()
        self.note.setObjectName("Hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    # ------------------------------------------------------------ building

    def _titled(self, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        title = QLabel(_tr(TABLE_NAMES[name]))
        title.setObjectName("CardTitle")
        column.addWidget(title)
        column.addWidget(self.views[name], 1)
        return box

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setObjectName("ReturnsPeriodPreset")
        self.preset.addItems(preset_labels())
        self.preset.setCurrentIndex(next(i for i, (name, _) in enumerate(PRESETS) if name == "This week"))
        self.preset.currentIndexChanged.connect(self._preset_changed)
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(QDateTime(now.date().addDays(-7), QTime(0, 0)))
        self.until = QDateTimeEdit(now)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy HH:mm")
            edit.hide()
        show = QPushButton(_tr("Show"))
        show.setObjectName("Primary")
        show.clicked.connect(self.reload)
        self.export_button = QPushButton(_tr("Export CSV"))
        menu = QMenu(self.export_button)
        for name, title in TABLE_NAMES.items():
            menu.addAction(_tr(title), partial(self.export, name))
        self.export_button.setMenu(menu)
        for widget in (QLabel(_tr("Period")), self.preset, self.since, self.until, show):
            row.addWidget(widget)
        self.status = QLabel()
        self.status.setObjectName("Hint")
        # The period's text gives way (clipped, whole in the tooltip) before the buttons do.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.status, 1)
        row.addWidget(self.export_button)
        return row

    def _cards(self) -> QGridLayout:
        specs = [("shipped", _tr("Units shipped"), _tr("Shipment stock movements, net of voided labels")),
                 ("returned", _tr("Units returned"), _tr("Graded at the returns bench, wrong items left out")),
                 ("return_rate", _tr("Return rate"), _tr("Units returned / units shipped in the period")),
                 ("restocked", _tr("Units restocked"), _tr("Back in a sellable bin in the period")),
                 ("restock_median_s", _tr("Median restock"), _tr("From the return's receipt to a sellable bin")),
                 ("restock_p90_s", _tr("P90 restock"), _tr("9 in 10 units were back in a bin within this time")),
                 ("line_accuracy", _tr("Line accuracy"), _tr("Counted lines without variance (approved counts)")),
                 ("unit_accuracy", _tr("Unit accuracy"), _tr("1 - units off / units expected")),
                 ("units_off", _tr("Units off"), _tr("Sum of |counted - expected| in approved counts"))]
        grid, self.cards = card_row(specs)
        return grid

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        try:
            period = self.period()
        except periods.PeriodError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(_tr("Loading…"))
        self.runner.submit("returns", lambda: self.service().returns(period), self.show_result, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(_tr("Not loaded: {0}").format(error))

    def show_result(self, result: ReturnsFigures) -> None:
        self.result = result
        self.tables = returns_tables(result)
        for name, model in self.models.items():
            model.set_table(self.tables[name])
        summary = self.tables["summary"]
        row = summary.rows[0]
        for key, card in self.cards.items():
            i = summary.index(key)
            value = row[i]
            level = None
            if key == "units_off" and value:
                level = "warn"
            elif key == "line_accuracy" and value is not None:
                level = "ok" if value >= 0.97 else "warn"
            card.set(display(summary.columns[i].kind, value), level)
        notes = [n for t in self.tables.values() for n in t.notes]
        self.note.setText(" ".join(dict.fromkeys(notes)))
        when = result.generated_at.astimezone().strftime("%H:%M:%S")
        self.status.setText(_tr("{0} · as of {1}").format(period_text(result.period), when))
        self.status.setToolTip(self.status.text())
        self.loaded.emit(result)

    # ------------------------------------------------------------ export

    def export(self, name: str) -> Path | None:
        table = self.tables.get(name)
        if table is None:
            return None
        return export_csv(self, table, f"{slug(table.title)}.csv")
