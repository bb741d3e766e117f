"""Keyboard focus on a kiosk: the window takes it, and its function keys work whatever holds it.

On a bench without a window manager nothing activates the station's window: X sends the keys
to it (a keyboard-wedge scanner's scans arrive, through the application-wide wedge filter), but
Qt runs a shortcut only while one of the application's windows is active, so F2, F4... did nothing
until someone clicked the window. Two things here:

- `take_focus()`: raise, activate (QWidget.activateWindow; on X11 without a window manager Qt
  sets the input focus itself, no xdotool needed) and focus the window. Run when the window is
  first shown (again once it is mapped), after every dialog closes and after every scan.
- an application event filter: a key press that reaches the application while no window of it
  is active, and that is the shortcut of one of the window's actions, triggers that action
  (what Qt's shortcut map would have done had the window been active). With an active window
  Qt's own shortcuts run and this filter stays out of the way (nothing runs twice); with a
  dialog open, the keys belong to the dialog.
"""

from __future__ import annotations

import logging
import warnings

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget

log = logging.getLogger(__name__)

_SETTLE_MS = (0, 150, 600)  # after show: now, once mapped, and once the X server has caught up


class KioskFocus(QObject):
    """Install once per main window: `KioskFocus(window)`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.triggered = 0  # function keys this filter ran while no window was active (for tests, logs)
        app = QApplication.instance()
        assert app is not None, "KioskFocus needs the QApplication"
        app.installEventFilter(self)
        wedge = getattr(window, "wedge", None)
        if wedge is not None and hasattr(wedge, "scanned"):
            wedge.scanned.connect(lambda *_: self.take_focus())

    # -- focus

    def take_focus(self) -> None:
        window = self.window
        if not shiboken6.isValid(window):
            return  # a focus timer that outlived its window (closed, deleted): nothing to focus
        if not window.isVisible() or QApplication.activeModalWidget() is not None:
            return  # a dialog has the keys until it closes
        window.raise_()
        window.activateWindow()
        handle = window.windowHandle()
        if handle is not None:
            handle.requestActivate()
        if QApplication.activeWindow() is None:
            # The platform did not (yet) report the activation — X without a window manager may
            # never send the FocusIn. Qt routes shortcuts by its own active window: set it.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(window)
        target = window.focusWidget() or window
        if not target.isVisible() or not target.isEnabled():
            target = window
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _settle(self) -> None:
        for delay in _SETTLE_MS:
            QTimer.singleShot(delay, self.take_focus)

    # -- the application's events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self.window:
            self._settle()
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            QTimer.singleShot(0, self.take_focus)  # a dialog closed: the keys come back to the window
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and QApplication.activeWindow() is None \
                and QApplication.activeModalWidget() is None and self.window.isVisible():
            QTimer.singleShot(0, self.take_focus)  # keys reach the app, its window is not active: take it
            if kind == QEvent.Type.KeyPress:
                return self._shortcut(event)  # type: ignore[arg-type]
        return False

    def _shortcut(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self.window.actions():
            if not action.isEnabled():
                continue
            if any(s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()):
                self.triggered += 1
                log.info("%s with no active window: %s", pressed.toString(), action.text())
                action.trigger()
                QTimer.singleShot(0, self.take_focus)
                return True
        return False
