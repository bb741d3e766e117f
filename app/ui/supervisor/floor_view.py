"""The live floor: every bench, who is on it, what it is doing, its printer, refreshed every few seconds.

The query runs on the console's thread pool (app.ui.supervisor.runner); a refresh that is still
running when the timer fires again is not doubled. Rows needing a supervisor come first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.supervisor.floor import FloorSnapshot
from app.supervisor.tables import floor_table, printers_table
from app.ui.supervisor.runner import QueryRunner
from app.ui.supervisor.widgets import LEVEL_ORDER, LEVELS, DataTable, DataTableModel

REFRESH_MS = 5000


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorFloor", text)


FLOOR_CONTEXT = "SupervisorFloor"  # a bench's state words (app.supervisor.floor), listed by app.ui.i18n


class FloorView(QWidget):
    order_requested = Signal(str)  # double-click on a bench with an open order
    refreshed = Signal(object)  # the FloorSnapshot just shown

    def __init__(self, runner: QueryRunner, query: Callable[[], FloorSnapshot], parent: QWidget | None = None,
                 *, interval_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.runner = runner
        self.query = query
        self.snapshot: FloorSnapshot | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.summary: dict[str, QLabel] = {}
        for level, title in (("alert", _tr("need a supervisor")), ("warn", _tr("to check")),
                             ("ok", _tr("packing")), ("idle", _tr("waiting for an order")),
                             ("off", _tr("signed out"))):
            chip = QLabel()
            chip.setObjectName("Chip")
            colour = LEVELS[level][0]
            chip.setStyleSheet(f"background: {colour}; color: #FFFFFF; padding: 4px 12px;")
            chip.setProperty("title", title)
            chip.setAccessibleName(title)
            self.summary[level] = chip
            top.addWidget(chip)
        top.addStretch(1)
        self.updated = QLabel(_tr("Loading…"))
        self.updated.setObjectName("Hint")
        self.updated.setWordWrap(True)  # a 1024 px screen at 125 %: two lines rather than a cut time
        top.addWidget(self.updated, 1)
        layout.addLayout(top)

        self.model = DataTableModel(self, level=self._level, level_column="state",
                                    worded={"state": FLOOR_CONTEXT, "online": FLOOR_CONTEXT})
        # At 683 px (1024×768 at 150 %) nine columns do not fit even with their words wrapped: the time
        # of the last activity goes first (its "quiet for" says the same), then today's order count.
        self.table = DataTable(self.model, stretch="printer", narrow_drops=("last_activity", "orders_today"))
        self.table.setObjectName("FloorTable")
        self.table.doubleClicked.connect(self._open_order)
        # Rows come ordered by urgency; once the supervisor sorts by a column, refreshes keep that.
        self._user_sorted = False
        self.table.horizontalHeader().sectionClicked.connect(self._sorted)
        self.printers_model = DataTableModel(
            self, level=lambda row: "alert" if row[3] else ("warn" if row[1] > 5 else "ok"), level_column="printer")
        self.printers = DataTable(self.printers_model, stretch="last_error")
        self.printers.setObjectName("PrintersTable")
        printers_box = QWidget()
        box = QVBoxLayout(printers_box)
        box.setContentsMargins(0, 0, 0, 0)
        printers_title = QLabel(_tr("Printers (the print queue in this database)"))
        printers_title.setObjectName("CardTitle")
        box.addWidget(printers_title)
        box.addWidget(self.printers)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(printers_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        if self.runner.busy("floor"):
            return  # the last refresh is still running: never queue them up
        self.runner.submit("floor", self.query, self.show_snapshot, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.updated.setText(_tr("Floor not updated: {0}").format(error))
        self.updated.setStyleSheet(f"color: {LEVELS['alert'][0]};")

    @staticmethod
    def _level(row: list[Any]) -> str:
        return row[-1]

    def show_snapshot(self, snapshot: FloorSnapshot) -> None:
        self.snapshot = snapshot
        ordered = sorted(snapshot.stations, key=lambda s: (LEVEL_ORDER.get(s.level, 9), s.station))
        table = floor_table(FloorSnapshot(ordered, snapshot.printers, snapshot.taken_at, snapshot.query_ms))
        header = self.table.horizontalHeader()
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        # Device health and the link state come from hooks: their columns show once one answers.
        hooked = {key for key in ("device", "online") if any(r[table.index(key)] for r in table.rows)}
        chosen = self.table.hidden_keys - {"device", "online"}  # what the supervisor hid stays hidden
        self.table.hidden_keys = chosen | {"level"} | ({"device", "online"} - hooked)
        self.model.set_table(table)
        if self._user_sorted and 0 <= section < len(table.columns):
            self.model.sort(section, order)
        self.printers_model.set_table(printers_table(snapshot))
        for level, chip in self.summary.items():
            count = snapshot.counts.get(level, 0)
            chip.setText(f"{count} {chip.property('title')}")
            chip.setVisible(count > 0 or level in ("alert", "ok"))
        when = snapshot.taken_at.astimezone().strftime("%H:%M:%S")
        count = len(snapshot.stations)
        line = (_tr("{0} station · updated {1} ({2:.0f} ms) · every {3} s") if count == 1
                else _tr("{0} stations · updated {1} ({2:.0f} ms) · every {3} s"))
        self.updated.setText(line.format(count, when, snapshot.query_ms, self.timer.interval() // 1000))
        self.updated.setStyleSheet("")
        self.refreshed.emit(snapshot)

    def _sorted(self, _section: int) -> None:
        self._user_sorted = True

    def _open_order(self, index: Any) -> None:
        order = self.model.value(index.row(), "order")
        if order:
            self.order_requested.emit(str(order))
