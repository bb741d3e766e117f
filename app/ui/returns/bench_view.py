"""The returns bench's widgets: the open return, the unit in hand, flags, and the stock a return changed.

Each widget renders a `BenchView` (state from the ReturnStation, stock from the store, read on
the worker); none of them calls anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.returns import (
    QUARANTINE_BIN,
    REASONS,
    Disposition,
    Flag,
    Grade,
    RaisedFlag,
    ReturnedItem,
    ReturnPhase,
)
from app.ui import icons
from app.ui.reflow import ScreenStack, WrapButton
from app.ui.returns.jobs import BenchView, ClosedReturn
from app.ui.returns.widgets import label as _label
from app.ui.returns.widgets import title_row

STOP_RED = "#B3261E"
OK_GREEN = "#1B7A36"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReturnsBench", text)


def grade_text(grade: Grade) -> str:
    return {Grade.RESELLABLE: _tr("Resellable"), Grade.DAMAGED: _tr("Damaged"), Grade.WRONG_ITEM: _tr("Wrong item"),
            Grade.MISSING_PARTS: _tr("Missing parts")}[grade]


def flags_text(flags: tuple[Flag, ...] | list[Flag]) -> str:
    names = {Flag.LATE_RETURN: _tr("late return"), Flag.NOT_IN_ORDER: _tr("not in the order"),
             Flag.SERIAL_NOT_SHIPPED: _tr("serial not shipped"),
             Flag.SERIAL_ALREADY_RETURNED: _tr("serial already returned"),
             Flag.MORE_THAN_SHIPPED: _tr("more than shipped"), Flag.UNKNOWN_ITEM: _tr("unknown item")}
    return ", ".join(names.get(flag, flag.value.replace("_", " ")) for flag in flags)


def _described(raised: RaisedFlag) -> str:
    """A raised flag for the screen: "serial not shipped (PHONE-9 serial SN-9)"."""
    serial = _tr("serial {0}").format(raised.serial) if raised.serial else ""
    subject = " ".join(part for part in (raised.sku, serial) if part)
    what = flags_text((raised.flag,))
    return f"{what} ({subject})" if subject else what


def reason_text(reason: str) -> str:
    """A reason code as the screen says it; free text typed at the bench is shown as typed."""
    names = {"changed_mind": _tr("changed mind"), "wrong_size": _tr("wrong size"),
             "not_as_described": _tr("not as described"), "arrived_late": _tr("arrived late"),
             "damaged_in_transit": _tr("damaged in transit"), "defective": _tr("defective"),
             "customer_damage": _tr("damaged by the customer"), "wrong_item_sent": _tr("wrong item sent"),
             "not_our_item": _tr("not our item"), "missing_accessories": _tr("accessories missing"),
             "missing_packaging": _tr("packaging missing"), "incomplete_set": _tr("incomplete set")}
    return names.get(reason, reason.replace("_", " "))


def where_text(disposition: Disposition, bin_location: str | None) -> str:
    if disposition is Disposition.RESTOCK:
        return _tr("Restock → {0}").format(bin_location or "?")
    return {Disposition.QUARANTINE: _tr("Quarantine"), Disposition.DISPOSE: _tr("Dispose"),
            Disposition.RETURN_TO_VENDOR: _tr("Return to vendor")}[disposition]


class Thumbnails:
    """Photos of returned units as small pixmaps, read once per file (the table is redrawn on every scan)."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._cache: dict[tuple[str, int], QPixmap] = {}

    def path(self, ref: str) -> Path:
        path = Path(ref)
        return path if path.is_absolute() or self.root is None else self.root / path

    def get(self, ref: str | None, height: int) -> QPixmap | None:
        """The photo scaled to `height`, or None (no photo, or the file is not on this station's disk)."""
        if not ref:
            return None
        key = (ref, height)
        if key not in self._cache:
            pixmap = QPixmap(str(self.path(ref)))
            if pixmap.isNull():
                return None  # not cached: it may be written yet
            self._cache[key] = pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
            if len(self._cache) > 200:
                self._cache.pop(next(iter(self._cache)))
        return self._cache[key]


