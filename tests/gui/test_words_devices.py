"""Words from codes for scanner and scale addresses (app.devices.reasons; issue 20 item 2).

GIVEN a scale address the station cannot use, WHEN the setup refuses it, THEN the English is the
sentence IT always read (the command line, doctor and logs show it), and the setup screen words it in
German. Every code is walked in both languages by tests/gui/test_words_setup.py; here every code the
devices package raises is in the table and every code of the table is raised somewhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.devices.factory import check_scale_uri
from app.devices.reasons import DEVICE_REASONS
from app.devices.uri import DeviceURIError
from app.it import first_start
from app.it.first_start import SetupError, SetupValues
from app.ui.messages import coded_text
from tests.gui.test_words import english_left

ROOT = Path(__file__).resolve().parents[2]


def test_every_device_code_raised_is_in_its_table_and_every_code_is_raised():
    used, strings = set(), set()
    for path in (ROOT / "app" / "devices").rglob("*.py"):
        if path.name == "reasons.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
                 and (getattr(n.func, "id", "") == "DeviceReason"  # or Params' self._fail(key, code, ...)
                      or getattr(n.func, "attr", "") == "_fail" and len(n.args) > 1)]
        for node in calls:
            first = node.args[0] if getattr(node.func, "id", "") == "DeviceReason" else node.args[1]
            if isinstance(first, ast.Constant):
                used.add(first.value)
        if calls:
            strings |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert used - set(DEVICE_REASONS) == set()
    assert set(DEVICE_REASONS) - used == set()


@pytest.mark.parametrize(("uri", "english"), [
    ("scale", "'scale' is not a device URI: use serial:///dev/ttyUSB0, usb://VID:PID or sim://scale"),
    ("sim://scanner", "sim://scanner: a scale URI cannot be sim://scanner"),
    ("serial:///dev/ttyUSB0?baud=fast", "serial:///dev/ttyUSB0?baud=fast: baud must be a whole number, not 'fast'"),
    ("serial:///dev/ttyUSB0?colour=red", "serial:///dev/ttyUSB0?colour=red: colour is not a known parameter here "),
    ("usb://05e0", "usb://05e0: usb:// needs a vendor and product id as 4 hex digits each, e.g. usb://05e0:1200 or "
                   "usb://05e0:1200/SERIALNO (see `packstation devices list`)"),
])
def test_a_scale_address_says_what_it_always_said_and_carries_its_code(uri, english):
    with pytest.raises(DeviceURIError) as caught:
        check_scale_uri(uri)
    assert str(caught.value).startswith(english)
    assert caught.value.args[0].code in DEVICE_REASONS


def test_the_setup_words_a_scale_address_it_refuses_in_german(german):
    with pytest.raises(SetupError) as caught:
        first_start.save(None, SetupValues({}, scale="serial:///dev/ttyUSB0?baud=fast"))
    problem = caught.value.problems["scale.uri"]
    assert problem == "serial:///dev/ttyUSB0?baud=fast: baud must be a whole number, not 'fast'"
    shown = coded_text(problem)
    assert shown == "serial:///dev/ttyUSB0?baud=fast: baud muss eine ganze Zahl sein, nicht 'fast'"
    assert english_left(shown.replace("serial:///dev/ttyUSB0?baud=fast", "")) == []


def test_the_setup_screen_shows_the_scale_problem_in_german(qtbot, german, tmp_path):
    from app.config import Paths
    from app.it.first_start import Found
    from app.ui.setup_wizard import StationSetupDialog

    paths = Paths(config_dir=tmp_path, data_dir=tmp_path / "data", log_dir=tmp_path / "logs")
    values = SetupValues({"name": "Lager Hamburg", "line1": "Am Sandtorkai 5", "city": "Hamburg", "country": "DE",
                          "postcode": "20457"}, scale="sim://scanner")
    dialog = StationSetupDialog(paths, values, station="BENCH-1", discover=lambda: Found())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    dialog.save()
    said = dialog.field_problems["scale.uri"].text()
    assert said == "sim://scanner: eine Waagen-Adresse kann nicht sim://scanner sein", said
    dialog.resize(1000, 700)
    assert dialog.grab().save(str(tmp_path / "setup-scale-de.png"))
    dialog.reject()


def test_every_config_code_said_is_in_its_table_and_every_code_is_said():
    """The same for station.toml's reasons (app.config_reasons): app.config and app.settings_reader say them,
    and the [shipping], [smtp], [email] (app.shipping.settings) and [central] tables (app.sync.settings)."""
    from app.config_reasons import CONFIG_REASONS

    used = set()
    for path in (ROOT / "app" / "config.py", ROOT / "app" / "settings_reader.py", ROOT / "app" / "shipping" /
                 "settings.py", ROOT / "app" / "sync" / "settings.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
                 and getattr(n.func, "id", "") == "ConfigReason"]
        used |= {c.value for n in calls for c in ast.walk(n.args[0])  # a literal, or either of "a" if ... else "b"
                 if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    assert used - set(CONFIG_REASONS) == set()
    assert set(CONFIG_REASONS) - used == set()


def test_a_wrong_station_toml_reads_german_in_the_setup(german, tmp_path):
    """GIVEN a station.toml with a key the station does not know WHEN the setup saves THEN the problem
    says the same English as before, and the setup screen words it in German."""
    from app.config import Paths

    paths = Paths(config_dir=tmp_path, data_dir=tmp_path / "data", log_dir=tmp_path / "logs")
    paths.config_file.write_text('[station]\nname = "BENCH-1"\ncolour = "red"\n', encoding="utf-8")
    values = SetupValues({"name": "Lager Hamburg", "line1": "Am Sandtorkai 5", "city": "Hamburg", "country": "DE",
                          "postcode": "20457"})
    with pytest.raises(SetupError) as caught:
        first_start.save(paths, values)
    problem = caught.value.problems["station.toml"]
    assert problem.startswith(f"{paths.config_file}: unknown key station.colour (known: ")
    shown = coded_text(problem)
    assert shown.startswith(f"{paths.config_file}: unbekannter Schlüssel station.colour (bekannt: "), shown

    paths.config_file.write_text('[packing]\nweigh_parcels = "yes"\n', encoding="utf-8")
    with pytest.raises(SetupError) as caught:
        first_start.save(paths, values)
    problem = caught.value.problems["station.toml"]
    assert problem == f"{paths.config_file}: packing.weigh_parcels must be true or false, not 'yes'"
    assert coded_text(problem) == (f"{paths.config_file}: packing.weigh_parcels muss „true“ oder „false“ sein, "
                                   "nicht 'yes'")
