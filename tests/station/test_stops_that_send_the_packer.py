"""The Station on a real SQLite file: a wrong item names every open order that holds it (with
its tote), an unknown barcode is shown as it was scanned, a carton too small is refused and a
supervisor's badge keeps it (issue 20 items 4 and 5)."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.domain.events import Tone
from app.domain.session import Phase
from app.store import models as t
from tests.support import PHONE_GTIN, SOCKS_GTIN, add_order

UNKNOWN_EAN13 = "5901234123457"  # a valid EAN-13 no product of the small catalogue has


def test_a_wrong_item_names_every_open_order_holding_it_with_the_tote(bench, station):
    """GIVEN socks on open orders 1001 (tote TOTE-0001), 1002 and 1005 WHEN a packer of order 1003
    (a phone) scans socks THEN all three are named, with 1001's tote; with a fourth, "+1 more"."""
    station.scan("PS:BADGE:P-1001")
    station.scan("1003")
    wrong = station.scan(SOCKS_GTIN)
    assert wrong.code == "other_order" and wrong.tone is Tone.REJECTED
    assert wrong.message == ("Wrong item: SOCK-M is not in order 1003. Put it aside: open orders "
                             "1001 (tote TOTE-0001), 1002, 1005 need it.")
    with bench.sessions.begin() as db:
        socks = db.scalars(select(t.Product).where(t.Product.sku == "SOCK-M")).one()
        add_order(db, "1007", [(socks, 1)], tote="TOTE-0007")
    more = station.scan(SOCKS_GTIN)
    assert more.message.endswith("open orders 1001 (tote TOTE-0001), 1002, 1005 +1 more need it.")
    assert more.feedback[-1].values["more"] == 1
    with bench.engine.connect() as conn:
        rejected = [json.loads(d) for d in conn.execute(
            select(t.PackEvent.payload).where(t.PackEvent.type == "scan_rejected")).scalars()]
    assert [r["other_order"] for r in rejected] == ["1001", "1001"]  # the error statistics keep one order


def test_an_unknown_ean13_is_shown_as_scanned_without_a_leading_zero(station):
    station.scan("PS:BADGE:P-1001")
    station.scan("1003")
    unknown = station.scan(UNKNOWN_EAN13)
    assert unknown.code == "unknown_barcode"
    assert unknown.message == (f"Unknown barcode {UNKNOWN_EAN13}. Type the item's SKU, or set it aside for a "
                               "supervisor.")
    assert station.scan("]E0" + UNKNOWN_EAN13).feedback[-1].values["text"] == UNKNOWN_EAN13


def test_a_carton_too_small_is_refused_then_kept_on_a_supervisors_badge(bench, station):
    """GIVEN order 1003's two phones packed WHEN the packer scans a carton too small for them THEN
    STOP with the reason; the supervisor's badge keeps it and the override is a recorded fact."""
    with bench.sessions.begin() as db:
        db.add(t.Carton(code="SLIM", name="Slim mailer", length_mm=170, width_mm=90, height_mm=8, tare_g=5,
                        max_weight_g=1000))
    station.reload_cartons()
    station.scan("PS:BADGE:P-1001")
    station.scan("1003")
    station.scan(PHONE_GTIN)
    station.scan("SN-0001")
    station.scan(PHONE_GTIN)
    assert station.scan("SN-0002").code == "all_items_packed"
    refused = station.scan("SLIM")
    assert refused.code == "carton_too_small"
    assert refused.message.startswith("Phone is 10 mm tall — SLIM holds 8 mm. Use ENV")
    assert station.state.phase is Phase.CARTON
    kept = station.scan("PS:BADGE:S-2001")  # no scale at this bench: the label prints at once
    chosen = kept.feedback[0]
    assert chosen.code == "carton_chosen" and "approved by Sam Supervisor" in chosen.message
    assert kept.code == "order_packed"
    with bench.engine.connect() as conn:
        grant = json.loads(conn.execute(select(t.PackEvent.payload).where(t.PackEvent.type == "override_granted"))
                           .scalar_one())
    assert (grant["name"], grant["reason"], grant["carton"]) == ("Sam Supervisor", "carton", "SLIM")
    assert grant["why"] == "Phone is 10 mm tall — SLIM holds 8 mm"


def test_the_station_says_whether_its_bench_has_a_scale(station):
    assert station.has_scale is False and station.session.has_scale is False  # no [scale] in its config