def _table(headers: list[str], kind: type[QTableWidget] | None = None) -> QTableWidget:
    table = LinesTable(headers) if kind is LinesTable else QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the product or SKU takes what is left
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(True)  # a long product name takes a second line, the row grows for it
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], colours: Sequence[str | None] | None = None,
          bold: Sequence[bool] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if colours and colours[r]:
                item.setForeground(QColor(colours[r]))
            if bold and bold[r]:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if c and text.lstrip("+-−→ 0123456789").strip() == "":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class LinesTable(QTableWidget):
    """What may come back: SKU, product, the counts and the bin. Where the count columns would leave
    the product too little room (a 1024 or 1280 px screen, German headers, 125 % scaling) the table is
    compact: no SKU column (the item in hand is scanned; its SKU shows on the right) and the headers on
    two lines."""

    PRODUCT_PX = 140  # the least a product name gets before the table turns compact

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.headers = headers
        self.compact = False
        self.rows: list[list[str]] = []
        self.colours: list[str | None] = []
        # A short window squeezes the table to its header: keep room for two lines of two rows (it scrolls).
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 56)

    def set_rows(self, rows: list[list[str]], colours: list[str | None]) -> None:
        self.rows, self.colours = rows, colours
        self._show()

    def _show(self) -> None:
        # Compact: "returned before" goes when it is 0 on every line (it says nothing then), the bin's
        # stock under the bin.
        self.setColumnHidden(3, self.compact and all(row[3] == "0" for row in self.rows))
        shown = [[*row[:6], row[6].replace(" (", "\n(", 1)] if self.compact else row for row in self.rows]
        _fill(self, shown, self.colours)
        for row, values in enumerate(self.rows):
            cell = self.item(row, 1)
            assert cell is not None  # _fill made every cell
            cell.setToolTip(f"{values[0]} · {values[1]}")

    def _needs(self, compact: bool) -> int:
        """Room for every column but the product's at its content's width, plus the product's least."""
        fm, header_fm = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        total = self.PRODUCT_PX
        for column, title in enumerate(self.headers):
            if column == 1 or (compact and column == 0):
                continue
            lines = _two_lines(title) if compact else title
            head = max(header_fm.horizontalAdvance(part) for part in lines.split("\n")) + 16
            cells = max((fm.horizontalAdvance(row[column]) + 12 for row in self.rows), default=0)
            total += max(head, cells)
        return total

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        compact = self.viewport().width() < self._needs(False)
        if compact != self.compact:
            self.compact = compact
            self.setColumnHidden(0, compact)
            self.setHorizontalHeaderLabels([_two_lines(h) for h in self.headers] if compact else self.headers)
            self._show()


def _two_lines(title: str) -> str:
    """"Bin (stock)" as "Bin\n(stock)": a header on two lines gives its column's room to the product."""
    return title.replace(" ", "\n", 1)


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(12, 8, 12, 10)
        self.box.setSpacing(6)
        self.title = _label(title, "CardTitle")
        self.box.addWidget(self.title)


