"""Which prefix and which numbering a station's cartons and pallets get."""

from __future__ import annotations

import pytest

from app.config import ConfigError, parse_config
from app.returns.sscc import DEMO_COMPANY_PREFIX, sscc_options
from app.sync.sequences import CentralSerials


def test_a_standalone_station_numbers_locally_with_its_configured_prefix():
    config = parse_config({"station": {"name": "B1"}, "gs1": {"company_prefix": "0614141"}})
    assert sscc_options(config) == {"company_prefix": "0614141"}
    assert sscc_options(config, "4012345") == {"company_prefix": "4012345"}  # a command-line override
    assert sscc_options(parse_config({}))["company_prefix"] == DEMO_COMPANY_PREFIX


def test_a_networked_station_takes_its_serials_from_the_central_sequence_with_a_reserve():
    config = parse_config({"station": {"name": "B1"}, "central": {"url": "postgresql://ps_b1@db.example/wh"},
                           "gs1": {"sscc_reserve": 50}})
    source = sscc_options(config)["sscc_source"]
    assert isinstance(source, CentralSerials) and source.reserve == 50 and source.name == "sscc"


@pytest.mark.parametrize("prefix", ["12345", "ABC1234", "1234567890123"])
def test_a_company_prefix_that_is_not_6_to_12_digits_is_refused_with_the_key_named(prefix):
    with pytest.raises(ConfigError, match="gs1.company_prefix"):
        parse_config({"gs1": {"company_prefix": prefix}})
