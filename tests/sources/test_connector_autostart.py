"""`packstation sources autostart`: the connector as a systemd user service (issue 21)."""

from __future__ import annotations

import stat

from app.it.autostart import install_connector, remove_connector


def test_the_connector_unit_runs_sources_run_and_restarts(tmp_path, monkeypatch):
    """GIVEN a station folder WHEN the connector's unit is written THEN it runs `sources run` with
    the station's PACKSTATION_HOME, restarts always, and is readable by its user only when it
    carries the central database's URL."""
    monkeypatch.setenv("PACKSTATION_HOME", "/srv/packstation/bench 1")
    unit, _ = install_connector(base=tmp_path, activate=False, command=["/opt/packstation/packstation",
                                                                         "sources", "run"])
    text = unit.read_text(encoding="utf-8")
    assert "ExecStart=/opt/packstation/packstation sources run\n" in text
    assert 'Environment="PACKSTATION_HOME=/srv/packstation/bench 1"' in text and "Restart=always" in text
    assert "PACKSTATION_CENTRAL_URL" not in text

    monkeypatch.setenv("PACKSTATION_CENTRAL_URL", "postgresql://owner:pw@central/warehouse")
    unit, _ = install_connector(base=tmp_path, activate=False, central=True, command=["packstation", "sources", "run"])
    assert "PACKSTATION_CENTRAL_URL=postgresql://owner:pw@central/warehouse" in unit.read_text(encoding="utf-8")
    assert stat.S_IMODE(unit.stat().st_mode) == 0o600
    assert remove_connector(base=tmp_path, activate=False) == [f"removed {unit}"] and not unit.exists()
