"""The screen's own settings (language, theme, sound, scanner wedge), in ui.toml beside station.toml.

The station's schema (app/config.py) has no keys for these yet and rejects unknown keys, so they
live in their own small file next to the station file until the schema grows a [ui] table.
A damaged ui.toml never stops the station: it falls back to the defaults and says so. Saving
changes the keys in the file as it is (comments kept) through app.it.tomlfile, the one TOML writer.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from app.ui.wedge import MODES, SUFFIXES, WedgeSettings

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")
THEMES = ("light", "dark")


@dataclass(frozen=True)
class UiSettings:
    language: str = "en"
    theme: str = "light"
    volume: int = 80  # percent
    fullscreen: bool = False
    scanner: WedgeSettings = field(default_factory=WedgeSettings)

    def with_scanner(self, **changes: Any) -> UiSettings:
        return replace(self, scanner=replace(self.scanner, **changes))


class UiSettingsError(ValueError):
    pass


def ui_settings_path(config_file: Path) -> Path:
    return config_file.with_name("ui.toml")


def parse_ui_settings(raw: dict[str, Any], source: str = "ui.toml") -> UiSettings:
    ui = raw.get("ui", {})
    scanner = raw.get("scanner", {})
    defaults = UiSettings()

    def pick(table: dict[str, Any], key: str, default: Any, kind: type, where: str) -> Any:
        value = table.get(key, default)
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            raise UiSettingsError(f"{source}: {where}.{key} must be {kind.__name__}, not {value!r}")
        return value

    language = pick(ui, "language", defaults.language, str, "ui")
    theme = pick(ui, "theme", defaults.theme, str, "ui")
    volume = pick(ui, "volume", defaults.volume, int, "ui")
    if language not in LANGUAGES:
        raise UiSettingsError(f"{source}: ui.language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if theme not in THEMES:
        raise UiSettingsError(f"{source}: ui.theme must be one of {', '.join(THEMES)}, not {theme!r}")
    if not 0 <= volume <= 100:
        raise UiSettingsError(f"{source}: ui.volume must be between 0 and 100, not {volume}")
    wedge = defaults.scanner
    try:
        wedge = WedgeSettings(
            mode=pick(scanner, "mode", wedge.mode, str, "scanner"),
            prefix=pick(scanner, "prefix", wedge.prefix, str, "scanner"),
            suffix=pick(scanner, "suffix", wedge.suffix, str, "scanner"),
            max_gap_ms=pick(scanner, "max_gap_ms", wedge.max_gap_ms, int, "scanner"),
            min_length=pick(scanner, "min_length", wedge.min_length, int, "scanner"),
        )
    except ValueError as exc:
        raise UiSettingsError(f"{source}: {exc}") from exc
    if not 5 <= wedge.max_gap_ms <= 500:
        raise UiSettingsError(f"{source}: scanner.max_gap_ms must be between 5 and 500, not {wedge.max_gap_ms}")
    return UiSettings(language, theme, volume, pick(ui, "fullscreen", defaults.fullscreen, bool, "ui"), wedge)


def load_ui_settings(path: Path) -> tuple[UiSettings, str | None]:
    """The settings, and a problem to show when the file could not be used."""
    if not path.exists():
        return UiSettings(), None
    try:
        return parse_ui_settings(tomllib.loads(path.read_text(encoding="utf-8")), str(path)), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, UiSettingsError) as exc:
        log.warning("ui settings ignored: %s", exc)
        return UiSettings(), str(exc)


HEADER = "Packstation screen settings (written by the Settings dialog)."


def save_ui_settings(path: Path, settings: UiSettings) -> None:
    # The one TOML writer (tomlkit) is loaded when settings are saved, not on the start path (~35 ms).
    from app.it.tomlfile import SECRET_MODE, new_document, read_document, set_values, write_toml

    changes = {"ui": {"language": settings.language, "theme": settings.theme, "volume": settings.volume,
                      "fullscreen": settings.fullscreen},
               "scanner": asdict(settings.scanner)}
    try:
        document = read_document(path, HEADER)
        set_values(document, changes, remove_empty=False)
    except (OSError, ValueError):  # a damaged file was not in use (the defaults were): start afresh
        document = new_document(HEADER)
        set_values(document, changes, remove_empty=False)
    # Readable by its owner only, like the rest of the station folder (issue 18); nothing in it to share.
    write_toml(path, document, mode=SECRET_MODE)


__all__ = ["LANGUAGES", "MODES", "SUFFIXES", "THEMES", "UiSettings", "load_ui_settings", "save_ui_settings",
           "ui_settings_path", "parse_ui_settings"]
