"""What a scan is: one barcode read (or one typed code) turned into a typed, safe value.

`parse_scan` is the only door from a scanner into the application. It never raises: a scan
the station cannot use comes back as ScanKind.UNKNOWN with a reason and one short sentence the
packer can act on. Everything it accepts is printable text: control characters are refused
(GS, RS and EOT only where GS1 data and ISO/IEC 15434 messages give them a meaning), and every
printable character is accepted, because real barcodes carry quotes, slashes, ^ and ~
(`PIPE 1/2"`, `MEN'S-TEE`, a Digital Link path with ~). What is safe for a printer or a query
is decided at those sinks (bound SQL parameters, ZPL ^FH hex escapes), not here. A warehouse
that must keep characters out of its own systems lists them in station.toml
([scanner] refuse_characters), and that list applies to every scan, GS1 data included.

The barcode formats are documented for warehouses in docs/barcodes.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from app.domain.gs1 import (
    GS,
    Gs1Data,
    Gs1Error,
    Problem,
    from_pairs,
    looks_bracketed,
    looks_like_digital_link,
    parse_bracketed,
    parse_digital_link,
    parse_element_string,
    spec_for,
)
from app.domain.gtin import gtin14_candidates, upce_to_gtin14

T = TypeVar("T")


class ScanKind(StrEnum):
    PRODUCT = "product"  # .gtins: candidate GTIN-14s, best first
    ORDER = "order"  # .text: order number
    TOTE = "tote"  # .text: tote id
    CARTON = "carton"  # .text: carton code
    SSCC = "sscc"  # .text: 18-digit SSCC of a logistic unit
    BADGE = "badge"  # .text: badge id
    COMMAND = "command"  # .command, .argument
    SERIAL = "serial"  # .serial and/or .lot without a GTIN
    TEXT = "text"  # safe text: the workflow decides by context (order number, SKU, serial...)
    UNKNOWN = "unknown"  # rejected: .reason and .message


class Command(StrEnum):
    COMPLETE = "complete"
    UNDO = "undo"
    HOLD = "hold"
    SHORT = "short"
    DAMAGED = "damaged"
    REPRINT = "reprint"
    CANCEL = "cancel"
    NEXT_BOX = "next_box"
    SIGN_OUT = "sign_out"
    QTY = "qty"
    CONFIRM = "confirm"
    VOID = "void"
    REPRINT_SLIP = "reprint_slip"  # the order's packing slip again (the same document)
    RESEND = "resend"  # print jobs cut off mid-send go to the printer again


# Captions for printed command cards and the on-screen command sheet.
COMMAND_LABELS: dict[Command, str] = {
    Command.COMPLETE: "Complete order",
    Command.UNDO: "Undo last scan",
    Command.HOLD: "Hold order",
    Command.SHORT: "Item missing (short)",
    Command.DAMAGED: "Item damaged",
    Command.REPRINT: "Reprint label",
    Command.CANCEL: "Cancel",
    Command.NEXT_BOX: "Next box",
    Command.SIGN_OUT: "Sign out",
    Command.QTY: "Quantity",
    Command.CONFIRM: "Confirm",
    Command.VOID: "Void label",
    Command.REPRINT_SLIP: "Reprint packing slip",
    Command.RESEND: "Resend interrupted print",
}


class RejectReason(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    INVALID_UTF8 = "invalid_utf8"
    CONTROL_CHARACTER = "control_character"
    FORBIDDEN_CHARACTER = "forbidden_character"
    BAD_CHECK_DIGIT = "bad_check_digit"
    GS1_TRUNCATED = "gs1_truncated"
    GS1_UNKNOWN_AI = "gs1_unknown_ai"
    GS1_BAD_VALUE = "gs1_bad_value"
    BAD_COMMAND = "bad_command"
    BAD_BADGE = "bad_badge"
    UNRECOGNISED = "unrecognised"


@dataclass(frozen=True, slots=True)
class Scan:
    raw: str  # as received, control characters escaped, at most 80 characters + "…": safe to show
    kind: ScanKind
    text: str = ""  # normalised payload; for PRODUCT the first GTIN-14
    gtins: tuple[str, ...] = ()
    serial: str | None = None
    lot: str | None = None
    count: int | None = None  # GS1 AI 37 or 30
    expiry: date | None = None  # GS1 AI 17
    net_weight_kg: Decimal | None = None  # GS1 AI 310n
    command: Command | None = None
    argument: int | None = None
    symbology: str | None = None  # AIM identifier, e.g. "]C1"
    ais: tuple[tuple[str, str], ...] = ()  # every GS1 (AI, value) in order
    reason: RejectReason | None = None
    message: str = ""  # for UNKNOWN: one short sentence for the packer

    @property
    def accepted(self) -> bool:
        return self.kind is not ScanKind.UNKNOWN


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class ScanRules:
    """Per-warehouse scan settings (the [scanner] table of the station's configuration)."""

    order_pattern: str = r"(#|SO-?|ORD-?)?[0-9]{3,12}"  # full match, case-insensitive
    tote_pattern: str = r"TOTE-?[0-9A-Z]{1,12}"  # full match, case-insensitive
    max_length: int = 512
    refuse_characters: str = ""  # a warehouse's own blocklist; printable characters only

    def __post_init__(self) -> None:
        # Fail when the station starts, naming the setting, rather than on the first scan.
        for name in ("order_pattern", "tote_pattern"):
            try:
                _compiled(getattr(self, name))
            except re.error as exc:
                raise ValueError(f"scanner.{name} is not a valid regular expression: {exc}") from exc
        if self.max_length < 1:
            raise ValueError(f"scanner.max_length must be at least 1, got {self.max_length}")
        hidden = next((ch for ch in self.refuse_characters if not ch.isprintable() or ch == " "), None)
        if hidden is not None:
            raise ValueError("scanner.refuse_characters lists printable characters; control characters and "
                             f"spaces are handled by the scanner rules already, got {escape_for_display(hidden)}")

    def is_order(self, text: str) -> bool:
        return _compiled(self.order_pattern).fullmatch(text) is not None

    def is_tote(self, text: str) -> bool:
        return _compiled(self.tote_pattern).fullmatch(text) is not None


DEFAULT_RULES = ScanRules()

# -- the PS: namespace: the station's own barcodes ---------------------------------------------

PREFIX = "PS:"
_BADGE_ID = re.compile(r"[A-Z0-9-]{1,32}")
_CODE_ID = re.compile(r"[A-Z0-9][A-Z0-9._-]{0,31}")  # totes and cartons
_MAX_PAYLOAD = 64  # order numbers, serials and lots from PS: barcodes (the store's column width)
_QTY_MAX = 999
_COMMAND_WORDS = {c.name.replace("_", ""): c for c in Command}  # NEXTBOX, NEXT-BOX, NEXT_BOX...


def command_barcode(command: Command, argument: int | None = None) -> str:
    """The canonical text of a command card: "PS:CMD:NEXT-BOX", "PS:CMD:QTY:6"."""
    keyword = f"{PREFIX}CMD:{command.name.replace('_', '-')}"
    if command is Command.QTY:
        if argument is None or not 1 <= argument <= _QTY_MAX:
            raise ValueError(f"QTY needs a quantity from 1 to {_QTY_MAX}, got {argument}")
        return f"{keyword}:{argument}"
    if argument is not None:
        raise ValueError(f"{command.name} takes no argument")
    return keyword


def _canonical(kind: str, value: str, pattern: re.Pattern[str]) -> str:
    value = value.strip().upper()
    if not pattern.fullmatch(value):
        raise ValueError(f"{kind} {value!r} must match {pattern.pattern}")
    return value


def badge_barcode(badge_id: str) -> str:
    return f"{PREFIX}BADGE:{_canonical('badge', badge_id, _BADGE_ID)}"


def tote_barcode(tote_id: str) -> str:
    return f"{PREFIX}TOTE:{_canonical('tote', tote_id, _CODE_ID)}"


def carton_barcode(code: str) -> str:
    return f"{PREFIX}CARTON:{_canonical('carton', code, _CODE_ID)}"


def order_barcode(number: str) -> str:
    number = number.strip().upper()
    if not number or len(number) > _MAX_PAYLOAD or _first_control(number, "") is not None:
        raise ValueError(f"order number {number!r} cannot be put in a barcode")
    return f"{PREFIX}ORDER:{number}"


# -- messages: one short sentence the packer can act on -------------------------------------

_NAMED_CHARACTERS = {
    "^": "^ (printer code)", "~": "~ (printer code)", "'": "' (quote)", '"': '" (quote)',
    ";": "; (semicolon)", "\\": "\\ (backslash)",
}
_GS1_PHRASES = {
    Problem.NOT_NUMERIC: "has letters where digits belong",
    Problem.TOO_LONG: "is too long",
    Problem.TOO_SHORT: "is too short",
    Problem.EMPTY: "is empty",
    Problem.CONFLICT: "contradicts another field",
    Problem.BAD_DATE: "has an impossible date",
}
SCAN_AGAIN = "scan it again or type it."
BAD_CHECK_DIGIT_MESSAGE = f"Barcode check digit is wrong — {SCAN_AGAIN}"
UNREADABLE_MESSAGE = "Scanner sent unreadable data — check the scanner's keyboard setting, then scan again."


def _shown_character(ch: str) -> str:
    if ch in _NAMED_CHARACTERS:
        return _NAMED_CHARACTERS[ch]
    return escape_for_display(ch) if not ch.isprintable() or ch == " " else ch


# -- the pipeline -----------------------------------------------------------------------------

_AIM_ID = re.compile(r"\][A-Za-z][0-9A-Za-z]")
GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})
_UPCE_SYMBOLOGY = "]E0"
_EAN8_SYMBOLOGY = "]E4"
_SHOWN_LENGTH = 80
# ISO/IEC 15434: "[)>" RS, then formats ("05" GS1 AIs, "06" ANSI MH10.8.2 data identifiers),
# each "NN" GS field GS field ... RS, and EOT at the end.
RS, EOT = "\x1e", "\x04"
ISO15434_HEADER = "[)>" + RS
_ENVELOPE_CONTROLS = GS + RS + EOT


