"""Which pack events count as what in the supervisor's figures (docs/supervisor.md, "Definitions").

The packing workflow (app.domain.session) writes these types; the lists here say how each one
is read: a lifecycle step, an accepted scan, an exception.
"""

from __future__ import annotations

from app.store.repository import CLOSING_TYPES

# Events that move a bench between "no order open" and "order open".
CLOSING = tuple(sorted(CLOSING_TYPES))  # order_packed, order_held, order_released, order_stopped, labels_voided
LIFECYCLE = ("signed_in", "signed_out", "order_opened", *CLOSING)

# Inputs the workflow accepted. With scan_rejected they make "all scans" for the error rate:
# every one stands for one barcode (or command) a packer scanned. box_closed, weight_recorded and
# label_printed are left out: the station writes them without a scan.
ACCEPTED_SCANS = ("order_opened", "item_packed", "item_unpacked", "code_requested", "qty_armed", "carton_chosen",
                  "box_reopened", "instructions_confirmed")

# Event types a supervisor's console writes (app.supervisor.actions); the stats never count them.
SUPERVISOR_TYPES = ("supervisor_signed_in", "supervisor_signed_out", "supervisor_sign_in_failed",
                    "supervisor_locked_out", "hold_resolved", "conflict_resolved", "report_exported")

COUNTED = tuple(sorted({*LIFECYCLE, *ACCEPTED_SCANS, "scan_rejected", "label_printed", "reprint_requested",
                        "override_granted", "weight_recorded", "print_failed", "item_packed"}))

# A gap between orders longer than this is a break (lunch, a meeting), not idle time.
BREAK_AFTER_S = 30 * 60

# Order difficulty classes for fair productivity, hardest first (the first that matches wins).
CLASSES = ("serial", "mixed", "multi", "single")
CLASS_TITLES = {
    "single": "single unit",
    "multi": "one SKU, several units",
    "mixed": "mixed SKUs",
    "serial": "serial-tracked",
}
