"""SSCCs come from one central sequence: unique across every station of the warehouse."""

from __future__ import annotations

import threading

import psycopg
import pytest

from app.domain.bulk import CartonItem
from app.domain.gtin import sscc_is_valid
from app.store.bulk import SsccUnavailable, build_pallet, load_shipment, pack_carton
from app.sync.pg import connect
from app.sync.sequences import RETRY_AFTER_S, CentralSerials, SequenceUnavailable, allocate
from tests.central.pgcluster import free_port

PREFIX = "9506000"  # 7 digits: 9 digits of serial reference
SKU = "SKU-00001"


def gs1_check_digit_ok(code: str) -> bool:
    """Decoded here on purpose, not with the code under test: weights 3,1,3,... from the right."""
    body, check = code[:-1], int(code[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def wholesale_orders(central, units: dict[str, int]) -> None:
    """Wholesale orders of SKU-00001 in the central database, to be pulled by the stations."""
    central.seed(orders=0, products=2)
    with central.connect() as conn:
        for number, qty in units.items():
            conn.execute("INSERT INTO orders (number, channel, ship_to_name, ship_to_line1, ship_to_city, "
                         "ship_to_postcode, ship_to_country, carrier, service_level, ship_by, priority) "
                         "VALUES (%s, 'Wholesale', 'Buyer', '1 Dock', 'Town', '12345', 'US', 'UPS', 'Freight', "
                         "current_date, 0)", (number,))
            conn.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity) "
                         "SELECT o.id, 1, p.id, %s FROM orders o, products p WHERE o.number = %s AND p.sku = %s",
                         (qty, number, SKU))


def networked(make_station, name: str):
    station = make_station(name)
    station.sync()
    return station


class Switch:
    """A connection factory that can be cut off: offline, it dials a port nobody listens on."""

    def __init__(self, station) -> None:
        self.station = station
        self.down = False
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.down:
            return psycopg.connect(f"postgresql://nobody@127.0.0.1:{free_port()}/none", connect_timeout=2)
        return self.station.central.connect("sequences")


def test_two_stations_build_200_cartons_on_5_pallets_with_unique_ssccs(central, make_station):
    """GIVEN two networked stations (two station roles, two SQLite databases) and a wholesale
    order of 100 units each
    WHEN both pack one unit per carton at the same time (100 cartons each, each in its own
    transaction), then put them on pallets (3 at S01, 2 at S02)
    THEN 200 cartons and 5 pallets carry 205 different SSCCs: 18 digits, the extension digit
    and company prefix, a valid check digit, taken from the central sequence (S02 reserving
    blocks of 10 ahead, S01 one at a time)"""
    wholesale_orders(central, {"W-S01": 100, "W-S02": 100})
    stations = {name: networked(make_station, name) for name in ("S01", "S02")}
    plans = {"S01": ("W-S01", 40, CentralSerials(lambda: stations["S01"].central.connect("sequences"))),
             "S02": ("W-S02", 50, CentralSerials(lambda: stations["S02"].central.connect("sequences"), reserve=10))}
    start = threading.Barrier(len(plans))
    built: dict[str, tuple[list[str], list[str]]] = {}
    errors: list[BaseException] = []

    def work(name: str) -> None:
        number, per_pallet, source = plans[name]
        engine = stations[name].engine
        try:
            start.wait(timeout=30)
            cartons = []
            for _ in range(100):
                with engine.begin() as conn:
                    _, carton = pack_carton(conn, load_shipment(conn, number), [CartonItem(SKU, 1)],
                                            company_prefix=PREFIX, extension_digit=4, station=name,
                                            sscc_source=source)
                cartons.append(carton.sscc)
            pallets = []
            for first in range(0, len(cartons), per_pallet):
                with engine.begin() as conn:
                    _, pallet = build_pallet(conn, load_shipment(conn, number), cartons[first:first + per_pallet],
                                             company_prefix=PREFIX, extension_digit=4, station=name,
                                             sscc_source=source)
                pallets.append(pallet.sscc)
            built[name] = (cartons, pallets)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(name,)) for name in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    cartons = [sscc for name in plans for sscc in built[name][0]]
    pallets = [sscc for name in plans for sscc in built[name][1]]
    assert (len(cartons), len(pallets)) == (200, 5)
    assert [len(built[name][1]) for name in plans] == [3, 2]
    everything = cartons + pallets
    assert len(set(everything)) == 205  # unique across both stations
    for sscc in everything:
        assert len(sscc) == 18 and sscc.isdigit(), sscc
        assert gs1_check_digit_ok(sscc) and sscc_is_valid(sscc), sscc
        assert sscc[0] == "4" and sscc[1:8] == PREFIX, sscc
    # Every serial reference came from the one central sequence, none from a station's own.
    issued = central.value("SELECT last_value FROM ps_seq_sscc")
    assert all(1 <= int(sscc[8:17]) <= issued for sscc in everything)
    assert issued <= 205 + 10  # S02 holds at most its reserve ahead
    for name, station in stations.items():
        ssccs = {row[0] for row in station.local("SELECT sscc FROM logistic_units")}
        assert ssccs == set(built[name][0]) | set(built[name][1])
        assert station.local("SELECT next_value FROM sequences WHERE name = 'sscc'") in ([], [(1,)])  # untouched


