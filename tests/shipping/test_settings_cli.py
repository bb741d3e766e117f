"""Shipping settings from station.toml, and the `shipping` command line run as a separate process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.shipping.credentials import easypost_api_key
from app.shipping.errors import ShippingNotConfigured, ShippingSettingsError
from app.shipping.settings import parse_settings
from tests.shipping.conftest import new_parcel
from tests.shipping.test_crash import ROOT, settings_file
from tests.support import clock_env


def test_defaults_rate_with_the_sample_cards():
    settings = parse_settings({})
    assert settings.sources == ("rate_cards",) and not settings.email.enabled


def test_a_key_file_switches_to_easypost_and_relative_paths_follow_the_file(tmp_path):
    (tmp_path / "ep.key").write_text("EZAKsecret\n")
    (tmp_path / "ep.key").chmod(0o600)  # a secret file others can read is refused (docs/security.md)
    settings = parse_settings({"shipping": {"easypost_api_key_file": "ep.key"}}, base_dir=tmp_path)
    assert settings.sources == ("easypost",) and easypost_api_key(settings) == "EZAKsecret"


@pytest.mark.parametrize(("raw", "message"), [
    ({"shipping": {"sources": ["fedex_direct"]}}, "shipping.sources has 'fedex_direct'"),
    ({"shipping": {"label_fromat": "zpl"}}, "unknown key shipping.label_fromat"),
    ({"smtp": {"port": 0}}, "smtp.port must be a whole number from 1 to 65535"),
    ({"email": {"enabled": True}}, "email.enabled needs smtp.host and smtp.from"),
    ({"shipping": {"easypost_base_url": "ftp://x"}}, "easypost_base_url must start with https://"),
])
def test_mistakes_name_the_key(raw, message):
    with pytest.raises(ShippingSettingsError, match=message):
        parse_settings(raw, source="station.toml")


def test_no_key_anywhere_tells_a_supervisor_what_to_set(monkeypatch):
    monkeypatch.delenv("EASYPOST_API_KEY", raising=False)
    with pytest.raises(ShippingNotConfigured, match="easypost_api_key_file"):
        easypost_api_key(parse_settings({"shipping": {"sources": ["easypost"]}}))


def test_keyring_is_asked_only_when_configured(monkeypatch):
    import types

    fake = types.SimpleNamespace(get_password=lambda service, user: "EZAKfromkeyring" if user == "easypost" else None)
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.delenv("EASYPOST_API_KEY", raising=False)
    assert easypost_api_key(parse_settings({"shipping": {"easypost_keyring": True}})) == "EZAKfromkeyring"


def run(engine, settings: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.shipping.cli", "--database", str(engine.url),
                           "--settings", str(settings), *args], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=clock_env())


def test_cli_buy_close_out_and_export(engine, repo, easypost, tmp_path):
    """GIVEN a packed parcel WHEN a supervisor buys, closes out and exports from the command line
    THEN each step reports plainly and writes its files; a fault is one clear line, not a traceback."""
    settings = settings_file(tmp_path, easypost.base_url, easypost.api_key)
    parcel = new_parcel(repo)

    bought = run(engine, settings, "buy", "1001", "--label-out", str(tmp_path / "label.zpl"))
    assert bought.returncode == 0, bought.stderr
    assert (tmp_path / "label.zpl").read_bytes().startswith(b"^XA")
    repo.label_done(parcel, tracking_number=easypost.find(f"ps-{parcel}-1")["tracking_code"], label_format="zpl",
                    label_ref="job")

    closed = run(engine, settings, "close-out", "--csv", str(tmp_path / "out"), "--pdf", str(tmp_path / "out"))
    assert closed.returncode == 0, closed.stderr
    assert "USPS-" in closed.stdout and list((tmp_path / "out").glob("USPS-*.pdf"))

    easypost.fault("create", "401")
    refused = run(engine, settings, "rates", "1002")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("packstation shipping: The carrier account refused this station's key.")


def test_cli_rates_and_checks_without_network(engine, tmp_path):
    settings = tmp_path / "station.toml"
    settings.write_text('[ship_from]\nname = "W"\ncity = "Columbus"\npostcode = "43215"\ncountry = "US"\n')
    rates = run(engine, settings, "rates", "1001", "--carton", "M", "--weight", "900")
    assert rates.returncode == 0, rates.stderr
    assert rates.stdout.startswith("order 1001: USPS/Ground Advantage 8.19 USD")
    assert run(engine, settings, "track", "1Z999AA10123456784").stdout.startswith("1Z999AA10123456784: UPS")
    assert run(engine, settings, "track", "1Z999AA10123456785").returncode == 1
    assert "30 service(s) from 5 carrier(s): OK" in run(engine, settings, "cards-check").stdout
    bad = run(engine, settings, "rates", "1001", "--carton", "XXL")
    assert bad.returncode == 2 and "no carton 'XXL'" in bad.stderr
