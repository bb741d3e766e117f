"""GS1 element strings: parsing "(00)...(421)..." into checked Application Identifiers.

GS1-128 and GS1 DataMatrix carry the same element string; only where FNC1 separators go is
decided here, once, following the GS1 General Specifications: an FNC1 starts the symbol, and
one follows every element whose AI is not of predefined length, unless it is the last.

Which AIs exist, their formats and whether an FNC1 must follow them come from biip's copy of
the GS1 Barcode Syntax Dictionary, the same data the station's scanner reads with
(app.domain.gs1), so a label never writes what the station cannot read. biip is imported on
the first GS1 symbol, not with this module (it loads GS1 prefix tables that the plain labels
do not need).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from printers.errors import LabelError

if TYPE_CHECKING:
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

FNC1 = "\xf1"  # marks FNC1 inside the encoders' input; never printable data

# The "AI encodable character set 82" of the GS1 General Specifications (figure 7.11-1).
CSET82 = frozenset(string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_")

# Components ending in a GS1 mod-10 check digit, as (offset in the value, length): the Syntax
# Dictionary's "csum" linter, which biip's AI data leaves out (app.domain.gs1 has the same; a
# test keeps the two equal).
CHECK_DIGITS: dict[str, tuple[int, int]] = {
    "00": (0, 18), "01": (0, 14), "02": (0, 14), "03": (0, 14),
    "253": (0, 13), "255": (0, 13), "402": (0, 17),
    **{f"41{n}": (0, 13) for n in range(8)},
    "8003": (1, 13), "8006": (0, 14), "8017": (0, 18), "8018": (0, 18), "8026": (0, 14),
}
_LENGTHS = re.compile(r"([NXYZ])(\.\.)?(\d+)(?:\.\.N?(\d+))?")


@cache
def application_identifier(ai: str) -> GS1ApplicationIdentifier | None:
    """The GS1 Syntax Dictionary's entry for exactly `ai` ("421"), or None if there is none."""
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

    if not ai.isdigit():
        return None
    try:
        found = GS1ApplicationIdentifier.extract(ai)
    except ParseError:
        return None
    return found if found.ai == ai else None


def _length_range(value_format: str) -> tuple[int, int]:
    """The shortest and longest value a format allows: "N3+X..9" -> (4, 12), "N13[+X..17]" -> (13, 30)."""
    low = high = 0
    for token in value_format.replace("[+", "+[").split("+"):
        match = _LENGTHS.fullmatch(token.strip("[]"))
        n_min, n_max = (len(token.strip("[]")),) * 2 if match is None else (
            (1, int(match[3])) if match[2] else (int(match[3]), int(match[4] or match[3])))
        low += 0 if token.startswith("[") else n_min
        high += n_max
    return low, high


_ELEMENT = re.compile(r"\((\d{2,4})\)")


@dataclass(frozen=True)
class Element:
    ai: str
    value: str

    @property
    def needs_separator(self) -> bool:
        """True if an FNC1 must follow this element when another element comes after it."""
        spec = application_identifier(self.ai)
        return spec is None or spec.separator_required


@dataclass(frozen=True)
class ElementString:
    elements: tuple[Element, ...]

    @property
    def human_readable(self) -> str:
        """The text printed under the symbol: "(00)123456789012345675"."""
        return "".join(f"({e.ai}){e.value}" for e in self.elements)

    @property
    def encoded(self) -> str:
        """Symbol data: a leading FNC1, and FNC1 after each variable-length element but the last."""
        parts = [FNC1]
        for i, e in enumerate(self.elements):
            parts.append(e.ai + e.value)
            if e.needs_separator and i < len(self.elements) - 1:
                parts.append(FNC1)
        return "".join(parts)

    @property
    def transmitted(self) -> str:
        """What a scanner sends (FNC1 separators become GS, the leading one is implied)."""
        return self.encoded[1:].replace(FNC1, "\x1d")


def mod10_check_digit(digits: str) -> int:
    """The GS1 check digit of `digits` (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def sscc(extension_digit: int, company_prefix: str, serial_reference: int | str) -> str:
    """Build an 18-digit SSCC: extension digit + GS1 company prefix + serial, + check digit."""
    if not (0 <= int(extension_digit) <= 9):
        raise LabelError("sscc", "the extension digit must be 0-9")
    if not company_prefix.isdigit() or not 6 <= len(company_prefix) <= 12:
        raise LabelError("sscc", "the GS1 company prefix must be 6 to 12 digits")
    serial_len = 16 - len(company_prefix)
    serial = str(serial_reference)
    if not serial.isdigit() or len(serial) > serial_len:
        raise LabelError("sscc", f"the serial reference must be at most {serial_len} digits for this prefix")
    body = f"{extension_digit}{company_prefix}{serial.zfill(serial_len)}"
    return body + str(mod10_check_digit(body))


def parse(data: str, field: str = "data") -> ElementString:
    """Parse and check a parenthesised element string; raise LabelError naming what is wrong."""
    text = data.strip()
    if not text.startswith("("):
        raise LabelError(field, f"GS1 data must be written as (AI)value..., e.g. (00)123456789012345675; got {data!r}")
    matches = list(_ELEMENT.finditer(text))
    if not matches or matches[0].start() != 0:
        raise LabelError(field, f"GS1 data must start with an Application Identifier like (01); got {data!r}")
    elements = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        ai, value = m.group(1), text[m.end():end]
        elements.append(_check(ai, value, field))
    return ElementString(tuple(elements))


def _check(ai: str, value: str, field: str) -> Element:
    spec = application_identifier(ai)
    if spec is None:
        raise LabelError(field, f"({ai}) is not a GS1 Application Identifier")
    where = f"({ai}) {spec.data_title or spec.description}"
    value_format = spec.format.split("+", 1)[1]
    low, high = _length_range(value_format)
    if not low <= len(value) <= high:
        size = str(high) if low == high else f"{low}-{high}"
        raise LabelError(field, f"{where} needs {size} characters, got {len(value)} ({value!r})")
    if not any(kind in value_format for kind in "XYZ") and not (value.isascii() and value.replace("-", "").isdigit()):
        raise LabelError(field, f"{where} must be digits only, got {value!r}")
    bad = sorted(set(value) - CSET82 - ({"#"} if "Y" in value_format else set()))  # Y: set 39 (CPID)
    if bad:
        raise LabelError(field, f"{where} cannot carry {''.join(bad)!r} "
                                "(GS1 allows letters, digits and !\"%&'()*+,-./:;<=>?_)")
    if re.fullmatch(spec.pattern, ai + value) is None:
        raise LabelError(field, f"{where} {value!r} does not fit the GS1 format {value_format}")
    if ai in CHECK_DIGITS:
        offset, length = CHECK_DIGITS[ai]
        digits = value[offset:offset + length]
        expected = mod10_check_digit(digits[:-1])
        if int(digits[-1]) != expected:
            raise LabelError(field, f"{where} {digits} has check digit {digits[-1]}, expected {expected}")
    return Element(ai, value)
