"""Properties of parse_scan that must hold for every input, checked with generated data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.gs1 import GS, AiSpec, bracketed, dictionary, encode_element_string
from app.domain.gtin import gtin_check_digit, upca_to_upce
from app.domain.scan import Scan, ScanKind, parse_scan
from tests.unit.gs1_samples import sample_value

EXAMPLES = settings(max_examples=300, deadline=None)
HOSTILE = "\x00\x1b\x1d\x7f\r\n\t^~'\";\\-/*]PS:()0123456789\u200b\ufeff\u202e\x85é東"


def assert_safe(scan: Scan) -> None:
    """What any scan may hold: printable display text; accepted text printable (printer codes
    such as ^ and ~ are made harmless where the text is printed, not here)."""
    assert isinstance(scan, Scan)
    assert scan.raw.isprintable()
    assert len(scan.raw) <= 81
    if not scan.accepted:
        assert scan.reason is not None and scan.message
        return
    assert scan.reason is None and scan.message == ""
    for value in (scan.text, scan.serial or "", scan.lot or "", *scan.gtins):
        assert value.isprintable(), value
    if scan.kind is ScanKind.PRODUCT:
        assert scan.gtins and scan.text == scan.gtins[0]
        assert all(len(g) == 14 and g.isdigit() for g in scan.gtins)


class TestNeverRaises:
    @EXAMPLES
    @given(st.text())
    def test_any_text(self, raw: str) -> None:
        assert_safe(parse_scan(raw))

    @EXAMPLES
    @given(st.binary())
    def test_any_bytes(self, raw: bytes) -> None:
        assert_safe(parse_scan(raw))

    @EXAMPLES
    @given(st.text(alphabet=HOSTILE, max_size=40))
    def test_control_laden_and_hostile_text(self, raw: str) -> None:
        assert_safe(parse_scan(raw))

    @EXAMPLES
    @given(st.sampled_from(["", "]C1", "]d2", "]E0", "]Q3", "PS:", "PS:CMD:", "(01)", "https://x/01/", GS]),
           st.text(alphabet=HOSTILE, max_size=40))
    def test_hostile_text_behind_every_prefix(self, prefix: str, rest: str) -> None:
        assert_safe(parse_scan(prefix + rest))

    @settings(max_examples=20, deadline=None)
    @given(st.integers(min_value=513, max_value=200_000), st.sampled_from(["A", "9", "\x00", "é", "^"]))
    def test_huge_inputs(self, length: int, char: str) -> None:
        scan = parse_scan(char * length)
        assert scan.kind is ScanKind.UNKNOWN
        assert_safe(scan)
        assert_safe(parse_scan((char * length).encode()))


# -- GTINs --------------------------------------------------------------------------------------


@st.composite
def gtin14s(draw: st.DrawFn) -> str:
    """A valid GTIN-14 that can be printed as `length` digits (leading zeros dropped)."""
    length = draw(st.sampled_from([8, 12, 13, 14]))
    significant = draw(st.text(alphabet="0123456789", min_size=length - 1, max_size=length - 1))
    body = significant.zfill(13)
    return body + gtin_check_digit(body)


class TestGtinRoundTrip:
    @EXAMPLES
    @given(gtin14s())
    def test_every_printed_form_scans_to_the_same_gtin14(self, gtin14: str) -> None:
        """GIVEN a GTIN WHEN scanned as EAN-8/UPC-A/EAN-13/GTIN-14, whichever lengths it fits
        THEN every form gives that GTIN-14."""
        significant = gtin14.lstrip("0") or "0"
        for length in (8, 12, 13, 14):
            if len(significant) <= length:
                scan = parse_scan(gtin14[-length:])
                assert scan.kind is ScanKind.PRODUCT
                assert gtin14 in scan.gtins
                if length != 8:
                    assert scan.gtins == (gtin14,)

    @EXAMPLES
    @given(gtin14s(), st.integers(min_value=0, max_value=13), st.integers(min_value=1, max_value=9))
    def test_one_wrong_digit_is_never_a_product_of_that_length(self, gtin14: str, position: int, delta: int) -> None:
        wrong = list(gtin14)
        wrong[position] = str((int(wrong[position]) + delta) % 10)
        scan = parse_scan("".join(wrong))
        assert not (scan.accepted and "".join(wrong) in scan.gtins)

    @EXAMPLES
    @given(st.text(alphabet="0123456789", min_size=11, max_size=11).filter(lambda s: s[0] in "01"))
    def test_upce_and_its_upca_are_the_same_product(self, body: str) -> None:
        upca = body + gtin_check_digit(body)
        upce = upca_to_upce(upca)
        if upce is not None:
            assert "00" + upca in parse_scan(upce).gtins


# -- GS1 ------------------------------------------------------------------------------------------

AI_TABLE = dictionary()


@st.composite
def values_for(draw: st.DrawFn, spec: AiSpec) -> str:
    """A valid value for one AI of the dictionary, shortest or longest."""
    return sample_value(spec, longest=draw(st.booleans()))


@st.composite
def gs1_messages(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A GTIN followed by distinct random AIs of the table (no 02, which excludes 01)."""
    ais = draw(st.lists(st.sampled_from(sorted(set(AI_TABLE) - {"01", "02"})), max_size=5, unique=True))
    gtin = draw(values_for(AI_TABLE["01"]))
    return [("01", gtin)] + [(ai, draw(values_for(AI_TABLE[ai]))) for ai in ais]


class TestGs1RoundTrip:
    @EXAMPLES
    @given(gs1_messages(), st.sampled_from(["]C1", "]d2", "]Q3", "]e0", GS]))
    def test_encoded_fields_come_back(self, pairs: list[tuple[str, str]], prefix: str) -> None:
        scan = parse_scan(prefix + encode_element_string(pairs))
        assert scan.kind is ScanKind.PRODUCT, scan
        assert scan.ais == tuple(pairs)
        assert scan.gtins == (pairs[0][1],)
        values = dict(pairs)
        assert scan.serial == values.get("21")
        assert scan.lot == values.get("10")
        if "17" in values:
            assert isinstance(scan.expiry, date) and scan.expiry.strftime("%y%m") == values["17"][:4]
        weight = next(((ai, v) for ai, v in pairs if ai.startswith("310")), None)
        if weight is not None:
            ai, value = weight
            assert scan.net_weight_kg == Decimal(value).scaleb(-int(ai[-1]))  # 310n: n decimal places
        assert_safe(scan)

    @EXAMPLES
    @given(gs1_messages())
    def test_the_typed_form_reads_the_same(self, pairs: list[tuple[str, str]]) -> None:
        """Brackets can be told from values only when no value contains '(' + digits + ')'."""
        text = bracketed(pairs)
        if any("(" in value for _, value in pairs):
            return
        assert parse_scan(text).ais == tuple(pairs)

    @EXAMPLES
    @given(gs1_messages(), st.integers(min_value=1, max_value=13))
    def test_cut_inside_the_gtin_is_truncated_never_accepted(self, pairs: list[tuple[str, str]], keep: int) -> None:
        data = encode_element_string(pairs)
        scan = parse_scan("]C1" + data[: 2 + keep])
        assert not scan.accepted
