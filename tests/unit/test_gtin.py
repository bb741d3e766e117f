"""GTIN rules: GS1 mod-10 check digits, UPC-E expansion, GTIN-14 normalisation."""

from __future__ import annotations

import pytest

from app.domain.gtin import (
    InvalidGtin,
    gtin14_candidates,
    gtin_check_digit,
    has_valid_check_digit,
    is_valid_gtin,
    is_valid_upce,
    make_gtin,
    make_sscc,
    normalise_gtin,
    sscc_is_valid,
    to_gtin14,
    upca_to_upce,
    upce_to_gtin14,
    upce_to_upca,
)

# Real-world codes: GS1's own example GTIN, a Faber-Castell EAN-13, a Coca-Cola UPC-A,
# a GS1 example SSCC, and an EAN-8.
GS1_EXAMPLE_GTIN14 = "09506000134352"
EAN13 = "4006381333931"
UPCA = "036000291452"
SSCC = "106141411234567897"
EAN8 = "96385074"


class TestCheckDigit:
    @pytest.mark.parametrize(
        ("body", "check"),
        [
            ("0950600013435", "2"),
            ("400638133393", "1"),
            ("03600029145", "2"),
            ("10614141123456789", "7"),
            ("9638507", "4"),
            ("0", "0"),
        ],
    )
    def test_check_digit_of_known_codes(self, body: str, check: str) -> None:
        assert gtin_check_digit(body) == check

    @pytest.mark.parametrize("body", ["", "12a4", "１２３", "²"])
    def test_check_digit_needs_ascii_digits(self, body: str) -> None:
        with pytest.raises(InvalidGtin):
            gtin_check_digit(body)

    def test_a_single_changed_digit_breaks_the_check(self) -> None:
        """GIVEN a valid GTIN WHEN any one digit is changed THEN the check digit fails."""
        for i in range(len(EAN13)):
            for digit in "0123456789":
                if digit != EAN13[i]:
                    assert not has_valid_check_digit(EAN13[:i] + digit + EAN13[i + 1 :])


class TestValidation:
    @pytest.mark.parametrize("code", [GS1_EXAMPLE_GTIN14, EAN13, UPCA, EAN8])
    def test_valid_gtins(self, code: str) -> None:
        assert is_valid_gtin(code)

    @pytest.mark.parametrize("code", ["4006381333932", "03600029145", "123456789012345", "", "abcdefgh", "9638507４"])
    def test_invalid_gtins(self, code: str) -> None:
        assert not is_valid_gtin(code)

    def test_sscc(self) -> None:
        assert sscc_is_valid(SSCC)
        assert not sscc_is_valid("106141411234567890")
        assert not sscc_is_valid(SSCC[:-1])


class TestNormalise:
    @pytest.mark.parametrize(
        ("code", "gtin14"),
        [
            (EAN13, "04006381333931"),
            (UPCA, "00036000291452"),
            (GS1_EXAMPLE_GTIN14, GS1_EXAMPLE_GTIN14),
            (EAN8, "00000096385074"),
            ("0 36000 29145 2", "00036000291452"),
            ("400-6381-33393-1", "04006381333931"),
        ],
    )
    def test_every_form_becomes_gtin14(self, code: str, gtin14: str) -> None:
        assert normalise_gtin(code) == gtin14
        assert to_gtin14(code) == gtin14

    def test_upc_a_and_its_ean13_form_are_the_same_product(self) -> None:
        assert normalise_gtin(UPCA) == normalise_gtin("0" + UPCA)

    @pytest.mark.parametrize(
        ("code", "reason"),
        [("4006381333932", "check digit"), ("1234567", "8, 12, 13 or 14"), ("40063813339x1", "digits")],
    )
    def test_invalid_codes_say_why(self, code: str, reason: str) -> None:
        with pytest.raises(InvalidGtin, match=reason):
            normalise_gtin(code)
        assert to_gtin14(code) is None


