"""Where a station keeps its files, and its one TOML configuration file.

`PACKSTATION_HOME=DIR` puts configuration, database, spool and logs under DIR (tests, portable
installs, a second station on one machine). Otherwise the platform's user directories are used.
`PACKSTATION_CONFIG=FILE` points at the configuration file itself.
"""

from __future__ import annotations

import os
import re
import socket
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config_reasons import ConfigReason
from app.domain.rules import PackingRules
from app.settings_reader import SettingsReader
from app.shipping.settings import KNOWN as SHIPPING_KNOWN
from app.shipping.settings import ShippingSettings, ShippingSettingsError, parse_settings
from app.sync.settings import KEYS as CENTRAL_KEYS
from app.sync.settings import CentralConfigError, CentralSettings, parse_central_table

APP = "packstation"
MAX_RETURN_WINDOW_DAYS = 3650  # ten years: a longer window is a typo


class ConfigError(ValueError):
    """The configuration file is wrong; the message names the key and the problem."""


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def config_file(self) -> Path:
        override = os.environ.get("PACKSTATION_CONFIG")
        return Path(override) if override else self.config_dir / "station.toml"

    @property
    def database(self) -> Path:
        return self.data_dir / "station.db"

    @property
    def spool_dir(self) -> Path:
        return self.data_dir / "spool"

    def ensure(self) -> Paths:
        """Create the station's folders, each new one 0700 (app.private_files; not on Windows)."""
        from app.private_files import make_private_dir

        for folder in (self.config_dir, self.data_dir, self.log_dir, self.spool_dir):
            make_private_dir(folder)
        return self


def station_paths() -> Paths:
    home = os.environ.get("PACKSTATION_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(config_dir=root, data_dir=root / "data", log_dir=root / "logs")
    import platformdirs  # only without PACKSTATION_HOME

    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP)),
        data_dir=Path(platformdirs.user_data_dir(APP)),
        log_dir=Path(platformdirs.user_log_dir(APP)),
    )


@dataclass(frozen=True)
class ScannerSettings:
    order_pattern: str = r"(#|SO-?|ORD-?)?[0-9]{3,12}"
    tote_pattern: str = r"TOTE-?[0-9A-Z]{1,12}"
    serial: tuple[str, ...] = ()  # serial scanners by URI; a USB keyboard-wedge scanner needs none
    refuse_characters: str = ""  # printable characters this warehouse refuses in any scan (a blocklist)


@dataclass(frozen=True)
class CameraSettings:
    device: str = "off"  # off, auto (the first camera) or a camera's name
    retention_days: int = 90  # 0 keeps photos for ever


@dataclass(frozen=True)
class ReturnsSettings:
    """[returns]: the returns bench's rules, and whether packing slips carry a return code.

    The defaults are app.domain.returns.ReturnRules's own; `rules()` builds the ReturnRules the
    bench runs on (app.domain.returns is imported only then: a packing station never needs it
    to start).
    """

    window_days: int = 30  # days after shipping a return is accepted without a supervisor
    quarantine_bin: str = "QUARANTINE"  # where flagged and damaged returns go; never sellable
    code_on_slip: bool = False  # the packing slip carries the order's return QR code (PS:RETURN:...)

    def rules(self, *, window_days: int | None = None) -> Any:  # app.domain.returns.ReturnRules
        """The bench's ReturnRules; `window_days` overrides the configured window (a command's flag)."""
        from app.domain.returns import ReturnRules

        return ReturnRules(window_days=self.window_days if window_days is None else window_days,
                           quarantine_bin=self.quarantine_bin)


LATIN_ADDRESS_RULES = ("international", "always", "never")


@dataclass(frozen=True)
class LabelSettings:
    """[labels]: when the station's own shipping label also prints the ship-to address in Latin
    letters (a transliteration under the native script), as carriers that sort international
    parcels by a Latin address need. `latin_address` is the rule for every carrier:
    "international" (when the parcel leaves the ship-from country), "always" or "never";
    `latin_address_carriers` overrides it per carrier, e.g. { "Japan Post" = "never" }."""

    latin_address: str = "international"
    latin_address_carriers: tuple[tuple[str, str], ...] = ()  # (carrier name case-folded, rule)

    def latin_address_rule(self, carrier: str) -> str:
        """The rule for `carrier` (as the order or the purchase names it; case does not matter)."""
        wanted = carrier.strip().casefold()
        return next((rule for name, rule in self.latin_address_carriers if name == wanted), self.latin_address)


