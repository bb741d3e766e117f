"""The returns bench's own barcodes, in the station's PS: namespace.

    PS:RETURN:<order>:<token>     the QR code on a customer's return label: opens the return
    PS:GRADE:<grade>[:<reason>]   a grade card: PS:GRADE:DAMAGED:DEFECTIVE
    PS:DISPOSE:<disposition>      a disposition card: PS:DISPOSE:RETURN-TO-VENDOR
    PS:BIN:<bin>                  a bin label: PS:BIN:A-01-1

`app.domain.scan.parse_scan` rejects PS: keywords it does not know, so the returns service
asks `parse_returns_code` first. The token of a return code is issued with the RMA and
stored with it: it proves the label was issued by the shop (an order number alone is easy to
guess), and it ties the parcel to one authorisation.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from app.domain.returns.model import Disposition, Grade

PREFIX = "PS:"
TOKEN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U to misread
TOKEN_LENGTH = 10  # 50 bits: not guessable, short enough to type from a printed label
_TOKEN = re.compile(f"[{TOKEN_ALPHABET}]{{{TOKEN_LENGTH}}}")
_ORDER = re.compile(r"[A-Z0-9#][A-Z0-9#._/-]{0,63}")
_BIN = re.compile(r"[A-Z0-9][A-Z0-9._/-]{0,31}")
_REASON = re.compile(r"[A-Z0-9_ .-]{1,64}")


@dataclass(frozen=True, slots=True)
class ReturnCode:
    order_number: str
    token: str


@dataclass(frozen=True, slots=True)
class GradeCode:
    grade: Grade
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DispositionCode:
    disposition: Disposition


@dataclass(frozen=True, slots=True)
class BinCode:
    bin: str


@dataclass(frozen=True, slots=True)
class BadReturnsCode:
    message: str


ReturnsCode = ReturnCode | GradeCode | DispositionCode | BinCode | BadReturnsCode


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def return_code(order_number: str, token: str) -> str:
    """The QR payload printed on a return label: "PS:RETURN:1001:7K3QZ8M2XA"."""
    order, token = order_number.strip().upper(), token.strip().upper()
    if not _ORDER.fullmatch(order):
        raise ValueError(f"order number {order_number!r} cannot be put in a return code")
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"return token must be {TOKEN_LENGTH} characters of {TOKEN_ALPHABET}")
    return f"{PREFIX}RETURN:{order}:{token}"


def grade_code(grade: Grade, reason: str = "") -> str:
    text = f"{PREFIX}GRADE:{grade.name.replace('_', '-')}"
    return f"{text}:{reason.upper()}" if reason else text


def disposition_code(disposition: Disposition) -> str:
    return f"{PREFIX}DISPOSE:{disposition.name.replace('_', '-')}"


def bin_code(bin_location: str) -> str:
    value = bin_location.strip().upper()
    if not _BIN.fullmatch(value):
        raise ValueError(f"bin {bin_location!r} must match {_BIN.pattern}")
    return f"{PREFIX}BIN:{value}"


_RETURNS_KEYWORDS = ("RETURN", "GRADE", "DISPOSE", "BIN")


def parse_returns_code(text: str) -> ReturnsCode | None:
    """A returns-bench code, a BadReturnsCode for a malformed one, or None for anything else."""
    body = text.strip()
    if body[:3].upper() != PREFIX:
        return None
    keyword, _, payload = body[3:].partition(":")
    keyword = keyword.strip().upper()
    if keyword not in _RETURNS_KEYWORDS:
        return None
    payload = payload.strip().upper()
    if keyword == "RETURN":
        order, _, token = payload.rpartition(":")  # the token never has a colon; an order number might
        if not (_ORDER.fullmatch(order) and _TOKEN.fullmatch(token)):
            return BadReturnsCode("This return label's code is damaged — type the order number instead.")
        return ReturnCode(order, token)
    if keyword == "GRADE":
        word, _, reason = payload.partition(":")
        grade = _member(Grade, word)
        if grade is None or (reason and not _REASON.fullmatch(reason)):
            return BadReturnsCode("Unknown grade card — use a card from the returns sheet.")
        return GradeCode(grade, reason.lower().replace(" ", "_"))
    if keyword == "DISPOSE":
        disposition = _member(Disposition, payload)
        if disposition is None:
            return BadReturnsCode("Unknown disposition card — use a card from the returns sheet.")
        return DispositionCode(disposition)
    if not _BIN.fullmatch(payload):
        return BadReturnsCode("Bin label is not valid — scan the bin label again.")
    return BinCode(payload)


def _member(enum: type[Grade] | type[Disposition], word: str):  # noqa: ANN202 - Grade | Disposition | None
    key = word.strip().replace("-", "_").replace(" ", "_")
    return enum.__members__.get(key)
