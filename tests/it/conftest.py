"""Fixtures for the IT tools: a station of its own, a simulated Zebra printer, closed ports.

The PyInstaller build test is marked `slow` and skipped unless asked for, so the default run
stays fast: run it with `pytest -m slow tests/it` (or PACKSTATION_BUILD_TEST=1).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from app.config import station_paths
from printers.simulator import ZebraSimulator

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = "slow" in (config.getoption("markexpr", "") or "") or os.environ.get("PACKSTATION_BUILD_TEST") == "1"
    if wanted:
        return
    skip = pytest.mark.skip(reason="slow (about a minute): run with `pytest -m slow tests/it` "
                                   "or PACKSTATION_BUILD_TEST=1")
    for item in items:
        if item.get_closest_marker("slow") and HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


@pytest.fixture
def paths(home):
    """This test's station folders (PACKSTATION_HOME), created."""
    return station_paths().ensure()


@pytest.fixture
def write_station(paths):
    """Write station.toml from TOML text; returns its path."""

    def write(text: str) -> Path:
        paths.config_file.write_text(text, encoding="utf-8")
        return paths.config_file

    return write


@pytest.fixture
def zebra():
    with ZebraSimulator() as printer:
        yield printer


def closed_port() -> int:
    """A 127.0.0.1 port nobody listens on: bound, then closed, so connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_port() -> int:
    return closed_port()
