"""A new user connects a Shopify shop and packs its orders (issue 21, "done when").

Through the real command line (a subprocess per command, the station in its own
PACKSTATION_HOME) against the fake Shopify shop on 127.0.0.1: `sources add shopify ... --api-url`
and one `sources sync` bring the catalogue and the order (the first round is a bulk operation);
`packstation replay` packs it; the next `sources sync` writes its tracking back as one
fulfillment, and never a second. A cancellation in the shop stops a packer who is packing it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sources.connector import sync_source
from app.sources.registry import add_source, config_of, get_source, store_secret
from app.sources.shopify import ShopifyAdapter
from tests.sources.fake_shopify import FakeShopify

REPO = Path(__file__).resolve().parents[2]
CARTONS = REPO / "tests" / "fixtures" / "import" / "cartons.csv"
MUG_GTIN = "4006381333931"
BADGE = "P-2001"
TRACKING = "1Z999AA10123456784"


def packstation(home: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {**os.environ, "PACKSTATION_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PACKSTATION_CONFIG", None)
    env.pop("PACKSTATION_CENTRAL_URL", None)
    done = subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True, env=env,
                          cwd=home, timeout=120)
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode(errors="replace")
    return done


@pytest.fixture
def shopify() -> Iterator[FakeShopify]:
    with FakeShopify() as fake:
        fake.add_product("Stoneware mug", [{"sku": "MUG-1", "barcode": MUG_GTIN, "weight": (350, "GRAMS")}])
        yield fake


@pytest.fixture
def station(tmp_path: Path) -> Path:
    home = tmp_path / "station"
    home.mkdir()
    for args in (("import", "cartons", str(CARTONS)),
                 ("users", "add", "--name", "Ana Packer", "--role", "packer", "--badge", BADGE)):
        done = packstation(home, *args)
        assert done.returncode == 0, done.stderr.decode()
    return home


def add_shop(station: Path, shopify: FakeShopify, tmp_path: Path) -> subprocess.CompletedProcess:
    token_file = tmp_path / "shopify.token"
    token_file.write_text(shopify.token + "\n", encoding="utf-8")
    return packstation(station, "sources", "add", "shopify", "shop-eu", "--shop", "shop-eu.myshopify.com",
                       "--token-file", str(token_file), "--api-url", shopify.url)


def test_connect_sync_pack_and_the_tracking_goes_back_once(station: Path, shopify: FakeShopify, tmp_path: Path):
    """GIVEN a Shopify shop with a mug and a paid order #5001 for one
    WHEN IT runs `sources add shopify` and `sources sync`, and a packer packs #5001 through
    `packstation replay`
    THEN the order was at the bench after one sync (the first round a bulk export), the next sync
    writes its tracking back as one fulfillment of the mug (number, company and the carrier's
    tracking page), and a further sync writes nothing again."""
    shopify.add_order(5001, [("MUG-1", 1)], address={
        "name": "Zoë 🌸 Ōtani", "firstName": "Zoë 🌸", "lastName": "Ōtani", "company": None, "address1": "1 Main St",
        "address2": None, "city": "Springfield", "province": "Illinois", "provinceCode": "IL", "zip": "62701",
        "country": "United States", "countryCodeV2": "US", "phone": None})
    added = add_shop(station, shopify, tmp_path)
    assert added.returncode == 0, added.stderr.decode()
    synced = packstation(station, "sources", "sync")
    assert synced.returncode == 0, synced.stderr.decode()
    assert "1 written" in synced.stdout.decode() and "bulkOperationRunQuery" in shopify.operations

    # The carrier label was bought upstream: the bench prints it (ZPL, to a Zebra's spool) with its UPS
    # tracking number.
    (station / "station.toml").write_text('[printers]\nlabel_format = "zpl"\n', encoding="utf-8")
    (tmp_path / "label.zpl").write_bytes(f"^XA\n^FO50,120^BCN,100^FD{TRACKING}^FS\n^XZ\n".encode())
    (tmp_path / "labels.csv").write_text(f"order_number,box,tracking_number,carrier,file\n"
                                         f"5001,1,{TRACKING},UPS,{tmp_path / 'label.zpl'}\n", encoding="utf-8")
    labels = packstation(station, "import", "labels", str(tmp_path / "labels.csv"))
    assert labels.returncode == 0, labels.stdout.decode() + labels.stderr.decode()
    scans = f"PS:BADGE:{BADGE}\n#5001\n{MUG_GTIN}\nPS:CMD:CONFIRM\n".encode()
    packed = packstation(station, "replay", "-", stdin=scans)
    assert packed.returncode == 0, packed.stderr.decode()
    outcomes = [json.loads(line) for line in packed.stdout.decode().splitlines()]
    assert outcomes[-1]["code"] == "order_packed" and "label_printed" in outcomes[-1]["events"], outcomes

    again = packstation(station, "sources", "sync", "shop-eu")
    assert again.returncode == 0, again.stderr.decode()
    [fulfillment] = shopify.fulfillments(5001)
    assert [(line["lineItem"]["sku"], line["quantity"]) for line in fulfillment["fulfillmentLineItems"]] == [
        ("MUG-1", 1)]
    assert fulfillment["trackingInfo"] == [{"number": TRACKING, "company": "UPS",
                                            "url": f"https://www.ups.com/track?tracknum={TRACKING}"}]
    assert shopify.order_by_number(5001)["displayFulfillmentStatus"] == "FULFILLED"
    once_more = packstation(station, "sources", "sync", "shop-eu")
    assert once_more.returncode == 0 and len(shopify.fulfillments(5001)) == 1
    assert len(shopify.fulfillment_calls) == 1


def test_a_revoked_token_makes_sync_exit_non_zero_with_the_reason(station: Path, shopify: FakeShopify,
                                                                  tmp_path: Path):
    """GIVEN a connected shop whose app is then uninstalled (its token revoked) WHEN `sources sync`
    runs THEN it exits 1 naming the source, the 401 and the commands that fix it."""
    assert add_shop(station, shopify, tmp_path).returncode == 0
    shopify.revoke_token()
    synced = packstation(station, "sources", "sync")
    assert synced.returncode == 1
    said = synced.stderr.decode()
    assert "shop-eu" in said and "401" in said and "sources add" in said and shopify.token not in said


def test_a_cancellation_in_shopify_stops_the_packer(home: Path, shopify: FakeShopify, tmp_path: Path):
    """GIVEN a standalone station packing Shopify order #5002 (one of its two mugs scanned)
    WHEN the merchant cancels it in Shopify and the connector's round runs with the station's
    order_changed THEN the order is cancelled in the store and the packer is stopped."""
    from app.printing import station_output
    from app.startup import open_bench
    from app.station import Station
    from app.store.models import User
    from app.store.repository import Repository

    shopify.add_order(5002, [("MUG-1", 2)])
    bench = open_bench()
    with bench.sessions.begin() as db:
        db.add(User(name="Ana Packer", badge=BADGE, role="packer"))
    ref = store_secret(shopify.token, name="shop-eu", config_dir=tmp_path / "config")
    add_source(bench.engine, name="shop-eu", platform="shopify", shop="shop-eu.myshopify.com", api_url=shopify.url,
               secret_ref=ref)
    adapter = ShopifyAdapter(config_of(get_source(bench.engine, "shop-eu")))
    try:
        assert sync_source(bench.engine, "shop-eu", adapter).orders_written == 1
        station = Station(bench.config, Repository(bench.engine), station_output(bench))
        station.scan(f"PS:BADGE:{BADGE}")
        station.scan("5002")
        assert station.scan(MUG_GTIN).code == "item_packed"
        shopify.cancel(5002)
        stops = []
        report = sync_source(bench.engine, "shop-eu", adapter,
                             on_order_changed=lambda number: stops.append(station.order_changed(number)))
        assert report.error == "", report.summary()
        assert [outcome.code for outcome in stops] == ["order_stopped"]
        assert station.state.order is None or station.state.order.number != "5002"
        station.repo.close()
    finally:
        adapter.close()
        bench.close()
