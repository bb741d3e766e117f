"""A packer at the real window: scans through the keyboard wedge, hotkeys, the database after.

Each test reads as: GIVEN a signed-in packer, WHEN they scan / press, THEN the screen says so
and the database and spool folder hold what a supervisor would look for.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.events import Tone
from app.domain.session import Phase
from app.store import models as t
from tests.gui.conftest import PEN_GTIN
from tests.support import CASE_GTIN, MUG_GTIN, PHONE_GTIN, SOCKS_GTIN

F = Qt.Key


def test_sign_in_screen_is_first_and_a_badge_signs_in(gui):
    assert gui.window.stack.currentWidget() is gui.window.sign_in
    assert gui.scan("PS:BADGE:P-1001") == "signed_in"
    assert gui.window.stack.currentWidget() is gui.window.await_order
    assert "Alex Packer" in gui.window.packer_label.text()
    assert gui.events() == ["signed_in"]


def test_a_single_line_order_is_packed_labelled_and_spooled(packer):
    assert packer.scan("1001") == "order_opened"
    assert packer.window.stack.currentWidget() is packer.window.packing
    assert packer.status("1001") == "packing"
    assert packer.scan(SOCKS_GTIN) == "all_items_packed"
    assert packer.window.stack.currentWidget() is packer.window.carton
    assert packer.key(F.Key_F4) == "order_packed"  # Confirm: the suggested carton
    w = packer.window
    assert w.state.phase is Phase.DONE
    assert w.banner.tone is Tone.COMPLETE and w.banner.word == "DONE"
    assert "1001" in w.await_order.done.text()
    assert packer.status("1001") == "packed"
    assert packer.parcels("1001") == [(1, "ENV", "labelled")]
    assert [name.split("-")[0] for name in packer.spool()] == ["label", "slip"]
    assert packer.events()[-3:] == ["box_not_weighed", "label_printed", "order_packed"]  # weighing is off
    assert "spool" in w.await_order.label.printer.text()


def test_a_multi_line_order_with_an_over_scan_and_an_undo(packer):
    packer.scan("1002")
    w = packer.window
    assert w.packing.lines.lines_model.rowCount() == 2
    assert packer.scan(SOCKS_GTIN) == "item_packed"
    assert w.banner.tone is Tone.ACCEPTED and "SOCK-M 1/2" in w.banner.message
    assert packer.scan(SOCKS_GTIN) == "item_packed"
    assert packer.scan(SOCKS_GTIN) == "over_scan"
    assert w.banner.tone is Tone.REJECTED and w.banner.word == "STOP" and "Put it back" in w.banner.message
    assert packer.key(F.Key_F3) == "item_unpacked"  # Undo takes the second pair back out
    assert w.state.packed_units(1) == 1
    model = w.packing.lines.lines_model
    assert model.data(model.index(0, 4)) == "1 / 2"
    assert packer.scan(SOCKS_GTIN) == "item_packed"
    assert w.packing.progress.bar.value() == 2 and "2 of 3" in w.packing.progress.text.text()
    assert packer.scan(MUG_GTIN) == "all_items_packed"
    assert packer.key(F.Key_F4) == "order_packed"
    events = packer.events()
    assert events.count("item_packed") == 4 and events.count("item_unpacked") == 1
    rejected = [json.loads(p) for p in packer.payloads("scan_rejected")]
    assert [r["code"] for r in rejected] == ["over_scan"]
    assert packer.status("1002") == "packed"


def test_a_serial_tracked_product_asks_for_each_serial(packer):
    packer.scan("1003")
    w = packer.window
    assert packer.scan(PHONE_GTIN) == "serial_needed"
    assert w.banner.tone is Tone.ATTENTION
    model = w.packing.lines.lines_model
    assert model.data(model.index(0, 5)) == "Scan serial number"
    assert packer.scan("SN-0001") == "item_packed"
    assert packer.scan(PHONE_GTIN) == "serial_needed"
    assert packer.scan("SN-0001") == "duplicate_serial"
    assert packer.scan("SN-0002") == "all_items_packed"
    serials = [json.loads(p)["serial"] for p in packer.payloads("item_packed")]
    assert serials == ["SN-0001", "SN-0002"]


def test_a_wrong_item_is_refused_with_a_red_cross_and_a_sentence(packer):
    packer.scan("1004")
    assert packer.scan(PEN_GTIN) == "wrong_item"
    w = packer.window
    assert w.banner.tone is Tone.REJECTED
    assert "Wrong item" in w.banner.message and "PEN-1" in w.banner.message
    assert packer.scan(SOCKS_GTIN) == "other_order"  # socks are waiting for another open order
    assert "Put it aside: open orders" in w.banner.message and "1001 (tote TOTE-0001)" in w.banner.message
    assert "item_packed" not in packer.events()
    assert w.state.packed == ()


def test_hold_puts_the_order_on_hold_and_frees_the_bench(packer):
    packer.scan("1004")
    packer.scan(MUG_GTIN)
    assert packer.key(F.Key_F9) == "order_held"
    assert packer.status("1004") == "held"
    assert packer.window.state.phase is Phase.AWAITING_ORDER
    assert packer.window.banner.tone is Tone.WARNING
    assert packer.scan("1004") == "order_on_hold"
    assert packer.window.await_order.stop.isVisible()


def test_a_cancelled_order_stops_packing_with_a_clear_instruction(packer):
    assert packer.scan("1006") == "order_cancelled"
    stop = packer.window.await_order.stop
    assert stop.isVisible()
    assert "do not pack" in stop.title.text().lower()
    assert "supervisor" in stop.instruction.text()
    assert packer.status("1006") == "cancelled"
    assert packer.scan("1001") == "order_opened"
    packer.key(F.Key_F12)  # Cancel: back to the tote
    assert not stop.isVisible()
    assert packer.status("1001") == "open"


def test_a_two_parcel_order_prints_a_label_per_box(packer):
    packer.scan("1005")  # 12 socks
    assert packer.scan(CASE_GTIN) == "item_packed"  # a case of 6
    assert packer.key(F.Key_F6) == "box_closed"  # Next box
    assert packer.window.stack.currentWidget() is packer.window.carton
    assert packer.key(F.Key_F4) == "box_labelled"
    assert packer.window.state.box == 2 and packer.window.state.phase is Phase.PACKING
    assert packer.scan(CASE_GTIN) == "all_items_packed"
    assert packer.key(F.Key_F4) == "order_packed"
    assert [box for box, _, status in packer.parcels("1005") if status == "labelled"] == [1, 2]
    labels = packer.spool("label-order-1005")
    assert len(labels) == 2 and len(packer.spool("slip-order-1005")) == 1
    assert "2 parcel(s)" in packer.window.await_order.label.parcels.text()


def test_reprint_after_done_writes_a_new_label_job(packer):
    packer.scan("1001")
    packer.scan(SOCKS_GTIN)
    packer.key(F.Key_F4)
    assert len(packer.spool("label-order-1001")) == 1
    assert packer.window.buttons["reprint"].isEnabled()
    assert packer.key(F.Key_F10) == "reprint"
    assert len(packer.spool("label-order-1001")) == 2
    with packer.engine.connect() as conn:
        jobs = conn.execute(select(t.PrintJob.uuid, t.PrintJob.reprint_of).where(t.PrintJob.document == "label")
                            .order_by(t.PrintJob.seq)).all()
    assert len(jobs) == 2 and jobs[1].reprint_of == jobs[0].uuid  # a reprint is a new job linked to the first
    assert "reprint_requested" in packer.events()


def test_sign_out_returns_to_the_badge_screen(packer):
    assert packer.key(F.Key_F12, Qt.KeyboardModifier.ShiftModifier) == "signed_out"
    assert packer.window.stack.currentWidget() is packer.window.sign_in
    assert packer.events()[-1] == "signed_out"


def test_packing_instructions_must_be_confirmed_and_the_header_shows_the_order(packer):
    assert packer.scan("1007") == "confirm_instructions"
    header = packer.window.packing.header
    assert header.instructions.isVisible() and "bubble wrap" in header.instructions_text.text()
    assert header.gift.isVisible() and "Happy birthday" in header.gift_text.text()
    assert "TODAY" in header.ship_by.text()
    chips = [header.chips.itemAt(i).widget() for i in range(header.chips.count())]
    assert any(c is not None and "PRIORITY" in c.text() for c in chips)
    assert packer.scan(MUG_GTIN) == "confirm_instructions"  # refused until confirmed
    assert packer.key(F.Key_F4) == "instructions_confirmed"
    assert "confirmed" in header.instructions_title.text()
    assert packer.scan(MUG_GTIN) == "item_packed"


def test_a_typed_barcode_is_recorded_as_manual(packer, qtbot):
    packer.scan("1004")
    QApplication.processEvents()
    packer.window.type_code()  # F2
    dialog = next(d for d in packer.window.findChildren(object) if type(d).__name__ == "ManualEntryDialog")
    qtbot.keyClicks(dialog.code, "036000291452")  # typed by a person: slow enough to reach the field
    qtbot.waitUntil(lambda: dialog.code.text() == "036000291452", timeout=2000)
    dialog.accept()
    packer.wait()
    assert packer.window.last_outcome.code == "item_packed"
    assert json.loads(packer.payloads("item_packed")[-1])["manual"] is True


def test_a_supervisor_badge_approves_a_short_order(packer):
    packer.scan("1002")
    packer.scan(SOCKS_GTIN)
    assert packer.key(F.Key_F5) == "items_missing"  # Complete with items missing
    assert packer.window.packing.override.isVisible()
    assert packer.scan("PS:BADGE:S-2001") == "override_short"
    assert "override_granted" in packer.events()
    assert packer.window.state.phase is Phase.CARTON


def test_command_barcodes_work_like_the_buttons(packer):
    packer.scan("1004")
    packer.scan(MUG_GTIN)
    assert packer.scan("PS:CMD:UNDO") == "item_unpacked"
    assert packer.scan("PS:CMD:HOLD") == "order_held"
    assert packer.status("1004") == "held"


def test_the_label_step_shows_at_once_and_the_label_follows_as_one_outcome(packer):
    """GIVEN an order packed  WHEN the packer confirms the carton  THEN the first paint already
    says the label is printing (the label is drawn in the next job, not before the screen moves),
    then the same outcome goes on to "packed": one outcome code, one sound, the label spooled."""
    w = packer.window
    assert packer.scan("1001") == "order_opened"
    assert packer.scan(SOCKS_GTIN) == "all_items_packed"
    shown: list[tuple[Phase, str]] = []
    w.rendered.connect(lambda _r: shown.append((w.state.phase, w.banner.message)))
    sounds = len(w.sounds.played)
    assert packer.key(F.Key_F4) == "order_packed"
    assert shown[0][0] is Phase.LABELLING and "label" in shown[0][1].lower()
    assert (Phase.DONE, w.banner.message) in shown and w.state.phase is Phase.DONE
    assert w.sounds.played[sounds:] == ["complete"]
    assert {"carton_chosen", "label_printed", "order_packed"} <= set(w.last_outcome.facts)
    assert any(name.startswith("label-order-1001") for name in packer.spool())
