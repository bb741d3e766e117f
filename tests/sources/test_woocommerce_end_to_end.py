"""A new user connects a WooCommerce shop and packs its orders (issue 21, "done when").

Through the real command line (a subprocess per command, the station in its own
PACKSTATION_HOME) against the fake shop on 127.0.0.1: `sources add woocommerce` and one
`sources sync` bring the catalogue and the order; `packstation replay` packs it; the next
`sources sync` writes its tracking back once (a note, status completed) and never twice. A
cancellation in the shop stops a packer who is packing the order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sources.connector import sync_source
from app.sources.registry import add_source, config_of, get_source, store_secret
from app.sources.woocommerce import WooCommerceAdapter
from tests.sources.fake_woocommerce import FakeWooCommerce

REPO = Path(__file__).resolve().parents[2]
CARTONS = REPO / "tests" / "fixtures" / "import" / "cartons.csv"
MUG_GTIN = "4006381333931"
BADGE = "P-2001"
TRACKING = "1Z999AA10123456784"
UPSTREAM_ZPL = f"^XA\n^FO50,120^BCN,100^FD{TRACKING}^FS\n^XZ\n".encode()


def packstation(home: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {**os.environ, "PACKSTATION_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PACKSTATION_CONFIG", None)
    env.pop("PACKSTATION_CENTRAL_URL", None)
    done = subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True, env=env,
                          cwd=home, timeout=120)
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode(errors="replace")
    return done


@pytest.fixture
def station(tmp_path: Path) -> Path:
    home = tmp_path / "station"
    home.mkdir()
    (home / "station.toml").write_text('[printers]\nlabel_format = "zpl"\n', encoding="utf-8")  # a Zebra's spool
    for args in (("import", "cartons", str(CARTONS)),
                 ("users", "add", "--name", "Ana Packer", "--role", "packer", "--badge", BADGE)):
        done = packstation(home, *args)
        assert done.returncode == 0, done.stderr.decode()
    return home


def test_connect_sync_pack_and_the_tracking_goes_back_once(station: Path, shop: FakeWooCommerce, tmp_path: Path):
    """GIVEN a WooCommerce shop with a mug and a paid order for it
    WHEN IT runs `sources add woocommerce` and `sources sync`, and a packer packs the order
    through `packstation replay`
    THEN the order was at the bench after one sync, the next sync writes its tracking back as one
    customer note (with the carrier's tracking link) and completes the order, and a further sync
    writes nothing again."""
    shop.add_product("MUG-1", name="Stoneware mug", gtin=MUG_GTIN, weight="0.35", dims=("12", "9", "10"))
    order = shop.add_order([("MUG-1", 1)], shipping={"first_name": "Zoë 🌸", "last_name": "Ōtani"})
    number = order["number"]

    added = packstation(station, "sources", "add", "woocommerce", "shop-eu", "--url", shop.url,
                        "--key-file", str(shop.key_file(tmp_path)))
    assert added.returncode == 0, added.stderr.decode()
    secret = station / "sources" / "shop-eu.secret"
    assert secret.stat().st_mode & 0o077 == 0  # kept like the central password: 0600
    synced = packstation(station, "sources", "sync")
    assert synced.returncode == 0, synced.stderr.decode()
    assert "1 written" in synced.stdout.decode()

    # The carrier label was bought upstream (a shipping app): the bench prints it with its tracking number.
    (tmp_path / "label.zpl").write_bytes(UPSTREAM_ZPL)
    (tmp_path / "labels.csv").write_text(f"order_number,box,tracking_number,carrier,file\n"
                                         f"{number},1,{TRACKING},UPS,{tmp_path / 'label.zpl'}\n", encoding="utf-8")
    labels = packstation(station, "import", "labels", str(tmp_path / "labels.csv"))
    assert labels.returncode == 0, labels.stdout.decode() + labels.stderr.decode()
    scans = f"PS:BADGE:{BADGE}\n{number}\n{MUG_GTIN}\nPS:CMD:CONFIRM\n".encode()
    packed = packstation(station, "replay", "-", stdin=scans)
    assert packed.returncode == 0, packed.stderr.decode()
    outcomes = [json.loads(line) for line in packed.stdout.decode().splitlines()]
    assert outcomes[-1]["code"] == "order_packed" and "label_printed" in outcomes[-1]["events"], outcomes

    again = packstation(station, "sources", "sync", "shop-eu")
    assert again.returncode == 0, again.stderr.decode()
    [note] = shop.notes[order["id"]]
    assert note["customer_note"] is True and f"UPS: tracking number {TRACKING}" in note["note"]
    assert f"https://www.ups.com/track?tracknum={TRACKING}" in note["note"]  # the customer's link
    assert shop.orders[order["id"]]["status"] == "completed"
    once_more = packstation(station, "sources", "sync", "shop-eu")
    assert once_more.returncode == 0 and len(shop.notes[order["id"]]) == 1

    status = packstation(station, "sources", "status", "shop-eu")
    assert "1 done" in status.stdout.decode() and "last error: none" in status.stdout.decode()


def test_a_failing_source_makes_sync_exit_non_zero_with_the_reason(station: Path, shop: FakeWooCommerce,
                                                                   tmp_path: Path):
    """GIVEN a connected shop whose key is then revoked WHEN `sources sync` runs THEN it exits 1 and
    says the key was refused and what to do; `sources status` shows the same last error."""
    added = packstation(station, "sources", "add", "woocommerce", "shop-eu", "--url", shop.url,
                        "--key-file", str(shop.key_file(tmp_path)))
    assert added.returncode == 0, added.stderr.decode()
    shop.revoke()
    synced = packstation(station, "sources", "sync")
    assert synced.returncode == 1
    assert "401" in synced.stderr.decode() and "sources add" in synced.stderr.decode()
    assert "refused" in packstation(station, "sources", "status").stdout.decode()


def test_bad_setup_is_one_clear_line(station: Path, shop: FakeWooCommerce, tmp_path: Path):
    """GIVEN a key file with one line, a plain-http shop URL, an unknown source WHEN IT runs the
    commands THEN each exits 2 with one line that says what to fix, and nothing is added."""
    one_line = tmp_path / "one.keys"
    one_line.write_text("ck_only\n", encoding="utf-8")
    done = packstation(station, "sources", "add", "woocommerce", "s1", "--url", shop.url, "--key-file", str(one_line))
    assert done.returncode == 2 and "second" in done.stderr.decode()
    done = packstation(station, "sources", "add", "woocommerce", "s1", "--url", "http://shop.example",
                       "--key-file", str(shop.key_file(tmp_path)))
    assert done.returncode == 2 and "https://" in done.stderr.decode()
    done = packstation(station, "sources", "remove", "nope")
    assert done.returncode == 2 and "no source named 'nope'" in done.stderr.decode()
    assert "no sources yet" in packstation(station, "sources", "list").stdout.decode()


def test_a_cancellation_in_the_shop_stops_the_packer(home: Path, shop: FakeWooCommerce, tmp_path: Path):
    """GIVEN a standalone station packing a shop order (one of its two mugs scanned)
    WHEN the shop cancels the order and the connector's round runs with the station's
    order_changed THEN the order is cancelled in the store and the packer is stopped."""
    from app.printing import station_output
    from app.startup import open_bench
    from app.station import Station
    from app.store.models import User
    from app.store.repository import Repository

    shop.add_product("MUG-1", name="Stoneware mug", gtin=MUG_GTIN)
    order = shop.add_order([("MUG-1", 2)])
    bench = open_bench()
    with bench.sessions.begin() as db:
        db.add(User(name="Ana Packer", badge=BADGE, role="packer"))
    ref = store_secret(f"{shop.key}\n{shop.secret}", name="shop-eu", config_dir=tmp_path / "config")
    add_source(bench.engine, name="shop-eu", platform="woocommerce", shop=shop.url, api_url=shop.url, secret_ref=ref)
    woo = WooCommerceAdapter(config_of(get_source(bench.engine, "shop-eu")))
    try:
        assert sync_source(bench.engine, "shop-eu", woo).orders_written == 1
        station = Station(bench.config, Repository(bench.engine), station_output(bench))
        station.scan(f"PS:BADGE:{BADGE}")
        station.scan(order["number"])
        assert station.scan(MUG_GTIN).code == "item_packed"
        shop.change_order(order["id"], status="cancelled")
        stops = []
        report = sync_source(bench.engine, "shop-eu", woo,
                             on_order_changed=lambda number: stops.append(station.order_changed(number)))
        assert report.error == "", report.summary()
        assert [outcome.code for outcome in stops] == ["order_stopped"]
        assert station.state.order is None or station.state.order.number != order["number"]
        station.repo.close()
    finally:
        woo.close()
        bench.close()
