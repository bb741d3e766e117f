"""Bulk shipments through their application service (app.returns.bulk_shipments), with no window:
the bulk tab and `packstation bulk` make the same calls, and "pack what is left" builds exactly
what the service's plan (the figures the bulk tab shows on its key) said it would."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.config import Config
from app.domain.bulk import BulkError, CartonItem
from app.returns.bulk_shipments import PER_CARTON, PER_PALLET, BulkShipments, pack_plan
from app.store import models as t
from app.store.inventory import levels_of, receive
from tests.support import add_order

SHIP_FROM = {"name": "Despatch", "company": "Packstation Demo Ltd", "line1": "1 Warehouse Way", "city": "Leeds",
             "postcode": "LS1 1AA", "country": "GB"}


@pytest.fixture
def bulk(db):
    config = replace(Config(), station="BENCH-1", ship_from=SHIP_FROM, gs1_company_prefix="9506000")
    return BulkShipments(db[0], config)


def wholesale(sessions, number: str, lines: list[tuple[str, int]], channel: str = "Wholesale") -> None:
    with sessions.begin() as s:
        products = {p.sku: p for p in s.scalars(select(t.Product))}
        order = add_order(s, number, [(products[sku], qty) for sku, qty in lines])
        order.channel = channel
        order.ship_to_company = "Harrow & Finch Outfitters"


def test_the_plan_counts_cartons_per_sku_and_pallets_for_every_loose_carton():
    """GIVEN 25 socks and 12 mugs left, 1 carton already loose
    WHEN planned at 12 per carton, 2 cartons per pallet
    THEN 3 + 1 new cartons; with the loose one 5 cartons on 3 pallets"""
    plan = pack_plan({"SOCK-M": 25, "MUG-1": 12}, 1, 12, 2)
    assert (plan.units, plan.cartons, plan.pallets, plan.per_carton, plan.per_pallet) == (37, 4, 3, 12, 2)
    assert pack_plan({}, 0, PER_CARTON, PER_PALLET).cartons == 0


def test_pack_remaining_builds_what_the_plan_said(bulk, db):
    """GIVEN wholesale order W-1 of 100 socks and 30 mugs
    WHEN its view is read, then what is left is packed (the service's 12 per carton, 40 per pallet)
    THEN the plan on the view (9 + 3 cartons on 1 pallet) is what was built, and the order is complete"""
    wholesale(db[1], "W-1", [("SOCK-M", 100), ("MUG-1", 30)])
    before = bulk.view("W-1")
    assert not before.complete and before.remaining == {"SOCK-M": 100, "MUG-1": 30}
    assert (before.plan.cartons, before.plan.pallets, before.plan.units) == (12, 1, 130)
    assert (before.plan.per_carton, before.plan.per_pallet) == (PER_CARTON, PER_PALLET)
    shipment = bulk.pack_remaining("W-1")
    assert (len(shipment.cartons), len(shipment.pallets), shipment.complete) == (12, 1, True)
    after = bulk.view("W-1")
    assert after.complete and after.plan.units == 0 and after.asn["totals"]["cartons"] == 12
    assert [o.number for o in bulk.orders()] == ["W-1"]
    assert (bulk.orders()[0].cartons, bulk.orders()[0].pallets, bulk.orders()[0].ordered) == (12, 1, 130)


def test_cartons_and_pallets_by_hand_then_asn_labels_and_dispatch(bulk, db):
    """GIVEN retail order R-1 (not wholesale) of 6 socks, 6 in stock
    WHEN a carton of 6 is closed, put on a pallet, the ASN exported, the labels made and it dispatches
    THEN the order is listed (it has units now), the ASN holds the pallet -> carton -> socks, there is
    one label per unit, and the socks left the bin"""
    wholesale(db[1], "R-1", [("SOCK-M", 6)], channel="Shopify")
    assert bulk.orders() == []
    with db[0].begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 6, user_id=None)
    carton = bulk.pack_carton("R-1", [CartonItem("SOCK-M", 6)], weight_g=600)
    pallet = bulk.build_pallet("R-1", [carton.sscc])
    assert [o.number for o in bulk.orders()] == ["R-1"]
    doc = json.loads(bulk.asn_json("R-1"))
    assert doc["pallets"][0]["sscc"] == pallet.sscc and doc["pallets"][0]["cartons"][0]["sscc"] == carton.sscc
    rows = list(csv.DictReader(bulk.asn_csv("R-1").splitlines()))
    assert [(r["pallet_sscc"], r["carton_sscc"], r["sku"], r["quantity"]) for r in rows] == [
        (pallet.sscc, carton.sscc, "SOCK-M", "6")]
    assert len(bulk.labels("R-1")) == 2 and len(bulk.labels("R-1", kinds=["pallet"])) == 1
    record = bulk.dispatch("R-1")
    assert [(m.sku, m.delta) for m in record.moved] == [("SOCK-M", -6)]
    with db[0].connect() as conn:
        assert levels_of(conn, "SOCK-M") == {"A-01-1": 0}


def test_export_writes_json_and_csv_and_refusals_are_bulk_errors(bulk, db, tmp_path):
    """GIVEN W-2 not packed WHEN it dispatches THEN refused (BulkError); its ASN still exports"""
    wholesale(db[1], "W-2", [("MUG-1", 2)])
    with pytest.raises(BulkError):
        bulk.dispatch("W-2")
    with pytest.raises(BulkError):
        bulk.view("NO-SUCH")
    json_path, csv_path = bulk.export_asn("W-2", tmp_path / "asn")
    assert json.loads(json_path.read_text())["order_number"] == "W-2"
    assert list(csv.DictReader(csv_path.open())) == []  # nothing packed: no rows
