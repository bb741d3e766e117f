"""Demo data: a catalogue that scans, orders that only name real SKUs, repeatable seeding."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.domain.gtin import is_valid_gtin
from app.domain.scan import ScanKind, parse_scan
from app.store.demo import DemoSummary, demo_products, demo_users, seed_demo
from app.store.models import Barcode, Carton, Order, OrderLine, Product, User
from app.store.users import verify_pin
from tests.fixtures.station_db import station_database


@pytest.fixture
def sessions(tmp_path):
    engine, sessions = station_database(tmp_path)
    yield sessions
    engine.dispose()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One seeded station for the tests that only read it (seeding hashes two PINs: 0.1 s)."""
    engine, sessions = station_database(tmp_path_factory.mktemp("demo"))
    summary = seed_demo(sessions, orders=60, seed=7)
    yield sessions, summary
    engine.dispose()


def test_seeding_adds_the_catalogue_cartons_users_and_orders(seeded):
    """GIVEN an empty station
    WHEN demo data is seeded with 60 orders
    THEN about 60 products, 6 cartons, the 4 demo users and the 60 orders are added."""
    _, summary = seeded

    assert summary == DemoSummary(products=60, cartons=6, users=4, orders=60)
    assert str(summary) == "demo data added: 60 products, 6 cartons, 4 users, 60 orders"


def test_every_gtin_is_valid_and_scans_back_to_its_product(seeded):
    """GIVEN the demo catalogue
    WHEN each stored GTIN-14 is checked and its printed form (EAN-13 / UPC-A) parsed as a scan
    THEN every check digit is right and the scan yields the stored GTIN-14."""
    sessions, _ = seeded
    with sessions() as db:
        codes = db.scalars(select(Barcode.code)).all()
    gtins = [code for code in codes if code.isdigit()]
    assert len(gtins) >= 61  # one per product and the case of 6
    for gtin in gtins:
        assert len(gtin) == 14 and is_valid_gtin(gtin), gtin
        printed = gtin[2:] if gtin.startswith("00") else gtin[1:] if gtin.startswith("0") else gtin
        scan = parse_scan(printed)
        assert scan.kind is ScanKind.PRODUCT and gtin in scan.gtins, (printed, scan)
    lengths = Counter(len(g.lstrip("0")) for g in gtins if g.startswith("0"))
    assert lengths[13] > 40 and lengths[12] >= 4  # mostly EAN-13, a few UPC-A


def test_the_catalogue_has_serial_lot_and_case_products_with_sizes_and_bins(seeded):
    """GIVEN the demo catalogue
    THEN ~5 products need a serial, 1-2 a lot, one has a case barcode of 6, all have weight, size and bin."""
    sessions, _ = seeded
    with sessions() as db:
        products = db.scalars(select(Product)).all()
        cases = db.execute(select(Product.sku, Barcode.units).join(Barcode).where(Barcode.units > 1)).all()
    assert sum(p.requires_serial for p in products) == 5
    assert sum(p.requires_lot for p in products) in (1, 2)
    assert cases == [("SOCK-MER-CHA-M", 6)]
    assert all(p.weight_g > 0 and p.length_mm and p.width_mm and p.height_mm for p in products)
    assert all(p.bin_location and p.bin_location[0].isalpha() for p in products)
    assert any(p.name == "Merino Wool Socks — Charcoal, M" for p in products)


def test_every_order_line_names_an_existing_sku_and_orders_have_one_to_five_lines(seeded):
    """GIVEN the seeded orders
    THEN every line's product exists and every order has 1 to 5 lines."""
    sessions, _ = seeded
    with sessions() as db:
        per_order = dict(db.execute(select(OrderLine.order_id, func.count()).group_by(OrderLine.order_id)).all())
        orphans = db.scalar(select(func.count()).select_from(OrderLine).outerjoin(Product)
                            .where(Product.id.is_(None)))
        order_count = db.scalar(select(func.count()).select_from(Order))
    assert orphans == 0
    assert len(per_order) == order_count == 60
    assert set(per_order.values()) <= {1, 2, 3, 4, 5}


