"""`packstation doctor`: a short readable report, JSON for monitoring, non-zero exit on a problem."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from app.it.central import clock_check
from app.it.cli import main
from app.startup import open_bench
from app.store.db import HEAD, alembic_config, open_database, sqlite_url


def _psycopg_importable() -> bool:
    try:
        import psycopg  # noqa: F401 - installed but without libpq also counts as missing
    except ImportError:
        return False
    return True


HAS_PSYCOPG = _psycopg_importable()


def doctor_json(capsys, *extra: str) -> tuple[int, dict, dict]:
    code = main(["doctor", "--json", *extra])
    document = json.loads(capsys.readouterr().out)
    return code, document, {c["name"]: c for c in document["checks"]}


def make_database(paths) -> None:
    open_bench().close()


# A station that ships: the sender every label carries (doctor fails without one).
SHIP_FROM = """
[ship_from]
company = "Nordlicht Versand GmbH"
line1 = "Am Sandtorkai 5"
city = "Hamburg"
postcode = "20457"
country = "DE"
"""


def test_a_good_station_passes_every_check(capsys, paths, write_station, zebra, tmp_path):
    """GIVEN a configured station with a ready Zebra printer, a spool folder, a scale and a migrated database
    WHEN doctor runs THEN it exits 0 and every check that matters passed."""
    write_station(f"""
