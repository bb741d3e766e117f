"""The last device and audit texts still English on a German screen (issue 20): what a scale answers in the
scale panel, the central database's card on the device strip, and the audit's raw values.

GIVEN a scale's reply, the central link's state or an audit event as the station writes them (English:
the CLI, the logs and the CSV read it), WHEN a German screen shows it, THEN it reads German, worded from
its code; a value the station does not know (a scale's own name, a shop's hold reason) is shown as stored.
"""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.devices.events import DeviceState, DeviceStatus, WeightReading, WeightStatus
from app.devices.reasons import DeviceReason
from app.devices.scales import mt_sics, nci, stream
from app.devices.scales.base import ReplyKind, ScaleReply, action_word, weight_reply
from app.store.models import Order
from app.supervisor.audit import describe
from app.sync.status import Link, SyncReason, SyncStatus, unreachable
from app.ui.messages import coded_text
from tests.gui.test_words import english, english_left  # noqa: F401 - a fixture
from tests.supervisor.test_holds_and_actions import add_event, queue

# ------------------------------------------------------------------ the scale panel

# What each protocol answers, as the scale sends it: the reading's status and its sentence.
READINGS = {
    "sics_overload": mt_sics.parse_reply(b"S +"),
    "sics_underload": mt_sics.parse_reply(b"S -"),
    "sics_busy": mt_sics.parse_reply(b"S I"),
    "sics_bad_unit": mt_sics.parse_reply(b"S S 1.0 stone"),
    "nci_overload": nci.parse_reply(b"\n^^^^^^\r\n" + bytes((0x30, 0x32)) + b"\r"),
    "nci_underload": nci.parse_reply(b"\n______\r\n" + bytes((0x30, 0x31)) + b"\r"),
    "nci_zeroing": nci.parse_reply(b"\n------\r\n" + bytes((0x30, 0x30)) + b"\r"),
    "nci_fault": nci.parse_reply(b"\n 1.25kg\r\n" + bytes((0x34, 0x38)) + b"\r"),
    "nci_unreadable": nci.parse_reply(b"\n12#4\r\n" + bytes((0x30, 0x30)) + b"\r"),
    "stream_overload": stream.parse_frame(b"OL,GS,+9999.99kg"),
    "stream_no_unit": stream.parse_frame(b"ST,GS,+0001.25"),
}
# What the scale answers to the Zero and Tare buttons (and what the driver says for it).
REPLIES = {
    "zero_not_now": ("zero", mt_sics.parse_reply(b"Z I")),
    "zero_too_heavy": ("zero", mt_sics.parse_reply(b"Z +")),
    "tare_negative": ("tare", mt_sics.parse_reply(b"T -")),
    "sics_syntax": ("zero", mt_sics.parse_reply(b"ES")),
    "nci_unknown": ("tare", nci.parse_reply(b"\n?\r")),
    "no_command": ("tare", ScaleReply(ReplyKind.REFUSED, "tare", message=DeviceReason(
        "scale_no_command", protocol="stream", action=action_word("tare")))),
    "no_answer": ("zero", ScaleReply(ReplyKind.ERROR, "zero", message=DeviceReason(
        "scale_no_answer", action=action_word("zero")))),
}


@pytest.mark.parametrize("key", READINGS)
def test_what_the_scale_says_of_a_reading_reads_german_in_the_scale_panel(qtbot, german, key):
    """GIVEN a protocol's frame that is no usable weight (overload, a fault, a unit it cannot convert)
    WHEN the German live-weight card shows the reading THEN the scale's sentence reads German."""
    from app.ui.scale_panel import LiveWeightCard

    reply = READINGS[key]
    assert reply is not None and reply.status is not WeightStatus.OK and reply.message.code, reply
    card = LiveWeightCard()
    qtbot.addWidget(card)
    reading = WeightReading(0, False, status=reply.status, message=reply.message)
    card.show_state(DeviceStatus("scale", "scale", DeviceState.CONNECTED, port="/dev/ttyUSB0"), reading)
    said = card.state.text()
    assert said == coded_text(reply.message) != str(reply.message), said
    assert english_left(said.replace("MT-SICS", "")) == [] and "calibration" not in said, said


@pytest.mark.parametrize("key", REPLIES)
def test_the_scales_answer_to_zero_and_tare_reads_german(german, key):
    """GIVEN the scale refusing or not understanding Zero or Tare WHEN the panel says so THEN in German."""
    from app.ui.scale_panel import reply_text

    action, reply = REPLIES[key]
    assert reply is not None and not reply.ok and reply.message.code
    _shape, _colour, said = reply_text(action, reply)
    assert english_left(said.replace("MT-SICS", "")) == [] and str(reply.message) not in said, said


