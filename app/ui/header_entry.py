"""A button in the station window's top bar, with its shortcut, that opens another mode of the
bench (the supervisor's console, returns mode). The entries call `add_header_entry` from their
`install(window)`, which the window runs each time it (re)builds its widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

Opener = Callable[[Any], Any]


def add_header_entry(window: Any, *, attribute: str, text: str, object_name: str, tooltip: str,
                     accessible_name: str, shortcut: str, allowed: Callable[[Any], bool], open_mode: Opener,
                     update: Callable[[Any], None]) -> QPushButton:
    """The button, kept as `window.<attribute>`; `update(window)` runs now and after every rendered
    outcome (connected once per window, however often the window rebuilds its widgets)."""
    header = getattr(window, "header", None)  # the station window's header: its tools' row
    row = header.right_row if header is not None else window.station_label.parentWidget().layout()
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setToolTip(tooltip)
    button.setAccessibleName(accessible_name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter from a scanner must never press it
    button.clicked.connect(lambda: open_mode(window))
    row.insertWidget(max(0, row.count() - 2), button)  # before "Full screen" and the settings
    action = QAction(text, window)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: allowed(window) and open_mode(window))
    window.addAction(action)
    setattr(window, attribute, button)
    connected: set[str] = window.__dict__.setdefault("_header_entries", set())
    if attribute not in connected:
        connected.add(attribute)
        window.rendered.connect(lambda _result: update(window))
    update(window)
    return button
