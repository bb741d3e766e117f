"""The station's sentences in the packer's language, worded from codes and values.

The domain tells the packer something as a Feedback: a code, an English template with {name}
fields and the values that fill them (`Order {order} packed. Scan the next order.`, order=1001).
The screen translates the template through Qt's catalogue (context "Feedback"; the templates are
listed for it by app.ui.wording, which reads them from the source) and fills the values in. Values
that are words of a vocabulary (a grade, flags, where a returned unit goes) arrive as
`Worded` and are worded here; a scan the scanner layer refused is worded by its reason. A feedback
without a template (built by code that predates templates) is shown as the domain wrote it, and a
translation with a broken placeholder falls back to the English, so nothing ever blanks the banner.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.coded_text import template_values
from app.domain.events import Feedback, Tone, Worded

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Feedback", text)


def _marked(text: str) -> str:
    """A literal kept in a table below, translated where it is shown (listed for the catalogue)."""
    return text


# A scan the scanner layer refused (app.domain.scan.RejectReason, and the station's and the returns
# bench's own reasons): what the packer reads, by reason; {raw} is the scan as received.
SCAN_REJECTIONS: dict[str, str] = {
    "empty": _marked("Nothing was scanned — scan the barcode again."),
    "too_long": _marked("Scan is too long — scan one barcode at a time."),
    "invalid_utf8": _marked("Scanner sent unreadable data — check the scanner's keyboard setting, then scan again."),
    "control_character": _marked("Scan {raw} has a hidden control character — check the scanner setup, then scan "
                                 "again."),
    "forbidden_character": _marked("Scan {raw} has a character not allowed in a barcode — type the code or call a "
                                   "supervisor."),
    "bad_check_digit": _marked("Barcode {raw}: the check digit is wrong — scan it again or type it."),
    "gs1_truncated": _marked("Barcode data is cut off — scan it again."),
    "gs1_unknown_ai": _marked("Barcode {raw} has a GS1 field this station does not know — scan the product's other "
                              "barcode."),
    "gs1_bad_value": _marked("Barcode {raw} has a field that is not valid — scan another barcode or call a "
                             "supervisor."),
    "bad_command": _marked("Command card {raw} is not valid — use a card from the command sheet."),
    "bad_badge": _marked("Badge code is not valid — scan your badge again or ask a supervisor."),
    "unrecognised": _marked("Scan {raw} could not be read — scan it again or type it."),
    "unknown": _marked("Scan {raw} could not be read — scan it again or type it."),
    "ambiguous_order": _marked("{raw} names more than one order: type the full order number or scan the order's "
                               "barcode."),
    "bad_returns_code": _marked("Returns card {raw} is not valid — use a card from the returns sheet, or type the "
                                "order number."),
}

# Words of the vocabularies a Worded value names (app.domain.returns.model).
GRADES: dict[str, str] = {
    "resellable": _marked("resellable"),
    "damaged": _marked("damaged"),
    "wrong_item": _marked("wrong item"),
    "missing_parts": _marked("missing parts"),
}
FLAGS: dict[str, str] = {
    "late_return": _marked("late return"),
    "not_in_order": _marked("item not in the order"),
    "serial_not_shipped": _marked("serial not shipped"),
    "serial_already_returned": _marked("serial already returned"),
    "more_than_shipped": _marked("more than shipped"),
    "unknown_item": _marked("unknown item"),
}
WHERE: dict[str, str] = {  # where a returned unit goes; {bin} is its bin
    "restock": _marked("restock to {bin}"),
    "restock:": _marked("restock: scan the bin"),
    "quarantine": _marked("put it in {bin}"),
    "dispose": _marked("dispose"),
    "return_to_vendor": _marked("return to vendor"),
}
VOCABULARIES = {"grade": GRADES, "flags": FLAGS, "where": WHERE}


def worded_text(value: Worded) -> str:
    """A vocabulary value in the packer's language; unknown codes as the English the domain wrote."""
    if value.kind == "orders":  # open orders that need an item: ("order", number, tote) and ("more", count)
        listed = ", ".join(_tr("{0} (tote {1})").format(item[1], item[2]) if item[2] else item[1]
                           for item in value.items if item[0] == "order")
        more = [_tr("+{0} more").format(item[1]) for item in value.items if item[0] == "more"]
        return " ".join([listed, *more])
    words = VOCABULARIES.get(value.kind)
    if words is None:
        return value.english
    parts = []
    for code, *details in value.items:
        if value.kind == "where":
            bin_location = details[0] if details else ""
            key = code if bin_location or code != "restock" else "restock:"
            if key not in words:
                return value.english
            parts.append(_tr(words[key]).format(bin=bin_location))
        elif value.kind == "flags":
            if code not in words:
                return value.english
            sku, serial = (list(details) + ["", ""])[:2]
            subject = " ".join(p for p in (sku, _tr("serial {0}").format(serial) if serial else "") if p)
            parts.append(f"{_tr(words[code])} ({subject})" if subject else _tr(words[code]))
        else:
            if code not in words:
                return value.english
            parts.append(_tr(words[code]))
    return ", ".join(parts)


