"""Fixtures for live order sources: a fake WooCommerce shop and a standalone station's store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.sources.registry import add_source, config_of, get_source, store_secret
from app.sources.woocommerce import WooCommerceAdapter
from app.store.db import open_database, sqlite_url
from tests.sources.fake_woocommerce import FakeWooCommerce


@pytest.fixture
def shop() -> Iterator[FakeWooCommerce]:
    fake = FakeWooCommerce().start()
    yield fake
    fake.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    """A standalone station's database, migrated to every head (0012 included)."""
    engine, _ = open_database(sqlite_url(tmp_path / "station.db"))
    yield engine
    engine.dispose()


@pytest.fixture
def source(store: Engine, shop: FakeWooCommerce, tmp_path: Path) -> str:
    ref = store_secret(f"{shop.key}\n{shop.secret}", name="woo", config_dir=tmp_path / "config")
    add_source(store, name="woo", platform="woocommerce", shop=shop.url, api_url=shop.url, secret_ref=ref,
               settings={"notify_customer": True})
    return "woo"


class Sleeps(list):
    """Stands in for time.sleep: records each wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def adapter(store: Engine, source: str, sleeps: Sleeps) -> Iterator[WooCommerceAdapter]:
    woo = WooCommerceAdapter(config_of(get_source(store, source)), sleep=sleeps)
    yield woo
    woo.close()


@pytest.fixture
def connected(home: Path, shop: FakeWooCommerce, tmp_path: Path) -> dict:
    """A standalone station (PACKSTATION_HOME=home) with a packer, connected to a shop that has a
    paid order for two mugs, synced once by the real commands. Returns the shop's order."""
    from tests.sources.commands import BADGE, MUG_GTIN, packstation

    home.mkdir(parents=True, exist_ok=True)
    shop.add_product("MUG-1", name="Stoneware mug", gtin=MUG_GTIN)
    order = shop.add_order([("MUG-1", 2)], shipping={"first_name": "Zoë 🌸", "last_name": "Ōtani"})
    packstation(home, "users", "add", "--name", "Ana Packer", "--role", "packer", "--badge", BADGE)
    packstation(home, "sources", "add", "woocommerce", "shop-eu", "--url", shop.url,
                "--key-file", str(shop.key_file(tmp_path)))
    assert "1 written" in packstation(home, "sources", "sync").stdout.decode()
    return order
