"""The label panel names the carrier service bought for the parcel, its price and its billable weight.

GIVEN a station.toml with [shipping] on the packaged rate cards, WHEN a packer packs an order at the
real window, THEN the label panel on the done screen shows what the shipping module bought, read
from `shipping_labels` on the station worker; a screenshot goes to resources/screenshots.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain.session import Phase
from app.store.shipping_models import ShippingLabel
from tests.support import SOCKS_GTIN

SCREENSHOT = Path(__file__).resolve().parents[2] / "resources" / "screenshots" / "20-label-rate.png"
STATION_TOML = """
[station]
name = "BENCH-3"

[ship_from]
name = "Demo Warehouse"
company = "Packstation Demo"
line1 = "100 Warehouse Way"
city = "Columbus"
region = "OH"
postcode = "43215"
country = "US"

[shipping]
sources = ["rate_cards"]
"""


def test_the_label_panel_shows_the_service_bought_and_its_price(home, make_gui):
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text(STATION_TOML, encoding="utf-8")
    gui = make_gui()
    assert gui.scan("PS:BADGE:P-1001") == "signed_in"
    assert gui.scan("1001") == "order_opened"
    assert gui.scan(SOCKS_GTIN) == "all_items_packed"
    assert gui.key(Qt.Key.Key_F4) == "order_packed"
    w = gui.window
    assert w.state.phase is Phase.DONE

    with gui.engine.connect() as conn:
        row = conn.execute(select(ShippingLabel.__table__)).one()
    assert row.state == "bought" and row.order_number == "1001"
    panel = w.await_order.label
    assert panel.isVisible() and panel.service.isVisible()
    shown = panel.service.text()
    assert f"{row.carrier} {row.service}" in shown and f"{row.rate} {row.currency}" in shown
    assert f"Billable weight {row.billable_weight}" in panel.service_detail.text()
    assert "Tracking" in panel.service_detail.text() or "tracking" in panel.service_detail.text()

    # The README's picture with PACKSTATION_SCREENSHOTS=1; otherwise the tree stays clean.
    shot = SCREENSHOT if os.environ.get("PACKSTATION_SCREENSHOTS") == "1" else home / SCREENSHOT.name
    shot.parent.mkdir(parents=True, exist_ok=True)
    gui.qtbot.wait(50)
    assert w.grab().save(str(shot))
