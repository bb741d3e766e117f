"""The label buyer on rate cards and mixed sources: self-printed labels, customs, fallbacks, double clicks."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from app.shipping.buyer import LabelBuyer
from app.shipping.customs import CustomsCatalogue, CustomsData
from app.shipping.easypost_source import EasyPostSource
from app.shipping.errors import CarrierUnavailable, CustomsDataMissing, ShippingNotConfigured
from app.shipping.records import LabelRecords
from app.shipping.rules import ShippingRules
from app.store import models as t
from tests.shipping.conftest import SHIP_FROM, TODAY, new_parcel


@pytest.fixture
def buyer(engine, cards, rules):
    return LabelBuyer(engine, [cards], rules, ship_from=SHIP_FROM, today=lambda: TODAY)


def test_rate_cards_choose_and_the_station_prints_its_own_label(buyer, repo):
    """GIVEN only rate cards WHEN order 1001 (UPS Ground, box M, 900 g) is labelled
    THEN the cheapest service within 5 days is chosen offline, recorded with what it beat, and no label file is
    returned: the station prints its own with this carrier and service."""
    parcel = new_parcel(repo)
    label = buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, "M")  # a carton code, as LabelJob has it

    assert label.self_printed and label.tracking_number is None
    assert (label.carrier, label.service) == ("USPS", "Ground Advantage")
    assert label.rate == Decimal("8.19")  # 900 g = 1.98 lb -> 2 lb, zone 4 and len(label.beaten_rates) > 10
    assert all(r.amount >= label.rate or r.transit_days > 5 or r.key.startswith("DHL eCommerce/Bounded")
               for r in label.beaten_rates)
    record = LabelRecords(buyer.engine).current(parcel)
    assert record.state == "bought" and "promise: service level 'Ground'" in record.choice_reason
    assert repo.parcels_of("1001")[0]["service_level"] == "Ground Advantage"


def test_no_weight_means_the_expected_weight(buyer, repo):
    parcel = new_parcel(repo, weight_g=None)
    buyer.buy(repo.order_by_number("1001"), parcel, 1, None, repo.cartons()[1])
    assert LabelRecords(buyer.engine).current(parcel) is not None
    with buyer.engine.connect() as conn:
        from sqlalchemy import select

        from app.store.shipping_models import ShippingLabel
        weight = conn.execute(select(ShippingLabel.weight_g)).scalar_one()
    assert weight == 80 + 250  # one pair of socks and the empty box M


def test_double_click_from_two_threads_buys_once(engine, repo, easypost, rules):
    """GIVEN two label requests for one parcel at the same moment THEN one purchase, the same label twice."""
    source = EasyPostSource(easypost.api_key, base_url=easypost.base_url, timeout_s=5)
    buyer = LabelBuyer(engine, [source], rules, ship_from=SHIP_FROM, today=lambda: TODAY)
    parcel = new_parcel(repo)
    order = repo.order_by_number("1001")
    results = []

    def click():
        results.append(buyer.buy(order, parcel, 1, 900, None).tracking_number)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(results) == 2 and results[0] == results[1]
    assert easypost.purchases == 1


def test_a_parcel_abroad_without_customs_data_is_set_aside(buyer, db, repo):
    """GIVEN an order to Germany whose SKU has no customs data THEN the packer is told which SKU and what to do."""
    engine, sessions = db
    with sessions.begin() as s:
        order = s.query(t.Order).filter_by(number="1002").one()
        order.ship_to_country, order.ship_to_postcode, order.ship_to_city = "DE", "10435", "Berlin"
    parcel = new_parcel(repo, "1002")
    with pytest.raises(CustomsDataMissing) as caught:
        buyer.buy(repo.order_by_number("1002"), parcel, 1, 900, None)
    assert "MUG-1, SOCK-M" in caught.value.packer_message and "ask the office" in caught.value.packer_message

    CustomsCatalogue(engine).save([
        CustomsData("SOCK-M", "Merino wool socks", "611595", "PT", Decimal("12.00"), "USD"),
        CustomsData("MUG-1", "Stoneware mug", "691200", "GB", Decimal("18.50"), "USD")])
    label = buyer.buy(repo.order_by_number("1002"), parcel, 1, 900, None)
    assert label.carrier in ("DHL", "UPS", "FedEx", "USPS", "DHL eCommerce")


def test_offline_fallback_rates_with_the_cards_when_the_api_is_down(engine, repo, easypost, cards):
    """GIVEN EasyPost down and the rules allowing fallback THEN the cards choose and the station prints its own."""
    easypost.fault("create", "503")
    source = EasyPostSource(easypost.api_key, base_url=easypost.base_url, timeout_s=1)
    strict = LabelBuyer(engine, [source, cards], ShippingRules(), ship_from=SHIP_FROM, today=lambda: TODAY)
    with pytest.raises(CarrierUnavailable):
        strict.buy(repo.order_by_number("1001"), new_parcel(repo), 1, 900, None)

    easypost.fault("create", "503")
    lenient = LabelBuyer(engine, [source, cards], ShippingRules(offline_fallback=True), ship_from=SHIP_FROM,
                         today=lambda: TODAY)
    label = lenient.buy(repo.order_by_number("1001"), new_parcel(repo), 1, 900, None)
    assert label.self_printed and label.source == "rate_cards"


def test_no_ship_from_is_a_supervisor_matter(engine, cards, rules, repo):
    buyer = LabelBuyer(engine, [cards], rules, ship_from={}, today=lambda: TODAY)
    with pytest.raises(ShippingNotConfigured, match="ship-from"):
        buyer.buy(repo.order_by_number("1001"), new_parcel(repo), 1, 900, None)


def test_void_of_a_self_printed_label(buyer, repo):
    parcel = new_parcel(repo)
    buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, None)
    assert buyer.void(parcel) == "not_applicable"
    assert LabelRecords(buyer.engine).current(parcel).state == "voided"