def test_orders_look_like_a_real_day(seeded):
    """GIVEN 60 seeded orders
    THEN numbers start at 1001, channels, countries and carriers vary, a Greek or Cyrillic name ships,
    and some orders have totes, gift messages and packing instructions."""
    sessions, _ = seeded
    with sessions() as db:
        orders = db.scalars(select(Order).order_by(Order.id)).all()
    assert [o.number for o in orders[:3]] == ["1001", "1002", "1003"]
    assert len({o.channel for o in orders}) >= 3
    assert len({o.ship_to_country for o in orders}) >= 4
    assert {o.carrier for o in orders} <= {"UPS", "USPS", "FedEx", "DHL"} and len({o.carrier for o in orders}) >= 3
    assert any(any("\u0370" <= ch <= "\u04ff" for ch in o.ship_to_name) for o in orders)
    totes = [o.tote for o in orders if o.tote]
    assert totes and totes[0] == "TOTE-0001" and len(set(totes)) == len(totes)
    assert any(o.gift_message for o in orders) and any(o.packing_instructions for o in orders)
    assert all(o.ship_by is not None and len(o.ship_to_country) == 2 for o in orders)


def test_demo_users_have_their_badges_and_pins(seeded):
    """GIVEN the seeded users
    THEN the badges on the demo sheet exist and supervisor and admin PINs verify."""
    sessions, _ = seeded
    with sessions() as db:
        users = {u.badge: u for u in db.scalars(select(User))}
    assert users["P-1001"].name == "Alex Packer" and users["P-1001"].role == "packer"
    assert "P-1002" in users
    assert users["S-2001"].name == "Sam Supervisor" and verify_pin("246810", users["S-2001"].pin_hash)
    assert users["A-3001"].role == "admin" and verify_pin("135790", users["A-3001"].pin_hash)
    assert {u.badge: u.pin for u in demo_users()} == {"P-1001": None, "P-1002": None, "S-2001": "246810",
                                                      "A-3001": "135790"}


def test_seeding_again_adds_new_orders_and_never_duplicates_the_rest(sessions):
    """GIVEN a seeded station
    WHEN seeded again with 5 orders
    THEN only 5 orders are added, numbered after the last; products, cartons and users stay as they were."""
    seed_demo(sessions, orders=60, seed=7)

    summary = seed_demo(sessions, orders=5, seed=7)

    assert summary == DemoSummary(products=0, cartons=0, users=0, orders=5)
    with sessions() as db:
        numbers = db.scalars(select(Order.number).order_by(Order.id)).all()
        counts = [db.scalar(select(func.count()).select_from(t)) for t in (Product, Carton, User)]
    assert numbers[-5:] == ["1061", "1062", "1063", "1064", "1065"]
    assert counts == [60, 6, 4]


def test_the_same_seed_gives_the_same_orders(tmp_path):
    """GIVEN two empty stations
    WHEN both are seeded with seed 7
    THEN their orders are the same."""
    def snapshot(name):
        engine, sessions = station_database(tmp_path, f"{name}.db")
        seed_demo(sessions, orders=10, seed=7)
        with sessions() as db:
            rows = db.execute(select(Order.number, Order.ship_to_name, Order.tote, Order.carrier)
                              .order_by(Order.number)).all()
        engine.dispose()
        return rows

    assert snapshot("a") == snapshot("b")


def test_demo_skus_are_unique():
    """GIVEN the demo catalogue definition
    THEN SKUs, GTINs and names are unique."""
    catalogue = demo_products()
    assert len(catalogue) == 60
    for attribute in ("sku", "gtin", "name"):
        assert len({getattr(p, attribute) for p in catalogue}) == 60, attribute


def test_seeding_is_one_transaction(sessions, monkeypatch):
    """GIVEN seeding that fails while adding orders (a crash on first start)
    WHEN the error is raised
    THEN no product, carton or user was left behind: the next start sees an empty database."""
    import app.store.demo as demo

    def boom(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo, "_seed_orders", boom)

    with pytest.raises(RuntimeError):
        seed_demo(sessions, orders=5)

    with sessions() as db:
        assert [db.scalar(select(func.count()).select_from(t)) for t in (Product, Carton, User)] == [0, 0, 0]
