"""PIN sign-in at the bench and the admin gate go through the one PIN service: five wrong PINs lock
the account, the right PIN is refused while it is locked, supervisors and admins are not listed,
and an admin's short PIN must be replaced before the settings open."""

from __future__ import annotations

import json

from sqlalchemy import select, update

from app.store import models as t
from app.store.users import hash_pin, is_peppered
from app.ui.dialogs import ChangePinDialog, PinDialog
from tests.gui.conftest import open_station_window, seed_gui


def seed_with_pins(bench) -> None:
    seed_gui(bench)
    with bench.sessions.begin() as db:
        db.execute(update(t.User).where(t.User.badge == "P-1001").values(pin_hash=hash_pin("1111")))
        db.execute(update(t.User).where(t.User.badge == "S-2001").values(pin_hash=hash_pin("246810")))
        db.execute(update(t.User).where(t.User.badge == "A-3001").values(pin_hash=hash_pin("1357")))


def pin_dialog(gui) -> PinDialog:
    gui.window.sign_in_with_pin()
    gui.qtbot.waitUntil(lambda: gui.window.findChild(PinDialog) is not None, timeout=5000)
    return gui.window.findChild(PinDialog)


def type_pin(gui, dialog, name: str, pin: str) -> None:
    dialog.name.setCurrentText(name)
    dialog.pin.setText(pin)
    dialog.accept()
    gui.wait()
    gui.qtbot.waitUntil(lambda: gui.window.findChild(PinDialog) is None, timeout=5000)


def test_a_bench_pin_guess_is_locked_out_after_five_tries(home, qtbot):
    """GIVEN a packer with PIN 1111 at the bench
    WHEN someone types five wrong PINs in the PIN sign-in
    THEN the fifth locks the account, the right PIN is refused while locked, each failure and the
    lockout are pack events (without the PIN), and the packer is not signed in."""
    gui = open_station_window(home, qtbot, seed_with_pins)
    try:
        messages = []
        for guess in ("0000", "1234", "9999", "4321", "1112"):
            type_pin(gui, pin_dialog(gui), "Alex Packer", guess)
            messages.append(gui.window.banner._message.text())
        assert "4 more tries" in messages[0] and "1 more try" in messages[3]
        assert "locked until" in messages[4]
        type_pin(gui, pin_dialog(gui), "Alex Packer", "1111")
        assert "locked until" in gui.window.banner._message.text()
        assert gui.window.state.packer is None
        assert gui.events().count("pin_sign_in_failed") == 5  # four wrong, one while locked
        assert gui.events().count("pin_locked_out") == 1 and "signed_in" not in gui.events()
        assert not any("1111" in p or "0000" in p for p in gui.payloads("pin_sign_in_failed"))
    finally:
        gui.window.shutdown()
        gui.close()


def test_the_sign_in_list_names_packers_only_and_a_right_pin_signs_in(home, qtbot):
    """GIVEN a packer, a supervisor and an admin, all with PINs
    WHEN the PIN sign-in opens
    THEN only the packer is listed; the packer's right PIN signs them in (the stored PIN is peppered)."""
    gui = open_station_window(home, qtbot, seed_with_pins)
    try:
        dialog = pin_dialog(gui)
        listed = [dialog.name.itemText(i) for i in range(dialog.name.count())]
        assert listed == ["Alex Packer"]
        type_pin(gui, dialog, "Alex Packer", "1111")
        assert gui.window.state.packer is not None and gui.window.state.packer.name == "Alex Packer"
        with gui.engine.connect() as conn:
            stored = list(conn.scalars(select(t.User.pin_hash).where(t.User.pin_hash.is_not(None))))
        assert len(stored) == 3 and all(is_peppered(h) for h in stored)
    finally:
        gui.window.shutdown()
        gui.close()


def test_the_admin_gate_locks_after_five_wrong_pins_and_asks_a_short_admin_pin_to_be_replaced(home, qtbot):
    """GIVEN an admin whose PIN is 1357 (4 digits, from before supervisors and admins needed 6)
    WHEN five wrong PINs are typed at the admin gate
    THEN the gate says the account is locked, and the right PIN is refused too;
    WHEN the lock has been cleared and the right PIN is typed
    THEN the gate asks for a new PIN of 6 digits, refuses a short one, and opens the settings with it."""
    gui = open_station_window(home, qtbot, seed_with_pins)
    w = gui.window
    try:
        w.open_settings()
        gate = w._gate
        for guess in ("0000", "1111", "2222", "3333", "4444"):
            gate.name.setCurrentText("Ada Admin")
            gate.pin.setText(guess)
            gate.accept()
            gui.wait()
        assert "locked until" in gate.problem.text()
        gate.name.setCurrentText("A-3001")
        gate.pin.setText("1357")
        gate.accept()
        gui.wait()
        assert "locked until" in gate.problem.text() and getattr(w, "settings_dialog", None) is None
        kinds = gui.events()
        assert kinds.count("pin_locked_out") == 1
        assert json.loads(gui.payloads("pin_locked_out")[0])["where"] == "admin_gate"

        with gui.engine.begin() as conn:
            conn.execute(update(t.User).where(t.User.badge == "A-3001").values(locked_until=None))
        gate.name.setCurrentText("Ada Admin")
        gate.pin.setText("1357")
        gate.accept()
        gui.wait()
        qtbot.waitUntil(lambda: isinstance(w.change_pin_dialog, ChangePinDialog), timeout=3000)
        change = w.change_pin_dialog
        change.new_pin.setText("1234")
        change.again.setText("1234")
        change.accept()
        assert change.isVisible() and "6 to 12 digits" in change.problem.text()
        change.new_pin.setText("902614")
        change.again.setText("902614")
        change.accept()
        gui.wait()
        qtbot.waitUntil(lambda: getattr(w, "settings_dialog", None) is not None, timeout=3000)
        assert "pin_changed" in gui.events()
    finally:
        w.shutdown()
        gui.close()
