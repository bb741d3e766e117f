"""`packstation setup`: flags or prompts -> a validated, atomically written, private-when-secret station file."""

from __future__ import annotations

import sqlite3
import stat
import tomllib

from app.config import load_config
from app.it.cli import main
from app.it.provision import Console, SetupOptions, run_setup

PASSWORD = "Pa55-w0rd-Central"


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def registered(paths) -> list[str]:
    with sqlite3.connect(paths.database) as db:
        return [row[0] for row in db.execute("SELECT name FROM stations")]


def test_flags_write_a_valid_private_file_and_register_the_station(paths, zebra, capsys):
    """GIVEN every value as a flag WHEN setup --yes runs THEN the station file is valid TOML that the
    station loads as given, private (0600, it holds a password), and the station is in its database."""
    code = main(["setup", "--yes", "--station", "BENCH-07", "--label-printer", zebra.uri,
                 "--document-printer", "cups://Office", "--scale", "sim://scale?weight=900",
                 "--central-url", f"postgresql://packer:{PASSWORD}@127.0.0.1:5432/warehouse", "--no-test"])
    out = capsys.readouterr().out
    assert code == 0, out
    raw = tomllib.loads(paths.config_file.read_text(encoding="utf-8"))
    assert raw["station"]["name"] == "BENCH-07" and raw["printers"]["label"] == zebra.uri
    config = load_config(paths)
    assert (config.station, config.document_printer, config.scale) == ("BENCH-07", "cups://Office",
                                                                       "sim://scale?weight=900")
    assert config.central_url.endswith("@127.0.0.1:5432/warehouse")
    assert mode(paths.config_file) == 0o600
    assert registered(paths) == ["BENCH-07"]
    assert PASSWORD not in out  # the password is never echoed


