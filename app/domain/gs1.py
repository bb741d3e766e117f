"""GS1 element strings: the data inside GS1-128, GS1 DataMatrix, GS1 QR and GS1 DataBar.

Three spellings of the same data are read:

- the element string a scanner sends after the symbology identifier, with FNC1 separators
  transmitted as ASCII GS (0x1d): "0109506000134352" "10ABC123" GS "21XYZ";
- the human-readable, parenthesised form a person types: "(01)09506000134352(10)ABC123";
- a GS1 Digital Link URI: "https://example.com/01/09506000134352/10/ABC123?17=261231".

Which Application Identifiers exist, how long their values are, which characters they take
and whether an FNC1 must follow them is not kept here: it is the GS1 Barcode Syntax
Dictionary as biip ships it (`dictionary()`; printers.barcodes.gs1 writes labels from the same
data). What biip's dictionary does not carry, and this module adds by hand, is what the station
does with a value: which components carry a GS1 check digit (the dictionary's "csum" linter,
see CHECK_DIGITS), which AIs are dates that must be read with the station's clock (`today`,
never the wall clock that biip's own date parsing uses), and the AI 30/37 counts and implied
decimals of measures and amounts. Element strings are cut and checked here rather than by
biip's parser because a packer's message needs to know *why* a value was refused (check
digit, cut off, which AI), which biip reports only as text, and because a scan must parse in
well under a millisecond.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from app.domain import clock
from app.domain.gtin import gtin_check_digit

GS = "\x1d"  # FNC1 as a scanner transmits it between fields

# GS1 AI encodable character set 82 (General Specifications figure 7.11-1): format "X".
CSET82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
# Character set 39 (figure 7.11-2, format "Y": CPID) and the file-safe base64 set 64 (format "Z": DigSig).
CSET39 = frozenset("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CSET64 = frozenset("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz=")
_DIGITS = frozenset("0123456789")
_CHARSETS = {"N": _DIGITS, "X": CSET82, "Y": CSET39, "Z": CSET64}

# Components that end in a GS1 mod-10 check digit, as (offset in the value, length): the "csum"
# linter of the GS1 Syntax Dictionary, which biip's AI data leaves out.
CHECK_DIGITS: dict[str, tuple[int, int]] = {
    "00": (0, 18), "01": (0, 14), "02": (0, 14), "03": (0, 14),  # SSCC, GTIN, CONTENT, MTO GTIN
    "253": (0, 13), "255": (0, 13), "402": (0, 17),  # GDTI, GCN, GSIN
    **{f"41{n}": (0, 13) for n in range(8)},  # GLNs: ship to, bill to, purchased from...
    "8003": (1, 13), "8006": (0, 14), "8017": (0, 18), "8018": (0, 18), "8026": (0, 14),  # GRAI, ITIP, GSRN
}


class ValueType(StrEnum):
    TEXT = "text"  # the value as is
    DATE = "date"  # YYMMDD, DD may be 00 = last day of the month
    DATE_STRICT = "date_strict"  # YYMMDD (then perhaps a second date or a time), DD 00 not allowed
    COUNT = "count"  # an integer
    DECIMAL = "decimal"  # last AI digit = number of implied decimal places


# Dates (the Syntax Dictionary's yymmd0 and yymmdd linters) and what may follow the date.
_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
_STRICT_DATE_AIS: dict[str, str] = {
    "7006": "", "4326": "", "7007": "date", "7011": "time", "7003": "time",
    "4324": "time-or-9999", "4325": "time-or-9999", "8008": "hours",
}
_COUNT_AIS = frozenset({"30", "37"})
_DECIMAL_PREFIXES = ("31", "32", "33", "34", "35", "36", "390", "391", "392", "393", "394", "395")
_CURRENCY_PREFIXES = ("391", "393")  # N3 ISO 4217 currency code, then the amount


class Problem(StrEnum):
    """Why an element string was refused; scan.py turns these into packer messages."""

    TRUNCATED = "truncated"  # data ends inside a fixed-length field, or inside an AI
    UNKNOWN_AI = "unknown_ai"
    BAD_CHECK_DIGIT = "bad_check_digit"
    BAD_DATE = "bad_date"
    NOT_NUMERIC = "not_numeric"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    BAD_CHARACTER = "bad_character"  # outside the AI's character set
    INVALID = "invalid"  # breaks another rule of the AI's format (a fixed digit, a time, a sign)
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
class Component:
    """One part of an AI's value as the dictionary's format writes it: N13, X..17, [-]."""

    charset: frozenset[str]
    min_length: int
    max_length: int


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
    format: str = ""  # the dictionary's format of the value: "N14", "X..20", "N3+X..9"
    description: str = ""
    pattern: str = ""  # the dictionary's regular expression for the whole element string
    components: tuple[Component, ...] = ()

    @property
    def decimals(self) -> int:
        """Implied decimal places of a measure or amount AI (310n, 392n...): its last digit."""
        return int(self.ai[-1]) if self.value_type is ValueType.DECIMAL else 0

    def matches(self, value: str) -> bool:
        """Does the dictionary's pattern (compiled on first use: 541 at once would slow the first scan) accept it?"""
        return not self.pattern or _compiled(self.pattern).fullmatch(self.ai + value) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.removeprefix("^").removesuffix("$"))


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