def test_a_station_role_may_only_take_the_next_value(central):
    """GIVEN a station's role WHEN it takes nextval THEN it gets one; WHEN it tries to reset,
    alter, drop or set the sequence THEN PostgreSQL refuses (only the admin owns it)."""
    conn = connect(central.settings("S01"), purpose="test")
    first = conn.execute("SELECT nextval('ps_seq_sscc')").fetchone()[0]
    assert conn.execute("SELECT nextval('ps_seq_sscc')").fetchone()[0] == first + 1
    for statement in ("SELECT setval('ps_seq_sscc', 1)", "SELECT setval('ps_seq_sscc', 1, false)",
                      "ALTER SEQUENCE ps_seq_sscc RESTART WITH 1", "ALTER SEQUENCE ps_seq_sscc INCREMENT BY 0",
                      "ALTER SEQUENCE ps_seq_sscc MINVALUE -100 RESTART WITH -100", "ALTER SEQUENCE ps_seq_sscc CYCLE",
                      "ALTER SEQUENCE ps_seq_sscc OWNER TO CURRENT_USER", "DROP SEQUENCE ps_seq_sscc",
                      "SELECT setval('ps_seq_rma', 1)"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    conn.execute("GRANT UPDATE ON SEQUENCE ps_seq_sscc TO PUBLIC")  # only a warning: "no privileges were granted"
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT setval('ps_seq_sscc', 1)")
    assert conn.execute("SELECT nextval('ps_seq_sscc')").fetchone()[0] == first + 2
    assert central.value("SELECT last_value FROM ps_seq_sscc") == first + 2


def test_allocate_takes_a_block_in_one_call_and_never_twice(central):
    central.add_station("S01")
    settings = central.settings("S01")
    block = allocate(lambda: connect(settings, purpose="test"), "sscc", 25)
    again = allocate(lambda: connect(settings, purpose="test"), "sscc", 5)
    assert len(set(block + again)) == 30 and max(block) < min(again)
    with pytest.raises(ValueError, match="unknown sequence"):
        allocate(lambda: connect(settings, purpose="test"), "invoices", 1)


def test_an_offline_station_refuses_an_sscc_and_builds_nothing(central, make_station):
    """GIVEN a networked station with no reserve WHEN the central database is out of reach
    THEN closing a carton is refused with a clear message, and nothing was stored"""
    wholesale_orders(central, {"W-S01": 5})
    station = networked(make_station, "S01")
    link = Switch(station)
    serials = CentralSerials(link)
    link.down = True
    with pytest.raises(SsccUnavailable, match="No SSCC while offline"), station.engine.begin() as conn:
        pack_carton(conn, load_shipment(conn, "W-S01"), [CartonItem(SKU, 1)], company_prefix=PREFIX,
                    sscc_source=serials)
    assert station.local("SELECT count(*) FROM logistic_units") == [(0,)]
    with pytest.raises(SequenceUnavailable):
        allocate(link, "sscc", 1)
    link.down = False
    with station.engine.begin() as conn:
        _, carton = pack_carton(conn, load_shipment(conn, "W-S01"), [CartonItem(SKU, 1)], company_prefix=PREFIX,
                                sscc_source=serials)
    assert int(carton.sscc[8:17]) == central.value("SELECT last_value FROM ps_seq_sscc")


def test_an_offline_station_uses_only_the_values_it_reserved_ahead(central, make_station):
    """GIVEN a station keeping 4 values in reserve WHEN the link drops THEN it builds cartons from
    its reserve (never a number of its own) and refuses once the reserve is used up"""
    wholesale_orders(central, {"W-S01": 10})
    station = networked(make_station, "S01")
    link = Switch(station)
    serials = CentralSerials(link, reserve=4)

    def carton() -> str:
        with station.engine.begin() as conn:
            return pack_carton(conn, load_shipment(conn, "W-S01"), [CartonItem(SKU, 1)], company_prefix=PREFIX,
                               sscc_source=serials)[1].sscc

    online = carton()  # takes 1 + 4 ahead
    with station.engine.connect() as conn:
        assert serials.reserved(conn) == 4
    link.down = True
    offline = [carton() for _ in range(4)]
    with pytest.raises(SsccUnavailable, match="only 0 reserved here"):
        carton()
    issued = central.value("SELECT last_value FROM ps_seq_sscc")
    serial_refs = [int(s[8:17]) for s in [online, *offline]]
    assert len(set(serial_refs)) == 5 and max(serial_refs) <= issued == 5
    assert station.local("SELECT count(*) FROM logistic_units") == [(5,)]


def test_through_an_outage_the_reserve_is_topped_up_once_per_retry_period_not_on_every_call(central, make_station):
    """GIVEN a station keeping 6 values ahead WHEN the link drops THEN it dials the central
    database once when its reserve runs low, then not again for RETRY_AFTER_S (a dead server can
    take the connect timeout every time), while the values it holds still serve"""
    wholesale_orders(central, {"W-S01": 10})
    station = networked(make_station, "S01")
    link, now = Switch(station), [0.0]
    serials = CentralSerials(link, reserve=6, clock=lambda: now[0])

    def carton() -> None:
        with station.engine.begin() as conn:
            pack_carton(conn, load_shipment(conn, "W-S01"), [CartonItem(SKU, 1)], company_prefix=PREFIX,
                        sscc_source=serials)

    carton()  # online: 1 + 6 ahead
    link.down, link.calls = True, 0
    for _ in range(5):
        carton()
    assert link.calls == 1  # the one top-up try when the reserve fell below half
    now[0] += RETRY_AFTER_S
    carton()
    assert link.calls == 2
    with pytest.raises(SsccUnavailable, match="only 0 reserved here"):
        carton()  # nothing held: it must ask, and says why it cannot


def test_a_networked_station_never_falls_back_to_its_own_sequence(central, make_station):
    """GIVEN a station that has talked to a central database WHEN a carton is closed without the
    central source THEN it is refused: a local number could repeat another station's"""
    wholesale_orders(central, {"W-S01": 1})
    station = networked(make_station, "S01")
    with pytest.raises(SsccUnavailable, match="central sequence"), station.engine.begin() as conn:
        pack_carton(conn, load_shipment(conn, "W-S01"), [CartonItem(SKU, 1)], company_prefix=PREFIX)
    assert station.local("SELECT count(*) FROM logistic_units") == [(0,)]
