"""The screen-fit probe's checks (tests/gui/screen_fit.py) on small widgets, and the layouts they
made fit: the returns bench's grade keys (no overlap), the floor table (no sideways scrolling at
683 px) and the supervisor console's tabs (no scroll arrows). Quick: no station, no probe process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget  # noqa: E402

from app.domain.returns import Disposition, Grade  # noqa: E402
from app.ui.returns.bench_view import StepPanel  # noqa: E402
from app.ui.supervisor.widgets import DataTable, DataTableModel, FittingTabs  # noqa: E402
from tests.gui.floor_table import floor_like  # noqa: E402
from tests.gui.screen_fit import overflows, overlaps  # noqa: E402

IN_HAND = "In hand: MUG-STW-SAN — Stoneware Mug 350 ml — Sand"


def _settle(qtbot, widget: QWidget) -> None:
    for _ in range(4):  # keys re-wrap on resize, their new minimum lays the panel out again
        qtbot.wait(10)


def test_two_keys_over_each_other_are_reported(qtbot):
    """GIVEN two keys in one panel, the second placed over the lower half of the first
    WHEN the overlap check reads the panel
    THEN it names both keys and the pixels they share."""
    panel = QWidget()
    qtbot.addWidget(panel)
    first, second = QPushButton("Resellable F6", panel), QPushButton("changed mind", panel)
    first.setGeometry(0, 0, 160, 60)
    second.setGeometry(0, 30, 160, 60)
    panel.resize(200, 200)
    panel.show()

    found = overlaps(panel)

    assert len(found) == 1
    assert "'Resellable F6'" in found[0] and "'changed mind'" in found[0] and "160×30 px" in found[0]


def test_hidden_keys_stacked_pages_and_tab_arrows_are_not_overlaps(qtbot):
    """GIVEN keys at the same place on two pages of a stack, a hidden key over a shown one, and
    a tab bar too narrow for its tabs (its scroll arrows touch)
    WHEN the overlap check reads the window
    THEN nothing is reported: only what a reader sees side by side counts."""
    window = QWidget()
    qtbot.addWidget(window)
    box = QVBoxLayout(window)
    stack = QStackedWidget()
    for words in ("Scan", "Grade"):
        page = QWidget()
        QPushButton(words, page).setGeometry(0, 0, 100, 40)
        stack.addWidget(page)
    box.addWidget(stack)
    shown, hidden = QPushButton("Undo", window), QPushButton("Hold", window)
    hidden.hide()
    tabs = QTabWidget()
    for n in range(8):
        tabs.addTab(QWidget(), f"A long tab title {n}")
    box.addWidget(tabs)
    window.resize(300, 300)
    window.show()
    hidden.setGeometry(shown.geometry())

    assert overlaps(window) == []


def test_tab_scroll_arrows_are_reported(qtbot):
    """GIVEN a tab bar whose eight tabs do not fit its 300 px
    WHEN the overflow check reads it
    THEN it says the tabs do not fit (Qt shows scroll arrows)."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    for n in range(8):
        tabs.addTab(QWidget(), f"A long tab title {n}")
    tabs.resize(300, 200)
    tabs.show()

    assert any("tabs do not fit" in problem for problem in overflows(tabs))


def test_the_grade_keys_keep_their_height_when_the_unit_in_hand_wraps(qtbot):
    """GIVEN the returns bench's grade page (four grade keys, two reason keys under each) in a
    narrow panel, the unit in hand's name on three lines
    WHEN the window is as small as the panel's minimum allows
    THEN the panel asked for the wrapped lines' height too, and no reason key is drawn over a grade key
    (they were at 1366×768 and 1024×768 with 150 % scaling)."""
    keys = {grade.value: "F6" for grade in Grade} | {where.value: "F9" for where in Disposition}
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet("QWidget { font-size: 20px; }")  # a bench's text size at 150 %
    box = QVBoxLayout(window)
    panel = StepPanel(lambda grade, reason: None, lambda where: None, keys)
    box.addWidget(panel)
    panel.grade_item.setText(IN_HAND)
    panel.setCurrentWidget(panel.grade)
    window.show()
    window.resize(340, 10)
    _settle(qtbot, window)

    assert panel.grade_item.height() >= 2 * panel.grade_item.fontMetrics().lineSpacing()  # wrapped
    assert overlaps(window) == []


def test_a_narrow_table_drops_its_least_needed_columns_instead_of_scrolling_sideways(qtbot):
    """GIVEN a floor-like table, its columns squeezed to their longest words wider than its room,
    but not without the time of the last activity
    WHEN it is that narrow, and then wide again
    THEN narrow it hides the time of the last activity, and only that (today's orders fit
    without it), and has no sideways scroll bar; wide, every column is back."""
    model = DataTableModel()
    table = DataTable(model, stretch="printer", narrow_drops=("last_activity", "orders_today"))
    qtbot.addWidget(table)
    model.set_table(floor_like())
    table.resize(1400, 200)
    table.show()
    _settle(qtbot, table)
    assert table.dropped() == set()
    frame = table.width() - table.viewport().width()
    every_column, one_less = table.least_width(), table.least_width({"last_activity"})

    table.resize(frame + (every_column + one_less) // 2, 200)
    _settle(qtbot, table)

    assert table.dropped() == {"last_activity"}
    assert not table.horizontalScrollBar().isVisible()

    table.resize(1400, 200)
    _settle(qtbot, table)

    assert table.dropped() == set()
    assert not any(table.isColumnHidden(i) for i in range(model.columnCount()))


def test_tabs_show_their_short_titles_only_where_the_full_ones_do_not_fit(qtbot):
    """GIVEN the console's five tabs with their full and short titles
    WHEN the tabs are 360 px wide, and then 1200 px
    THEN narrow, each shows its short title (the full one as its tooltip) and no scroll arrows;
    wide, the full titles."""
    tabs = FittingTabs()
    qtbot.addWidget(tabs)
    for full, short in (("Floor", "Floor"), ("Productivity", "Productivity"), ("Orders and audit", "Orders"),
                        ("Holds", "Holds"), ("Returns && stock", "Returns")):
        tabs.add_tab(QWidget(), full, short)
    tabs.setStyleSheet("QTabBar::tab { font-size: 12px; padding: 4px 6px; }")
    tabs.resize(360, 200)
    tabs.show()
    _settle(qtbot, tabs)

    assert tabs.short
    assert tabs.tabText(2) == "Orders" and tabs.tabToolTip(2) == "Orders and audit"
    assert not any("tabs do not fit" in problem for problem in overflows(tabs))

    tabs.resize(1200, 200)
    _settle(qtbot, tabs)

    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Floor", "Productivity", "Orders and audit", "Holds", "Returns && stock"]
