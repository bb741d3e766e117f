"""The way into the supervisor's console from a packing station's window.

`install(window)` (called by MainWindow._build) adds a "Supervisor" button to the station's top
bar and the Ctrl+Shift+S shortcut. Both show only while a supervisor or admin is signed in at
the bench; the console still asks for the PIN (a badge alone is not enough to read everyone's
figures). While the console has the focus the station's keyboard wedge is switched off, so a
badge or an order scanned into the console goes there, not to the packing session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.header_entry import add_header_entry

SHORTCUT = "Ctrl+Shift+S"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorEntry", text)


def _allowed(window: Any) -> bool:
    packer = getattr(window.state, "packer", None)
    return packer is not None and packer.role.can_override


def install(window: Any) -> None:
    """Add the button and shortcut to a (re)built station window."""
    add_header_entry(window, attribute="supervisor_button", text=_tr("Supervisor"), object_name="SupervisorButton",
                     tooltip=_tr("Open the supervisor's console ({0})").format(SHORTCUT),
                     accessible_name=_tr("Supervisor console"), shortcut=SHORTCUT, allowed=_allowed,
                     open_mode=open_from_station, update=_update)


def _update(window: Any) -> None:
    button = getattr(window, "supervisor_button", None)
    if button is not None:
        button.setVisible(_allowed(window))


class _WedgeGuard(QObject):
    """Switches the station's wedge off while the console (or one of its dialogs) is active."""

    def __init__(self, wedge: Any, console: QWidget) -> None:
        super().__init__(console)
        self.wedge = wedge
        self.console = console
        self.saved: bool | None = None  # the wedge's state when the console took the focus

    def _inside(self, widget: QWidget | None) -> bool:
        while widget is not None:
            if widget is self.console:
                return True
            widget = widget.parentWidget()
        return False

    def follow(self, *_args: Any) -> None:
        inside = self._inside(QApplication.activeWindow())
        if inside and self.saved is None:
            self.saved, self.wedge.enabled = self.wedge.enabled, False
        elif not inside and self.saved is not None:
            self.wedge.enabled, self.saved = self.saved, None

    def release(self) -> None:
        if self.saved is not None:
            self.wedge.enabled, self.saved = self.saved, None


def open_from_station(window: Any) -> Any:
    from app.supervisor.console_start import database_url
    from app.ui.supervisor.window import open_console

    console = getattr(window, "supervisor_console", None)
    if console is not None:
        console.raise_()
        console.activateWindow()
        return console
    config, paths = window.config, window.paths
    url = database_url(config, paths)
    packer = window.state.packer
    console = open_console(url, parent=window, who=packer.name if packer else "", photo_root=paths.data_dir,
                           source=_tr("Station {0}").format(config.station) if config is not None else "")
    guard = _WedgeGuard(window.wedge, console)
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # the station's window runs in one
    app.focusWindowChanged.connect(guard.follow)
    guard.follow()
    window.supervisor_console = console

    def closed() -> None:
        app.focusWindowChanged.disconnect(guard.follow)
        guard.release()
        window.supervisor_console = None

    console.destroyed.connect(closed)
    return console
