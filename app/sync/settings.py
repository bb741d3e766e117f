"""The [central] table of a station's configuration, validated, and the station's credentials.

    [central]
    url = "postgresql://ps_bench_01@central.example:5432/warehouse"
    password_file = "central.password"   # mode 0600; or keyring = true
    sslmode = "verify-full"
    sslrootcert = "/etc/packstation/central-ca.pem"
    preclaim = 3            # orders reserved ahead, to keep packing while offline
    lease_seconds = 300     # a claim not renewed for this long may be taken over

Only the standard library here: app.config may call `parse_central_table` to validate the
table when the station's configuration is loaded.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.config_reasons import ConfigReason

SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
KEYRING_SERVICE = "packstation-central"
KEYS = frozenset({"url", "password_file", "keyring", "sslmode", "sslrootcert", "preclaim", "lease_seconds",
                  "claim_timeout_ms", "sync_interval_ms"})


class CentralConfigError(ValueError):
    """A [central] setting is wrong, or a credential is unsafe; the message names the key."""


@dataclass(frozen=True)
class CentralSettings:
    url: str = ""
    password_file: str = ""
    keyring: bool = False
    sslmode: str = ""  # empty: libpq's default (prefer)
    sslrootcert: str = ""
    preclaim: int = 3
    lease_seconds: int = 300
    claim_timeout_ms: int = 1000
    sync_interval_ms: int = 500

    @property
    def enabled(self) -> bool:
        return bool(self.url)


_NUMBERS = {  # key: (default, minimum, maximum)
    "preclaim": (3, 0, 100),
    "lease_seconds": (300, 15, 7 * 24 * 3600),
    "claim_timeout_ms": (1000, 100, 10_000),
    "sync_interval_ms": (500, 50, 60_000),
}


def parse_central_table(table: dict[str, Any], source: str = "station.toml",
                        base_dir: Path | None = None) -> CentralSettings:
    """Validate a [central] table. Relative file paths are taken from `base_dir` (the config folder)."""
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise CentralConfigError(ConfigReason("unknown_key", source=source, section="central", key=unknown[0],
                                              known=", ".join(sorted(KEYS))))

    def problem(key: str, reason: str) -> CentralConfigError:
        return CentralConfigError(ConfigReason("key_problem", source=source, key=f"central.{key}", problem=reason))

    def text(key: str) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise problem(key, ConfigReason("must_be_text", value=value))
        return value.strip()

    def number(key: str) -> int:
        default, low, high = _NUMBERS[key]
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise problem(key, ConfigReason("must_be_whole_number", value=value))
        if not low <= value <= high:
            raise problem(key, ConfigReason("must_be_between", minimum=low, maximum=high, value=value))
        return value

    url = text("url")
    if url and not (url.startswith(("postgresql://", "postgres://")) or "=" in url):
        raise CentralConfigError(ConfigReason("central_url", source=source))
    sslmode = text("sslmode")
    if sslmode and sslmode not in SSLMODES:
        raise problem("sslmode", ConfigReason("must_be_one_of", choices=", ".join(SSLMODES), value=sslmode))
    keyring = table.get("keyring", False)
    if not isinstance(keyring, bool):
        raise problem("keyring", ConfigReason("must_be_true_or_false", value=keyring))
    password_file = _path(text("password_file"), base_dir)
    if password_file and keyring:
        raise CentralConfigError(ConfigReason("password_twice", source=source))
    return CentralSettings(url=url, password_file=password_file, keyring=keyring, sslmode=sslmode,
                           sslrootcert=_path(text("sslrootcert"), base_dir),
                           **{key: number(key) for key in _NUMBERS})


def _path(value: str, base_dir: Path | None) -> str:
    if not value:
        return ""
    path = Path(value).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return str(path)


def settings_for(config: Any) -> CentralSettings:
    """The station's central settings: `config.central` once app.config carries them, else its url."""
    found = getattr(config, "central", None)
    if isinstance(found, CentralSettings):
        return found
    return CentralSettings(url=getattr(config, "central_url", "") or "")


# ------------------------------------------------------------------ credentials


def check_private(path: Path, what: str) -> None:
    """Refuse a secret that other users of the machine can read (or replace).

    A password file readable by the group or others leaks the station's database role to
    anyone logged in at the bench PC; we refuse it instead of warning, like ssh does.
    """
    if os.name != "posix":  # NTFS ACLs are not mode bits; the installer restricts the folder
        return
    try:
        info = path.stat()
    except OSError as exc:
        raise CentralConfigError(ConfigReason("cannot_read_secret", what=what, path=path,
                                              reason=exc.strerror or exc)) from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise CentralConfigError(ConfigReason("secret_readable_by_others", what=what, path=path,
                                              mode=f"{stat.S_IMODE(info.st_mode):o}"))


def url_has_password(url: str) -> bool:
    if url.startswith(("postgresql://", "postgres://")):
        return urlsplit(url).password is not None
    return any(part.strip().startswith("password") for part in url.split())


def url_user_host(url: str) -> tuple[str, str]:
    if url.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(url)
        return parts.username or "", parts.hostname or ""
    pairs = dict(part.split("=", 1) for part in url.split() if "=" in part)
    return pairs.get("user", ""), pairs.get("host", "")


def read_password(settings: CentralSettings, config_file: Path | None = None) -> str | None:
    """The station role's password: from its private file, the OS keyring, or None (libpq decides:
    a password in the URL, ~/.pgpass, a client certificate)."""
    if settings.password_file:
        path = Path(settings.password_file)
        check_private(path, "central.password_file")
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or not lines[0].strip():
            raise CentralConfigError(ConfigReason("password_file_empty", path=path))
        return lines[0].strip()
    if settings.keyring:
        try:
            import keyring  # optional: only stations configured for it need the package
        except ImportError:
            raise CentralConfigError(ConfigReason("no_keyring_package")) from None
        user, host = url_user_host(settings.url)
        secret = keyring.get_password(KEYRING_SERVICE, f"{user}@{host}")
        if not secret:
            raise CentralConfigError(ConfigReason("no_keyring_password", user=user, host=host,
                                                  service=KEYRING_SERVICE))
        return secret
    if config_file is not None and url_has_password(settings.url) and config_file.exists():
        check_private(config_file, "the configuration file with a password in central.url")
    return None
