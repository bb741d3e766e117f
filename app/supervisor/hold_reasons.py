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
    # a sync conflict's kind (the central database's code, app.sync)
    "kind_cancelled_while_packing": "cancelled while packing",
    "kind_packed_twice": "packed twice",
    "kind_held_while_packing": "held while packing",
    "kind_claimed_elsewhere": "claimed elsewhere",
    "kind_not_claimed": "not claimed",
    "kind_lines_changed_while_packing": "lines changed while packing",
    # a conflict's detail, as the central database's guard (app/sync/migrations c0001, c0007) and the
    # pull (app.sync.pull) write it: English, read back into these codes for the screen
    "upstream_cancelled": "order was cancelled upstream; {event} at {station}",
    "already_by": "order was already {status} by {station}",
    "already": "order was already {status}",
    "upstream_held": "order was put on hold upstream",
    "claimed_stays": "{event} while {holder} held the claim (lease taken over or released); the order stays {status}",
    "claimed": "{event} while {holder} held the claim (lease taken over or released)",
    "not_claimed_stays": "{event} from {station}, which did not hold the claim on the order; the order stays {status}",
    "lines_changed": "the order's lines changed upstream while it was being packed here; the bench keeps packing "
                     "the lines it had",
    # the pack events and order statuses those details name (the English is the code, as stored)
    "event_order_opened": "order_opened",
    "event_order_packed": "order_packed",
    "event_order_held": "order_held",
    "event_order_released": "order_released",
    "event_order_stopped": "order_stopped",
    "event_labels_voided": "labels_voided",
    "status_open": "open",
    "status_packing": "packing",
    "status_packed": "packed",
    "status_held": "held",
    "status_cancelled": "cancelled",
    "status_shipped": "shipped",
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


_DETAILS = ("claimed_stays", "not_claimed_stays", "upstream_cancelled", "already_by", "claimed", "already",
            "upstream_held", "lines_changed")  # the more fixed words first: "already_by" before "already"


def conflict_kind(kind: str) -> str:
    """A sync conflict's kind in words (a HoldReason for a kind the station knows, else its code spaced)."""
    code = f"kind_{kind}"
    return HoldReason(code) if code in HOLD_REASONS else kind.replace("_", " ")


def conflict_status(status: str) -> str:
    """An order's status as stored (open, packed, cancelled...), a HoldReason when the station knows it."""
    code = f"status_{status}"
    return HoldReason(code) if code in HOLD_REASONS else status


def conflict_detail(stored: str | None) -> str:
    """A sync conflict's detail as stored (the central database's English) read back into its code, the
    event and status it names worded too; a detail the station does not know as it is."""
    text = HoldReason.read_back(stored, _DETAILS)
    if not isinstance(text, HoldReason):
        return text
    values = dict(text.values)
    for name, prefix in (("event", "event_"), ("status", "status_")):
        if f"{prefix}{values.get(name)}" in HOLD_REASONS:
            values[name] = HoldReason(f"{prefix}{values[name]}")
    return HoldReason(text.code, **values)


def one_then_another(parts: list[str]) -> str:
    """Parts of a detail joined by "; ", each keeping its code."""
    return HoldReason.joined([p for p in parts if p])
