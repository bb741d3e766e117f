"""`packstation support-bundle`: configuration, logs, versions and doctor output in one zip, with no secret."""

from __future__ import annotations

import json
import logging
import tomllib
import zipfile
from urllib.parse import quote

from app.it.cli import main

CENTRAL_PASSWORD = "S3cr3t-Pa55word!"
DATABASE_PASSWORD = "an0ther-Secret"


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def test_the_bundle_holds_no_secret_that_was_in_the_configuration(paths, write_station, dead_port, tmp_path,
                                                                 capsys):
    """GIVEN a station file with passwords in the central and database URLs, and a log line that leaked one
    WHEN a support bundle is written THEN no member contains either password in any spelling."""
    central = f"postgresql://packer:{quote(CENTRAL_PASSWORD)}@127.0.0.1:{dead_port}/warehouse"
    write_station(f"""
[station]
name = "BENCH-3"
[central]
url = "{central}"
[database]
url = "postgresql+psycopg://station:{DATABASE_PASSWORD}@127.0.0.1:{dead_port}/bench3"
""")
    paths.config_file.with_name("ui.toml").write_text('[ui]\ntheme = "dark"\napi_token = "tok-123456"\n')
    (paths.log_dir / "station.log").write_text(
        f"2026-11-25 10:00:00 INFO sync connecting to {central}\n"
        f"2026-11-25 10:00:01 ERROR sync login failed password={CENTRAL_PASSWORD}\n"
        f"2026-11-25 10:00:02 INFO station scan accepted 4006381333931\n", encoding="utf-8")
    (paths.log_dir / "station.log.1").write_text("2026-11-24 09:00:00 INFO older log\n", encoding="utf-8")

    output = tmp_path / "bundle.zip"
    assert main(["support-bundle", "-o", str(output)]) == 0
    assert "secrets removed" in capsys.readouterr().out
    files = members(output)

    for secret in (CENTRAL_PASSWORD, quote(CENTRAL_PASSWORD), DATABASE_PASSWORD, "tok-123456"):
        leaks = [name for name, data in files.items() if secret.encode() in data]
        assert not leaks, f"{secret!r} found in {leaks}"

    station = files["config/station.toml"].decode()
    assert "postgresql://***@127.0.0.1" in station and 'name = "BENCH-3"' in station
    tomllib.loads(station)  # still TOML: support can load it
    assert b'api_token = "***"' in files["config/ui.toml"]
    log = files["logs/station.log"].decode()
    assert "password=***" in log and "scan accepted 4006381333931" in log  # the useful part stays
    assert "logs/station.log.1" in files


def test_the_bundle_has_versions_doctor_output_and_database_facts(paths, write_station, tmp_path):
    from app.startup import open_bench

    write_station('[station]\nname = "BENCH-4"\n')
    open_bench().close()
    logging.getLogger("test").info("bundle me")
    output = tmp_path / "b.zip"
    assert main(["support-bundle", "-o", str(output)]) == 0
    files = members(output)
    assert {"README.txt", "versions.json", "doctor.txt", "doctor.json", "database.json",
            "serial-ports.json", "config/station.toml"} <= files.keys()
    versions = json.loads(files["versions.json"])
    for key in ("packstation", "schema", "python", "qt", "pyside6", "sqlite", "os", "sqlalchemy", "alembic"):
        assert versions[key], key
    doctor = json.loads(files["doctor.json"])
    assert doctor["station"] == "BENCH-4" and any(c["name"] == "database" for c in doctor["checks"])
    assert files["doctor.txt"].decode().startswith("Packstation ")
    database = json.loads(files["database.json"])
    assert database["schema"] and database["tables"]["orders"] >= 0
    assert b"station.db" not in b"".join(name.encode() for name in files)  # never the database itself


def test_a_broken_configuration_is_still_bundled_and_redacted(paths, write_station, tmp_path):
    write_station('[central\nurl = "postgresql://u:Broken-Pw-99@h/db"\npassword = "Broken-Pw-99"\n')
    output = tmp_path / "b.zip"
    assert main(["support-bundle", "-o", str(output), "--no-doctor"]) == 0
    files = members(output)
    assert b"Broken-Pw-99" not in b"".join(files.values())
    assert b"[central" in files["config/station.toml"]


def test_default_name_is_in_the_current_folder(paths, write_station, tmp_path, monkeypatch, capsys):
    write_station('[station]\nname = "BENCH-5"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["support-bundle", "--no-doctor"]) == 0
    made = list(tmp_path.glob("packstation-support-BENCH-5-*.zip"))
    assert len(made) == 1 and zipfile.is_zipfile(made[0])
