"""Countries by any name a shop sends: ISO 3166-1 from pycountry (all 249), for the GS1 routing
barcode (AI 421: ship-to postcode with the ISO numeric country code) and for printing.

A shop sends a country as an alpha-2 code ("PR"), an alpha-3 code ("PRI"), a numeric code
("630") or an English name ("Puerto Rico", "United States", "South Korea"). pycountry knows the
codes and the ISO names; COMMON_NAMES adds the names people and shops use that ISO 3166 does
not list ("UK", "Russia", "Turkey", "Deutschland"). pycountry is imported on the first look-up.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

# Names in use that ISO 3166-1 does not list as a name of the country (nor pycountry as its
# common or official name), mapped to alpha-2. Upper case, without accents.
COMMON_NAMES = {
    "UK": "GB", "U.K.": "GB", "GREAT BRITAIN": "GB", "BRITAIN": "GB", "ENGLAND": "GB", "SCOTLAND": "GB",
    "WALES": "GB", "NORTHERN IRELAND": "GB", "UNITED STATES OF AMERICA": "US", "U.S.A.": "US", "U.S.": "US",
    "AMERICA": "US", "RUSSIA": "RU", "TURKEY": "TR", "HOLLAND": "NL", "THE NETHERLANDS": "NL",
    "IVORY COAST": "CI", "SOUTH KOREA": "KR", "KOREA": "KR", "NORTH KOREA": "KP", "MACEDONIA": "MK",
    "SWAZILAND": "SZ", "BURMA": "MM", "CAPE VERDE": "CV", "EAST TIMOR": "TL", "VATICAN": "VA",
    "VATICAN CITY": "VA", "CZECH REPUBLIC": "CZ", "LAOS": "LA", "SYRIA": "SY", "BRUNEI": "BN",
    "MICRONESIA": "FM", "PALESTINE": "PS", "UAE": "AE", "HONG KONG SAR": "HK", "MACAU": "MO",
    "CONGO-KINSHASA": "CD", "DR CONGO": "CD", "DRC": "CD", "CONGO-BRAZZAVILLE": "CG", "REPUBLIC OF THE CONGO": "CG",
    "ST. LUCIA": "LC", "ST LUCIA": "LC", "ST. KITTS AND NEVIS": "KN", "ST. VINCENT AND THE GRENADINES": "VC",
    "US VIRGIN ISLANDS": "VI", "BRITISH VIRGIN ISLANDS": "VG", "FALKLAND ISLANDS": "FK",
    # The names a few shops send in the country's own language.
    "DEUTSCHLAND": "DE", "OSTERREICH": "AT", "SCHWEIZ": "CH", "SUISSE": "CH", "SVIZZERA": "CH",
    "ESPANA": "ES", "ITALIA": "IT", "NEDERLAND": "NL", "BELGIE": "BE", "BELGIQUE": "BE", "POLSKA": "PL",
    "SVERIGE": "SE", "NORGE": "NO", "DANMARK": "DK", "SUOMI": "FI", "CESKO": "CZ", "MAGYARORSZAG": "HU",
    "BRASIL": "BR", "MEXIQUE": "MX", "NIPPON": "JP", "ELLADA": "GR",
}


@dataclass(frozen=True)
class Country:
    alpha_2: str
    alpha_3: str
    numeric: str  # three digits, "630"
    name: str  # ISO 3166's English short name


def _plain(text: str) -> str:
    """Upper case without accents or surrounding spaces: "Österreich" -> "OSTERREICH"."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


@cache
def _index() -> dict[str, Country]:
    import pycountry

    index: dict[str, Country] = {}
    for entry in pycountry.countries:
        country = Country(entry.alpha_2, entry.alpha_3, entry.numeric, entry.name)
        for attribute in ("name", "official_name", "common_name"):
            if name := getattr(entry, attribute, None):
                index.setdefault(_plain(name), country)
        index[entry.alpha_2] = index[entry.alpha_3] = index[entry.numeric] = country
    for name, alpha_2 in COMMON_NAMES.items():
        index.setdefault(name, index[alpha_2])
    return index


@cache
def country(value: str) -> Country | None:
    """The country `value` names (alpha-2, alpha-3, numeric code or name), or None."""
    key = _plain(value)
    if not key:
        return None
    return _index().get(key) or _index().get(key.zfill(3) if key.isdigit() else key)


def numeric_code(country_name: str) -> str:
    """The three-digit ISO code of a country (a code or a name); "" if unknown."""
    found = country(country_name)
    return found.numeric if found else ""


def alpha_2(country_name: str) -> str:
    """The two-letter ISO code of a country (a code or a name); "" if unknown."""
    found = country(country_name)
    return found.alpha_2 if found else ""
