"""The Station on a real SQLite file: raw scanner text in, committed events and parcels out."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.domain.session import Phase
from app.station import Station
from app.store import models as t
from app.store.repository import Repository
from tests.support import CASE_GTIN, MUG_GTIN, PHONE_GTIN, SOCKS_GTIN


def events(bench) -> list[str]:
    with bench.engine.connect() as conn:
        return [row.type for row in conn.execute(select(t.PackEvent.type).order_by(t.PackEvent.seq))]


def order_status(bench, number: str) -> str:
    with bench.engine.connect() as conn:
        return conn.execute(select(t.Order.status).where(t.Order.number == number)).scalar_one()


def test_a_scanned_order_is_packed_end_to_end_and_leaves_a_parcel_and_spool_files(bench, station):
    assert station.scan(b"PS:BADGE:P-1001\r\n").code == "signed_in"
    assert station.scan("1001").code == "order_opened"
    assert order_status(bench, "1001") == "packing"
    done = station.scan("4006381333931")  # the EAN-13 form of the socks' GTIN
    assert done.code == "all_items_packed"
    label = station.scan("PS:CMD:CONFIRM")  # accept the suggested carton; no scale on this bench
    assert label.code == "order_packed" and station.state.phase is Phase.DONE
    assert order_status(bench, "1001") == "packed"
    parcels = station.repo.parcels_of("1001")
    boxes = [(p["box_no"], p["carton_code"], p["weight_g"], p["expected_weight_g"], p["weight_source"], p["status"])
             for p in parcels]
    assert boxes == [(1, "ENV", None, 100, "not_weighed", "labelled")]  # no scale: not weighed, never "100 g"
    assert station.output.drain(timeout=10)
    spool = bench.paths.spool_dir

    def jobs(folder: str) -> list[str]:  # "20261125T101500-label-order-1001-box-1-1a2b3c4d.pdf"
        return [p.name.split("-", 1)[1][:-13] for p in (spool / folder).glob("*.pdf")]

    assert jobs("labels") == ["label-order-1001-box-1"] and jobs("documents") == ["slip-order-1001-slip"]
    assert events(bench) == ["signed_in", "order_opened", "item_packed", "box_closed", "carton_chosen",
                             "box_not_weighed", "label_printed", "order_packed"]


def test_an_order_is_found_by_its_tote_and_by_gs1_ai_400(station):
    station.scan("PS:BADGE:P-1001")
    assert station.scan("TOTE-0001").state.order.number == "1001"
    station.scan("PS:CMD:CANCEL")
    assert station.scan("]C14001002").state.order.number == "1002"


def test_a_shopify_style_order_number_with_a_hash_finds_the_order(station):
    station.scan("PS:BADGE:P-1001")
    assert station.scan("#1002").state.order.number == "1002"


def test_the_same_product_matches_whichever_of_its_codes_is_scanned(station):
    station.scan("PS:BADGE:P-1001")
    station.scan("1002")
    assert station.scan(SOCKS_GTIN).code == "item_packed"  # GTIN-14
    assert station.scan("HOUSE-MUG").code == "item_packed"  # a house barcode
    assert station.scan("036000291452").code == "over_scan"  # the mug's UPC-A: its one unit is already in


def test_a_case_gtin_counts_six_and_over_scan_is_refused(station):
    station.scan("PS:BADGE:P-1001")
    station.scan("1005")
    assert station.scan(CASE_GTIN).code == "item_packed"
    assert station.state.packed_units(1) == 6
    station.scan("PS:CMD:QTY:7")
    assert station.scan(SOCKS_GTIN).code == "over_scan"


def test_errors_are_distinct_recorded_and_do_not_change_the_order(bench, station):
    station.scan("PS:BADGE:P-1001")
    assert station.scan("1006").code == "order_cancelled"
    station.scan("1004")
    outcomes = [station.scan(code).code for code in (SOCKS_GTIN, "4006381333932", "12345678", "AB\x00CD")]
    assert outcomes[0] == "other_order"  # socks are on open order 1001
    assert outcomes[1:] == ["bad_check_digit", "bad_check_digit", "control_character"]
    assert events(bench).count("scan_rejected") >= 4
    assert station.state.packed == ()


def test_serials_are_captured_and_a_shipped_serial_is_refused_later(bench, station):
    station.scan("PS:BADGE:P-1001")
    station.scan("1003")
    assert station.scan(PHONE_GTIN).code == "serial_needed"
    assert station.scan("SN0001").code == "item_packed"
    assert station.scan("]d2010950600013435221SN0002").code == "all_items_packed"
    station.scan("PS:CMD:CONFIRM")
    with bench.engine.connect() as conn:
        serials = conn.execute(text("select serial from packed_serials order by serial")).scalars().all()
    assert serials == ["SN0001", "SN0002"]


def test_a_restarted_station_resumes_the_open_order_with_every_accepted_scan(bench, station):
    station.scan("PS:BADGE:P-1001")
    station.scan("1002")
    station.scan(SOCKS_GTIN)
    station.scan(SOCKS_GTIN)
    station.repo.close()
    again = Station(bench.config, Repository(bench.engine), station.output)
    assert again.state.phase is Phase.PACKING and again.state.order.number == "1002"
    assert again.state.packed_units(1) == 2
    assert again.scan(MUG_GTIN).code == "all_items_packed"


def test_an_order_cancelled_upstream_stops_the_bench(bench, station):
    station.scan("PS:BADGE:P-1001")
    station.scan("1002")
    with bench.engine.begin() as conn:
        conn.execute(text("update orders set status='cancelled' where number='1002'"))
    stop = station.order_changed("1002")
    assert stop.code == "order_stopped" and station.state.phase is Phase.AWAITING_ORDER


def test_the_event_log_is_append_only(bench, station):
    station.scan("PS:BADGE:P-1001")
    with bench.engine.begin() as conn:
        for statement in ("update pack_events set type='x'", "delete from pack_events"):
            try:
                conn.execute(text(statement))
            except Exception as exc:  # noqa: BLE001 - the trigger's abort
                assert "append-only" in str(exc)
            else:
                raise AssertionError(f"{statement} was allowed")


def test_outcomes_serialise_to_one_json_object(station):
    outcome = station.scan("PS:BADGE:P-1001").as_json()
    assert json.loads(json.dumps(outcome))["phase"] == "awaiting_order"


def test_a_window_station_prints_the_slip_just_after_the_label_outcome_and_never_forgets_it(bench, station):
    """The window shows the label outcome first and asks for the slip in its next job; if that job
    never ran, the next input prints the slip before it does anything else."""
    station.defer_slips = True

    def slips() -> list[str]:
        return [job.reference for job in station.output.recent_jobs() if job.document == "slip"]

    station.scan("PS:BADGE:P-1001")
    station.scan("1001")
    station.scan(SOCKS_GTIN)
    assert station.scan("PS:CMD:CONFIRM").code == "order_packed"
    assert station.has_deferred and slips() == []
    assert station.run_deferred().feedback == [] and slips() == ["order 1001 slip"]
    assert not station.has_deferred

    station.scan("1002")  # the next order: its slip is owed when the scan after it arrives
    for line in station.state.order.lines:
        for _ in range(line.quantity):
            station.scan(line.sku)
    station.scan("PS:CMD:CONFIRM")
    assert station.has_deferred
    station.scan("PS:CMD:SIGN_OUT")  # not the slip job: the slip goes out first all the same
    assert slips() == ["order 1002 slip", "order 1001 slip"] and not station.has_deferred


def test_a_window_station_shows_the_label_step_first_and_draws_the_label_in_the_next_job(bench, station):
    """The window's station (defer_labels) answers CONFIRM as soon as its facts are on disk, the
    label owed as an intent; the next job draws and queues it, then the slip follows; the label's
    outcome continues the first (order_packed). An input before that job finishes the label first."""
    station.defer_slips = station.defer_labels = True

    def jobs(document: str) -> list[str]:
        return [job.reference for job in station.output.recent_jobs() if job.document == document]

    station.scan("PS:BADGE:P-1001")
    station.scan("1001")
    station.scan(SOCKS_GTIN)
    first = station.scan("PS:CMD:CONFIRM")
    assert "label_printed" not in first.facts and station.state.phase.value == "labelling"
    assert station.label_deferred and jobs("label") == []
    label = station.run_deferred()
    assert "label_printed" in label.facts and label.code == "order_packed" and label.state.phase.value == "done"
    assert jobs("label") and jobs("slip") == [] and station.has_deferred and not station.label_deferred
    station.run_deferred()
    assert jobs("slip") == ["order 1001 slip"] and not station.has_deferred

    station.scan("1002")
    for line in station.state.order.lines:
        for _ in range(line.quantity):
            station.scan(line.sku)
    station.scan("PS:CMD:CONFIRM")
    assert station.label_deferred
    assert station.scan("1003").code == "order_opened"  # the label and the slip of 1002 went first
    assert len(jobs("label")) == 2 and jobs("slip")[0] == "order 1002 slip"