[station]
name = "BENCH-1"
[printers]
label = "{zebra.uri}"
document = "dir://{tmp_path / 'slips'}"
[scale]
uri = "sim://scale?weight=1250"
""" + SHIP_FROM)
    make_database(paths)
    code, document, checks = doctor_json(capsys)
    failures = [c for c in document["checks"] if not c["ok"] and c["severity"] != "info"]
    assert code == 0, failures
    assert document["ok"] is True and document["station"] == "BENCH-1"
    assert checks["configuration"]["ok"] and checks["database"]["ok"] and checks["migrations"]["ok"]
    assert checks["database"]["details"]["revision"] == HEAD
    assert "is ready" in checks["label printer"]["message"]
    assert checks["scale"]["ok"] and checks["scale"]["details"]["grams"] == 1250
    assert checks["central database"]["ok"] and "standalone" in checks["central database"]["message"]
    assert {"disk space", "label fonts", "Qt libraries", "version"} <= checks.keys()
    assert checks["ship-from"]["ok"] and checks["ship-from"]["message"] == "Nordlicht Versand GmbH, Hamburg, DE"


def test_the_text_report_is_short_and_names_each_check(capsys, paths, write_station, zebra):
    write_station(f'[printers]\nlabel = "{zebra.uri}"\n' + SHIP_FROM)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Packstation ") and "doctor" in out[0]
    assert any(line.split()[:3] == ["ok", "label", "printer"] for line in out)
    assert out[-1] in ("all checks passed",) or "warning" in out[-1]
    assert len(out) < 30


def test_a_missing_printer_fails_with_a_fix(capsys, paths, write_station, dead_port):
    """GIVEN a label printer at a 127.0.0.1 port where nothing listens WHEN doctor runs THEN exit 1,
    and the label printer check says it is not answering and what to check."""
    write_station(f'[printers]\nlabel = "tcp://127.0.0.1:{dead_port}"\n')
    code, document, checks = doctor_json(capsys)
    assert code == 1 and document["ok"] is False
    label = checks["label printer"]
    assert (label["ok"], label["severity"], label["status"]) == (False, "error", "fail")
    assert "not answering" in label["message"] and label["fix"]
    assert checks["configuration"]["ok"]  # only the printer is wrong


def test_a_printer_out_of_paper_is_a_problem(capsys, paths, write_station):
    from printers.simulator import ZebraSimulator

    with ZebraSimulator(status={"paper_out": True}) as printer:
        write_station(f'[printers]\nlabel = "{printer.uri}"\n')
        code, _document, checks = doctor_json(capsys)
    assert code == 1
    assert "out of labels" in checks["label printer"]["message"]
    assert checks["label printer"]["fix"] == "load a new roll"


def test_a_document_printer_is_never_sent_the_zebra_status_query(capsys, paths, write_station, zebra):
    """A laser printer on port 9100 would print "~HS" on a sheet: the document printer is only connected to."""
    write_station(f'[printers]\ndocument = "{zebra.uri}"\n')
    _code, _document, checks = doctor_json(capsys)
    assert checks["document printer"]["ok"] and "accepts connections" in checks["document printer"]["message"]
    assert zebra.wait_for_jobs(1, timeout=0.3) == []


def test_a_dead_central_database_fails_and_keeps_the_password_secret(capsys, paths, write_station, dead_port):
    """GIVEN central.url pointing at a closed 127.0.0.1 port WHEN doctor runs THEN exit 1, the central
    check says it cannot be reached (or that the driver is missing), and the password is never shown."""
    path = write_station(f'[central]\nurl = "postgresql://packer:S3cret-Central@127.0.0.1:{dead_port}/warehouse"\n')
    path.chmod(0o600)  # as setup writes it: the station's sync refuses a readable password
    code, document, checks = doctor_json(capsys)
    central = checks["central database"]
    assert code == 1 and not central["ok"] and central["severity"] == "error"
    if HAS_PSYCOPG:
        assert "cannot be reached" in central["message"] and "refused" in central["message"].lower()
    else:
        assert "psycopg" in central["message"]
    assert "***@127.0.0.1" in central["message"]
    assert "S3cret-Central" not in json.dumps(document)


def test_a_broken_configuration_is_named_and_the_rest_is_skipped(capsys, paths, write_station):
    write_station('[printers]\nlabel = 42\n')
    code, _document, checks = doctor_json(capsys)
    assert code == 1
    assert not checks["configuration"]["ok"] and "printers.label" in checks["configuration"]["message"]
    assert checks["database"]["message"].startswith("not checked")
    assert checks["label printer"]["message"].startswith("not checked")
    assert checks["disk space"]["ok"]  # what needs no configuration is still checked


def test_a_file_that_is_not_toml_is_reported(capsys, paths, write_station):
    write_station("[station\nname = 'x'\n")
    code, _document, checks = doctor_json(capsys)
    assert code == 1 and "not valid TOML" in checks["configuration"]["message"]


def test_a_database_from_a_newer_packstation_is_refused_in_plain_words(capsys, paths):
    make_database(paths)
    with sqlite3.connect(paths.database) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    code, _document, checks = doctor_json(capsys)
    assert code == 1
    message = checks["database"]["message"]
    assert "schema 9999" in message and "newer Packstation" in message and "will not open it" in message
    assert "install" in checks["database"]["fix"]


def test_an_older_database_is_fine_and_will_be_upgraded(capsys, paths, write_station):
    from alembic import command

    write_station(SHIP_FROM)
    engine, _ = open_database(sqlite_url(paths.database))
    command.downgrade(alembic_config(str(engine.url)), "0002")
    engine.dispose()
    code, _document, checks = doctor_json(capsys)
    assert code == 0 and checks["database"]["ok"]
    assert "schema 0002" in checks["database"]["message"] and "backup" in checks["database"]["message"]


def test_doctor_does_not_create_or_migrate_the_database(capsys, paths):
    main(["doctor", "--no-devices"])
    assert not paths.database.exists()


def test_a_world_readable_password_is_a_warning(capsys, paths, write_station):
    path = write_station('[database]\nurl = "postgresql+psycopg://u:pw@127.0.0.1:1/x"\n')
    path.chmod(0o644)
    _code, _document, checks = doctor_json(capsys, "--no-devices")
    assert checks["configuration"]["severity"] == "warning" and "chmod 600" in checks["configuration"]["fix"]


def test_strict_makes_warnings_fail(capsys, paths, write_station):
    write_station('[printers]\nlabel = "dummy://?x=1"\n' + SHIP_FROM)  # a test printer: a warning, not an error
    assert main(["doctor"]) == 0
    assert main(["doctor", "--strict"]) == 1


def test_a_station_without_a_ship_from_address_fails_with_the_way_to_set_it(capsys, paths, write_station):
    """GIVEN a station whose file names printers but no ship-from address (every label would read
    "Ship-from not configured") WHEN doctor runs THEN it exits 1, "ship-from" failed as an error, and
    the fix says where to set it up; GIVEN an address without a city THEN the check names what is missing."""
    write_station('[printers]\nlabel = "dummy://?x=1"\n')
    code, document, checks = doctor_json(capsys, "--no-devices")
    assert code == 1 and document["ok"] is False
    ship_from = checks["ship-from"]
    assert (ship_from["ok"], ship_from["severity"]) == (False, "error")
    assert "Ship-from not configured" in ship_from["message"]
    assert ship_from["fix"] == "run `packstation setup` or open Settings → Station setup"
    assert main(["doctor", "--no-devices"]) == 1
    assert "fix: run `packstation setup` or open Settings → Station setup" in capsys.readouterr().out

    write_station('[ship_from]\ncompany = "Nordlicht"\nline1 = "Am Sandtorkai 5"\ncountry = "DE"\n')
    _code, _document, checks = doctor_json(capsys, "--no-devices")
    assert checks["ship-from"]["message"] == "the ship-from address has no city"


def test_the_demo_warehouse_as_ship_from_is_a_warning(capsys, paths):
    """GIVEN a demo station (its first start wrote the demo warehouse as ship-from) WHEN doctor runs
    THEN the ship-from check warns that the demo's address is on every label; it is not an error."""
    from app.it.first_start import configure_demo_ship_from

    configure_demo_ship_from(paths)
    _code, _document, checks = doctor_json(capsys, "--no-devices")
    assert (checks["ship-from"]["ok"], checks["ship-from"]["severity"]) == (False, "warning")
    assert "demo warehouse" in checks["ship-from"]["message"] and "Station setup" in checks["ship-from"]["fix"]


def test_clock_skew_thresholds():
    assert clock_check(0.4).ok
    assert clock_check(-5).severity == "warning" and "ahead of" in clock_check(-5).message
    assert clock_check(300).severity == "error" and "timedatectl" in clock_check(300).fix


def test_doctor_runs_as_a_module(home, tmp_path):
    done = subprocess.run([sys.executable, "-m", "app.it.cli", "doctor", "--json", "--no-devices"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["version"]
