"""Barcode text with quotes, semicolons, ^ and ~ is accepted at the scanner; the sinks make it
harmless: bound SQL parameters store it verbatim, ZPL ^FH escapes print it as text."""

from __future__ import annotations

import re

from sqlalchemy import text

from printers.zpl import escape
from tests.support import PHONE_GTIN

HOSTILE_SERIAL = "SN'1\";DROP TABLE packed_serials;--^XA^FDX^FS~JA"


def test_a_serial_with_sql_and_printer_codes_is_stored_verbatim(bench, station):
    """GIVEN a phone that needs a serial WHEN the serial scanned holds ' " ; -- ^ ~
    THEN it is packed, and the database holds exactly that text (its tables intact)."""
    station.scan("PS:BADGE:P-1001")
    station.scan("1003")
    assert station.scan(PHONE_GTIN).code == "serial_needed"
    assert station.scan(HOSTILE_SERIAL).code in ("item_packed", "all_items_packed")
    with bench.engine.connect() as conn:
        serials = conn.execute(text("select serial from packed_serials")).scalars().all()
    assert serials == [HOSTILE_SERIAL]


def test_the_same_text_in_a_zpl_field_is_data_not_commands():
    """GIVEN that serial in a ZPL ^FH^FD field THEN no ^ or ~ reaches the printer raw, and the
    printer's _XX hex escapes give back exactly the scanned text."""
    field = escape(HOSTILE_SERIAL)
    assert "^" not in field and "~" not in field
    assert re.sub(r"_([0-9A-F]{2})", lambda m: chr(int(m[1], 16)), field) == HOSTILE_SERIAL
