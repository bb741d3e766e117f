"""No file with a secret, and not the station database, is readable by another user of the machine:
the station folder is 0700, the database and secrets 0600, doctor reports wrong modes and setup
fixes them, secret files others can read are refused with a clear message. (POSIX modes: on
Windows these checks are skipped, and app.private_files says so.)"""

from __future__ import annotations

import os
import stat

import pytest

from app.config import load_config, station_paths
from app.it.doctor import check_pin_pepper, check_private_files
from app.it.provision import SetupOptions, run_setup
from app.it.tomlfile import write_toml
from app.private_files import ExposedSecret, check_secret_file, write_secret
from app.shipping.credentials import easypost_api_key
from app.shipping.errors import ShippingNotConfigured
from app.shipping.settings import ShippingSettingsError, SmtpSettings
from app.startup import open_bench

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes (Windows: NTFS permissions)")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_station_folder_is_0700_and_its_database_0600(home):
    """GIVEN no station folder WHEN the station opens for the first time (with a umask of 022)
    THEN the folders are 0700 and the database file (and its WAL) 0600."""
    old = os.umask(0o022)
    try:
        bench = open_bench()
        with bench.engine.begin() as conn:
            conn.exec_driver_sql("SELECT 1")
        bench.close()
    finally:
        os.umask(old)
    paths = station_paths()
    assert mode(paths.config_dir) == mode(paths.data_dir) == mode(paths.log_dir) == 0o700
    assert mode(paths.database) == 0o600
    for extra in ("-wal", "-shm"):
        sidecar = paths.database.with_name(paths.database.name + extra)
        if sidecar.exists():
            assert mode(sidecar) == 0o600


def test_doctor_reports_readable_secrets_and_setup_makes_them_private(home):
    """GIVEN a station whose database, SMTP password file and folder others can read
    WHEN doctor runs THEN "private files" warns and names each; WHEN setup runs THEN they are
    0600 / 0700 and doctor is content."""
    paths = station_paths().ensure()
    secret = home / "smtp.password"
    secret.write_text("hunter2\n")
    paths.config_file.write_text('[station]\nname = "BENCH-1"\n\n[smtp]\nhost = "mail.example.com"\n'
                                 'from = "shop@example.com"\npassword_file = "smtp.password"\n')
    bench = open_bench()
    bench.close()
    for path, loose in ((paths.database, 0o644), (secret, 0o644), (paths.data_dir, 0o755)):
        os.chmod(path, loose)
    check = check_private_files(paths, load_config(paths))
    assert not check.ok and check.severity == "warning"
    for path in (paths.database, secret, paths.data_dir):
        assert str(path) in check.message
    run_setup(SetupOptions(yes=True), paths)
    assert (mode(paths.database), mode(secret), mode(paths.data_dir)) == (0o600, 0o600, 0o700)
    assert check_private_files(paths, load_config(paths)).ok


def test_a_secret_file_others_can_read_is_refused_with_the_fix(tmp_path):
    """GIVEN an SMTP password file and an EasyPost key file of mode 0644
    WHEN the station reads them THEN it refuses, naming the file and `chmod 600`; at 0600 it reads them."""
    password, key = tmp_path / "smtp.password", tmp_path / "easypost.key"
    for path, text in ((password, "hunter2\n"), (key, "EZAK_test\n")):
        path.write_text(text)
        os.chmod(path, 0o644)
    with pytest.raises(ShippingSettingsError, match=f"chmod 600 {password}"):
        SmtpSettings(host="mail", password_file=password).password()
    settings = type("S", (), {"easypost_api_key_file": key, "easypost_keyring": False, "easypost_api_key": ""})()
    with pytest.raises(ShippingNotConfigured) as refused:
        easypost_api_key(settings)
    assert "other users" in str(refused.value) and "chmod 600" in refused.value.detail
    with pytest.raises(ExposedSecret):
        check_secret_file(key, "the key")
    os.chmod(password, 0o600)
    os.chmod(key, 0o600)
    assert SmtpSettings(host="mail", password_file=password).password() == "hunter2"
    assert easypost_api_key(settings) == "EZAK_test"


def test_the_settings_dialog_writes_station_toml_0600_whatever_mode_it_had(tmp_path):
    path = tmp_path / "station.toml"
    path.write_text("")
    os.chmod(path, 0o644)
    write_toml(path, {"central": {"url": "postgresql://ps_bench_1:secret@db/warehouse"}})
    assert mode(path) == 0o600
    write_secret(tmp_path / "token", "shpat_x")
    assert mode(tmp_path / "token") == 0o600


def test_doctor_says_where_the_pin_pepper_is(home):
    """GIVEN no OS keyring backend (this test machine) WHEN a pepper is made THEN it is a 0600 file and
    doctor says so; GIVEN a keyring backend THEN the pepper goes there and no file is written."""
    import keyring
    from keyring.backend import KeyringBackend

    from app.accounts.pepper import FILE_NAME, load_pepper

    paths = station_paths().ensure()
    assert check_pin_pepper(paths).ok  # not made yet
    previous = keyring.get_keyring()

    class Memory(KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    keyring.set_keyring(Memory())
    try:
        first = load_pepper(paths.data_dir)
        assert first.where == "keyring" and not (paths.data_dir / FILE_NAME).exists()
        assert load_pepper(paths.data_dir).key == first.key
        assert check_pin_pepper(paths).details["where"] == "keyring"
    finally:
        keyring.set_keyring(previous)
    other = paths.data_dir / "second"
    made = load_pepper(other)
    assert made.where == "file" and mode(other / FILE_NAME) == 0o600
