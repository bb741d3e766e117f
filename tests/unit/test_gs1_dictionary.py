"""Every AI of the GS1 Syntax Dictionary (biip's copy) is read by the scanner and written by the
labels the same way: one source of truth for the station's GS1."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest
import zxingcpp

from app.domain import gs1 as domain_gs1
from app.domain.gs1 import GS, bracketed, dictionary, encode_element_string, entries_from_biip_api
from app.domain.scan import RejectReason, ScanKind, parse_scan
from printers import Symbology
from printers.barcodes import encode
from printers.barcodes import gs1 as printer_gs1
from printers.documents.data import Address
from printers.documents.shipping_label import routing_element_string
from tests.printers.test_barcodes import raster
from tests.unit.gs1_samples import sample_value

TODAY = date(2025, 6, 15)
GTIN = "09506000134352"
SSCC = "106141411234567897"


def with_a_product(ai: str, value: str) -> list[tuple[str, str]]:
    """The AI behind a GTIN (or an SSCC for 02, which may not stand beside a GTIN), so the scan is
    one the station packs and every element must come back."""
    if ai == "01":
        return [(ai, value)]
    return [("00", SSCC), (ai, value)] if ai == "02" else [("01", GTIN), (ai, value)]


def misses(read) -> list[str]:  # noqa: ANN001 - a callable (ai, value) -> ais
    """The AIs, shortest and longest sample values, whose scan does not come back as encoded."""
    out = []
    for spec in dictionary().values():
        for longest in (False, True):
            pairs = with_a_product(spec.ai, sample_value(spec, longest=longest))
            scan = read(pairs)
            if not scan.accepted or scan.ais != tuple(pairs):
                out.append(f"{spec.ai} {pairs[-1][1]!r}: {scan.message or scan.ais}")
    return out


class TestTheDictionary:
    def test_it_is_the_gs1_syntax_dictionary_as_biip_ships_it(self) -> None:
        """GIVEN the dictionary the station reads (biip's data file, without importing biip)
        THEN it is exactly what biip's public API gives for every AI: 541 AIs."""
        public = {entry["ai"]: entry for entry in entries_from_biip_api()}
        ours = dictionary()
        assert len(ours) == len(public) == 541
        for ai, entry in public.items():
            spec = ours[ai]
            assert spec.predefined is not entry["separator_required"], ai
            assert spec.pattern == entry["pattern"], ai
            assert spec.description == entry["description"], ai

    def test_the_ais_the_hand_tables_did_not_know(self) -> None:
        for ai in ["03", "253", "255", "3910", "3930", "3940", "3950", "421", "423", "427", "4300", "4333",
                   "7001", "7041", "716", "717", "7230", "7259", "8001", "8043", "8110", "8112"]:
            assert ai in dictionary(), ai

    def test_scanner_and_labels_agree_on_check_digits(self) -> None:
        assert domain_gs1.CHECK_DIGITS == printer_gs1.CHECK_DIGITS


class TestEveryAiIsRead:
    """GIVEN every AI of the dictionary with a valid value (behind a GTIN) WHEN scanned in each
    way a scanner or a person sends it THEN the scan is accepted with exactly those elements."""

    def test_gs1_128_with_fnc1_as_gs(self) -> None:
        assert misses(lambda pairs: parse_scan("]C1" + encode_element_string(pairs), today=TODAY)) == []

    def test_gs1_datamatrix_with_a_leading_fnc1(self) -> None:
        assert misses(lambda pairs: parse_scan("]d2" + GS + encode_element_string(pairs), today=TODAY)) == []

    def test_bracketed_as_typed(self) -> None:
        """Values with "(" are left out: the bracketed form cannot tell them from the next AI."""
        assert [m for m in misses(lambda pairs: parse_scan(bracketed(pairs), today=TODAY)) if "(" not in m] == []

    def test_digital_link_query_parameters(self) -> None:
        def link(pairs: list[tuple[str, str]]):  # noqa: ANN202
            (key, key_value), *rest = pairs
            query = "&".join(f"{ai}={quote(value, safe='')}" for ai, value in rest)
            return parse_scan(f"https://id.example.com/{key}/{key_value}" + (f"?{query}" if query else ""),
                              today=TODAY)

        assert misses(link) == []

    def test_written_by_the_labels_and_read_by_the_scanner(self) -> None:
        """GIVEN the element string printers put in a GS1-128 or GS1 DataMatrix (FNC1 where the
        dictionary requires one) WHEN the scanner sends it THEN the station reads the same."""

        def printed(pairs: list[tuple[str, str]]):  # noqa: ANN202
            return parse_scan("]C1" + printer_gs1.parse(bracketed(pairs)).transmitted, today=TODAY)

        assert [m for m in misses(printed) if "(" not in m] == []


class TestTheRoutingBarcode:
    """The (421) barcode on the station's own shipping label: ship-to postcode and country."""

    @pytest.mark.parametrize(("country", "postcode", "data"), [
        ("PR", "00901", "63000901"), ("Puerto Rico", "00901", "63000901"), ("GB", "SW1A 1AA", "826SW1A1AA"),
        ("United States", "10001", "84010001"), ("Deutschland", "10115", "27610115"),
        ("BR", "01310-100", "07601310100"),
    ])
    def test_printed_then_scanned(self, country: str, postcode: str, data: str) -> None:
        """GIVEN a parcel to `country` WHEN its label's routing barcode is drawn and read back by a
        barcode reader and sent as a scanner does THEN the station reads AI 421 with the same data."""
        address = Address(name="A Customer", line1="1 Road", city="Town", postcode=postcode, country=country)
        element_string = routing_element_string(address)
        assert element_string == f"(421){data}"
        symbol = encode(Symbology.GS1_128, element_string)
        (result,) = zxingcpp.read_barcodes(raster(symbol, 3), text_mode=zxingcpp.TextMode.Plain)
        assert result.symbology_identifier == "]C1"
        scan = parse_scan(result.symbology_identifier + result.text, today=TODAY)
        assert scan.ais == (("421", data),)
        assert scan.reason is RejectReason.UNRECOGNISED  # read, but nothing to pack: the packer is told so
        assert "(421)" in scan.message and "GS1" not in scan.message

    def test_behind_an_sscc_as_on_a_pallet_label(self) -> None:
        scan = parse_scan("]C1" + printer_gs1.parse(f"(00){SSCC}(421)826SW1A1AA").transmitted)
        assert (scan.kind, scan.text, scan.ais) == (ScanKind.SSCC, SSCC, (("00", SSCC), ("421", "826SW1A1AA")))

    def test_the_unknown_ai_is_named_as_gs1_cuts_it(self) -> None:
        """GIVEN a field starting 4 2 that is not an AI (429) THEN the message names (429), not (4295)."""
        scan = parse_scan(f"]C101{GTIN}4295ABC")
        assert scan.reason is RejectReason.GS1_UNKNOWN_AI and "(429)" in scan.message
