"""Fixtures for tests against a real PostgreSQL: one throwaway cluster per session, one database per test.

The cluster starts once (about a second); the central schema is migrated once into a template
database, and each test gets a copy of it (CREATE DATABASE ... TEMPLATE: tens of milliseconds)
with its own central id. With CI set, a test that needs PostgreSQL fails when none can be
started; elsewhere it is skipped with the reason.

Tests marked `slow` (the 60-second outage) run only when asked for: `pytest -m slow
tests/central` or PACKSTATION_SLOW=1.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.central.pgcluster import Cluster, ClusterUnavailable, start_cluster

TEMPLATE = "central_template"
HERE = Path(__file__).resolve().parent
_numbers = itertools.count(1)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The 60-second outage runs on CI (the issue's test) and when asked for; a developer's run
    takes its 10-second variant instead, which CI then leaves out as redundant."""
    slow = ("slow" in (config.getoption("markexpr", "") or "") or os.environ.get("PACKSTATION_SLOW") == "1"
            or bool(os.environ.get("CI")))
    marker, reason = (("quick_variant", "the 60-second outage runs instead") if slow else
                      ("slow", "slow (a 60 s outage): runs on CI, or with PACKSTATION_SLOW=1"))
    for item in items:
        if item.get_closest_marker(marker) and HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except ClusterUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required on CI and could not be started: {exc}")
        pytest.skip(f"no PostgreSQL server for the central-database tests: {exc}")
    try:
        from app.sync.schema import upgrade

        cluster.psql(f"CREATE DATABASE {TEMPLATE}")
        upgrade(cluster.admin_url(TEMPLATE))
        yield cluster
    finally:
        cluster.destroy()


@dataclass
class Central:
    """One central database of the session's cluster, and helpers to fill and inspect it."""

    pg: Cluster
    db: str
    secrets_dir: Path
    passwords: dict[str, Path] = field(default_factory=dict)

    @property
    def admin_url(self) -> str:
        return self.pg.admin_url(self.db)

    def connect(self):
        from app.sync.pg import admin_connect

        return admin_connect(self.admin_url)

    def rows(self, query: str, params: tuple = ()) -> list[tuple]:
        with self.connect() as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def value(self, query: str, params: tuple = ()):
        rows = self.rows(query, params)
        return rows[0][0] if rows else None

    def add_station(self, name: str) -> str:
        """Create the station's role; returns its TCP URL. The password goes to a 0600 file."""
        from app.sync.roles import add_station, write_password_file

        creds = add_station(self.admin_url, name)
        path = self.secrets_dir / f"{name}.password"
        write_password_file(path, creds.password)
        self.passwords[name] = path
        return self.pg.tcp_url(creds.role, self.db)

    def settings(self, name: str, **overrides):
        from app.sync.settings import CentralSettings

        url = self.add_station(name) if name not in self.passwords else self.pg.tcp_url(f"ps_{name.lower()}", self.db)
        values = {"url": url, "password_file": str(self.passwords[name]), "sync_interval_ms": 100,
                  "claim_timeout_ms": 1000, "preclaim": 0, "lease_seconds": 300, **overrides}
        return CentralSettings(**values)

    def seed(self, *, orders: int = 10, products: int = 50, first: int = 100001) -> list[str]:
        """A catalogue, a carton, a packer and `orders` open orders of 1-3 lines; returns their numbers.

        Written with set-based SQL (a few milliseconds for thousands of orders); the importer
        has its own tests.
        """
        with self.connect() as conn:
            conn.execute("INSERT INTO products (sku, name, weight_g, length_mm, width_mm, height_mm) "
                         "SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i, 50 + i %% 400, 100, 80, 50 "
                         "FROM generate_series(1, %s) i ON CONFLICT (sku) DO NOTHING", (products,))
            conn.execute("INSERT INTO barcodes (code, product_id) SELECT 'B' || sku, id FROM products "
                         "ON CONFLICT DO NOTHING")
            conn.execute("INSERT INTO cartons (code, name, length_mm, width_mm, height_mm, tare_g, max_weight_g) "
                         "VALUES ('XL', 'Large box', 600, 400, 400, 500, 30000) ON CONFLICT (code) DO NOTHING")
            conn.execute("INSERT INTO users (name, badge, role) VALUES ('Pat Packer', 'P-1001', 'packer'), "
                         "('Sam Supervisor', 'S-2001', 'supervisor') ON CONFLICT (name) DO NOTHING")
            numbers = [row[0] for row in conn.execute(
                "INSERT INTO orders (number, channel, ship_to_name, ship_to_line1, ship_to_city, ship_to_postcode, "
                "ship_to_country, carrier, service_level, ship_by, priority) "
                "SELECT (%s + i)::text, 'Shopify', 'Customer ' || i, '1 Road', 'Town', '12345', 'US', 'UPS', "
                "'Ground', current_date + (i %% 3), 0 FROM generate_series(0, %s - 1) i RETURNING number",
                (first, orders)).fetchall()]
            count = conn.execute("SELECT count(*) FROM products").fetchone()[0]
            conn.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity) "
                         "SELECT o.id, l, p.id, 1 + (o.id + l) %% 2 FROM orders o "
                         "CROSS JOIN LATERAL generate_series(1, 1 + o.id %% 3) l "
                         "JOIN products p ON p.sku = 'SKU-' || lpad((1 + (o.id * 7 + l * 13) %% %s)::text, 5, '0') "
                         "WHERE o.number = ANY(%s)", (count, numbers))
        return numbers


@pytest.fixture
def central(pg: Cluster, tmp_path: Path) -> Iterator[Central]:
    name = f"central_{os.getpid()}_{next(_numbers)}"
    pg.psql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    # Each copy its own identity: stations tell central databases apart by it.
    pg.psql("UPDATE meta SET value = gen_random_uuid()::text WHERE key = 'central_id'", database=name)
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    yield Central(pg, name, secrets)
    if pg.running():
        pg.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def make_station(central: Central, tmp_path: Path):
    """make_station("S01", preclaim=2) -> an in-process LocalStation with its own SQLite database."""
    from tests.central.support import LocalStation

    made: list[LocalStation] = []

    def make(name: str, **overrides) -> LocalStation:
        station = LocalStation(tmp_path / "stations", name, central.settings(name, **overrides))
        made.append(station)
        return station

    yield make
    for station in made:
        station.close()
