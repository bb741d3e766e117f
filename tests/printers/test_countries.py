"""Countries by any name a shop sends, for the GS1 routing barcode (AI 421)."""

from __future__ import annotations

import pycountry
import pytest

from printers.documents.countries import alpha_2, numeric_code
from printers.documents.data import Address
from printers.documents.shipping_label import routing_element_string


def test_every_iso_country_by_code_and_name():
    """GIVEN each of the 249 ISO 3166-1 countries THEN its alpha-2, alpha-3, numeric code and
    ISO name all give its numeric code."""
    countries = list(pycountry.countries)
    assert len(countries) == 249
    for entry in countries:
        for spelling in (entry.alpha_2, entry.alpha_3.lower(), entry.numeric, entry.name):
            assert numeric_code(spelling) == entry.numeric, spelling


@pytest.mark.parametrize(("name", "code"), [
    ("USA", "US"), ("United States", "US"), ("UK", "GB"), ("United Kingdom", "GB"), ("Deutschland", "DE"),
    ("Österreich", "AT"), ("Russia", "RU"), ("Turkey", "TR"), ("South Korea", "KR"), ("Vietnam", "VN"),
    ("Czech Republic", "CZ"), ("Ivory Coast", "CI"), ("  puerto rico ", "PR"),
])
def test_names_shops_send(name, code):
    assert alpha_2(name) == code


@pytest.mark.parametrize("name", ["", "Atlantis", "XX", "999"])
def test_unknown_is_empty(name):
    assert numeric_code(name) == ""


def test_a_parcel_to_puerto_rico_gets_its_routing_barcode():
    address = Address(name="Ana Rivera", line1="1 Calle Sol", city="San Juan", postcode="00901", country="PR")
    assert routing_element_string(address) == "(421)63000901"
