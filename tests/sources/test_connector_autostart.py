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


def test_the_station_autostart_brings_the_connector_when_a_shop_is_connected(tmp_path, home, monkeypatch, capsys):
    """GIVEN a standalone station WHEN IT runs `packstation autostart install` with no shop connected
    THEN only the station's files are written and it says when to run it again; WITH a shop
    connected the connector's unit is written beside them, and `autostart remove` takes both away."""
    from app.cli import main
    from app.sources.registry import add_source, store_secret
    from app.startup import open_bench

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    units = tmp_path / "xdg" / "systemd" / "user"
    bench = open_bench()
    assert main(["autostart", "install", "--no-systemctl"]) == 0
    assert (units / "packstation.service").is_file() and not (units / "packstation-sources.service").exists()
    assert "no shop connected" in capsys.readouterr().out

    ref = store_secret("ck_1\ncs_1", name="shop-eu", config_dir=bench.paths.config_dir)
    add_source(bench.engine, name="shop-eu", platform="woocommerce", shop="https://shop.example",
               api_url="https://shop.example", secret_ref=ref)
    bench.close()
    assert main(["autostart", "install", "--no-systemctl"]) == 0
    unit = units / "packstation-sources.service"
    assert unit.is_file() and "sources run" in unit.read_text(encoding="utf-8")
    assert "shop connector: starts with the station's user session (shop-eu)" in capsys.readouterr().out
    assert main(["autostart", "status"]) == 0 and "shop connector: installed" in capsys.readouterr().out
    assert main(["autostart", "remove", "--no-systemctl"]) == 0
    assert not unit.exists() and not (units / "packstation.service").exists()
    assert main(["autostart", "install", "--no-systemctl", "--no-sources"]) == 0
    assert not unit.exists()
