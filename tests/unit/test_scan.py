"""parse_scan: what every scan at the bench turns into. See docs/barcodes.md."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.scan import (
    Command,
    RejectReason,
    Scan,
    ScanKind,
    ScanRules,
    badge_barcode,
    carton_barcode,
    command_barcode,
    order_barcode,
    parse_scan,
    tote_barcode,
)

GS = "\x1d"
GTIN = "09506000134352"  # GS1's example GTIN
SSCC = "106141411234567897"  # GS1's example SSCC


def rejected(raw: str | bytes, reason: RejectReason, rules: ScanRules | None = None) -> Scan:
    scan = parse_scan(raw, rules) if rules else parse_scan(raw)
    assert scan.kind is ScanKind.UNKNOWN, scan
    assert scan.reason is reason, scan
    assert not scan.accepted
    return scan


class TestInputHygiene:
    @pytest.mark.parametrize("raw", [b"4006381333931\r\n", b"4006381333931\n", b"4006381333931\r", "4006381333931\r\n",
                                     "  4006381333931  ", "4006381333931"])
    def test_line_endings_and_spaces_are_dropped(self, raw: str | bytes) -> None:
        scan = parse_scan(raw)
        assert scan.kind is ScanKind.PRODUCT
        assert scan.raw == "4006381333931"

    def test_utf8_bytes_are_decoded(self) -> None:
        assert parse_scan("Crème brûlée".encode()).text == "Crème brûlée"

    @pytest.mark.parametrize("raw", [b"\xff\xfe", b"ABC\xc3", b"\xc0\xaf", b"\xed\xa0\x80"])
    def test_invalid_utf8(self, raw: bytes) -> None:
        """GIVEN bytes that are not UTF-8 (a scanner set to another code page) THEN refused, shown escaped."""
        scan = rejected(raw, RejectReason.INVALID_UTF8)
        assert "\\x" in scan.raw

    def test_lone_surrogates_are_not_text(self) -> None:
        rejected("AB\ud800", RejectReason.INVALID_UTF8)

    @pytest.mark.parametrize("raw", ["", "   ", "\r\n", b"", b"\n", "]C1"])
    def test_empty(self, raw: str | bytes) -> None:
        rejected(raw, RejectReason.EMPTY)

    def test_513_characters_is_too_long(self) -> None:
        """GIVEN 513 characters (two labels read as one, or a stuck key) THEN too long, cut on screen."""
        scan = rejected("A" * 513, RejectReason.TOO_LONG)
        assert "513" in scan.message
        assert scan.raw == "A" * 80 + "…"

    def test_512_characters_is_fine(self) -> None:
        assert parse_scan("A" * 512).kind is ScanKind.TEXT

    def test_huge_inputs_are_refused_quickly(self) -> None:
        rejected("9" * 10_000_000, RejectReason.TOO_LONG)
        rejected(b"\xff" * 10_000_000, RejectReason.TOO_LONG)

    def test_max_length_is_a_rule(self) -> None:
        rejected("A" * 21, RejectReason.TOO_LONG, ScanRules(max_length=20))

    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("AB\tCD", "\\x09"),
            ("AB\x00CD", "\\x00"),
            ("\x1b[2J", "\\x1b"),
            ("AB\x7fCD", "\\x7f"),
            ("AB\x85CD", "\\x85"),  # C1 control
            ("AB\u200bCD", "\\u200b"),  # zero-width space (format character)
            ("\ufeffABC", "\\ufeff"),  # byte-order mark
            ("AB\u202eCD", "\\u202e"),  # right-to-left override
            ("AB\nCD", "\\x0a"),
            ("A" + GS + "B", "\\x1d"),  # GS outside GS1 data
        ],
    )
    def test_control_characters(self, raw: str, shown: str) -> None:
        """GIVEN a hidden control character THEN refused, and the message shows it escaped."""
        scan = rejected(raw, RejectReason.CONTROL_CHARACTER)
        assert shown in scan.message
        assert shown in scan.raw
        assert scan.raw.isprintable()

    def test_raw_is_cut_to_80_characters(self) -> None:
        scan = parse_scan("A" * 100)
        assert scan.raw == "A" * 80 + "…"
        assert scan.text == "A" * 100

    def test_escapes_count_towards_the_80_and_are_never_cut_in_half(self) -> None:
        scan = parse_scan("\x00" * 100)
        assert scan.raw == "\\x00" * 20 + "…"


class TestRealBarcodeText:
    @pytest.mark.parametrize(
        "raw",
        ['PIPE 1/2"', "MEN'S-TEE", "SN--0001", "A/*B*/", "C:\\temp", "1001; DROP TABLE orders", "^XA^FDX^FS",
         "~JA", "<script>", "A|B", "A`B", "A{B}", "A[1]", "' OR 1=1 --", "PS:ORDER:^XA"],
    )
    def test_printable_characters_are_accepted_verbatim(self, raw: str) -> None:
        """GIVEN a barcode with quotes, slashes, dashes, ^ or ~ (real part numbers, real sizes)
        WHEN scanned THEN accepted exactly as sent: the sinks (bound SQL parameters, ZPL ^FH) make
        such text harmless, so the scanner does not refuse it."""
        scan = parse_scan(raw)
        assert scan.accepted, scan
        assert scan.text in (raw, raw.upper(), raw.removeprefix("PS:ORDER:"))

    def test_a_digital_link_with_a_tilde_in_its_path(self) -> None:
        scan = parse_scan(f"https://example.com/~shop/01/{GTIN}/21/SN1?linkType=gs1:pip")
        assert (scan.kind, scan.gtins, scan.serial) == (ScanKind.PRODUCT, (GTIN,), "SN1")

    def test_a_warehouse_blocklist_refuses_its_characters_everywhere(self) -> None:
        """GIVEN [scanner] refuse_characters = "^~" WHEN text or GS1 data holds one THEN refused,
        naming the character; other text still passes."""
        rules = ScanRules(refuse_characters="^~")
        scan = rejected("ORDER^FS", RejectReason.FORBIDDEN_CHARACTER, rules)
        assert "^" in scan.message
        rejected(f"]C101{GTIN}10AB~C", RejectReason.FORBIDDEN_CHARACTER, rules)
        rejected(f"https://example.com/~shop/01/{GTIN}", RejectReason.FORBIDDEN_CHARACTER, rules)
        assert parse_scan("MEN'S-TEE", rules).accepted

    def test_the_blocklist_takes_printable_characters_only(self) -> None:
        with pytest.raises(ValueError, match="refuse_characters"):
            ScanRules(refuse_characters="\t")

    def test_characters_outside_gs1_set_in_gs1_data(self) -> None:
        """GIVEN a GS1 lot with ^ THEN refused: GS1 allows only its character set 82 there,
        and the message names the character and the field."""
        scan = rejected(f"]C101{GTIN}10AB^C", RejectReason.FORBIDDEN_CHARACTER)
        assert "^" in scan.message and "(10)" in scan.message


class TestIso15434:
    """ISO/IEC 15434 messages in 2D codes of parts and parcels: "[)>" RS, formats, RS EOT."""

    def test_format_06_data_identifiers(self) -> None:
        """GIVEN format 06 with a GTIN (8P), a serial (S), a lot (1T) and a quantity (Q)
        THEN a product with its serial, lot and count, the fields as their GS1 AIs."""
        scan = parse_scan(f"]d1[)>\x1e06{GS}8P{GTIN}{GS}SSN-0001{GS}1TLOT7{GS}Q6\x1e\x04")
        assert (scan.kind, scan.gtins, scan.serial, scan.lot, scan.count) == (ScanKind.PRODUCT, (GTIN,), "SN-0001",
                                                                              "LOT7", 6)
        assert scan.ais == (("01", GTIN), ("21", "SN-0001"), ("10", "LOT7"), ("30", "6"))

    def test_format_05_is_a_gs1_element_string(self) -> None:
        scan = parse_scan(f"[)>\x1e05{GS}01{GTIN}17261231{GS}10ABC\x1e\x04", today=date(2025, 6, 15))
        assert (scan.kind, scan.lot, scan.expiry) == (ScanKind.PRODUCT, "ABC", date(2026, 12, 31))

    def test_a_part_number_alone_is_looked_up_as_text(self) -> None:
        scan = parse_scan(f"[)>\x1e06{GS}1PPIPE-1/2IN{GS}9KIGNORED\x1e\x04")
        assert (scan.kind, scan.text) == (ScanKind.TEXT, "PIPE-1/2IN")

    def test_without_its_end_the_message_is_cut_off(self) -> None:
        rejected(f"[)>\x1e06{GS}8P{GTIN}", RejectReason.GS1_TRUNCATED)

    def test_other_control_characters_in_a_message_are_refused(self) -> None:
        rejected(f"[)>\x1e06{GS}S1\x07\x1e\x04", RejectReason.CONTROL_CHARACTER)

    def test_rs_outside_a_message_is_a_control_character(self) -> None:
        rejected("AB\x1eCD", RejectReason.CONTROL_CHARACTER)


class TestProducts:
    @pytest.mark.parametrize(
        ("raw", "gtin"),
        [
            ("4006381333931", "04006381333931"),  # EAN-13
            ("036000291452", "00036000291452"),  # UPC-A
            ("0036000291452", "00036000291452"),  # UPC-A as EAN-13
            (GTIN, GTIN),  # GTIN-14 (ITF-14)
            ("96385074", "00000096385074"),  # EAN-8
            ("]E0036000291452", "00036000291452"),
            ("]E04006381333931", "04006381333931"),
        ],
    )
    def test_gtins_become_gtin14(self, raw: str, gtin: str) -> None:
        scan = parse_scan(raw)
        assert scan.kind is ScanKind.PRODUCT
        assert scan.gtins == (gtin,)
        assert scan.text == gtin

    def test_eight_digits_that_are_both_upce_and_ean8(self) -> None:
        """GIVEN 01234565 (UPC-E of 012345000065, and a valid EAN-8) THEN both candidates, UPC-E first."""
        assert parse_scan("01234565").gtins == ("00012345000065", "00000001234565")

    def test_ean8_symbology_puts_ean8_first(self) -> None:
        assert parse_scan("]E401234565").gtins == ("00000001234565", "00012345000065")

    def test_upce_only(self) -> None:
        scan = parse_scan("06543217")  # valid UPC-E, not a valid EAN-8
        assert scan.gtins == ("00065100004327",)

    def test_six_digit_upce_with_symbology(self) -> None:
        """GIVEN ]E0 and six digits (UPC-E sent without number system and check) THEN UPC-A 012345000065."""
        scan = parse_scan("]E0123456")
        assert scan.gtins == ("00012345000065",)
        assert scan.symbology == "]E0"

    def test_six_digits_without_symbology_are_text(self) -> None:
        assert parse_scan("123456").kind is ScanKind.TEXT

    @pytest.mark.parametrize("raw", ["4006381333932", "036000291453", "09506000134353", "96385075", "01234566"])
    def test_wrong_check_digit(self, raw: str) -> None:
        scan = rejected(raw, RejectReason.BAD_CHECK_DIGIT)
        assert scan.message == "Barcode check digit is wrong — scan it again or type it."

    @pytest.mark.parametrize("raw", ["1001", "100045", "1234567", "12345678901", "123456789012345"])
    def test_other_digit_strings_are_text(self, raw: str) -> None:
        """Bare numbers could be order numbers or SKUs: the workflow looks them up."""
        scan = parse_scan(raw)
        assert scan.kind is ScanKind.TEXT
        assert scan.text == raw


class TestGs1:
    def test_gs1_datamatrix(self) -> None:
        """GIVEN a GS1 DataMatrix with GTIN, weight, expiry, lot and serial THEN a product with all of them."""
        scan = parse_scan(f"]d201{GTIN}3103001250" f"17261200" f"10ABC123{GS}21SN-0001")
        assert scan.kind is ScanKind.PRODUCT
        assert scan.gtins == (GTIN,)
        assert scan.text == GTIN
        assert scan.lot == "ABC123"
        assert scan.serial == "SN-0001"
        assert scan.expiry == date(2026, 12, 31)
        assert scan.net_weight_kg == Decimal("1.250")
        assert scan.symbology == "]d2"
        assert scan.ais == (("01", GTIN), ("3103", "001250"), ("17", "261200"), ("10", "ABC123"), ("21", "SN-0001"))

    @pytest.mark.parametrize("symbology", ["]C1", "]e0", "]d2", "]Q3", "]J1"])
    def test_gs1_symbologies(self, symbology: str) -> None:
        assert parse_scan(f"{symbology}01{GTIN}").gtins == (GTIN,)

    def test_leading_fnc1_marks_gs1(self) -> None:
        assert parse_scan(f"{GS}01{GTIN}10L1").lot == "L1"
        assert parse_scan(f"]C1{GS}01{GTIN}10L1").lot == "L1"

    def test_gs_between_fields_marks_gs1_without_symbology(self) -> None:
        scan = parse_scan(f"01{GTIN}10L1{GS}21S1")
        assert (scan.kind, scan.lot, scan.serial) == (ScanKind.PRODUCT, "L1", "S1")

    def test_content_and_count(self) -> None:
        scan = parse_scan(f"]C102{GTIN}3712")
        assert (scan.kind, scan.gtins, scan.count) == (ScanKind.PRODUCT, (GTIN,), 12)

    def test_sscc(self) -> None:
        scan = parse_scan(f"]C100{SSCC}")
        assert (scan.kind, scan.text) == (ScanKind.SSCC, SSCC)

    def test_customer_order_number(self) -> None:
        scan = parse_scan("]C1400so-1001")
        assert (scan.kind, scan.text) == (ScanKind.ORDER, "SO-1001")

    def test_serial_and_lot_without_gtin(self) -> None:
        scan = parse_scan(f"]C121SN1{GS}10L7")
        assert (scan.kind, scan.text, scan.serial, scan.lot) == (ScanKind.SERIAL, "SN1", "SN1", "L7")
        scan = parse_scan("]C110L7")
        assert (scan.kind, scan.text, scan.serial, scan.lot) == (ScanKind.SERIAL, "L7", None, "L7")

    def test_gs1_without_anything_to_pack(self) -> None:
        rejected("]C117261231", RejectReason.UNRECOGNISED)

    def test_truncated(self) -> None:
        """GIVEN ]C1 and a GTIN cut after 10 digits THEN truncated: scan it again."""
        scan = rejected("]C1010950600013", RejectReason.GS1_TRUNCATED)
        assert "scan it again" in scan.message

    def test_unknown_ai(self) -> None:
        """GIVEN 05, which no AI starts with THEN the field is named by its two digits."""
        scan = rejected(f"]C101{GTIN}05123", RejectReason.GS1_UNKNOWN_AI)
        assert "(05)" in scan.message

    def test_bad_gtin_check_digit_in_gs1(self) -> None:
        rejected("]C10109506000134353", RejectReason.BAD_CHECK_DIGIT)

    @pytest.mark.parametrize(
        ("data", "shown"),
        [
            (f"01{GTIN}17261340", "(17)"),  # month 13
            (f"01{GTIN}17260230", "(17)"),  # 30 February
            ("30ABC", "(30)"),  # letters in a count
            ("10" + "L" * 21, "(10)"),  # lot longer than 20
            (f"10A{GS}10B", "(10)"),  # two different lots
        ],
    )
    def test_bad_values(self, data: str, shown: str) -> None:
        scan = rejected("]C1" + data, RejectReason.GS1_BAD_VALUE)
        assert shown in scan.message

    def test_long_digit_strings_that_are_gs1(self) -> None:
        """GIVEN a scanner that sends no symbology identifier THEN 16+ digits that parse as GS1 are GS1."""
        assert parse_scan(f"01{GTIN}").gtins == (GTIN,)
        assert parse_scan(f"00{SSCC}").kind is ScanKind.SSCC
        assert parse_scan(f"01{GTIN}17261231").expiry == date(2026, 12, 31)

    @pytest.mark.parametrize(
        "raw",
        [
            "0109506000134353",  # GTIN with a wrong check digit
            "1234567890123456",  # (12) due date with month 56
            "9400111899223100000000",  # USPS tracking number: only an internal AI, nothing to pack
            "1726129999999999",  # (17) with day 99
        ],
    )
    def test_long_digit_strings_that_are_not_clean_gs1_stay_text(self, raw: str) -> None:
        assert parse_scan(raw).kind is ScanKind.TEXT

    def test_typed_human_readable_form(self) -> None:
        scan = parse_scan(f"(01){GTIN}(17)261231(10)ABC123")
        assert (scan.kind, scan.lot, scan.expiry) == (ScanKind.PRODUCT, "ABC123", date(2026, 12, 31))

    def test_typed_human_readable_form_with_a_mistake(self) -> None:
        rejected("(01)09506000134353", RejectReason.BAD_CHECK_DIGIT)

    def test_brackets_that_are_not_an_ai_are_text(self) -> None:
        assert parse_scan("(555) 123").kind is ScanKind.TEXT

    def test_digital_link(self) -> None:
        scan = parse_scan(f"https://id.example.com/01/{GTIN}/10/L1/21/S1?17=261231")
        assert (scan.kind, scan.gtins, scan.lot, scan.serial) == (ScanKind.PRODUCT, (GTIN,), "L1", "S1")
        assert scan.expiry == date(2026, 12, 31)

    def test_ordinary_web_address_is_text(self) -> None:
        assert parse_scan("https://example.com/returns").kind is ScanKind.TEXT

    def test_digital_link_with_a_bad_gtin(self) -> None:
        rejected("https://id.example.com/01/09506000134353", RejectReason.BAD_CHECK_DIGIT)


class TestCommands:
    @pytest.mark.parametrize("command", [c for c in Command if c is not Command.QTY])
    def test_every_command_card(self, command: Command) -> None:
        scan = parse_scan(command_barcode(command))
        assert (scan.kind, scan.command, scan.argument) == (ScanKind.COMMAND, command, None)

    def test_canonical_text(self) -> None:
        assert command_barcode(Command.COMPLETE) == "PS:CMD:COMPLETE"
        assert command_barcode(Command.NEXT_BOX) == "PS:CMD:NEXT-BOX"
        assert command_barcode(Command.SIGN_OUT) == "PS:CMD:SIGN-OUT"
        assert command_barcode(Command.QTY, 6) == "PS:CMD:QTY:6"

    @pytest.mark.parametrize("raw", ["PS:CMD:NEXT-BOX", "PS:CMD:NEXT_BOX", "PS:CMD:NEXTBOX", "ps:cmd:next-box",
                                     "Ps:Cmd:NextBox", "]C0PS:CMD:NEXT-BOX"])
    def test_spellings(self, raw: str) -> None:
        assert parse_scan(raw).command is Command.NEXT_BOX

    @pytest.mark.parametrize(("raw", "quantity"), [("PS:CMD:QTY:1", 1), ("PS:CMD:QTY:6", 6), ("PS:CMD:QTY:999", 999),
                                                   ("ps:cmd:qty:06", 6)])
    def test_quantity(self, raw: str, quantity: int) -> None:
        scan = parse_scan(raw)
        assert (scan.command, scan.argument) == (Command.QTY, quantity)

    @pytest.mark.parametrize("raw", ["PS:CMD:QTY:0", "PS:CMD:QTY:1000", "PS:CMD:QTY", "PS:CMD:QTY:", "PS:CMD:QTY:six",
                                     "PS:CMD:QTY:-1", "PS:CMD:QTY:1:2", "PS:CMD:QTY:00001"])
    def test_bad_quantity(self, raw: str) -> None:
        scan = rejected(raw, RejectReason.BAD_COMMAND)
        assert "1 to 999" in scan.message

    @pytest.mark.parametrize("raw", ["PS:CMD:FOO", "PS:CMD:", "PS:CMD", "PS:CMD:COMPLETE:2"])
    def test_bad_command(self, raw: str) -> None:
        rejected(raw, RejectReason.BAD_COMMAND)

    def test_helper_refuses_bad_arguments(self) -> None:
        with pytest.raises(ValueError):
            command_barcode(Command.QTY, 0)
        with pytest.raises(ValueError):
            command_barcode(Command.QTY)
        with pytest.raises(ValueError):
            command_barcode(Command.UNDO, 2)


class TestStationCodes:
    def test_badge(self) -> None:
        scan = parse_scan("PS:BADGE:a-0042")
        assert (scan.kind, scan.text) == (ScanKind.BADGE, "A-0042")

    @pytest.mark.parametrize(
        "raw", ["PS:BADGE:", "PS:BADGE:A_1", "PS:BADGE:A 1", "PS:BADGE:" + "A" * 33, "PS:BADGE:Ä1"]
    )
    def test_bad_badge(self, raw: str) -> None:
        rejected(raw, RejectReason.BAD_BADGE)

    @pytest.mark.parametrize(
        ("raw", "kind", "text"),
        [
            ("PS:TOTE:t12", ScanKind.TOTE, "T12"),
            ("PS:CARTON:box-m", ScanKind.CARTON, "BOX-M"),
            ("PS:ORDER:so-1001", ScanKind.ORDER, "SO-1001"),
            ("PS:ORDER:#1001", ScanKind.ORDER, "#1001"),
        ],
    )
    def test_codes(self, raw: str, kind: ScanKind, text: str) -> None:
        scan = parse_scan(raw)
        assert (scan.kind, scan.text) == (kind, text)

    def test_serial_and_lot_keep_their_case(self) -> None:
        scan = parse_scan("PS:SN:ab12Cd")
        assert (scan.kind, scan.text, scan.serial, scan.lot) == (ScanKind.SERIAL, "ab12Cd", "ab12Cd", None)
        scan = parse_scan("PS:LOT:L-77")
        assert (scan.kind, scan.text, scan.serial, scan.lot) == (ScanKind.SERIAL, "L-77", None, "L-77")

    @pytest.mark.parametrize(
        "raw",
        ["PS:TOTE:", "PS:TOTE:-1", "PS:CARTON:BOX M", "PS:ORDER:", "PS:SN:", "PS:LOT:" + "L" * 65, "PS:FOO:1", "PS:",
         "PS:PRINT:LABEL"],
    )
    def test_malformed_or_unknown_station_codes(self, raw: str) -> None:
        rejected(raw, RejectReason.UNRECOGNISED)

    def test_helpers_round_trip(self) -> None:
        assert parse_scan(badge_barcode("a-0042")).text == "A-0042"
        assert badge_barcode("a-0042") == "PS:BADGE:A-0042"
        assert tote_barcode("t12") == "PS:TOTE:T12"
        assert parse_scan(tote_barcode("t12")).kind is ScanKind.TOTE
        assert carton_barcode("box-m") == "PS:CARTON:BOX-M"
        assert parse_scan(carton_barcode("box-m")).kind is ScanKind.CARTON
        assert order_barcode("so-1001") == "PS:ORDER:SO-1001"
        assert parse_scan(order_barcode("#1001")).text == "#1001"

    @pytest.mark.parametrize(("helper", "value"), [(badge_barcode, "A_1"), (tote_barcode, ""), (carton_barcode, "a b"),
                                                   (order_barcode, "10\x0001"), (order_barcode, "")])
    def test_helpers_refuse_what_cannot_be_scanned_back(self, helper, value: str) -> None:
        with pytest.raises(ValueError):
            helper(value)


class TestPlainText:
    @pytest.mark.parametrize(("raw", "text"), [("TOTE-12", "TOTE-12"), ("tote7", "TOTE7"), ("Tote-ab12", "TOTE-AB12")])
    def test_totes(self, raw: str, text: str) -> None:
        scan = parse_scan(raw)
        assert (scan.kind, scan.text) == (ScanKind.TOTE, text)

    @pytest.mark.parametrize(("raw", "text"), [("#1001", "#1001"), ("SO-1001", "SO-1001"), ("so1001", "SO1001"),
                                               ("ORD-123456", "ORD-123456")])
    def test_orders_with_a_prefix(self, raw: str, text: str) -> None:
        scan = parse_scan(raw)
        assert (scan.kind, scan.text) == (ScanKind.ORDER, text)

    @pytest.mark.parametrize("raw", ["SKU-RED-XL", "A1B2", "Größe 42", "東京-1", "12 x 5 mm", "AB+CD/EF:1#2",
                                     "50% OFF!", "a@b.c", "$5 & (x)=y, ok?", "#12"])
    def test_other_safe_text(self, raw: str) -> None:
        scan = parse_scan(raw)
        assert (scan.kind, scan.text) == (ScanKind.TEXT, raw)

    def test_text_is_unicode_normalised(self) -> None:
        """GIVEN 'é' typed as e + combining accent THEN the text holds the single character."""
        assert parse_scan("Cafe\u0301").text == "Café"

    def test_custom_patterns(self) -> None:
        rules = ScanRules(order_pattern=r"WEB-[0-9]{5}", tote_pattern=r"T[0-9]{3}")
        assert parse_scan("web-12345", rules).kind is ScanKind.ORDER
        assert parse_scan("t123", rules).text == "T123"
        assert parse_scan("SO-1001", rules).kind is ScanKind.TEXT

    def test_digits_are_never_an_order_by_pattern(self) -> None:
        assert parse_scan("1001", ScanRules(order_pattern=r"[0-9]{4}")).kind is ScanKind.TEXT

    def test_invalid_pattern_fails_when_the_station_starts(self) -> None:
        with pytest.raises(ValueError, match="order_pattern"):
            ScanRules(order_pattern="(")


class TestMessages:
    @pytest.mark.parametrize(
        "raw",
        ["", "A" * 600, b"\xff", "A\tB", "4006381333932", "]C1010950600013", f"]C101{GTIN}05123",
         f"]C101{GTIN}17261340", "PS:CMD:FOO", "PS:BADGE:", "PS:FOO", "]C117261231"],
    )
    def test_every_refusal_says_what_to_do_in_one_short_sentence(self, raw: str | bytes) -> None:
        scan = parse_scan(raw)
        assert not scan.accepted
        assert scan.message.endswith(".")
        assert " — " in scan.message  # what happened — what to do
        assert len(scan.message) <= 110
        assert scan.message.isprintable()

    def test_accepted_scans_carry_no_message(self) -> None:
        scan = parse_scan("4006381333931")
        assert scan.accepted and scan.message == "" and scan.reason is None

    @pytest.mark.parametrize("raw", [None, 42, 3.5, object(), ["PS:CMD:UNDO"]])
    def test_never_raises_even_for_things_that_are_not_scans(self, raw: object) -> None:
        scan = parse_scan(raw)  # type: ignore[arg-type]
        assert scan.kind is ScanKind.UNKNOWN
        assert scan.message
