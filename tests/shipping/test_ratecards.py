"""Offline rate cards: known parcels priced by hand from the sample cards' own numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.shipping.errors import RateCardError
from app.shipping.ratecards import RateCards
from tests.shipping.helpers import BERLIN, order, request


def rate(rates, key):
    return next(r for r in rates if r.key == key)


def test_sample_cards_have_five_carriers_with_six_services_each(cards):
    assert sorted(len(c.services) for c in cards.cards.carriers) == [6, 6, 6, 6, 6]
    assert {c.name for c in cards.cards.carriers} == {"UPS", "FedEx", "USPS", "DHL", "DHL eCommerce"}


def test_ups_ground_by_dimensional_weight_to_a_home(cards):
    """GIVEN 1.8 kg in box M (outside 310x260x210 mm) to Springfield 12345 (UPS zone 4), a home
    THEN sides round to 12x10x8 in = 960 in3 / 139 = 6.9 -> 7 lb (heavier than 3.97 lb weighed);
    7 lb zone 4 = 19.47, + residential 5.55 = 25.02, + fuel 15.5% = 3.88 -> 28.90."""
    r = rate(cards.rates(request()), "UPS/Ground")
    assert r.billable_weight == "7 lb"
    assert r.amount == Decimal("28.90")
    assert dict(r.breakdown) == {"base": Decimal("19.47"), "residential": Decimal("5.55"), "fuel": Decimal("3.88")}
    assert r.transit_days == 2  # zone 4's ground days


def test_usps_ground_advantage_charges_size_only_above_one_cubic_foot(cards):
    """GIVEN 272 g (0.60 lb) in a bag THEN 0.75 lb (quarter-pound steps), zone 4 = 6.81, no surcharges."""
    r = rate(cards.rates(request(weight_g=272, outer=None)), "USPS/Ground Advantage")
    assert (r.billable_weight, r.amount) == ("0.75 lb", Decimal("6.81"))
    r = rate(cards.rates(request(weight_g=1800)), "USPS/Ground Advantage")
    assert r.billable_weight == "4 lb"  # 960 in3 is under 1728 in3: weighed, not dimensional


def test_dhl_express_worldwide_metric_to_germany(cards):
    """GIVEN 2.3 kg in box M to Berlin (zone I2) THEN 31x26x21 cm / 5000 = 3.39 kg -> 3.5 kg -> the 4 kg break:
    158.83, + fuel 22% = 34.94 -> 193.77; no residential surcharge on this card."""
    r = rate(cards.rates(request(order(BERLIN), weight_g=2300)), "DHL/Express Worldwide")
    assert (r.billable_weight, r.amount, r.transit_days) == ("3.5 kg", Decimal("193.77"), 3)


def test_a_domestic_service_does_not_go_abroad_and_an_international_one_not_home(cards):
    domestic = {r.key for r in cards.rates(request())}
    abroad = {r.key for r in cards.rates(request(order(BERLIN)))}
    assert "UPS/Ground" in domestic and "UPS/Ground" not in abroad
    assert "DHL/Express Worldwide" in abroad and "DHL/Express Worldwide" not in domestic


def test_signature_adds_its_fee_and_drops_services_without_one(cards):
    plain = cards.rates(request())
    signed = cards.rates(request(signature=True))
    assert rate(signed, "UPS/Ground").amount == rate(plain, "UPS/Ground").amount + Decimal("7.10")
    assert "USPS/Priority Mail Express" in {r.key for r in plain}
    assert "USPS/Priority Mail Express" not in {r.key for r in signed}  # no signature fee on its card


def test_too_heavy_for_a_service(cards):
    keys = {r.key for r in cards.rates(request(weight_g=15_000, outer=None))}
    assert "UPS/Ground" in keys and "DHL eCommerce/Parcel Ground" not in keys  # 34 lb: over its 25 lb


def test_broken_cards_are_refused_with_file_and_row(tmp_path):
    folder = tmp_path / "cards" / "acme"
    folder.mkdir(parents=True)
    sample = Path(__file__).resolve().parents[2] / "resources" / "rate_cards" / "ups"
    for name in ("services.csv", "zones.csv", "ground.csv"):
        (folder / name).write_text((sample / name).read_text())
    (folder / "services.csv").write_text((sample / "services.csv").read_text().splitlines()[0] + "\n"
                                         + "ground,ACME,Ground,ground,zone,imperial,139,,1,5.55,,x7,,USD\n")
    with pytest.raises(RateCardError, match=r"services.csv row 2: signature 'x7' is not a number"):
        RateCards.load(tmp_path / "cards")
