"""~HS answers parsed field by field (ZPL II Programming Guide, ~HS)."""

from __future__ import annotations

import pytest

from printers import PrinterError, parse_host_status
from printers.status import frames

# An answer as a ZD-series printer sends it: paper out, pause, 1218-dot labels, 3 formats waiting,
# head up, thermal transfer, 42 labels remaining in the batch.
ANSWER = (b"\x02030,1,1,1218,003,0,0,0,000,0,0,0\x03\r\n"
          b"\x02001,0,1,0,1,2,6,0,00000042,1,000\x03\r\n"
          b"\x021234,0\x03\r\n")


def test_every_flag_is_read_from_its_position() -> None:
    status = parse_host_status(ANSWER)
    assert status.paper_out and status.paused and status.head_open and status.thermal_transfer
    assert not status.ribbon_out and not status.buffer_full
    assert (status.label_length_dots, status.formats_in_buffer, status.labels_remaining) == (1218, 3, 42)
    assert status.message == "Label printer head is open — close it until it clicks"  # the first thing to fix


def test_an_answer_split_across_reads_or_with_noise_still_parses() -> None:
    assert len(frames(b"noise" + ANSWER[:20] + ANSWER[20:])) == 3


def test_a_partial_answer_is_an_error() -> None:
    with pytest.raises(PrinterError, match="1 of 3 parts"):
        parse_host_status(ANSWER.split(b"\r\n")[0])


def test_a_ready_printer_says_so() -> None:
    ok = b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\x021234,0\x03"
    status = parse_host_status(ok, "Label printer at 10.0.0.5:9100")
    assert status.ready and status.message == "Label printer at 10.0.0.5:9100 is ready"
