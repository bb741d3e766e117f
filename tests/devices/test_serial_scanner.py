"""Serial scanners on real pseudo-terminals: every scan arrives once, whole, and noise never becomes one."""

from __future__ import annotations

import random
import threading
import time

from app.devices.factory import open_scanner
from app.devices.handler import QueueHandler
from app.domain.scan import parse_scan

from .conftest import wait_connected

GTINS = ["4006381333931", "036000291452", "9506000134352", "40170725"]


def collect_scans(handler: QueueHandler, count: int, timeout: float = 10.0) -> list[tuple[bytes, str]]:
    return [handler.next("scan", timeout) for _ in range(count)]


def test_a_thousand_scans_at_115200_baud_arrive_in_order_none_lost_or_merged(device, handler, running):
    """GIVEN a scanner on a 115200-baud port sending CR LF after each barcode
    WHEN 1,000 scans of mixed kinds are sent back to back, as fast as the line takes them
    THEN the station receives exactly those 1,000 scans, in order, none merged or split."""
    scanner = running(open_scanner(f"serial://{device.path}?baud=115200&suffix=crlf&name=hand", handler))
    wait_connected(handler)
    sent = []
    for i in range(1000):
        kind = i % 4
        if kind == 0:
            sent.append(GTINS[i % len(GTINS)].encode())
        elif kind == 1:
            sent.append(f"SO-{100000 + i}".encode())
        elif kind == 2:
            sent.append(f"]C1010950600013435221SN{i:06d}\x1d10LOT{i % 97}".encode())
        else:
            sent.append(f"PS:TOTE:T{i:05d}".encode())
    writer = threading.Thread(target=device.write, args=(b"".join(s + b"\r\n" for s in sent),))
    writer.start()
    received = collect_scans(handler, 1000)
    writer.join()
    assert [raw for raw, _ in received] == sent
    assert {source for _, source in received} == {"hand"}
    assert scanner.counters.frames == 1000 and scanner.counters.dropped == 0
    assert handler.drain() == []


def test_a_frame_split_across_reads_is_one_scan(device, handler, running):
    """GIVEN a scanner whose bytes arrive in pieces (USB packets, a slow UART)
    WHEN a barcode arrives in three writes 30 ms apart, its CR and LF in different reads
    THEN exactly one scan is reported, and no empty scan for the lone LF."""
    running(open_scanner(f"serial://{device.path}?suffix=auto", handler))
    wait_connected(handler)
    for piece in (b"40063", b"81333931\r", b"\n"):
        device.write(piece)
        time.sleep(0.03)
    assert handler.next("scan", 2) == (b"4006381333931", "scanner")
    device.write(b"SO-1001\r\n")
    assert handler.next("scan", 2) == (b"SO-1001", "scanner")
    assert handler.drain() == []


def test_64_kib_of_random_bytes_neither_crash_the_reader_nor_become_a_scan(device, handler, running):
    """GIVEN a scanner line that delivers 64 KiB of random bytes (wrong baud rate, a broken cable)
    WHEN the noise is followed, after a quiet moment, by a real barcode
    THEN nothing the noise produced is accepted by the scan parser, the reader stays connected,
    the garbled frames are counted, and the real barcode still comes through."""
    scanner = running(open_scanner(f"serial://{device.path}?baud=9600&suffix=cr", handler))
    wait_connected(handler)
    noise = random.Random(20261125).randbytes(64 * 1024)
    device.write(noise)
    time.sleep(0.2)
    device.write(b"4006381333931\r")
    scans = []
    while True:
        raw, _ = handler.next("scan", 5)
        if raw == b"4006381333931":
            break
        scans.append(raw)
    phantom = [raw for raw in scans if parse_scan(raw).accepted]
    assert phantom == []
    assert scanner.connected
    assert scanner.counters.control > 0
    assert not any(event[0] == "status" and event[1].state != "connected" for event in handler.drain())


def test_frames_with_control_bytes_are_dropped_and_counted(device, handler, running):
    """GIVEN a scanner
    WHEN a frame carries a BEL byte, and after a quiet moment a clean one follows
    THEN the first is dropped and counted as line noise, the second arrives."""
    scanner = running(open_scanner(f"serial://{device.path}?suffix=cr", handler))
    wait_connected(handler)
    device.write(b"40063\x0781333931\r")
    time.sleep(0.1)
    device.write(b"036000291452\r")
    assert handler.next("scan", 2) == (b"036000291452", "scanner")
    assert scanner.counters.control == 1


def test_without_a_suffix_a_pause_ends_the_scan_and_short_fragments_are_dropped(device, handler, running):
    """GIVEN a scanner configured with no suffix (frames end after 30 ms of silence), minimum length 4
    WHEN a 2-byte fragment arrives, then later a whole barcode
    THEN the fragment is dropped as too short and the barcode is one scan."""
    scanner = running(open_scanner(f"serial://{device.path}?suffix=none&idle_ms=30&min_length=4", handler))
    wait_connected(handler)
    device.write(b"40")
    time.sleep(0.15)
    device.write(b"4006381333931")
    assert handler.next("scan", 2) == (b"4006381333931", "scanner")
    assert scanner.counters.short == 1


def test_aim_identifiers_are_kept_for_the_parser_and_can_be_required(device, handler, running):
    """GIVEN a scanner that prefixes AIM symbology identifiers, with aim=require
    WHEN a GS1-128 scan with ]C1 arrives, then a frame without an identifier
    THEN the first reaches the parser with ]C1 intact (it reads it as GS1), the second is dropped."""
    scanner = running(open_scanner(f"serial://{device.path}?suffix=cr&aim=require", handler))
    wait_connected(handler)
    device.write(b"]C10109506000134352\r")
    raw, _ = handler.next("scan", 2)
    assert raw == b"]C10109506000134352"
    assert parse_scan(raw).symbology == "]C1" and parse_scan(raw).gtins == ("09506000134352",)
    device.write(b"0109506000134352\r")
    time.sleep(0.1)
    assert scanner.counters.no_aim == 1


def test_two_scanners_on_one_station_report_their_own_names(make_device, handler, running):
    """GIVEN a hand scanner and a presentation scanner on two ports
    WHEN each sends a barcode
    THEN each scan carries the name of the scanner it came from."""
    hand, presentation = make_device("hand"), make_device("presentation")
    running(open_scanner(f"serial://{hand.path}?name=hand", handler))
    running(open_scanner(f"serial://{presentation.path}?name=presentation&suffix=lf", handler))
    wait_connected(handler)
    wait_connected(handler)
    hand.write(b"4006381333931\r")
    assert handler.next("scan", 2) == (b"4006381333931", "hand")
    presentation.write(b"SO-1002\n")
    assert handler.next("scan", 2) == (b"SO-1002", "presentation")


def test_invalid_utf8_is_handed_on_as_bytes_for_the_parser_to_reject(device, handler, running):
    """GIVEN a scanner set to a Latin-1 code page
    WHEN it sends a name with a byte that is not UTF-8, on a quiet line
    THEN the bytes reach the station unchanged, and parse_scan rejects them as unreadable."""
    running(open_scanner(f"serial://{device.path}?suffix=cr", handler))
    wait_connected(handler)
    device.write(b"CAF\xc9-1\r")
    raw, _ = handler.next("scan", 2)
    assert raw == b"CAF\xc9-1"
    assert parse_scan(raw).reason == "invalid_utf8"
