"""Returns mode on a networked station, as a new user tries it after `central demo-data`: the
demo RMA issued centrally opens at this bench, the serial the DEMO station packed is accepted,
and the restock reaches the warehouse's stock in the central database."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from app.returns.demo import DEMO_SERIAL, RETURN_ORDER, RETURN_TRACKING  # noqa: E402
from app.sync.cli import main  # noqa: E402
from tests.gui.test_returns_mode import Bench, gtin, levels, open_returns  # noqa: E402

EARBUD = "EARBUD-WL-BLA"


@pytest.fixture
def networked_bench(central, tmp_path, monkeypatch, qtbot, capsys):
    assert main(["central", "demo-data", "--orders", "3", "--url", central.admin_url]) == 0
    capsys.readouterr()
    home = tmp_path / "bench"
    home.mkdir()
    url = central.add_station("RET-2")
    (home / "station.toml").write_text(
        f'[station]\nname = "RET-2"\n\n[central]\nurl = "{url}"\npassword_file = "{central.passwords["RET-2"]}"\n'
        "preclaim = 0\nsync_interval_ms = 100\n", encoding="utf-8")
    monkeypatch.setenv("PACKSTATION_HOME", str(home))
    monkeypatch.delenv("PACKSTATION_CONFIG", raising=False)
    from tests.gui.conftest import open_station_window

    gui = open_station_window(home, qtbot, timeout=20000)
    # The demo's people reach the station with its first pulls.
    qtbot.waitUntil(lambda: gui.scan("PS:BADGE:P-1001") in ("signed_in", "already_signed_in"), timeout=10000)
    b = Bench(gui, qtbot)
    yield b
    b.close()


def test_a_networked_bench_takes_back_the_demo_return_issued_centrally(central, networked_bench, qtbot):
    b = networked_bench
    # The DEMO station's opening stock, pulled from the central database like another bench's.
    qtbot.waitUntil(lambda: any(sku == EARBUD for sku, _bin in levels(b)), timeout=10000)
    bin_of = next(k[1] for k in levels(b) if k[0] == EARBUD)
    start = levels(b)[(EARBUD, bin_of)]
    open_returns(b)

    assert b.scan(RETURN_TRACKING) == "return_opened"  # RMA-DEMO-1's return tracking number
    assert b.window.view.state.rma == "RMA-DEMO-1"
    assert b.scan(gtin(b, EARBUD)) == "serial_needed"
    assert b.scan(DEMO_SERIAL) == "grade_item"  # shipped by the DEMO station: not flagged
    assert b.key(Qt.Key.Key_F6) == "dispose_item"  # resellable
    assert b.key(Qt.Key.Key_F4) == "item_returned"  # back to its bin
    assert b.key(Qt.Key.Key_F5) == "return_closed"
    b.shot("networked-return-closed")
    assert levels(b)[(EARBUD, bin_of)] == start + 1

    # The warehouse sees it: the return's log and the restock reach the central database.
    qtbot.waitUntil(lambda: central.value(
        "SELECT count(*) FROM return_events WHERE station = 'RET-2' AND type = 'refund_ready'") == 1, timeout=10000)
    qtbot.waitUntil(lambda: central.value("SELECT on_hand FROM stock_levels WHERE sku = %s AND bin = %s",
                                          (EARBUD, bin_of)) == start + 1, timeout=10000)
    assert central.value("SELECT payload->>'number' FROM return_events WHERE type = 'return_opened'") == \
        f"{RETURN_ORDER}-R1"
