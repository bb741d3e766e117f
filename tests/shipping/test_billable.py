"""Billable weight: the heavier of weighed and dimensional, rounded as the carrier rounds."""

from __future__ import annotations

from decimal import Decimal

from app.domain.model import Carton, Dimensions
from app.shipping.billable import DimRule, billable_weight, grams_to_ounces, outer_dimensions

UPS = DimRule("imperial", Decimal(139), Decimal(1))
DHL = DimRule("metric", Decimal(5000), Decimal("0.5"))


def test_outer_dimensions_add_the_walls():
    carton = Carton("M", "Medium", Dimensions(300, 250, 200), 250, 10000)
    assert outer_dimensions(carton, wall_mm=5) == Dimensions(310, 260, 210)


def test_a_light_bulky_box_is_charged_by_size():
    """12x10x8 in = 960 / 139 = 6.91 lb: 7 lb, although it weighs 2 lb."""
    b = billable_weight(907, Dimensions(305, 254, 203), UPS)
    assert (b.billable, b.by_size, str(b)) == (Decimal(7), True, "7 lb")


def test_a_heavy_small_box_is_charged_by_weight():
    b = billable_weight(5000, Dimensions(200, 150, 100), UPS)  # 11.02 lb; 8x6x4 in = 1.4 lb dimensional
    assert (b.billable, b.by_size) == (Decimal(12), False)


def test_metric_rounds_sides_up_to_the_centimetre_and_weight_to_half_kilos():
    b = billable_weight(1200, Dimensions(401, 300, 200), DHL)  # 41x30x20 cm = 24600 / 5000 = 4.92 kg
    assert str(b) == "5 kg"
    assert str(billable_weight(1200, None, DHL)) == "1.5 kg"


def test_nothing_is_billed_below_the_first_step():
    assert billable_weight(10, None, UPS).billable == Decimal(1)


def test_ounces_round_up_to_a_tenth():
    assert grams_to_ounces(900) == Decimal("31.8")
    assert grams_to_ounces(1) == Decimal("0.1")