@dataclass(frozen=True)
class Config:
    station: str = field(default_factory=lambda: default_station_name())
    database_url: str = ""
    central_url: str = ""
    label_printer: str = ""
    document_printer: str = ""
    label_format: str = ""  # zpl or pdf; empty: zpl for tcp/serial/file printers, pdf otherwise
    label_dpi: int = 203
    # [printers] unicode_font: a TrueType font stored on the ZPL label printer ("E:NOTOSANSCJK.TTF"):
    # text its resident font cannot print (CJK, Arabic, Hebrew...) goes as text in it, not as a graphic.
    label_unicode_font: str = ""
    slip_page: str = "A4"
    scale: str = ""
    packing: PackingRules = field(default_factory=lambda: PackingRules(weigh_parcels=False))
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)
    returns: ReturnsSettings = field(default_factory=ReturnsSettings)
    ship_from: dict[str, str] = field(default_factory=dict)
    central: CentralSettings = field(default_factory=CentralSettings)
    gs1_company_prefix: str = ""  # for SSCCs on cartons and pallets; empty: the demo's (not for real use)
    sscc_reserve: int = 20  # networked: central SSCC serials kept ahead for building pallets offline
    # None: no [shipping] table, the station prints its own label without a carrier service.
    shipping: ShippingSettings | None = None
    labels: LabelSettings = field(default_factory=LabelSettings)
    pin_max_failures: int = 5  # [accounts]: wrong PINs in a row before an account locks (app.accounts.pins)
    pin_lock_minutes: int = 15  # [accounts]: how long it stays locked
    # [supervisor] min_active_minutes: rates per hour from less active time are "not enough data".
    stats_min_active_minutes: float = 10


def default_station_name() -> str:
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname().split(".")[0]).strip("-")
    return (host or "STATION").upper()[:32]


