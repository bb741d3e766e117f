"""Tabs with full and short titles (app.ui.fitting_tabs, the supervisor's console and the station
settings) never cut a title that fits, and the screen-fit probe reports a tab title Qt cuts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget  # noqa: E402

from app.ui.fitting_tabs import FittingTabs  # noqa: E402
from tests.gui.screen_fit import misfits  # noqa: E402

CONSOLE_TABS = (("Floor", "Floor"), ("Productivity", "Productivity"), ("Orders and audit", "Orders"),
                ("Holds", "Holds"), ("Returns && stock", "Returns"))


def _window(qtbot, tabs: QTabWidget) -> QWidget:
    """The console's look: a 22 px window (a 1080 px monitor) whose tab titles are 15 px bold."""
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet("QWidget { font-size: 22px; } "
                         "QTabBar::tab { font-size: 15px; font-weight: 600; padding: 6px 18px; }")
    QVBoxLayout(window).addWidget(tabs)
    return window


def test_wide_tabs_with_a_smaller_tab_font_show_every_title_whole(qtbot):
    """GIVEN the console's five tabs, their titles in a smaller font than the window's (15 px on 22 px)
    WHEN the window is 1900 px wide, room for every full title
    THEN every tab shows its whole full title (Qt measured titles in the window's font and cut each
    one, "Fl…", while the bar cut titles as a last resort) and the probe reports nothing."""
    tabs = FittingTabs()
    for full, short in CONSOLE_TABS:
        tabs.add_tab(QWidget(), full, short)
    window = _window(qtbot, tabs)
    window.resize(1900, 400)
    window.show()
    qtbot.waitExposed(window)

    assert not tabs.short
    assert tabs.tabBar().elideMode() == Qt.TextElideMode.ElideNone
    assert misfits(window) == []


def test_the_probe_reports_a_tab_title_cut_with_an_ellipsis(qtbot):
    """GIVEN plain Qt tabs that cut titles (ElideRight) in the same window
    WHEN they are drawn
    THEN the screen-fit probe names each cut tab and what it shows instead."""
    tabs = QTabWidget()
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    for full, _short in CONSOLE_TABS:
        tabs.addTab(QWidget(), full)
    window = _window(qtbot, tabs)
    window.resize(1900, 400)
    window.show()
    qtbot.waitExposed(window)

    found = misfits(window)

    assert any("tab 'Floor' shows 'Fl…'" in problem for problem in found), found
