"""Kiosk focus: the station's window takes the keyboard on start, after a dialog and after a scan,
and its function keys work even while no window of the application is active (a bench without a
window manager, where nothing activates the window)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

ROOT = Path(__file__).resolve().parents[2]


def deactivate() -> None:
    """What a bench without a window manager looks like to Qt: no window of the app is active."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(None)
    assert QApplication.activeWindow() is None


def press(window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the X server delivers it to the application (not through an active window)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(window, QKeyEvent(kind, key, modifiers))


def test_the_window_takes_the_keyboard_when_it_is_shown(gui, qtbot):
    """GIVEN the station's window just started
    THEN it is the active window, without a click."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.window, timeout=3000)


def test_f4_confirms_while_no_window_is_active(packer, qtbot):
    """GIVEN a packer on order 1007, whose packing instructions wait for CONFIRM, on a bench where
    nothing activated the window
    WHEN they press F4
    THEN the instructions are confirmed (the function key worked without a click) and the window
    has the keyboard again."""
    assert packer.scan("1007") == "confirm_instructions"
    deactivate()
    press(packer.window, Qt.Key.Key_F4)
    packer.wait()
    assert packer.window.last_outcome.code == "instructions_confirmed"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is packer.window, timeout=3000)


def test_a_window_shortcut_runs_while_no_window_is_active(gui, qtbot):
    """GIVEN the station's window, no window active (Qt runs a window's own shortcut, F11 full
    screen, only while it is active)
    WHEN F11 is pressed
    THEN the kiosk filter runs it: the window goes full screen, and back with F11 again."""
    window = gui.window
    was = window.isFullScreen()
    deactivate()
    before = window.kiosk.triggered
    # The key as it reaches the application's event filters (a spontaneous key from the X server
    # meets the filters before any shortcut; a test's sent key would meet Qt's shortcuts first).
    handled = window.kiosk.eventFilter(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F11,
                                                         Qt.KeyboardModifier.NoModifier))
    assert handled and window.kiosk.triggered == before + 1
    qtbot.waitUntil(lambda: window.isFullScreen() is not was, timeout=3000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.toggle_fullscreen()
    assert window.isFullScreen() is was


def test_a_key_that_is_no_shortcut_is_left_alone(gui):
    """GIVEN no window active
    WHEN a letter reaches the application (a scan's characters)
    THEN the kiosk filter lets it through to the keyboard wedge."""
    deactivate()
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert gui.window.kiosk.eventFilter(gui.window, event) is False


def test_f2_opens_the_typing_dialog_and_the_window_takes_the_keys_back_when_it_closes(packer, qtbot):
    """GIVEN a signed-in packer, no window active
    WHEN they press F2, then close the dialog with Escape
    THEN the dialog opened (F2 worked) and, once it closed, the window is active again: F4 and
    scans reach it without a click."""
    deactivate()
    press(packer.window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=3000)
    dialog = QApplication.activeModalWidget()
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is packer.window, timeout=3000)
    assert QApplication.activeModalWidget() is None


def test_a_scan_gives_the_window_the_keyboard(packer, qtbot):
    """GIVEN a signed-in packer, no window active (keys reach the app, the window is not active)
    WHEN a scan arrives
    THEN the window is active again after it."""
    deactivate()
    assert packer.scan("1001") == "order_opened"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is packer.window, timeout=3000)


def test_keys_pressed_while_a_dialog_is_open_belong_to_the_dialog(packer, qtbot):
    """GIVEN the typing dialog open and no window active
    WHEN F4 is pressed
    THEN the window's Confirm does not run behind the dialog."""
    assert packer.scan("1007") == "confirm_instructions"
    press(packer.window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=3000)
    dialog = QApplication.activeModalWidget()
    deactivate()
    before = packer.window.kiosk.triggered
    press(packer.window, Qt.Key.Key_F4)
    assert packer.window.kiosk.triggered == before
    assert packer.window.last_outcome.code == "confirm_instructions"
    dialog.reject()


# -- a real X server with no window manager -------------------------------------------------------

KIOSK_PROBE = r'''
import sys, time
from PySide6.QtWidgets import QApplication
from app.ui.app import build_window, start_job
app = QApplication(sys.argv)
window = build_window([], job=start_job(seed=None, demo=True))
window.showNormal(); window.resize(1024, 700)
deadline = time.monotonic() + 30
while not window.ready and time.monotonic() < deadline:
    app.processEvents(); time.sleep(0.01)
for _ in range(50):
    app.processEvents(); time.sleep(0.01)
print("READY active=%s" % (QApplication.activeWindow() is window), flush=True)
start = time.monotonic()
while time.monotonic() - start < 20:
    app.processEvents(); time.sleep(0.01)
    if QApplication.activeModalWidget() is not None:  # F2 opened its dialog
        print("F-KEY by-filter=%d" % window.kiosk.triggered, flush=True)
        break
window.shutdown()
'''


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool")
def test_f_keys_work_under_a_real_x_server_without_a_window_manager(tmp_path):
    """GIVEN the station started on Xvfb with no window manager (a kiosk)
    WHEN xdotool presses F2 without clicking anything, the pointer off the window
    THEN the window ran its F2 action (its dialog opened). ~15 s: starts the app on a demo database."""
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PACKSTATION_HOME": str(tmp_path)}
    try:
        time.sleep(1)
        # The pointer off the window: with no window manager X sends keys to the window under the
        # pointer unless the application takes the input focus itself.
        subprocess.run(["xdotool", "mousemove", "1270", "1015"], env=env, check=True)
        probe = subprocess.Popen([sys.executable, "-c", KIOSK_PROBE], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        output = []
        for line in probe.stdout:
            output.append(line)
            if line.startswith("READY"):
                time.sleep(1)
                subprocess.run(["xdotool", "key", "F2"], env=env, check=True)
            if line.startswith("F-KEY"):
                break
        probe.wait(timeout=60)
        assert any(line.startswith("F-KEY") for line in output), "".join(output)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
