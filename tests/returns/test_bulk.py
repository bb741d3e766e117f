"""Bulk shipments: cartons and pallets with SSCCs, their GS1 labels, and the ASN."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.domain.bulk import BulkError, CartonItem
from app.domain.model import Address
from app.returns.asn import all_label_data, asn_csv, asn_json, label_data
from app.store import models as t
from app.store.bulk import asn_document, build_pallet, dispatch, load_shipment, pack_carton, pack_remaining
from app.store.inventory import levels_of, receive
from tests.support import SOCKS_GTIN, add_order

PREFIX = "9506000"  # 7 digits: 9 digits of serial reference
SHIP_FROM = Address("Despatch", "Packstation Demo Ltd", "1 Warehouse Way", city="Leeds", postcode="LS1 1AA",
                    country="GB")


def gs1_check_digit_ok(code: str) -> bool:
    """Decoded here on purpose, not with the code under test: weights 3,1,3,... from the right."""
    body, check = code[:-1], int(code[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def wholesale(sessions, number: str, lines: list[tuple[str, int]]) -> None:
    with sessions.begin() as s:
        products = {p.sku: p for p in s.scalars(select(t.Product))}
        add_order(s, number, [(products[sku], qty) for sku, qty in lines])


def test_200_cartons_on_5_pallets_get_unique_valid_ssccs(db):
    """GIVEN a wholesale order of 2,400 socks
    WHEN it is packed 12 to a carton and 40 cartons to a pallet
    THEN 200 cartons and 5 pallets carry 205 different SSCCs: 18 digits, our extension digit and
    company prefix, consecutive serial references, and a check digit that decodes"""
    engine, sessions = db
    wholesale(sessions, "W-1", [("SOCK-M", 2400)])
    with engine.begin() as conn:
        shipment = pack_remaining(conn, "W-1", per_carton=12, per_pallet=40, company_prefix=PREFIX,
                                  extension_digit=3)
    assert (len(shipment.cartons), len(shipment.pallets), shipment.complete) == (200, 5, True)
    ssccs = [*shipment.cartons, *shipment.pallets]
    assert len(set(ssccs)) == 205
    for sscc in ssccs:
        assert len(sscc) == 18 and sscc.isdigit() and gs1_check_digit_ok(sscc), sscc
        assert sscc[0] == "3" and sscc[1:8] == PREFIX
    assert sorted(int(s[8:17]) for s in ssccs) == list(range(1, 206))
    assert all(len(p.children) == 40 for p in shipment.pallets.values())
    assert all(c.parent in shipment.pallets for c in shipment.cartons.values())

    wholesale(sessions, "W-2", [("MUG-1", 1)])
    with engine.begin() as conn:
        assert load_shipment(conn, "W-1") == shipment  # what was stored reads back the same
        _, next_carton = pack_carton(conn, load_shipment(conn, "W-2"), [CartonItem("MUG-1", 1)],
                                     company_prefix=PREFIX, extension_digit=3)
    assert int(next_carton.sscc[8:17]) == 206  # the sequence goes on across shipments


def test_the_asn_lists_pallets_cartons_and_items_with_lots_and_serials(db):
    """GIVEN cartons of socks (lot L1), of phones (two serials) and a mixed one; two on a pallet
    WHEN the ASN is exported  THEN JSON and CSV list pallet -> carton -> item, one CSV row per serial"""
    engine, sessions = db
    wholesale(sessions, "W-3", [("SOCK-M", 24), ("PHONE-9", 2), ("MUG-1", 1)])
    with engine.begin() as conn:
        shipment = load_shipment(conn, "W-3")
        shipment, socks = pack_carton(conn, shipment, [CartonItem("SOCK-M", 12, lot="L1")], company_prefix=PREFIX,
                                      weight_g=1200)
        shipment, phones = pack_carton(conn, shipment, [CartonItem("PHONE-9", 2, serials=("SN-1", "SN-2"))],
                                       company_prefix=PREFIX, weight_g=800)
        shipment, mixed = pack_carton(conn, shipment, [CartonItem("SOCK-M", 12, lot="L2"), CartonItem("MUG-1", 1)],
                                      company_prefix=PREFIX)
        shipment, pallet = build_pallet(conn, shipment, [socks.sscc, phones.sscc], company_prefix=PREFIX)
        doc = asn_document(conn, "W-3", SHIP_FROM, created_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC))

    data = json.loads(asn_json(doc))
    assert data["totals"] == {"pallets": 1, "cartons": 3, "units": 27}
    assert data["ship_to"]["name"] == "Dana Smith" and data["ship_from"]["company"] == "Packstation Demo Ltd"
    (pallet_json,) = data["pallets"]
    assert pallet_json["sscc"] == pallet.sscc and pallet_json["weight_g"] == 25_000 + 1200 + 800
    assert [c["sscc"] for c in pallet_json["cartons"]] == [socks.sscc, phones.sscc]
    assert pallet_json["cartons"][0]["items"] == [{"sku": "SOCK-M", "gtin": SOCKS_GTIN, "quantity": 12, "lot": "L1",
                                                   "serials": []}]
    assert pallet_json["cartons"][1]["items"][0]["serials"] == ["SN-1", "SN-2"]
    assert [c["sscc"] for c in data["loose_cartons"]] == [mixed.sscc]

    rows = list(csv.DictReader(io.StringIO(asn_csv(doc))))
    assert [(r["pallet_sscc"], r["carton_sscc"], r["sku"], r["quantity"], r["lot"], r["serial"]) for r in rows] == [
        (pallet.sscc, socks.sscc, "SOCK-M", "12", "L1", ""),
        (pallet.sscc, phones.sscc, "PHONE-9", "1", "", "SN-1"),
        (pallet.sscc, phones.sscc, "PHONE-9", "1", "", "SN-2"),
        ("", mixed.sscc, "SOCK-M", "12", "L2", ""),
        ("", mixed.sscc, "MUG-1", "1", "", ""),
    ]

    socks_label = label_data(doc, socks)
    assert (socks_label.content_gtin, socks_label.count, socks_label.batch, socks_label.gross_weight_kg) == (
        SOCKS_GTIN, 12, "L1", 1.2)
    mixed_label = label_data(doc, mixed)  # AI 02 and 37 only for one GTIN
    assert (mixed_label.content_gtin, mixed_label.count, mixed_label.batch) == ("", None, "")
    assert [d.sscc for d in all_label_data(doc)] == [socks.sscc, phones.sscc, mixed.sscc, pallet.sscc]

    from printers.documents import logistic_label

    for label in all_label_data(doc):  # the printers' own check of AI 00's check digit passes
        assert logistic_label(label).elements


def test_a_carton_or_pallet_that_does_not_fit_the_order_is_refused(db):
    engine, sessions = db
    wholesale(sessions, "W-4", [("SOCK-M", 12), ("PHONE-9", 1)])
    with engine.begin() as conn:
        shipment = load_shipment(conn, "W-4")
        for items, message in (([CartonItem("SOCK-M", 13)], "Too many SOCK-M"),
                               ([CartonItem("MUG-1", 1)], "not in order"),
                               ([CartonItem("PHONE-9", 1, serials=("A", "B"))], "serial"),
                               ([], "at least one item")):
            with pytest.raises(BulkError, match=message):
                pack_carton(conn, shipment, items, company_prefix=PREFIX)
        shipment, carton = pack_carton(conn, shipment, [CartonItem("SOCK-M", 12)], company_prefix=PREFIX)
        shipment, _ = build_pallet(conn, shipment, [carton.sscc], company_prefix=PREFIX)
        with pytest.raises(BulkError, match="already on pallet"):
            build_pallet(conn, shipment, [carton.sscc], company_prefix=PREFIX)
        with pytest.raises(BulkError, match="not part of order"):
            build_pallet(conn, shipment, ["095060000000999999"], company_prefix=PREFIX)
        with pytest.raises(BulkError, match="not fully packed: 1× PHONE-9"):
            dispatch(conn, "W-4")


def test_dispatch_takes_the_shipment_out_of_stock_and_marks_the_order_packed(db):
    engine, sessions = db
    wholesale(sessions, "W-5", [("SOCK-M", 24)])
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 30, user_id=None)
        pack_remaining(conn, "W-5", per_carton=12, per_pallet=2, company_prefix=PREFIX)
        record = dispatch(conn, "W-5")
        assert [(m.bin, m.delta) for m in record.moved] == [("A-01-1", -24)]
        assert levels_of(conn, "SOCK-M") == {"A-01-1": 6}
        assert conn.execute(select(t.Order.status).where(t.Order.number == "W-5")).scalar() == "packed"
        assert dispatch(conn, "W-5").already_recorded  # a second dispatch takes nothing
