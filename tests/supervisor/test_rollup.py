"""The roll-ups are only a faster way to the same figures: whatever the batch size, however
many supervisors refresh at once, and for any period, they agree with a plain reading of the log."""

from __future__ import annotations

import json
import random
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.store.models import PackEvent
from app.supervisor import rollup
from app.supervisor.periods import Period
from app.supervisor.vocabulary import ACCEPTED_SCANS, BREAK_AFTER_S, CLOSING, LIFECYCLE
from tests.supervisor.scenario import DAY, at


def oracle(engine, since: datetime, until: datetime) -> dict[int, tuple]:
    """Per packer (orders, units, scans, rejected, busy, idle) by walking every event in Python."""
    with engine.connect() as conn:
        rows = conn.execute(select(PackEvent.station, PackEvent.packer_id, PackEvent.type,
                                   PackEvent.at, PackEvent.payload).order_by(PackEvent.seq)).all()
    out: dict[int, list] = {}
    previous: dict[str, tuple] = {}
    for station, packer, kind, moment, payload in rows:
        moment = moment.replace(tzinfo=since.tzinfo)
        inside = since <= moment < until
        figures = out.setdefault(packer or 0, [0, 0, 0, 0, 0.0, 0.0])
        data = json.loads(payload)
        if inside:
            figures[0] += kind == "order_packed"
            figures[1] += data.get("units", 0) if kind == "item_packed" else 0
            figures[2] += kind in (*ACCEPTED_SCANS, "scan_rejected")
            figures[3] += kind == "scan_rejected"
        if kind in LIFECYCLE:
            before = previous.get(station)
            if inside and before is not None:
                gap = (moment - before[1]).total_seconds()
                if before[0] == "order_opened" and kind in CLOSING:
                    figures[4] += gap
                elif before[0] in ("signed_in", *CLOSING) and kind != "signed_in" and gap <= BREAK_AFTER_S:
                    figures[5] += gap
            previous[station] = (kind, moment)
    return {k: tuple(v) for k, v in out.items() if k and any(v)}


def from_rollups(service, since: datetime, until: datetime) -> dict[int, tuple]:
    result = service.productivity(Period(since, until), "packer")
    return {int(f.key): (f.orders, f.units, f.scans, f.rejected, f.busy_s, f.idle_s) for f in result.rows}


def same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        assert a[key][:4] == b[key][:4], key
        assert a[key][4:] == pytest.approx(b[key][4:], abs=1e-3), key


def test_any_period_agrees_with_a_plain_reading_of_the_log(service, engine):
    rng = random.Random(3)
    start = at("07:59:00")
    for _ in range(25):
        a = start + timedelta(seconds=rng.randint(0, 45 * 60))
        b = a + timedelta(seconds=rng.randint(1, 50 * 60))
        same(from_rollups(service, a, b), oracle(engine, a, b))


def buckets(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(rollup.sup_buckets).order_by(
            *rollup.sup_buckets.primary_key.columns))]


def test_small_batches_give_the_same_roll_ups_as_one_batch(service, engine, monkeypatch):
    service.refresh()
    whole = buckets(engine)
    with engine.begin() as conn:
        conn.execute(rollup.sup_state.update().values(value="0").where(rollup.sup_state.c.name == "version"))
    monkeypatch.setattr(rollup, "BATCH", 7)
    fresh = type(service)(engine)
    seen = []
    report = fresh.refresh(progress=lambda done, total: seen.append((done, total)))
    assert buckets(engine) == whole
    total = engine.connect().execute(select(func.count()).select_from(PackEvent)).scalar()
    assert report.events == total and seen[-1] == (total, total) and len(seen) > 5


def test_two_supervisors_refreshing_at_once_never_count_an_event_twice(service, engine, monkeypatch):
    monkeypatch.setattr(rollup, "BATCH", 5)
    errors = []

    def refresh() -> None:
        try:
            rollup.refresh(engine)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    rollup.ensure_tables(engine)
    threads = [threading.Thread(target=refresh) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with engine.connect() as conn:
        orders = conn.execute(select(func.sum(rollup.sup_buckets.c.orders))).scalar()
        cycles = conn.execute(select(func.count()).select_from(rollup.sup_cycles)).scalar()
    assert (orders, cycles) == (6, 6)


def test_new_events_are_in_the_next_view_without_any_rebuild(service, engine):
    period = Period(DAY, DAY + timedelta(days=1))
    assert service.productivity(period).total.rejected == 1
    from sqlalchemy import insert

    with engine.begin() as conn:
        conn.execute(insert(PackEvent.__table__).values(uuid="x-1", station="BENCH-1", packer_id=1, order_id=None,
                                                        type="scan_rejected", payload='{"code":"unknown_barcode"}',
                                                        at=at("09:00:00").replace(tzinfo=None)))
    assert service.pending() == 1
    assert service.productivity(period).total.rejected == 2
    assert service.pending() == 0
