"""A weight typed at a bench with no scale (issue 17, item 5): blind, checked, marked typed.

GIVEN weighing on and no scale, the packer presses Type (F2) in the weighing step. The dialog
starts empty and does not show the expected weight (neither does the weighing screen behind it);
Enter on an empty field does nothing; a typed weight is checked like a scale's and recorded as
typed. Screenshots go to the test's folder (resources/screenshots with PACKSTATION_SCREENSHOTS=1).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from app.domain.session import Phase
from app.store import models as t
from app.ui.dialogs import WeightDialog
from tests.gui.conftest import open_station_window, seed_gui
from tests.support import SOCKS_GTIN

SHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"


def _shot(gui, widget, name: str) -> Path:
    folder = SHOTS if os.environ.get("PACKSTATION_SCREENSHOTS") == "1" else gui.home / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def _weighing(home, qtbot):
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text("[packing]\nweigh_parcels = true\n", encoding="utf-8")
    gui = open_station_window(home, qtbot, seed_gui, badge="P-1001")
    assert gui.scan("1001") == "order_opened"
    assert gui.scan(SOCKS_GTIN) == "all_items_packed"
    assert gui.key(Qt.Key.Key_F4) == "carton_chosen"  # the suggested envelope: 80 g socks + 20 g tare
    assert gui.window.state.phase is Phase.WEIGHING
    return gui


def _open_dialog(gui, qtbot) -> WeightDialog:
    gui.window.activateWindow()  # back from the last dialog: F2 is the window's shortcut
    qtbot.waitUntil(gui.window.isActiveWindow, timeout=3000)
    QTest.keyClick(gui.window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), WeightDialog), timeout=3000)
    return QApplication.activeModalWidget()


def _type(qtbot, dialog: WeightDialog, keys: str, shown: str | None = None) -> None:
    """Type like a person: the keyboard wedge holds a fast burst until it knows it is no scan."""
    QTest.keyClicks(dialog.grams, keys)
    qtbot.waitUntil(lambda: dialog.grams.text() == (keys if shown is None else shown), timeout=3000)


def test_the_typed_weight_starts_empty_and_the_expected_weight_is_not_shown(home, qtbot):
    """GIVEN the weighing step at a bench with no scale WHEN the packer presses F2
    THEN the dialog is empty, names no expected weight, and Enter on it does nothing; the weighing
    screen behind it hides the expected weight too."""
    gui = _weighing(home, qtbot)
    try:
        dialog = _open_dialog(gui, qtbot)
        assert dialog.grams.text() == "" and dialog.value() is None
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        texts += " ".join(label.text() for label in gui.window.weighing.findChildren(QLabel) if label.isVisible())
        assert "0.10" not in texts and "100" not in texts  # 100 g expected: shown nowhere
        assert "— kg" in gui.window.weighing.target.expected.text()
        _shot(gui, gui.window, "weighing-typed-blind")
        _shot(gui, dialog, "weighing-typed-dialog")
        QTest.keyClick(dialog.grams, Qt.Key.Key_Return)
        assert dialog.isVisible() and gui.events()[-1] == "carton_chosen"  # nothing submitted
        _type(qtbot, dialog, "250g", "250")  # the validator keeps digits only
        dialog.reject()
    finally:
        gui.window.shutdown()
        gui.close()


def test_a_typed_weight_is_checked_like_a_scale_weight_and_recorded_as_typed(home, qtbot):
    """GIVEN the weighing step (100 g expected, ± 50 g) WHEN the packer types 400, then 104
    THEN 400 is refused like a scale weight; 104 prints the label; the event and the parcel say typed."""
    gui = _weighing(home, qtbot)
    try:
        dialog = _open_dialog(gui, qtbot)
        _type(qtbot, dialog, "400")
        QTest.keyClick(dialog.grams, Qt.Key.Key_Return)
        gui.wait()
        assert gui.window.last_outcome.code == "weight_mismatch"
        assert "0.40 kg (typed)" in gui.window.last_outcome.message
        dialog = _open_dialog(gui, qtbot)
        assert dialog.grams.text() == ""  # every entry starts empty
        _type(qtbot, dialog, "104")
        QTest.keyClick(dialog.grams, Qt.Key.Key_Return)
        gui.wait()
        assert gui.window.state.phase is Phase.DONE
        _shot(gui, gui.window, "weighing-typed-done")
        weights = [json.loads(p) for p in gui.payloads("weight_recorded")]
        assert [(w["grams"], w["source"], w["within"]) for w in weights] == [(400, "manual", False),
                                                                              (104, "manual", True)]
        with gui.engine.connect() as conn:
            parcel = conn.execute(select(t.Parcel.weight_g, t.Parcel.weight_source)).one()
        assert tuple(parcel) == (104, "manual")
    finally:
        gui.window.shutdown()
        gui.close()