def load_config(paths: Paths | None = None) -> Config:
    """Read and validate the station's TOML; a missing file means all defaults."""
    path = (paths or station_paths()).config_file
    if not path.exists():
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(ConfigReason("not_utf8", path=path, reason=exc.reason)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(ConfigReason("not_toml", path=path, error=str(exc))) from exc
    return parse_config(raw, source=str(path))


_KNOWN = {
    "station": {"name"},
    "database": {"url"},
    "central": set(CENTRAL_KEYS),
    "printers": {"label", "document", "label_format", "label_dpi", "slip_page", "unicode_font"},
    "scale": {"uri"},
    "packing": {"weight_tolerance_g", "weight_tolerance_pct", "carton_fill_limit", "weigh_parcels"},
    "scanner": {"order_pattern", "tote_pattern", "serial", "refuse_characters"},
    "camera": {"device", "retention_days"},
    "returns": {"window_days", "quarantine_bin", "code_on_slip"},
    "ship_from": {"name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone"},
    "gs1": {"company_prefix", "sscc_reserve"},
    "labels": {"latin_address", "latin_address_carriers"},
    "accounts": {"pin_max_failures", "pin_lock_minutes"},
    "supervisor": {"min_active_minutes"},
    **{section: set(keys) for section, keys in SHIPPING_KNOWN.items()},  # shipping, smtp, email
}


def parse_config(raw: dict[str, Any], source: str = "station.toml") -> Config:
    _reject_unknown_keys(raw, source)
    reader = _Reader(raw, source)
    packing = PackingRules(
        weight_tolerance_g=reader.number("packing.weight_tolerance_g", 50, minimum=0, integer=True),
        weight_tolerance_pct=reader.number("packing.weight_tolerance_pct", 5.0, minimum=0, maximum=100),
        carton_fill_limit=reader.number("packing.carton_fill_limit", 0.85, minimum=0.1, maximum=1.0),
        # A bench with a scale weighs every parcel; one without uses the expected weight.
        weigh_parcels=reader.flag("packing.weigh_parcels", bool(reader.text("scale.uri", ""))),
    )
    scanner = ScannerSettings(
        order_pattern=reader.pattern("scanner.order_pattern", ScannerSettings.order_pattern),
        tote_pattern=reader.pattern("scanner.tote_pattern", ScannerSettings.tote_pattern),
        serial=reader.device_uris("scanner.serial", ("serial", "usb", "sim")),
        refuse_characters=reader.refused_characters("scanner.refuse_characters"),
    )
    camera = CameraSettings(
        device=reader.text("camera.device", "off") or "off",
        retention_days=reader.number("camera.retention_days", 90, minimum=0, integer=True),
    )
    returns = ReturnsSettings(
        window_days=reader.number("returns.window_days", ReturnsSettings.window_days, minimum=0,
                                  maximum=MAX_RETURN_WINDOW_DAYS, integer=True),
        quarantine_bin=_bin("returns.quarantine_bin", reader.text("returns.quarantine_bin",
                                                                  ReturnsSettings.quarantine_bin), source),
        code_on_slip=reader.flag("returns.code_on_slip", False),
    )
    name = reader.text("station.name", default_station_name())
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}", name):
        raise ConfigError(ConfigReason("station_name", source=source, name=name))
    try:
        central = parse_central_table(raw.get("central", {}), source, base_dir=Path(source).parent)
    except CentralConfigError as exc:
        raise ConfigError(*exc.args) from None  # its words keep their code (app.config_reasons)
    try:
        shipping = (parse_settings(raw, source, base_dir=Path(source).parent)
                    if any(section in raw for section in SHIPPING_KNOWN) else None)
    except ShippingSettingsError as exc:
        raise ConfigError(*exc.args) from None  # its words keep their code (app.config_reasons)
    return Config(
        station=name,
        database_url=reader.text("database.url", ""),
        central_url=central.url,
        central=central,
        label_printer=reader.printer("printers.label"),
        document_printer=reader.printer("printers.document"),
        label_format=reader.choice("printers.label_format", "", ("zpl", "pdf")),
        label_dpi=reader.choice("printers.label_dpi", 203, (203, 300, 600)),
        label_unicode_font=reader.printer_font("printers.unicode_font"),
        slip_page=reader.choice("printers.slip_page", "A4", ("A4", "Letter")),
        scale=reader.device_uri("scale.uri", ("serial", "usb", "sim")),
        packing=packing,
        scanner=scanner,
        camera=camera,
        returns=returns,
        ship_from={key: reader.text(f"ship_from.{key}", "") for key in sorted(_KNOWN["ship_from"])},
        shipping=shipping,
        gs1_company_prefix=_company_prefix(reader.text("gs1.company_prefix", ""), source),
        sscc_reserve=reader.number("gs1.sscc_reserve", 20, minimum=0, maximum=1000, integer=True),
        labels=LabelSettings(
            latin_address=reader.choice("labels.latin_address", "international", LATIN_ADDRESS_RULES),
            latin_address_carriers=_latin_address_carriers(raw.get("labels", {}).get("latin_address_carriers"),
                                                           source),
        ),
        pin_max_failures=reader.number("accounts.pin_max_failures", 5, minimum=1, maximum=20, integer=True),
        pin_lock_minutes=reader.number("accounts.pin_lock_minutes", 15, minimum=1, maximum=1440, integer=True),
        stats_min_active_minutes=reader.number("supervisor.min_active_minutes", 10, minimum=0, maximum=480),
    )


def _latin_address_carriers(value: Any, source: str) -> tuple[tuple[str, str], ...]:
    """labels.latin_address_carriers: { "Carrier name" = "international" | "always" | "never" }."""
    if value is None:
        return ()
    dotted = "labels.latin_address_carriers"
    if not isinstance(value, dict):
        raise ConfigError(ConfigReason("latin_table", source=source, key=dotted, value=value))
    rules = []
    for carrier, rule in value.items():
        if rule not in LATIN_ADDRESS_RULES:
            raise ConfigError(ConfigReason("latin_rule", source=source, key=dotted, carrier=carrier,
                                           rules=", ".join(LATIN_ADDRESS_RULES), rule=rule))
        rules.append((carrier.strip().casefold(), rule))
    return tuple(rules)


