"""Weights as they are, on the packer's screen (issue 17 item 5, issue 20 smaller item).

GIVEN a box that was not weighed (weighing off), WHEN the label step shows its parcels and the
label's summary, THEN they say "not weighed" ("nicht gewogen"), never "0.00 kg". GIVEN a weight typed
by hand, THEN the weighing screen and the label step mark it typed ("(eingetippt)" in German).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.session import Phase
from app.ui.i18n import install_language
from app.ui.label_panel import LabelInfo, LabelPanel, parcel_weight_text
from tests.gui.test_typed_weight import _open_dialog, _shot, _type, _weighing
from tests.support import SOCKS_GTIN

NOT_WEIGHED = {"box_no": 1, "carton_code": "ENV-S", "weight_g": None, "weight_source": "not_weighed",
               "status": "printed", "order_id": 1}
OLD_NOT_WEIGHED = {**NOT_WEIGHED, "weight_g": 2865, "weight_source": "expected"}  # older versions wrote this
TYPED = {**NOT_WEIGHED, "box_no": 2, "weight_g": 2870, "weight_source": "manual"}
SCALE = {**NOT_WEIGHED, "box_no": 3, "weight_g": 1250, "weight_source": "BENCH-3 scale"}


def test_a_parcels_weight_reads_as_it_happened_in_both_languages(qapp):
    try:
        assert [parcel_weight_text(p) for p in (NOT_WEIGHED, OLD_NOT_WEIGHED, TYPED, SCALE)] == [
            "not weighed", "not weighed", "2.87 kg (typed)", "1.25 kg"]
        assert install_language("de")
        assert [parcel_weight_text(p) for p in (NOT_WEIGHED, TYPED, SCALE)] == [
            "nicht gewogen", "2.87 kg (eingetippt)", "1.25 kg"]
    finally:
        install_language("en")


def test_the_label_panel_says_not_weighed_never_0_kg(qapp, tmp_path):
    panel = LabelPanel()
    try:
        panel.resize(700, 500)
        panel.set_label(LabelInfo("1001", (NOT_WEIGHED, TYPED), None), None)
        assert panel.parcels.text() == "2 parcel(s): #1 ENV-S not weighed, #2 ENV-S 2.87 kg (typed)"
        assert "0.00 kg" not in panel.parcels.text()
        assert "Weight 2.87 kg (typed)" in panel.preview.text()  # the label's summary: the latest parcel
        panel.set_label(LabelInfo("1001", (NOT_WEIGHED,), None), None)
        assert "Weight not weighed" in panel.preview.text()
        assert install_language("de")
        panel.set_label(LabelInfo("1001", (NOT_WEIGHED, TYPED), None), None)
        assert "nicht gewogen" in panel.parcels.text() and "2.87 kg (eingetippt)" in panel.parcels.text()
        assert "Gewicht 2.87 kg (eingetippt)" in panel.preview.text()
        assert panel.grab().save(str(tmp_path / "label-panel-de.png"))
    finally:
        install_language("en")
        panel.deleteLater()


def test_a_box_not_weighed_reads_not_weighed_at_the_label_step(make_gui):
    """GIVEN weighing off (the demo default) WHEN order 1001 is packed THEN the label step's parcels
    line says "not weighed" (the box was never on a scale)."""
    gui = make_gui()
    assert gui.scan("PS:BADGE:P-1001") == "signed_in"
    assert gui.scan("1001") == "order_opened"
    assert gui.scan(SOCKS_GTIN) == "all_items_packed"
    assert gui.key(Qt.Key.Key_F4) == "order_packed"
    w = gui.window
    assert w.state.phase is Phase.DONE
    panel = w.await_order.label
    gui.wait()
    assert "not weighed" in panel.parcels.text() and " kg" not in panel.parcels.text()
    _shot(gui, w, "label-not-weighed")


def test_a_typed_weight_is_marked_typed_on_the_weighing_screen_and_the_label_step(home, qtbot):
    gui = _weighing(home, qtbot)
    try:
        dialog = _open_dialog(gui, qtbot)
        _type(qtbot, dialog, "400")
        QTest.keyClick(dialog.grams, Qt.Key.Key_Return)
        gui.wait()
        assert gui.window.last_outcome.code == "weight_mismatch"
        assert "0.40 kg (typed)" in gui.window.weighing.target.result.text()
        dialog = _open_dialog(gui, qtbot)
        _type(qtbot, dialog, "104")
        QTest.keyClick(dialog.grams, Qt.Key.Key_Return)
        gui.wait()
        assert gui.window.state.phase is Phase.DONE
        gui.wait()
        assert "0.10 kg (typed)" in gui.window.await_order.label.parcels.text()
        _shot(gui, gui.window, "label-typed")
    finally:
        gui.window.shutdown()
        gui.close()
