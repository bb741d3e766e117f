"""Bars that reflow instead of clipping: a header that takes a second row, keys that take two.

On a 1366×768 or 1024×768 bench monitor (and at 125 %/150 % scaling) the station's header and
its row of keys do not fit in one row at their natural sizes; Qt would squeeze every widget
below its text ("No scal", "eturr", "Type code F2" cut). These bars measure what their widgets
need and, when one row is too narrow, lay them out in two rows, each widget at its full size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)


def row_widget(row: QHBoxLayout, index: int) -> QWidget | None:
    item = row.itemAt(index)
    return item.widget() if item is not None else None


class HeaderBar(QFrame):
    """Two groups, `left` (who and what: station, packer, order) and `right` (devices, tools).

    Side by side when both fit at their natural widths; otherwise `right` takes a second row,
    right-aligned, and `left` the whole first row. A group still wider than the bar (a 1024 px
    monitor at 150 %: 683 px) puts its last widgets on a row of their own under it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = QWidget()
        self.right = QWidget()
        self.left_row = QHBoxLayout(self.left)
        self.left_row.setContentsMargins(0, 0, 0, 0)
        self.right_row = QHBoxLayout(self.right)
        self.right_row.setContentsMargins(0, 0, 0, 0)
        self.right_row.addStretch(1)  # on a row of its own, the tools sit on the right at their own size
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(16, 4, 8, 4)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.two_rows: bool | None = None
        self.left_more, self.left_more_row = self._overflow_row(right_aligned=False)
        self.right_more, self.right_more_row = self._overflow_row(right_aligned=True)
        self.left_more.setParent(self)  # a hidden child until a group needs it
        self.right_more.setParent(self)
        self._moved: dict[int, list[tuple[QWidget, int]]] = {0: [], 1: []}  # group -> (widget, its index)
        self._place(False)

    @staticmethod
    def _overflow_row(right_aligned: bool) -> tuple[QWidget, QHBoxLayout]:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(0, 0, 0, 0)
        if right_aligned:
            row.addStretch(1)
        widget.hide()
        return widget, row

    def _split(self, group: int, usable: int) -> None:
        """Move the group's last widgets to its overflow row until the rest fits `usable` px (or back)."""
        container, row = (self.left, self.left_row) if group == 0 else (self.right, self.right_row)
        more, more_row = (self.left_more, self.left_more_row) if group == 0 else (self.right_more, self.right_more_row)
        moved = self._moved[group]

        def width(widget: QWidget) -> int:
            return 0 if widget.isHidden() else widget.sizeHint().width() + row.spacing()

        staying = [row_widget(row, i) for i in range(row.count())]
        widgets = [w for w in staying if w is not None] + [w for w, _ in reversed(moved)]
        need = container.sizeHint().width() + sum(width(w) for w, _ in moved)
        count = 0
        while need > usable and count < len(widgets) - 1:
            count += 1
            need -= width(widgets[-count])
        if count == len(moved) or usable <= 0:
            return
        while moved:  # back where they were, the last moved first
            widget, index = moved.pop()
            more_row.removeWidget(widget)
            row.insertWidget(index, widget)
        for _ in range(count):
            index = max(i for i in range(row.count()) if row_widget(row, i) is not None)
            last = row_widget(row, index)
            assert last is not None  # the index found it
            row.removeWidget(last)
            more_row.insertWidget(1 if group == 1 else 0, last)
            moved.append((last, index))
        more.setVisible(bool(moved))

    def _fits(self, width: int) -> bool:
        margins = self.grid.contentsMargins()
        moved = sum(0 if w.isHidden() else w.sizeHint().width() + 6 for group in self._moved.values() for w, _ in group)
        need = (self.left.sizeHint().width() + self.right.sizeHint().width() + self.grid.horizontalSpacing()
                + margins.left() + margins.right() + moved)  # as if every widget were back on its row
        return need <= width

    def _place(self, two_rows: bool) -> None:
        if two_rows == self.two_rows:
            return
        self.two_rows = two_rows
        for widget in (self.left, self.right, self.left_more, self.right_more):
            self.grid.removeWidget(widget)
        if two_rows:
            self.grid.addWidget(self.left, 0, 0)
            self.grid.addWidget(self.left_more, 1, 0)
            self.grid.addWidget(self.right, 2, 0)
            self.grid.addWidget(self.right_more, 3, 0)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 0)
        else:
            self.grid.addWidget(self.left, 0, 0)
            self.grid.addWidget(self.right, 0, 1)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 0)

    def reflow(self) -> None:
        two_rows = not self._fits(self.width())
        self._place(two_rows)
        margins = self.grid.contentsMargins()
        usable = self.width() - margins.left() - margins.right() if two_rows else 1 << 20
        for group in (0, 1):
            self._split(group, usable)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.reflow()

    def event(self, event) -> bool:
        if event.type() == event.Type.LayoutRequest:  # a text changed: does it still fit?
            QTimer.singleShot(0, self, self.reflow)  # cancelled if the bar is deleted first
        return super().event(event)


