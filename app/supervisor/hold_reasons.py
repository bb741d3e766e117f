"""Why an order waits on the hold shelf, by code: the supervisor's English words and a code for the screen.

A packer's hold is recorded with its code (`order_held` payload `reason`: short, damaged, held; the
holds queue adds weight for a hold after a failed weight check); a stop at the bench with the English
the domain wrote ("cancelled by packer"). The English is what the CLI, the CSV and the shift report
show; the console words a `HoldReason` (app.domain.coded_text.CodedText, context "HoldReasons") in the
supervisor's language. A reason typed by a person or sent by a shop is shown as it was written.
"""

from __future__ import annotations

from app.domain.coded_text import CodedText

HOLD_REASONS: dict[str, str] = {
    # why the tote is on the hold shelf (the packer's command, or the failed weight check before it)
    "short": "Short pick",
    "damaged": "Damaged item",
    "held": "Held by packer",
    "weight": "Weight mismatch",
    # why packing stopped and the order went back to the queue
    "cancelled_by_packer": "cancelled by packer",
    # what the holds queue says of a hold or a conflict
    "missing": "missing {items}",
    "weighed": "weighed {grams} g, expected {expected} g ± {allowance} g",
    "one_then_another": "{first}; {then}",
    "sync_conflict": "Sync conflict: {kind}",
    "other_station": "{detail} (other station {station})",
}
# What older versions (and the domain) stored as English, by the code it stands for.
_STORED_ENGLISH = {"cancelled by packer": "cancelled_by_packer"}
_REASON_CODES = frozenset({"short", "damaged", "held", "weight", "cancelled_by_packer"})


class HoldReason(CodedText):
    """A hold's words for the supervisor, with the code a screen words them from."""

    context = "HoldReasons"
    templates = HOLD_REASONS


def hold_reason(stored: str | None) -> str:
    """A stored hold or stop reason as words: a HoldReason for a code (or English) the station wrote,
    else the text as a person or a shop wrote it."""
    stored = stored or ""
    code = _STORED_ENGLISH.get(stored, stored)
    return HoldReason(code) if code in _REASON_CODES else stored


def one_then_another(parts: list[str]) -> str:
    """Parts of a detail joined by "; ", each keeping its code."""
    return HoldReason.joined([p for p in parts if p])
