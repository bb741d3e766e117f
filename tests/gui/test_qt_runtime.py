"""The Qt binding itself must survive a shift of scans: no reference to None lost per call.

PySide6 6.12.0 built for the limited API assumes Python 3.12's immortal None; on 3.11 every
void call (QLabel.setText...) drops a reference to None and the station aborts after a few
thousand screen updates ("Fatal Python error: none_dealloc").
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from app.ui.app import qt_runtime_problem


def test_widget_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(50):  # warm caches
        label.setText("warm")
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText(str(i))
        label.setEnabled(True)
    assert sys.getrefcount(None) - before > -100, qt_runtime_problem() or "PySide6 loses references to None"


def test_the_runtime_check_agrees_with_the_installed_binding():
    assert qt_runtime_problem() is None
