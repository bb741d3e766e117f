"""The holds queue: totes waiting for a supervisor, oldest first; release, reassign or cancel with a reason.

Every decision is written as a pack event with the supervisor's name and the reason
(app.supervisor.actions), then the queue reloads. Cancelling asks once more: it cannot be undone
from here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.supervisor.actions import Actor, SupervisorActions
from app.supervisor.holds import HoldItem
from app.supervisor.service import StatsService
from app.supervisor.tables import holds_table
from app.ui.messages import coded_text
from app.ui.supervisor.runner import QueryRunner
from app.ui.supervisor.widgets import LEVELS, DataTable, DataTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorHolds", text)


def _level(row: list) -> str:
    return "alert" if row[-1] == "conflict" or row[1] == "Weight mismatch" else "warn"


class HoldsView(QWidget):
    count_changed = Signal(int)
    resolved = Signal(str, str)  # order number, new status (or "acknowledged")
    order_requested = Signal(str)

    def __init__(self, runner: QueryRunner, service: Callable[[], StatsService], actor: Callable[[], Actor],
                 console: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.service = service
        self.actor = actor
        self.console = console
        self.items: list[HoldItem] = []
        self.current: HoldItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.status = QLabel(_tr("Loading…"))
        self.status.setObjectName("Hint")
        layout.addWidget(self.status)
        self.model = DataTableModel(self, level=_level, level_column="title")
        self.table = DataTable(self.model, stretch="detail")
        self.table.setObjectName("HoldsTable")
        self.table.hide_columns("kind")
        self.table.activated_row.connect(self._selected)
        self.table.doubleClicked.connect(lambda index: self.order_requested.emit(self.model.value(index.row(),
                                                                                                "number")))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self._panel())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([880, 540])
        layout.addWidget(split, 1)

    def _panel(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("Card")
        box = QVBoxLayout(panel)
        box.setContentsMargins(16, 12, 16, 12)
        box.setSpacing(8)
        caption = QLabel(_tr("DECISION"))
        caption.setObjectName("CardTitle")
        self.heading = QLabel(_tr("Select a hold"))
        self.heading.setObjectName("Big")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("Muted")
        self.reason = QLineEdit()
        self.reason.setObjectName("HoldReason")
        self.reason.setPlaceholderText(_tr("Reason (required), e.g. replacement picked from A-01-2"))
        self.reason.setMaxLength(500)
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setObjectName("ReassignTo")
        target_edit = self.target.lineEdit()
        assert target_edit is not None  # an editable combo box has its line edit
        target_edit.setPlaceholderText(_tr("Reassign to: bench or packer"))
        self.release = QPushButton(_tr("Release to the packing queue"))
        self.release.setObjectName("Primary")
        self.release.clicked.connect(lambda: self.act("release"))
        self.reassign = QPushButton(_tr("Reassign"))
        self.reassign.clicked.connect(lambda: self.act("reassign"))
        self.cancel = QPushButton(_tr("Cancel the order (will not ship)"))
        self.cancel.clicked.connect(lambda: self.act("cancel"))
        self.cancel.setStyleSheet(f"color: {LEVELS['alert'][0]};")
        self.acknowledge = QPushButton(_tr("Acknowledge the conflict"))
        self.acknowledge.clicked.connect(lambda: self.act("acknowledge"))
        self.history = QPushButton(_tr("Open the order's audit trail"))
        self.history.clicked.connect(self._history_clicked)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {LEVELS['alert'][0]}; font-weight: 600;")
        for widget in (caption, self.heading, self.detail, QLabel(_tr("Reason")), self.reason, self.release):
            box.addWidget(widget)
        reassign = QHBoxLayout()
        reassign.addWidget(self.target, 1)
        reassign.addWidget(self.reassign)
        box.addLayout(reassign)
        for widget in (self.acknowledge, self.cancel, self.history, self.problem):
            box.addWidget(widget)
        box.addStretch(1)
        self._enable(None)
        return panel

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        self.runner.submit("holds", lambda: self.service().holds(), self.show_items,
                           lambda e: self.status.setText(_tr("Not loaded: {0}").format(e)))

    def show_items(self, items: list[HoldItem]) -> None:
        self.items = items
        now = clock.now()
        self.model.set_table(holds_table(items, now))
        holds = sum(1 for i in items if i.kind == "hold")
        conflicts = len(items) - holds
        self.status.setText(_tr("{0} order(s) on hold, {1} sync conflict(s), oldest first. "
                                "Every decision is recorded with your name and reason.").format(holds, conflicts))
        self.count_changed.emit(len(items))
        keep = self.current
        self.current = None
        self._enable(None)
        if keep is not None:
            row = next((i for i, item in enumerate(self.model.table.rows)
                        if item[0] == keep.number and item[-1] == keep.kind), None)
            if row is not None:
                self.table.selectRow(row)
                self._selected(row)

    def set_targets(self, names: list[str]) -> None:
        text = self.target.currentText()
        self.target.clear()
        self.target.addItems(names)
        self.target.setEditText(text)

    def _history_clicked(self) -> None:
        if self.current:
            self.order_requested.emit(self.current.number)

    def _selected(self, row: int) -> None:
        number, kind = self.model.value(row, "number"), self.model.value(row, "kind")
        since = self.model.value(row, "since")
        item = next((i for i in self.items if i.number == number and i.kind == kind and i.since == since), None)
        self.current = item
        self._enable(item)
        if item is None:
            return
        self.heading.setText(_tr("Order {0}: {1}").format(item.number, coded_text(item.title)))  # worded by code
        where = " · ".join(x for x in (item.station, item.packer) if x)
        self.detail.setText("\n".join(x for x in (coded_text(item.detail), where) if x))
        self.problem.clear()

    def _enable(self, item: HoldItem | None) -> None:
        hold = item is not None and item.kind == "hold"
        conflict = item is not None and item.kind == "conflict"
        for button in (self.release, self.cancel):
            button.setEnabled(hold or conflict)
        self.reassign.setEnabled(hold)
        self.target.setEnabled(hold)
        self.acknowledge.setVisible(conflict)
        self.history.setEnabled(item is not None)
        if item is None:
            self.heading.setText(_tr("Select a hold"))
            self.detail.setText(_tr("Choose a tote on the left, write why, then decide."))

    # ------------------------------------------------------------ deciding

    def act(self, action: str, *, confirm: bool = True) -> None:
        item = self.current
        if item is None:
            return
        reason = self.reason.text().strip()
        target = self.target.currentText().strip()
        if confirm and action == "cancel":
            answer = QMessageBox.question(self, _tr("Cancel the order?"),
                                          _tr("Order {0} will be cancelled and will not ship. Continue?")
                                          .format(item.number))
            if answer != QMessageBox.StandardButton.Yes:
                return
        actor, console = self.actor(), self.console

        def job() -> str | None:
            actions = SupervisorActions(self.service().engine, console)
            if item.kind == "conflict":
                assert item.seq is not None
                return actions.resolve_conflict(item.seq, action, reason, actor)
            return actions.resolve_hold(item.number, action, reason, actor, to=target or None)

        def done(status: str | None) -> None:
            self.reason.clear()
            self.problem.clear()
            self.resolved.emit(item.number, status or "acknowledged")
            self.refresh()

        self.runner.submit("hold_action", job, done, lambda e: self.problem.setText(str(e)))