def escape_for_display(text: str) -> str:
    """`text` with non-printable characters as \\xNN / \\uNNNN, at most 80 characters + "…"."""
    pieces: list[str] = []
    used = 0
    for ch in text[:_SHOWN_LENGTH + 1]:
        piece = ch if ch.isprintable() else _escape_character(ch)
        if used + len(piece) > _SHOWN_LENGTH:
            return "".join(pieces) + "…"  # never cut an escape in half
        pieces.append(piece)
        used += len(piece)
    return "".join(pieces)


def _escape_character(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True, slots=True)
class _Context:
    """What every result carries: the display form of the scan and its symbology."""

    shown: str
    symbology: str | None = None

    def accept(self, kind: ScanKind, text: str, *, gtins: tuple[str, ...] = (), serial: str | None = None,
               lot: str | None = None, command: Command | None = None, argument: int | None = None) -> Scan:
        return Scan(raw=self.shown, kind=kind, text=text, gtins=gtins, serial=serial, lot=lot,
                    command=command, argument=argument, symbology=self.symbology)

    def reject(self, reason: RejectReason, message: str, ais: tuple[tuple[str, str], ...] = ()) -> Scan:
        return Scan(raw=self.shown, kind=ScanKind.UNKNOWN, symbology=self.symbology, reason=reason,
                    message=message, ais=ais)


