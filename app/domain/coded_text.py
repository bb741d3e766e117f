"""Words with the code they were made from: English for logs, IT and the CLI, and the code and
values a screen words again in the packer's language (app/ui/wording.py).

    class DeviceReason(CodedText):
        context = "DeviceReasons"        # the translation catalogue's context of the templates
        templates = DEVICE_REASONS       # code -> English template with {name} fields

    reason = DeviceReason("no_such_port", path="/dev/ttyUSB0")
    str(reason) == "…/dev/ttyUSB0…"; reason.code, reason.template, reason.values

A CodedText is a str, so code that only passes the words along (an exception's message, a log
line, a stored error) needs no change; it survives copies and pickles (a process pool, a queue)
as what it is. (printers/reasons.py keeps its own copy: the printers package knows nothing of
the app.)
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, ClassVar, Self


class CodedText(str):
    context: ClassVar[str]
    templates: ClassVar[Mapping[str, str]]
    code: str
    template: str
    values: dict[str, Any]

    def __new__(cls, code: str, **values: Any) -> Self:
        template = cls.templates[code]
        text = super().__new__(cls, template.format(**values))
        text.code, text.template, text.values = code, template, values
        return text

    @classmethod
    def joined(cls, parts: list[str]) -> str:
        """Several texts as one, by the class's "one_then_another" template; each keeps its code
        (a single part is returned as it is, none as "")."""
        if not parts:
            return ""
        text = parts[0]
        for part in parts[1:]:
            text = cls("one_then_another", first=text, then=part)
        return text

    @classmethod
    def read_back(cls, stored: str | None, codes: Iterable[str]) -> str:
        """English stored by this or an older version (a database row) as the text of the first of
        `codes` whose template reads it, with the values it was filled with; else `stored` as it is
        (never rewritten: the stored fact stays what it was). Values come back as strings."""
        if not stored:
            return stored or ""
        for code in codes:
            if (values := template_values(cls.templates[code], stored)) is not None:
                return cls(code, **values)
        return stored

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.code, self.values))


_NEVER = re.compile(r"(?!)")


@lru_cache(maxsize=256)
def template_pattern(template: str) -> re.Pattern[str]:
    """A template's fields as the groups of a regular expression (a field used twice must match the same)."""
    parts, seen = [], set()
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None and (spec or conversion or not name.isidentifier()):
            return _NEVER  # a formatted or positional field: not read back, the stored text is kept
        if name:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


def template_values(template: str, text: str) -> dict[str, str] | None:
    """The values that fill `template` into exactly `text` (as strings); None when it does not read it."""
    match = template_pattern(template).fullmatch(text)
    if match is None:
        return None
    values = match.groupdict()
    try:
        return values if template.format(**values) == text else None
    except (KeyError, IndexError, ValueError):
        return None


def _rebuild(cls: type[CodedText], code: str, values: dict[str, Any]) -> CodedText:
    return cls(code, **values)
