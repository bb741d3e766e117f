"""The town line in each country's own order, and the Latin copy of an address in another script.

Examples are real addresses as customers type them into a shop (issue 16): the town line is
checked against the order the destination's post reads (Google libaddressinput's formats, see
printers.documents.address_formats), the Latin copy against how the name and the place are
said (Japanese) or spelled (every other script).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from printers.documents import Address, ShippingLabelData, shipping_label
from printers.documents.address_formats import format_town, town_format
from printers.documents.shipping_label import latin_address
from printers.romanize import romanize

TOKYO = Address("山田太郎", "", "千代田1-1", "", "千代田区", "東京都", "100-0001", "JP")


@pytest.mark.parametrize(("address", "town", "on_label"), [
    # Japan in Japanese: postcode with its mark, prefecture, city, no spaces between them.
    (TOKYO, "〒100-0001 東京都千代田区", "〒100-0001 東京都千代田区"),
    # The city typed with its prefecture: the prefecture is not printed twice.
    (Address("小林さくら", city="東京都中央区", region="東京都", postcode="104-0061", country="JP"),
     "〒104-0061 東京都中央区", "〒104-0061 東京都中央区"),
    # Japan in romaji: libaddressinput's Latin order.
    (Address("Kenji Higa", city="Naha-shi", region="Okinawa", postcode="900-0015", country="JP"),
     "Naha-shi, Okinawa 900-0015", "NAHA-SHI OKINAWA 900-0015"),
    (Address("张伟", city="北京市", region="北京市", postcode="100022", country="CN"),
     "100022 北京市", "100022 北京市"),
    (Address("李娜", city="深圳市", region="广东省", postcode="518057", country="CN"),
     "518057 广东省深圳市", "518057 广东省深圳市"),
    (Address("陳怡君", city="臺北市", region="臺北市", postcode="110", country="TW"), "110 臺北市", "110 臺北市"),
    (Address("김민준", city="강남구", region="서울특별시", postcode="06236", country="KR"),
     "서울특별시 강남구 06236", "서울특별시 강남구 06236"),
    (Address("Xiaoming Zhou", city="Haidian District", region="Beijing", postcode="100190", country="CN"),
     "Haidian District, Beijing 100190", "HAIDIAN DISTRICT BEIJING 100190"),
    (Address("Jane Doe", city="Columbus", region="OH", postcode="43215", country="US"),
     "Columbus, OH 43215", "COLUMBUS OH 43215"),
    (Address("Jane Doe", city="Columbus", region="OH", postcode="43215", country="United States"),
     "Columbus, OH 43215", "COLUMBUS OH 43215"),  # a country by name is the same country
    (Address("Jane Doe", city="Leeds", postcode="LS11 5QT", country="GB"), "Leeds LS11 5QT", "LEEDS LS11 5QT"),
    (Address("Anna Schmidt", city="Berlin", postcode="10115", country="DE"), "10115 Berlin", "10115 BERLIN"),
    (Address("Mario Rossi", city="Roma", region="RM", postcode="00144", country="IT"),
     "00144 Roma, RM", "00144 ROMA RM"),
    (Address("Priya Sharma", city="Mumbai", region="Maharashtra", postcode="400001", country="IN"),
     "Mumbai 400001, Maharashtra", "MUMBAI 400001 MAHARASHTRA"),
    (Address("Ion Popescu", city="Cluj-Napoca", region="Cluj", postcode="400001", country="RO"),
     "400001 Cluj Cluj-Napoca", "400001 CLUJ CLUJ-NAPOCA"),
    (Address("何嘉欣", city="中環", region="香港島", country="HK"), "香港島中環", "香港島中環"),  # no postcodes
])
def test_the_town_line_is_in_the_destinations_own_order(address: Address, town: str, on_label: str) -> None:
    """GIVEN an address WHEN its town line is written for the slip and for the label
    THEN postcode, city and region are in the order of the destination's post."""
    assert address.town_line() == town
    assert address.town_line(label=True) == on_label


def test_an_empty_part_takes_its_separator_and_its_mark_with_it() -> None:
    """GIVEN the Japanese format, "〒" before the postcode WHEN the postcode is missing
    THEN no lone mark or space is left; a missing region leaves one space between the others."""
    assert format_town("〒%Z %S%C", "", "千代田区", "東京都") == "東京都千代田区"
    assert format_town("〒%Z %S%C", "100-0001", "千代田区", "") == "〒100-0001 千代田区"
    assert format_town("%C, %S %Z", "43215", "", "OH") == "OH 43215"
    assert format_town("%C, %S %Z", "", "", "") == ""


def test_cjk_countries_use_their_own_order_only_for_their_own_script() -> None:
    assert town_format("JP", "千代田区") == "〒%Z %S%C"
    assert town_format("JP", "Chiyoda-ku") == "%C, %S %Z"
    assert town_format("ZZ", "anything") == "%Z %C, %S"  # a country not in the table


