"""Zebra host status (~HS): three <STX>...<ETX> strings parsed into a PrinterStatus.

Per the ZPL II Programming Guide (~HS, Host Status Return), each string starts with <STX> and
ends with <ETX><CR><LF>:
  String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l
            aaa interface settings, b paper out, c pause, dddd label length (dots), eee formats in
            the receive buffer, f buffer full, g communications diagnostic mode, h partial format,
            iii unused, j corrupt RAM (configuration lost), k under temperature, l over temperature
  String 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
            mmm function settings, n unused, o head up, p ribbon out, q thermal transfer mode,
            r print mode, s print width mode, t label waiting (peel-off), uuuuuuuu labels remaining
            in the batch, v format while printing, www graphic images stored
  String 3: xxxx,y                              password, static RAM installed
Newer firmware does not answer at all while the media or ribbon is out, the head is open, the
rewinder is full or the head is over temperature, so "no answer" is itself reported as a status
a packer can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

from printers.errors import PrinterError
from printers.reasons import reason

STX, ETX = b"\x02", b"\x03"
HOST_STATUS_QUERY = b"~HS"
LABEL_PRINTER = reason("label_printer")  # a status that does not know its printer's name


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
    diagnostic_mode: bool = False
    label_waiting: bool = False  # peel-off mode: the printed label has not been taken yet
    thermal_transfer: bool = False
    label_length_dots: int = 0
    formats_in_buffer: int = 0
    labels_remaining: int = 0
    answered: bool = True  # False: the printer did not answer ~HS in time
    printer: str = LABEL_PRINTER

    @property
    def ready(self) -> bool:
        """The printer can take a label now. Under temperature prints (faintly) and is only a warning."""
        return self.answered and not (self.paper_out or self.paused or self.head_open or self.ribbon_out
                                      or self.over_temperature or self.corrupt_ram or self.buffer_full
                                      or self.diagnostic_mode or self.label_waiting)

    @property
    def fix(self) -> str:
        """What the packer does about it, in a few words for the printer card ("Load labels")."""
        if not self.answered:
            return "Check labels, ribbon and head"
        for on, words in ((self.head_open, "Close the print head"), (self.paper_out, "Load labels"),
                          (self.ribbon_out, "Load a new ribbon"), (self.over_temperature, "Let the head cool down"),
                          (self.corrupt_ram, "Call a supervisor"), (self.diagnostic_mode, "Leave diagnostic mode"),
                          (self.label_waiting, "Take the label off"), (self.paused, "Press pause to resume"),
                          (self.buffer_full, "Printer busy: wait"), (self.under_temperature, "Printer too cold")):
            if on:
                return words
        return ""

    @property
    def problems(self) -> tuple[str, ...]:
        flags = (
            (self.head_open, "head open"), (self.paper_out, "paper out"), (self.ribbon_out, "ribbon out"),
            (self.paused, "paused"), (self.buffer_full, "buffer full"), (self.label_waiting, "label waiting"),
            (self.diagnostic_mode, "diagnostic mode"),
            (self.over_temperature, "head too hot"), (self.under_temperature, "too cold"),
            (self.corrupt_ram, "settings lost"), (not self.answered, "not answering"),
        )
        return tuple(name for on, name in flags if on)

    @property
    def message(self) -> str:
        """One short sentence for the packer: what is wrong and what to do."""
        p = self.printer
        for on, code in ((not self.answered, "status_not_answering"), (self.head_open, "head_open"),
                         (self.paper_out, "paper_out"), (self.ribbon_out, "ribbon_out"),
                         (self.over_temperature, "head_too_hot"), (self.corrupt_ram, "settings_lost"),
                         (self.diagnostic_mode, "diagnostic_mode"), (self.label_waiting, "label_waiting"),
                         (self.paused, "paused"), (self.buffer_full, "busy"), (self.under_temperature, "too_cold")):
            if on:
                return reason(code, printer=p)
        return reason("ready", printer=p)


def no_answer(printer: str = LABEL_PRINTER) -> PrinterStatus:
    return PrinterStatus(answered=False, printer=printer)


def frames(data: bytes) -> list[bytes]:
    """The <STX>...<ETX> strings in `data`, without the delimiters."""
    out: list[bytes] = []
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


def parse_host_status(data: bytes, printer: str = LABEL_PRINTER) -> PrinterStatus:
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
        formats_in_buffer=number(one, 4), buffer_full=flag(one, 5), diagnostic_mode=flag(one, 6),
        partial_format=flag(one, 7), corrupt_ram=flag(one, 9), under_temperature=flag(one, 10),
        over_temperature=flag(one, 11), head_open=flag(two, 2), ribbon_out=flag(two, 3), thermal_transfer=flag(two, 4),
        label_waiting=flag(two, 7), labels_remaining=number(two, 8), printer=printer,
    )


STATUS_FLAGS = ("paper_out", "paused", "head_open", "ribbon_out", "buffer_full", "under_temperature",
                "over_temperature", "corrupt_ram", "label_waiting", "diagnostic_mode")


def host_status_answer(paper_out: bool = False, paused: bool = False, head_open: bool = False,
                       ribbon_out: bool = False, buffer_full: bool = False, label_length: int = 1218, *,
                       under_temperature: bool = False, over_temperature: bool = False, corrupt_ram: bool = False,
                       label_waiting: bool = False, diagnostic_mode: bool = False) -> bytes:
    """A ~HS answer as a Zebra printer sends it (for simulators and tests)."""
    b = lambda v: "1" if v else "0"  # noqa: E731
    one = (f"030,{b(paper_out)},{b(paused)},{label_length:04d},000,{b(buffer_full)},{b(diagnostic_mode)},0,000,"
           f"{b(corrupt_ram)},{b(under_temperature)},{b(over_temperature)}")
    two = f"000,0,{b(head_open)},{b(ribbon_out)},0,2,6,{b(label_waiting)},00000000,1,000"
    three = "1234,0"
    return b"".join(STX + s.encode() + ETX + b"\r\n" for s in (one, two, three))