def parse_scan(raw: str | bytes, rules: ScanRules = DEFAULT_RULES, *, today: date | None = None) -> Scan:
    """Classify one scan. Never raises, whatever the scanner (or a person) sends.

    `today` reads GS1 dates (a two-digit year's century, AI 17 expiry): the station's clock.
    """
    try:
        return _parse(raw, rules, today)
    except Exception:  # noqa: BLE001 - last line of defence: a bad scan must never stop the station
        return Scan(raw=_safe_preview(raw), kind=ScanKind.UNKNOWN, reason=RejectReason.UNRECOGNISED,
                    message=f"Scan could not be read — {SCAN_AGAIN}")


def _safe_preview(raw: object) -> str:
    try:
        if isinstance(raw, bytes | bytearray | memoryview):
            return escape_for_display(bytes(raw[: _SHOWN_LENGTH * 4]).decode("utf-8", "backslashreplace"))
        return escape_for_display(str(raw)[: _SHOWN_LENGTH + 1])
    except Exception:  # noqa: BLE001 - even the preview must not raise
        return "?"


def _parse(raw: str | bytes, rules: ScanRules, today: date | None) -> Scan:
    text = _decode(raw, rules.max_length)
    if isinstance(text, Scan):
        return text
    context = _Context(escape_for_display(text))
    if len(text) > rules.max_length:
        return _too_long(context, len(text))
    if not text:
        return context.reject(RejectReason.EMPTY, "Nothing was scanned — scan the barcode again.")
    match = _AIM_ID.match(text)
    symbology = match.group() if match else None
    body = text[3:] if match else text
    context = _Context(context.shown, symbology)
    if not body:
        return context.reject(RejectReason.EMPTY, "The barcode was empty — scan it again.")
    return _classify(body, symbology, context, rules, today)