def test_the_scales_words_stay_english_for_logs_and_the_cli(english):  # noqa: F811
    """The English the CLI (`packstation devices`) and the logs read is what it always was."""
    assert mt_sics.parse_reply(b"S +").message == "Scale overloaded — take the parcel off."
    assert mt_sics.parse_reply(b"Z I").message == "Zero not possible now — wait until the scale is still, then " \
                                                  "try again."
    assert nci.parse_reply(b"\n 1.25kg\r\n" + bytes((0x34, 0x38)) + b"\r").message == \
        "Scale reports a RAM, calibration error — service the scale."
    assert weight_reply("1.0", "stone", stable=True).message == \
        "Scale sent '1.0' 'stone': unknown weight unit 'stone' (known: g, kg, mg, lb, oz) — set the scale to g, " \
        "kg, lb or oz."
    assert coded_text(mt_sics.parse_reply(b"S +").message) == "Scale overloaded — take the parcel off."


# ------------------------------------------------------------------ the central database's card

LINK_STATES = {
    "not_yet": SyncStatus(False, Link().message),
    "unreachable": SyncStatus(False, unreachable("connection refused"), pending_events=3),
    "no_detail": SyncStatus(False, unreachable("")),
    "not_answering": SyncStatus(False, SyncReason("not_answering", seconds="20")),
    "no_answer_within": SyncStatus(False, SyncReason("no_answer_within", ms=800)),
    "sync_error": SyncStatus(False, SyncReason("sync_error", error="KeyError")),
    "connected": SyncStatus(True, SyncReason("connected"), pending_events=2),
}


@pytest.mark.parametrize("key", LINK_STATES)
def test_the_central_card_reads_german_on_the_device_strip(qtbot, german, key):
    """GIVEN the central link's state (not connected yet, unreachable, connected with events waiting)
    WHEN the German device strip shows the central card THEN its words are German (the driver's own
    error, "connection refused", stays as it was written)."""
    from app.ui.central_card import central_card
    from app.ui.device_strip import DeviceStrip

    strip = DeviceStrip()
    qtbot.addWidget(strip)
    card = central_card(LINK_STATES[key])
    strip.show_status(card)
    tip = strip.pill("central").toolTip()
    detail = tip.split(": ", 1)[1]
    assert english_left(detail.replace("connection refused", "")) == [], tip
    assert detail.startswith("Offline") != LINK_STATES[key].online, tip
    assert str(LINK_STATES[key].message).replace(": connection refused", "") not in tip, tip


def test_the_central_cards_english_is_what_it_was(english):  # noqa: F811
    """The English (logs, IT) reads as the main window wrote it before the card was coded."""
    from app.ui.central_card import central_card

    card = central_card(LINK_STATES["unreachable"])
    assert card.message == ("Offline: packing the orders this station holds. central database unreachable: "
                            "connection refused · 3 events waiting to be sent")
    assert central_card(LINK_STATES["connected"]).message == ("connected to the central database · 2 events "
                                                              "waiting to be sent")
    assert Link().message == "not connected yet"


# ------------------------------------------------------------------ the audit's raw values

AUDIT = {
    "scale_source": ("weight_recorded", {"box": 1, "grams": 1250, "expected": 1200, "allowance": 100,
                                         "within": True, "source": "scale"}),
    "carton_override": ("override_granted", {"by": 2, "name": "Sam", "reason": "carton", "carton": "ENV-S",
                                             "why": "too small"}),
    "old_carton_override": ("override_granted", {"by": 2, "name": "Sam", "reason": "carton"}),
}


@pytest.mark.parametrize("key", AUDIT)
def test_the_audits_weight_source_and_override_reason_read_german(german, key):
    """GIVEN a weight from the scale and a supervisor's carton override as recorded
    WHEN the German audit trail words them THEN no English is left (the carton's code stays)."""
    kind, payload = AUDIT[key]
    text = coded_text(describe(1, None, "BENCH-1", None, kind, payload).text)
    assert english_left(text.replace("ENV-S", "")) == [], text
    assert "scale" not in text and "carton" not in text, text


def test_audit_values_the_station_does_not_know_are_shown_as_stored(german):
    """A scale's own name and an override reason from a newer version are shown as stored."""
    weighed = describe(1, None, "B", None, "weight_recorded", {"box": 1, "grams": 1250, "expected": 1200,
                                                               "allowance": 100, "within": True,
                                                               "source": "Bench scale 2"}).text
    assert "(Bench scale 2)" in coded_text(weighed)
    approved = describe(1, None, "B", None, "override_granted", {"name": "Sam", "reason": "fragile_ok"}).text
    assert "fragile_ok" in coded_text(approved) and approved.endswith("approved fragile_ok")
    said = describe(1, None, "B", None, "override_granted", AUDIT["carton_override"][1]).text
    assert said == "Supervisor Sam approved the carton ENV-S"


def test_a_shops_hold_reason_is_titled_as_stored_and_a_known_one_in_german(german, engine):
    """GIVEN order 1001 held by the shop with its own words, WHEN the holds queue lists it THEN the title
    is the shop's words exactly (not re-capitalised); a station code's title is worded in German."""
    with engine.begin() as conn:
        conn.execute(update(Order).where(Order.number == "1001").values(status="held",
                                                                        hold_reason="fraud check by ACME"))
    add_event(engine, "1001", "order_held", {"number": "1001", "reason": "fraud check by ACME", "missing": {}})
    items = {i.number: i for i in queue(engine)}
    assert coded_text(items["1001"].title) == "fraud check by ACME"
    assert coded_text(items["1005"].title) == "Fehlmenge"
