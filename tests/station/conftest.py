from __future__ import annotations

import pytest

from app.printing import station_output
from app.startup import open_bench
from app.station import Station
from app.store.repository import Repository
from tests.support import seed_small


@pytest.fixture
def bench(home):
    bench = open_bench()
    seed_small(bench.sessions)
    yield bench
    bench.close()


@pytest.fixture
def station(bench):
    station = Station(bench.config, Repository(bench.engine), station_output(bench))
    yield station
    station.repo.close()
