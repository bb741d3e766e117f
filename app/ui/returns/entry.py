"""The way into returns mode from a packing station's window.

`install(window)` (called by MainWindow._build) adds a "Returns" button to the top bar and the
Ctrl+Shift+R shortcut. They show while someone is signed in and no order is open. Returns mode
opens the ReturnsWindow over the packing window and, while it is open:

- every scan (keyboard wedge or serial scanner) goes to the returns bench, through the packing
  window's own scan path (`_capture`, the hook its admin gate uses for the same purpose);
- the packing window's keys are switched off (both windows use F2–F12), and switched back on,
  as the packing window's state says, when returns mode closes;
- labels print through the packing station's print queue (one queue per station);
- the bench camera is the packing window's (BenchHardware.camera): it photographs returned units;
- the packing window's kiosk focus (app.ui.kiosk_focus) works for the returns window: after a
  scan, after a dialog, and for an F-key pressed while no window is active, the keyboard goes to
  the returns window, never to the packing window behind it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app.domain.events import Tone
from app.ui.header_entry import add_header_entry

SHORTCUT = "Ctrl+Shift+R"
_OPEN_PHASES = ("awaiting_order", "done")  # packing phases from which the bench may switch


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReturnsEntry", text)


def _application() -> QCoreApplication:
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("returns mode needs the running application")
    return app


def _allowed(window: Any) -> bool:
    state = window.state
    return bool(window.ready) and state.packer is not None and state.phase.value in _OPEN_PHASES


def install(window: Any) -> None:
    """Add the button and shortcut to a (re)built station window."""
    add_header_entry(window, attribute="returns_button", text=_tr("Returns"), object_name="ReturnsButton",
                     tooltip=_tr("Switch this station to returns mode ({0})").format(SHORTCUT),
                     accessible_name=_tr("Returns mode"), shortcut=SHORTCUT, allowed=_allowed,
                     open_mode=open_from_station, update=_update)


def _update(window: Any) -> None:
    button = getattr(window, "returns_button", None)
    if button is not None:
        button.setVisible(window.state.packer is not None)
        button.setEnabled(_allowed(window))
        button.setToolTip(_tr("Switch this station to returns mode ({0})").format(SHORTCUT) if _allowed(window)
                          else _tr("Finish or hold the open order first."))
    mode = getattr(window, "returns_mode", None)
    if mode is not None:
        mode.keys_off()  # the packing window re-enabled its keys while rendering: not while returns is open


class _ReturnsMode(QObject):
    """Holds what returns mode changed on the packing window, and gives it back."""

    def __init__(self, window: Any, returns: Any) -> None:
        super().__init__(returns)
        self.window = window
        self.returns = returns
        self.keys: dict[QAction, bool] = {}  # what the packing window's state says each key should be
        window._capture = returns.submit_scan
        self.kiosk = getattr(window, "kiosk", None)
        if self.kiosk is not None:
            self.kiosk.window = returns  # scans and closed dialogs give the keyboard to the returns window
        self.keys_off()
        window.installEventFilter(self)
        _application().aboutToQuit.connect(returns.shutdown)

    def keys_off(self) -> None:
        for action in self.window.actions():
            if action.isEnabled():
                self.keys[action] = True
                action.setEnabled(False)
            else:
                self.keys.setdefault(action, False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.returns.close()  # the packing window closes: returns mode first (its worker finishes)
        return False

    def restore(self) -> None:
        window = self.window
        window.removeEventFilter(self)
        with contextlib.suppress(RuntimeError, TypeError):
            _application().aboutToQuit.disconnect(self.returns.shutdown)
        if window._capture == self.returns.submit_scan:
            window._capture = None
        current = set(window.actions())
        for action, enabled in self.keys.items():
            if action in current:
                action.setEnabled(enabled)
        window.returns_mode = None
        if hasattr(window, "_render"):  # the packing keys as its state says now (it may have changed meanwhile)
            window._render(window.state, None)
        window.returns_window = None
        if self.kiosk is not None and self.kiosk.window is self.returns:
            self.kiosk.window = window
        window.activateWindow()
        if self.kiosk is not None:
            self.kiosk.take_focus()
        # The last packing message may have been a STOP: coming back is news, not an alarm.
        window.banner.show_message(Tone.INFO, "packing", _tr("Back to packing."))


def _print_via_station(window: Any) -> Callable[[list, str, Callable[[Any], None]], None]:
    from app.ui.returns.jobs import submit_labels

    def print_labels(labels: list, reference: str, done: Callable[[Any], None]) -> None:
        window.run_job(submit_labels(labels, reference), "returns_print", done)

    return print_labels


def _bench_camera(window: Any) -> Any:
    """The packing window's box camera (one device per bench), or None when none is configured."""
    hardware = getattr(window, "hardware", None)
    return getattr(hardware, "camera", None)


def open_from_station(window: Any) -> Any:
    from app.ui.returns.window import ReturnsWindow

    current = getattr(window, "returns_window", None)
    if current is not None:
        current.raise_()
        current.activateWindow()
        return current
    if window.config is None:
        return None
    returns = ReturnsWindow(window.config, window.paths, user=window.state.packer, sounds=window.sounds,
                            print_labels=_print_via_station(window), camera=lambda: _bench_camera(window),
                            parent=window)
    mode = _ReturnsMode(window, returns)
    window.returns_window = returns
    window.returns_mode = mode
    returns.closed.connect(mode.restore)
    returns.setGeometry(window.geometry())
    if window.isFullScreen():
        returns.showFullScreen()
    else:
        returns.show()
    returns.raise_()
    returns.activateWindow()
    return returns