def _bin(dotted: str, value: str, source: str) -> str:
    """A bin name as the returns bench's bin labels carry it (PS:BIN:<bin>): upper case."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,31}", value):
        raise ConfigError(ConfigReason("bin_name", source=source, key=dotted, value=value))
    return value.upper()


def _company_prefix(value: str, source: str) -> str:
    if value and not re.fullmatch(r"[0-9]{6,12}", value):
        raise ConfigError(ConfigReason("company_prefix", source=source, value=value))
    return value


def _reject_unknown_keys(raw: dict[str, Any], source: str) -> None:
    for section, body in raw.items():
        if section not in _KNOWN:
            raise ConfigError(ConfigReason("unknown_section", source=source, section=section,
                                           known=", ".join(sorted(_KNOWN))))
        if not isinstance(body, dict):
            raise ConfigError(ConfigReason("not_a_table", source=source, section=section))
        for key in body:
            if key not in _KNOWN[section]:
                known = ", ".join(sorted(_KNOWN[section]))
                raise ConfigError(ConfigReason("unknown_key", source=source, section=section, key=key, known=known))


class _Reader(SettingsReader):
    error = ConfigError

    def number(self, dotted: str, default: Any, *, minimum: float, maximum: float | None = None,
               integer: bool = False) -> Any:
        value = self._get(dotted)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)):
            raise self._fail(dotted, ConfigReason("must_be_whole_number" if integer else "must_be_number", value=value))
        if value < minimum or (maximum is not None and value > maximum):
            raise self._fail(dotted, ConfigReason("must_be_between", minimum=minimum, maximum=maximum, value=value)
                             if maximum is not None else ConfigReason("must_be_at_least", minimum=minimum, value=value))
        return value

    def choice(self, dotted: str, default: Any, choices: tuple) -> Any:
        value = self._get(dotted)
        if value is None:
            return default
        if value not in choices:
            raise self._fail(dotted, ConfigReason("must_be_one_of", choices=", ".join(map(str, choices)), value=value))
        return value

    def printer(self, dotted: str) -> str:
        value = self.text(dotted, "")
        if value and not re.match(r"(tcp|serial|file|cups|dir|dummy)://.", value):
            raise self._fail(dotted, ConfigReason("not_a_printer_uri", value=value))
        return value

    def printer_font(self, dotted: str) -> str:
        """A font stored on a ZPL printer as ^A@ names it: drive (R, B, E or A), colon, name,
        .TTF/.TTE/.FNT; upper case. The rule of printers.zpl.render_zpl (which app.config may
        not import: the store reads the configuration and knows nothing of printers)."""
        value = self.text(dotted, "").strip().upper()
        if not value:
            return ""
        drive, _, rest = value.partition(":")
        stem, dot, ext = rest.rpartition(".")
        if (len(drive) != 1 or drive not in "RBEA" or not dot or not stem or ext not in ("TTF", "TTE", "FNT")
                or any(ch in stem for ch in "^~,:") or not stem.isascii() or not stem.isprintable()):
            raise self._fail(dotted, ConfigReason("not_a_printer_font", value=value))
        return value

    def device_uri(self, dotted: str, schemes: tuple[str, ...]) -> str:
        value = self.text(dotted, "")
        if value and not re.match(rf"({'|'.join(schemes)})://.", value):
            raise self._fail(dotted, ConfigReason("not_a_device_uri", value=value))
        return value

    def device_uris(self, dotted: str, schemes: tuple[str, ...]) -> tuple[str, ...]:
        value = self._get(dotted)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(dotted, ConfigReason("not_a_device_uri_list"))
        section, key = dotted.split(".")
        return tuple(_Reader({section: {key: v}}, self.source).device_uri(dotted, schemes) for v in value)

    def refused_characters(self, dotted: str) -> str:
        value = self.text(dotted, "")
        hidden = next((ch for ch in value if not ch.isprintable() or ch == " "), None)
        if hidden is not None:
            raise self._fail(dotted, ConfigReason("not_printable", hidden=hidden))
        return "".join(dict.fromkeys(value))

    def pattern(self, dotted: str, default: str) -> str:
        value = self.text(dotted, default)
        try:
            re.compile(value)
        except re.error as exc:
            raise self._fail(dotted, ConfigReason("not_a_pattern", error=str(exc))) from exc
        return value
