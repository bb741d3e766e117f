"""Code 128 and GS1-128: the shortest codeword sequence, and the same sequence for every renderer.

The encoder picks subsets B and C by dynamic programming, so a symbol is as narrow as Code 128
allows. The PDF draws these codewords, and the ZPL sends them to the printer with explicit
start and subset-change invocation codes (ZPL ^BC mode N), so a printer and the preview never
disagree on the width of a barcode.

Why this is written here and not taken from a library: the ZPL needs the codeword sequence
itself (which start, where each subset change and FNC1 falls) to write ^BC's invocation strings
(">:", ">5", ">8"...), and the PDF must draw that same sequence. No maintained library writes ZPL
invocation strings, and the encoders that exist give modules, not codewords: libzint
(zint-bindings, used for Data Matrix) and python-barcode choose their subsets inside, and
python-barcode's choice is greedy (a wider symbol). What is a solved problem is taken from
libraries: the 106 bar patterns from python-barcode, the GS1 element rules from biip (gs1.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from barcode.charsets.code128 import CODES as _PATTERNS  # the 106 symbol patterns, as "1"/"0" modules

from printers.barcodes.gs1 import FNC1
from printers.errors import LabelError

START_B, START_C, CODE_B, CODE_C, FNC1_VALUE, STOP_PATTERN = 104, 105, 100, 99, 102, "1100011101011"
QUIET_MODULES = 10  # ISO/IEC 15417: at least 10 modules either side

# Field data of ZPL ^BC in mode N: invocation codes (Zebra Programming Guide, ^BC, Table
# "Code 128 Invocation Characters"). In subset B the characters ^ > ~ cannot be sent as
# themselves; they are the code values 62, 30 and 94 written as ><, >0 and >=.
_ZPL_START = {START_B: ">:", START_C: ">;"}
_ZPL_SWITCH = {CODE_B: ">6", CODE_C: ">5"}
_ZPL_FNC1 = ">8"
_ZPL_SUBSET_B_SPECIAL = {"^": "><", ">": ">0", "~": ">="}


@dataclass(frozen=True)
class Code128:
    values: tuple[int, ...]  # start, data and switch codewords, check character (no stop)
    zpl: str  # ^FD data for ^BC mode N, before ^FH escaping

    @property
    def modules(self) -> str:
        """The symbol as "1" (bar) and "0" (space) modules, without quiet zones."""
        return "".join(_PATTERNS[v] for v in self.values) + STOP_PATTERN

    @property
    def width_modules(self) -> int:
        return 11 * len(self.values) + 13


def check_encodable(data: str, field: str) -> None:
    for i, ch in enumerate(data):
        if ch != FNC1 and not 32 <= ord(ch) <= 126:
            what = "a control character" if ord(ch) < 32 else repr(ch)
            raise LabelError(field, f"Code 128 cannot encode {what} (character {i + 1} of {data!r}); "
                                    "only ASCII letters, digits, spaces and punctuation")
    if not data or data == FNC1:
        raise LabelError(field, "a barcode needs data; this one is empty")


def encode(data: str, field: str = "data") -> Code128:
    """Encode ASCII text (FNC1 written as printers.barcodes.gs1.FNC1) with the fewest codewords."""
    check_encodable(data, field)
    n = len(data)
    inf = 1 << 30
    # cost[i][s]: fewest codewords that encode data[:i] and leave subset s (0 = B, 1 = C) active.
    cost = [[inf, inf] for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None, None] for _ in range(n + 1)]
    cost[0] = [1, 1]  # a start character, either START B or START C
    for i in range(n + 1):
        # A subset change at position i costs one codeword (CODE B / CODE C).
        for s in (0, 1):
            if cost[i][1 - s] + 1 < cost[i][s]:
                cost[i][s] = cost[i][1 - s] + 1
                back[i][s] = (i, 1 - s)
        if i == n:
            break
        ch = data[i]
        # subset B takes any one character (and FNC1)
        if cost[i][0] + 1 < cost[i + 1][0]:
            cost[i + 1][0], back[i + 1][0] = cost[i][0] + 1, (i, 0)
        # subset C takes FNC1 or a pair of digits
        if ch == FNC1:
            step = 1
        elif i + 1 < n and ch.isdigit() and data[i + 1].isdigit():
            step = 2
        else:
            step = 0
        if step and cost[i][1] + 1 < cost[i + step][1]:
            cost[i + step][1], back[i + step][1] = cost[i][1] + 1, (i, 1)
    # Walk back from the cheaper end state to recover the path of (position, subset) steps.
    state = (n, 0 if cost[n][0] <= cost[n][1] else 1)
    path = [state]
    while back[state[0]][state[1]] is not None:
        state = back[state[0]][state[1]]  # type: ignore[assignment]
        path.append(state)
    path.reverse()
    values: list[int] = []
    zpl: list[str] = []
    start = START_B if path[0][1] == 0 else START_C
    values.append(start)
    zpl.append(_ZPL_START[start])
    for (i, s), (j, t) in zip(path, path[1:], strict=False):
        if i == j:  # a subset change
            switch = CODE_B if t == 0 else CODE_C
            values.append(switch)
            zpl.append(_ZPL_SWITCH[switch])
        elif data[i] == FNC1:
            values.append(FNC1_VALUE)
            zpl.append(_ZPL_FNC1)
        elif s == 1:  # a digit pair in subset C
            values.append(int(data[i:j]))
            zpl.append(data[i:j])
        else:
            values.append(ord(data[i]) - 32)
            zpl.append(_ZPL_SUBSET_B_SPECIAL.get(data[i], data[i]))
    check = (values[0] + sum(pos * v for pos, v in enumerate(values[1:], start=1))) % 103
    values.append(check)
    return Code128(tuple(values), "".join(zpl))
