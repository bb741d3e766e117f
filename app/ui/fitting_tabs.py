"""Tabs that keep their titles whole (the supervisor's console, the station settings dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget


class FittingTabs(QTabWidget):
    """Tabs that keep their titles whole: each has a full and a short title, and where the full
    ones do not fit side by side (683 px, a 1024×768 monitor at 150 %, in German) every tab shows
    its short one, the full one in its tooltip, rather than the bar growing scroll arrows. The
    choice is made anew when the window's width or a title changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: list[tuple[str, str]] = []  # (full, short) by index
        self.short = False

    def add_tab(self, widget: QWidget, full: str, short: str) -> int:
        index = self.addTab(widget, full)
        self._titles.insert(index, (full, short))
        self._fit()
        return index

    def set_titles(self, widget: QWidget, full: str, short: str) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self._titles[index] = (full, short)
            self._fit()

    def titles(self, index: int) -> tuple[str, str]:
        return self._titles[index]

    def full_width(self) -> int:
        """The width the bar needs to show every full title (a window sizing itself to its tabs)."""
        self.ensurePolished()  # the style sheet's font and padding, before the window is first shown
        self._show(False)
        width = self.tabBar().sizeHint().width()
        self._show(self.short)
        return width

    def _show(self, short: bool) -> None:
        for index, (full, brief) in enumerate(self._titles):
            self.setTabText(index, brief if short else full)
            self.setTabToolTip(index, full.replace("&&", "&") if short and brief != full else "")

    def _fit(self) -> None:
        if not self._titles:
            return
        bar = self.tabBar()
        self._show(False)
        short = bar.sizeHint().width() > self.width()
        if short:
            self._show(True)
        self.short = short
        # Cut with an ellipsis only should even the short titles not fit. Never otherwise: Qt measures a
        # title with the bar's font, not the style sheet's tab font (the console's 15 px tabs on a 22 px
        # window), and would cut titles that fit ("Fl…").
        too_wide = short and bar.sizeHint().width() > self.width()
        bar.setElideMode(Qt.TextElideMode.ElideRight if too_wide else Qt.TextElideMode.ElideNone)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):  # the titles' widths changed
            self._fit()
