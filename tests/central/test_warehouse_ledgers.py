"""The warehouse's stock and returns at every bench: each station pulls the others' stock
movements and return events back from the central database."""

from __future__ import annotations

from collections import Counter

from app.config import Config
from app.domain.returns import ReturnRules
from app.returns.networked import returns_repository
from app.returns.service import ReturnStation
from app.store.inventory import StockReader, receive
from app.store.returns import ReturnsRepository
from app.sync.ledgers import PULL_RETURNS, PULL_STOCK
from app.sync.local import write_state, write_transaction
from tests.central.test_stock import central_level_rows, order_skus


def levels(station) -> Counter:
    return Counter({(sku, b): n for sku, b, n in station.local("SELECT sku, bin, on_hand FROM stock_levels")})


def ledger_sums(station) -> Counter:
    return Counter({(sku, b): n for sku, b, n in station.local(
        "SELECT sku, bin, sum(delta) FROM stock_movements GROUP BY 1, 2")})


def sync_all(*stations) -> None:
    """Two rounds each: what one station pushed in the first is pulled by the others in the second."""
    for _ in range(2):
        for station in stations:
            station.sync()


def returns_repo(central, station) -> ReturnsRepository:
    """The returns store as a networked bench builds it: RMA numbers and shipments from the central database."""
    return returns_repository(station.engine, Config(station=station.name, central=central.settings(station.name)))


def test_every_station_sees_the_warehouse_stock_each_movement_counted_once(central, make_station):
    """GIVEN stock received at S01 and S02 and orders packed at both
    WHEN they sync
    THEN each station's levels equal the central levels and the sum of its own ledger; each
    station pushed only what it recorded; forgetting the pull cursor adds nothing twice"""
    numbers = central.seed(orders=3)
    skus = order_skus(central, numbers)
    s1, s2 = make_station("S01"), make_station("S02")
    sync_all(s1, s2)
    with s1.engine.begin() as conn:
        for sku in skus:
            receive(conn, sku, "A-01", 5, user_id=None, reference="PO-1", station="S01")
    with s2.engine.begin() as conn:
        for sku in skus:
            receive(conn, sku, "B-02", 4, user_id=None, reference="PO-2", station="S02")
    s1.sign_in()
    s2.sign_in()
    assert s1.pack(numbers[0]) == "order_packed"
    assert s2.pack(numbers[1]) == "order_packed"

    sync_all(s1, s2)

    warehouse = central_level_rows(central)
    assert +warehouse == +levels(s1) == +levels(s2)
    for station in (s1, s2):
        assert +ledger_sums(station) == +levels(station)
        pulled = station.local("SELECT DISTINCT station FROM stock_movements WHERE central_id IS NOT NULL")
        assert pulled == [("S02" if station is s1 else "S01",)]
    own = sum(s.local("SELECT count(*) FROM stock_movements WHERE central_id IS NULL")[0][0] for s in (s1, s2))
    assert central.value("SELECT count(*) FROM stock_movements") == own
    reader = StockReader(s1.engine)
    try:  # the bench's stock screen: both stations' bins
        assert set(reader.stock(skus[0]).bins) == {"A-01", "B-02"}
    finally:
        reader.close()

    with write_transaction(s1.engine) as conn:
        write_state(conn, PULL_STOCK, "0:0")
    s1.sync()
    assert +levels(s1) == +warehouse and +ledger_sums(s1) == +warehouse


