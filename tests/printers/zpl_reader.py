"""A small ZPL reader for the tests: reads a format the way a printer does.

It splits the stream into ^ (format) and ~ (control) commands, ends field data at the next
command prefix exactly as a printer would (that is what makes injection visible), resolves
^FH hex escapes, and groups the commands between ^FO and ^FS into fields with a position,
the command that draws them and their data. ^GF graphic fields (ASCII hex, with or without
Zebra's ASCII compression) decode to their bitmap, and `Format.raster` draws the graphic
fields and ^GB boxes of a format, so text sent as a graphic can be looked at and compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DATA_COMMANDS = {"FD", "FV"}  # their parameter is free text up to the next prefix


@dataclass(frozen=True)
class Command:
    prefix: str  # "^" or "~"
    name: str  # two characters: "FO", "A0", "BC", "XA"
    params: str  # raw text after the name, up to the next prefix

    @property
    def args(self) -> list[str]:
        return self.params.split(",")


@dataclass
class Field:
    x: int
    y: int
    commands: dict[str, Command] = field(default_factory=dict)
    raw_data: str | None = None  # ^FD parameter as written
    data: str | None = None  # after ^FH hex escapes are resolved

    @property
    def kind(self) -> str:
        """The command that draws the field: "A0" (text), "BC", "BX", "BQ", "GB", "GF", ..."""
        for name in self.commands:
            if name[0] in "AB" and name not in ("BY",) or name in ("GB", "GF"):
                return name
        return ""

    def arg(self, command: str, index: int) -> str:
        args = self.commands[command].args
        return args[index] if index < len(args) else ""

    def graphic(self) -> tuple[int, int, bytes]:
        """A ^GFA field as (width in dots, height in dots, rows of 1-bit pixels, 1 = black)."""
        args = self.commands["GF"].params.split(",", 4)
        kind, total, _, per_row, data = args[0], int(args[1]), int(args[2]), int(args[3]), args[4]
        assert kind == "A", f"only ASCII hex graphics are read, not {kind}"
        rows = decode_graphic(data, per_row)
        assert len(rows) == total, f"^GF says {total} bytes, the data holds {len(rows)}"
        return per_row * 8, total // per_row, rows

    @property
    def text_lines(self) -> list[str]:
        """For a ^FB text field: the lines as printed (\\& breaks, \\\\ backslash)."""
        assert self.data is not None
        lines, current, i = [], [], 0
        while i < len(self.data):
            if self.data.startswith("\\&", i):
                lines.append("".join(current))
                current, i = [], i + 2
            elif self.data.startswith("\\\\", i):
                current.append("\\")
                i += 2
            else:
                current.append(self.data[i])
                i += 1
        lines.append("".join(current))
        return lines


def decode_graphic(data: str, per_row: int) -> bytes:
    """^GF ASCII hex data with Zebra's ASCII compression: G-Y repeat the next digit 1-19 times,
    g-z 20-400 times (counts add up), "," fills the row with 0, "!" with 1, ":" repeats the row."""
    out = bytearray()
    row: list[str] = []
    count = 0
    previous = ""

    def end_row(fill: str) -> None:
        nonlocal row, previous
        digits = "".join(row).ljust(per_row * 2, fill)
        previous = digits
        out.extend(bytes.fromhex(digits))
        row = []

    for ch in data.strip():
        if "G" <= ch <= "Y":
            count += ord(ch) - ord("G") + 1
        elif "g" <= ch <= "z":
            count += (ord(ch) - ord("g") + 1) * 20
        elif ch == ",":
            end_row("0")
        elif ch == "!":
            end_row("F")
        elif ch == ":":
            assert not row, "':' repeats a whole row"
            out.extend(bytes.fromhex(previous))
        elif ch in "0123456789ABCDEFabcdef":
            row.extend(ch.upper() * (count or 1))
            count = 0
            if len(row) >= per_row * 2:
                assert len(row) == per_row * 2, "a run crosses the end of a row"
                end_row("0")
        elif not ch.isspace():
            raise AssertionError(f"not ^GF data: {ch!r}")
    assert not row, "the last row of the graphic is incomplete"
    return bytes(out)


def tokenize(zpl: str) -> list[Command]:
    commands = []
    i, n = 0, len(zpl)
    while i < n:
        ch = zpl[i]
        if ch not in "^~":
            i += 1  # text between commands (newlines) is ignored, as by a printer
            continue
        name = zpl[i + 1:i + 3]
        j = i + 3
        while j < n and zpl[j] not in "^~":
            j += 1
        params = zpl[i + 3:j]
        if name not in _DATA_COMMANDS:
            params = params.rstrip("\r\n")
        commands.append(Command(ch, name.upper(), params))
        i = j
    return commands


def resolve_hex(data: str, indicator: str = "_") -> str:
    """^FH: each indicator + two hex digits is one byte; the bytes are UTF-8 (^CI28)."""
    out = bytearray()
    i = 0
    raw = data.encode("utf-8")
    ind = indicator.encode()
    while i < len(raw):
        if raw[i:i + 1] == ind and re.fullmatch(rb"[0-9A-Fa-f]{2}", raw[i + 1:i + 3] or b""):
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode("utf-8")


@dataclass
class Format:
    commands: list[Command]
    fields: list[Field]

    def count(self, name: str, prefix: str = "^") -> int:
        return sum(1 for c in self.commands if c.name == name and c.prefix == prefix)

    def first(self, name: str) -> Command:
        return next(c for c in self.commands if c.name == name)

    def texts(self) -> list[Field]:
        return [f for f in self.fields if f.kind.startswith("A")]

    def barcodes(self) -> list[Field]:
        return [f for f in self.fields if f.kind in ("BC", "BE", "BU", "B8", "BQ", "BX", "B7")]

    def field_with(self, data: str) -> Field:
        return next(f for f in self.fields if f.data == data)

    def graphics(self) -> list[Field]:
        return [f for f in self.fields if f.kind == "GF"]

    def raster(self):  # -> PIL.Image.Image, grey-scale, black on white
        """The graphic fields and ^GB boxes of the format drawn at their ^FO, ^PW x ^LL dots."""
        from PIL import Image, ImageChops, ImageDraw

        width, height = int(self.first("PW").params), int(self.first("LL").params)
        black = Image.new("1", (width, height), 0)  # 1 = black while drawing
        draw = ImageDraw.Draw(black)
        for f in self.fields:
            if f.kind == "GF":
                w, h, rows = f.graphic()
                black.paste(1, (f.x, f.y, f.x + w, f.y + h), Image.frombytes("1", (w, h), rows))
            elif f.kind == "GB":
                w, h, t = (int(v) for v in f.commands["GB"].args[:3])
                if t >= min(w, h):
                    draw.rectangle((f.x, f.y, f.x + w - 1, f.y + h - 1), fill=1)
                else:
                    draw.rectangle((f.x, f.y, f.x + w - 1, f.y + h - 1), outline=1, width=t)
        return ImageChops.invert(black.convert("L"))


def read(zpl: str | bytes) -> Format:
    text = zpl.decode("utf-8") if isinstance(zpl, bytes) else zpl
    commands = tokenize(text)
    fields: list[Field] = []
    current: Field | None = None
    for cmd in commands:
        if cmd.prefix != "^":
            continue
        if cmd.name in ("FO", "FT"):
            x, y = (int(v or 0) for v in (cmd.args + ["0", "0"])[:2])
            current = Field(x, y)
            continue
        if current is None:
            continue
        if cmd.name == "FS":
            fields.append(current)
            current = None
        elif cmd.name in _DATA_COMMANDS:
            current.raw_data = cmd.params
            fh = current.commands.get("FH")
            current.data = resolve_hex(cmd.params, fh.params[:1] or "_") if fh else cmd.params
        else:
            current.commands[cmd.name] = cmd
    return Format(commands, fields)
