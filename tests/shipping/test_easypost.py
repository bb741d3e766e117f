"""The EasyPost adapter and the label buyer against a fake EasyPost on 127.0.0.1."""

from __future__ import annotations

import pytest

from app.shipping.buyer import LabelBuyer
from app.shipping.easypost_source import EasyPostSource
from app.shipping.errors import (
    AddressRejected,
    CarrierAuthFailed,
    CarrierBusy,
    CarrierUnavailable,
    PostageAccountEmpty,
    PurchaseUncertain,
    ShipmentRejected,
    ShippingError,
)
from app.shipping.records import LabelRecords
from app.shipping.tracking import is_usps
from tests.shipping.conftest import SHIP_FROM, TODAY, new_parcel


@pytest.fixture
def source(easypost):
    return EasyPostSource(easypost.api_key, base_url=easypost.base_url, timeout_s=1)


@pytest.fixture
def buyer(engine, source, rules):
    return LabelBuyer(engine, [source], rules, ship_from=SHIP_FROM, label_format="zpl", today=lambda: TODAY)


def buy(buyer, repo, order="1001", box=1):
    parcel = new_parcel(repo, order, box)
    return parcel, buyer.buy(repo.order_by_number(order), parcel, box, 900, repo.cartons()[1])


def test_buys_the_cheapest_rate_that_keeps_the_promise_and_records_what_it_beat(buyer, repo, easypost):
    """GIVEN EasyPost quoting five services WHEN a Ground order's label is bought
    THEN the cheapest 3-day service is bought once, its ZPL is returned as received, and the dearer rates are kept."""
    parcel, label = buy(buyer, repo)

    assert (label.carrier, label.service, str(label.rate)) == ("USPS", "GroundAdvantage", "6.95")
    assert easypost.purchases == 1
    assert is_usps(label.tracking_number)
    assert label.label_format == "zpl" and label.label_bytes.startswith(b"^XA") and label.tracking_number.encode() \
        in label.label_bytes
    assert {r.key for r in label.beaten_rates} == {"USPS/Priority", "UPS/Ground", "UPS/2ndDayAir", "FedEx/FEDEX_2_DAY"}
    shipment = easypost.find(LabelRecords(buyer.engine).current(parcel).key)
    assert shipment["reference"] == f"ps-{parcel}-1"  # the idempotency key travels with the shipment
    assert shipment["parcel"]["weight"] == 31.8  # 900 g in ounces, rounded up
    assert shipment["options"]["label_format"] == "ZPL"
    assert repo.parcels_of("1001")[0]["carrier"] == "USPS"


def test_a_second_click_returns_the_same_label_without_buying(buyer, repo, easypost):
    """GIVEN a bought label WHEN the packer asks again (double click, retry, reprint) THEN nothing more is bought."""
    parcel, first = buy(buyer, repo)
    again = buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, None)

    assert again.reused and again.tracking_number == first.tracking_number and again.label_bytes == first.label_bytes
    assert easypost.purchases == 1


@pytest.mark.parametrize(("endpoint", "fault", "error", "words"), [
    ("create", "401", CarrierAuthFailed, "API key"),
    ("create", "402", PostageAccountEmpty, "out of funds"),
    ("create", "422address", AddressRejected, "street1: House number is missing"),
    ("create", "422", ShipmentRejected, "parcel.weight: must be greater than 0"),
    ("create", "429", CarrierBusy, "Wait ten seconds"),
    ("create", "503", CarrierUnavailable, "not answering"),
    ("create", "timeout", CarrierUnavailable, "not answering"),
    ("buy", "401", CarrierAuthFailed, "API key"),
    ("buy", "422", ShipmentRejected, "refused this parcel"),
    ("buy", "429", CarrierBusy, "press Retry"),
])
def test_api_errors_reach_the_packer_as_an_instruction(buyer, repo, easypost, endpoint, fault, error, words):
    """GIVEN the API answering with an error WHEN a label is bought
    THEN the packer gets a typed error saying what to do, nothing is bought, and the purchase can be retried."""
    easypost.fault(endpoint, fault)
    with pytest.raises(error) as caught:
        buy(buyer, repo)

    assert words in caught.value.packer_message
    assert easypost.purchases == 0
    parcel = repo.parcels_of("1001")[0]["uuid"]
    assert LabelRecords(buyer.engine).current(parcel).state == "failed"
    retried = buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, None)  # the fault is gone: Retry works
    assert retried.tracking_number and easypost.purchases == 1
    assert LabelRecords(buyer.engine).current(parcel).key == f"ps-{parcel}-1"  # same key, same purchase record


