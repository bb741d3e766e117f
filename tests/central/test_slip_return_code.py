"""[returns] code_on_slip on networked stations: the slip's RMA is numbered from the warehouse's
central sequence, and its return code opens the return at another station's bench."""

from __future__ import annotations

from app.config import Config, ReturnsSettings
from app.domain.returns import ReturnRules
from app.returns.return_label import order_return_code
from app.returns.service import ReturnStation
from app.store.returns import ReturnsRepository


def slip_code(central, station, number: str) -> tuple[str, str]:
    """What PrinterOutput.print_slip puts on a networked station's slip."""
    config = Config(station=station.name, central=central.settings(station.name),
                    returns=ReturnsSettings(code_on_slip=True))
    return order_return_code(station.engine, number, config=config, station=station.name)


def test_slip_rmas_are_the_warehouses_and_open_the_return_at_another_station(central, make_station):
    """GIVEN S01 and S02 each packing an order, with code_on_slip
    WHEN their slips get return codes THEN the two RMAs come from the central sequence (never the
    same number), a reprint reuses the RMA, and after a sync S02's returns bench opens S01's
    order from the code on S01's slip"""
    first, second = central.seed(orders=2)
    s1, s2 = make_station("S01"), make_station("S02")
    for station in (s1, s2):
        station.sync()
    s1.sign_in()
    s2.sign_in()
    assert s1.pack(first) == "order_packed"
    assert s2.pack(second) == "order_packed"

    rma1, code1 = slip_code(central, s1, first)
    rma2, code2 = slip_code(central, s2, second)
    assert rma1 != rma2 and code1.startswith(f"PS:RETURN:{first}:")
    assert slip_code(central, s1, first) == (rma1, code1)  # a reprinted slip: the same code

    for _ in range(2):
        for station in (s1, s2):
            station.sync()
    repo = ReturnsRepository(s2.engine)
    try:
        found = repo.lookup(code1)
        assert (found.order_number, found.rma, found.problem) == (first, rma1, None)
        bench = ReturnStation(repo, station="S02", rules=ReturnRules())
        bench.scan("PS:BADGE:P-1001")
        assert bench.scan(code1).code == "return_opened"
        assert bench.state.rma == rma1
    finally:
        repo.close()
