"""Prepaid return labels through the shipping adapters: EasyPost's `is_return`, rate cards' prices.

A return is asked for with the outbound parcel's addresses (ship_from the warehouse, ship_to the
customer) and `ParcelRequest.is_return`; the carrier carries it the other way.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from app.domain.model import Address
from app.returns.return_label import ReturnLabelData, buy_return_label
from app.shipping.easypost_source import EasyPostSource, shipment_params
from app.shipping.records import LabelRecords
from tests.shipping.conftest import SHIP_FROM, TODAY, new_parcel
from tests.shipping.helpers import request

pytest.importorskip("easypost")

WAREHOUSE = Address(**SHIP_FROM)
CUSTOMER = Address("Dana Smith", line1="1 Main St", city="Springfield", region="IL", postcode="62701",
                   country="US", phone="+1 217 555 0101")
RETURN = ReturnLabelData(order_number="1001", rma="RMA-000007", qr_payload="PS:RETURN:1001:7K3QZ8M2XA",
                         customer=CUSTOMER, warehouse=WAREHOUSE, carrier="UPS", weight_g=900)


@pytest.fixture
def source(easypost):
    return EasyPostSource(easypost.api_key, base_url=easypost.base_url, timeout_s=2)


def test_a_return_label_is_bought_as_easyposts_return_with_the_outbound_addresses(source, easypost):
    """GIVEN order 1001's RMA and EasyPost (a fake API on 127.0.0.1)
    WHEN a prepaid return label is bought through EasyPostSource
    THEN the shipment is created with is_return: true, from the warehouse to the customer (the
    carrier swaps them on the label), under the reference return-<RMA>; one label is bought, of
    the order's carrier, and its file is downloaded"""
    bought = buy_return_label(source, RETURN, label_format="pdf")

    shipment = easypost.find("return-RMA-000007")
    assert shipment is not None and shipment["is_return"] is True
    assert shipment["from_address"]["street1"] == "100 Warehouse Way"
    assert shipment["from_address"]["zip"] == "43215"
    assert (shipment["to_address"]["name"], shipment["to_address"]["zip"]) == ("Dana Smith", "62701")
    assert shipment["options"]["print_custom_1"] == "Return of order 1001"
    assert shipment["parcel"]["weight"] == 31.8  # the outbound parcel's 900 g, in ounces
    assert easypost.purchases == 1
    assert (bought.carrier, bought.service) == ("UPS", "Ground")  # the order's carrier, its cheapest service
    assert bought.tracking_number == shipment["tracking_code"]
    assert bought.label_format == "pdf" and bought.label_bytes.startswith(b"%PDF")


def test_a_return_label_asked_for_again_is_downloaded_not_bought_twice(source, easypost):
    """GIVEN a return label bought for RMA-000007 WHEN it is asked for again (a reprint, a retry)
    THEN the shipment is found by its reference and nothing more is bought"""
    first = buy_return_label(source, RETURN, label_format="pdf")
    again = buy_return_label(source, RETURN, label_format="pdf")

    assert again.tracking_number == first.tracking_number
    assert easypost.purchases == 1
    assert sum(1 for method, path in easypost.requests if method == "POST" and path == "/v2/shipments") == 1


def test_an_ordinary_label_purchase_is_not_a_return(engine, repo, rules, easypost, source):
    """GIVEN the station buying an outbound label for order 1001 through EasyPost
    WHEN the parcel is labelled THEN the shipment goes from the warehouse to the customer and
    is not sent as a return (no is_return on the wire)"""
    from app.shipping.buyer import LabelBuyer

    buyer = LabelBuyer(engine, [source], rules, ship_from=SHIP_FROM, label_format="zpl", today=lambda: TODAY)
    parcel = new_parcel(repo)
    buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, repo.cartons()[1])

    shipment = easypost.find(LabelRecords(engine).current(parcel).key)
    assert shipment["is_return"] is False
    assert shipment["from_address"]["street1"] == "100 Warehouse Way"
    assert "is_return" not in shipment_params(request())
    assert shipment_params(replace(request(), is_return=True))["is_return"] is True


def test_rate_cards_price_a_return_by_the_customers_zone_without_the_home_delivery_surcharge(cards):
    """GIVEN 1.8 kg in box M between the warehouse and a home in Springfield 12345 (UPS zone 4)
    WHEN rate cards quote it outbound and as a return
    THEN both use zone 4 and the same billable weight (7 lb: 19.47), but only the outbound parcel
    pays the residential surcharge (5.55): a return is delivered to the warehouse's dock.
    Outbound 25.02 + fuel 15.5% = 28.90; the return 19.47 + fuel 3.02 = 22.49."""
    outbound = next(r for r in cards.rates(request()) if r.key == "UPS/Ground")
    back = next(r for r in cards.rates(replace(request(), is_return=True)) if r.key == "UPS/Ground")

    assert outbound.amount == Decimal("28.90") and dict(outbound.breakdown)["residential"] == Decimal("5.55")
    assert back.billable_weight == outbound.billable_weight == "7 lb"
    assert "residential" not in dict(back.breakdown)
    assert back.amount == Decimal("22.49")
