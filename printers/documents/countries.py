"""ISO 3166-1 numeric codes, for the GS1 routing barcode (AI 421: ship-to postcode with country)."""

from __future__ import annotations

NUMERIC = {
    "AD": "020", "AE": "784", "AR": "032", "AT": "040", "AU": "036", "BE": "056", "BG": "100", "BR": "076",
    "CA": "124", "CH": "756", "CL": "152", "CN": "156", "CY": "196", "CZ": "203", "DE": "276", "DK": "208",
    "EE": "233", "ES": "724", "FI": "246", "FR": "250", "GB": "826", "GR": "300", "HK": "344", "HR": "191",
    "HU": "348", "IE": "372", "IL": "376", "IN": "356", "IS": "352", "IT": "380", "JP": "392", "KR": "410",
    "LI": "438", "LT": "440", "LU": "442", "LV": "428", "MC": "492", "MT": "470", "MX": "484", "NL": "528",
    "NO": "578", "NZ": "554", "PL": "616", "PT": "620", "RO": "642", "RS": "688", "SA": "682", "SE": "752",
    "SG": "702", "SI": "705", "SK": "703", "TR": "792", "TW": "158", "UA": "804", "US": "840", "ZA": "710",
    "RU": "643", "BY": "112", "KZ": "398", "GE": "268", "MD": "498", "BA": "070", "ME": "499", "MK": "807",
    "AL": "008", "EG": "818", "MA": "504", "CO": "170", "PE": "604", "PH": "608", "TH": "764", "VN": "704",
    "MY": "458", "ID": "360",
}
ALIASES = {"UK": "GB", "UNITED KINGDOM": "GB", "GERMANY": "DE", "DEUTSCHLAND": "DE", "FRANCE": "FR",
           "UNITED STATES": "US", "USA": "US", "NETHERLANDS": "NL", "AUSTRIA": "AT", "SWITZERLAND": "CH",
           "ITALY": "IT", "SPAIN": "ES", "IRELAND": "IE", "BELGIUM": "BE", "POLAND": "PL", "GREECE": "GR"}


def numeric_code(country: str) -> str:
    """The three-digit ISO code of `country` (alpha-2, a common name, or already numeric); "" if unknown."""
    key = country.strip().upper()
    if key.isdigit() and len(key) == 3:
        return key
    return NUMERIC.get(ALIASES.get(key, key), "")