def test_devices_are_tested_as_they_are_added(paths, zebra, capsys):
    code = main(["setup", "--yes", "--station", "BENCH-08", "--label-printer", zebra.uri,
                 "--scale", "sim://scale?weight=1500"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "label printer" in out and "is ready" in out and "1500 g" in out


def test_a_device_that_fails_its_test_is_named_and_exits_1(paths, dead_port, capsys):
    """The file is still written (IT may set up a bench before its printer arrives), but exit 1 says
    which device did not pass."""
    code = main(["setup", "--yes", "--station", "BENCH-09", "--label-printer", f"tcp://127.0.0.1:{dead_port}"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL" in out and "not answering" in out and "did not pass: label printer" in out
    assert load_config(paths).label_printer == f"tcp://127.0.0.1:{dead_port}"


def test_no_secret_means_the_file_keeps_an_ordinary_mode(paths):
    assert main(["setup", "--yes", "--station", "BENCH-10", "--no-test", "--no-register"]) == 0
    assert mode(paths.config_file) == 0o644


def test_an_invalid_value_writes_nothing(paths, capsys):
    code = main(["setup", "--yes", "--station", "not a name!", "--no-test"])
    out = capsys.readouterr().out
    assert code == 2 and "nothing written" in out and "station.name" in out
    assert not paths.config_file.exists()


def test_an_unknown_printer_kind_writes_nothing(paths, capsys):
    assert main(["setup", "--yes", "--station", "B1", "--label-printer", "lpt1", "--no-test"]) == 2
    assert "printers.label" in capsys.readouterr().out and not paths.config_file.exists()


def test_a_profile_is_the_base_and_flags_win(paths, tmp_path, zebra):
    profile = tmp_path / "warehouse-a.toml"
    profile.write_text(f"""
[profile]
name = "Warehouse A packing bench"
[central]
url = "postgresql://packer:{PASSWORD}@127.0.0.1:5432/wa"
[printers]
label = "tcp://127.0.0.1:1"
document = "cups://WA-Office"
[packing]
weight_tolerance_g = 30
""", encoding="utf-8")
    code = main(["setup", "--yes", "--profile", str(profile), "--station", "WA-03", "--label-printer", zebra.uri,
                 "--no-test", "--no-register"])
    assert code == 0
    raw = tomllib.loads(paths.config_file.read_text(encoding="utf-8"))
    assert "profile" not in raw  # the [profile] table is for people
    config = load_config(paths)
    assert config.label_printer == zebra.uri  # the flag
    assert config.document_printer == "cups://WA-Office" and config.packing.weight_tolerance_g == 30  # the profile
    assert config.station == "WA-03" and mode(paths.config_file) == 0o600


def test_a_broken_profile_is_refused(paths, tmp_path, capsys):
    profile = tmp_path / "bad.toml"
    profile.write_text('[packing]\nweight_tolerance_g = "lots"\n', encoding="utf-8")
    assert main(["setup", "--yes", "--profile", str(profile), "--no-test"]) == 2
    assert "packing.weight_tolerance_g" in capsys.readouterr().out and not paths.config_file.exists()


def test_setup_keeps_what_the_file_already_has(paths, write_station):
    write_station('[station]\nname = "KEEP-1"\n[packing]\ncarton_fill_limit = 0.7\n')
    assert main(["setup", "--yes", "--document-printer", "cups://Office", "--no-test", "--no-register"]) == 0
    config = load_config(paths)
    assert (config.station, config.packing.carton_fill_limit, config.document_printer) == ("KEEP-1", 0.7,
                                                                                           "cups://Office")


def test_a_dash_removes_a_value(paths, write_station):
    write_station('[printers]\nlabel = "cups://Old"\ndocument = "cups://Office"\n')
    assert main(["setup", "--yes", "--label-printer", "-", "--no-test", "--no-register"]) == 0
    config = load_config(paths)
    assert (config.label_printer, config.document_printer) == ("", "cups://Office")


def test_if_new_leaves_a_configured_station_alone(paths, write_station):
    path = write_station('[station]\nname = "OLD-1"\n')
    before = path.read_bytes()
    assert main(["setup", "--yes", "--if-new", "--station", "NEW-1", "--no-test"]) == 0
    assert path.read_bytes() == before


def test_a_broken_file_is_kept_aside_and_replaced(paths, write_station):
    write_station("[station\n")
    assert main(["setup", "--yes", "--station", "FIXED-1", "--no-test", "--no-register"]) == 0
    assert load_config(paths).station == "FIXED-1"
    assert paths.config_file.with_name("station.toml.broken").read_text() == "[station\n"


def test_prompts_ask_again_after_a_wrong_answer_and_offer_to_keep_a_failing_device(paths, dead_port):
    answers = iter([
        "bad name!",  # station name: refused, asked again
        "BENCH-11",
        "",  # central database: none
        f"tcp://127.0.0.1:{dead_port}",  # label printer: fails its test...
        "n",  # ...do not keep it
        "-",  # no label printer then
        "",  # document printer: none
        "sim://scale?weight=750",  # scale: tested, answers
        "",  # no serial scanners
        # the ship-from address: company, name, street, line 2, city, region, postcode, country, phone
        "Nordlicht Versand GmbH", "", "Am Sandtorkai 5", "", "Hamburg", "", "2045", "Germany", "",
        "20457",  # the postcode again: Germany's have five digits
    ])
    said: list[str] = []
    result = run_setup(SetupOptions(), paths, Console(ask=lambda prompt: next(answers), say=said.append))
    assert result.code == 0, said
    config = load_config(paths)
    assert (config.station, config.label_printer, config.scale) == ("BENCH-11", "", "sim://scale?weight=750")
    assert (config.ship_from["company"], config.ship_from["postcode"], config.ship_from["country"]) == (
        "Nordlicht Versand GmbH", "20457", "DE")
    text = "\n".join(said)
    assert "2045 is not a postcode of Germany (like 26133)" in text
    assert "must be 1-32" in text  # the wrong name was explained
    assert "not answering" in text and "750 g" in text
    assert registered(paths) == ["BENCH-11"]


def test_ship_from_flags_are_checked_and_written(paths, capsys):
    """GIVEN the ship-from address as --ship-from flags, the country by name WHEN setup --yes runs
    THEN the file holds it with the country as its ISO code; GIVEN a postcode the country does not
    use THEN setup says so and exits 1 (written, but a check failed)."""
    flags = ["setup", "--yes", "--no-register", "--ship-from", "company=Nordlicht Versand GmbH",
             "--ship-from", "line1=Am Sandtorkai 5", "--ship-from", "city=Hamburg", "--ship-from", "country=Germany"]
    assert main([*flags, "--ship-from", "postcode=20457"]) == 0, capsys.readouterr().out
    assert load_config(paths).ship_from["country"] == "DE"
    assert main([*flags, "--ship-from", "postcode=SW1A 1AA"]) == 1
    assert "SW1A 1AA is not a postcode of Germany" in capsys.readouterr().out


def test_prompts_that_run_out_keep_the_rest(paths):
    answers = iter(["BENCH-12"])

    def ask(_prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    said: list[str] = []
    result = run_setup(SetupOptions(register=False), paths, Console(ask=ask, say=said.append))
    assert result.code == 0 and load_config(paths).station == "BENCH-12"


def test_a_serial_scanner_is_written_and_tested(paths, capsys):
    assert main(["setup", "--yes", "--station", "B-SCAN", "--scanner", "sim://scanner", "--no-register"]) == 0
    assert load_config(paths).scanner.serial == ("sim://scanner",) and "is open" in capsys.readouterr().out
