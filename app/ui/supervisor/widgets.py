"""Pieces every supervisor view uses: a table over TableData, figure cards, level colours, CSV export.

Tables show exactly what app.supervisor.tables formats (the CLI and the CSV read the same
TableData), keep a total row pinned at the bottom when sorted, and mark each row's level with
an icon, a colour and words (never colour alone).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.supervisor.tables import NUMERIC, TWO_LINE_TITLES, TableData, display, write_csv
from app.ui import icons
from app.ui.fitting_tabs import FittingTabs  # noqa: F401 - the console's tabs, here since before they were shared
from app.ui.messages import coded_text

_Index = QModelIndex | QPersistentModelIndex

# Level → (text colour, row background, icon); text colours pass WCAG AA on white.
LEVELS: dict[str, tuple[str, str, str]] = {
    "ok": ("#1B7A36", "", "accepted"),
    "idle": ("#3E4C59", "", "info"),
    "off": ("#6B7785", "", ""),
    "info": ("#3E4C59", "", ""),
    "warn": ("#8A5A00", "", "warning"),  # icon and words; a tinted row is kept for alerts
    "alert": ("#B3261E", "#FDECEA", "rejected"),
}
LEVEL_ORDER = {"alert": 0, "warn": 1, "ok": 2, "idle": 3, "info": 4, "off": 5}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorTable", text)


def column_words(text: str) -> str:
    """A column's title or tip (app.supervisor.tables, English for the CLI, CSV and PDF) in the console's
    language (context "SupervisorColumns", listed by app.ui.i18n.supervisor_column_words)."""
    return QCoreApplication.translate("SupervisorColumns", text) if text else text


class DataTableModel(QAbstractTableModel):
    """A TableData for Qt: formatted text, raw values for sorting, levels for colour."""

    RAW = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QWidget | None = None, *, level: Callable[[list[Any]], str | None] | None = None,
                 level_column: str | None = None, worded: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.table = TableData("", [])
        self._level = level
        self._level_column = level_column
        # Columns whose values are words of a closed vocabulary (a bench's state), shown translated
        # from this context; the value itself (sorting, CSV) stays the English of app.supervisor.
        self._worded = worded or {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: TableData) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def _rows(self) -> list[list[Any]]:
        return [*self.table.rows, self.table.total] if self.table.total is not None else self.table.rows

    def row_values(self, row: int) -> list[Any]:
        return self._rows()[row]

    def is_total(self, row: int) -> bool:
        return self.table.total is not None and row == len(self.table.rows)

    def value(self, row: int, key: str) -> Any:
        return self._rows()[row][self.table.index(key)]

    # -- Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self.table.columns):
            return None
        column = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column_words(TWO_LINE_TITLES.get(column.key, column.title))
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_words(column.tip or column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows()[index.row()]
        column = self.table.columns[index.column()]
        value = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_total(index.row()) and column.key == "rank":
                return ""
            if isinstance(value, str) and isinstance(getattr(value, "template", None), str):
                return coded_text(value)  # a text with its code (the floor's printer health, the audit's words)
            if column.key in self._worded and isinstance(value, str) and value:
                return QCoreApplication.translate(self._worded[column.key], value)
            return display(column.kind, value)
        if role == self.RAW:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            return self._bold
        level = self._row_level(row)
        if level is None:
            return None
        colour, background, icon = LEVELS.get(level, LEVELS["info"])
        if role == Qt.ItemDataRole.ForegroundRole and colour and column.key == self._level_column:
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.BackgroundRole and background:
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.DecorationRole and icon and column.key == self._level_column:
            return icons.pixmap(icon, colour, 20)
        return None

    def _row_level(self, row: list[Any]) -> str | None:
        return self._level(row) if self._level is not None else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by raw value (empty cells last); a total row stays at the bottom."""
        if column < 0 or column >= len(self.table.columns):
            return

        def key(row: list[Any]) -> Any:
            value = row[column]
            if isinstance(value, datetime):
                return value.timestamp()
            return value.lower() if isinstance(value, str) else value

        filled = [r for r in self.table.rows if r[column] is not None and r[column] != ""]
        empty = [r for r in self.table.rows if r[column] is None or r[column] == ""]
        filled.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self.table.rows = filled + empty
        self.layoutChanged.emit()