# -- the dictionary (biip's copy of the GS1 Syntax Dictionary) ---------------------------------

_DICTIONARY_FILE = ("gs1_application_identifiers", "_application_identifiers.json")
_COMPONENT = re.compile(r"(?P<kind>[NXYZ])(?P<range>\.\.)?(?P<n>\d+)(?:\.\.N?(?P<max>\d+))?")


def _entries_from_biip_data() -> list[dict[str, Any]]:
    """biip's AI data, read from the package folder without importing biip.

    `import biip` decompresses GS1's company-prefix tables (0.3-0.6 s on a station PC), which the
    window's cold start and the first scan cannot pay; the AI data is a small JSON file beside
    them. If a biip release moves it, the same entries come from biip's public API (slower).
    """
    spec = find_spec("biip")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder, *_DICTIONARY_FILE)
        if path.is_file():
            entries: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
            return entries
    return entries_from_biip_api()


def entries_from_biip_api() -> list[dict[str, Any]]:
    """Every AI through biip's public `GS1ApplicationIdentifier.extract`, by walking AI prefixes."""
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

    found: list[dict[str, Any]] = []

    def walk(prefix: str) -> None:
        try:
            ai = GS1ApplicationIdentifier.extract(prefix)
        except ParseError:
            if len(prefix) < 4:
                for digit in "0123456789":
                    walk(prefix + digit)
            return
        if ai.ai == prefix:
            found.append({"ai": ai.ai, "description": ai.description, "data_title": ai.data_title,
                          "separator_required": ai.separator_required, "format": ai.format,
                          "pattern": ai.pattern})

    for first in range(100):
        walk(f"{first:02d}")
    return found


def _components(value_format: str) -> tuple[Component, ...]:
    """"N3+X..9" -> (N3, X1..9); "N13[+X..17]" -> (N13, X0..17); "N6+[-]" -> (N6, "-"0..1)."""
    out: list[Component] = []
    for token in value_format.replace("[+", "+[").split("+"):
        optional = token.startswith("[")
        token = token.strip("[]")
        match = _COMPONENT.fullmatch(token)
        if match is None:  # a literal, such as the minus sign of a temperature
            out.append(Component(frozenset(token), 0 if optional else len(token), len(token)))
            continue
        n = int(match["n"])
        low, high = (1, n) if match["range"] else (n, int(match["max"] or n))
        out.append(Component(_CHARSETS[match["kind"]], 0 if optional else low, high))
    return tuple(out)


def _value_type(ai: str) -> ValueType:
    if ai in _DATE_AIS:
        return ValueType.DATE
    if ai in _STRICT_DATE_AIS:
        return ValueType.DATE_STRICT
    if ai in _COUNT_AIS:
        return ValueType.COUNT
    if ai.startswith(_DECIMAL_PREFIXES) and len(ai) == 4:
        return ValueType.DECIMAL
    return ValueType.TEXT


def _spec(entry: Mapping[str, Any]) -> AiSpec:
    ai: str = entry["ai"]
    value_format = entry["format"].split("+", 1)[1]  # "N2+X..20": the AI itself, then its value
    components = _components(value_format)
    return AiSpec(
        ai=ai,
        title=entry["data_title"] or entry["description"],
        numeric=all(c.charset is _DIGITS for c in components),
        min_length=sum(c.min_length for c in components),
        max_length=sum(c.max_length for c in components),
        predefined=not entry["separator_required"],
        check_digit=ai in CHECK_DIGITS,
        value_type=_value_type(ai),
        format=value_format,
        description=entry["description"],
        pattern=entry["pattern"],
        components=components,
    )


