"""A German station window after a restart (issue 20): what the station stored in English before it
stopped (a print job cut off mid-send, its error) is shown in German, and so is the status bar.

GIVEN a station whose database holds a label cut off mid-send (its error stored as the English the
print queue wrote) and a label that was being sent when the station died, and ui.toml set to German
WHEN the window starts
THEN the printer card says, in German, why each label needs a person, and the status bar says "Bereit.".
"""

from __future__ import annotations

from sqlalchemy import insert

from app.domain import clock
from app.store.tables import print_jobs
from app.ui.i18n import install_language
from app.ui.ui_settings import UiSettings
from tests.gui.conftest import open_station_window, seed_gui
from tests.gui.test_words import english_left

PAPER_OUT = "Label printer at 10.0.0.5:9100 is out of labels — load a new roll"  # as print_jobs.last_error holds it


def seed_with_stored_print_errors(bench) -> None:
    seed_gui(bench)
    now = clock.now()
    with bench.engine.begin() as conn:
        for uuid, reference, state, error in (("0a0a0a0a-0000-4000-8000-000000000001", "order 1001 box 1",
                                               "interrupted", PAPER_OUT),
                                              ("0a0a0a0a-0000-4000-8000-000000000002", "order 1002 box 1",
                                               "sending", "")):
            conn.execute(insert(print_jobs).values(
                uuid=uuid, printer="tcp://10.0.0.5:9100", document="label", format="zpl", reference=reference,
                data=b"^XA^XZ", state=state, attempts=1, last_error=error, reprint_of=None, created_at=now,
                updated_at=now))


def test_a_german_window_shows_stored_print_errors_in_german_after_a_restart(home, qtbot):
    home.mkdir(parents=True, exist_ok=True)
    (home / "ui.toml").write_text('[ui]\nlanguage = "de"\n', encoding="utf-8")
    gui = open_station_window(home, qtbot, seed_with_stored_print_errors)
    try:
        window = gui.window
        assert window.statusBar().currentMessage() == "Bereit."
        card = window.printer_label
        qtbot.waitUntil(lambda: card.interrupted == 2, timeout=10_000)
        why = card.toolTip()
        assert "Etikettendrucker an 10.0.0.5:9100 hat keine Etiketten mehr" in why, why
        assert "Die Station stoppte beim Senden: vielleicht schon gedruckt. Erneut senden, falls es fehlt." in why
        assert "Etikett für Auftrag 1001, Karton 1: Etikettendrucker" in why  # which label, in German too
        jobs = [line for line in why.splitlines() if "Auftrag" in line]
        assert len(jobs) == 2
        for line in jobs:
            assert english_left(line.replace("10.0.0.5:9100", "")) == [], line
        assert card.title.text() == "Etikett abgebrochen: F1 sendet erneut"
    finally:
        install_language("en")
        gui.window.shutdown()
        gui.close()


def test_the_status_bar_says_ready_in_the_language_just_chosen(home, qtbot):
    """GIVEN an English window, ready WHEN the admin switches the screen to German THEN the status bar's
    standing "Ready." is said again in German (it was set before the German translator was installed)."""
    gui = open_station_window(home, qtbot, seed_gui)
    try:
        window = gui.window
        assert window.statusBar().currentMessage() == "Ready."
        window.apply_ui_settings(UiSettings(language="de"))
        assert window.statusBar().currentMessage() == "Bereit."
        window.apply_ui_settings(UiSettings(language="en"))
        assert window.statusBar().currentMessage() == "Ready."
    finally:
        install_language("en")
        gui.window.shutdown()
        gui.close()
