"""Rate shopping rules: the cheapest service that keeps the promise, under the supervisor's rules."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.model import Address
from app.shipping.errors import NoServiceAvailable, RulesError
from app.shipping.model import Rate
from app.shipping.rules import business_days, load_rules, parse_rules
from tests.shipping.conftest import TODAY
from tests.shipping.helpers import order, request

PO_BOX = Address(name="Dana", line1="PO Box 123", city="Springfield", postcode="12345", country="US")


def r(key: str, amount: str, days: int | None) -> Rate:
    carrier, service = key.split("/")
    return Rate(carrier, service, Decimal(amount), "USD", days, "test")


RATES = [r("USPS/Ground Advantage", "7.00", 4), r("UPS/Ground", "9.00", 3), r("UPS/2nd Day Air", "20.00", 2),
         r("FedEx/2Day", "19.00", 2), r("UPS/Next Day Air", "40.00", 1), r("DHL eCommerce/Parcel Ground", "5.00", 6)]


def test_cheapest_that_keeps_the_level(rules):
    """GIVEN a Ground order (5 days) THEN the 6-day service is out and the cheapest of the rest wins."""
    choice = rules.choose(request(order(service_level="Ground")), RATES, today=TODAY)
    assert choice.chosen.key == "USPS/Ground Advantage"
    lost = {c.rate.key: c.excluded for c in choice.considered}
    assert lost["DHL eCommerce/Parcel Ground"].startswith("takes 6 day(s), promise is 5")
    assert lost["UPS/Ground"] == "2.00 more"
    assert {x.key for x in choice.beaten} == {k.rate.key for k in choice.considered} - {"USPS/Ground Advantage"}


def test_an_order_naming_a_carrier_service_promises_that_service_days(rules):
    """GIVEN "UPS 2nd Day Air" THEN anything within 2 days will do, and FedEx 2Day is cheaper."""
    choice = rules.choose(request(order(carrier="UPS", service_level="2nd Day Air")), RATES, today=TODAY)
    assert choice.chosen.key == "FedEx/2Day"


def test_a_late_order_is_upgraded(rules):
    """GIVEN a Ground order that should have shipped 3 business days ago THEN only 2-day services keep the promise."""
    late = order(service_level="Ground", ship_by=TODAY - timedelta(days=5))  # last Friday; today is Wednesday
    choice = rules.choose(request(late), RATES, today=TODAY)
    assert choice.chosen.key == "FedEx/2Day"
    assert "3 business day(s) late" in choice.reason


def test_past_any_promise_ships_the_fastest(rules):
    very_late = order(service_level="Ground", ship_by=TODAY - timedelta(days=16))
    choice = rules.choose(request(very_late), RATES, today=TODAY)
    assert choice.chosen.key == "UPS/Next Day Air" and choice.reason.startswith("late")


def test_deliver_by_date(rules):
    friday = TODAY + timedelta(days=2)
    choice = rules.choose(request(order(service_level="Ground")), RATES, today=TODAY, deliver_by=friday)
    assert choice.chosen.key == "FedEx/2Day"  # Thursday and Friday: two business days


def test_never_couriers_to_po_boxes(rules):
    choice = rules.choose(request(order(PO_BOX, service_level="Ground"), po_box=True), RATES, today=TODAY)
    assert choice.chosen.key == "USPS/Ground Advantage"
    lost = {c.rate.key: c.excluded for c in choice.considered}
    assert lost["UPS/Ground"] == "couriers do not deliver to PO boxes"


def test_po_box_with_nothing_left_tells_the_packer(rules):
    with pytest.raises(NoServiceAvailable) as caught:
        rules.choose(request(order(PO_BOX, service_level="overnight"), po_box=True), RATES, today=TODAY)
    assert "ask a supervisor" in caught.value.packer_message
    assert "couriers do not deliver to PO boxes" in caught.value.detail


def test_preferred_carrier_per_channel_within_its_premium(rules):
    """GIVEN Amazon prefers UPS within 1.50 THEN UPS Ground (2.00 more) loses, but wins for an Amazon 2-day order
    where UPS 2nd Day Air is 1.00 more than FedEx 2Day."""
    ground = rules.choose(request(order(channel="Amazon", service_level="Ground")), RATES, today=TODAY)
    assert ground.chosen.key == "USPS/Ground Advantage"
    two_day = rules.choose(request(order(channel="Amazon", service_level="2day")), RATES, today=TODAY)
    assert two_day.chosen.key == "UPS/2nd Day Air" and two_day.reason.startswith("preferred carrier for Amazon")
    lost = {c.rate.key: c.excluded for c in two_day.considered}
    assert lost["FedEx/2Day"] == "cheaper, but not the preferred carrier"


def test_signature_above_a_value(rules):
    assert rules.needs_signature(Decimal("500.01")) and not rules.needs_signature(Decimal("500"))


def test_rules_file_errors_name_the_key(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('[shopping]\ncurrency = 5\n')
    with pytest.raises(RulesError, match=r"rules.toml: shopping.currency must be text"):
        load_rules(path)
    with pytest.raises(RulesError, match=r"never #1.when must be one of"):
        parse_rules({"never": [{"services": ["UPS/*"], "when": "sundays"}]})
    with pytest.raises(RulesError, match=r"unknown section"):
        parse_rules({"shoping": {}})


def test_business_days():
    assert business_days(date(2026, 11, 27), date(2026, 11, 30)) == 1  # Friday to Monday
    assert business_days(TODAY, TODAY) == 0