def test_an_rma_issued_at_one_bench_opens_the_return_at_another_and_both_see_it_closed(central, make_station):
    """GIVEN order packed at S01, stock kept, and an RMA issued at S01 (number from the central sequence)
    WHEN the parcel comes back to S02, whose packer scans the return label's QR code and restocks a unit
    THEN S02 knew the RMA; S01 sees the return, its item and the RMA received; the restock is in
    every station's stock once; each bench's refunds list only its own; RMA numbers never repeat"""
    numbers = central.seed(orders=2)
    s1, s2 = make_station("S01"), make_station("S02")
    sync_all(s1, s2)
    skus = order_skus(central, [numbers[0]])
    with s1.engine.begin() as conn:
        for sku in skus:
            receive(conn, sku, "A-01", 5, user_id=None, reference="PO-1", station="S01")
    s1.sign_in()
    assert s1.pack(numbers[0]) == "order_packed"
    sync_all(s1, s2)

    repo1, repo2 = returns_repo(central, s1), returns_repo(central, s2)
    try:
        rma = repo1.issue_rma(numbers[0], reason="too small", station="S01")
        other = repo2.issue_rma(numbers[1], reason="changed mind", station="S02")
        assert rma.rma != other.rma  # one warehouse, one RMA numbering
        sync_all(s1, s2)

        assert repo2.lookup(rma.qr_payload).rma == rma.rma
        bench2 = ReturnStation(repo2, station="S02", rules=ReturnRules(window_days=30))
        assert bench2.scan("PS:BADGE:P-1001").code == "signed_in"
        assert bench2.scan(rma.qr_payload).code == "return_opened"
        assert bench2.scan(skus[0]).code == "grade_item"
        assert bench2.scan("PS:GRADE:RESELLABLE").code == "dispose_item"
        assert bench2.scan("PS:BIN:R-01").code == "item_returned"
        assert bench2.scan("PS:CMD:COMPLETE").code == "return_closed"
        sync_all(s1, s2)

        (seen,) = repo1.returns()
        assert (seen["order_number"], seen["rma"], seen["station"], seen["status"]) == (
            numbers[0], rma.rma, "S02", "closed")
        assert [i.sku for i in repo1.items_of(seen["number"])] == [skus[0]]
        assert s1.local("SELECT status FROM return_authorizations WHERE rma = :r", {"r": rma.rma}) == [("received",)]
        assert s1.local("SELECT on_hand FROM stock_levels WHERE sku = :s AND bin = 'R-01'", {"s": skus[0]}) == [(1,)]
        assert +levels(s1) == +levels(s2) == +central_level_rows(central)
        assert [e.data["number"] for e in repo2.refunds_since(0)] == [seen["number"]]
        assert repo1.refunds_since(0) == []
        assert central.value("SELECT count(DISTINCT station) FROM return_events") == 2

        # S01's bench now expects that unit no more: a second return of it is over the shipped count.
        order, _ = repo1.returnable_order(numbers[0])
        assert {line.sku: line.returned_before for line in order.lines}[skus[0]] == 1

        # Pulling everything again adds nothing twice.
        with write_transaction(s1.engine) as conn:
            write_state(conn, PULL_RETURNS, "0:0")
        before = s1.local("SELECT count(*) FROM return_events")
        s1.sync()
        assert s1.local("SELECT count(*) FROM return_events") == before
        assert len(repo1.returns()) == 1
    finally:
        repo1.close()
        repo2.close()


def test_a_return_number_two_offline_benches_both_gave_out_is_kept_apart(central, make_station):
    """GIVEN order packed at S01, returned twice (two parcels) at S01 and at S02 before either synced
    THEN each keeps its own return, the other's arrives as "<number>@<station>", nothing is lost"""
    numbers = central.seed(orders=1)
    s1, s2 = make_station("S01"), make_station("S02")
    sync_all(s1, s2)
    s1.sign_in()
    assert s1.pack(numbers[0]) == "order_packed"
    sync_all(s1, s2)
    sku = order_skus(central, numbers)[0]
    repos = [ReturnsRepository(s.engine) for s in (s1, s2)]
    try:
        for station, repo in zip((s1, s2), repos, strict=True):
            bench = ReturnStation(repo, station=station.name, rules=ReturnRules(window_days=30))
            bench.scan("PS:BADGE:P-1001")
            assert bench.scan(numbers[0]).code == "return_opened"
            bench.scan(sku)
            bench.scan("PS:GRADE:RESELLABLE")
            bench.scan("PS:DISPOSE:QUARANTINE")
            assert bench.scan("PS:CMD:COMPLETE").code == "return_closed"
        sync_all(s1, s2)
        first = f"{numbers[0]}-R1"
        assert sorted(r["number"] for r in repos[0].returns()) == [first, f"{first}@S02"]
        assert sorted(r["number"] for r in repos[1].returns()) == [first, f"{first}@S01"]
        assert all(len(repo.items_of(r["number"])) == 1 for repo in repos for r in repo.returns())
    finally:
        for repo in repos:
            repo.close()