def test_5xx_on_buy_is_looked_up_before_anything_is_bought_again(buyer, repo, easypost):
    """GIVEN the buy answered by a 500 WHEN the purchase is settled THEN the look-up finds it was not bought,
    the packer is told to retry, and the retry buys exactly one label."""
    easypost.fault("buy", "500")
    with pytest.raises(CarrierUnavailable):
        buy(buyer, repo)
    assert ("GET", next(p for m, p in easypost.requests if m == "GET" and "/shipments/" in p)) in easypost.requests
    parcel = repo.parcels_of("1001")[0]["uuid"]
    label = buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, None)
    assert label.tracking_number and easypost.purchases == 1


@pytest.mark.parametrize("fault", ["drop_after", "timeout"])
def test_a_purchase_whose_answer_is_lost_is_found_not_bought_twice(buyer, repo, easypost, fault):
    """GIVEN the carrier buys the label and the answer never arrives (connection dropped, timeout)
    WHEN the buyer settles it THEN it looks the shipment up and returns that label: one purchase in all."""
    easypost.fault("buy", fault)
    parcel, label = buy(buyer, repo)

    assert easypost.purchases == 1
    assert label.reused and is_usps(label.tracking_number)
    assert LabelRecords(buyer.engine).current(parcel).state == "bought"


def test_lost_answer_and_unreachable_carrier_leave_the_purchase_unresolved_until_it_can_be_asked(
        buyer, repo, easypost):
    """GIVEN a purchase whose answer is lost and a look-up that fails too WHEN the packer retries later
    THEN first they are told not to relabel, and the retry finds the label: still one purchase."""
    easypost.fault("buy", "drop_after")
    easypost.fault("retrieve", "503", "503", "503", "503")  # the client retries GETs on its own
    with pytest.raises(PurchaseUncertain) as caught:
        buy(buyer, repo)
    assert "Do not label this parcel by hand" in caught.value.packer_message
    parcel = repo.parcels_of("1001")[0]["uuid"]
    assert LabelRecords(buyer.engine).current(parcel).state == "buying"

    easypost.faults.clear()
    label = buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, None)
    assert label.tracking_number and easypost.purchases == 1


def test_reconcile_all_settles_unconfirmed_purchases_on_start(buyer, repo, easypost):
    """GIVEN a purchase left `buying` WHEN the station starts THEN reconcile_all finds the bought label."""
    easypost.fault("buy", "drop_after")
    easypost.fault("retrieve", "503", "503", "503", "503")
    with pytest.raises(PurchaseUncertain):
        buy(buyer, repo)
    easypost.faults.clear()
    parcel = repo.parcels_of("1001")[0]["uuid"]

    assert buyer.reconcile_all() == [(parcel, "bought")]
    assert LabelRecords(buyer.engine).current(parcel).tracking_number


def test_voiding_refunds_the_label_and_the_parcel_can_be_labelled_again(buyer, repo, easypost):
    """GIVEN a bought label WHEN the parcel is voided THEN the label is refunded; a new label is a new purchase."""
    parcel, first = buy(buyer, repo)
    assert buyer.void(parcel) == "submitted"
    assert easypost.refunds == 1
    assert buyer.void(parcel) == "none"  # twice is harmless

    second = buyer.buy(repo.order_by_number("1001"), parcel, 1, 900, None)
    assert second.tracking_number != first.tracking_number and easypost.purchases == 2
    assert LabelRecords(buyer.engine).current(parcel).key == f"ps-{parcel}-2"


def test_pdf_labels_are_fetched_in_pdf(engine, source, rules, repo, easypost):
    buyer = LabelBuyer(engine, [source], rules, ship_from=SHIP_FROM, label_format="pdf", today=lambda: TODAY)
    _, label = buy(buyer, repo)
    assert label.label_format == "pdf" and label.label_bytes.startswith(b"%PDF")


def test_address_verification(source):
    """GIVEN an address EasyPost can verify and one it cannot WHEN checked THEN ok/corrected, or the reasons."""
    from app.domain.model import Address

    good = source.verify_address(Address(name="Dana", line1="1428 Elm Street", city="Springfield", postcode="62704",
                                         region="IL", country="US"))
    bad = source.verify_address(Address(line1="Nowhere Lane", city="X", postcode="00000", country="US"))
    assert good.ok and good.corrected.line1 == "1428 ELM STREET" and good.residential is True
    assert not bad.ok and "House number is missing" in bad.messages[0]


def test_a_wrong_key_is_a_supervisor_matter_and_never_shown(engine, rules, repo, easypost):
    source = EasyPostSource("EZTKwrong", base_url=easypost.base_url, timeout_s=1)
    buyer = LabelBuyer(engine, [source], rules, ship_from=SHIP_FROM, today=lambda: TODAY)
    with pytest.raises(CarrierAuthFailed) as caught:
        buy(buyer, repo)
    assert "EZTKwrong" not in repr(source) + caught.value.packer_message + caught.value.detail
    assert isinstance(caught.value, ShippingError) and not caught.value.retry
