"""The station window against a real central database: it claims through it, shows the link, and
stops the packer when the order is cancelled upstream."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402


@pytest.fixture
def networked_window(central, tmp_path, monkeypatch, qtbot):
    home = tmp_path / "bench"
    home.mkdir()
    url = central.add_station("GUI-1")
    (home / "station.toml").write_text(
        f'[station]\nname = "GUI-1"\n\n[central]\nurl = "{url}"\npassword_file = "{central.passwords["GUI-1"]}"\n'
        "preclaim = 0\n", encoding="utf-8")
    monkeypatch.setenv("PACKSTATION_HOME", str(home))
    monkeypatch.delenv("PACKSTATION_CONFIG", raising=False)
    from app.ui.app import build_window, start_job

    window = build_window([], job=start_job(demo=False))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ready and window.idle, timeout=20000)
    yield window
    window.shutdown()


def _scan(window, qtbot, code: str) -> str:
    window.submit_scan(code, manual=True)
    qtbot.waitUntil(lambda: window.idle, timeout=10000)
    return window.last_outcome.code


def test_a_networked_window_packs_claims_centrally_and_stops_when_the_order_is_cancelled_upstream(
        central, networked_window, qtbot):
    window = networked_window
    first, second = central.seed(orders=2)
    qtbot.waitUntil(lambda: "Central: connected" in window.device_strip.texts(), timeout=10000)
    # Users and orders reach the station with the next pull (every sync_interval_ms).
    qtbot.waitUntil(lambda: _scan(window, qtbot, "PS:BADGE:P-1001") in ("signed_in", "already_signed_in"),
                    timeout=10000)
    qtbot.waitUntil(lambda: _scan(window, qtbot, first) == "order_opened", timeout=10000)
    assert central.value("SELECT c.station FROM claims c JOIN orders o ON o.id = c.order_id "
                         "WHERE o.number = %s", (first,)) == "GUI-1"

    central.rows("UPDATE orders SET status = 'cancelled' WHERE number = %s", (first,))
    qtbot.waitUntil(lambda: window.last_outcome is not None and window.last_outcome.code == "order_stopped",
                    timeout=10000)
    assert window.state.order is None
    assert _scan(window, qtbot, second) == "order_opened"
