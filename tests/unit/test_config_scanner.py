"""[scanner] refuse_characters: a warehouse's own blocklist for scans."""

from __future__ import annotations

import pytest

from app.config import ConfigError, parse_config
from app.domain.scan import RejectReason, ScanRules, parse_scan


def test_the_blocklist_is_read_and_refuses_its_characters():
    """GIVEN refuse_characters = "^~|" THEN a scan holding | is refused, naming it; others pass."""
    config = parse_config({"scanner": {"refuse_characters": "^~|"}})
    assert config.scanner.refuse_characters == "^~|"
    rules = ScanRules(refuse_characters=config.scanner.refuse_characters)
    scan = parse_scan("A|B", rules)
    assert scan.reason is RejectReason.FORBIDDEN_CHARACTER and "|" in scan.message
    assert parse_scan('PIPE 1/2"', rules).accepted


def test_no_blocklist_by_default():
    assert parse_config({}).scanner.refuse_characters == ""


@pytest.mark.parametrize("value", ["A\tB", "A\x00", 5])
def test_a_bad_blocklist_names_the_key(value):
    with pytest.raises(ConfigError, match="scanner.refuse_characters"):
        parse_config({"scanner": {"refuse_characters": value}})
