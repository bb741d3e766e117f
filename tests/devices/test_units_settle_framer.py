"""The pure rules under the drivers: units to grams, when a weight has settled, how bytes become scans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.devices.framer import FramingSettings, ScanFramer
from app.devices.settle import SettleDetector, SettleRule
from app.devices.units import UnitError, from_grams, to_grams


@pytest.mark.parametrize(("value", "unit", "grams"), [
    ("1250", "g", 1250), ("1.25", "kg", 1250), ("1.005", "kg", 1005), ("0.0005", "kg", 1),
    ("-0.0005", "kg", -1), ("1", "lb", 454), ("2.755", "lb", 1250), ("1", "oz", 28), ("16", "oz", 454),
    ("+0001.25", "KG", 1250), ("2", "lbs", 907), ("1500", "mg", 2),
])
def test_units_convert_to_whole_grams_rounding_half_up(value, unit, grams):
    """GIVEN a number and unit as a scale sends them  WHEN converted  THEN exact whole grams."""
    assert to_grams(value, unit) == grams


def test_unknown_units_and_non_numbers_are_errors():
    with pytest.raises(UnitError, match="unknown weight unit 'stone'"):
        to_grams("1", "stone")
    with pytest.raises(UnitError, match="not a number"):
        to_grams("1,25", "kg")


@given(st.integers(min_value=-100_000, max_value=1_000_000), st.sampled_from(["g", "kg", "lb", "oz"]))
def test_a_weight_shown_in_any_unit_reads_back_within_half_a_display_step(grams, unit):
    """GIVEN any weight  WHEN the simulator shows it (3 decimals, 0 for g) and the driver reads it back
    THEN the grams are within the display's resolution."""
    decimals = 0 if unit == "g" else 3
    assert abs(to_grams(from_grams(grams, unit, decimals), unit) - grams) <= 1


def test_settle_needs_n_readings_within_d_over_t_ms():
    """GIVEN 4 readings within 2 g over 300 ms  WHEN a swinging load comes to rest  THEN stable exactly then."""
    detector = SettleDetector(SettleRule(count=4, tolerance_g=2, window_ms=300))
    feed = [(0.0, 1400), (0.1, 1100), (0.2, 1260), (0.3, 1249), (0.4, 1251), (0.5, 1250), (0.6, 1250),
            (0.7, 1251)]
    results = [detector.feed(grams, at) for at, grams in feed]
    assert results == [False, False, False, False, False, False, True, True]


def test_settle_on_a_fast_stream_waits_for_the_window_not_just_the_count():
    """GIVEN readings every 10 ms  WHEN the rule is 3 readings over 200 ms  THEN not before 200 ms of agreement."""
    detector = SettleDetector(SettleRule(count=3, tolerance_g=1, window_ms=200))
    times = [i / 100 for i in range(30)]
    settled_at = next(t for t in times if detector.feed(1000, t))
    assert settled_at == pytest.approx(0.2)


def test_a_slow_drift_never_settles():
    detector = SettleDetector(SettleRule(count=3, tolerance_g=2, window_ms=100))
    assert not any(detector.feed(1000 + 2 * i, i * 0.05) for i in range(40))


def frames(framer: ScanFramer, *chunks: tuple[bytes, float]) -> list[bytes]:
    out = []
    for data, at in chunks:
        out += framer.feed(data, at)
    return out


def test_crlf_suffix_and_split_terminators():
    """GIVEN suffix=crlf  WHEN CR and LF arrive in different reads  THEN one frame, nothing lost."""
    framer = ScanFramer(FramingSettings(suffix="crlf"))
    assert frames(framer, (b"ABC123\r", 0.0), (b"\nDEF456\r\n", 0.001)) == [b"ABC123", b"DEF456"]


def test_an_unfinished_frame_is_given_up_after_silence_and_never_glued_to_the_next():
    """GIVEN a scan cut short (no suffix) WHEN the next scan comes 1 s later THEN only the next scan is reported."""
    framer = ScanFramer(FramingSettings(suffix="cr", partial_ms=500))
    assert frames(framer, (b"40063", 0.0), (b"036000291452\r", 1.0)) == [b"036000291452"]
    assert framer.counters.incomplete == 1


def test_noise_makes_the_line_noisy_until_it_has_been_quiet():
    """GIVEN a frame with a control byte  WHEN a clean frame follows in the same burst, and another after 60 ms
    THEN the one in the burst is dropped too, the one after the quiet gap is a scan."""
    framer = ScanFramer(FramingSettings(suffix="cr", quiet_ms=50))
    out = frames(framer, (b"\x01\x02xx\rABCD\r", 0.0), (b"EFGH\r", 0.06))
    assert out == [b"EFGH"]
    assert (framer.counters.control, framer.counters.noisy) == (1, 1)


