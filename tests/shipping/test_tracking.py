"""Tracking numbers in real formats, each carrier's check digit."""

from __future__ import annotations

import pytest

from app.shipping.tracking import identify, is_dhl, is_fedex, is_s10, is_ups, is_usps, tracking_url, validate


@pytest.mark.parametrize("number", ["1Z999AA10123456784", "1Z5R89390357567127", "1z879e930346834440",
                                    "1Z 410E 7W03 9275 1591"])
def test_ups_1z(number):
    assert is_ups(number) and validate("UPS", number)


@pytest.mark.parametrize("number", ["1Z999AA10123456785", "1Z1111111111111111", "2Z5R89390357567127", "1Z999AA1012"])
def test_ups_wrong(number):
    assert not is_ups(number)


@pytest.mark.parametrize("number", ["9400 1112 0108 0805 4830 16", "9405500208303109884137",
                                    "420 22153 9101026837331000039521", "4201028200009261290113185417468510",
                                    "92748931507708513018050063", "0307 1790 0005 2348 3741", "EE123456785US"])
def test_usps_impb_and_s10(number):
    assert is_usps(number) and validate("USPS", number)


@pytest.mark.parametrize("number", ["9400 1112 0108 0805 4830 17", "4201028200009261290113185417468511",
                                    "0307 1790 0005 2348 3742", "EE123456786US", "94001112"])
def test_usps_wrong(number):
    assert not is_usps(number)


@pytest.mark.parametrize("number", ["986578788855", "799531274483", "041441760228964", "568283610012734",
                                    "61299998820821171811", "9261292700768711948021", "9611020987654312345672"])
def test_fedex_12_15_20_22(number):
    assert is_fedex(number) and validate("FedEx", number)


@pytest.mark.parametrize("number", ["996578788855", "568283610012732", "9261292700768711948020",
                                    "9611020987654312345673", "1234567890123"])
def test_fedex_wrong(number):
    assert not is_fedex(number)


@pytest.mark.parametrize("number", ["3318810025", "8487135506", "1099255990", "73891051146"])
def test_dhl_mod7(number):
    assert is_dhl(number) and validate("DHL", number) and validate("DHL Express", number)


@pytest.mark.parametrize("number", ["3318810010", "3318810034", "331881002", "ABCDEFGHIJ"])
def test_dhl_wrong(number):
    assert not is_dhl(number)


def test_s10_check_digit():
    assert is_s10("RR473124829GB") and not is_s10("RR473124828GB")


def test_identify_names_the_carrier_and_links_to_tracking():
    [found] = identify("1Z999AA10123456784")
    assert (found.carrier, found.number) == ("UPS", "1Z999AA10123456784")
    assert tracking_url("UPS", "1z999aa10123456784") == "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    assert identify("hello") == []
