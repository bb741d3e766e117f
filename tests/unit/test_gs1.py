"""GS1 element strings: AIs, separators, check digits, dates, weights and the human-readable form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.gs1 import (
    CSET82,
    GS,
    Gs1Error,
    Problem,
    bracketed,
    dictionary,
    encode_element_string,
    parse_bracketed,
    parse_digital_link,
    parse_element_string,
    parse_gs1_date,
    resolve_year,
)

TODAY = date(2025, 6, 15)
GTIN = "09506000134352"  # GS1's example GTIN
SSCC = "106141411234567897"  # GS1's example SSCC


def parse(data: str):
    return parse_element_string(data, today=TODAY)


def problem_of(data: str) -> Problem:
    with pytest.raises(Gs1Error) as caught:
        parse(data)
    return caught.value.problem


class TestElementStrings:
    def test_gs1_datamatrix_example(self) -> None:
        """GIVEN GTIN, net weight, expiry, lot, GS, serial
        WHEN parsed THEN every field comes back in order, typed."""
        data = parse(f"01{GTIN}" "3103001250" "17251200" f"10ABC123{GS}21XYZ")
        assert data.pairs == (("01", GTIN), ("3103", "001250"), ("17", "251200"), ("10", "ABC123"), ("21", "XYZ"))
        typed = {e.ai: e.typed for e in data}
        assert typed["3103"] == Decimal("1.250")
        assert typed["17"] == date(2025, 12, 31)
        assert data.value("21") == "XYZ"
        assert data.find("310") is not None and data.find("310").ai == "3103"

    def test_predefined_fields_need_no_separator(self) -> None:
        data = parse(f"01{GTIN}17261231" + "10LOT1")
        assert data.pairs == (("01", GTIN), ("17", "261231"), ("10", "LOT1"))

    def test_variable_field_runs_to_the_end_of_the_data(self) -> None:
        assert parse(f"01{GTIN}21SERIAL-0001").value("21") == "SERIAL-0001"

    def test_variable_field_ends_at_gs(self) -> None:
        data = parse(f"10LOT{GS}21SER{GS}3712")
        assert data.pairs == (("10", "LOT"), ("21", "SER"), ("37", "12"))
        assert data.find("37").typed == 12

    def test_leading_and_superfluous_separators_are_tolerated(self) -> None:
        """Some scanners send FNC1 in first position, and some encoders put one after fixed fields."""
        assert parse(f"{GS}01{GTIN}{GS}10ABC{GS}").pairs == (("01", GTIN), ("10", "ABC"))

    def test_sscc_and_counts(self) -> None:
        data = parse(f"00{SSCC}02{GTIN}37120")
        assert data.value("00") == SSCC
        assert data.find("37").typed == 120

    def test_customer_order_number(self) -> None:
        assert parse("400PO-2024/0001").value("400") == "PO-2024/0001"

    @pytest.mark.parametrize(("ai", "decimals"), [("3100", 0), ("3101", 1), ("3102", 2), ("3105", 5)])
    def test_net_weight_decimal_places_come_from_the_ai(self, ai: str, decimals: int) -> None:
        element = parse(f"01{GTIN}{ai}012345").find("310")
        assert element.typed == Decimal(12345).scaleb(-decimals)
        assert element.typed.as_tuple().exponent == -decimals

    def test_count_ai_30(self) -> None:
        assert parse(f"01{GTIN}3000000024").find("30").typed == 24


class TestErrors:
    def test_truncated_inside_a_fixed_field(self) -> None:
        """GIVEN a GTIN field with 10 of its 14 digits WHEN parsed THEN truncated."""
        assert problem_of("010950600013") == Problem.TRUNCATED

    def test_separator_inside_a_fixed_field_is_truncation(self) -> None:
        assert problem_of(f"0109506{GS}00134352") == Problem.TRUNCATED

    def test_data_ending_right_after_an_ai(self) -> None:
        assert problem_of(f"01{GTIN}10") == Problem.TRUNCATED

    def test_data_ending_inside_an_ai(self) -> None:
        assert problem_of(f"01{GTIN}31") == Problem.TRUNCATED

    @pytest.mark.parametrize("data", ["05123", f"01{GTIN}3106001250", "23ABC", "PS:CMD:COMPLETE"])
    def test_unknown_ai(self, data: str) -> None:
        assert problem_of(data) == Problem.UNKNOWN_AI

    @pytest.mark.parametrize("data", ["0109506000134353", "00106141411234567890", "4109506000134350"])
    def test_bad_check_digit(self, data: str) -> None:
        assert problem_of(data) == Problem.BAD_CHECK_DIGIT

    @pytest.mark.parametrize("data", ["01095060001343A2", "30ABC", "3103001.25"])
    def test_letters_where_digits_belong(self, data: str) -> None:
        assert problem_of(data) == Problem.NOT_NUMERIC

    def test_value_too_long(self) -> None:
        assert problem_of("10" + "A" * 21) == Problem.TOO_LONG
        assert problem_of("30" + "1" * 9) == Problem.TOO_LONG

    def test_empty_variable_field(self) -> None:
        assert problem_of(f"10{GS}21X") == Problem.EMPTY

    @pytest.mark.parametrize("char", [" ", "^", "~", "\\", "#", "é", "@", "[", "`"])
    def test_characters_outside_cset82(self, char: str) -> None:
        with pytest.raises(Gs1Error) as caught:
            parse(f"10AB{char}C")
        assert caught.value.problem == Problem.BAD_CHARACTER
        assert caught.value.char == char
        assert caught.value.ai == "10"

    def test_cset82_is_82_characters(self) -> None:
        assert len(CSET82) == 82

    def test_repeated_ai_with_another_value(self) -> None:
        assert problem_of(f"10A{GS}10B") == Problem.CONFLICT

    def test_gtin_and_content_cannot_be_together(self) -> None:
        assert problem_of(f"01{GTIN}02{GTIN}") == Problem.CONFLICT

    def test_nothing_at_all(self) -> None:
        assert problem_of("") == Problem.EMPTY
        assert problem_of(GS) == Problem.EMPTY


class TestDates:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("251231", date(2025, 12, 31)),
            ("250600", date(2025, 6, 30)),  # day 00: the last day of the month
            ("240200", date(2024, 2, 29)),  # ... of a leap February
            ("250200", date(2025, 2, 28)),
            ("240229", date(2024, 2, 29)),
        ],
    )
    def test_valid_dates(self, value: str, expected: date) -> None:
        assert parse_gs1_date(value, today=TODAY) == expected
        assert parse(f"01{GTIN}17{value}").find("17").typed == expected

    @pytest.mark.parametrize("value", ["251301", "250001", "250132", "250230", "250229", "250431", "2512", "25123a"])
    def test_impossible_dates(self, value: str) -> None:
        with pytest.raises(Gs1Error) as caught:
            parse_gs1_date(value, today=TODAY, ai="17")
        assert caught.value.problem == Problem.BAD_DATE

    def test_bad_date_in_an_element_string(self) -> None:
        assert problem_of(f"01{GTIN}17251340") == Problem.BAD_DATE

    def test_day_00_is_refused_where_gs1_requires_a_day(self) -> None:
        """AI 7006 (first freeze date) is YYMMDD without the 00 convention."""
        assert problem_of(f"01{GTIN}7006250600") == Problem.BAD_DATE

    @pytest.mark.parametrize(
        ("yy", "today", "year"),
        [
            (25, date(2025, 1, 1), 2025),
            (75, date(2025, 1, 1), 2075),  # 50 ahead: this century
            (76, date(2025, 1, 1), 1976),  # 51 ahead: last century
            (99, date(2025, 1, 1), 1999),
            (0, date(2025, 1, 1), 2000),
            (10, date(2060, 1, 1), 2110),  # 50 behind: next century
            (11, date(2060, 1, 1), 2011),  # 49 behind: this century
            (2, date(2099, 12, 31), 2102),
            (98, date(2001, 1, 1), 1998),
        ],
    )
    def test_century_sliding_window(self, yy: int, today: date, year: int) -> None:
        assert resolve_year(yy, today) == year

    def test_century_decides_leap_years(self) -> None:
        """GIVEN 000229 in 2060 THEN it is 29 Feb 2100, which does not exist: a bad date."""
        with pytest.raises(Gs1Error):
            parse_gs1_date("000229", today=date(2060, 1, 1))
        assert parse_gs1_date("000229", today=date(2025, 1, 1)) == date(2000, 2, 29)


class TestEncoding:
    def test_separator_only_after_variable_fields(self) -> None:
        pairs = [("01", GTIN), ("10", "ABC"), ("17", "251231"), ("21", "X1"), ("3103", "001250")]
        assert encode_element_string(pairs) == f"01{GTIN}10ABC{GS}1725123121X1{GS}3103001250"

    def test_round_trip(self) -> None:
        pairs = (("01", GTIN), ("10", "ABC"), ("17", "251231"), ("21", "X1"), ("37", "6"))
        assert parse(encode_element_string(pairs)).pairs == pairs


class TestHumanReadable:
    def test_parenthesised_form(self) -> None:
        data = parse_bracketed(f"(01){GTIN}(17)251231(10)ABC123", today=TODAY)
        assert data.pairs == (("01", GTIN), ("17", "251231"), ("10", "ABC123"))

    def test_formatting(self) -> None:
        assert bracketed([("01", GTIN), ("10", "ABC")]) == f"(01){GTIN}(10)ABC"

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            (f"(01){GTIN[:-1]}", Problem.TOO_SHORT),
            ("(01)09506000134353", Problem.BAD_CHECK_DIGIT),
            ("(99x)A", Problem.UNKNOWN_AI),
            ("(05)123", Problem.UNKNOWN_AI),
            ("(10)", Problem.EMPTY),
        ],
    )
    def test_errors(self, text: str, problem: Problem) -> None:
        with pytest.raises(Gs1Error) as caught:
            parse_bracketed(text)
        assert caught.value.problem == problem


class TestDigitalLink:
    def test_gtin_with_qualifiers_and_query(self) -> None:
        data = parse_digital_link(
            f"https://id.example.com/01/{GTIN}/10/AB%2F1/21/S1?17=261231&linkType=gs1:pip", today=TODAY
        )
        assert data.pairs == (("01", GTIN), ("10", "AB/1"), ("21", "S1"), ("17", "261231"))

    def test_short_gtin_is_padded(self) -> None:
        assert parse_digital_link("https://example.com/01/4006381333931").value("01") == "04006381333931"

    def test_path_prefix_before_the_key(self) -> None:
        assert parse_digital_link(f"https://example.com/shop/p/01/{GTIN}").value("01") == GTIN

    @pytest.mark.parametrize(
        "uri",
        ["https://example.com/", "https://example.com/01", f"https://example.com/01/{GTIN}/21/S/10/L", "ftp://x/01/1"],
    )
    def test_not_a_digital_link(self, uri: str) -> None:
        with pytest.raises(Gs1Error) as caught:
            parse_digital_link(uri)
        assert caught.value.problem == Problem.NOT_GS1

    def test_values_are_validated(self) -> None:
        with pytest.raises(Gs1Error) as caught:
            parse_digital_link("https://example.com/01/09506000134353")
        assert caught.value.problem == Problem.BAD_CHECK_DIGIT


class TestTable:
    def test_ais_are_prefix_free(self) -> None:
        """Parsing relies on no AI being the start of another one."""
        ais = list(dictionary())
        assert not [(a, b) for a in ais for b in ais if a != b and b.startswith(a)]

    def test_ais_with_the_same_first_two_digits_have_the_same_length(self) -> None:
        """An unknown AI is named by cutting it at the length its first two digits give."""
        lengths: dict[str, set[int]] = {}
        for ai in dictionary():
            lengths.setdefault(ai[:2], set()).add(len(ai))
        assert all(len(found) == 1 for found in lengths.values()), lengths

    def test_predefined_length_ais_are_the_gs1_predefined_table(self) -> None:
        """GIVEN the dictionary's "no separator required" flag THEN it is exactly the AIs that start
        with the two digits of the GS1 General Specifications figure 7.8.5-2 (04 and 14, 18, 19
        are reserved there and have no AI)."""
        predefined = {"00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
                      "31", "32", "33", "34", "35", "36", "41"}
        for spec in dictionary().values():
            assert spec.predefined == (spec.ai[:2] in predefined), spec.ai

    def test_required_ais_are_present(self) -> None:
        ais = dictionary()
        for ai in ["00", "01", "02", "03", "10", "11", "13", "15", "17", "21", "30", "37", "400", "421", "8200"]:
            assert ai in ais
        assert [f"310{n}" in ais for n in range(7)] == [True] * 6 + [False]

    def test_formats(self) -> None:
        ais = dictionary()
        assert ais["01"].format == "N14"
        assert ais["10"].format == "X..20"
        assert ais["37"].format == "N..8"
        assert ais["421"].format == "N3+X..9"
        assert (ais["421"].min_length, ais["421"].max_length) == (4, 12)
        assert ais["3103"].decimals == 3
        assert ais["3932"].decimals == 2