def coded_text(value: Any) -> Any:
    """A text that carries its code (printers.reasons.Reason, app.it.first_start.SetupText: a str with
    `context`, `template` and `values`) in the installed language, its values worded too; any other
    value as it is. A translation with a broken placeholder falls back to the English."""
    template, context = getattr(value, "template", None), getattr(value, "context", None)
    if not isinstance(value, str) or not isinstance(template, str) or not isinstance(context, str):
        return value
    if context == "Feedback":  # what the packer was told, as recorded (app.supervisor.audit.ToldText)
        code, values = str(getattr(value, "code", "")), dict(getattr(value, "values", {}))
        if not template and not (code in SCAN_REJECTIONS and "raw" in values):
            template, values = told_template(code, str(value), values)
        return feedback_text(Feedback(Tone.INFO, code, str(value), template, values))
    values = {name: value_text(v) for name, v in getattr(value, "values", {}).items()}
    fields = values.get("fields")
    if isinstance(fields, tuple):  # names of fields, worded one by one: "the ship-from address has no {missing}"
        values["missing"] = ", ".join(QCoreApplication.translate(context, str(f)) for f in fields)
    if values.get("country_code"):
        values["country"] = country_name(str(values["country_code"]), str(values.get("country", "")))
    try:
        return QCoreApplication.translate(context, template).format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("could not word %s %r with %r", context, template, values)
        return str(value)


def told_template(code: str, message: str, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The template (and the values) of a message recorded without one (a refused scan stored by an older
    version): the first of the code's templates in the source that reads the message word for word;
    ("", values) when none does, and the message is shown as it was stored."""
    message = message.rstrip()
    for template in _templates_by_code().get(code, ()):
        if (found := template_values(template, message)) is not None:
            return template, {**values, **found}
    return "", values


@lru_cache(maxsize=1)
def _templates_by_code() -> dict[str, tuple[str, ...]]:
    """Every outcome's templates by its code, the more fixed words first. Read once, from the source
    (app.ui.wording, ~0.5 s), and only when a screen shows a message recorded without its template."""
    from app.ui.wording import everything_said

    found: dict[str, set[str]] = {}
    for said in everything_said():
        if said.code:
            found.setdefault(said.code, set()).update(said.templates)

    def fixed_words(template: str) -> int:
        return sum(len(literal) for literal, *_ in string.Formatter().parse(template))

    return {code: tuple(sorted(templates, key=lambda t: (-fixed_words(t), t))) for code, templates in found.items()}


def error_text(error: BaseException | str | None) -> str:
    """An error's words in the installed language: an exception raised with a coded text (a ConfigReason,
    a DeviceReason, a printer's Reason: its first argument) is worded from its code; any other as it says."""
    if error is None:
        return ""
    if isinstance(error, str):
        return str(coded_text(error))
    first = error.args[0] if len(error.args) == 1 else None
    if isinstance(first, str) and isinstance(getattr(first, "template", None), str):
        return str(coded_text(first))
    return str(error)


def country_name(code: str, english: str) -> str:
    """A country's name in the installed language (pycountry's ISO 3166 translations); `english` without one."""
    language = QLocale().name().split("_")[0]
    if language == "en":
        return english
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return english
    words = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    for name in (getattr(country, "common_name", None), country.name):  # the name the English showed first
        if name and words.gettext(name) != name:
            return words.gettext(name)
    return english


def value_text(value: Any) -> Any:
    if isinstance(value, Worded):
        return worded_text(value)
    if isinstance(value, str):
        return coded_text(value)
    return "" if value is None else value


def word(template: str, values: Mapping[str, Any]) -> str:
    """`template` in the packer's language with `values` filled in (KeyError/ValueError when it cannot be)."""
    return _tr(template).format(**{name: value_text(v) for name, v in values.items()})


def feedback_text(feedback: Feedback) -> str:
    """What the banner says for a feedback, in the installed language."""
    if feedback.template:
        template = feedback.template
    elif feedback.code in SCAN_REJECTIONS and "raw" in feedback.values:
        template = SCAN_REJECTIONS[feedback.code]
    else:
        return feedback.message
    try:
        return word(template, feedback.values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder must not hide it
        log.warning("could not word %s %r with %r", feedback.code, template, feedback.values)
        return feedback.message


def _register_for_lupdate() -> None:  # pragma: no cover - never called: lists literals for the catalogue
    _tr("serial {0}")
    _tr("{0} (tote {1})")
    _tr("+{0} more")
