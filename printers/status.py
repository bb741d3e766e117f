"""Zebra host status (~HS): three <STX>...<ETX> strings parsed into a PrinterStatus.

Per the ZPL II Programming Guide, ~HS answers with
  String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l   (b paper out, c pause, f buffer full, ...)
  String 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www   (o head up, p ribbon out, q thermal transfer, ...)
  String 3: xxxx,y                              (password, static RAM installed)
Newer firmware does not answer at all while the media or ribbon is out or the head is open,
so "no answer" is itself reported as a status a packer can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

from printers.errors import PrinterError

STX, ETX = b"\x02", b"\x03"
HOST_STATUS_QUERY = b"~HS"


@dataclass(frozen=True)
class PrinterStatus:
    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    buffer_full: bool = False
    under_temperature: bool = False
    over_temperature: bool = False
    corrupt_ram: bool = False
    partial_format: bool = False
    thermal_transfer: bool = False
    label_length_dots: int = 0
    formats_in_buffer: int = 0
    labels_remaining: int = 0
    answered: bool = True  # False: the printer did not answer ~HS in time
    printer: str = "Label printer"

    @property
    def ready(self) -> bool:
        return self.answered and not (self.paper_out or self.paused or self.head_open or self.ribbon_out
                                      or self.over_temperature or self.corrupt_ram)

    @property
    def problems(self) -> tuple[str, ...]:
        flags = (
            (self.head_open, "head open"), (self.paper_out, "paper out"), (self.ribbon_out, "ribbon out"),
            (self.paused, "paused"), (self.buffer_full, "buffer full"),
            (self.over_temperature, "head too hot"), (self.under_temperature, "too cold"),
            (self.corrupt_ram, "settings lost"), (not self.answered, "not answering"),
        )
        return tuple(name for on, name in flags if on)

    @property
    def message(self) -> str:
        """One short sentence for the packer: what is wrong and what to do."""
        p = self.printer
        if not self.answered:
            return (f"{p} is not answering status — check it has labels and ribbon, the head is closed, "
                    "and it is on")
        if self.head_open:
            return f"{p} head is open — close it until it clicks"
        if self.paper_out:
            return f"{p} is out of labels — load a new roll"
        if self.ribbon_out:
            return f"{p} ribbon is out — fit a new ribbon"
        if self.over_temperature:
            return f"{p} head is too hot — let it cool for a few minutes"
        if self.corrupt_ram:
            return f"{p} has lost its settings — ask a supervisor to set it up again"
        if self.paused:
            return f"{p} is paused — press its pause button to continue"
        if self.buffer_full:
            return f"{p} is busy — wait a moment, it is still working through labels"
        if self.under_temperature:
            return f"{p} is too cold to print well — move it somewhere warmer"
        return f"{p} is ready"


def no_answer(printer: str = "Label printer") -> PrinterStatus:
    return PrinterStatus(answered=False, printer=printer)


def frames(data: bytes) -> list[bytes]:
    """The <STX>...<ETX> strings in `data`, without the delimiters."""
    out = []
    pos = 0
    while True:
        start = data.find(STX, pos)
        if start < 0:
            return out
        end = data.find(ETX, start + 1)
        if end < 0:
            return out
        out.append(data[start + 1:end])
        pos = end + 1


def parse_host_status(data: bytes, printer: str = "Label printer") -> PrinterStatus:
    """Parse a complete ~HS answer; PrinterError if it is not one."""
    parts = frames(data)
    if len(parts) < 3:
        raise PrinterError(f"{printer} sent an unexpected status answer ({len(parts)} of 3 parts) — "
                           "is it a Zebra (ZPL) printer?")
    one = parts[0].decode("ascii", "replace").split(",")
    two = parts[1].decode("ascii", "replace").split(",")
    if len(one) < 12 or len(two) < 11:
        raise PrinterError(f"{printer} sent a status answer this station cannot read")

    def flag(fields: list[str], i: int) -> bool:
        return fields[i].strip() == "1"

    def number(fields: list[str], i: int) -> int:
        text = fields[i].strip()
        return int(text) if text.isdigit() else 0

    return PrinterStatus(
        paper_out=flag(one, 1), paused=flag(one, 2), label_length_dots=number(one, 3),
        formats_in_buffer=number(one, 4), buffer_full=flag(one, 5), partial_format=flag(one, 7),
        corrupt_ram=flag(one, 9), under_temperature=flag(one, 10), over_temperature=flag(one, 11),
        head_open=flag(two, 2), ribbon_out=flag(two, 3), thermal_transfer=flag(two, 4),
        labels_remaining=number(two, 8), printer=printer,
    )


def host_status_answer(paper_out: bool = False, paused: bool = False, head_open: bool = False,
                       ribbon_out: bool = False, buffer_full: bool = False, label_length: int = 1218) -> bytes:
    """A ~HS answer as a Zebra printer sends it (for simulators and tests)."""
    b = lambda v: "1" if v else "0"  # noqa: E731
    one = f"030,{b(paper_out)},{b(paused)},{label_length:04d},000,{b(buffer_full)},0,0,000,0,0,0"
    two = f"000,0,{b(head_open)},{b(ribbon_out)},0,2,6,0,00000000,1,000"
    three = "1234,0"
    return b"".join(STX + s.encode() + ETX + b"\r\n" for s in (one, two, three))
