"""Reading typed values out of a parsed station.toml: one wrong value, one error naming its key.

app.config and app.shipping.settings each extend it with the kinds of value their tables hold.
"""

from __future__ import annotations

from typing import Any

from app.config_reasons import ConfigReason


class SettingsReader:
    error: type[Exception] = ValueError  # what a wrong value raises; the subclass names its own

    def __init__(self, raw: dict[str, Any], source: str) -> None:
        self.raw = raw
        self.source = source

    def _get(self, dotted: str) -> Any:
        section, key = dotted.split(".")
        return self.raw.get(section, {}).get(key)

    def _fail(self, dotted: str, problem: str) -> Exception:
        """`problem`: its words (a ConfigReason for the screen to word, or plain English)."""
        return self.error(ConfigReason("key_problem", source=self.source, key=dotted, problem=problem))

    def text(self, dotted: str, default: str) -> str:
        value = self._get(dotted)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self._fail(dotted, ConfigReason("must_be_text", value=value))
        return value.strip()

    def flag(self, dotted: str, default: bool) -> bool:
        value = self._get(dotted)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._fail(dotted, ConfigReason("must_be_true_or_false", value=value))
        return value
