"""A networked station shows the central database next to its devices: green online, red offline."""

from __future__ import annotations

from app.sync.service import SyncStatus


def test_the_central_card_turns_red_when_the_station_goes_offline_and_survives_a_restart_of_the_devices(gui):
    window = gui.window
    window.central_status.emit(SyncStatus(online=True, message="connected to the central database"))
    gui.qtbot.waitUntil(lambda: "Central: connected" in window.device_strip.texts())

    window.central_status.emit(SyncStatus(online=False, message="connection refused", pending_events=12))
    gui.qtbot.waitUntil(lambda: "Central: disconnected" in window.device_strip.texts())
    card = window.device_strip.pill("central")
    assert not card.fine
    assert "packing the orders this station holds" in card.toolTip() and "12 events waiting" in card.toolTip()

    from app.ui.app import rebuild_job

    window.run_job(rebuild_job(window.config), "rebuild", window._on_rebuilt)  # as after saving settings
    gui.wait()
    assert "Central: disconnected" in window.device_strip.texts()
