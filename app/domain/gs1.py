"""GS1 element strings: the data inside GS1-128, GS1 DataMatrix, GS1 QR and GS1 DataBar.

Three spellings of the same data are read:

- the element string a scanner sends after the symbology identifier, with FNC1 separators
  transmitted as ASCII GS (0x1d): "0109506000134352" "10ABC123" GS "21XYZ";
- the human-readable, parenthesised form a person types: "(01)09506000134352(10)ABC123";
- a GS1 Digital Link URI: "https://example.com/01/09506000134352/10/ABC123?17=261231".

Rules follow the GS1 General Specifications and the GS1 Barcode Syntax Dictionary: AIs whose
length is predefined (00, 01, 02, 11-20, 31-36, 41) need no separator; every other AI ends at
a GS or at the end of the data; alphanumeric values use GS1 AI encodable character set 82.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from urllib.parse import unquote

from app.domain import clock
from app.domain.gtin import gtin_check_digit, has_valid_check_digit

GS = "\x1d"  # FNC1 as a scanner transmits it between fields

# GS1 AI encodable character set 82 (General Specifications figure 7.11-1).
CSET82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


class ValueType(StrEnum):
    TEXT = "text"  # the value as is (numeric or CSET 82)
    DATE = "date"  # YYMMDD, DD may be 00 = last day of the month
    DATE_STRICT = "date_strict"  # YYMMDD, DD 00 not allowed
    COUNT = "count"  # an integer
    DECIMAL = "decimal"  # last AI digit = number of implied decimal places


class Problem(StrEnum):
    """Why an element string was refused; scan.py turns these into packer messages."""

    TRUNCATED = "truncated"  # data ends inside a fixed-length field, or inside an AI
    UNKNOWN_AI = "unknown_ai"
    BAD_CHECK_DIGIT = "bad_check_digit"
    BAD_DATE = "bad_date"
    NOT_NUMERIC = "not_numeric"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    BAD_CHARACTER = "bad_character"  # outside CSET 82
    CONFLICT = "conflict"  # an AI twice with different values, or AIs that exclude each other
    EMPTY = "empty"
    NOT_GS1 = "not_gs1"  # a URI that is not a GS1 Digital Link


class Gs1Error(ValueError):
    """The data is not a valid GS1 element string. `problem` says why, `ai` where."""

    def __init__(self, problem: Problem, message: str, *, ai: str | None = None, char: str | None = None):
        super().__init__(message)
        self.problem = problem
        self.ai = ai
        self.char = char


@dataclass(frozen=True, slots=True)
class AiSpec:
    ai: str
    title: str
    numeric: bool
    min_length: int
    max_length: int
    predefined: bool = False  # predefined length: no FNC1 needed after it
    check_digit: bool = False
    value_type: ValueType = ValueType.TEXT

    @property
    def decimals(self) -> int:
        """Implied decimal places of a measure AI (310n, 392n...): its last digit."""
        return int(self.ai[-1]) if self.value_type is ValueType.DECIMAL else 0

    @property
    def format(self) -> str:
        """GS1 notation: N14, X..20, N..8."""
        kind = "N" if self.numeric else "X"
        fixed = self.min_length == self.max_length
        return f"{kind}{self.max_length}" if fixed else f"{kind}..{self.max_length}"


Typed = str | int | date | Decimal


@dataclass(frozen=True, slots=True)
class Element:
    ai: str
    value: str  # exactly as encoded
    typed: Typed  # date, int, Decimal or str according to the AI
    title: str


@dataclass(frozen=True, slots=True)
class Gs1Data:
    """A parsed element string, fields in the order they were encoded."""

    elements: tuple[Element, ...]

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((e.ai, e.value) for e in self.elements)

    def find(self, *prefixes: str) -> Element | None:
        """The first element whose AI starts with one of `prefixes` ("310" finds 3100-3105)."""
        return next((e for e in self.elements if e.ai.startswith(prefixes)), None)

    def value(self, ai: str) -> str | None:
        return next((e.value for e in self.elements if e.ai == ai), None)

    def has(self, ai: str) -> bool:
        return any(e.ai == ai for e in self.elements)


# -- the AI table -----------------------------------------------------------------------------


def _fixed_n(ai: str, title: str, length: int, *, check: bool = False, value_type: ValueType = ValueType.TEXT,
             predefined: bool = True) -> AiSpec:
    return AiSpec(ai, title, True, length, length, predefined, check, value_type)


def _var_n(ai: str, title: str, max_length: int, value_type: ValueType = ValueType.TEXT,
           min_length: int = 1) -> AiSpec:
    return AiSpec(ai, title, True, min_length, max_length, value_type=value_type)


def _var_x(ai: str, title: str, max_length: int) -> AiSpec:
    return AiSpec(ai, title, False, 1, max_length)


# Metric and US measures 31nn-36nn (Syntax Dictionary): prefix -> title. n = decimals 0-5.
_MEASURES = {
    "310": "NET WEIGHT (kg)", "311": "LENGTH (m)", "312": "WIDTH (m)", "313": "HEIGHT (m)",
    "314": "AREA (m2)", "315": "NET VOLUME (l)", "316": "NET VOLUME (m3)", "320": "NET WEIGHT (lb)",
    "321": "LENGTH (in)", "322": "LENGTH (ft)", "323": "LENGTH (yd)", "324": "WIDTH (in)",
    "325": "WIDTH (ft)", "326": "WIDTH (yd)", "327": "HEIGHT (in)", "328": "HEIGHT (ft)",
    "329": "HEIGHT (yd)", "330": "GROSS WEIGHT (kg)", "331": "LENGTH (m), log", "332": "WIDTH (m), log",
    "333": "HEIGHT (m), log", "334": "AREA (m2), log", "335": "VOLUME (l), log", "336": "VOLUME (m3), log",
    "337": "KG PER m2", "340": "GROSS WEIGHT (lb)", "341": "LENGTH (in), log", "342": "LENGTH (ft), log",
    "343": "LENGTH (yd), log", "344": "WIDTH (in), log", "345": "WIDTH (ft), log", "346": "WIDTH (yd), log",
    "347": "HEIGHT (in), log", "348": "HEIGHT (ft), log", "349": "HEIGHT (yd), log", "350": "AREA (in2)",
    "351": "AREA (ft2)", "352": "AREA (yd2)", "353": "AREA (in2), log", "354": "AREA (ft2), log",
    "355": "AREA (yd2), log", "356": "NET WEIGHT (t oz)", "357": "NET VOLUME (oz)", "360": "NET VOLUME (qt)",
    "361": "NET VOLUME (gal.)", "362": "VOLUME (qt), log", "363": "VOLUME (gal.), log",
    "364": "VOLUME (in3)", "365": "VOLUME (ft3)", "366": "VOLUME (yd3)", "367": "VOLUME (in3), log",
    "368": "VOLUME (ft3), log", "369": "VOLUME (yd3), log",
}


def _build_table() -> dict[str, AiSpec]:
    specs = [
        _fixed_n("00", "SSCC", 18, check=True),
        _fixed_n("01", "GTIN", 14, check=True),
        _fixed_n("02", "CONTENT", 14, check=True),
        _var_x("10", "BATCH/LOT", 20),
        _fixed_n("11", "PROD DATE", 6, value_type=ValueType.DATE),
        _fixed_n("12", "DUE DATE", 6, value_type=ValueType.DATE),
        _fixed_n("13", "PACK DATE", 6, value_type=ValueType.DATE),
        _fixed_n("15", "BEST BEFORE or BEST BY", 6, value_type=ValueType.DATE),
        _fixed_n("16", "SELL BY", 6, value_type=ValueType.DATE),
        _fixed_n("17", "USE BY or EXPIRY", 6, value_type=ValueType.DATE),
        _fixed_n("20", "VARIANT", 2),
        _var_x("21", "SERIAL", 20),
        _var_x("22", "CPV", 20),
        _var_x("235", "TPX", 28),
        _var_x("240", "ADDITIONAL ID", 30),
        _var_x("241", "CUST. PART No.", 30),
        _var_n("242", "MTO VARIANT", 6),
        _var_x("243", "PCN", 20),
        _var_x("250", "SECONDARY SERIAL", 30),
        _var_x("251", "REF. TO SOURCE", 30),
        _var_x("254", "GLN EXTENSION COMPONENT", 20),
        _var_n("30", "VAR. COUNT", 8, ValueType.COUNT),
        _var_n("37", "COUNT", 8, ValueType.COUNT),
        _var_x("400", "ORDER NUMBER", 30),
        _var_x("401", "GINC", 30),
        _fixed_n("402", "GSIN", 17, check=True, predefined=False),
        _var_x("403", "ROUTE", 30),
        _var_x("420", "SHIP TO POST", 20),
        _fixed_n("422", "ORIGIN", 3, predefined=False),
        _fixed_n("7003", "EXPIRY TIME", 10, predefined=False),
        _fixed_n("7006", "FIRST FREEZE DATE", 6, value_type=ValueType.DATE_STRICT, predefined=False),
        _fixed_n("8005", "PRICE PER UNIT", 6, predefined=False),
        _var_n("8008", "PROD TIME", 12, min_length=8),
        _var_x("8012", "VERSION", 20),
        _var_x("8020", "REF No.", 25),
        _var_x("8200", "PRODUCT URL", 70),
        _var_x("90", "INTERNAL", 30),
    ]
    specs += [_fixed_n(f"41{n}", "GLN", 13, check=True) for n in range(8)]  # 410-417 ship to, bill to...
    specs += [_var_x(f"71{n}", "NHRN", 20) for n in range(6)]  # 710-715 national healthcare numbers
    specs += [_var_x(f"9{n}", "INTERNAL", 90) for n in range(1, 10)]
    specs += [
        _fixed_n(f"{prefix}{n}", title, 6, value_type=ValueType.DECIMAL)
        for prefix, title in _MEASURES.items()
        for n in range(6)
    ]
    specs += [_var_n(f"390{n}", "AMOUNT", 15, ValueType.DECIMAL) for n in range(10)]
    specs += [_var_n(f"392{n}", "PRICE", 15, ValueType.DECIMAL) for n in range(10)]
    return {spec.ai: spec for spec in specs}


AI_TABLE: dict[str, AiSpec] = _build_table()

# Two-digit prefixes whose AIs have a predefined length (General Specifications figure 7.8.5-2):
# only these may be followed by another AI without a GS. The table above must agree (tested).
PREDEFINED_PREFIXES = frozenset(
    ["00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
     "31", "32", "33", "34", "35", "36", "41"]
)


def spec_for(ai: str) -> AiSpec | None:
    return AI_TABLE.get(ai)


def _match_ai(data: str, pos: int) -> AiSpec | None:
    # GS1 AIs are prefix-free, so the first length that matches is the only one.
    for length in (2, 3, 4):
        spec = AI_TABLE.get(data[pos : pos + length])
        if spec is not None:
            return spec
    return None


# -- values -----------------------------------------------------------------------------------


def resolve_year(yy: int, today: date) -> int:
    """The four-digit year of a two-digit GS1 year, by the sliding window of GS1 Gen Specs 7.12.

    A year 51-99 ahead of this year's two digits is last century, one 50-99 behind is next
    century, anything else is this century: 49 years back and 50 forward from today.
    """
    century, this_yy = divmod(today.year, 100)
    difference = yy - this_yy
    if difference >= 51:
        century -= 1
    elif difference <= -50:
        century += 1
    return century * 100 + yy


def parse_gs1_date(value: str, *, today: date | None = None, zero_day: bool = True, ai: str = "") -> date:
    """YYMMDD to a date. DD 00 (allowed when `zero_day`) means the last day of the month."""
    if len(value) != 6 or not value.isascii() or not value.isdigit():
        raise Gs1Error(Problem.BAD_DATE, f"({ai}) date must be YYMMDD, got {value!r}", ai=ai)
    year = resolve_year(int(value[:2]), today or clock.today())
    month, day = int(value[2:4]), int(value[4:6])
    if not 1 <= month <= 12:
        raise Gs1Error(Problem.BAD_DATE, f"({ai}) has no month {value[2:4]} in date {value}", ai=ai)
    last_day = calendar.monthrange(year, month)[1]
    if day == 0 and zero_day:
        return date(year, month, last_day)
    if not 1 <= day <= last_day:
        raise Gs1Error(Problem.BAD_DATE, f"({ai}) has no day {value[4:6]} in date {value}", ai=ai)
    return date(year, month, day)


def _check_characters(spec: AiSpec, value: str) -> None:
    if spec.numeric:
        bad = next((ch for ch in value if not "0" <= ch <= "9"), None)
        if bad is not None:
            raise Gs1Error(Problem.NOT_NUMERIC, f"({spec.ai}) must be digits, found {bad!r}",
                           ai=spec.ai, char=bad)
        return
    bad = next((ch for ch in value if ch not in CSET82), None)
    if bad is not None:
        raise Gs1Error(Problem.BAD_CHARACTER, f"({spec.ai}) may not contain {bad!r}", ai=spec.ai, char=bad)


def _check_length(spec: AiSpec, value: str) -> None:
    if not value:
        raise Gs1Error(Problem.EMPTY, f"({spec.ai}) has no value", ai=spec.ai)
    if len(value) > spec.max_length:
        raise Gs1Error(Problem.TOO_LONG, f"({spec.ai}) is {len(value)} long, at most {spec.max_length}",
                       ai=spec.ai)
    if len(value) < spec.min_length:
        raise Gs1Error(Problem.TOO_SHORT, f"({spec.ai}) is {len(value)} long, needs {spec.min_length}",
                       ai=spec.ai)


def _typed(spec: AiSpec, value: str, today: date | None) -> Typed:
    match spec.value_type:
        case ValueType.DATE | ValueType.DATE_STRICT:
            return parse_gs1_date(value, today=today, zero_day=spec.value_type is ValueType.DATE, ai=spec.ai)
        case ValueType.COUNT:
            return int(value)
        case ValueType.DECIMAL:
            return Decimal(value).scaleb(-spec.decimals)
    return value


def make_element(ai: str, value: str, *, today: date | None = None) -> Element:
    """Validate one AI and its value and type it. Raises Gs1Error."""
    spec = AI_TABLE.get(ai)
    if spec is None:
        raise Gs1Error(Problem.UNKNOWN_AI, f"unknown AI ({ai})", ai=ai)
    _check_length(spec, value)
    _check_characters(spec, value)
    if spec.check_digit and not has_valid_check_digit(value):
        expected = gtin_check_digit(value[:-1])
        raise Gs1Error(Problem.BAD_CHECK_DIGIT, f"({ai}) {value} check digit should be {expected}", ai=ai)
    return Element(ai, value, _typed(spec, value, today), spec.title)


def _finish(elements: list[Element]) -> Gs1Data:
    """Cross-field rules that catch misreads: repeats that disagree, GTIN with CONTENT."""
    if not elements:
        raise Gs1Error(Problem.EMPTY, "no GS1 data")
    seen: dict[str, str] = {}
    for element in elements:
        if seen.setdefault(element.ai, element.value) != element.value:
            raise Gs1Error(Problem.CONFLICT, f"({element.ai}) appears twice with different values",
                           ai=element.ai)
    if "01" in seen and "02" in seen:
        raise Gs1Error(Problem.CONFLICT, "(01) and (02) cannot be in one barcode", ai="02")
    return Gs1Data(tuple(elements))


# -- element strings (what scanners send) ------------------------------------------------------


def _unknown_ai(data: str, pos: int) -> Gs1Error:
    rest = data[pos : pos + 4].split(GS)[0]
    if len(data) - pos < 4 and any(ai.startswith(rest) for ai in AI_TABLE):
        return Gs1Error(Problem.TRUNCATED, f"data ends inside an AI: {rest!r}")
    return Gs1Error(Problem.UNKNOWN_AI, f"unknown AI at {rest!r}", ai=rest)


def _read_value(data: str, pos: int, spec: AiSpec) -> tuple[str, int]:
    """The value of `spec` starting at `pos`, and where the next AI starts."""
    if spec.predefined:
        value = data[pos : pos + spec.max_length]
        cut = value.find(GS)
        if len(value) < spec.max_length or cut >= 0:
            got = value[:cut] if cut >= 0 else value
            raise Gs1Error(Problem.TRUNCATED, f"({spec.ai}) needs {spec.max_length} digits, got {len(got)}",
                           ai=spec.ai)
        return value, pos + spec.max_length
    end = data.find(GS, pos)
    end = len(data) if end < 0 else end
    return data[pos:end], end


def parse_element_string(data: str, *, today: date | None = None) -> Gs1Data:
    """Parse an element string as scanned (symbology identifier removed), GS between fields.

    A leading GS (FNC1 in first position) and a GS after a predefined-length field are
    tolerated, because some scanners transmit them. Raises Gs1Error.
    """
    elements: list[Element] = []
    pos = 0
    while pos < len(data):
        if data[pos] == GS:
            pos += 1
            continue
        spec = _match_ai(data, pos)
        if spec is None:
            raise _unknown_ai(data, pos)
        value, pos = _read_value(data, pos + len(spec.ai), spec)
        if not value and pos == len(data):
            raise Gs1Error(Problem.TRUNCATED, f"data ends right after AI ({spec.ai})", ai=spec.ai)
        elements.append(make_element(spec.ai, value, today=today))
    return _finish(elements)


def encode_element_string(pairs: Iterable[tuple[str, str]]) -> str:
    """The element string for (ai, value) pairs, with GS only where GS1 requires one."""
    out: list[str] = []
    need_separator = False
    for ai, value in pairs:
        if need_separator:
            out.append(GS)
        out.append(ai + value)
        spec = AI_TABLE.get(ai)
        need_separator = not (spec and spec.predefined)
    return "".join(out)


# -- the human-readable form (what people type) -----------------------------------------------

_BRACKET_AI = re.compile(r"\((\d{2,4})\)")


def looks_bracketed(text: str) -> bool:
    return _BRACKET_AI.match(text) is not None


def parse_bracketed(text: str, *, today: date | None = None) -> Gs1Data:
    """Parse "(01)09506000134352(10)ABC123". Raises Gs1Error.

    A value that itself contains "(" followed by digits and ")" cannot be told from the next
    AI in this form; the GS1 human-readable interpretation has the same limitation.
    """
    parts = _BRACKET_AI.split(text)
    if parts[0]:
        raise Gs1Error(Problem.UNKNOWN_AI, f"expected (AI) at the start, got {parts[0][:8]!r}")
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    elements = [make_element(ai, value, today=today) for ai, value in pairs]
    return _finish(elements)


def bracketed(pairs: Iterable[tuple[str, str]]) -> str:
    """The human-readable form of (ai, value) pairs: "(01)09506000134352(10)ABC123"."""
    return "".join(f"({ai}){value}" for ai, value in pairs)


# -- GS1 Digital Link -------------------------------------------------------------------------

_DL_KEYS = {"01": ("22", "10", "21"), "00": ()}  # primary key -> qualifiers allowed in the path
_DL_URI = re.compile(r"https?://[^/?#]+(?P<path>/[^?#]*)(?:\?(?P<query>[^#]*))?(?:#.*)?", re.IGNORECASE)


def looks_like_digital_link(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def _dl_path_pairs(segments: list[str]) -> list[tuple[str, str]]:
    """(ai, value) pairs from the tail of the path that starts at a primary key."""
    for start in range(len(segments) - 1):
        key = segments[start]
        if key in _DL_KEYS and (len(segments) - start) % 2 == 0:
            pairs = list(zip(segments[start::2], segments[start + 1 :: 2], strict=True))
            qualifiers = [ai for ai, _ in pairs[1:]]
            allowed = _DL_KEYS[key]
            if all(q in allowed for q in qualifiers) and qualifiers == sorted(qualifiers, key=allowed.index):
                return pairs
    raise Gs1Error(Problem.NOT_GS1, "no GS1 Digital Link primary key in the path")


def parse_digital_link(uri: str, *, today: date | None = None) -> Gs1Data:
    """Parse a GS1 Digital Link URI (primary key 01 or 00). Raises Gs1Error.

    Problem.NOT_GS1 means "an ordinary web address", so the caller can treat it as text.
    Query parameters that are not numeric AIs (linkType, campaign tags) are ignored.
    """
    match = _DL_URI.fullmatch(uri)
    if match is None:
        raise Gs1Error(Problem.NOT_GS1, "not an http(s) URI")
    segments = [unquote(s) for s in match["path"].split("/") if s]
    pairs = _dl_path_pairs(segments)
    if pairs[0][0] == "01" and len(pairs[0][1]) in (8, 12, 13):
        pairs[0] = ("01", pairs[0][1].zfill(14))  # Digital Link allows the GTIN's short forms
    for item in (match["query"] or "").split("&"):
        key, _, value = item.partition("=")
        if key.isascii() and key.isdigit():
            pairs.append((key, unquote(value)))
    return _finish([make_element(ai, value, today=today) for ai, value in pairs])
