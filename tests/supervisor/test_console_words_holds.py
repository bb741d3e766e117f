"""The supervisor console in German shows what the benches stored in their words (issue 20): a packer's
hold reason in the holds queue and the order's header, and a hold and a refused scan in the audit trail.

GIVEN the scenario's shift (1005 held SHORT with six socks missing; on 1002 a phone of another order
refused), the console open in German
WHEN the supervisor opens the holds queue, then the audit trail of 1005 and of 1002
THEN the hold reads "Fehlmenge", the audit lines read German, and no English word is left in them.
"""

from __future__ import annotations

import pytest

from app.ui.i18n import install_language
from tests.gui.test_words import english_left
from tests.supervisor.test_console import SAM, settle


@pytest.fixture
def german_window(qtbot, service):
    from app.ui.supervisor.window import SupervisorWindow

    assert install_language("de")
    window = SupervisorWindow(lambda: service, console="SUP-TEST", floor_interval_ms=200)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    yield window
    window.shutdown()
    install_language("en")


def texts(model, key: str) -> list[str]:
    column = model.table.index(key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_a_hold_and_a_refused_scan_read_german_in_the_console(qtbot, german_window):
    window = german_window
    window.begin_as(SAM)
    window.tabs.setCurrentWidget(window.holds)
    settle(qtbot, window)
    holds = window.holds
    assert texts(holds.model, "title") == ["Fehlmenge"]
    assert texts(holds.model, "detail") == ["fehlt: 6× SOCK-M"]
    holds.table.selectRow(0)
    assert holds.heading.text() == "Auftrag 1005: Fehlmenge", holds.heading.text()
    assert holds.detail.text().startswith("fehlt: 6× SOCK-M")

    window.show_order("1005")
    settle(qtbot, window)
    audit = window.audit
    assert audit.title.text().endswith("— Fehlmenge"), audit.title.text()
    events = texts(audit.events_model, "text")
    assert "Geparkt: Fehlmenge (fehlt: 6× SOCK-M)" in events, events

    window.show_order("1002")
    settle(qtbot, window)
    refused = [t for t in texts(audit.events_model, "text") if t.startswith("Scan abgelehnt")]
    assert len(refused) == 1, texts(audit.events_model, "text")
    words = refused[0].split(": ", 1)[1]
    assert english_left(words) == [], refused[0]
    assert window.service().history("1002").events  # the English the CLI prints is unchanged
    english = [e.text for e in window.service().history("1002").events if e.type == "scan_rejected"]
    assert english[0].startswith("Scan refused (other_order): ")
