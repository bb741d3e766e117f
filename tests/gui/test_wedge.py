"""Keyboard-wedge scanners: bursts become scans, people's typing reaches the focused field."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.wedge import KeyboardWedge, WedgeSettings


@pytest.fixture
def field(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


@pytest.fixture
def wedge(qapp):
    made = []

    def make(**settings) -> tuple[KeyboardWedge, list[str]]:
        w = KeyboardWedge(WedgeSettings(**settings))
        scans: list[str] = []
        w.scanned.connect(scans.append)
        qapp.installEventFilter(w)
        made.append(w)
        return w, scans

    yield make
    for w in made:
        qapp.removeEventFilter(w)


def test_a_fast_burst_with_enter_is_a_scan_and_never_reaches_the_field(field, wedge):
    _, scans = wedge()
    QTest.keyClicks(field, "4006381333931")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["4006381333931"]
    assert field.text() == ""


def test_tab_ends_a_scan_too_and_does_not_move_the_focus(field, wedge):
    _, scans = wedge()
    QTest.keyClicks(field, "PS:CMD:UNDO\t")
    assert scans == ["PS:CMD:UNDO"]
    assert field.hasFocus()


def test_a_person_typing_reaches_the_field_in_order(field, wedge, qtbot):
    _, scans = wedge()
    for ch in "1234":
        QTest.keyClick(field, ch)
        qtbot.wait(70)  # people type ~100-300 ms apart
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "1234"
    assert scans == []


def test_a_short_burst_is_not_a_scan(field, wedge, qtbot):
    _, scans = wedge(min_length=4)
    QTest.keyClicks(field, "ab")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert scans == []
    assert field.text() == "ab"


def test_prefix_mode_passes_typing_straight_through(field, wedge):
    _, scans = wedge(mode="prefix", prefix="~")
    QTest.keyClicks(field, "hello")
    assert field.text() == "hello"  # no hold-back delay at all
    QTest.keyClicks(field, "~1001\r")
    assert scans == ["1001"]
    assert field.text() == "hello"


def test_gs1_group_separator_sent_as_ctrl_bracket_is_kept(field, wedge):
    _, scans = wedge()
    QTest.keyClicks(field, "0109506000134352")
    QTest.keyClick(field, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "10LOT7\r")
    assert scans == ["0109506000134352\x1d10LOT7"]


def test_suffixless_scanner_ends_a_scan_at_the_pause(field, wedge, qtbot):
    _, scans = wedge(suffix="none")
    QTest.keyClicks(field, "TOTE-0001")
    qtbot.waitUntil(lambda: scans == ["TOTE-0001"], timeout=1000)
    assert field.text() == ""


def _post_keys(target, text: str, start_ms: int, step_ms: int = 4) -> int:
    """Queue key events the way X11 delivers them: each with the time the key was pressed."""
    stamp = start_ms
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key(ord(ch.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(stamp)
            QApplication.postEvent(target, event)
        stamp += step_ms
    return stamp


def test_a_scan_is_not_split_when_the_gui_freezes_in_the_middle_of_it(field, wedge, qtbot):
    _, scans = wedge()
    stamp = _post_keys(field, "ABC", 1000)
    QTimer.singleShot(0, lambda: time.sleep(0.12))  # the GUI thread blocks mid-burst
    stamp = _post_keys(field, "1234567", stamp)
    _post_keys(field, "\r", stamp)
    qtbot.waitUntil(lambda: bool(scans), timeout=2000)
    qtbot.wait(100)
    assert scans == ["ABC1234567"]
    assert field.text() == ""


def test_200_scans_typed_back_to_back_reach_the_station_in_order(gui, qtbot):
    """The worker is slow and the screen renders between bursts; nothing is lost, merged or split."""
    seen: list[str] = []

    def spy(ctx) -> None:
        real = ctx.station.scan

        def scan(raw, manual=False):
            seen.append(raw)
            time.sleep(0.001)  # the database is busy: scans queue up behind each other
            return real(raw, manual=manual)

        ctx.station.scan = scan

    gui.window.run_job(spy, "spy")
    gui.wait()
    expected = [f"P-{i:04d}X" for i in range(200)]
    for i, code in enumerate(expected):
        QTest.keyClicks(gui.window, code)
        QTest.keyClick(gui.window, Qt.Key.Key_Return)
        if i % 25 == 0:
            QApplication.processEvents()  # let results render mid-stream: the UI is busy painting
    gui.wait(timeout=30000)
    assert seen == expected
    rejected = [json.loads(p) for p in gui.payloads("scan_rejected")]
    assert [r["badge"] for r in rejected] == expected  # committed in the same order
    assert gui.window.wedge.scans >= 200
