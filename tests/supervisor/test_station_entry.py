"""The way into the console from a packing station: shown to supervisors and admins only."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.ui.supervisor.login import LoginDialog
from tests.gui.conftest import gui, make_gui  # noqa: F401 - the station window fixtures


def test_the_supervisor_button_shows_for_a_supervisor_and_opens_the_console_behind_a_pin(gui):  # noqa: F811
    window = gui.window
    button = window.supervisor_button
    assert button.isHidden()
    assert gui.scan("PS:BADGE:P-1001") == "signed_in"
    assert button.isHidden()  # a packer never sees it
    gui.scan("PS:CMD:SIGN_OUT")
    assert gui.scan("PS:BADGE:S-2001") == "signed_in"
    assert not button.isHidden()
    button.click()
    console = window.supervisor_console
    assert console is not None and not console.tabs.isEnabled()  # nothing shown before the PIN
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible())
    assert dialog.who.text() == "Sam Supervisor"
    # While the console (here its sign-in dialog) is active, a scan goes to it, not to the bench.
    dialog.activateWindow()
    gui.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    assert window.wedge.enabled is False
    window.activateWindow()
    gui.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert window.wedge.enabled is True
    console.close()
    gui.qtbot.waitUntil(lambda: window.supervisor_console is None, timeout=5000)
    assert window.wedge.enabled