class DataTable(QTableView):
    """A read-only, sortable table of a DataTableModel."""

    activated_row = Signal(int)  # a row was clicked or selected with the keyboard

    def __init__(self, model: DataTableModel, parent: QWidget | None = None, *, stretch: str | None = None,
                 narrow_drops: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.data_model = model
        self.setModel(model)
        self._stretch = stretch
        # Columns that make room on a narrow window, the least needed first: shown again when it widens.
        self.narrow_drops = narrow_drops
        self._dropped: set[str] = set()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(32)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # rows come in a meaningful order
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.hidden_keys: set[str] = set()
        self._natural = 0  # the stretch column's own width, before it takes the spare room
        self._widths: dict[int, int] = {}  # each column's natural width (_fit)
        self._floors: dict[int, int] = {}  # the narrowest each may get: its title's and its longest word's
        model.modelReset.connect(self._fit)
        self.clicked.connect(lambda index: self.activated_row.emit(index.row()))

    def hide_columns(self, *keys: str) -> None:
        """Hide columns by key (kept across reloads; the header's menu shows them again)."""
        self.hidden_keys.update(keys)
        self._apply_hidden()

    def _apply_hidden(self) -> None:
        for i, column in enumerate(self.data_model.table.columns):
            self.setColumnHidden(i, column.key in self.hidden_keys or column.key in self._dropped)

    def _drop_for_room(self) -> None:
        """Where even every column squeezed to its longest word is wider than the table (the floor's
        nine columns at 683 px, a 1024×768 monitor at 150 %), the `narrow_drops` columns make room,
        one at a time, rather than the table scrolling sideways."""
        room = self.viewport().width()
        dropped: set[str] = set()
        for key in self.narrow_drops:
            if self.least_width(dropped) <= room:
                break
            dropped.add(key)
        if dropped != self._dropped:
            self._dropped = dropped
            self._apply_hidden()

    def least_width(self, without: set[str] | frozenset[str] = frozenset()) -> int:
        """The narrowest its columns can be (each squeezed to its title or its longest word), but those the
        supervisor hid and those `without`."""
        keys = [column.key for column in self.data_model.table.columns]
        return sum(self._floors.get(i, self._widths.get(i, 0)) for i, key in enumerate(keys)
                   if key not in self.hidden_keys and key not in without)

    def _column_menu(self, point: Any) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(point))

    def column_menu(self) -> QMenu:
        """The header's menu: a column per line, ticked as the supervisor chose; one the table hid for
        room (narrow_drops) stays ticked and says so, and shows again once the window is wide enough."""
        menu = QMenu(self)
        for column in self.data_model.table.columns:
            if column.key in ("level", "kind", "type"):
                continue
            title = column_words(column.title or column.key)
            if column.key in self._dropped:
                title = _tr("{0} (hidden: not enough room)").format(title)
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(column.key not in self.hidden_keys)
            action.toggled.connect(lambda on, key=column.key: self._toggle(key, on))
        return menu

    def _toggle(self, key: str, visible: bool) -> None:
        (self.hidden_keys.discard if visible else self.hidden_keys.add)(key)
        self._fit()

    def dropped(self) -> set[str]:
        """The columns hidden for room (narrow_drops) right now."""
        return set(self._dropped)

    def _fit(self) -> None:
        """Every column as wide as its contents; spare width goes to the `stretch` column (a
        Qt Stretch section would instead squeeze it to nothing when the table is wider than
        the window)."""
        self._dropped = set()  # every column measured; _spread drops again what has no room
        self._apply_hidden()
        header = self.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        for i, column in enumerate(self.data_model.table.columns):
            if self.isColumnHidden(i):
                continue
            # Qt's own header hint reserves room for a sort arrow beside the longest line even on
            # two-line titles, which makes numeric columns twice as wide as their numbers.
            title = column_words(TWO_LINE_TITLES.get(column.key, column.title))  # as the header shows it
            heading = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0) + 20
            self.setColumnWidth(i, max(self.sizeHintForColumn(i) + 10, heading))
            self._floors[i] = max(heading, self._longest_word(i))
        self._widths = {i: self.columnWidth(i) for i in range(len(self.data_model.table.columns))}
        stretch = self._stretch_column()
        self._natural = self.columnWidth(stretch) if stretch is not None else 0
        self._spread()

    def _longest_word(self, column: int) -> int:
        model = self.data_model
        metrics = self.fontMetrics()
        longest, icon = 0, 0
        for row in range(min(model.rowCount(), 200)):
            index = model.index(row, column)
            text = str(model.data(index) or "")
            longest = max([longest, *(metrics.horizontalAdvance(word) for word in text.split())])
            if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                icon = max(self.iconSize().width(), 20) + 4
        return longest + icon + 16

    def _squeeze(self) -> None:
        """A table wider than its room (a 1024 px screen at 150 %): the widest columns give up
        width down to their longest word, and their words wrap onto more lines, rather than the
        last columns running past the table's edge."""
        shown = [i for i in self._widths if not self.isColumnHidden(i)]
        over = sum(self.columnWidth(i) for i in shown) - self.viewport().width()
        if over > 0 and not self.wordWrap():
            self.setWordWrap(True)
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for i in sorted(shown, key=self.columnWidth, reverse=True):
            if over <= 0:
                break
            give = min(over, self.columnWidth(i) - self._floors.get(i, self.columnWidth(i)))
            if give > 0:
                self.setColumnWidth(i, self.columnWidth(i) - give)
                over -= give

    def _stretch_column(self) -> int | None:
        keys = [c.key for c in self.data_model.table.columns]
        if self._stretch not in keys:
            return None
        column = keys.index(self._stretch)
        return None if self.isColumnHidden(column) else column

    def _spread(self) -> None:
        self._drop_for_room()
        for i, width in self._widths.items():  # from the natural widths: a wider window gives them back
            self.setColumnWidth(i, width)
        if self.wordWrap():
            self.setWordWrap(False)
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.verticalHeader().setDefaultSectionSize(32)
        column = self._stretch_column()
        if column is not None:
            used = sum(self.columnWidth(i) for i in range(self.horizontalHeader().count())
                       if not self.isColumnHidden(i) and i != column)
            self.setColumnWidth(column, max(self._natural, self.viewport().width() - used))
        self._squeeze()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._spread()

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt's name
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and current.row() != previous.row():
            self.activated_row.emit(current.row())


