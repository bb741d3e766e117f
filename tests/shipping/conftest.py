from __future__ import annotations

import pytest

from app.shipping.ratecards import RateCardSource
from app.shipping.rules import load_rules
from app.store.repository import Repository
from tests.fixtures.station_db import station_database
from tests.shipping.fake_easypost import FakeEasyPost
from tests.support import TODAY, seed_small

SHIP_FROM = {"name": "Demo Warehouse", "company": "Packstation Demo", "line1": "100 Warehouse Way",
             "city": "Columbus", "region": "OH", "postcode": "43215", "country": "US", "phone": "+1 614 555 0100"}
# TODAY (from tests.support): the day these tests take as today, a Wednesday; the seeded orders ship by the day after.
__all__ = ["SHIP_FROM", "TODAY", "new_parcel"]


@pytest.fixture
def db(tmp_path):
    engine, sessions = station_database(tmp_path)
    seed_small(sessions)
    yield engine, sessions
    engine.dispose()


@pytest.fixture
def engine(db):
    return db[0]


@pytest.fixture
def repo(engine):
    repository = Repository(engine)
    yield repository
    repository.close()


@pytest.fixture
def easypost():
    fake = FakeEasyPost()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def cards():
    return RateCardSource.from_folder()


@pytest.fixture(scope="session")
def rules():
    return load_rules()


def new_parcel(repo: Repository, order: str = "1001", box: int = 1, *, weight_g: int = 900,
               carton: str | None = "M") -> str:
    return repo.save_parcel(order_number=order, box=box, station="BENCH-1", packer_id=None, carton=carton,
                            weight_g=weight_g, expected_g=None, weight_source="scale", carrier="UPS",
                            service_level="Ground")