@cache
def dictionary() -> Mapping[str, AiSpec]:
    """Every GS1 Application Identifier, by AI: biip's GS1 Syntax Dictionary, read once."""
    return {spec.ai: spec for spec in map(_spec, _entries_from_biip_data())}


@cache
def _prefixes() -> tuple[frozenset[str], dict[str, int]]:
    """The proper prefixes of all AIs, and the AI length for each two-digit start."""
    ais = dictionary()
    proper = frozenset(ai[:n] for ai in ais for n in range(1, len(ai)))
    lengths = {ai[:2]: len(ai) for ai in ais}
    return proper, lengths


def spec_for(ai: str) -> AiSpec | None:
    return dictionary().get(ai)


def _match_ai(data: str, pos: int) -> AiSpec | None:
    # GS1 AIs are prefix-free, so the first length that matches is the only one.
    ais = dictionary()
    return ais.get(data[pos : pos + 2]) or ais.get(data[pos : pos + 3]) or ais.get(data[pos : pos + 4])


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


def _check_time(ai: str, hhmm: str, *, unknown_allowed: bool) -> None:
    if unknown_allowed and hhmm == "9999":  # 4324/4325: the time is not known
        return
    if len(hhmm) != 4 or int(hhmm[:2]) > 23 or int(hhmm[2:]) > 59:
        raise Gs1Error(Problem.BAD_DATE, f"({ai}) has no time {hhmm}", ai=ai)


def _strict_date(spec: AiSpec, value: str, today: date | None) -> date:
    first = parse_gs1_date(value[:6], today=today, zero_day=False, ai=spec.ai)
    rest, what = value[6:], _STRICT_DATE_AIS[spec.ai]
    if rest and what == "date":
        parse_gs1_date(rest, today=today, zero_day=False, ai=spec.ai)
    elif rest and what.startswith("time"):
        _check_time(spec.ai, rest, unknown_allowed=what == "time-or-9999")
    return first


def _check_characters(spec: AiSpec, value: str) -> None:
    """Each character against the character set of the component it falls in."""
    pos = 0
    last = len(spec.components) - 1
    for i, component in enumerate(spec.components):
        fixed = component.min_length == component.max_length and i < last
        part = value[pos : pos + component.max_length] if fixed else value[pos:]
        bad = next((ch for ch in part if ch not in component.charset), None)
        if bad is not None:
            if component.charset is _DIGITS:
                raise Gs1Error(Problem.NOT_NUMERIC, f"({spec.ai}) must be digits, found {bad!r}",
                               ai=spec.ai, char=bad)
            raise Gs1Error(Problem.BAD_CHARACTER, f"({spec.ai}) may not contain {bad!r}", ai=spec.ai, char=bad)
        if not fixed:
            return
        pos += component.max_length


def _check_length(spec: AiSpec, value: str) -> None:
    if not value:
        raise Gs1Error(Problem.EMPTY, f"({spec.ai}) has no value", ai=spec.ai)
    if len(value) > spec.max_length:
        raise Gs1Error(Problem.TOO_LONG, f"({spec.ai}) is {len(value)} long, at most {spec.max_length}",
                       ai=spec.ai)
    if len(value) < spec.min_length:
        raise Gs1Error(Problem.TOO_SHORT, f"({spec.ai}) is {len(value)} long, needs {spec.min_length}",
                       ai=spec.ai)


def _check_digit(spec: AiSpec, value: str) -> None:
    offset, length = CHECK_DIGITS[spec.ai]
    digits = value[offset : offset + length]
    expected = gtin_check_digit(digits[:-1])
    if digits[-1:] != expected:
        raise Gs1Error(Problem.BAD_CHECK_DIGIT, f"({spec.ai}) {digits} check digit should be {expected}",
                       ai=spec.ai)


