"""The supervisor's console honours `[supervisor] min_active_minutes` (issue 20 item 7): six orders
packed within seconds read "not enough data" in its rate cards and its table, in English and in
German, as `packstation stats` prints them; with the floor set to 0 in station.toml the same shift
shows its arithmetic rate. Real widgets, offscreen; the console is opened as the station opens it
(app.ui.supervisor.window.open_console on the station's database URL).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from app.domain.model import Role
from app.store.db import sqlite_url
from app.supervisor.access import Supervisor
from app.ui.supervisor.login import LoginDialog
from app.ui.supervisor.window import open_console, station_min_active_s
from tests.supervisor.test_thin_data import START, short_shift  # noqa: F401 - the fixture

SAM = Supervisor(2, "Sam Supervisor", Role.SUPERVISOR, "S-2001")
RATES = ("orders_per_h", "weighted_per_h")


def productivity_of(qtbot, bench):
    from PySide6.QtWidgets import QApplication

    from app.ui.theme import apply_theme

    apply_theme(QApplication.instance(), "light", 768)  # as `packstation supervisor` does: bench-sized text
    console = open_console(sqlite_url(bench.paths.database), source="test")
    qtbot.addWidget(console)
    console.begin_as(SAM)  # as the sign-in dialog does on a right PIN
    for dialog in console.findChildren(LoginDialog):
        dialog.done(0)
    view = console.productivity
    view.set_custom(START - timedelta(hours=1), START + timedelta(hours=1))
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.reload()
    return console, view


def cells(view, key: str) -> dict[str, str]:
    model = view.model
    return {model.value(row, "name"): model.data(model.index(row, model.table.index(key)))
            for row in range(model.rowCount())}


def test_a_shift_of_seconds_reads_not_enough_data_in_the_console(qtbot, short_shift):  # noqa: F811
    """GIVEN six orders packed within seconds and a station.toml without [supervisor]
    WHEN the console shows that hour
    THEN the rate cards and the rate cells say "not enough data" (not 19,817 an hour), the counts stay."""
    assert station_min_active_s() == 600
    console, view = productivity_of(qtbot, short_shift)
    try:
        assert view.result.min_active_s == 600
        for key in RATES:
            assert view.cards[key].value.text() == "not enough data"
            assert set(cells(view, key).values()) == {"not enough data"}
        assert view.cards["orders"].value.text() == "6"
        assert "not enough data (less than 10 min of active time" in view.note.text()
    finally:
        console.shutdown()


def test_the_console_takes_the_floor_from_station_toml(qtbot, short_shift):  # noqa: F811
    """GIVEN [supervisor] min_active_minutes = 0 in station.toml
    WHEN the console shows the same shift
    THEN its rate is the arithmetic one, as `packstation stats` shows it with that setting."""
    config = short_shift.paths.config_file
    config.write_text((config.read_text(encoding="utf-8") if config.exists() else "")
                      + "\n[supervisor]\nmin_active_minutes = 0\n", encoding="utf-8")
    console, view = productivity_of(qtbot, short_shift)
    try:
        assert view.result.min_active_s == 0
        assert view.result.total.orders_per_h is not None and view.result.total.orders_per_h > 300
        assert view.cards["orders_per_h"].value.text() != "not enough data"
        assert "not enough data" not in cells(view, "orders_per_h").values()
    finally:
        console.shutdown()


def test_not_enough_data_is_german_on_a_german_console(qtbot, short_shift, german):  # noqa: F811
    """GIVEN a German console WHEN a rate has too little active time THEN it reads "zu wenig Daten"."""
    console, view = productivity_of(qtbot, short_shift)
    try:
        for key in RATES:
            assert view.cards[key].value.text() == "zu wenig Daten"
            assert set(cells(view, key).values()) == {"zu wenig Daten"}
        assert "zu wenig Daten" in view.note.text()
        console.tabs.setCurrentWidget(view)
        console.resize(1366, 768)
        qtbot.wait(100)
        if os.environ.get("PACKSTATION_SCREENSHOTS"):
            console.grab().save(str(Path(os.environ["PACKSTATION_SCREENSHOTS"]) / "supervisor-thin-data-de.png"))
        for key in RATES:  # the words fit their card (a card shows its value whole, or a smaller font)
            label = view.cards[key].value
            widest = max(label.fontMetrics().horizontalAdvance(word) for word in label.text().split())
            assert widest <= label.contentsRect().width(), key
            assert label.heightForWidth(label.width()) <= label.height(), key  # no line cut off below
    finally:
        console.shutdown()


def test_the_console_speaks_german_in_its_columns_chart_and_sign_in(qtbot, short_shift, german):  # noqa: F811
    """GIVEN a German console WHEN the productivity view shows THEN its column titles and tips, the
    chart's legend and the signed-in role are German (the CLI, CSV and PDF keep app.supervisor.tables'
    English), and every column word of app.supervisor.tables has its German."""
    from app.ui.i18n import TRANSLATIONS_DIR, read_ts, supervisor_column_words

    german_words = read_ts(TRANSLATIONS_DIR / "packstation_de.ts")
    assert [w for w in supervisor_column_words() if ("SupervisorColumns", w) not in german_words] == []
    console, view = productivity_of(qtbot, short_shift)
    try:
        model = view.model
        titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        assert titles[:6] == ["#", "Packer", "Aufträge", "Pakete", "Stück", "Aktiv"]
        assert "Aufträge\n/h" in titles and "Scan-\nfehler" in titles
        tip = model.headerData(model.table.index("weighted_per_h"), Qt.Orientation.Horizontal,
                               Qt.ItemDataRole.ToolTipRole)
        assert tip == "Faire Leistung: gewichtete Aufträge je aktiver Stunde"
        series = view.chart.chart().series()
        assert [b.label() for b in series[0].barSets()] == ["Aufträge"] and series[1].name() == "Stück"
        assert console.who.text() == "Sam Supervisor · Vorarbeiter"
        metrics = view.table.horizontalHeader().fontMetrics()
        for i, title in enumerate(titles):  # each German title fits its column, line by line
            if not view.table.isColumnHidden(i):
                widest = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
                assert widest <= view.table.columnWidth(i), title
        assert model.table.columns[2].title == "Orders"  # the data stays English for CSV and PDF
    finally:
        console.shutdown()


def test_the_floor_board_speaks_german(qtbot, short_shift, german):  # noqa: F811
    """GIVEN a German console WHEN the floor board shows a bench THEN its state is German (the value
    stays app.supervisor.floor's English for sorting and CSV), and every state word has its German."""
    from app.ui.i18n import TRANSLATIONS_DIR, floor_state_words, read_ts

    german_words = read_ts(TRANSLATIONS_DIR / "packstation_de.ts")
    assert [w for w in floor_state_words() if ("SupervisorFloor", w) not in german_words] == []
    console = open_console(sqlite_url(short_shift.paths.database), source="test")
    qtbot.addWidget(console)
    console.begin_as(SAM)
    for dialog in console.findChildren(LoginDialog):
        dialog.done(0)
    try:
        model = console.floor.model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
        column = model.table.index("state")
        raw = model.value(0, "state")
        assert raw in ("Signed out", "Waiting for an order")
        assert model.data(model.index(0, column)) in ("Abgemeldet", "Wartet auf einen Auftrag")
    finally:
        console.shutdown()
