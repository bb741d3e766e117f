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

from collections.abc import Mapping
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

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.code, self.values))


def _rebuild(cls: type[CodedText], code: str, values: dict[str, Any]) -> CodedText:
    return cls(code, **values)
