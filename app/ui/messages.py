"""The station's sentences in the packer's language.

The domain speaks English (Feedback.message). Until its feedback carries a template and
parameters, the screen recognises its most frequent sentences by code and pattern, and says them
through Qt's translator; a sentence it does not recognise is shown as the domain wrote it, so a
change of wording in the domain can never blank the banner.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.domain.events import Feedback

# code -> (pattern of the English sentence, source template with {name} fields for the translator)
PATTERNS: dict[str, tuple[str, str]] = {
    "signed_in": (r"Hello (?P<name>.+)\. Scan an order\.", "Hello {name}. Scan an order."),
    "signed_out": (r"Signed out\. Scan a badge to sign in\.", "Signed out. Scan a badge to sign in."),
    "sign_in_first": (r"Scan your badge to sign in\.", "Scan your badge to sign in."),
    "unknown_badge": (r"Badge (?P<badge>.+) is not known\. Ask a supervisor\.",
                      "Badge {badge} is not known. Ask a supervisor."),
    "order_opened": (r"Order (?P<order>.+): (?P<units>\d+) item\(s\)\. Scan items\.",
                     "Order {order}: {units} item(s). Scan items."),
    "confirm_instructions": (r"Read the packing instructions, then scan CONFIRM\.",
                             "Read the packing instructions, then scan CONFIRM."),
    "instructions_confirmed": (r"Instructions confirmed\. Scan items\.", "Instructions confirmed. Scan items."),
    "item_packed": (r"✓ (?P<sku>\S+) (?P<done>\d+)/(?P<qty>\d+)(?: · serial (?P<serial>.+))?",
                    "✓ {sku} {done}/{qty}"),
    "wrong_item": (r"Wrong item: (?P<sku>.+) is not in order (?P<order>.+)\. Put it back\.",
                   "Wrong item: {sku} is not in order {order}. Put it back."),
    "other_order": (r"(?P<sku>.+) belongs to order (?P<order>.+)\. Put it back\.",
                    "{sku} belongs to order {order}. Put it back."),
    "unknown_barcode": (r"Unknown barcode (?P<code>.+)\. Set the item aside for a supervisor\.",
                        "Unknown barcode {code}. Set the item aside for a supervisor."),
    "serial_needed": (r"Now scan the SERIAL number of (?P<sku>.+)\.", "Now scan the SERIAL number of {sku}."),
    "lot_needed": (r"Now scan the LOT number of (?P<sku>.+)\.", "Now scan the LOT number of {sku}."),
    "order_cancelled": (r"Order (?P<order>.+) is CANCELLED\. Do not pack: tote to the supervisor\.",
                        "Order {order} is CANCELLED. Do not pack: tote to the supervisor."),
    "order_held": (r"Order (?P<order>.+) on hold \((?P<why>.+)\)\. Tote to the hold shelf\.",
                   "Order {order} on hold. Tote to the hold shelf."),
    "order_packed": (r"Order (?P<order>.+) packed\. Scan the next order\.",
                     "Order {order} packed. Scan the next order."),
    "box_labelled": (r"Box (?P<box>\d+) labelled\. Scan items for box (?P<next>\d+)\.",
                     "Box {box} labelled. Scan items for box {next}."),
    "item_unpacked": (r"Undone: take (?P<units>\d+)× (?P<sku>.+) out of the box\.",
                      "Undone: take {units}× {sku} out of the box."),
    "reprint": (r"Reprinting label for box (?P<box>\d+)\.", "Reprinting label for box {box}."),
    "finish_order_first": (r"Finish order (?P<order>\S+) first \(or HOLD it\)\.",
                           "Finish order {order} first (or HOLD it)."),
    "scan_order_first": (r"Scan an order or tote first\.", "Scan an order or tote first."),
    "unknown_order": (r"No order or tote (?P<ref>.+)\. Check the pick list\.",
                      "No order or tote {ref}. Check the pick list."),
    "nothing_to_undo": (r"Nothing to undo in this box\.", "Nothing to undo in this box."),
    "order_released": (r"Stopped packing (?P<order>.+)\. Put everything back in the tote\.",
                       "Stopped packing {order}. Put everything back in the tote."),
    "order_claimed": (r"Order (?P<order>.+) is being packed at (?P<station>.+)\.",
                      "Order {order} is being packed at {station}."),
    "order_not_held_offline": (r"Central database offline: order (?P<order>.+) is not held here, so it cannot be "
                               r"packed until the connection is back\.",
                               "Central database offline: order {order} is not held here, so it cannot be packed "
                               "until the connection is back."),
    "order_not_central": (r"Order (?P<order>.+) is not in the central database\. Give the tote to a supervisor\.",
                          "Order {order} is not in the central database. Give the tote to a supervisor."),
}
_COMPILED = {code: re.compile(pattern) for code, (pattern, _) in PATTERNS.items()}


def over_scan_text(match: re.Match[str]) -> str:  # pragma: no cover - kept for symmetry
    return match.group(0)


def feedback_text(feedback: Feedback) -> str:
    compiled = _COMPILED.get(feedback.code)
    if compiled is None:
        return feedback.message
    match = compiled.fullmatch(feedback.message)
    if match is None:
        return feedback.message
    template = PATTERNS[feedback.code][1]
    text = QCoreApplication.translate("Feedback", template)
    try:
        text = text.format(**{k: (v or "") for k, v in match.groupdict().items()})
    except (KeyError, IndexError, ValueError):
        return feedback.message  # a translation with a broken placeholder must not hide the message
    serial = match.groupdict().get("serial")
    if feedback.code == "item_packed" and serial:
        text += " · " + QCoreApplication.translate("Feedback", "serial {0}").format(serial)
    return text


def _register_for_lupdate() -> None:  # pragma: no cover - never called: lupdate reads the literals
    tr = QCoreApplication.translate
    tr("Feedback", "Hello {name}. Scan an order.")
    tr("Feedback", "Signed out. Scan a badge to sign in.")
    tr("Feedback", "Scan your badge to sign in.")
    tr("Feedback", "Badge {badge} is not known. Ask a supervisor.")
    tr("Feedback", "Order {order}: {units} item(s). Scan items.")
    tr("Feedback", "Read the packing instructions, then scan CONFIRM.")
    tr("Feedback", "Instructions confirmed. Scan items.")
    tr("Feedback", "✓ {sku} {done}/{qty}")
    tr("Feedback", "Wrong item: {sku} is not in order {order}. Put it back.")
    tr("Feedback", "{sku} belongs to order {order}. Put it back.")
    tr("Feedback", "Unknown barcode {code}. Set the item aside for a supervisor.")
    tr("Feedback", "Now scan the SERIAL number of {sku}.")
    tr("Feedback", "Now scan the LOT number of {sku}.")
    tr("Feedback", "Order {order} is CANCELLED. Do not pack: tote to the supervisor.")
    tr("Feedback", "Order {order} on hold. Tote to the hold shelf.")
    tr("Feedback", "Order {order} packed. Scan the next order.")
    tr("Feedback", "Box {box} labelled. Scan items for box {next}.")
    tr("Feedback", "Undone: take {units}× {sku} out of the box.")
    tr("Feedback", "Reprinting label for box {box}.")
    tr("Feedback", "Finish order {order} first (or HOLD it).")
    tr("Feedback", "Scan an order or tote first.")
    tr("Feedback", "No order or tote {ref}. Check the pick list.")
    tr("Feedback", "Nothing to undo in this box.")
    tr("Feedback", "Stopped packing {order}. Put everything back in the tote.")
    tr("Feedback", "Order {order} is being packed at {station}.")
    tr("Feedback", "Central database offline: order {order} is not held here, so it cannot be packed "
                   "until the connection is back.")
    tr("Feedback", "Order {order} is not in the central database. Give the tote to a supervisor.")
    tr("Feedback", "serial {0}")
