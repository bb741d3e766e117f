"""~HS fields the queue acts on, read from their positions in the ZPL II Programming Guide's strings."""

from __future__ import annotations

import pytest

from printers import parse_host_status
from printers.status import host_status_answer

READY = b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n"


@pytest.mark.parametrize(("string", "index", "flag"), [
    (1, 1, "paper_out"), (1, 2, "paused"), (1, 5, "buffer_full"), (1, 6, "diagnostic_mode"),
    (1, 9, "corrupt_ram"), (1, 10, "under_temperature"), (1, 11, "over_temperature"),
    (2, 2, "head_open"), (2, 3, "ribbon_out"), (2, 7, "label_waiting"),
])
def test_each_flag_is_read_from_its_own_field(string: int, index: int, flag: str) -> None:
    """GIVEN a ready answer with one field set to 1 THEN exactly that flag is read."""
    frames = READY.split(b"\x03\r\n")
    fields = frames[string - 1][1:].split(b",")
    fields[index] = b"1"
    frames[string - 1] = b"\x02" + b",".join(fields)
    status = parse_host_status(b"\x03\r\n".join(frames))
    flags = {name for name in ("paper_out", "paused", "buffer_full", "diagnostic_mode", "corrupt_ram",
                               "under_temperature", "over_temperature", "head_open", "ribbon_out", "label_waiting")
             if getattr(status, name)}
    assert flags == {flag}


def test_under_temperature_prints_and_only_warns() -> None:
    """GIVEN a cold printer THEN it is still ready (it prints faintly) and the card can say so."""
    status = parse_host_status(host_status_answer(under_temperature=True))
    assert status.ready and status.fix == "Printer too cold"


def test_the_fix_names_the_first_thing_to_do() -> None:
    """GIVEN head open and paper out THEN the head comes first (labels cannot be loaded with it shut)."""
    status = parse_host_status(host_status_answer(head_open=True, paper_out=True, paused=True))
    assert not status.ready and status.fix == "Close the print head"
    assert parse_host_status(host_status_answer()).fix == "" and parse_host_status(host_status_answer()).ready