def _decode(raw: str | bytes, max_length: int) -> str | Scan:
    """The scan as text without its line ending and surrounding spaces, or a rejection."""
    if isinstance(raw, bytes | bytearray | memoryview):
        data = bytes(raw)
        if len(data) > 4 * max_length + 2:  # no UTF-8 text that long can fit: skip decoding it
            return _too_long(_Context(_safe_preview(data)), len(data))
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            return _Context(_safe_preview(data)).reject(RejectReason.INVALID_UTF8, UNREADABLE_MESSAGE)
    if not isinstance(raw, str):
        return _Context("?").reject(RejectReason.UNRECOGNISED, f"Scan could not be read — {SCAN_AGAIN}")
    if len(raw) > 2 * max_length + 2:  # cheap bound before copying a huge string to strip it
        return _too_long(_Context(escape_for_display(raw)), len(raw))
    if any("\ud800" <= ch <= "\udfff" for ch in raw):  # lone surrogates: not text at all
        return _Context(escape_for_display(raw)).reject(RejectReason.INVALID_UTF8, UNREADABLE_MESSAGE)
    return _strip_line_ending(raw).strip(" ")


def _strip_line_ending(text: str) -> str:
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def _too_long(context: _Context, length: int) -> Scan:
    return context.reject(RejectReason.TOO_LONG,
                          f"Scan is too long ({length} characters) — scan one barcode at a time.")


