"""`packstation central demo-data` on a networked warehouse: stock, returns and the wholesale order
at every bench, as a new user tries them."""

from __future__ import annotations

from app.config import Config
from app.domain import clock
from app.domain.returns import ReturnRules
from app.returns.demo import DEMO_SERIAL, LATE_RETURN_ORDER, RETURN_ORDER, RETURN_TRACKING, WHOLESALE_ORDER
from app.returns.networked import returns_repository
from app.returns.service import ReturnStation
from app.store.demo import demo_products
from app.sync.cli import main
from tests.central.test_stock import central_level_rows
from tests.central.test_warehouse_ledgers import levels, sync_all


def test_the_central_demo_gives_every_bench_stock_and_returns_to_take_back(central, make_station, capsys):
    assert main(["central", "demo-data", "--orders", "5", "--url", central.admin_url]) == 0
    out = capsys.readouterr().out
    assert f"stock for {len(demo_products())} SKUs" in out and "RMA-DEMO-1" in out and WHOLESALE_ORDER in out
    assert main(["central", "demo-data", "--orders", "1", "--url", central.admin_url]) == 0
    assert "stock already there" in capsys.readouterr().out  # a second run adds orders, not stock twice

    s1, s2 = make_station("S01"), make_station("S02")
    sync_all(s1, s2)
    assert +levels(s1) == +levels(s2) == +central_level_rows(central)
    assert len(+levels(s2)) == len(demo_products()) + 2

    repo = returns_repository(s2.engine, Config(station="S02", central=central.settings("S02")))
    try:
        found = repo.lookup(RETURN_TRACKING)  # the RMA's return tracking number, issued centrally
        assert (found.order_number, found.rma) == (RETURN_ORDER, "RMA-DEMO-1")
        bench = ReturnStation(repo, station="S02", rules=ReturnRules(window_days=30))
        bench.scan("PS:BADGE:P-1001")
        assert bench.scan(RETURN_TRACKING).code == "return_opened"
        assert bench.scan("EARBUD-WL-BLA").code == "serial_needed"
        assert bench.scan(DEMO_SERIAL).code == "grade_item"  # the serial the DEMO station shipped: no flag
        late, _ = repo.returnable_order(LATE_RETURN_ORDER)  # packed 60 days ago: past a 30-day window
        assert ReturnRules(window_days=30).is_late(late.shipped_at, clock.now())
    finally:
        repo.close()