def _typed(spec: AiSpec, value: str, today: date | None) -> Typed:
    match spec.value_type:
        case ValueType.DATE:
            return parse_gs1_date(value, today=today, zero_day=True, ai=spec.ai)
        case ValueType.DATE_STRICT:
            return _strict_date(spec, value, today)
        case ValueType.COUNT:
            return int(value)
        case ValueType.DECIMAL:
            amount = value[3:] if spec.ai.startswith(_CURRENCY_PREFIXES) else value
            return Decimal(amount).scaleb(-spec.decimals)
    return value


def make_element(ai: str, value: str, *, today: date | None = None) -> Element:
    """Validate one AI and its value and type it. Raises Gs1Error."""
    spec = dictionary().get(ai)
    if spec is None:
        raise Gs1Error(Problem.UNKNOWN_AI, f"unknown AI ({ai})", ai=ai)
    _check_length(spec, value)
    _check_characters(spec, value)
    if spec.check_digit:
        _check_digit(spec, value)
    typed = _typed(spec, value, today)  # before the pattern: "no day 40" says more than "invalid"
    if not spec.matches(value):
        raise Gs1Error(Problem.INVALID, f"({ai}) {value!r} does not fit the GS1 format {spec.format}", ai=ai)
    return Element(ai, value, typed, spec.title)


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


def from_pairs(pairs: Iterable[tuple[str, str]], *, today: date | None = None) -> Gs1Data:
    """Checked, typed data from (ai, value) pairs read by another route (ISO/IEC 15434...)."""
    return _finish([make_element(ai, value, today=today) for ai, value in pairs])


# -- element strings (what scanners send) ------------------------------------------------------


def _unknown_ai(data: str, pos: int) -> Gs1Error:
    proper_prefixes, lengths = _prefixes()
    rest = data[pos : pos + 4].split(GS)[0]
    if len(data) - pos < 4 and rest in proper_prefixes:
        return Gs1Error(Problem.TRUNCATED, f"data ends inside an AI: {rest!r}")
    # Every AI that starts with the same two digits has the same length: name the AI as GS1 cuts it.
    ai = rest[: lengths.get(rest[:2], 2)]
    return Gs1Error(Problem.UNKNOWN_AI, f"unknown AI ({ai})", ai=ai)


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
        spec = spec_for(ai)
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


def looks_like_digital_link(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def _path_segments(uri: str) -> list[str]:
    try:
        parts = urlsplit(uri)
    except ValueError:
        raise Gs1Error(Problem.NOT_GS1, "not a URI") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise Gs1Error(Problem.NOT_GS1, "not an http(s) URI")
    return [s for s in parts.path.split("/") if s]


def _diagnose(segments: list[str], today: date | None) -> Gs1Error:
    """Why biip refused a URI: a bad value of a GS1 key in the path, or no Digital Link at all."""
    ais = dictionary()
    start = next((i for i, s in enumerate(segments) if s in ais), None)
    if start is not None and (len(segments) - start) % 2 == 0:
        for ai, value in zip(segments[start::2], segments[start + 1 :: 2], strict=True):
            if ai in ais:
                try:
                    make_element(ai, unquote(value), today=today)
                except Gs1Error as error:
                    return error
    return Gs1Error(Problem.NOT_GS1, "no GS1 Digital Link primary key in the path")


def parse_digital_link(uri: str, *, today: date | None = None) -> Gs1Data:
    """Parse a GS1 Digital Link URI: any primary key (01, 00, 414, 8004...) and its qualifiers.

    Which path segments are keys and qualifiers is biip's GS1 Digital Link parser; every
    value is then checked here (check digits, dates with `today`). Problem.NOT_GS1 means "an
    ordinary web address", so the caller can treat it as text. Query parameters that are not
    AIs (linkType, campaign tags) are ignored. biip is imported only for a URI whose path
    holds an AI at all.
    """
    segments = _path_segments(uri)
    ais = dictionary()
    if not any(s in ais for s in segments):
        raise Gs1Error(Problem.NOT_GS1, "no GS1 Digital Link primary key in the path")
    from biip import ParseConfig, ParseError
    from biip.gs1_digital_link_uris import GS1DigitalLinkURI

    try:
        link = GS1DigitalLinkURI.parse(uri, config=ParseConfig(gs1_element_strings_verify_date=False))
    except ParseError:
        raise _diagnose(segments, today) from None
    return _finish([make_element(es.ai.ai, es.value, today=today) for es in link.element_strings])
