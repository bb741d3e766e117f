"""Data Matrix ECC 200 (ISO/IEC 16022), square symbols, ASCII encodation, FNC1 for GS1.

reportlab's own Data Matrix draws only one fixed 44x44 size and no FNC1, and GS1 DataMatrix
needs FNC1, so the package encodes its own: ASCII encodation (digit pairs packed two a
codeword), Reed-Solomon over GF(256), and the standard module placement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from printers.barcodes.gs1 import FNC1
from printers.errors import LabelError

QUIET_MODULES = 1  # ISO/IEC 16022: one module; the renderers leave more


@dataclass(frozen=True)
class _Size:
    size: int  # modules per side, finder pattern included
    regions: int  # data regions per side
    data: int  # data codewords
    ecc: int  # error correction codewords in all
    blocks: int  # interleaved Reed-Solomon blocks


# ISO/IEC 16022 table 7, square symbols.
SIZES = tuple(_Size(*row) for row in (
    (10, 1, 3, 5, 1), (12, 1, 5, 7, 1), (14, 1, 8, 10, 1), (16, 1, 12, 12, 1), (18, 1, 18, 14, 1),
    (20, 1, 22, 18, 1), (22, 1, 30, 20, 1), (24, 1, 36, 24, 1), (26, 1, 44, 28, 1), (32, 2, 62, 36, 1),
    (36, 2, 86, 42, 1), (40, 2, 114, 48, 1), (44, 2, 144, 56, 1), (48, 2, 174, 68, 1), (52, 2, 204, 84, 2),
    (64, 4, 280, 112, 2), (72, 4, 368, 144, 4), (80, 4, 456, 192, 4), (88, 4, 576, 224, 4),
    (96, 4, 696, 272, 4), (104, 4, 816, 336, 6), (120, 6, 1050, 408, 6), (132, 6, 1304, 496, 8),
    (144, 6, 1558, 620, 10),
))

FNC1_CODEWORD, PAD_CODEWORD = 232, 129


@dataclass(frozen=True)
class DataMatrix:
    rows: tuple[tuple[bool, ...], ...]  # True = dark module, finder pattern included

    @property
    def size(self) -> int:
        return len(self.rows)


def codewords(data: str, field: str = "data") -> list[int]:
    """ASCII encodation of `data`; FNC1 (gs1.FNC1) becomes codeword 232."""
    out: list[int] = []
    i, n = 0, len(data)
    while i < n:
        ch = data[i]
        if ch.isdigit() and i + 1 < n and data[i + 1].isdigit() and ch.isascii() and data[i + 1].isascii():
            out.append(130 + int(data[i:i + 2]))
            i += 2
            continue
        if ch == FNC1:
            out.append(FNC1_CODEWORD)
        elif ord(ch) < 128:
            out.append(ord(ch) + 1)
        else:
            raise LabelError(field, f"Data Matrix here carries ASCII only; {ch!r} (character {i + 1}) "
                                    "cannot be encoded")
        i += 1
    return out


def encode(data: str, field: str = "data") -> DataMatrix:
    if not data:
        raise LabelError(field, "a barcode needs data; this one is empty")
    words = codewords(data, field)
    size = next((s for s in SIZES if s.data >= len(words)), None)
    if size is None:
        raise LabelError(field, f"too much data for a Data Matrix ({len(words)} codewords, at most 1558)")
    words = _pad(words, size.data)
    return DataMatrix(_place(size, _with_ecc(words, size)))


def _pad(words: list[int], capacity: int) -> list[int]:
    padded = list(words)
    if len(padded) < capacity:
        padded.append(PAD_CODEWORD)
    while len(padded) < capacity:
        position = len(padded) + 1  # 1-based position of this pad codeword
        value = PAD_CODEWORD + (149 * position) % 253 + 1
        padded.append(value if value <= 254 else value - 254)
    return padded


# --- Reed-Solomon over GF(256) with the prime polynomial x^8 + x^5 + x^3 + x^2 + 1 (301)
_EXP = [0] * 512
_LOG = [0] * 256
_v = 1
for _i in range(255):
    _EXP[_i] = _v
    _LOG[_v] = _i
    _v <<= 1
    if _v & 0x100:
        _v ^= 301
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _mul(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


@cache
def _generator(degree: int) -> tuple[int, ...]:
    """Coefficients of prod(x - 2^i, i = 1..degree), highest power first."""
    poly = [1]
    for i in range(1, degree + 1):
        root = _EXP[i]
        nxt = poly + [0]
        for j in range(len(poly)):
            nxt[j + 1] ^= _mul(poly[j], root)
        poly = nxt
    return tuple(poly)


def _ecc(block: list[int], degree: int) -> list[int]:
    gen = _generator(degree)
    remainder = [0] * degree
    for word in block:
        factor = word ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            for j in range(degree):
                remainder[j] ^= _mul(gen[j + 1], factor)
    return remainder


def _with_ecc(data: list[int], size: _Size) -> list[int]:
    per_block = size.ecc // size.blocks
    ecc_all = [0] * size.ecc
    for b in range(size.blocks):
        block = data[b::size.blocks]  # codewords are interleaved across blocks
        for k, word in enumerate(_ecc(block, per_block)):
            ecc_all[b + k * size.blocks] = word
    return data + ecc_all


def _place(size: _Size, words: list[int]) -> tuple[tuple[bool, ...], ...]:
    region = (size.size - 2 * size.regions) // size.regions  # data modules per region side
    nrow = ncol = region * size.regions
    bits = _placement(nrow, ncol)
    matrix = [[False] * size.size for _ in range(size.size)]
    step = region + 2
    for ry in range(size.regions):
        for rx in range(size.regions):
            top, left = ry * step, rx * step
            for k in range(step):
                matrix[top + step - 1][left + k] = True  # solid bottom edge of the L finder
                matrix[top + k][left] = True  # solid left edge
                matrix[top][left + k] = k % 2 == 0  # dashed top (timing)
                matrix[top + k][left + step - 1] = k % 2 == 1  # dashed right (timing)
            matrix[top + step - 1][left + step - 1] = True
    for r in range(nrow):
        sr = (r // region) * step + 1 + r % region
        for c in range(ncol):
            code = bits[r][c]
            if code == 1:
                dark = True
            elif code >= 10:
                dark = bool(words[code // 10 - 1] & (1 << (8 - code % 10)))
            else:
                dark = False
            matrix[sr][(c // region) * step + 1 + c % region] = dark
    return tuple(tuple(row) for row in matrix)


@lru_cache(maxsize=32)
def _placement(nrow: int, ncol: int) -> tuple[tuple[int, ...], ...]:
    """ISO/IEC 16022 annex F: for each module, 10 * codeword number + bit number (1 = MSB)."""
    array = [[0] * ncol for _ in range(nrow)]

    def module(row: int, col: int, chr_: int, bit: int) -> None:
        if row < 0:
            row += nrow
            col += 4 - ((nrow + 4) % 8)
        if col < 0:
            col += ncol
            row += 4 - ((ncol + 4) % 8)
        array[row][col] = 10 * chr_ + bit

    def utah(row: int, col: int, chr_: int) -> None:
        module(row - 2, col - 2, chr_, 1)
        module(row - 2, col - 1, chr_, 2)
        module(row - 1, col - 2, chr_, 3)
        module(row - 1, col - 1, chr_, 4)
        module(row - 1, col, chr_, 5)
        module(row, col - 2, chr_, 6)
        module(row, col - 1, chr_, 7)
        module(row, col, chr_, 8)

    def corner(chr_: int, cells: tuple[tuple[int, int], ...]) -> None:
        for bit, (r, c) in enumerate(cells, start=1):
            module(r, c, chr_, bit)

    corner1 = ((nrow - 1, 0), (nrow - 1, 1), (nrow - 1, 2), (0, ncol - 2), (0, ncol - 1), (1, ncol - 1),
               (2, ncol - 1), (3, ncol - 1))
    corner2 = ((nrow - 3, 0), (nrow - 2, 0), (nrow - 1, 0), (0, ncol - 4), (0, ncol - 3), (0, ncol - 2),
               (0, ncol - 1), (1, ncol - 1))
    corner3 = ((nrow - 3, 0), (nrow - 2, 0), (nrow - 1, 0), (0, ncol - 2), (0, ncol - 1), (1, ncol - 1),
               (2, ncol - 1), (3, ncol - 1))
    corner4 = ((nrow - 1, 0), (nrow - 1, ncol - 1), (0, ncol - 3), (0, ncol - 2), (0, ncol - 1), (1, ncol - 3),
               (1, ncol - 2), (1, ncol - 1))

    chr_, row, col = 1, 4, 0
    while True:
        if row == nrow and col == 0:
            corner(chr_, corner1)
            chr_ += 1
        if row == nrow - 2 and col == 0 and ncol % 4:
            corner(chr_, corner2)
            chr_ += 1
        if row == nrow - 2 and col == 0 and ncol % 8 == 4:
            corner(chr_, corner3)
            chr_ += 1
        if row == nrow + 4 and col == 2 and not ncol % 8:
            corner(chr_, corner4)
            chr_ += 1
        while True:  # sweep up and to the right
            if row < nrow and col >= 0 and not array[row][col]:
                utah(row, col, chr_)
                chr_ += 1
            row -= 2
            col += 2
            if not (row >= 0 and col < ncol):
                break
        row += 1
        col += 3
        while True:  # sweep down and to the left
            if row >= 0 and col < ncol and not array[row][col]:
                utah(row, col, chr_)
                chr_ += 1
            row += 2
            col -= 2
            if not (row < nrow and col >= 0):
                break
        row += 3
        col += 1
        if not (row < nrow or col < ncol):
            break
    if not array[nrow - 1][ncol - 1]:
        array[nrow - 1][ncol - 1] = array[nrow - 2][ncol - 2] = 1
    return tuple(tuple(r) for r in array)
