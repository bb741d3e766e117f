"""Returns mode on a kiosk bench, and its bulk tab.

- Kiosk focus (issue 20): the returns window takes the keyboard when it opens, after a dialog and
  after a scan, and its F-keys work while no window of the application is active (a bench with
  no window manager); the packing window behind it never takes the keyboard back while returns
  mode is open, and gets it back when returns mode closes.
- The bulk tab says its own thing on the banner (not the cycle count's); its pack key says what
  packing the chosen order builds (the bulk-shipments service's figures, in the packer's
  language); a key that cannot do anything is never dressed as the next step.
"""

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
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from app.returns.bench_views import BulkView, PackPlan
from app.returns.demo import WHOLESALE_ORDER
from app.ui.i18n import install_language
from tests.gui.test_kiosk_focus import deactivate, press
from tests.gui.test_returns_mode import Bench, bench, open_returns  # noqa: F401 - the fixture

__all__ = ["bench"]

ROOT = Path(__file__).resolve().parents[2]


def test_the_returns_window_has_the_keyboard_when_it_opens(bench: Bench) -> None:
    """GIVEN a packer at a station WHEN returns mode opens THEN the returns window is active, and the
    packing window's kiosk focus works for it while it is open"""
    open_returns(bench)
    window = bench.window
    bench.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert bench.gui.window.kiosk.window is window


def test_after_a_scan_the_returns_window_has_the_keyboard_not_the_packing_window(bench: Bench, monkeypatch) -> None:
    """GIVEN returns mode, no window active (a kiosk: nothing activated anything)
    WHEN a scan arrives through the packing window's keyboard wedge
    THEN the returns bench took it and the returns window is active; nothing activated the packing
    window behind it"""
    open_returns(bench)
    station_activated: list[str] = []
    monkeypatch.setattr(bench.gui.window, "activateWindow", lambda: station_activated.append("packing"))
    deactivate()
    QTest.keyClicks(bench.gui.window, "PS:BADGE:P-1001")
    QTest.keyClick(bench.gui.window, Qt.Key.Key_Return)
    bench.wait()
    assert bench.code() in ("signed_in", "already_signed_in")
    bench.qtbot.waitUntil(lambda: QApplication.activeWindow() is bench.window, timeout=3000)
    QTest.qWait(700)  # the packing window's own settle timers have run: it did not take the keyboard
    assert QApplication.activeWindow() is bench.window and station_activated == []


def test_f2_works_with_no_window_active_and_the_keyboard_comes_back_after_the_dialog(bench: Bench) -> None:
    """GIVEN returns mode, no window active
    WHEN F2 is pressed, then the typing dialog is closed
    THEN the returns window's F2 opened its dialog (no click needed) and, once it closed, the
    returns window is active again"""
    open_returns(bench)
    window = bench.window
    deactivate()
    before = window.kiosk.triggered
    # The key as it reaches the application's filters (a spontaneous key from the X server).
    assert window.kiosk.eventFilter(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F2,
                                                      Qt.KeyboardModifier.NoModifier))
    assert window.kiosk.triggered == before + 1
    bench.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=3000)
    QApplication.activeModalWidget().reject()
    bench.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    QTest.qWait(100)
    assert QApplication.activeWindow() is window


def test_keys_sent_to_the_app_with_no_window_active_reach_the_returns_window(bench: Bench) -> None:
    """GIVEN returns mode, no window active WHEN F2 reaches the application THEN its dialog opens"""
    open_returns(bench)
    deactivate()
    press(bench.window, Qt.Key.Key_F2)
    bench.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=3000)
    QApplication.activeModalWidget().reject()
    bench.qtbot.waitUntil(lambda: QApplication.activeWindow() is bench.window, timeout=3000)


def test_closing_returns_mode_gives_the_keyboard_back_to_the_packing_window(bench: Bench) -> None:
    """GIVEN returns mode WHEN it closes THEN the packing window's kiosk focus is its own again, and it is active"""
    open_returns(bench)
    destroyed: list[bool] = []
    bench.window.destroyed.connect(lambda *_: destroyed.append(True))
    bench.window.close()
    station = bench.gui.window
    bench.qtbot.waitUntil(lambda: bool(destroyed), timeout=3000)  # deleted on close
    bench.qtbot.waitUntil(lambda: station.returns_window is None, timeout=3000)
    assert station.kiosk.window is station
    bench.qtbot.waitUntil(lambda: QApplication.activeWindow() is station, timeout=3000)
    bench.window = None
    # The closed returns window is gone; dialogs opened and closed afterwards reach only the
    # station's kiosk focus (the returns window's left the application's filters when it closed).
    for _ in range(3):
        dialog = QDialog(station)
        dialog.show()
        QTest.qWait(20)
        dialog.close()
        dialog.deleteLater()
        QTest.qWait(20)
    bench.qtbot.waitUntil(lambda: QApplication.activeWindow() is station, timeout=3000)


