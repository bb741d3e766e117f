"""What a fact owes is written with it and carried out once: the window's deferred slip, a label
that cannot be drawn, a label that had to be shortened."""

from __future__ import annotations

import contextlib

from sqlalchemy import text

from app.domain.session import Phase
from app.printing import station_output
from app.station import Station
from app.store.repository import Repository
from printers import LabelError
from tests.support import SOCKS_GTIN


def jobs(bench, document: str) -> list[str]:
    with bench.engine.connect() as conn:
        return list(conn.execute(text("select reference from print_jobs where document = :d order by seq"),
                                 {"d": document}).scalars())


def owed(bench) -> list[str]:
    with bench.engine.connect() as conn:
        return list(conn.execute(text("select kind from effect_intents where state = 'owed' order by id")).scalars())


def pack_1001(station: Station) -> str:
    station.scan("PS:BADGE:P-1001")
    station.scan("1001")
    station.scan(SOCKS_GTIN)
    return station.scan("PS:CMD:CONFIRM").code


def test_a_window_s_deferred_slip_is_owed_in_the_database_and_the_next_start_prints_it_once(bench, station):
    """GIVEN a window's station (slips after the outcome) WHEN an order is packed and the process
    stops before the slip's job ran THEN the slip is owed in the database, the next start prints
    it, and the old station's late job prints nothing twice."""
    station.defer_slips = True
    assert pack_1001(station) == "order_packed"
    assert station.has_deferred and jobs(bench, "slip") == []
    assert owed(bench) == ["slip", "stock"]

    restarted = Station(bench.config, Repository(bench.engine), station_output(bench))
    assert jobs(bench, "slip") == ["order 1001 slip"] and owed(bench) == []
    assert restarted.state.phase is Phase.DONE
    assert station.run_deferred().feedback == [] and jobs(bench, "slip") == ["order 1001 slip"]
    assert restarted.scan("1002").code == "order_opened"  # the station takes the next order
    restarted.repo.close()


def test_a_label_step_cut_off_before_its_label_is_finished_at_the_next_start(bench, station):
    """GIVEN the label step's facts and its label intent committed WHEN the station stops before the
    label is queued (a crash) THEN the next start queues the label once, records it printed, packs
    the order and takes the next one."""
    station.scan("PS:BADGE:P-1001")
    station.scan("1001")
    station.scan(SOCKS_GTIN)
    station.output.print_label = lambda job: (_ for _ in ()).throw(SystemExit("power cut"))  # type: ignore
    with contextlib.suppress(SystemExit):
        station.scan("PS:CMD:CONFIRM")
    assert jobs(bench, "label") == [] and owed(bench) == ["label"]

    restarted = Station(bench.config, Repository(bench.engine), station_output(bench))
    assert restarted.state.phase is Phase.DONE
    assert jobs(bench, "label") == ["order 1001 box 1"] and jobs(bench, "slip") == ["order 1001 slip"]
    assert restarted.recovered is not None and "order_packed" in restarted.recovered.facts
    assert restarted.scan("1002").code == "order_opened"
    restarted.repo.close()


def test_a_label_that_cannot_be_drawn_tells_the_packer_to_hold_the_order(bench, station, monkeypatch):
    """GIVEN an order whose label cannot be drawn (the template or its data: printers raises
    LabelError) WHEN its label step comes THEN the packer is told what is wrong and to HOLD it for a
    supervisor (no traceback, nothing queued), HOLD puts it on the hold shelf, and the next order packs."""
    from printers import documents

    def broken(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise LabelError("ship_to.postcode", "the template has no place for it")

    monkeypatch.setattr(documents, "shipping_label", broken)
    outcome = station.scan("PS:BADGE:P-1001") and pack_1001(station)
    assert outcome == "label_cannot_be_made"
    said = station.scan("PS:CMD:REPRINT")  # trying again says the same: it cannot help
    assert said.code == "label_cannot_be_made"
    assert "ship_to.postcode" in said.message and "HOLD the order" in said.message
    assert jobs(bench, "label") == [] and owed(bench) == []
    assert station.scan("PS:CMD:HOLD").code == "order_held"
    monkeypatch.undo()
    station.scan("1002")
    for line in station.state.order.lines:
        for _ in range(line.quantity):
            station.scan(line.sku)
    assert station.scan("PS:CMD:CONFIRM").code == "order_packed"


def test_a_label_the_printers_had_to_shorten_says_so(bench, station, monkeypatch):
    """GIVEN a label build that reports shortened fields (printers' Label.shortened) WHEN the label
    prints THEN the outcome says "Label shortened" and names the fields, and the order is packed."""
    from printers import documents

    real = documents.shipping_label

    class Shortened:
        def __init__(self, label) -> None:  # noqa: ANN001
            self._label = label

        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(self._label, name)

        shortened = ("ship_to.name",)

    monkeypatch.setattr(documents, "shipping_label", lambda *a, **k: Shortened(real(*a, **k)))
    monkeypatch.setattr("printers.render_zpl", lambda label: b"^XA^XZ", raising=False)
    monkeypatch.setattr("printers.render_pdf", lambda label, title="": b"%PDF-1.4", raising=False)
    station.scan("PS:BADGE:P-1001")
    station.scan("1001")
    station.scan(SOCKS_GTIN)
    outcome = station.scan("PS:CMD:CONFIRM")
    assert outcome.code == "order_packed"
    shortened = [f for f in outcome.feedback if f.code == "label_shortened"]
    assert shortened and "Label shortened: ship_to.name" in shortened[0].message
