"""Shipping's part of station.toml: [shipping], [smtp] and [email], validated on load.

`parse_settings(raw_toml_dict)` reads only these three sections, so app.config can hand over
the whole file; errors name the key and the problem, like the rest of the configuration.
Relative paths are taken from the configuration file's folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config_reasons import ConfigReason
from app.settings_reader import SettingsReader
from app.shipping.errors import ShippingSettingsError

SHIPPING_KEYS = frozenset({"sources", "rate_cards", "rules", "label_format", "easypost_api_key",
                           "easypost_api_key_file", "easypost_keyring", "easypost_base_url", "easypost_timeout",
                           "easypost_carrier_accounts"})
SMTP_KEYS = frozenset({"host", "port", "security", "user", "password_file", "from", "cafile", "timeout"})
EMAIL_KEYS = frozenset({"enabled", "brand", "brands_by_channel", "skip_channels", "templates", "message_domain"})
KNOWN = {"shipping": SHIPPING_KEYS, "smtp": SMTP_KEYS, "email": EMAIL_KEYS}
SOURCES = ("easypost", "rate_cards")
EASYPOST_URL = "https://api.easypost.com/v2"


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"  # starttls, ssl (SMTPS, port 465) or none (a local relay or mail catcher)
    user: str = ""
    password_file: Path | None = None
    sender: str = ""  # From: "Shop name <shipping@example.com>"
    cafile: Path | None = None  # a private CA for the mail server's certificate
    timeout_s: float = 30.0

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)

    def password(self) -> str:
        if self.password_file is None:
            return ""
        from app.private_files import ExposedSecret, read_secret_file

        try:
            return read_secret_file(self.password_file, "smtp.password_file").strip()
        except ExposedSecret as exc:
            raise ShippingSettingsError(str(exc)) from None
        except OSError as exc:
            raise ShippingSettingsError(ConfigReason("secret_file_unreadable", key="smtp.password_file",
                                                     path=self.password_file, reason=exc.strerror)) from exc


@dataclass(frozen=True)
class EmailSettings:
    enabled: bool = False
    brand: str = "default"
    brands_by_channel: dict[str, str] = field(default_factory=dict)  # channel (lower case) -> brand
    skip_channels: tuple[str, ...] = ("amazon",)  # marketplaces that tell their customers themselves
    templates: Path | None = None  # a folder of brand folders that overrides the packaged ones
    message_domain: str = ""  # right-hand side of Message-IDs; default: the sender's domain

    def brand_for(self, channel: str) -> str:
        return self.brands_by_channel.get(channel.casefold(), self.brand)


@dataclass(frozen=True)
class ShippingSettings:
    sources: tuple[str, ...] = ("rate_cards",)
    rate_cards: Path | None = None  # None: the packaged sample cards
    rules: Path | None = None  # None: the packaged default rules
    label_format: str = ""  # zpl or pdf; empty: what the station's label printer takes (zpl for the CLI)
    easypost_api_key: str = ""  # better: easypost_api_key_file or the OS keyring
    easypost_api_key_file: Path | None = None
    easypost_keyring: bool = False
    easypost_base_url: str = EASYPOST_URL
    easypost_timeout_s: float = 20.0
    easypost_carrier_accounts: tuple[str, ...] = ()
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    email: EmailSettings = field(default_factory=EmailSettings)


def load_settings(path: Path) -> ShippingSettings:
    """Read the shipping sections of a station.toml (the CLI's --settings)."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ShippingSettingsError(ConfigReason("cannot_read", path=path, reason=exc.strerror)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ShippingSettingsError(ConfigReason("not_toml", path=path, error=exc)) from exc
    return parse_settings(raw, source=str(path), base_dir=Path(path).parent)


def parse_settings(raw: dict[str, Any], source: str = "station.toml", base_dir: Path | None = None) -> ShippingSettings:
    r = _Reader(raw, source, base_dir or Path.cwd())
    for section, known in KNOWN.items():
        body = raw.get(section, {})
        if not isinstance(body, dict):
            raise ShippingSettingsError(ConfigReason("not_a_table", source=source, section=section))
        for key in body:
            if key not in known:
                raise ShippingSettingsError(ConfigReason("unknown_key", source=source, section=section, key=key,
                                                         known=", ".join(sorted(known))))
    key_file = r.path("shipping.easypost_api_key_file")
    api_key = r.text("shipping.easypost_api_key", "")
    keyring = r.flag("shipping.easypost_keyring", False)
    default_sources = ("easypost",) if (api_key or key_file or keyring) else ("rate_cards",)
    sources = r.names("shipping.sources", default_sources)
    for name in sources:
        if name not in SOURCES:
            raise ShippingSettingsError(ConfigReason("unknown_source", source=source, name=name,
                                                     known=", ".join(SOURCES)))
    base_url = r.text("shipping.easypost_base_url", EASYPOST_URL).rstrip("/")
    if not base_url.startswith(("https://", "http://")):
        raise ShippingSettingsError(ConfigReason("url_scheme", source=source, key="shipping.easypost_base_url",
                                                 value=base_url))
    smtp = SmtpSettings(
        host=r.text("smtp.host", ""),
        port=r.whole("smtp.port", 587, 1, 65535),
        security=r.choice("smtp.security", "starttls", ("starttls", "ssl", "none")),
        user=r.text("smtp.user", ""),
        password_file=r.path("smtp.password_file"),
        sender=r.text("smtp.from", ""),
        cafile=r.path("smtp.cafile"),
        timeout_s=r.number("smtp.timeout", 30.0, 1, 600),
    )
    email = EmailSettings(
        enabled=r.flag("email.enabled", smtp.configured),
        brand=r.text("email.brand", "default") or "default",
        brands_by_channel={k.casefold(): v for k, v in r.mapping("email.brands_by_channel").items()},
        skip_channels=tuple(n.casefold() for n in r.names("email.skip_channels", ("amazon",))),
        templates=r.path("email.templates"),
        message_domain=r.text("email.message_domain", ""),
    )
    if email.enabled and not smtp.configured:
        raise ShippingSettingsError(ConfigReason("email_needs_smtp", source=source))
    return ShippingSettings(
        sources=sources,
        rate_cards=r.path("shipping.rate_cards"),
        rules=r.path("shipping.rules"),
        label_format=r.choice("shipping.label_format", "", ("zpl", "pdf")) if r.text("shipping.label_format", "")
        else "",
        easypost_api_key=api_key,
        easypost_api_key_file=key_file,
        easypost_keyring=keyring,
        easypost_base_url=base_url,
        easypost_timeout_s=r.number("shipping.easypost_timeout", 20.0, 1, 300),
        easypost_carrier_accounts=r.names("shipping.easypost_carrier_accounts", ()),
        smtp=smtp,
        email=email,
    )


class _Reader(SettingsReader):
    error = ShippingSettingsError

    def __init__(self, raw: dict[str, Any], source: str, base_dir: Path) -> None:
        super().__init__(raw, source)
        self.base_dir = base_dir

    def path(self, dotted: str) -> Path | None:
        value = self.text(dotted, "")
        if not value:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.base_dir / path)

    def whole(self, dotted: str, default: int, low: int, high: int) -> int:
        value = self._get(dotted)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(dotted, ConfigReason("must_be_whole_from_to", low=low, high=high, value=value))
        return value

    def number(self, dotted: str, default: float, low: float, high: float) -> float:
        value = self._get(dotted)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise self._fail(dotted, ConfigReason("must_be_number_from_to", low=f"{low:g}", high=f"{high:g}",
                                                  value=value))
        return float(value)

    def choice(self, dotted: str, default: str, choices: tuple[str, ...]) -> str:
        value = self.text(dotted, default)
        if value not in choices:
            raise self._fail(dotted, ConfigReason("must_be_one_of", choices=", ".join(choices), value=value))
        return value

    def names(self, dotted: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self._get(dotted)
        if value is None:
            return default
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(dotted, ConfigReason("must_be_name_list"))
        return tuple(v.strip() for v in value if v.strip())

    def mapping(self, dotted: str) -> dict[str, str]:
        value = self._get(dotted)
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self._fail(dotted, ConfigReason("must_be_name_table"))
        return {str(k): v.strip() for k, v in value.items()}