class FlagPanel(QFrame):
    """A STOP-red card: what a supervisor must see before the refund goes out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Stop")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        icon = QLabel()
        icon.setPixmap(icons.pixmap("stop", "#FFFFFF", 48))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = _label("", "Big")
        self.listing = _label("")
        text.addWidget(self.title)
        text.addWidget(self.listing)
        row.addLayout(text, 1)
        self.hide()

    def render(self, view: BenchView) -> None:  # type: ignore[override]  # see app.ui.screens.Screen.render
        flags = view.state.open_flags()
        if not flags:
            self.hide()
            return
        self.title.setText(_tr("SUPERVISOR — {0} flag(s) on this return").format(len(flags)))
        lines = [f"• {_described(f)}" + (f" — {f.detail}" if f.detail and not f.detail.startswith("item ") else "")
                 for f in flags]
        hint = (_tr("Quarantine flagged items. A supervisor scans their badge to approve, or HOLD (F9).")
                if view.state.phase is not ReturnPhase.APPROVAL
                else _tr("Scan a SUPERVISOR badge to approve and close, or HOLD (F9) for later."))
        self.listing.setText("\n".join([*lines, hint]))
        self.show()


PHOTO_COLUMN = 6  # of the received units' table
THUMB_HEIGHT = 40


def wrapped_min_height(widget: QWidget, width: int) -> int:
    """The least height `widget` needs at `width`, its word-wrapped lines counted at that width.

    Qt's minimum height counts a wrapped label one line high, and a vertical layout (the return
    panels stacked at 683 px) takes a panel that says it has a height for its width at its
    preferred height, as if that were its minimum. Either way a panel got less than its keys
    need, and the keys, held at their own height, were drawn over each other (the reason keys
    over the grade keys at 1366×768 and 1024×768, 150 %). So the panels say no height-for-width
    and raise their minimum height to this instead, anew whenever their width changes."""
    layout = widget.layout()
    if layout is None or width <= 0 or not layout.hasHeightForWidth():
        return 0
    return layout.totalMinimumHeightForWidth(width)


class ReturnPanel(QWidget):
    """Left side: the return's header, what may come back, and what has come back (with the units' photos)."""

    def __init__(self, parent: QWidget | None = None, *, thumbnails: Thumbnails | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails or Thumbnails(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.number = _label("", "OrderNumber", wrap=False)  # two lines only where one does not fit
        self.window_chip = _label("", "Chip", wrap=False)
        layout.addLayout(title_row(self.number, self.window_chip))
        self.details = _label("", "Muted")
        layout.addWidget(self.details)
        self.flags = FlagPanel()
        layout.addWidget(self.flags)
        lines = _table([_tr("SKU"), _tr("Product"), _tr("Shipped"), _tr("Before"), _tr("Now"),
                        _tr("Left"), _tr("Bin (stock)")], LinesTable)
        assert isinstance(lines, LinesTable)
        self.lines = lines
        layout.addWidget(self.lines, 2)
        self.items_title = _label(_tr("Received on this return"), "CardTitle")
        layout.addWidget(self.items_title)
        self.items = _table([_tr("#"), _tr("SKU"), _tr("Grade"), _tr("Reason"), _tr("Goes to"), _tr("Flags"),
                             _tr("Photo")])
        self.items.setIconSize(QSize(THUMB_HEIGHT * 4 // 3, THUMB_HEIGHT))
        header = self.items.horizontalHeader()
        header.setStretchLastSection(False)  # the SKU takes what is left; the photo has its own width
        header.setSectionResizeMode(PHOTO_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PHOTO_COLUMN, THUMB_HEIGHT * 4 // 3 + 16)
        layout.addWidget(self.items, 3)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_number()
        if event.size().width() != event.oldSize().width():  # its lines wrap anew: another minimum height
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False  # its minimum height follows its width instead: see wrapped_min_height

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), wrapped_min_height(self, self.width())))

    def _fit_number(self) -> None:
        """"Return SO-90002-R1" on one line, or on two where the panel is too narrow (1024 px at 125 %)."""
        room = self.width()  # the chip goes under the number where both do not fit (widgets.title_row)
        wrap = self.number.fontMetrics().horizontalAdvance(self.number.text()) > room
        if wrap != self.number.wordWrap():
            self.number.setWordWrap(wrap)

    def render(self, view: BenchView) -> None:  # type: ignore[override]  # see app.ui.screens.Screen.render
        s = view.state
        order = s.order
        if order is None:
            return
        self.number.setText(_tr("Return {0}").format(s.number))
        shipped = order.shipped_at
        received = s.received_at or clock.now()
        late = any(f.flag.value == "late_return" for f in s.return_flags)
        if shipped is not None:
            days = (received.date() - shipped.date()).days
            self.window_chip.setText(_tr("LATE: {0} days after shipping").format(days) if late
                                     else _tr("In the window: day {0}").format(days))
        else:
            self.window_chip.setText(_tr("No shipping date"))
        colour = STOP_RED if late else OK_GREEN
        self.window_chip.setStyleSheet(f"background: {colour}; color: #FFFFFF;")
        self._fit_number()
        parts = [_tr("Order {0}").format(order.number)]
        if order.channel:
            parts.append(order.channel)
        if s.rma:
            parts.append(_tr("RMA {0}").format(s.rma))
        if shipped is not None:
            parts.append(_tr("shipped {0}").format(shipped.date().isoformat()))
        if s.user is not None:
            parts.append(_tr("received by {0}").format(s.user.name))
        self.details.setText("  ·  ".join(parts))
        self.flags.render(view)
        rows, colours = [], []
        for line in order.lines:
            now = s.returned_units(line.sku)
            left = line.returnable - now
            bins = view.levels.get(line.sku, {})
            home = line.bin_location or ""
            stock = f"{home} ({bins.get(home, 0)})" if home else "—"
            rows.append([line.sku, line.name, str(line.shipped), str(line.returned_before), str(now), str(max(0, left)),
                         stock])
            colours.append(STOP_RED if left < 0 else (OK_GREEN if now else None))
        self.lines.set_rows(rows, colours)
        rows, colours = [], []
        for item in s.items:
            flags = flags_text(item.flags)
            rows.append([str(item.item_no), item.sku + (f" · {item.serial}" if item.serial else ""),
                         grade_text(item.grade), reason_text(item.reason),
                         where_text(item.disposition, item.bin), flags.upper() if flags else "", ""])
            colours.append(STOP_RED if item.flags else None)
        _fill(self.items, rows, colours, [bool(item.flags) for item in s.items])
        self._photos(s.items)

    def _photos(self, items: tuple[ReturnedItem, ...]) -> None:
        """A thumbnail in the Photo column of each unit the bench camera photographed (no photo, no column)."""
        self.items.setColumnHidden(PHOTO_COLUMN, not any(item.photo for item in items))
        for row, item in enumerate(items):
            cell = self.items.item(row, PHOTO_COLUMN)
            assert cell is not None  # _fill made every cell
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            thumb = self.thumbnails.get(item.photo, THUMB_HEIGHT)
            if thumb is not None and item.photo:  # (a thumbnail is only ever of a photo)
                cell.setIcon(QIcon(thumb))
                cell.setToolTip(str(self.thumbnails.path(item.photo)))
                self.items.setRowHeight(row, THUMB_HEIGHT + 4)
            elif item.photo:
                cell.setText(_tr("photo"))  # recorded, but the file is not on this station
                cell.setToolTip(item.photo)


class StepPanel(ScreenStack):
    """Right side: what to do now — scan an item, grade it, put it away, or get a supervisor."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_dispose(event.size().width())
        if event.size().width() != event.oldSize().width():  # its lines wrap anew: another minimum height
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False  # its minimum height follows its width instead: see wrapped_min_height

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The pages' minimum, the put-away keys counted one a row (_place_dispose puts them so
        where three in a row do not fit): three in a row must not take the return's room."""
        pages = (self.scan, self.grade, self.serial)
        one_a_row = max(button.minimumSizeHint().width() for button in self.dispose_buttons.values())
        width = max(one_a_row, self.dispose_item.minimumSizeHint().width(),
                    *(page.minimumSizeHint().width() for page in pages))
        page = self.currentWidget()  # as high as the shown page (a hidden page's minimum is stale)
        if page is None:
            return QSize(width, super().minimumSizeHint().height())
        return QSize(width, max(page.minimumSizeHint().height(), wrapped_min_height(page, self.width())))

    def _place_dispose(self, width: int) -> None:
        """Quarantine, Dispose, Return to vendor: three keys in a row where their words fit, else
        two or one a row (their words wrap, never cut)."""
        buttons = list(self.dispose_buttons.values())
        need = max(button.minimumSizeHint().width() for button in buttons)
        spacing = self.dispose_row.horizontalSpacing()
        columns = next((c for c in (3, 2) if c * need + (c - 1) * spacing <= width), 1)
        if columns == getattr(self, "_dispose_columns", 0):
            return
        self._dispose_columns = columns
        for button in buttons:
            self.dispose_row.removeWidget(button)
        for n, button in enumerate(buttons):
            self.dispose_row.addWidget(button, n // columns, n % columns)
        for column in range(3):
            self.dispose_row.setColumnStretch(column, 1 if column < columns else 0)

    def __init__(self, send_grade: Callable[[Grade, str], None], send_dispose: Callable[[Disposition | None], None],
                 keys: dict[str, str], parent: QWidget | None = None, *, thumbnails: Thumbnails | None = None,
                 quarantine_bin: str = QUARANTINE_BIN) -> None:
        super().__init__(parent)
        self.keys = keys
        self.quarantine_bin = quarantine_bin  # [returns] quarantine_bin: where flagged units go
        self.thumbnails = thumbnails or Thumbnails(None)
        # scan the next item
        self.scan = QWidget()
        box = QVBoxLayout(self.scan)
        box.addStretch(1)
        icon = QLabel()
        icon.setPixmap(icons.pixmap("barcode", "#1F5FAD", 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(icon)
        self.scan_text = _label(_tr("Scan each returned item"), "Headline")
        self.scan_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.scan_text)
        self.scan_hint = hint = _label(_tr("When the parcel is empty: COMPLETE (F5). Nothing in it: CANCEL (F12)."),
                                       "Muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(hint)
        box.addStretch(1)
        # the last unit's photo, as the bench camera took it
        self.last_photo = QLabel()
        self.last_photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.last_photo_text = _label("", "Muted")
        self.last_photo_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.last_photo)
        box.addWidget(self.last_photo_text)
        box.addStretch(1)
        self.addWidget(self.scan)
        # grade the unit in hand
        self.grade = QWidget()
        box = QVBoxLayout(self.grade)
        box.setContentsMargins(0, 0, 0, 0)
        self.grade_item = _label("", "Big")
        box.addWidget(self.grade_item)
        self.grade_shipped = _label("", "Muted")  # the serial(s) the order shipped: compare with the unit's
        box.addWidget(self.grade_shipped)
        self.grade_flags = _label("")
        self.grade_flags.setStyleSheet(f"color: {STOP_RED}; font-weight: 700;")
        box.addWidget(self.grade_flags)
        self.grade_photo = QLabel()
        box.addWidget(self.grade_photo)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.grade_buttons: dict[Grade, QPushButton] = {}
        self.reason_buttons: list[QPushButton] = []
        for n, grade in enumerate((Grade.RESELLABLE, Grade.DAMAGED, Grade.MISSING_PARTS, Grade.WRONG_ITEM)):
            cell = QVBoxLayout()
            cell.setSpacing(4)
            button = WrapButton(f"{grade_text(grade)}\n{keys[grade.value]}")
            button.setObjectName("Primary" if grade is Grade.RESELLABLE else "GradeButton")
            button.setStyleSheet("padding: 4px 4px;")  # the words get the room: "Verkaufsfähig" on 1280 px at 150 %
            button.setMinimumHeight(64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(grade_text(grade))
            button.clicked.connect(lambda _=False, g=grade: send_grade(g, ""))
            cell.addWidget(button)
            self.grade_buttons[grade] = button
            for reason in REASONS[grade][:2]:  # the rest by card (PS:GRADE:...)
                small = WrapButton(reason_text(reason))  # "changed mind" on two lines rather than cut
                small.setObjectName("Reason")
                small.setStyleSheet("font-size: 13px; padding: 2px 4px;")
                small.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                small.setToolTip(_tr("{0}, reason: {1} (card PS:GRADE:{2}:{3})").format(
                    grade_text(grade), reason_text(reason), grade.name, reason.upper()))
                small.clicked.connect(lambda _=False, g=grade, r=reason: send_grade(g, r))
                cell.addWidget(small)
                self.reason_buttons.append(small)
            cell.addStretch(1)
            grid.addLayout(cell, n // 2, n % 2)
        box.addLayout(grid, 1)
        self.addWidget(self.grade)
        # put it away
        self.dispose = QWidget()
        box = QVBoxLayout(self.dispose)
        box.setContentsMargins(0, 0, 0, 0)
        self.dispose_item = _label("", "Big")
        box.addWidget(self.dispose_item)
        self.dispose_photo = QLabel()
        box.addWidget(self.dispose_photo)
        self.suggested = WrapButton()
        self.suggested.setObjectName("Primary")
        self.suggested.setMinimumHeight(84)
        self.suggested.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggested.clicked.connect(lambda: send_dispose(None))  # None: CONFIRM, the suggestion
        box.addWidget(self.suggested)
        box.addWidget(_label(_tr("…or scan a bin label to restock elsewhere, or:"), "Muted"))
        self.dispose_buttons: dict[Disposition, QPushButton] = {}
        row = QGridLayout()
        self.dispose_row = row
        for n, disposition in enumerate((Disposition.QUARANTINE, Disposition.DISPOSE, Disposition.RETURN_TO_VENDOR)):
            button = WrapButton(f"{where_text(disposition, None)}\n{keys[disposition.value]}")
            button.setMinimumHeight(60)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=disposition: send_dispose(d))
            row.addWidget(button, 0, n)
            self.dispose_buttons[disposition] = button
        box.addLayout(row)
        box.addStretch(1)
        self.addWidget(self.dispose)
        # a serial is needed
        self.serial = QWidget()
        box = QVBoxLayout(self.serial)
        box.addStretch(1)
        self.serial_text = _label("", "Headline")
        self.serial_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.serial_text)
        self.serial_shipped = _label("", "Big")  # the serial(s) the order shipped: compare with the unit's
        self.serial_shipped.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.serial_shipped)
        box.addWidget(_label(_tr("Scan the serial number on the item (or type it: F2). UNDO (F3) sets it aside."),
                             "Muted"))
        box.addStretch(2)
        self.addWidget(self.serial)

    def render(self, view: BenchView) -> None:  # type: ignore[override]  # see app.ui.screens.Screen.render
        s = view.state
        pending = s.pending
        if s.phase is ReturnPhase.SERIAL and pending is not None:
            self.serial_text.setText(_tr("Scan the SERIAL of {0}").format(pending.sku))
            self.serial_shipped.setText(shipped_serials_text(view, pending.sku))
            self.setCurrentWidget(self.serial)
        elif s.phase is ReturnPhase.GRADING and pending is not None:
            self.grade_item.setText(_tr("In hand: {0} — {1}").format(pending.sku, pending.name)
                                    + (f" · {pending.serial}" if pending.serial else ""))
            flags = flags_text(pending.flags)
            flagged = _tr("FLAGGED: {0} — it goes to {1}").format(flags, self.quarantine_bin)
            self.grade_flags.setText(flagged if flags else "")
            self.grade_flags.setVisible(bool(flags))
            self.grade_shipped.setText(shipped_serials_text(view, pending.sku) if pending.serial else "")
            self.grade_shipped.setVisible(bool(pending.serial))
            self._in_hand_photo(self.grade_photo, pending.photo)
            self.setCurrentWidget(self.grade)
        elif s.phase is ReturnPhase.DISPOSING and pending is not None and pending.grade is not None:
            self.dispose_item.setText(_tr("{0}: {1}, {2}").format(pending.sku, grade_text(pending.grade),
                                                                    reason_text(pending.reason)))
            restock = not pending.flagged and pending.grade is Grade.RESELLABLE
            where = (where_text(Disposition.RESTOCK, pending.default_bin) if restock and pending.default_bin
                     else _tr("Restock: scan the bin label") if restock else where_text(Disposition.QUARANTINE, None))
            self.suggested.set_words(_tr("{0}\nCONFIRM  {1}").format(where, self.keys["confirm"]))
            self._in_hand_photo(self.dispose_photo, pending.photo)
            self.setCurrentWidget(self.dispose)
        else:
            # What the bench waits for: with flags open, a supervisor's badge first, not another item.
            approval = s.phase is ReturnPhase.APPROVAL
            self.scan_text.setText(_tr("Waiting for a SUPERVISOR badge") if approval
                                   else _tr("Scan each returned item"))
            self.scan_hint.setText(_tr("A supervisor scans their badge to approve and close. HOLD (F9) keeps the "
                                       "return for later.") if approval
                                   else _tr("When the parcel is empty: COMPLETE (F5). Nothing in it: CANCEL (F12)."))
            self._last_photo(s.items[-1] if s.items else None)
            self.setCurrentWidget(self.scan)

    def _in_hand_photo(self, label: QLabel, ref: str | None) -> None:
        thumb = self.thumbnails.get(ref, 120)
        label.setVisible(thumb is not None)
        if thumb is not None:
            label.setPixmap(thumb)
            label.setToolTip(_tr("Photo taken (PHOTO {0} takes another)").format(self.keys.get("photo", "")))

    def _last_photo(self, item: ReturnedItem | None) -> None:
        """The photo of the unit just recorded, big enough to see the damage on it."""
        thumb = self.thumbnails.get(item.photo if item is not None else None, 200)
        self.last_photo.setVisible(thumb is not None)
        self.last_photo_text.setVisible(thumb is not None)
        if thumb is None or item is None:
            return
        self.last_photo.setPixmap(thumb)
        self.last_photo_text.setText(_tr("Item {0}: {1}, {2} — photo").format(
            item.item_no, item.sku, grade_text(item.grade).lower()))


def shipped_serials(view: BenchView, sku: str) -> list[str]:
    """The serial numbers of `sku` the order shipped (as recorded when it was packed), sorted."""
    order = view.state.order
    return sorted(serial for shipped_sku, serial in (order.shipped_serials if order else ()) if shipped_sku == sku)


def shipped_serials_text(view: BenchView, sku: str) -> str:
    """What the clerk compares the unit's serial with: the serial(s) this order shipped of the SKU."""
    serials = shipped_serials(view, sku)
    if not serials:
        return _tr("No serial of {0} was recorded when the order shipped.").format(sku)
    return _tr("Shipped with this order: {0}").format(", ".join(serials))


class ClosedPanel(QWidget):
    """After a return: what came back and how stock changed, SKU by SKU and bin by bin."""

    def __init__(self, parent: QWidget | None = None, *, quarantine_bin: str = QUARANTINE_BIN) -> None:
        super().__init__(parent)
        self.quarantine_bin = quarantine_bin
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = _label("", "Headline")
        layout.addWidget(self.title)
        self.summary = _label("", "Muted")
        layout.addWidget(self.summary)
        layout.addWidget(_label(_tr("Stock change"), "CardTitle"))
        self.stock = _table([_tr("SKU"), _tr("Bin"), _tr("Before"), _tr("After"), _tr("Change")])
        layout.addWidget(self.stock, 2)
        self.sellable = _label("", "Big")
        layout.addWidget(self.sellable)

    def render(self, closed: ClosedReturn) -> None:  # type: ignore[override]  # see app.ui.screens.Screen.render
        titles = {"closed": _tr("Return {0} closed — refund ready"), "held": _tr("Return {0} on hold for a supervisor"),
                  "abandoned": _tr("Return {0} cancelled")}
        self.title.setText(titles.get(closed.status, "{0}").format(closed.number))
        grades: dict[str, int] = {}
        for item in closed.items:
            grades[grade_text(item.grade)] = grades.get(grade_text(item.grade), 0) + 1
        listing = ", ".join(f"{n} {g.lower()}" for g, n in grades.items())
        self.summary.setText(_tr("Order {0}: {1} unit(s) back ({2}).").format(closed.order, len(closed.items),
                                                                            listing or "—"))
        rows = [[r.sku, r.bin, str(r.before), str(r.after), f"{r.delta:+d}"] for r in closed.stock]
        colours = [STOP_RED if r.bin == self.quarantine_bin else OK_GREEN for r in closed.stock]
        _fill(self.stock, rows, colours)
        self.sellable.setText("   ".join(_tr("{0} for sale: {1} → {2}").format(sku, before, after)
                                         for sku, before, after in closed.available if before != after)
                              or _tr("Nothing went back on sale."))
