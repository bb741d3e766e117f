"""Text in Latin letters, for a carrier that needs a Latin address on an international parcel.

Japanese is read, not spelled: kanji have several readings and only a dictionary knows which
one a word takes ("山田太郎" is Yamada Taro; letter by letter, in Chinese readings, it would be
"ShanTianTaiLang"). Japanese text is cut into words by Janome (a Japanese morphological
analyser with the IPADIC dictionary, Apache 2.0), each word's reading (katakana) is written in
Hepburn romaji by jaconv (MIT), long vowels unmarked as Japanese passports write them: from
the dictionary's pronunciation, so 東京 (トーキョー) is "Tokyo" and 太郎 "Taro" while 丸の内, whose
う is said, stays "Marunouchi". Place suffixes are joined with a hyphen ("Chiyoda-ku", "Tokyo-to",
"Kyoto-shi"). pykakasi does the same job in one package but is GPL-3.0, which a proprietary
station build cannot ship.

Every other script is transliterated by anyascii (ISC): Cyrillic "Дмитрий" is "Dmitriy", Greek
"Σοφία" "Sofia", Hangul "김민준" "GimMinJun", Chinese "王小明" "WangXiaoMing" (pinyin without tones),
Arabic and Hebrew by their consonants ("محمد" is "mhmd"): readable by a sorter, if not as the
customer would spell it.

Emoji and other symbols are dropped (anyascii would write "🌸" as ":cherry_blossom:"), and so is
the Japanese postal mark 〒.

The libraries are imported on first use: Janome's dictionary (about 1 s to open) is opened only
when the station first prints a Latin copy of a Japanese address, never at start.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache, lru_cache
from typing import Any

KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_lock = threading.Lock()


def is_latin(text: str) -> bool:
    """True if every letter of `text` is Latin (with any diacritics): nothing to transliterate."""
    if text.isascii():
        return True
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def has_kana(text: str) -> bool:
    """True if `text` has hiragana or katakana: it is Japanese (kanji alone may be Chinese)."""
    return KANA.search(text) is not None


@lru_cache(maxsize=512)
def romanize(text: str, japanese: bool = False) -> str:
    """`text` in Latin letters; `japanese` reads kanji as Japanese (a Japanese address)."""
    text = _without_symbols(unicodedata.normalize("NFC", text))
    if is_latin(text):  # full-width digits and letters ("１２３") as plain ones
        return " ".join(unicodedata.normalize("NFKC", text).split())
    if japanese:
        return _japanese(text)
    from anyascii import anyascii

    return " ".join(anyascii(text).split())


def _without_symbols(text: str) -> str:
    """`text` without emoji, pictographs, their modifiers and joiners: nothing a courier reads."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if not _symbol(ch))


def _symbol(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category in ("So", "Sk", "Cs", "Co", "Cn"):
        return not ch.isascii()  # 〒 too: the Japanese postal mark, not a letter
    return ch in "\u200d\u20e3" or "\ufe00" <= ch <= "\ufe0f" or "\U000e0020" <= ch <= "\U000e007f"


@cache
def _tokenizer() -> Any:
    from janome.tokenizer import Tokenizer

    return Tokenizer()


def _japanese(text: str) -> str:
    """Japanese text as Hepburn romaji, word by word."""
    with _lock:  # one tokenizer for the process; it keeps lattice state while it works
        tokens = [(t.surface, t.phonetic, t.part_of_speech) for t in _tokenizer().tokenize(text)]
    words: list[str] = []
    glue = False  # the next token continues the current word (after a particle, a number)
    previous_kind = ""
    for surface, reading, pos in tokens:
        if not surface.strip():
            glue, previous_kind = False, ""
            continue
        kind, romaji = _romaji(surface, reading, pos)
        if not romaji:
            continue
        if not words:
            words.append(romaji)
        elif kind == "punctuation":  # "、" and "," close the word before them
            words[-1] += romaji
        elif kind == "suffix" and previous_kind != "space":
            words[-1] += "-" + romaji.lower()
        elif kind == previous_kind == "ascii":  # "5F", "1-1": as written
            words[-1] += romaji
        elif glue or kind == "particle" or kind == previous_kind == "number":
            words[-1] += romaji.lower()
        else:
            words.append(romaji)
        glue = kind in ("particle", "prefix")
        previous_kind = kind
    return " ".join(word[:1].upper() + word[1:] for word in words)


def _romaji(surface: str, reading: str, pos: str) -> tuple[str, str]:
    """(kind, romaji) of one token: kind is ascii, punctuation, number, suffix, particle, prefix
    or word. `reading` is the token's pronunciation in katakana, long vowels marked ー."""
    plain = unicodedata.normalize("NFKC", surface)
    if all(unicodedata.category(ch)[0] == "P" for ch in plain) and plain not in "-/":
        from anyascii import anyascii

        return "punctuation", anyascii(plain)
    if plain.isascii():  # digits, Latin letters and punctuation (full-width ones too)
        return "ascii", plain
    from anyascii import anyascii

    kind = ("suffix" if pos.startswith("名詞,接尾") else "number" if pos.startswith("名詞,数")
            else "particle" if pos.startswith("助詞") else "prefix" if pos.startswith("接頭詞") else "word")
    if reading == "*" or not reading:
        if all(_is_kana(ch) or ch == "ー" for ch in surface):  # a word the dictionary lacks, in kana
            reading = surface
        elif len(surface) > 1:  # an unknown kanji word (a rare name): each character on its own
            parts = [_romaji(ch, _reading_of(ch), "") [1] for ch in surface]
            return kind, "".join(p.lower() for p in parts)
        else:
            return kind, anyascii(surface).lower()
    import jaconv

    romaji = jaconv.kata2alphabet(jaconv.hira2kata(reading)).replace("-", "")
    if not romaji.isascii():  # a character jaconv does not know
        romaji = anyascii(romaji)
    return kind, romaji


def _reading_of(ch: str) -> str:
    with _lock:
        tokens = list(_tokenizer().tokenize(ch))
    return tokens[0].phonetic if len(tokens) == 1 else "*"


def _is_kana(ch: str) -> bool:
    return KANA.match(ch) is not None
