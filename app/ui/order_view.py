"""The open order: its header (who, how, by when, what to watch out for) and its lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.model import Order, OrderLine
from app.domain.session import SessionState
from app.ui import icons
from app.ui.reflow import FlowLayout
from app.ui.theme import STATE_COLOURS

IMAGE_PX = 48
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderView", text)


class LinesModel(QAbstractTableModel):
    COLUMNS = ("image", "sku", "name", "bin", "count", "state")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state: SessionState | None = None
        self.lines: tuple[OrderLine, ...] = ()
        self.last_line: int | None = None
        self._images: dict[str, QPixmap] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.compact = False  # a narrow table: no SKU column, the SKU under the product's name
        self.narrow = False  # narrower still (1024 px at 125 %, 150 %): no picture, the state under the count
        # Answers for (row, column, role) until the state or the shape changes. Rows sized to their
        # contents make the view ask each cell for a dozen roles several times per scan (~300 calls):
        # worked out each time, they were a third of an item scan's render (tests/bench/bench_ui.py).
        self._answers: dict[tuple[int, int, int], object] = {}

    def reshape(self, compact: bool, narrow: bool) -> None:
        """The table's width changed its columns: the cells' texts change with them."""
        self.compact, self.narrow = compact, narrow
        self._answers.clear()
        self.layoutChanged.emit()

    def set_state(self, state: SessionState, last_line: int | None = None) -> None:
        lines = state.order.lines if state.order else ()
        self.state, self.last_line = state, last_line
        self._answers.clear()
        if lines != self.lines:
            self.beginResetModel()
            self.lines = lines
            self.endResetModel()
        elif lines:
            # Same order: only counts and states change; repaint the rows without rebuilding them.
            self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, len(self.COLUMNS) - 1))

    # -- Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("", _tr("SKU"), _tr("Product"), _tr("Bin"), _tr("Packed"), _tr("State"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.state is None:
            return None
        key = (index.row(), index.column(), int(role))
        if key not in self._answers:
            self._answers[key] = self._answer(index.row(), index.column(), role)
        return self._answers[key]

    def _answer(self, row: int, column_no: int, role: int):  # noqa: ANN202 - whatever Qt takes for the role
        line = self.lines[row]
        column = self.COLUMNS[column_no]
        assert self.state is not None  # data() asks only with a state
        packed = self.state.packed_units(line.line_no)
        status = self.line_status(line)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "sku": line.sku,
                "name": f"{line.product.name}\n{line.sku}" if self.compact else line.product.name,
                "bin": line.product.bin_location or "—",
                "count": f"{packed} / {line.quantity}\n{self.status_text(line, status)}" if self.narrow
                else f"{packed} / {line.quantity}",
                "state": self.status_text(line, status),
            }.get(column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == "image":
                return self.image(line.product.image)
            if column == "state":
                name = {"done": "accepted", "serial": "attention", "partial": "info"}.get(status)
                return icons.pixmap(name, STATE_COLOURS[status], 28) if name else None
        if role == Qt.ItemDataRole.ForegroundRole and column in ("count", "state") and STATE_COLOURS[status]:
            return QColor(STATE_COLOURS[status])
        if role == Qt.ItemDataRole.FontRole and (column in ("count", "sku") or line.line_no == self.last_line):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "count":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.sku} · {line.product.name}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == "state":
            return self.status_text(line, status)
        return None

    # -- helpers

    def line_status(self, line: OrderLine) -> str:
        assert self.state is not None
        pending = self.state.pending_code
        if pending is not None and pending.line_no == line.line_no:
            return "serial"
        packed = self.state.packed_units(line.line_no)
        if packed >= line.quantity:
            return "done"
        return "partial" if packed else "todo"

    def status_text(self, line: OrderLine, status: str) -> str:
        assert self.state is not None
        if status == "serial":
            needs = self.state.pending_code.needs if self.state.pending_code else "serial"
            return _tr("Scan lot number") if needs == "lot" else _tr("Scan serial number")
        if status == "done":
            return _tr("Complete")
        remaining = line.quantity - self.state.packed_units(line.line_no)
        tracked = _tr(" (serial)") if line.product.requires_serial else (
            _tr(" (lot)") if line.product.requires_lot else "")
        return _tr("{0} to scan").format(remaining) + tracked

    def image(self, source: str | None) -> QPixmap:
        key = source or ""
        if key not in self._images:
            pixmap = QPixmap()
            if source and Path(source).is_file():  # URLs are left to a later image cache
                pixmap.load(source)
            if pixmap.isNull():
                pixmap = icons.pixmap("product", "#8A97A5", IMAGE_PX)
            else:
                pixmap = pixmap.scaled(IMAGE_PX, IMAGE_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            self._images[key] = pixmap
            if len(self._images) > 500:  # a day of orders must not grow memory without bound
                self._images.pop(next(iter(self._images)))
        return self._images[key]


class LinesView(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines_model = LinesModel(self)
        self.setModel(self.lines_model)
        self.setObjectName("Lines")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans come through the wedge, never typed here
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(True)  # a long product name takes a second line rather than an ellipsis
        self.setIconSize(QSize(IMAGE_PX, IMAGE_PX))
        self.verticalHeader().hide()
        # Rows as high as their text: a name wrapped to two lines and its SKU under it need more than the
        # picture's height in the 21-22 px text of a 1024/1080 px monitor.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(IMAGE_PX + 16)
        self.verticalHeader().setDefaultSectionSize(IMAGE_PX + 16)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.setColumnWidth(0, IMAGE_PX + 16)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        compact = event.size().width() < 820  # 1024 and 1280 px screens: the name gets the SKU's column
        narrow = event.size().width() < 640  # scaled 1024/1280 px screens: the picture's and the state's too
        if (compact, narrow) != (self.lines_model.compact, self.lines_model.narrow):
            self.setColumnHidden(1, compact)
            self.setColumnHidden(0, narrow)
            self.setColumnHidden(5, narrow)
            self.verticalHeader().setMinimumSectionSize(IMAGE_PX + (28 if compact else 16))
            self.verticalHeader().setDefaultSectionSize(IMAGE_PX + (28 if compact else 16))
            self.lines_model.reshape(compact, narrow)

    def set_state(self, state: SessionState, last_line: int | None = None) -> None:
        self.lines_model.set_state(state, last_line)
        if last_line is not None:
            row = next((i for i, line in enumerate(self.lines_model.lines) if line.line_no == last_line), None)
            if row is not None:
                self.scrollTo(self.lines_model.index(row, 0))


def _chip(text: str, background: str, foreground: str = "#FFFFFF") -> QLabel:
    label = QLabel(text)
    label.setObjectName("Chip")
    label.setStyleSheet(f"background: {background}; color: {foreground};")
    return label


class OrderHeader(QFrame):
    """Number, channel, carrier and service, ship-by, priority, gift message, instructions."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._order_key: tuple | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        title = QLabel(_tr("ORDER"))
        title.setObjectName("CardTitle")
        self.number = QLabel()
        self.number.setObjectName("OrderNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.chips = FlowLayout(spacing=6)  # a narrow card puts the tote's chip on a second line
        self.shipping = QLabel()
        self.shipping.setObjectName("Big")
        self.shipping.setWordWrap(True)
        self.ship_by = QLabel()
        self.ship_to = QLabel()
        self.ship_to.setObjectName("Muted")
        self.ship_to.setWordWrap(True)
        self.box = QLabel()
        self.box.setObjectName("Big")
        self.notes = QLabel()
        self.notes.setObjectName("Muted")
        self.notes.setWordWrap(True)
        self.gift = QFrame()
        self.gift.setObjectName("Gift")
        gift_row = QHBoxLayout(self.gift)
        self._gift_icon = QLabel()
        self._gift_icon.setPixmap(icons.pixmap("gift", "#8A5A00", 32))
        self._gift_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.gift_text = QLabel()
        self.gift_text.setWordWrap(True)
        gift_row.addWidget(self._gift_icon, 0)
        gift_row.addWidget(self.gift_text, 1)
        self.instructions = QFrame()
        self.instructions.setObjectName("Instructions")
        box = QVBoxLayout(self.instructions)
        heading = QHBoxLayout()
        self._instr_icon = QLabel()
        self._instr_icon.setPixmap(icons.pixmap("warning", "#8A5A00", 28))
        self.instructions_title = QLabel()
        self.instructions_title.setWordWrap(True)
        self.instructions_title.setStyleSheet("font-weight: 700;")
        heading.addWidget(self._instr_icon, 0)
        heading.addWidget(self.instructions_title, 1)
        self.instructions_text = QLabel()
        self.instructions_text.setWordWrap(True)
        box.addLayout(heading)
        box.addWidget(self.instructions_text)
        layout.addWidget(title)
        layout.addWidget(self.number)
        layout.addLayout(self.chips)
        for widget in (self.shipping, self.ship_by, self.ship_to, self.box, self.instructions, self.gift, self.notes):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.short = False

    def set_short(self, short: bool) -> None:
        """A short window (app.ui.reflow.ShortScroll): the instructions and the gift message right under
        the order number, where they are read before anything scrolls; the card's lines closer."""
        if short == self.short:
            return
        self.short = short
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # made in __init__
        layout.setSpacing(4 if short else 8)
        for widget in (self.instructions, self.gift):
            layout.removeWidget(widget)
        at = layout.indexOf(self.number) + 1 if short else layout.indexOf(self.box) + 1
        layout.insertWidget(at, self.gift)
        layout.insertWidget(at, self.instructions)

    def set_state(self, state: SessionState, today: date | None = None) -> None:
        order = state.order
        if order is None:
            return
        key = (order.number, state.box, state.instructions_confirmed)
        if key == self._order_key:
            return  # nothing in the header changes while items are scanned
        self._order_key = key
        self._fill(order, state, today or clock.today())

    def _fill(self, order: Order, state: SessionState, today: date) -> None:
        self.number.setText(order.number)
        while self.chips.count():
            item = self.chips.takeAt(0)
            chip = item.widget() if item is not None else None
            if chip:
                chip.deleteLater()
        if order.priority > 0:
            self.chips.addWidget(_chip(_tr("PRIORITY {0}").format(order.priority), "#B3261E"))
        if order.channel:
            self.chips.addWidget(_chip(order.channel, "#3E4C59"))
        if order.tote:
            self.chips.addWidget(_chip(_tr("Tote {0}").format(order.tote), "#5B6B7A"))
        service = " · ".join(part for part in (order.carrier, order.service_level) if part)
        self.shipping.setText(service or _tr("Carrier not set"))
        if order.ship_by:
            days = (order.ship_by - today).days
            when = order.ship_by.strftime("%d %b %Y")
            if days < 0:
                text, colour = _tr("Ship by {0} — LATE").format(when), "#B3261E"
            elif days == 0:
                text, colour = _tr("Ship by TODAY ({0})").format(when), "#B3261E"
            else:
                text, colour = _tr("Ship by {0}").format(when), ""
            self.ship_by.setText(text)
            self.ship_by.setStyleSheet(f"color: {colour}; font-weight: 700;" if colour else "")
        self.ship_by.setVisible(bool(order.ship_by))
        address = order.ship_to
        self.ship_to.setText(", ".join(p for p in (address.name, address.city, address.country) if p))
        self.box.setText(_tr("Box {0}").format(state.box))
        self.gift.setVisible(bool(order.gift_message))
        self.gift_text.setText(_tr("Gift message: “{0}”").format(order.gift_message))
        self.instructions.setVisible(bool(order.packing_instructions))
        self.instructions_text.setText(order.packing_instructions)
        self.instructions_title.setText(
            _tr("Packing instructions — confirmed") if state.instructions_confirmed
            else _tr("Packing instructions — read, then press Confirm (F4) or scan CONFIRM"))
        self.notes.setText(order.notes)
        self.notes.setVisible(bool(order.notes))


class OrderProgress(QWidget):
    """Units packed of units ordered, as a bar with the numbers written on it."""

    def __init__(self, parent=None) -> None:
        from PySide6.QtWidgets import QProgressBar

        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)  # the words sit beside the bar: text on a half-green bar is unreadable
        self.bar.setMaximumHeight(18)
        self.bar.setMinimumHeight(18)
        self.text = QLabel()
        self.text.setObjectName("Big")
        self.bar.setMinimumWidth(60)
        layout = QGridLayout(self)  # the bar beside its words, or under them where the column is narrow
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(4)
        self.grid = layout
        self.below: bool | None = None
        self._place(False)

    def _place(self, below: bool) -> None:
        if below == self.below:
            return
        self.below = below
        self.grid.removeWidget(self.text)
        self.grid.removeWidget(self.bar)
        self.grid.addWidget(self.text, 0, 0)
        self.grid.addWidget(self.bar, 1 if below else 0, 0 if below else 1)
        self.grid.setColumnStretch(0, 1 if below else 0)
        self.grid.setColumnStretch(1, 0 if below else 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.text.sizeHint().width(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place(event.size().width() < self.text.sizeHint().width() + 16 + 120)

    def set_state(self, state: SessionState) -> None:
        order = state.order
        total = order.units if order else 0
        done = sum(min(state.packed_units(line.line_no), line.quantity) for line in order.lines) if order else 0
        # QProgressBar repaints itself at once on a new value or range (its own repaint(), ~3 ms with
        # the style sheet): with updates off it only marks itself, and paints with the rest of the outcome.
        self.bar.setUpdatesEnabled(False)
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.bar.setUpdatesEnabled(True)
        self.text.setText(_tr("{0} of {1} items packed").format(done, total))
        self._place(self.width() < self.text.sizeHint().width() + 16 + 120)
