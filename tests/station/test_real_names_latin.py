"""A Latin address for carriers abroad, and the full text kept where it is not shortened (issue 16).

The station's own label prints the ship-to address again in Latin letters under the native one
when the carrier needs it: by default on an international parcel (destination country not the
ship-from country), configurable per carrier in station.toml:

    [labels]
    latin_address = "international"          # or "always", "never"
    latin_address_carriers = { "Japan Post" = "never" }

The label may shorten what does not fit its space; the packing slip and the order keep every
character the shop sent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from app.config import ConfigError, LabelSettings, parse_config
from app.domain import model as m
from app.printing.documents import label_data, slip_data, wants_latin_address

CORPUS = {r["id"]: r for r in json.loads((Path(__file__).parents[1] / "fixtures" / "addresses" /
                                          "shipping_addresses.json").read_text(encoding="utf-8"))}
UK_WAREHOUSE = {"name": "Northwind Fulfilment", "line1": "Unit 4, Riverside Trading Estate", "city": "Leeds",
                "postcode": "LS11 5QT", "country": "GB"}
TOKYO_WAREHOUSE = {"name": "Northwind Japan", "line1": "有明3-7-26", "city": "江東区", "region": "東京都",
                   "postcode": "135-0063", "country": "JP"}
SOCKS = m.Product("SOCK-CHA-M", "Merino Wool Socks - Charcoal / M", 85)


def order_to(record: dict[str, str], *, carrier: str = "DHL", number: str = "5003") -> m.Order:
    """The order as the Shopify import stores it, for an address of the corpus."""
    ship_to = m.Address(name=record["name"], company=record.get("company", ""), line1=record.get("address1", ""),
                        line2=record.get("address2", ""), city=record.get("city", ""),
                        region=record.get("province", ""), postcode=record.get("zip", ""),
                        country=record["country_code"])
    return m.Order(number, (m.OrderLine(1, SOCKS, 1),), ship_to=ship_to, carrier=carrier,
                   service_level="Express Worldwide")


def pdf_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def label_text(order: m.Order, sender: dict[str, str], labels: LabelSettings | None = None) -> str:
    from printers.documents import shipping_label
    from printers.pdf import render_pdf

    data = label_data(order, sender, box=1, boxes=1, weight_g=300, tracking="JD014600006281230744", labels=labels)
    return pdf_text(render_pdf(shipping_label(data)))


def latin_lines(text: str) -> list[str]:
    """Lines of the label's text layer written in Latin letters only, with at least 3 of them."""
    return [line.strip() for line in text.splitlines()
            if sum(ch.isalpha() for ch in line) >= 3
            and all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in line)]


# ----------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(("rule", "ship_to", "ship_from", "expected"), [
    ("international", "JP", "GB", True),
    ("international", "JP", "JP", False),
    ("international", "Japan", "JP", False),  # a country by name or by code is the same country
    ("international", "United Kingdom", "GB", False),
    ("international", "", "GB", False),  # no destination country: a domestic parcel
    ("international", "JP", "", True),  # no ship-from country configured: cannot tell, print it
    ("always", "JP", "JP", True),
    ("never", "JP", "GB", False),
])
def test_the_latin_address_rule(rule: str, ship_to: str, ship_from: str, expected: bool) -> None:
    """GIVEN a carrier's rule and the two countries THEN the Latin address is printed only when
    the rule asks for it: always, never, or when the parcel leaves the ship-from country."""
    assert wants_latin_address(rule, ship_to=ship_to, ship_from=ship_from) is expected


def test_station_toml_sets_the_rule_per_carrier() -> None:
    """GIVEN [labels] with a default and per-carrier rules WHEN the station reads it
    THEN each carrier gets its own rule (whatever the case of its name) and the others the default."""
    config = parse_config({"labels": {"latin_address": "never",
                                      "latin_address_carriers": {"DHL Express": "international",
                                                                 "Japan Post": "always"}}})
    assert config.labels.latin_address_rule("dhl express") == "international"
    assert config.labels.latin_address_rule(" Japan Post ") == "always"
    assert config.labels.latin_address_rule("UPS") == "never"
    assert parse_config({}).labels.latin_address_rule("UPS") == "international"  # the default


