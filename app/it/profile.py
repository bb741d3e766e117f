"""Station profiles: one TOML that makes every bench of a warehouse the same.

A profile is a station configuration without the station's own name: the central database, the
printers, the scale, packing rules, ship-from address. IT keeps one per warehouse (or per kind
of bench) and either

- passes it to `packstation setup --profile FILE`, or
- builds it into a station build (`packaging/build --profile FILE`), or drops it next to the
  built executable as station-profile.toml: on the first start of a station that has no
  configuration yet, it becomes the station's configuration.

A profile may carry a [profile] table (name, description) for people; it is not copied into the
station file. Order of precedence when setting up: the existing station file, then the profile,
then values given on the command line.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.config import Config, ConfigError, Paths, parse_config
from app.it.stationfile import write_config
from app.it.tomlfile import read_toml

PROFILE_FILE = "station-profile.toml"
META = "profile"  # the [profile] table: for people, not for the station

log = logging.getLogger(__name__)


class ProfileError(ConfigError):
    """The profile is not valid TOML or would make a configuration the station rejects."""


def load_profile(path: Path) -> dict[str, Any]:
    """The profile's station tables, validated as a configuration would be. Raises ProfileError."""
    if not path.is_file():
        raise ProfileError(f"{path}: no such profile file")
    try:
        raw = read_toml(path)
    except ValueError as exc:
        raise ProfileError(str(exc)) from exc
    tables = {k: v for k, v in raw.items() if k != META}
    try:
        parse_config(tables, source=f"profile {path}")
    except ConfigError as exc:
        raise ProfileError(str(exc)) from exc
    return tables


def describe(path: Path) -> str:
    """The profile's name for messages: its [profile] name, else the file name."""
    try:
        meta = read_toml(path).get(META, {})
    except ValueError:
        meta = {}
    name = meta.get("name") if isinstance(meta, Mapping) else None
    return f"{name} ({path.name})" if isinstance(name, str) and name else path.name


def bundled_profile() -> Path | None:
    """The profile shipped with this build, if any.

    Next to the executable first (IT can drop or replace one without rebuilding), then inside the
    build's bundle. A station run from source has no bundled profile.
    """
    if not getattr(sys, "frozen", False):
        return None
    candidates = [Path(sys.executable).resolve().parent / PROFILE_FILE]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / PROFILE_FILE)
    return next((p for p in candidates if p.is_file()), None)


def apply_on_first_start(paths: Paths, profile: Path | None = None) -> Config | None:
    """Make the station's configuration from the profile when the station has none yet.

    Returns the new configuration, or None when there was nothing to do (a configuration
    exists, or there is no profile). Raises ProfileError for a broken profile: a station built
    for a warehouse must not start as a blank demo station by mistake.
    """
    profile = profile or bundled_profile()
    if profile is None or paths.config_file.exists():
        return None
    config = write_config(paths, load_profile(profile))
    log.info("first start: station configuration made from profile %s", profile)
    return config