class TestUpcE:
    def test_gs1_example_expands(self) -> None:
        """GIVEN UPC-E 01234565 WHEN expanded THEN it is UPC-A 012345000065."""
        assert upce_to_upca("01234565") == "012345000065"
        assert upce_to_gtin14("01234565") == "00012345000065"

    @pytest.mark.parametrize(
        ("upce_body", "upca_without_check"),
        [
            ("123450", "01200000345"),  # last digit 0-2: manufacturer ends 00, product 00xxx
            ("123451", "01210000345"),
            ("123452", "01220000345"),
            ("123453", "01230000045"),  # last digit 3: manufacturer ends 00, product 000xx
            ("123454", "01234000005"),  # last digit 4: manufacturer ends 0, product 0000x
            ("123455", "01234500005"),  # last digit 5-9: product 0000x
            ("123459", "01234500009"),
        ],
    )
    def test_zero_suppression_rules(self, upce_body: str, upca_without_check: str) -> None:
        upca = upce_to_upca(upce_body)
        assert upca[:11] == upca_without_check
        assert has_valid_check_digit(upca)

    def test_six_seven_and_eight_digit_forms_agree(self) -> None:
        assert upce_to_upca("123456") == upce_to_upca("0123456") == upce_to_upca("01234565")

    def test_number_system_1(self) -> None:
        upca = upce_to_upca("1123456")
        assert upca.startswith("1") and has_valid_check_digit(upca)

    @pytest.mark.parametrize("code", ["21234565", "01234566", "12345", "012345678", "0123456a"])
    def test_invalid_upce(self, code: str) -> None:
        with pytest.raises(InvalidGtin):
            upce_to_upca(code)
        assert not is_valid_upce(code)

    @pytest.mark.parametrize("upce", ["01234565", "01234505", "01234531", "01234543", "02000008", "11234562"])
    def test_compression_round_trips(self, upce: str) -> None:
        assert is_valid_upce(upce)
        assert upca_to_upce(upce_to_upca(upce)) == upce

    @pytest.mark.parametrize("upca", [UPCA, make_gtin("21234500006", 12), make_gtin("01234560000", 12)])
    def test_uncompressible_upc_a(self, upca: str) -> None:
        """GIVEN a UPC-A with too many significant digits, or number system 2 THEN no UPC-E."""
        assert upca_to_upce(upca) is None


class TestCandidates:
    def test_eight_digits_valid_as_both_ean8_and_upce(self) -> None:
        """GIVEN 01234565, valid as UPC-E and as EAN-8 WHEN read THEN both GTIN-14s, UPC-E first."""
        assert gtin14_candidates("01234565") == ("00012345000065", "00000001234565")
        assert gtin14_candidates("01234565", prefer_upce=False) == ("00000001234565", "00012345000065")

    def test_ean8_that_is_not_upce(self) -> None:
        assert gtin14_candidates(EAN8) == ("00000096385074",)

    def test_both_readings_giving_the_same_gtin_are_listed_once(self) -> None:
        assert gtin14_candidates("00000000") == ("00000000000000",)

    def test_nothing_valid(self) -> None:
        assert gtin14_candidates("01234566") == ()
        assert gtin14_candidates("4006381333932") == ()


class TestMaking:
    def test_make_gtin(self) -> None:
        assert make_gtin("950600013435", 13) == "9506000134352"
        assert make_gtin("950600013435", 14) == "9506000134350" + gtin_check_digit("9506000134350")
        assert is_valid_gtin(make_gtin("4006", 8))

    @pytest.mark.parametrize(("prefix", "length"), [("123456789012345", 14), ("12a", 13), ("1", 11)])
    def test_make_gtin_refuses_bad_input(self, prefix: str, length: int) -> None:
        with pytest.raises(InvalidGtin):
            make_gtin(prefix, length)

    def test_make_sscc(self) -> None:
        assert make_sscc(1, "0614141", 123456789) == SSCC
        with pytest.raises(InvalidGtin):
            make_sscc(1, "0614141", 10**9)