def test_a_supervisor_user_maps_by_name_on_pulled_rows(central, make_station):
    """Local user ids differ between stations: a pulled row names its user by name."""
    central.seed(orders=0, products=1)
    s1, s2 = make_station("S01"), make_station("S02")
    sync_all(s1, s2)
    sam = s1.local("SELECT id FROM users WHERE name = 'Sam Supervisor'")[0][0]
    with s1.engine.begin() as conn:
        receive(conn, "SKU-00001", "A-01", 2, user_id=sam, reference="PO-9", station="S01")
    sync_all(s1, s2)
    sam_at_s2 = s2.local("SELECT id FROM users WHERE name = 'Sam Supervisor'")[0][0]
    assert s2.local("SELECT user_id, station FROM stock_movements WHERE reference = 'PO-9'") == [(sam_at_s2, "S01")]


def test_a_serial_packed_at_one_station_is_checked_at_the_returns_bench_of_another(central, make_station):
    """GIVEN phone order 900001 packed at S01 with serial SN-1
    WHEN it comes back to S02's returns bench with SN-1 and an SN-9 that never shipped
    THEN S02 accepts SN-1 as shipped (from the central database) and flags SN-9"""
    central.seed(orders=0, products=1)
    with central.connect() as conn:
        conn.execute("INSERT INTO products (sku, name, weight_g, requires_serial) "
                     "VALUES ('PHONE-1', 'Phone', 300, true)")
        conn.execute("INSERT INTO orders (number, channel, ship_to_name, ship_to_line1, ship_to_city, "
                     "ship_to_postcode, ship_to_country, carrier, service_level, ship_by, priority) "
                     "VALUES ('900001', 'Shopify', 'Ann', '1 Road', 'Town', '12345', 'US', 'UPS', 'Ground', "
                     "current_date, 0)")
        conn.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity) SELECT o.id, 1, p.id, 2 "
                     "FROM orders o, products p WHERE o.number = '900001' AND p.sku = 'PHONE-1'")
    s1, s2 = make_station("S01"), make_station("S02")
    sync_all(s1, s2)
    s1.sign_in()
    packer = s1.station()
    assert packer.scan("900001").code == "order_opened"
    for serial in ("SN-1", "SN-2"):
        assert packer.scan("PHONE-1").code == "serial_needed"
        assert packer.scan(serial).code in ("item_packed", "all_items_packed")
    assert packer.scan("PS:CMD:CONFIRM").code == "order_packed"
    sync_all(s1, s2)

    repo = returns_repo(central, s2)
    try:
        order, problem = repo.returnable_order("900001")
        assert problem is None and {(line.sku, line.shipped) for line in order.lines} == {("PHONE-1", 2)}
        assert order.shipped_serials == {("PHONE-1", "SN-1"), ("PHONE-1", "SN-2")}
        assert order.shipped_at is not None  # the return window counts from S01's packing
        bench = ReturnStation(repo, station="S02", rules=ReturnRules(window_days=30))
        bench.scan("PS:BADGE:P-1001")
        assert bench.scan("900001").code == "return_opened"
        assert bench.scan("PHONE-1").code == "serial_needed"
        assert bench.scan("SN-1").code == "grade_item"
        bench.scan("PS:GRADE:RESELLABLE")
        assert bench.scan("PS:BIN:R-01").code == "item_returned"
        assert bench.scan("PHONE-1").code == "serial_needed"
        assert bench.scan("SN-9").code == "item_flagged"
    finally:
        repo.close()

    # Out of reach: the bench still opens the return, against the order's lines.
    offline = returns_repository(s2.engine, Config(station="S02", central=central.settings(
        "S02", url="postgresql://ps_s02@127.0.0.1:1/none")))
    try:
        order, problem = offline.returnable_order("900001")
        assert problem is None and {(line.sku, line.shipped) for line in order.lines} == {("PHONE-1", 2)}
        assert order.shipped_serials == frozenset()
    finally:
        offline.close()