def _classify(body: str, symbology: str | None, context: _Context, rules: ScanRules, today: date | None) -> Scan:
    # FNC1 sent as GS marks GS1 data even when the scanner sends no symbology identifier.
    gs1 = symbology in GS1_SYMBOLOGIES or body.startswith(GS) or (GS in body and _is_digits(body[:2]))
    envelope = body.startswith(ISO15434_HEADER)
    control = _first_control(body, _ENVELOPE_CONTROLS if envelope else GS if gs1 else "")
    if control is not None:
        return context.reject(RejectReason.CONTROL_CHARACTER,
                              f"Scan has a hidden control character {escape_for_display(control)} — "
                              "check the scanner setup, then scan again.")
    refused = next((ch for ch in body if ch in rules.refuse_characters), None)
    if refused is not None:
        return context.reject(RejectReason.FORBIDDEN_CHARACTER,
                              f"Not allowed in a barcode here: {_shown_character(refused)} — "
                              "type the code or call a supervisor.")
    if envelope:
        return _gs1_scan(lambda: parse_iso15434(body, today=today), context)
    if gs1:
        return _gs1_scan(lambda: parse_element_string(body.lstrip(GS), today=today), context)
    if looks_bracketed(body) and spec_for(body[1 : body.index(")")]) is not None:
        return _gs1_scan(lambda: parse_bracketed(body, today=today), context)
    body = unicodedata.normalize("NFC", body)
    if body[:3].upper() == PREFIX:
        return _station_code(body, context)
    if _is_digits(body):
        return _digits(body, symbology, context, today)
    return _plain_text(body, context, rules, today)


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _first_control(text: str, allowed: str) -> str | None:
    """The first character not in `allowed` that is not printable text: C0, DEL, C1, zero-width,
    bidi controls, unassigned code points, line and paragraph separators, spaces other than " "."""
    for ch in text:
        if ch in allowed:
            continue
        if ch < " " or ch == "\x7f" or (ch > "\x7f" and not ch.isprintable()):
            return ch
    return None


# -- ISO/IEC 15434 ------------------------------------------------------------------------------

# ANSI MH10.8.2 data identifiers of format 06 and the GS1 AI that carries the same thing.
DATA_IDENTIFIERS: dict[str, str] = {
    "8P": "01",  # GTIN
    "S": "21",  # serial number
    "1T": "10",  # traceability number: batch or lot
    "Q": "30",  # quantity
    "K": "400",  # customer's order number
    "1P": "240",  # item identification assigned by the supplier (part number)
    "P": "241",  # item identification assigned by the customer
}
_DI = re.compile(r"([0-9]{0,3}[A-Z])(.*)", re.DOTALL)
_DI_DATES = {"14D": "17", "16D": "11"}  # expiry and production date, YYYYMMDD


def parse_iso15434(message: str, *, today: date | None = None) -> Gs1Data:
    """The elements of an ISO/IEC 15434 message: format 05 (GS1 element strings) and format 06
    (data identifiers, mapped to their GS1 AIs by DATA_IDENTIFIERS). Other formats and data
    identifiers the station has no use for are skipped. Raises Gs1Error.
    """
    body = message[len(ISO15434_HEADER):]
    if not body.endswith(RS + EOT) and not body.endswith(EOT):
        raise Gs1Error(Problem.TRUNCATED, "ISO/IEC 15434 message without its end (RS EOT)")
    pairs: list[tuple[str, str]] = []
    for segment in body.removesuffix(EOT).split(RS):
        header, _, data = segment.partition(GS)
        if header == "05":
            pairs += parse_element_string(data, today=today).pairs
        elif header == "06":
            pairs += [pair for field in data.split(GS) if (pair := _data_identifier(field))]
    if not pairs:
        raise Gs1Error(Problem.EMPTY, "ISO/IEC 15434 message without data the station reads")
    return from_pairs(pairs, today=today)


def _data_identifier(field: str) -> tuple[str, str] | None:
    match = _DI.fullmatch(field)
    if match is None:
        return None
    identifier, value = match.groups()
    if identifier in _DI_DATES and len(value) == 8:
        return _DI_DATES[identifier], value[2:]
    ai = DATA_IDENTIFIERS.get(identifier)
    if ai == "01" and len(value) in (8, 12, 13):
        value = value.zfill(14)
    return (ai, value) if ai else None


# -- GS1 --------------------------------------------------------------------------------------


def _gs1_scan(parse: Callable[[], Gs1Data], context: _Context) -> Scan:
    try:
        data = parse()
    except Gs1Error as error:
        return _gs1_reject(error, context)
    return _from_gs1(data, context)


