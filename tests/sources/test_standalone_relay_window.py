"""The packing window of a standalone station shows the cancelled screen when the shop connector,
another process, cancels the order it has open (issue 21: "cancelling it in the store stops the packer")."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path  # noqa: E402

from tests.sources.commands import BADGE, MUG_GTIN, packstation  # noqa: E402
from tests.sources.fake_woocommerce import FakeWooCommerce  # noqa: E402


def _scan(window, qtbot, code: str) -> str:
    window.submit_scan(code, manual=True)
    qtbot.waitUntil(lambda: window.idle, timeout=10000)
    return window.last_outcome.code


def test_the_window_stops_the_packer_when_a_sync_process_cancels_the_order(home: Path, shop: FakeWooCommerce,
                                                                           connected: dict, qtbot):
    """GIVEN the station window open on a standalone station, packing a shop order (one mug of two)
    WHEN the shop cancels the order and `packstation sources sync` runs as a separate process
    THEN the window shows the stop (order_stopped, the order no longer open) without any scan,
    and the next order can be opened."""
    from app.ui.app import build_window, start_job

    window = build_window([], job=start_job(demo=False))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.ready and window.idle, timeout=20000)
        assert _scan(window, qtbot, f"PS:BADGE:{BADGE}") == "signed_in"
        assert _scan(window, qtbot, connected["number"]) == "order_opened"
        assert _scan(window, qtbot, MUG_GTIN) == "item_packed"

        shop.change_order(connected["id"], status="cancelled")
        packstation(home, "sources", "sync")
        qtbot.waitUntil(lambda: window.last_outcome is not None and window.last_outcome.code == "order_stopped",
                        timeout=5000)
        assert window.state.order is None
        assert "CANCELLED" in window.last_outcome.message
    finally:
        window.shutdown()