def test_the_japanese_label_prints_the_local_town_line(shipment: ShippingLabelData) -> None:
    """GIVEN a parcel to 山田太郎 in Tokyo WHEN the label is built
    THEN its town line reads 〒100-0001 東京都千代田区 (postcode, prefecture, city)."""
    label = shipping_label(replace(shipment, ship_to=TOKYO))
    town = next(e for e in label.elements if getattr(e, "field", "") == "ship_to.city")
    assert town.text == "〒100-0001 東京都千代田区"


# ----------------------------------------------------------------------------- the Latin copy

@pytest.mark.parametrize(("address", "latin"), [
    # Japanese is read: kanji in their Japanese readings, Hepburn, place suffixes hyphenated.
    (TOKYO, "Yamada Taro\nChiyoda 1-1\nCHIYODA-KU TOKYO-TO 100-0001"),
    (Address("佐藤花子", "株式会社サンプル商事", "北区梅田3丁目1番3号", "", "大阪市", "大阪府", "530-8558", "JP"),
     "Sato Hanako\nKabushikigaisha Sanpuru Shoji, Kita-ku Umeda 3-chome 1-ban 3-go\nOSAKA-SHI OSAKA-FU 530-8558"),
    (Address("ガルシア マリア", "", "丸の内2-7-2", "", "千代田区", "東京都", "100-0005", "JP"),
     "Garushia Maria\nMarunouchi 2-7-2\nCHIYODA-KU TOKYO-TO 100-0005"),
    # Korean, Chinese, Arabic, Russian, Greek: spelled out letter by letter (anyascii).
    (Address("김민준", "", "테헤란로 152", "", "강남구", "서울특별시", "06236", "KR"),
     "GimMinJun\nTeHeLanLo 152\nGANGNAMGU SEOULTEUGBYEOLSI 06236"),
    (Address("王小明", "", "朝阳区建国路88号", "", "北京市", "北京市", "100022", "CN"),
     "WangXiaoMing\nChaoYangQuJianGuoLu88Hao\nBEIJINGSHI 100022"),
    (Address("محمد عبد الله", "", "شارع الملك فهد 12", "", "الرياض", "", "12271", "SA"),
     "mhmd `bd llh\nshr` lmlk fhd 12\nLRYD 12271"),
    (Address("Дмитрий Иванов", "", "ул. Ленина, д. 10, кв. 5", "", "Москва", "", "101000", "RU"),
     "Dmitriy Ivanov\nul. Lenina, d. 10, kv. 5\nMOSKVA 101000"),
    (Address("Σοφία Παπαδοπούλου", "", "Οδός Ερμού 25", "", "Αθήνα", "", "10563", "GR"),
     "Sofia Papadopoyloy\nOdos Ermoy 25\n10563 ATHINA"),
])
def test_the_latin_copy_of_an_address(address: Address, latin: str) -> None:
    """GIVEN an address in its own script WHEN its Latin copy is made
    THEN name, street and town read as below (the town in the country's Latin order)."""
    assert latin_address(address) == latin


def test_kanji_are_read_as_japanese_only_for_a_japanese_address() -> None:
    """GIVEN the same four kanji as a name in Japan and in China
    WHEN transliterated THEN Japan reads them Yamada Taro, China spells them in pinyin."""
    assert latin_address(TOKYO).splitlines()[0] == "Yamada Taro"
    in_china = replace(TOKYO, country="CN", city="北京市", region="北京市", postcode="100022")
    assert latin_address(in_china).splitlines()[0] == "ShanTianTaiLang"
    # Kana make it Japanese wherever the parcel goes (a Japanese customer abroad).
    assert romanize("やまだ 太郎", japanese=False) != "Yamada Taro"
    assert latin_address(replace(in_china, name="やまだ 太郎")).splitlines()[0] == "Yamada Taro"


def test_emoji_are_dropped_not_spelled_out() -> None:
    """GIVEN a name with an emoji (🌸) and one with ✨ WHEN transliterated
    THEN the Latin copy has the letters only, never ":cherry_blossom:" or ":sparkles:"."""
    address = Address("小林さくら🌸", "", "銀座4-6-16 ✨", "", "中央区", "東京都", "104-0061", "JP")
    latin = latin_address(address)
    assert latin.splitlines()[:2] == ["Kobayashi Sakura", "Ginza 4-6-16"]
    assert ":" not in latin
    assert romanize("Дмитрий ✨") == "Dmitriy"


def test_lines_already_in_latin_letters_are_not_printed_twice() -> None:
    """GIVEN a Latin name with a Japanese street and town (and a fully Latin address)
    WHEN the Latin copy is made THEN only the street and the town are in it (and nothing for
    the Latin address)."""
    mixed = replace(TOKYO, name="Kenji Higa")
    assert latin_address(mixed) == "Chiyoda 1-1\nCHIYODA-KU TOKYO-TO 100-0001"
    assert latin_address(Address("Jane Doe ✨", "", "1 Main St", "", "London", "", "SW1A 1AA", "GB")) == ""
    assert latin_address(Address("Zoë Ærøskøbing", "", "Hauptstraße 1", "", "Łódź", "", "90-001", "PL")) == ""
