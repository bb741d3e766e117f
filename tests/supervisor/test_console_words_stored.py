"""What the station stored as English words, shown in German (issue 20): sync conflicts (the central
database's kind and detail), a stop by the shop, an old refused carton, and the devices' status texts.

GIVEN texts written to the database as English sentences (by this version or an older one: the CLI, the
CSV and the logs read them), WHEN a German supervisor console or a German packing device strip shows
them, THEN they read German, worded from the code they are read back into; the stored English is
unchanged, and a text the station does not know is shown as it was stored.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import insert, select

from app.devices.events import DeviceState, DeviceStatus
from app.devices.reasons import DeviceReason
from app.domain import clock
from app.store.models import Order, PackEvent
from app.supervisor.audit import describe
from app.supervisor.hold_reasons import conflict_detail
from app.sync.local import record_conflict_event
from app.ui.messages import coded_text
from tests.gui.test_words import english_left
from tests.supervisor.test_console import SAM, settle
from tests.supervisor.test_console_words_holds import german_window, texts  # noqa: F401, F811 - a fixture

# What the central database's guard (app/sync/migrations c0001 and c0007) and the pull write, by kind.
CONFLICTS = {
    "cancelled_while_packing": "order was cancelled upstream; order_packed at BENCH-1",
    "packed_twice": "order was already shipped by BENCH-2",
    "held_while_packing": "order was put on hold upstream",
    "claimed_elsewhere": "order_opened while BENCH-2 held the claim (lease taken over or released); "
                         "the order stays packing",
    "not_claimed": "labels_voided from BENCH-1, which did not hold the claim on the order; the order stays packed",
    "lines_changed_while_packing": "the order's lines changed upstream while it was being packed here; the bench "
                                   "keeps packing the lines it had",
}
OLD_CARTON = ("Ceramic Planter is 150 mm tall — ENV-S holds 30 mm. Use BOX-M — or a supervisor's badge keeps "
              "ENV-S.")  # a carton_too_small refusal as versions before issue 20 stored it: no template


@pytest.mark.parametrize("detail", [*CONFLICTS.values(), "order was already packed",
                                    "order_packed while BENCH-2 held the claim (lease taken over or released)"])
def test_every_conflict_detail_reads_back_as_stored_and_german(german, detail):
    back = conflict_detail(detail)
    assert back == detail and back.code  # the English is what was stored, now with its code
    worded = coded_text(back)
    assert worded != detail and english_left(worded.replace("BENCH", "")) == [], worded


def test_a_conflict_detail_the_station_does_not_know_is_shown_as_stored(german):
    assert coded_text(conflict_detail("a new kind of problem")) == "a new kind of problem"


def test_stored_conflicts_a_stop_and_an_old_refused_carton_read_german_in_the_console(qtbot, german_window,  # noqa: F811
                                                                                       engine):
    """GIVEN order 1002 with a conflict of every kind, a stop because the shop cancelled it, and a carton
    refused before refusals recorded their template
    WHEN the German console shows the holds queue and the audit trail of 1002
    THEN every one reads German, and the English the CLI prints is unchanged."""
    events = PackEvent.__table__
    with engine.begin() as conn:
        for kind, detail in CONFLICTS.items():
            other = {"other_station": "BENCH-2"} if kind == "claimed_elsewhere" else {}
            record_conflict_event(conn, "BENCH-1", "1002", {"kind": kind, "detail": detail, **other})
        order_id = conn.execute(select(Order.__table__.c.id).where(Order.__table__.c.number == "1002")).scalar()
        for kind, payload in (("order_stopped", {"status": "cancelled"}),
                              ("scan_rejected", {"code": "carton_too_small", "message": OLD_CARTON, "text": "ENV-S"})):
            conn.execute(insert(events).values(uuid=f"h2-{kind}", station="BENCH-1", order_id=order_id, type=kind,
                                               payload=json.dumps(payload), at=clock.now()))
    window = german_window
    window.begin_as(SAM)
    window.tabs.setCurrentWidget(window.holds)
    settle(qtbot, window)
    holds = window.holds
    titles = [t for t in texts(holds.model, "title") if t.startswith("Synchronisationskonflikt")]
    details = [d for d, t in zip(texts(holds.model, "detail"), texts(holds.model, "title"), strict=True)
               if t.startswith("Synchronisationskonflikt")]
    assert len(titles) == len(CONFLICTS), texts(holds.model, "title")
    assert "Synchronisationskonflikt: zweimal gepackt" in titles
    for text in [*titles, *details]:
        assert english_left(text.replace("BENCH", "")) == [], text
    assert "Auftrag war schon versandt von BENCH-2" in details, details

    window.show_order("1002")
    settle(qtbot, window)
    lines = texts(window.audit.events_model, "text")
    told = [t for t in lines if t.startswith(("Abgleichskonflikt", "Am Packplatz gestoppt"))]
    told += [t.split(": ", 1)[1] for t in lines if t.startswith("Scan abgelehnt (carton_too_small)")]
    assert len(told) == len(CONFLICTS) + 2, lines
    for text in told:
        assert english_left(text.replace("BENCH", "").replace("BOX-M", "")) == [], text
    assert "Am Packplatz gestoppt: der Auftrag ist im Shop jetzt storniert" in told
    english = [e.text for e in window.service().history("1002").events]
    assert f"Sync conflict (packed twice): {CONFLICTS['packed_twice']}" in english
    assert any(t.endswith(OLD_CARTON) for t in english)


def test_a_refused_carton_is_recorded_with_its_template_and_reads_german(german):
    """GIVEN three planters packed WHEN the packer scans ENV-S THEN the scan_rejected fact keeps the refusal's
    template and values, and the audit trail words it in German (no English left, the values in place)."""
    from app.domain.events import CartonScanned
    from tests.unit.test_cartons_and_stops import ENV_S, PLANTER, Bench

    bench = Bench()
    bench.open((PLANTER, 3))
    bench.pack(PLANTER, 3)
    bench(CartonScanned("ENV-S", ENV_S))
    fact = next(f for f in bench.log if f.type == "scan_rejected")
    assert fact.data["message"] == OLD_CARTON and fact.data["template"]
    text = coded_text(describe(1, None, "B", None, "scan_rejected", json.loads(json.dumps(fact.data))).text)
    words = text.split(": ", 1)[1]
    assert english_left(words.replace("BOX-M", "")) == [] and "ENV-S" in words and "BOX-M" in words, text


# ------------------------------------------------------------------ the packing window's device strip

DEVICE_TEXTS = [DeviceReason("not_started"), DeviceReason("stopped"), DeviceReason("no_scale"),
                DeviceReason("hung_up", port="/dev/ttyUSB0"),
                DeviceReason("disconnected", reason=DeviceReason("read_failed", port="/dev/ttyUSB0", error="EIO")),
                DeviceReason("camera_off"), DeviceReason("camera_unplugged"),
                DeviceReason("no_camera_matching", device="Logi"), DeviceReason("camera_on", name="C920")]


@pytest.mark.parametrize("message", DEVICE_TEXTS, ids=[m.code for m in DEVICE_TEXTS])
def test_the_device_strip_words_a_devices_status_in_german(qtbot, german, message):
    from app.ui.device_strip import DeviceStrip

    strip = DeviceStrip()
    qtbot.addWidget(strip)
    strip.show_status(DeviceStatus("scale", "scale", DeviceState.DISCONNECTED, message, "/dev/ttyUSB0"))
    tip = strip.pill("scale").toolTip()
    assert tip.startswith("Waage: ") and english_left(tip) == [], tip
    assert str(message) not in tip or str(message) == coded_text(message)


def test_the_cameras_and_the_hubs_status_carry_their_codes(qapp, tmp_path):
    from app.devices.camera import BoxCamera
    from app.devices.photos import PhotoStore

    camera = BoxCamera(PhotoStore(tmp_path), device="off")
    assert camera.status.message.code == "not_started"
    assert camera.start().message.code == "camera_off"
    assert describe(1, None, "B", None, "order_stopped", {"status": "cancelled"}).text == \
        "Stopped at the bench: the order became cancelled upstream"  # the English as always