@pytest.mark.parametrize(("table", "message"), [
    ({"latin_address": "sometimes"}, "labels.latin_address must be one of international, always, never"),
    ({"latin_address_carriers": {"DHL": "yes"}}, "labels.latin_address_carriers.'DHL' must be one of"),
    ({"latin_address_carriers": "DHL"}, "labels.latin_address_carriers must be a table"),
    ({"transliterate": True}, "unknown key labels.transliterate"),
])
def test_a_wrong_labels_setting_names_the_key(table: dict, message: str) -> None:
    """GIVEN a wrong value in [labels] THEN the station refuses the file naming the key and the problem."""
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config({"labels": table})


# ----------------------------------------------------------------------------- the label


def test_a_parcel_from_the_uk_to_tokyo_carries_a_latin_address_under_the_kanji() -> None:
    """GIVEN 山田太郎 in Tokyo and a warehouse in the UK (the default rule)
    WHEN the station makes the label THEN it asks for the Latin address, and the label shows
    the name in kanji and Latin lines for the sorting office abroad."""
    order = order_to(CORPUS["jp-tokyo-yamada"])
    assert label_data(order, UK_WAREHOUSE, box=1, boxes=1, weight_g=300, tracking=None).latin_address is True
    text = label_text(order, UK_WAREHOUSE)
    assert "山田太郎" in text
    ours = set(latin_lines(label_text(order, UK_WAREHOUSE, LabelSettings(latin_address="never"))))
    assert set(latin_lines(text)) - ours, "no Latin copy of the address on the label"


def test_a_domestic_japanese_parcel_is_printed_in_japanese_only() -> None:
    """GIVEN the same order shipped from a warehouse in Tokyo THEN no Latin copy is asked for."""
    order = order_to(CORPUS["jp-tokyo-yamada"])
    data = label_data(order, TOKYO_WAREHOUSE, box=1, boxes=1, weight_g=300, tracking=None)
    assert data.latin_address is False


def test_the_carrier_bought_for_the_parcel_decides_not_the_one_the_order_asked_for() -> None:
    """GIVEN an order that asked for DHL, a rule "never" for Japan Post, and Japan Post bought
    for the parcel THEN the label follows Japan Post's rule."""
    labels = LabelSettings(latin_address_carriers=(("japan post", "never"),))
    order = order_to(CORPUS["jp-tokyo-yamada"], carrier="DHL")
    assert label_data(order, UK_WAREHOUSE, box=1, boxes=1, weight_g=300, tracking=None, labels=labels).latin_address
    bought = label_data(order, UK_WAREHOUSE, box=1, boxes=1, weight_g=300, tracking="EJ123456789JP",
                        carrier="Japan Post", service="EMS", labels=labels)
    assert bought.latin_address is False


def test_a_latin_address_abroad_is_not_printed_twice() -> None:
    """GIVEN an address already in Latin letters (Oliver Bennett, Bristol) sent from Japan
    THEN the label shows it once: there is nothing to transliterate."""
    order = order_to(CORPUS["gb-bristol"])
    text = label_text(order, TOKYO_WAREHOUSE)
    assert text.count("Oliver Bennett") == 1


# ----------------------------------------------------------------------------- full text kept


def _plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text).casefold())


@pytest.mark.parametrize("address_id", ["gb-long-70", "max-all-latin", "max-all-japanese", "max-all-cyrillic"])
def test_the_slip_keeps_every_character_the_label_may_shorten(address_id: str) -> None:
    """GIVEN an order whose ship-to fields are long (the 70-character name, or every field at
    Shopify's 255-character limit) WHEN the packing slip is made
    THEN its text holds every field in full, while the order keeps it unchanged."""
    from printers.documents import render_packing_slip

    record = CORPUS[address_id]
    order = order_to(record)
    slip = slip_data(order, 1)
    assert slip.ship_to.name == record["name"] and slip.ship_to.line1 == record["address1"]
    text = _plain(pdf_text(render_packing_slip(slip)))
    for key in ("name", "company", "address1", "address2", "city", "zip"):
        assert _plain(record.get(key, "")) in text, f"{key} is not on the slip in full"