def _gs1_reject(error: Gs1Error, context: _Context) -> Scan:
    field_name = f"({error.ai})" if error.ai else "field"
    match error.problem:
        case Problem.TRUNCATED:
            return context.reject(RejectReason.GS1_TRUNCATED, "Barcode data is cut off — scan it again.")
        case Problem.UNKNOWN_AI:
            return context.reject(RejectReason.GS1_UNKNOWN_AI,
                                  f"Barcode has an unknown GS1 field {field_name} — "
                                  "scan the product's other barcode.")
        case Problem.BAD_CHECK_DIGIT:
            return context.reject(RejectReason.BAD_CHECK_DIGIT, BAD_CHECK_DIGIT_MESSAGE)
        case Problem.BAD_CHARACTER:
            shown = _shown_character(error.char or "?")
            return context.reject(RejectReason.FORBIDDEN_CHARACTER,
                                  f"Not allowed in a barcode: {shown} in {field_name} — call a supervisor.")
    phrase = _GS1_PHRASES.get(error.problem, "is not valid")
    return context.reject(RejectReason.GS1_BAD_VALUE,
                          f"Barcode field {field_name} {phrase} — scan another barcode or call a supervisor.")


def _from_gs1(data: Gs1Data, context: _Context) -> Scan:
    serial, lot = data.value("21"), data.value("10")
    gtin = data.value("01") or data.value("02") or data.value("03")  # 03: a made-to-order GTIN
    if gtin:
        scan = context.accept(ScanKind.PRODUCT, gtin, gtins=(gtin,), serial=serial, lot=lot)
    elif sscc := data.value("00"):
        scan = context.accept(ScanKind.SSCC, sscc, serial=serial, lot=lot)
    elif order := data.value("400"):
        scan = context.accept(ScanKind.ORDER, order.upper(), serial=serial, lot=lot)
    elif serial or lot:
        scan = context.accept(ScanKind.SERIAL, serial or lot or "", serial=serial, lot=lot)
    elif part := data.value("240") or data.value("241"):
        scan = context.accept(ScanKind.TEXT, part)  # a part number: the workflow looks it up as a SKU
    else:
        # Read, but nothing to pack: a parcel's routing barcode (421), a document id (253)...
        first = data.elements[0]
        return context.reject(RejectReason.UNRECOGNISED,
                              f"This barcode holds {first.title} ({first.ai}), nothing to pack — "
                              "scan the product barcode.", ais=data.pairs)
    return replace(scan, count=_typed(data, "37", "30", kind=int), expiry=_typed(data, "17", kind=date),
                   net_weight_kg=_typed(data, "310", kind=Decimal), ais=data.pairs)


def _typed(data: Gs1Data, *prefixes: str, kind: type[T]) -> T | None:
    element = data.find(*prefixes)
    return element.typed if element is not None and isinstance(element.typed, kind) else None


# -- digits -----------------------------------------------------------------------------------


def _digits(body: str, symbology: str | None, context: _Context, today: date | None) -> Scan:
    if len(body) in (8, 12, 13, 14):
        gtins = gtin14_candidates(body, prefer_upce=symbology != _EAN8_SYMBOLOGY)
        if not gtins:
            return context.reject(RejectReason.BAD_CHECK_DIGIT, BAD_CHECK_DIGIT_MESSAGE)
        return context.accept(ScanKind.PRODUCT, gtins[0], gtins=gtins)
    if len(body) == 6 and symbology == _UPCE_SYMBOLOGY:
        # Some scanners send UPC-E as the bare six digits: number system 0, no check digit.
        gtin = upce_to_gtin14(body)
        return context.accept(ScanKind.PRODUCT, gtin, gtins=(gtin,))
    if len(body) >= 16:
        # GS1-128 from a scanner that sends no symbology identifier: accept only a clean parse.
        try:
            implied = _from_gs1(parse_element_string(body, today=today), context)
        except Gs1Error:
            implied = None
        if implied is not None and implied.accepted:
            return implied
    return context.accept(ScanKind.TEXT, body)


