"""Returns bench: the step panel says what the bench waits for, and which serial the order shipped
(issue 20, smaller items).

GIVEN the returns demo (SO-90002 shipped a mug, a tee and earbud EB-DEMO-0001), WHEN the clerk
scans the earbud, THEN the serial step shows the serial the order shipped, and after a wrong serial
the grading step shows it beside the one in hand. WHEN flags are open and COMPLETE asks for a
supervisor's badge, THEN the step panel says it waits for that badge, not "Scan each returned item".
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.returns import ReturnPhase
from app.returns.demo import DEMO_SERIAL, RETURN_ORDER
from app.ui.i18n import install_language
from tests.gui.test_returns_mode import MUG, bench, gtin, open_returns  # noqa: F401 - bench is a fixture

EARBUD = "EARBUD-WL-BLA"


def test_the_serial_step_shows_the_serial_the_order_shipped(bench) -> None:  # noqa: F811
    b = bench
    open_returns(b)
    assert b.scan(RETURN_ORDER) == "return_opened"
    assert b.scan(gtin(b, EARBUD)) == "serial_needed"
    step = b.window.step
    assert step.currentWidget() is step.serial
    assert step.serial_shipped.text() == f"Shipped with this order: {DEMO_SERIAL}"
    b.shot("returns-serial-shipped")

    assert b.scan("EB-OTHER-9999") == "item_flagged"  # not the unit that was shipped
    assert step.currentWidget() is step.grade
    assert "EB-OTHER-9999" in step.grade_item.text()
    assert step.grade_shipped.isVisible() and DEMO_SERIAL in step.grade_shipped.text()
    b.shot("returns-serial-compare")


def test_with_flags_open_the_step_panel_waits_for_the_badge_first(bench) -> None:  # noqa: F811
    b = bench
    open_returns(b)
    step = b.window.step
    assert b.scan(RETURN_ORDER) == "return_opened"
    assert step.scan_text.text() == "Scan each returned item"
    assert b.scan(gtin(b, EARBUD)) == "serial_needed"
    assert b.scan("EB-OTHER-9999") == "item_flagged"
    assert b.key(Qt.Key.Key_F8) == "dispose_item"  # damaged
    assert b.key(Qt.Key.Key_F4) == "item_returned"  # quarantine
    assert b.key(Qt.Key.Key_F5) == "supervisor_needed"
    assert b.window.view.state.phase is ReturnPhase.APPROVAL
    assert step.currentWidget() is step.scan
    assert step.scan_text.text() == "Waiting for a SUPERVISOR badge"
    assert "badge" in step.scan_hint.text() and "COMPLETE" not in step.scan_hint.text()
    b.shot("returns-waits-for-badge")
    try:
        assert install_language("de")
        step.render(b.window.view)
        assert "Scan each" not in step.scan_text.text() and "SUPERVISOR" not in step.scan_text.text()
    finally:
        install_language("en")
        step.render(b.window.view)

    assert b.scan("PS:BADGE:S-2001") == "return_closed"


def test_the_mug_has_no_serial_to_compare(bench) -> None:  # noqa: F811
    b = bench
    open_returns(b)
    assert b.scan(RETURN_ORDER) == "return_opened"
    assert b.scan(gtin(b, MUG)) == "grade_item"
    assert not b.window.step.grade_shipped.isVisible()
