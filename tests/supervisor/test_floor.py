"""The live floor, read from each station's latest events."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from app.domain import clock
from app.store.models import Order, PackEvent, PrintJob
from app.supervisor.floor import FloorHooks, Health
from app.supervisor.service import StatsService
from tests.supervisor.scenario import DAY, at

NOW = at("09:00:00")


def add(engine, station: str, kind: str, data: dict, when: datetime, packer: int | None = 1,
        number: str | None = None) -> None:
    with engine.begin() as conn:
        order_id = conn.execute(select(Order.id).where(Order.number == number)).scalar() if number else None
        conn.execute(insert(PackEvent.__table__).values(uuid=str(uuid.uuid4()), station=station, packer_id=packer,
                                                        order_id=order_id, type=kind, payload=json.dumps(data),
                                                        at=when.replace(tzinfo=None)))


def stations(service: StatsService, **kwargs) -> dict:
    snapshot = service.floor(now=NOW)
    assert snapshot.query_ms < 1000
    return {s.station: s for s in snapshot.stations}


def test_after_the_shift_both_benches_are_signed_out_with_their_last_activity(service):
    floor = stations(service)
    assert [(s.state, s.level, s.packer) for s in floor.values()] == [("Signed out", "off", None)] * 2
    assert floor["BENCH-2"].last_activity == at("08:42:00")
    assert floor["BENCH-1"].printer.text.startswith("OK")


def test_a_bench_shows_who_packs_which_order_and_since_when(service, engine):
    add(engine, "BENCH-1", "signed_in", {"user_id": 1, "name": "Alex Packer", "role": "packer"},
        at("08:50:00"), packer=None)
    waiting = stations(service)["BENCH-1"]
    assert (waiting.packer, waiting.state, waiting.level, waiting.order) == (
        "Alex Packer", "Waiting for an order", "idle", None)
    add(engine, "BENCH-1", "order_opened", {"number": "1002"}, at("08:55:00"), number="1002")
    add(engine, "BENCH-1", "item_packed", {"sku": "SOCK-M", "units": 1}, at("08:56:00"), number="1002")
    packing = stations(service)["BENCH-1"]
    assert (packing.state, packing.level, packing.order, packing.order_opened_at) == (
        "Packing", "ok", "1002", at("08:55:00"))
    assert packing.idle_for(NOW) == 240


def test_a_bench_that_needs_a_supervisor_or_lost_its_printer_is_an_alert(service, engine):
    add(engine, "BENCH-2", "signed_in", {"user_id": 3, "name": "Priya Patel"}, at("08:50:00"), packer=None)
    add(engine, "BENCH-2", "order_opened", {"number": "1002"}, at("08:51:00"), packer=3, number="1002")
    add(engine, "BENCH-2", "verification_failed", {"missing": {"MUG-1": 1}}, at("08:52:00"), packer=3,
        number="1002")
    assert stations(service)["BENCH-2"].state == "Items missing: needs a supervisor"
    add(engine, "BENCH-2", "print_failed", {"box": 1, "message": "Printer out of labels."}, at("08:53:00"), packer=3,
        number="1002")
    bench = stations(service)["BENCH-2"]
    assert (bench.state, bench.level) == ("Label did not print", "alert")
    assert bench.printer.level == "alert" and "Printer out of labels." in bench.printer.text


def test_orders_today_count_from_local_midnight(service):
    snapshot = service.floor(now=NOW)
    assert {s.station: s.orders_today for s in snapshot.stations} == {"BENCH-1": 4, "BENCH-2": 2}
    later = service.floor(now=DAY + timedelta(days=2))
    assert {s.orders_today for s in later.stations} == {0}


def test_printer_queues_come_from_the_print_jobs(service, engine):
    with engine.begin() as conn:
        conn.execute(insert(PrintJob.__table__).values(uuid="j-1", printer="tcp://10.0.0.9:9100", document="label",
                                                       format="zpl", reference="order 1002 box 1", data=b"",
                                                       state="failed", attempts=3, last_error="connection refused",
                                                       created_at=NOW, updated_at=NOW))
    printers = {p.printer: p for p in service.floor(now=NOW).printers}
    failing = printers["tcp://10.0.0.9:9100"]
    assert (failing.failed, failing.last_error, failing.level) == (1, "connection refused", "alert")


def test_device_health_and_the_offline_flag_come_from_hooks(engine):
    hooks = FloorHooks(device_health=lambda station: Health("Scale unplugged", "alert") if station == "BENCH-2"
                       else None, offline=lambda station, seen, last: station == "BENCH-1")
    floor = {s.station: s for s in StatsService(engine, hooks=hooks).floor(now=clock.now()).stations}
    assert floor["BENCH-2"].device.text == "Scale unplugged" and floor["BENCH-1"].device is None
    assert (floor["BENCH-1"].offline, floor["BENCH-2"].offline) == (True, False)
