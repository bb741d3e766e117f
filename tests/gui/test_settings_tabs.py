"""The station settings dialog's six tabs fit its width: the dialog widens to their full titles where
the screen has room, and shows short titles (the full one as tooltip) where it has not, never Qt's
scroll arrows (the screen-fit probe checks every monitor size: tests/gui/test_screen_fit.py)."""

from __future__ import annotations

from app.ui.reflow import screen_room
from app.ui.settings_dialog import SettingsDialog, StationValues
from app.ui.ui_settings import UiSettings
from tests.gui.screen_fit import overflows

FULL = ["Printers", "Scanner", "Serial scanners", "Scale", "Camera", "Screen and sound"]
SHORT = ["Printers", "Scanner", "Serial", "Scale", "Camera", "Screen"]
TAB_TEXT = "QTabBar::tab { font-size: 16px; padding: 4px 16px; }"  # a 768 px monitor's text


def _dialog(qtbot, tmp_path) -> SettingsDialog:
    dialog = SettingsDialog(tmp_path / "station.toml", StationValues(), UiSettings())
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(TAB_TEXT)
    return dialog


def _titles(dialog: SettingsDialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_the_settings_dialog_opens_wide_enough_for_its_full_tab_titles(qtbot, tmp_path):
    """GIVEN the settings dialog with 16 px tab titles (six full titles need ~700 px, more than its 640)
    WHEN it opens on a screen with room for them
    THEN it is as wide as the full titles need and shows them, without scroll arrows."""
    dialog = _dialog(qtbot, tmp_path)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.tabs.full_width() <= screen_room(dialog).width() - 22, "the test screen is too narrow"

    assert dialog.tabs.tabBar().width() >= dialog.tabs.full_width()
    assert _titles(dialog) == FULL
    assert not [problem for problem in overflows(dialog) if "tabs do not fit" in problem]


def test_a_narrow_settings_dialog_shows_short_tab_titles_with_the_full_ones_as_tooltips(qtbot, tmp_path):
    """GIVEN the same dialog on a screen without room for its full tab titles (640 px: a 1024×768
    monitor at 150 % offers 683)
    WHEN it is that wide
    THEN its tabs show their short titles, each shortened one with its full title as tooltip, and
    the bar has no scroll arrows."""
    dialog = _dialog(qtbot, tmp_path)
    dialog.show()
    qtbot.waitExposed(dialog)

    dialog.resize(640, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == 640)

    assert _titles(dialog) == SHORT
    assert dialog.tabs.tabToolTip(2) == "Serial scanners" and dialog.tabs.tabToolTip(5) == "Screen and sound"
    assert dialog.tabs.tabToolTip(0) == ""  # not shortened: nothing more to say
    assert not [problem for problem in overflows(dialog) if "tabs do not fit" in problem]
