"""The supervisor console in German: the audit trail's words, the period's dates and the floor's
printer health (issue 20 item 2). The English stays what the CLI, CSV and PDF show.

GIVEN the audit trail's templates (app.supervisor.audit.describe), the period presets and the floor's
printer health, WHEN the console shows them in German THEN every template has its German with no
English word left, and the English of each is unchanged.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale

from app.supervisor import audit, floor, periods
from app.supervisor.audit import describe
from app.ui.i18n import TRANSLATIONS_DIR, audit_words, floor_state_words, install_language, read_ts
from app.ui.messages import coded_text
from app.ui.supervisor.period_choice import period_text
from tests.gui.test_words import english_left, sample_values
from tests.supervisor.test_console import SAM, window  # noqa: F401 - window is a fixture

GERMAN = read_ts(TRANSLATIONS_DIR / "packstation_de.ts")
ZONE = periods.local_zone()


def test_every_audit_template_is_worded_in_german_with_nothing_left_in_english(german):
    missing, english = [], []
    for template in audit_words():
        if ("SupervisorAudit", template) not in GERMAN:
            missing.append(template)
            continue
        values = sample_values(template)
        text = coded_text(audit.AuditText(template, **values))
        assert all(str(v) in text for v in values.values()), text
        if english_left(text):
            english.append((template, text))
    assert missing == [] and english == []
    assert [w for w in floor_state_words() if ("SupervisorFloor", w) not in GERMAN] == []


def test_an_audit_line_reads_the_same_in_english_and_german_on_the_console(german):
    row = describe(1, None, "BENCH-1", "Alex", "item_packed",
                   {"units": 2, "sku": "SOCK-MER", "box": 1, "serial": "SN-1", "manual": True})
    assert row.text == "Packed 2× SOCK-MER into box 1 · serial SN-1 · typed by hand"  # CLI, CSV, PDF
    assert coded_text(row.text) == "2× SOCK-MER in Karton 1 gepackt · Seriennummer SN-1 · von Hand eingetippt"
    weighed = describe(2, None, "BENCH-1", "Alex", "weight_recorded",
                       {"box": 1, "source": "manual", "grams": 400, "expected": 100, "allowance": 50,
                        "within": False})
    assert weighed.text == "Box 1 weighed 0.400 kg (typed), expected 0.100 kg ± 0.050 kg ✗ out of tolerance"
    assert coded_text(weighed.text) == ("Karton 1 wiegt 0.400 kg (eingetippt), erwartet 0.100 kg ± 0.050 kg "
                                        "✗ außerhalb der Toleranz")
    resolved = describe(3, None, "SUP", "Sam", "hold_resolved",
                        {"action": "reassign", "to": "BENCH-2", "name": "Sam", "reason": "tote moved"})
    assert coded_text(resolved.text) == "Vorarbeiter Sam: an BENCH-2 übergeben — tote moved"
    unknown = describe(4, None, "S", None, "new_kind", {})
    assert coded_text(unknown.text) == unknown.text == "New kind"  # an event no version described yet


def test_the_period_reads_in_the_supervisors_language(qapp):
    early = periods.shift("early", on=datetime(2026, 11, 24).date(), zone=ZONE)
    day = periods.today(now=datetime(2026, 11, 24, 10, tzinfo=ZONE), zone=ZONE)
    week = periods.this_week(now=datetime(2026, 11, 24, 10, tzinfo=ZONE), zone=ZONE)
    assert period_text(early) == early.describe() == "Early shift: Tue 24 Nov 2026, 06:00–14:00"
    assert period_text(day) == day.describe() == "Today: Tue 24 Nov 2026"
    try:
        assert install_language("de")
        assert QLocale().language() == QLocale.Language.German
        assert period_text(early) == "Frühschicht: Di., 24. Nov. 2026, 06:00–14:00"
        assert period_text(day) == "Heute: Di., 24. Nov. 2026"
        assert period_text(week) == "Diese Woche: Mo., 23. Nov. – So., 29. Nov. 2026"
        custom = periods.Period(datetime(2026, 11, 24, 6, tzinfo=ZONE), datetime(2026, 11, 25, 6, tzinfo=ZONE))
        assert period_text(custom) == "Di., 24. Nov. 06:00 – Mi., 25. Nov. 2026 06:00"
        for text in (period_text(early), period_text(day), period_text(week)):
            assert english_left(text) == [], text
    finally:
        install_language("en")


def test_the_floors_printer_health_is_german(german):
    ok = floor.FloorText("ok", when="09:00")
    failed = floor.FloorText("failed_because", when="09:05", message="Label printer is out of labels")
    assert (ok, failed) == ("OK 09:00", "Failed 09:05: Label printer is out of labels")  # CLI and CSV
    assert coded_text(ok) == "OK 09:00"
    assert coded_text(failed) == "Fehler 09:05: Label printer is out of labels"
    assert coded_text(floor.FloorText("failed", when="09:05")) == "Fehler 09:05"


def test_the_console_shows_the_audit_trail_in_german(qtbot, window, german, tmp_path):  # noqa: F811
    window.begin_as(SAM)
    with qtbot.waitSignal(window.audit.history_shown, timeout=10_000):
        window.show_order("1011")
    trail = window.audit.events_model
    column = trail.table.index("text")
    shown = [trail.data(trail.index(row, column)) for row in range(trail.rowCount())]
    raw = [trail.value(row, "text") for row in range(trail.rowCount())]
    assert shown[0] == "Auftrag geöffnet" and raw[0] == "Order opened"
    assert all(a != b for a, b in zip(shown, raw, strict=True) if b != "✓"), list(zip(shown, raw, strict=True))
    assert window.audit.title.text() == "Auftrag 1011 · OFFEN"  # the order's status in German too
    hits = window.audit.hits_model
    assert hits.data(hits.index(0, hits.table.index("status"))) == "offen" and hits.value(0, "status") == "open"
    assert window.grab().save(str(tmp_path / "console-audit-de.png"))
