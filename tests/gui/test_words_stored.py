"""Words from codes for what the station stores and shows again later (issue 20: hold reasons, refused
scans, print errors, shipping and central settings, scanner and scale ports).

GIVEN a text the station wrote to its database or raised from its settings or its devices (the English
the CLI, the logs and older versions read), WHEN a German screen shows it (after a restart too), THEN it
reads German, worded from the code and values the text carries or was read back into; a text a person
typed, or an old row the station cannot read back, is shown as it was stored.
Every code of these tables is walked in both languages by tests/gui/test_words_setup.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.config import ConfigError, parse_config
from app.devices.errors import OpenFailed
from app.devices.ports import resolve_usb
from app.devices.reasons import DeviceReason
from app.supervisor.audit import describe
from app.supervisor.hold_reasons import HOLD_REASONS, HoldReason, hold_reason
from app.sync.settings import CentralConfigError, parse_central_table
from app.ui.i18n import install_language
from app.ui.messages import coded_text, error_text
from printers.reasons import PRINTER_NAMES, REASONS, Reason, reason_from_text
from tests.gui.test_words import english_left, sample_values

ROOT = Path(__file__).resolve().parents[2]


def shown(kind: str, payload: dict) -> str:
    """An audit line as the console shows it (app.ui.supervisor.widgets words a coded cell)."""
    return coded_text(describe(1, None, "BENCH-1", "Alex Packer", kind, payload).text)


# ------------------------------------------------------------------ hold reasons and refused scans


def test_every_hold_code_is_said_by_the_supervisor_service():
    used: set[str] = set()
    for path in (ROOT / "app" / "supervisor").glob("*.py"):
        if path.name == "hold_reasons.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        used |= {n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
                 and getattr(n.func, "id", "") == "HoldReason" and isinstance(n.args[0], ast.Constant)}
    reasons = {"short", "damaged", "held", "weight", "cancelled_by_packer"}  # stored codes, read by hold_reason()
    from app.supervisor.hold_reasons import _DETAILS  # a sync conflict's stored English, read back

    spoken_by_name = {c for c in HOLD_REASONS if c.startswith(("kind_", "event_", "status_"))}  # conflict_kind()...
    assert set(HOLD_REASONS) - used - reasons - set(_DETAILS) - spoken_by_name == {"one_then_another"}
    assert used - set(HOLD_REASONS) == set()


def test_a_hold_reads_as_it_always_did_in_english_and_carries_its_code(qapp):
    assert describe(1, None, "B", None, "order_held", {"reason": "short", "missing": {"SOCK-M": 6}}).text == \
        "Put on hold: Short pick (missing 6× SOCK-M)"
    assert hold_reason("short").code == "short" and hold_reason("cancelled by packer").code == "cancelled_by_packer"
    typed = "address check by the office"  # a supervisor's or a shop's own words: not a code
    assert hold_reason(typed) == typed and not hasattr(hold_reason(typed), "code")
    assert hold_reason(None) == ""


def test_holds_and_stops_in_the_audit_trail_read_german(german):
    held = shown("order_held", {"number": "1005", "reason": "short", "missing": {"SOCK-M": 6}})
    assert held == "Geparkt: Fehlmenge (fehlt: 6× SOCK-M)"
    assert shown("order_held", {"reason": "damaged"}) == "Geparkt: Beschädigter Artikel"
    stopped = shown("order_released", {"number": "1005", "reason": "cancelled by packer"})  # stored as English
    assert "vom Packer abgebrochen" in stopped and english_left(stopped) == [], stopped
    # a reason a shop sent is shown as it came
    assert shown("order_held", {"reason": "awaiting payment"}).endswith(": awaiting payment")


def test_a_refused_scan_in_the_audit_trail_reads_german_from_its_recorded_template(german):
    template = "Wrong item: {sku} is not in order {order}. Put it back."
    payload = {"code": "wrong_item", "message": template.format(sku="MUG-1", order="1001"), "template": template,
               "sku": "MUG-1", "order": "1001"}
    install_language("en")
    assert shown("scan_rejected", payload) == f"Scan refused (wrong_item): {payload['message']}"
    install_language("de")
    # whatever the template, the German is the catalogue's: here one the session really says
    from app.ui.wording import everything_said

    said = next(s for s in everything_said() if s.code == "over_scan" and s.templates)
    real = sorted(said.templates)[0]
    values = sample_values(real)
    payload = {"code": "over_scan", "message": real.format(**values), "template": real, **values}
    text = shown("scan_rejected", payload)
    assert text.startswith("Scan abgelehnt (over_scan): ") and english_left(text.replace("over_scan", "")) == [], text
    assert all(str(v) in text for v in values.values())


def test_an_old_refused_scan_is_worded_by_its_code_or_shown_as_stored(german):
    """GIVEN scan_rejected events written before templates were recorded
    WHEN the console shows them in German
    THEN a scan the scanner layer refused is worded by its reason and the scan; any other keeps its English."""
    smudged = shown("scan_rejected", {"code": "bad_check_digit", "message": "Check digit wrong",
                                      "raw": "4006381333932"})
    assert "Prüfziffer" in smudged and "4006381333932" in smudged
    old = shown("scan_rejected", {"code": "wrong_item", "message": "Wrong item: MUG-1 is not in order 1001."})
    assert old == "Scan abgelehnt (wrong_item): Wrong item: MUG-1 is not in order 1001."
    changed = shown("scan_rejected", {"code": "x", "message": "The old words.", "template": "New words {sku}.",
                                      "sku": "A"})  # a template that no longer says what was recorded
    assert changed.endswith("The old words.")


def test_the_holds_queue_words_its_details(german):
    from app.supervisor.hold_reasons import one_then_another

    detail = one_then_another([HoldReason("missing", items="6× SOCK-M"),
                               HoldReason("weighed", grams=980, expected=1200, allowance=50)])
    assert detail == "missing 6× SOCK-M; weighed 980 g, expected 1200 g ± 50 g"
    assert coded_text(detail) == "fehlt: 6× SOCK-M; gewogen 980 g, erwartet 1200 g ± 50 g"
    assert coded_text(HoldReason("sync_conflict", kind="claimed elsewhere")).startswith("Synchronisationskonflikt")


# ------------------------------------------------------------------ print errors stored in the job store


def test_every_printer_reason_stored_as_english_is_read_back_with_its_code():
    """GIVEN every printer reason with a value for each field (its printer a real printer's name)
    WHEN its English is stored and read back
    THEN it is the same Reason again: the same code, the same words."""
    printer = Reason("tcp_printer", host="10.0.0.5", port=9100)
    for code, template in REASONS.items():
        if code in PRINTER_NAMES:
            continue
        values = {**sample_values(template), **({"printer": printer} if "{printer}" in template else {})}
        back = reason_from_text(str(Reason(code, **values)))
        assert isinstance(back, Reason) and back.code == code and back == Reason(code, **values), code
        if "{printer}" in template:
            assert back.values["printer"].code == "tcp_printer"
    assert reason_from_text("paper jam at the old printer") == "paper jam at the old printer"  # not ours: as stored
    assert reason_from_text("") == "" and reason_from_text(None) == ""


def test_a_stored_print_error_reads_german_after_a_restart(german):
    stored = "Label printer at 10.0.0.5:9100 dropped the connection while printing — check the label and reprint " \
             "it if it is incomplete"  # the print_jobs.last_error column, as any version wrote it
    text = coded_text(reason_from_text(stored))
    assert text == ("Etikettendrucker an 10.0.0.5:9100 hat die Verbindung beim Drucken getrennt — Etikett prüfen "
                    "und neu drucken, falls es unvollständig ist")
    interrupted = coded_text(reason_from_text(str(Reason("stopped_while_sending"))))
    assert interrupted == "Die Station stoppte beim Senden: vielleicht schon gedruckt. Erneut senden, falls es fehlt."


def test_the_job_store_gives_the_queue_its_stored_errors_with_their_codes(tmp_path):
    from app.printing.job_store import SqlJobStore
    from app.store.db import make_engine
    from app.store.tables import metadata
    from printers.print_queue import JobState, PrintJob, PrintQueue

    engine = make_engine(f"sqlite:///{tmp_path / 'jobs.db'}")
    metadata.create_all(engine, tables=[metadata.tables["print_jobs"]])
    store = SqlJobStore(engine)
    job = PrintJob("tcp://10.0.0.5:9100", "label", "zpl", b"^XA^XZ", "order 1001 box 1")
    job.state, job.last_error = JobState.INTERRUPTED, str(Reason("paper_out", printer=Reason(
        "tcp_printer", host="10.0.0.5", port=9100)))  # stored as plain English
    store.add(job)
    crashed = PrintJob("tcp://10.0.0.5:9100", "label", "zpl", b"^XA^XZ", "order 1002 box 1", state=JobState.SENDING)
    store.add(crashed)
    queue = PrintQueue(store, lambda *args: None, readiness=False)  # a restart: the crashed job is recovered
    health = queue.snapshot()
    assert [j.message.code for j in health.interrupted] == ["paper_out", "stopped_while_sending"]
    engine.dispose()


# ------------------------------------------------------------------ settings and devices


@pytest.mark.parametrize(("toml", "english", "german_start"), [
    ({"shipping": {"sources": ["ups"]}}, "station.toml: shipping.sources has 'ups'; known: easypost, rate_cards",
     "station.toml: shipping.sources enthält 'ups'; bekannt:"),
    ({"smtp": {"port": 70000}}, "station.toml: smtp.port must be a whole number from 1 to 65535, not 70000",
     "station.toml: smtp.port muss eine ganze Zahl von 1 bis 65535 sein"),
    ({"email": {"enabled": True}}, "station.toml: email.enabled needs smtp.host and smtp.from",
     "station.toml: email.enabled braucht smtp.host und smtp.from"),
    ({"central": {"sslmode": "maybe"}}, "station.toml: central.sslmode must be one of disable, allow, prefer, "
                                        "require, verify-ca, verify-full, not 'maybe'",
     "station.toml: central.sslmode muss eins von"),
    ({"central": {"url": "mysql://x"}}, "station.toml: central.url must be a postgresql:// URL or a libpq "
                                        "key=value string", "station.toml: central.url muss eine postgresql://"),
])
def test_shipping_and_central_settings_problems_read_german(german, toml, english, german_start):
    """GIVEN a station.toml with a wrong [shipping], [smtp], [email] or [central] value
    WHEN the configuration is read
    THEN the problem says the English it always said, and a German screen words it from its code."""
    with pytest.raises(ConfigError) as caught:
        parse_config(toml)
    assert str(caught.value) == english
    text = error_text(caught.value)
    assert text.startswith(german_start), text


def test_a_central_password_file_problem_keeps_its_code(german, tmp_path):
    settings = parse_central_table({"url": "postgresql://station@db/wms", "password_file": "pw"}, base_dir=tmp_path)
    from app.sync.settings import read_password

    with pytest.raises(CentralConfigError) as caught:
        read_password(settings)
    assert str(caught.value).startswith(f"cannot read central.password_file {tmp_path / 'pw'}: ")
    assert error_text(caught.value).startswith(f"central.password_file {tmp_path / 'pw'} kann nicht gelesen werden")


def test_a_usb_device_that_is_not_connected_reads_german(german, monkeypatch):
    """GIVEN a scanner or scale named usb://05e0:1200 that is not plugged in
    WHEN the station opens it
    THEN the English says what it always said, and the device card words it in German."""
    monkeypatch.setattr("app.devices.ports.list_serial_ports", lambda: [])
    with pytest.raises(OpenFailed) as caught:
        resolve_usb(0x05E0, 0x1200)
    reason = caught.value.args[0]
    assert reason == "usb://05e0:1200: no such USB device connected — is it plugged in?"
    assert coded_text(reason) == "usb://05e0:1200: kein solches USB-Gerät angeschlossen — Gerät einstecken"
    gone = DeviceReason("disconnected", reason=DeviceReason("vanished", port="/dev/ttyACM0"))
    assert coded_text(gone) == "getrennt: /dev/ttyACM0 ist weg — Kabel prüfen"


def test_the_device_runner_reports_a_missing_port_with_its_code(qapp, tmp_path):
    """The status a device card shows carries the reason's code (a DeviceRunner hands OpenFailed's reason on)."""
    from app.devices.link import LinkSettings, SerialLink

    with pytest.raises(OpenFailed) as caught:
        SerialLink(str(tmp_path / "ttyUSB9"), LinkSettings())
    assert caught.value.args[0].code == "not_found"
    from app.devices.reconnect import _said

    assert _said(caught.value).code == "not_found"
    assert _said(OpenFailed("plain words")) == "plain words"