class KeyBar(QFrame):
    """The row of key buttons ("Type code / F2"): one row when every button fits at its natural
    width, otherwise two (or three) rows; columns share the room in proportion to their keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.grid.setSpacing(6)
        self.keys: list[QPushButton] = []
        self.shape: tuple = ()
        self.key_height: int | None = None  # the keys' height as the window gave them (60 px), kept for set_short

    def set_short(self, short: bool) -> None:
        """A short window: keys 46 px high (two lines of key text still fit), the room goes to the screen."""
        for button in self.keys:
            if self.key_height is None:
                self.key_height = button.minimumHeight()
            button.setMinimumHeight(min(46, self.key_height) if short else self.key_height)
        self.grid.setContentsMargins(8, 3 if short else 6, 8, 3 if short else 6)

    def add(self, button: QPushButton) -> None:
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.keys.append(button)
        self.reflow()

    def _rows_for(self, width: int) -> int:
        shown = [b for b in self.keys if not b.isHidden()]
        if not shown:
            return 1
        margins = self.grid.contentsMargins()
        usable = width - margins.left() - margins.right()
        for rows in (1, 2, 3):
            widths = self._column_widths(shown, rows)
            if sum(widths) + (len(widths) - 1) * self.grid.horizontalSpacing() <= usable:
                return rows
        return 3

    @staticmethod
    def _column_widths(shown: list[QPushButton], rows: int) -> list[int]:
        """Each column's need: its widest key ("Packing / Ctrl+Shift+R" is wider than "Undo / F3")."""
        columns = math.ceil(len(shown) / rows)
        widths = [0] * columns
        for i, button in enumerate(shown):
            widths[i % columns] = max(widths[i % columns], button.sizeHint().width())
        return widths

    def reflow(self) -> None:
        rows = self._rows_for(self.width())
        shown = [b for b in self.keys if not b.isHidden()]
        shape = (rows, tuple((id(b), b.text()) for b in shown))  # "Type code" becomes "Type weight"
        if shape == self.shape:
            return
        self.shape = shape
        for button in self.keys:
            self.grid.removeWidget(button)
        columns = math.ceil(len(shown) / rows) if shown else 1
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for i, button in enumerate(shown):
            self.grid.addWidget(button, i // columns, i % columns)
        for column, width in enumerate(self._column_widths(shown, rows) if shown else [1]):
            self.grid.setColumnStretch(column, width)  # room shared in proportion to what each key needs
        for button in self.keys:
            if button.isHidden():
                self.grid.addWidget(button, rows, 0)  # kept in the layout, shown again by reflow

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.reflow()

    def event(self, event) -> bool:
        if event.type() == event.Type.LayoutRequest:  # a key shown or hidden
            QTimer.singleShot(0, self, self.reflow)  # cancelled if the bar is deleted first
        return super().event(event)


class FlowLayout(QLayout):
    """Widgets left to right at their natural sizes, wrapping onto the next line when the row is
    full (the order card's chips: priority, channel, tote)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, centre: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.centre = centre  # the items of a line centred on each other (a chip beside a big title)
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, int, QSize]] = []

        def place() -> None:
            for placed, at, size in line:
                top = y + (line_height - size.height()) // 2 if self.centre else y
                placed.setGeometry(QRect(QPoint(at, top), size))
            line.clear()

        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            hint.setWidth(min(hint.width(), max(area.width(), item.minimumSize().width())))
            if x + hint.width() > area.right() + 1 and line_height > 0:
                if move:
                    place()
                x, y, line_height = area.x(), y + line_height + self.spacing(), 0
            if item.hasHeightForWidth():
                hint.setHeight(item.heightForWidth(hint.width()))
            line.append((item, x, hint))
            x += hint.width() + self.spacing()
            line_height = max(line_height, hint.height())
        if move:
            place()
        return y + line_height - rect.y() + margins.bottom()


# ------------------------------------------------------------ short screens

SHORT_PX = 640  # a window less high than this (1366×768 at 125 %: 614 px, at 150 %: 512) is "short"


def screen_room(widget: QWidget) -> QSize:
    """The room the widget's screen offers (its available geometry), or a 1024×768 bench's."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1024, 768)


def fit_minimum(widget: QWidget, width: int, height: int) -> None:
    """A minimum size of width×height, or the screen's room where the screen is smaller: a 1366×768
    monitor at 150 % is 911×512 to Qt, a 1280×720 one 853×480; the window must still fit on it."""
    room = screen_room(widget)
    widget.setMinimumSize(min(width, room.width()), min(height, room.height()))


def is_short(widget: QWidget) -> bool:
    """Is the widget's window less high than SHORT_PX (a scaled 768 or 720 px monitor)?"""
    window = widget.window()
    return window is not None and 0 < window.height() < SHORT_PX


class ShortScroll(QScrollArea):
    """A screen's area that scrolls rather than squeezes: on a short window (1280×720 at 150 % is
    480 px high) the screens keep their texts whole, and the secondary lines at the bottom are
    a scroll away; on every other window it never scrolls and shows no frame."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortScroll")
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # scans and keys go to the window, never to the scroller
        # Its look is in the theme's sheet (app.ui.theme): a sheet of its own, set over the whole screen it
        # holds, re-polished every widget of that screen (a third of the window's build time).
        self.viewport().setAutoFillBackground(False)
        self.short: bool | None = None

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        short = is_short(self)
        if short != self.short:  # the window crossed SHORT_PX: its banner, keys and cards tighten or relax
            self.short = short
            for widget in self.window().findChildren(QWidget):
                if hasattr(widget, "set_short"):
                    widget.set_short(short)


# ------------------------------------------------------------ narrow screens


class Columns(QWidget):
    """Two panels side by side where both fit at their minimum widths, one above the other where
    they do not (a 1024×768 monitor at 150 % is 683 px wide to Qt: the order card beside its lines,
    the return beside its grade keys, would run past the window's edge).

    Its minimum width is the stacked one (the wider panel's), so a window never grows sideways for
    it; its minimum height is that of the arrangement it shows. `min_side_by_side`: the narrowest
    width to put them side by side (a table's minimum is not what its columns need to be read).
    `second_on_top`: stacked, the
    second panel comes first (what to do now above the context), and `changed(stacked)` lets the
    owner loosen what only suits side by side (a maximum width).
    """

    changed = Signal(bool)

    def __init__(self, first: QWidget, second: QWidget, *, stretch: tuple[int, int] = (1, 1), spacing: int = 16,
                 second_on_top: bool = False, min_side_by_side: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.second = first, second
        self.min_side_by_side = min_side_by_side  # narrower than this, stacked even if the minimums fit (tables)
        self.stretch = stretch
        self.second_on_top = second_on_top
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the minimum is ours (minimumSizeHint)
        self.box.addWidget(first, stretch[0])
        self.box.addWidget(second, stretch[1])
        self.stacked = False

    @staticmethod
    def _min_width(widget: QWidget) -> int:
        if widget.isHidden():
            return 0
        return max(widget.minimumSizeHint().width(), widget.minimumWidth())

    def side_by_side_width(self) -> int:
        return max(self.min_side_by_side,
                   self._min_width(self.first) + self._min_width(self.second) + self.box.spacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        height = self.box.minimumSize().height()
        return QSize(max(self._min_width(self.first), self._min_width(self.second)), height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.box.sizeHint().expandedTo(self.minimumSizeHint())

    def reflow(self) -> None:
        stacked = self.width() < self.side_by_side_width()
        if stacked == self.stacked:
            return
        self.stacked = stacked
        if stacked:
            self.box.setDirection(QBoxLayout.Direction.BottomToTop if self.second_on_top
                                  else QBoxLayout.Direction.TopToBottom)
            self.box.setStretch(0, 0)  # one above the other: each as high as it needs, the rest scrolls
            self.box.setStretch(1, 0)
        else:
            self.box.setDirection(QBoxLayout.Direction.LeftToRight)
            self.box.setStretch(0, self.stretch[0])
            self.box.setStretch(1, self.stretch[1])
        self.changed.emit(stacked)
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.reflow()

    def event(self, event) -> bool:
        if event.type() == event.Type.LayoutRequest:  # a panel's minimum changed: do both still fit?
            QTimer.singleShot(0, self, self.reflow)
        return super().event(event)


class WrapButton(QPushButton):
    """A key whose words wrap onto a second (third) line where its width is too narrow for them
    ("Return to vendor / Shift+F6" in a third of a 270 px panel), growing as high as its lines
    need; never cut, never elided. Its minimum width is its longest word's (the theme's
    min-width sets a button's minimum size, which would otherwise let a layout squeeze it below
    its words). Set its words with set_words (setText is re-wrapped away at the next resize)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.words = text
        self.base_height = 0  # as set by setMinimumHeight: the key's own height, lines or not
        self.base_width = 0
        self.hint_width = 0  # the width it asks for where there is room (keys of one width in a row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_words(self, text: str) -> None:
        self.words = text
        self.setText(text)
        self.updateGeometry()
        self._wrap()

    def setMinimumHeight(self, height: int) -> None:  # noqa: N802 - Qt's name
        self.base_height = height
        self._wrap()

    def setMinimumWidth(self, width: int) -> None:  # noqa: N802 - Qt's name
        self.base_width = width
        self._wrap()

    def _padding(self) -> QSize:
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        option = QStyleOptionButton()
        self.initStyleOption(option)
        contents = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        if contents.width() <= 0:
            return QSize(16, 8)
        return QSize(self.width() - contents.width(), self.height() - contents.height())

    def _lines(self, width: int) -> list[str]:
        fm = self.fontMetrics()
        lines: list[str] = []
        for paragraph in self.words.split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if line and fm.horizontalAdvance(candidate) > width:
                    lines.append(line)
                    line = word
                else:
                    line = candidate
            lines.append(line)
        return lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as its words on their own lines (the layout narrows it to what it has)."""
        fm = self.fontMetrics()
        width = max((fm.horizontalAdvance(line) for line in self.words.split("\n")), default=0)
        # As high as its minimum (its own height, or its lines'): a fixed-height key is laid out at its hint.
        height = max(super().sizeHint().height(), self.minimumHeight())
        return QSize(max(width + self._padding().width(), self.hint_width), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(word) for word in self.words.split()), default=0)
        return QSize(longest + self._padding().width(), super().minimumSizeHint().height())

    def _wrap(self) -> None:
        padding = self._padding()
        lines = self._lines(self.width() - padding.width())
        text = "\n".join(lines)
        if text != self.text():
            self.setText(text)
        needs = len(lines) * self.fontMetrics().lineSpacing() + padding.height()
        height = max(needs, self.base_height, super().sizeHint().height())
        width = max(self.base_width, self.minimumSizeHint().width())
        if (width, height) != (self.minimumWidth(), self.minimumHeight()):
            super().setMinimumSize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._wrap()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):  # a new theme's text size
            self.updateGeometry()
            self._wrap()

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == event.Type.Polish:  # the theme's min-height has just replaced our minimum
            self._wrap()
        return handled


class ScreenStack(QStackedWidget):
    """A stack of screens whose minimum is the shown screen's, not the widest of them all.

    Qt's QStackedWidget asks every page for its minimum, and a hidden page's is stale: its
    layout is not re-run while it is hidden, so a screen last laid out on a wide window (the
    weighing screen's cards at 1366 px) would keep a window at 683 px (1024×768 at 150 %) from
    fitting its width. The shown screen is the one the packer reads; a screen fits itself to
    the room when it is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()
