"""GS1 element strings: parsing "(00)...(421)..." into checked Application Identifiers.

GS1-128 and GS1 DataMatrix carry the same element string; only where FNC1 separators go is
decided here, once, following the GS1 General Specifications: an FNC1 starts the symbol, and
one follows every element whose AI is not of predefined length, unless it is the last.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from printers.errors import LabelError

FNC1 = "\xf1"  # marks FNC1 inside the encoders' input; never printable data

# The "AI encodable character set 82" of the GS1 General Specifications (figure 7.11-1).
CSET82 = frozenset(string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_")

# Element strings that start with these two digits have a predefined total length
# (AI + data), so no FNC1 is needed after them (GS1 General Specifications figure 7.8.5-2).
PREDEFINED_LENGTH = {
    "00": 20, "01": 16, "02": 16, "03": 16, "04": 18,
    "11": 8, "12": 8, "13": 8, "14": 8, "15": 8, "16": 8, "17": 8, "18": 8, "19": 8,
    "20": 4, "31": 10, "32": 10, "33": 10, "34": 10, "35": 10, "36": 10, "41": 16,
}


@dataclass(frozen=True)
class AiSpec:
    title: str
    numeric: bool  # digits only (else the CSET 82 characters)
    min_len: int
    max_len: int
    check_digit: bool = False  # last digit is a GS1 mod-10 check digit
    prefix_digits: int = 0  # leading ISO country code digits of a mixed element (421, 423)


def _n(title: str, length: int, check: bool = False) -> AiSpec:
    return AiSpec(title, True, length, length, check)


def _nv(title: str, max_len: int) -> AiSpec:
    return AiSpec(title, True, 1, max_len)


def _x(title: str, max_len: int) -> AiSpec:
    return AiSpec(title, False, 1, max_len)


# The AIs a warehouse puts on logistic, shipping and product labels. An AI outside this table
# is refused with a clear message rather than printed unchecked.
AIS: dict[str, AiSpec] = {
    "00": _n("SSCC", 18, check=True),
    "01": _n("GTIN", 14, check=True),
    "02": _n("CONTENT", 14, check=True),
    "10": _x("BATCH/LOT", 20),
    "11": _n("PROD DATE", 6),
    "12": _n("DUE DATE", 6),
    "13": _n("PACK DATE", 6),
    "15": _n("BEST BEFORE", 6),
    "16": _n("SELL BY", 6),
    "17": _n("USE BY", 6),
    "20": _n("VARIANT", 2),
    "21": _x("SERIAL", 20),
    "22": _x("CPV", 20),
    "235": _x("TPX", 28),
    "240": _x("ADDITIONAL ID", 30),
    "241": _x("CUST. PART No.", 30),
    "250": _x("SECONDARY SERIAL", 30),
    "251": _x("REF. TO SOURCE", 30),
    "254": _x("GLN EXTENSION COMPONENT", 20),
    "30": _nv("VAR. COUNT", 8),
    "37": _nv("COUNT", 8),
    "400": _x("ORDER NUMBER", 30),
    "401": _x("GINC", 30),
    "402": _n("GSIN", 17, check=True),
    "403": _x("ROUTE", 30),
    "410": _n("SHIP TO LOC", 13, check=True),
    "411": _n("BILL TO", 13, check=True),
    "412": _n("PURCHASE FROM", 13, check=True),
    "413": _n("SHIP FOR LOC", 13, check=True),
    "414": _n("LOC No.", 13, check=True),
    "415": _n("PAY TO", 13, check=True),
    "416": _n("PROD/SERV LOC", 13, check=True),
    "417": _n("PARTY", 13, check=True),
    "420": _x("SHIP TO POST", 20),
    "421": AiSpec("SHIP TO POST", False, 4, 12, prefix_digits=3),
    "422": _n("ORIGIN", 3),
    "7003": _n("EXPIRY TIME", 10),
    "8004": _x("GIAI", 30),
    "8018": _n("GSRN - PROVIDER", 18, check=True),
    "8020": _x("REF. No.", 25),
    "90": _x("INTERNAL", 30),
    **{str(ai): _x("INTERNAL", 90) for ai in range(91, 100)},
    # Trade measures: 31nn-36nn, the fourth digit is the decimal point position.
    **{f"{p}{d}": _n("MEASURE", 6) for p in range(310, 370) for d in range(10)
       if p // 10 in (31, 32, 33, 34, 35, 36)},
}

_ELEMENT = re.compile(r"\((\d{2,4})\)")


@dataclass(frozen=True)
class Element:
    ai: str
    value: str

    @property
    def needs_separator(self) -> bool:
        """True if an FNC1 must follow this element when another element comes after it."""
        return self.ai[:2] not in PREDEFINED_LENGTH


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
    spec = AIS.get(ai)
    if spec is None:
        raise LabelError(field, f"({ai}) is not a GS1 Application Identifier this station knows")
    where = f"({ai}) {spec.title}"
    if not spec.min_len <= len(value) <= spec.max_len:
        size = str(spec.max_len) if spec.min_len == spec.max_len else f"{spec.min_len}-{spec.max_len}"
        raise LabelError(field, f"{where} needs {size} characters, got {len(value)} ({value!r})")
    if spec.numeric and not value.isdigit():
        raise LabelError(field, f"{where} must be digits only, got {value!r}")
    if spec.prefix_digits and not value[:spec.prefix_digits].isdigit():
        raise LabelError(field, f"{where} must start with a {spec.prefix_digits}-digit ISO country code")
    bad = sorted(set(value) - CSET82)
    if bad:
        raise LabelError(field, f"{where} cannot carry {''.join(bad)!r} "
                                "(GS1 allows letters, digits and !\"%&'()*+,-./:;<=>?_)")
    if spec.check_digit:
        expected = mod10_check_digit(value[:-1])
        if int(value[-1]) != expected:
            raise LabelError(field, f"{where} {value} has check digit {value[-1]}, expected {expected}")
    return Element(ai, value)