# -- station codes (PS:) ----------------------------------------------------------------------


def _station_code(body: str, context: _Context) -> Scan:
    _, _, rest = body.partition(":")
    keyword, _, payload = rest.partition(":")
    keyword, payload = keyword.strip().upper(), payload.strip()
    match keyword:
        case "CMD":
            return _command(payload, context)
        case "BADGE":
            badge = payload.upper()
            if not _BADGE_ID.fullmatch(badge):
                return context.reject(RejectReason.BAD_BADGE,
                                      "Badge code is not valid — scan your badge again or ask a supervisor.")
            return context.accept(ScanKind.BADGE, badge)
        case "TOTE" | "CARTON":
            code = payload.upper()
            if not _CODE_ID.fullmatch(code):
                return context.reject(RejectReason.UNRECOGNISED,
                                      f"{keyword.title()} code is not valid — scan the label again.")
            return context.accept(ScanKind.TOTE if keyword == "TOTE" else ScanKind.CARTON, code)
        case "ORDER" | "SN" | "LOT":
            return _payload_scan(keyword, payload, context)
    return context.reject(RejectReason.UNRECOGNISED,
                          f"Unknown station code {context.shown} — scan another barcode.")


def _payload_scan(keyword: str, payload: str, context: _Context) -> Scan:
    if not payload or len(payload) > _MAX_PAYLOAD:
        what = {"ORDER": "Order number", "SN": "Serial number", "LOT": "Lot number"}[keyword]
        return context.reject(RejectReason.UNRECOGNISED, f"{what} is missing or too long — {SCAN_AGAIN}")
    if keyword == "ORDER":
        return context.accept(ScanKind.ORDER, payload.upper())
    if keyword == "SN":
        return context.accept(ScanKind.SERIAL, payload, serial=payload)
    return context.accept(ScanKind.SERIAL, payload, lot=payload)


def _command(payload: str, context: _Context) -> Scan:
    word, *arguments = payload.upper().split(":")
    command = _COMMAND_WORDS.get(word.strip().replace("-", "").replace("_", ""))
    if command is None:
        return context.reject(RejectReason.BAD_COMMAND,
                              f"Unknown command {context.shown} — use a card from the command sheet.")
    if command is not Command.QTY:
        if arguments:
            return context.reject(RejectReason.BAD_COMMAND, f"Command {command.name} takes no number — "
                                  "use a card from the command sheet.")
        return context.accept(ScanKind.COMMAND, command.value, command=command)
    quantity = arguments[0].strip() if len(arguments) == 1 else ""
    if not (_is_digits(quantity) and len(quantity) <= 4 and 1 <= int(quantity) <= _QTY_MAX):
        return context.reject(RejectReason.BAD_COMMAND,
                              f"Quantity must be 1 to {_QTY_MAX} — scan another QTY card or type the number.")
    return context.accept(ScanKind.COMMAND, command.value, command=command, argument=int(quantity))


# -- plain text -------------------------------------------------------------------------------


def _plain_text(body: str, context: _Context, rules: ScanRules, today: date | None) -> Scan:
    if looks_like_digital_link(body):
        try:
            return _from_gs1(parse_digital_link(body, today=today), context)
        except Gs1Error as error:
            if error.problem is not Problem.NOT_GS1:
                return _gs1_reject(error, context)
    if rules.is_tote(body):
        return context.accept(ScanKind.TOTE, body.upper())
    # All-digit strings never get here: a bare number stays TEXT for the workflow to look up.
    if rules.is_order(body):
        return context.accept(ScanKind.ORDER, body.upper())
    return context.accept(ScanKind.TEXT, body)