def test_the_bulk_tab_says_its_own_thing_and_highlights_the_next_step(bench: Bench) -> None:
    """GIVEN returns mode on the cycle count's tab (its banner asks for a bin)
    WHEN the packer opens the bulk tab, packs the demo wholesale order and goes back to returns
    THEN the banner never shows the count's message on the bulk tab; the pack key says what packing
    the order builds (39 cartons on 1 pallet) and is the highlighted key, the pallet-label key is
    off and plain until there are pallets, then it is the highlighted one; back on the returns tab
    the banner is the bench's own"""
    open_returns(bench)
    window = bench.window
    window.tabs.setCurrentWidget(window.count)
    bench.qtbot.waitUntil(lambda: window.idle and window.banner.code.startswith("count"), timeout=5000)
    window.tabs.setCurrentWidget(window.bulk)
    bench.qtbot.waitUntil(lambda: window.bulk.view is not None and window.idle, timeout=5000)
    assert window.banner.code == "bulk_ready" and "count" not in window.banner.code
    panel = window.bulk
    assert panel.current() == WHOLESALE_ORDER
    assert panel.pack.text() == "Pack what is left\n39 carton(s) on 1 pallet(s)"  # 240/12 + 120/12 + 48/12 + 60/12
    assert "12 units" in panel.pack.toolTip() and "40 cartons" in panel.pack.toolTip()
    assert panel.pack.objectName() == "Primary" and panel.pack.isEnabled()
    assert not panel.pallet_labels.isEnabled() and panel.pallet_labels.objectName() != "Primary"
    assert panel.pallet_labels.toolTip()  # says why it is off
    panel.pack.click()
    bench.qtbot.waitUntil(lambda: window.idle and window.bulk.view.complete, timeout=10000)
    totals = panel.view.asn["totals"]
    assert (totals["cartons"], totals["pallets"]) == (39, 1)
    assert not panel.pack.isEnabled() and panel.pack.objectName() != "Primary"
    assert panel.pallet_labels.isEnabled() and panel.pallet_labels.objectName() == "Primary"
    window.tabs.setCurrentIndex(0)
    assert window.banner.code not in ("bulk_ready", "bulk_packed") and not window.banner.code.startswith("count")


def test_the_pack_key_speaks_german(qapp) -> None:
    """GIVEN a German station WHEN the bulk tab shows an order with units left THEN its keys are German"""
    from app.ui.returns.bulk_view import BulkPanel

    assert install_language("de")
    try:
        panel = BulkPanel()
        panel.render(BulkView("W-1", {"totals": {"pallets": 0, "cartons": 0, "units": 0}}, False, {"SOCK-M": 30},
                              PackPlan(12, 40, units=30, cartons=3, pallets=1)))
        assert panel.pack.text() == "Rest packen\n3 Karton(s) auf 1 Palette(n)"
        assert panel.pack.toolTip().startswith("30 Stück offen")
        assert panel.pallet_labels.toolTip() == "Noch keine Paletten: zuerst den Auftrag packen."
        panel.deleteLater()
    finally:
        install_language("en")


# -- a real X server with no window manager -------------------------------------------------------

RETURNS_KIOSK_PROBE = r'''
import sys, time
from PySide6.QtWidgets import QApplication
from app.ui.app import build_window, start_job
from app.ui.returns.entry import open_from_station
app = QApplication(sys.argv)
window = build_window([], job=start_job(seed=None, demo=True))
window.showNormal(); window.resize(1024, 700)

def pump(seconds, until=lambda: False):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        app.processEvents(); time.sleep(0.01)

pump(30, lambda: window.ready)
window.submit_scan("PS:BADGE:P-1001")
pump(10, lambda: window.ready and window.idle and window.state.packer is not None)
returns = open_from_station(window)
pump(30, lambda: returns.ready and returns.idle)
pump(0.5)
print("READY active=%s" % (QApplication.activeWindow() is returns), flush=True)
for step in ("F-KEY", "AFTER-DIALOG"):
    pump(20, lambda: QApplication.activeModalWidget() is not None)  # F2 opened the typing dialog
    dialog = QApplication.activeModalWidget()
    print("%s dialog=%s" % (step, dialog is not None), flush=True)
    if dialog is None:
        break
    dialog.reject()
    pump(1)
    print("CLOSED", flush=True)
returns.close(); window.shutdown()
'''


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool")
def test_returns_f_keys_work_under_a_real_x_server_without_a_window_manager(tmp_path):
    """GIVEN a demo station on Xvfb with no window manager, a packer signed in, returns mode open
    WHEN xdotool presses F2 (no click, the pointer off the window), the dialog is closed, and F2 again
    THEN the returns window's F2 opened its typing dialog both times: it had the keyboard when it
    opened and got it back after the dialog. ~20 s: starts the app on a demo database."""
    display = ":96"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PACKSTATION_HOME": str(tmp_path)}
    try:
        time.sleep(1)
        subprocess.run(["xdotool", "mousemove", "1270", "1015"], env=env, check=True)
        probe = subprocess.Popen([sys.executable, "-c", RETURNS_KIOSK_PROBE], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        output = []
        assert probe.stdout is not None
        for line in probe.stdout:
            output.append(line)
            if line.startswith(("READY", "CLOSED")):
                time.sleep(1)
                subprocess.run(["xdotool", "key", "F2"], env=env, check=True)
        probe.wait(timeout=90)
        text = "".join(output)
        assert "F-KEY dialog=True" in text and "AFTER-DIALOG dialog=True" in text, text
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