def test_a_monster_frame_is_dropped_up_to_its_suffix():
    framer = ScanFramer(FramingSettings(suffix="cr", max_length=32))
    assert frames(framer, (b"A" * 100, 0.0), (b"B" * 10 + b"\rOK-123\r", 0.001)) == [b"OK-123"]
    assert framer.counters.long == 1


def test_stx_prefix_and_etx_suffix():
    """GIVEN prefix=stx&suffix=etx  WHEN garbage precedes the STX  THEN the frame is the text between STX and ETX."""
    framer = ScanFramer(FramingSettings(suffix="etx", prefix="stx"))
    assert frames(framer, (b"zz\x02SO-1001\x03", 0.0), (b"\x02SO-1002\x03", 0.1)) == [b"SO-1001", b"SO-1002"]


@given(st.lists(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=3, max_size=40),
                min_size=1, max_size=30), st.data())
def test_any_chunking_of_a_stream_of_scans_gives_the_same_scans(scans, data):
    """GIVEN a run of scans with CR LF  WHEN the bytes are cut into reads at arbitrary places
    THEN exactly the same scans come out, in order."""
    stream = b"".join(s.encode() + b"\r\n" for s in scans)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=20)))
    framer = ScanFramer(FramingSettings(suffix="auto"))
    out, start = [], 0
    for i, cut in enumerate([*cuts, len(stream)]):
        out += framer.feed(stream[start:cut], i * 0.001)
        start = cut
    assert out == [s.encode() for s in scans]


def test_noise_without_a_suffix_is_dropped_after_a_quiet_moment_and_spares_the_next_scan():
    """GIVEN a burst of garbage with no suffix in it  WHEN a real scan follows after 60 ms of quiet
    THEN the garbage is dropped on its own and the scan comes through whole."""
    framer = ScanFramer(FramingSettings(suffix="crlf", quiet_ms=50))
    assert frames(framer, (b"\x00\xff\x13garbage\x07", 0.0), (b"4006381333931\r\n", 0.06)) == [b"4006381333931"]
    assert framer.counters.control == 1


@given(st.binary(max_size=80))
def test_no_scale_parser_raises_whatever_arrives(frame):
    """GIVEN any bytes on a scale's line  WHEN each protocol parses them  THEN a reply or None, never an error."""
    from app.devices.scales import mt_sics, nci, stream

    for parse in (mt_sics.parse_reply, nci.parse_reply, stream.parse_frame):
        parse(frame)


@pytest.mark.parametrize("frame", [b"S S 1e999999 kg", b"S S 9" * 30 + b" kg", b"\n1e99999kg\r\n00\r",
                                   b"ST,GS,+99999999999999999999999999999kg", b"S S NaN g", b"S S Infinity g",
                                   b"\n  99999999999999lb 1.0oz\r\n00\r"])
def test_absurd_numbers_are_errors_not_crashes(frame):
    from app.devices.scales import mt_sics, nci, stream

    for parse in (mt_sics.parse_reply, nci.parse_reply, stream.parse_frame):
        reply = parse(frame)
        assert reply is None or reply.kind in ("weight", "unknown", "error")


ISO15434 = b"[)>\x1e06\x1d8P09506000134352\x1dS SN-0001\x1d1TLOT7\x1e\x04"


@pytest.mark.parametrize("suffix", ["cr", "none"])
def test_an_iso15434_message_keeps_its_rs_gs_and_eot(suffix: str):
    """GIVEN a 2D code holding an ISO/IEC 15434 message ("[)>" RS 06 GS ... RS EOT), sent by a serial
    scanner with or without a suffix  THEN it is one frame with every byte, not line noise."""
    framer = ScanFramer(FramingSettings(suffix=suffix, idle_ms=20))
    out = frames(framer, (b"]d1" + ISO15434[:9], 0.0), (ISO15434[9:] + (b"\r" if suffix == "cr" else b""), 0.001))
    out += framer.poll(0.1)
    assert out == [b"]d1" + ISO15434]
    assert framer.counters.dropped == 0


def test_rs_and_eot_outside_an_iso15434_message_are_still_noise():
    framer = ScanFramer(FramingSettings(suffix="cr", quiet_ms=50))
    assert frames(framer, (b"AB\x1eCD\r", 0.0), (b"[)>\x1e06\x1dS1\x07\x1e\x04\r", 0.1)) == []
    assert framer.counters.control == 2
