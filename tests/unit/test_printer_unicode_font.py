"""[printers] unicode_font: a Unicode TrueType font on the ZPL label printer, named in station.toml.

With it, text the printer's resident font cannot print (a Japanese name, an Arabic street) goes
to the printer as text in that font (^A@) instead of as a graphic field (issue 16, item 3).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ConfigError, parse_config
from app.printing.labels import render_own_label
from app.printing.output import Printers
from printers import LabelError, render_zpl
from printers.documents import Address, ShippingLabelData, shipping_label

SENDER = Address("Northwind Fulfilment", "", "Unit 4", "", "Leeds", "", "LS11 5QT", "GB")
TOKYO = Address("山田太郎", "", "千代田1-1", "", "千代田区", "東京都", "100-0001", "JP")


def test_the_font_named_in_station_toml_reaches_the_zpl_of_the_stations_own_label(tmp_path: Path) -> None:
    """GIVEN station.toml with a ZPL label printer and unicode_font = "e:notosanscjk.ttf"
    WHEN the station renders the label of a parcel to 山田太郎 in Tokyo for that printer
    THEN the name is sent as text in E:NOTOSANSCJK.TTF (^A@), not as a graphic field."""
    config = parse_config({"printers": {"label": "tcp://127.0.0.1:9100", "unicode_font": "e:notosanscjk.ttf"}})
    assert config.label_unicode_font == "E:NOTOSANSCJK.TTF"
    printers = Printers.from_config(config, tmp_path)
    assert (printers.label_format, printers.unicode_font) == ("zpl", "E:NOTOSANSCJK.TTF")
    label = shipping_label(ShippingLabelData(order_number="5001", ship_from=SENDER, ship_to=TOKYO))
    zpl = render_own_label(label, printers.label_format, "5001-1", printers.unicode_font).decode()
    assert "^A@N,48,48,E:NOTOSANSCJK.TTF" in zpl and "^FD山田太郎^FS" in zpl
    assert "^GF" not in zpl


def test_without_the_setting_such_text_goes_as_graphics(tmp_path: Path) -> None:
    printers = Printers.from_config(parse_config({"printers": {"label": "tcp://127.0.0.1:9100"}}), tmp_path)
    assert printers.unicode_font is None
    label = shipping_label(ShippingLabelData(order_number="5001", ship_from=SENDER, ship_to=TOKYO))
    zpl = render_own_label(label, printers.label_format, "5001-1", printers.unicode_font).decode()
    assert "^A@" not in zpl and "^GFA" in zpl


@pytest.mark.parametrize("bad", ["NOTOSANSCJK.TTF", "E:^XA.TTF", "E:FONT", "Q:FONT.TTF", "E:.TTF", "E:A,B.TTF"])
def test_a_name_that_is_no_printer_font_is_refused_at_start_naming_the_key(bad: str) -> None:
    """GIVEN a unicode_font that is not a printer font name WHEN the configuration is read
    THEN the error names printers.unicode_font and shows what a name looks like; the renderer
    refuses the same name (the two rules agree)."""
    with pytest.raises(ConfigError, match=r"printers\.unicode_font .* like E:NOTOSANSCJK\.TTF"):
        parse_config({"printers": {"unicode_font": bad}})
    with pytest.raises(LabelError):
        render_zpl(shipping_label(ShippingLabelData(order_number="1", ship_from=SENDER, ship_to=TOKYO)),
                   unicode_font=bad)


@pytest.mark.parametrize("good", ["E:NOTOSANSCJK.TTF", "r:arialuni.ttf", "B:FONT.TTE", "A:SWISS 721.FNT"])
def test_names_the_renderer_takes_are_accepted(good: str) -> None:
    assert parse_config({"printers": {"unicode_font": good}}).label_unicode_font == good.upper()
    render_zpl(shipping_label(ShippingLabelData(order_number="1", ship_from=SENDER, ship_to=TOKYO)),
               unicode_font=good)
