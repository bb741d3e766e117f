"""Webhooks (issue 21 item 6): the connector takes the shops' deliveries on 127.0.0.1, HMAC-verified,
once each, and writes the order at once; polling stays the backstop.

Real HTTP posts (httpx) to app.sources.webhooks.WebhookListener in front of a running Connector,
and once through the real `packstation sources run --listen` process.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select, update

from app.sources.adapters import make_adapter
from app.sources.base import hmac_base64
from app.sources.connector import Connector
from app.sources.registry import add_source, config_of, get_source, order_sources, store_secret
from app.sources.webhooks import WebhookListener
from app.store.models import Order
from tests.sources.commands import environment, packstation
from tests.sources.fake_shopify import FakeShopify
from tests.sources.fake_woocommerce import FakeWooCommerce

SECRET = "whsec-ünïcode-✓"


def wait_for(check, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.02)


def status_of(store: Engine, number: str) -> str | None:
    with store.connect() as conn:
        return conn.execute(select(Order.__table__.c.status).where(Order.__table__.c.number == number)).scalar()


class Running:
    """A connector (round every hour: only webhooks and write-backs move things) and its listener."""

    def __init__(self, store: Engine) -> None:
        self.delivered: list[str] = []
        self.connector = Connector(store, lambda name: make_adapter(config_of(get_source(store, name))),
                                   interval=3600)
        original = self.connector.deliver

        def deliver(name: str, body: bytes) -> None:
            self.delivered.append(name)
            original(name, body)

        self.connector.deliver = deliver  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.connector.run, daemon=True)
        self.thread.start()
        self.listener = WebhookListener(self.connector).start()

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
        return httpx.post(f"{self.listener.url}{path}", content=body, headers=headers, timeout=10)

    def stop(self) -> None:
        self.listener.stop()
        self.connector.halt()
        self.thread.join(timeout=10)


@pytest.fixture
def woo_source(store: Engine, shop: FakeWooCommerce, tmp_path: Path) -> str:
    ref = store_secret(f"{shop.key}\n{shop.secret}", name="woo", config_dir=tmp_path / "config")
    add_source(store, name="woo", platform="woocommerce", shop=shop.url, api_url=shop.url, secret_ref=ref,
               settings={"notify_customer": True, "webhook_secret": SECRET})
    return "woo"


@pytest.fixture
def running(store: Engine, woo_source: str, shop: FakeWooCommerce) -> Iterator[Running]:
    shop.add_product("MUG-1", name="Stoneware mug", gtin="4006381333931")
    run = Running(store)
    wait_for(lambda: get_source(store, woo_source).last_round_at is not None)  # the first round is over
    yield run
    run.stop()


def woo_headers(body: bytes, delivery: str, secret: str = SECRET) -> dict[str, str]:
    return {"Content-Type": "application/json", "X-WC-Webhook-Topic": "order.updated",
            "X-WC-Webhook-Delivery-ID": delivery, "X-WC-Webhook-Signature": hmac_base64(secret, body)}


def test_a_signed_delivery_writes_the_order_at_once_and_a_duplicate_is_taken_once(
        running: Running, store: Engine, shop: FakeWooCommerce):
    """GIVEN a running connector with its webhook listener, and a shop order it already has
    WHEN the shop cancels the order and delivers order.updated, signed, twice with the same delivery id
    THEN the first is queued (202) and the order is cancelled in the store at once (no round runs
    for an hour); the second is answered 200 as a duplicate and never reaches the connector."""
    order = shop.add_order([("MUG-1", 1)])
    body = json.dumps(order).encode()
    assert running.post("/webhooks/woo", body, woo_headers(body, "d-1")).status_code == 202
    wait_for(lambda: status_of(store, order["number"]) == "open")

    cancelled = json.dumps(shop.change_order(order["id"], status="cancelled")).encode()
    first = running.post("/webhooks/woo", cancelled, woo_headers(cancelled, "d-2"))
    assert first.status_code == 202 and first.json()["message"] == "queued"
    wait_for(lambda: status_of(store, order["number"]) == "cancelled", timeout=5)
    again = running.post("/webhooks/woo", cancelled, woo_headers(cancelled, "d-2"))
    assert again.status_code == 200 and "duplicate" in again.json()["message"]
    assert running.delivered == ["woo", "woo"]  # d-1 and d-2, once each


def test_bad_deliveries_are_refused_with_the_reason(running: Running, store: Engine, shop: FakeWooCommerce):
    """GIVEN a running listener WHEN a delivery comes signed with another secret, unsigned, for an
    unknown source, signed but not JSON, or as WooCommerce's ping
    THEN 401, 401, 404, 400 and 200, and none of them reaches the connector or the store."""
    order = shop.add_order([("MUG-1", 1)])
    body = json.dumps(order).encode()
    forged = running.post("/webhooks/woo", body, woo_headers(body, "x-1", secret="guessed"))
    assert forged.status_code == 401 and "signature" in forged.json()["message"]
    unsigned = running.post("/webhooks/woo", body, {"Content-Type": "application/json"})
    assert unsigned.status_code == 401
    assert running.post("/webhooks/nope", body, woo_headers(body, "x-2")).status_code == 404
    broken = b'{"id": 12, "line_items": ['
    malformed = running.post("/webhooks/woo", broken, woo_headers(broken, "x-3"))
    assert malformed.status_code == 400 and "not JSON" in malformed.json()["message"]
    ping = b"webhook_id=17"
    assert running.post("/webhooks/woo", ping, woo_headers(ping, "x-4")).status_code == 200
    time.sleep(0.3)
    assert running.delivered == [] and status_of(store, order["number"]) is None
    # A forged delivery never blocks the real one with the same id.
    assert running.post("/webhooks/woo", body, woo_headers(body, "x-1")).status_code == 202


def test_a_source_without_a_webhook_secret_refuses_every_delivery(store: Engine, shop: FakeWooCommerce,
                                                                  woo_source: str):
    """GIVEN a source added without --webhook-secret-file WHEN a delivery comes THEN 401 saying so."""
    with store.begin() as conn:
        conn.execute(update(order_sources).where(order_sources.c.name == woo_source)
                     .values(settings=json.dumps({"notify_customer": True})))
    run = Running(store)
    try:
        body = b"{}"
        refused = run.post("/webhooks/woo", body, woo_headers(body, "n-1"))
        assert refused.status_code == 401 and "no webhook secret" in refused.json()["message"]
    finally:
        run.stop()


def test_shopify_deliveries_are_read_again_from_the_api_and_taken_once(store: Engine, tmp_path: Path):
    """GIVEN a Shopify source with a webhook secret and a running connector
    WHEN Shopify delivers orders/create for #5001 twice with the same X-Shopify-Webhook-Id
    THEN the order is read from the API and written once; the repeat is answered 200 as a duplicate."""
    with FakeShopify() as shopify:
        shopify.add_product("Stoneware mug", [{"sku": "MUG-1", "barcode": "4006381333931"}])
        ref = store_secret(shopify.token, name="shop-eu", config_dir=tmp_path / "config")
        add_source(store, name="shop-eu", platform="shopify", shop="shop-eu.myshopify.com", api_url=shopify.url,
                   secret_ref=ref, settings={"webhook_secret": SECRET})
        run = Running(store)
        try:
            wait_for(lambda: get_source(store, "shop-eu").last_round_at is not None, timeout=30)
            created = shopify.add_order(5001, [("MUG-1", 1)])
            body = json.dumps({"id": int(created["legacyResourceId"]), "admin_graphql_api_id": created["id"],
                               "name": "#5001"}).encode()
            headers = {"Content-Type": "application/json", "X-Shopify-Topic": "orders/create",
                       "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                       "X-Shopify-Hmac-Sha256": hmac_base64(SECRET, body)}
            assert run.post("/webhooks/shop-eu", body, headers).status_code == 202
            wait_for(lambda: status_of(store, "5001") == "open", timeout=10)
            assert run.post("/webhooks/shop-eu", body, headers).status_code == 200
            assert run.delivered == ["shop-eu"]
            bad = run.post("/webhooks/shop-eu", body, {**headers, "X-Shopify-Hmac-Sha256": hmac_base64("x", body)})
            assert bad.status_code == 401
        finally:
            run.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sources_run_listen_takes_a_cancellation_by_webhook(home: Path, shop: FakeWooCommerce, connected: dict,
                                                            tmp_path: Path):
    """GIVEN a standalone station connected to a shop (order synced), its webhook secret added
    WHEN `packstation sources run --listen 127.0.0.1:PORT --interval 3600` runs and the shop delivers
    the order's cancellation THEN the order is cancelled in the station's store within seconds, with
    no polling round; a bad --listen value is one clear line."""
    secret_file = tmp_path / "webhook.secret"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    packstation(home, "sources", "remove", "shop-eu")
    packstation(home, "sources", "add", "woocommerce", "shop-eu", "--url", shop.url,
                "--key-file", str(shop.key_file(tmp_path)), "--webhook-secret-file", str(secret_file))
    bad = subprocess.run([sys.executable, "-m", "app.cli", "sources", "run", "--listen", "localhost"],
                         capture_output=True, env=environment(home), cwd=home, timeout=60)
    assert bad.returncode == 2 and b"HOST:PORT" in bad.stderr and b"Traceback" not in bad.stderr

    port = free_port()
    run = subprocess.Popen([sys.executable, "-m", "app.cli", "sources", "run", "--interval", "3600",
                            "--listen", f"127.0.0.1:{port}"], env=environment(home), cwd=home,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert run.stdout is not None
        for _ in range(3):
            line = run.stdout.readline().decode()
            if "connector running" in line:
                break
        body = json.dumps(shop.change_order(connected["id"], status="cancelled")).encode()
        answer = httpx.post(f"http://127.0.0.1:{port}/webhooks/shop-eu", content=body,
                            headers=woo_headers(body, "run-1"), timeout=10)
        assert answer.status_code == 202

        from app.startup import open_bench

        bench = open_bench()
        try:
            wait_for(lambda: status_of(bench.engine, connected["number"]) == "cancelled", timeout=10)
        finally:
            bench.close()
    finally:
        run.terminate()
        assert run.wait(timeout=30) == 0, run.stderr.read().decode() if run.stderr else ""