class Card(QFrame):
    """A figure with its caption, like the station's cards."""

    def __init__(self, caption: str, tip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.value = QLabel("—")
        self.value.setObjectName("Big")
        self.caption = QLabel(caption)
        self.caption.setObjectName("Hint")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setToolTip(tip or caption)
        self.setAccessibleName(caption)

    def set(self, text: str, level: str | None = None, *, words: bool = False) -> None:
        """`words`: the value is words ("not enough data"), not a figure: smaller, wrapped, so it never
        widens the row of cards or is cut."""
        self.value.setText(text)
        self.value.setWordWrap(words)
        colour = LEVELS.get(level or "", ("", "", ""))[0] if level in ("warn", "alert", "ok") else ""
        style = (f"color: {colour};" if colour else "") + ("font-size: 15px; font-weight: 600;" if words else "")
        self.value.setStyleSheet(style)
        self.setAccessibleDescription(text)


def card_row(specs: list[tuple[str, str, str]]) -> tuple[QGridLayout, dict[str, Card]]:
    """One row of figure cards from (key, caption, tooltip); the cards by key, to set later."""
    grid = QGridLayout()
    grid.setSpacing(8)
    cards: dict[str, Card] = {}
    for i, (key, caption, tip) in enumerate(specs):
        cards[key] = Card(caption, tip)
        grid.addWidget(cards[key], 0, i)
    return grid, cards


def export_csv(parent: QWidget, table: TableData, suggested: str) -> Path | None:
    """Ask where, then write the table as CSV. Returns the file, or None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export as CSV", str(Path.home() / suggested),
                                          "CSV files (*.csv)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".csv") else name + ".csv")
    with path.open("w", encoding="utf-8", newline="") as out:
        write_csv(table, out)
    return path


def slug(text: str) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in keep.split("-") if part)[:60] or "table"
