"""Words from codes: every outcome and every scan rejection the station can tell a packer is worded
on the screen from its code and values, in English and in German, with nothing left in English.

The codes are enumerated from the source (app.ui.wording reads every `_say`, `_reject`,
`Feedback.say` and `Feedback(...)` of the application), so a new message without wording fails here.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from app.domain.events import BadgeScanned, Feedback, ItemScanned, OrderScanned, ScanRejected, Tone, Worded
from app.domain.model import Order, OrderLine, Product, Role, User
from app.domain.scan import RejectReason, parse_scan
from app.domain.session import PackSession
from app.ui.i18n import TRANSLATIONS_DIR, install_language, read_ts
from app.ui.messages import FLAGS, GRADES, SCAN_REJECTIONS, WHERE, feedback_text, word, worded_text
from app.ui.wording import APP_DIR, everything_said, feedback_templates

GERMAN = read_ts(TRANSLATIONS_DIR / "packstation_de.ts")

# Words that are English and never German. Command-card words (CONFIRM, HOLD...) are capitals and
# excluded by the check below only in English spelling: German cards read BESTÄTIGEN, PARKEN...
ENGLISH = {
    "the", "is", "are", "was", "were", "be", "been", "scan", "scanned", "order", "orders", "item", "items", "box",
    "carton", "label", "labels", "first", "then", "and", "or", "not", "of", "for", "with", "this", "that", "put",
    "type", "check", "supervisor", "tote", "print", "printing", "printed", "packed", "already", "nothing", "no",
    "back", "weight", "scale", "serial", "return", "returns", "approved", "by", "grade", "hold", "bin", "missing",
    "unknown", "wrong", "needs", "need", "ready", "refund", "take", "out", "again", "number", "open", "closed",
    "close", "cancelled", "shipped", "ships", "without", "now", "next", "more", "only", "one", "each", "any"
}
ENGLISH_CAPITALISED = {"The", "Order", "Item", "Put", "Type", "Check", "Nothing", "Finish", "Wrong", "Unknown",
                       "Return", "Label", "Grade", "Weight", "Quantity", "Approved", "Hello", "Already", "Reprint",
                       "Serial", "Box", "Carton", "No", "This", "Use", "Stopped", "Undone", "Resending"}
CARD_WORDS = {"CONFIRM", "HOLD", "UNDO", "COMPLETE", "REPRINT", "NEXT", "BOX", "SHORT", "VOID", "CANCEL", "QTY",
              "SERIAL", "LOT", "STOP", "CANCELLED", "ON", "PUT", "SUPERVISOR"}


def sample_values(template: str) -> dict[str, object]:
    """A value for every field: names and numbers as a packer would see them, none of them English words."""
    fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return {name: f"«{name.upper()}-7»" for name in fields}


def english_left(text: str) -> list[str]:
    words = re.findall(r"[A-Za-zÄÖÜäöüß]+", re.sub(r"«[^»]*»", "", text))
    return [w for w in words if w in ENGLISH or w in ENGLISH_CAPITALISED or w in CARD_WORDS]


@pytest.fixture
def english(qapp):
    install_language("en")


def test_every_place_that_tells_the_packer_something_has_a_template():
    """GIVEN the application's source
    WHEN every call that tells the packer something is read
    THEN each says a template the catalogue can hold (no f-string, nothing computed at run time)."""
    said = everything_said()
    assert len(said) > 150  # the packing and returns sessions, the station, the print desk
    unresolved = [f"{s.path}:{s.line} {s.code}: {s.unresolved}" for s in said if s.unresolved]
    assert unresolved == []
    codes = {s.code for s in said if s.code}
    assert {"weight_mismatch", "over_scan", "duplicate_serial", "label_failed", "items_missing",
            "wrong_item", "grade_item", "resent"} <= codes


def test_every_template_is_worded_in_english_with_every_value(english):
    """GIVEN every template in the source, each with a value for each field
    WHEN the screen words it in English
    THEN it reads as the domain's own sentence, every value in place."""
    for template in feedback_templates():
        values = sample_values(template)
        text = word(template, values)
        assert text == template.format(**values)
        assert text.strip() and "{" not in text


def test_every_template_is_worded_in_german_with_nothing_left_in_english(german):
    """GIVEN every template in the source
    WHEN the screen words it in German
    THEN there is a German translation, every value is substituted, and no English word is left
    (names, SKUs and numbers are values, kept as they are)."""
    missing, broken, english = [], [], []
    for template in feedback_templates():
        if ("Feedback", template) not in GERMAN:
            missing.append(template)
            continue
        values = sample_values(template)
        text = word(template, values)
        if not text.strip() or "{" in text or any(str(v) not in text for v in values.values()):
            broken.append((template, text))
        left = english_left(text)
        if left:
            english.append((text, left))
    assert missing == [], "add German to packstation_de.ts (context Feedback), then `python -m app.ui.i18n`"
    assert broken == []
    assert english == []


def test_every_scan_rejection_reason_is_worded_in_both_languages(qapp):
    """GIVEN every reason a scan can be refused for (the scanner layer's and the station's own)
    WHEN the screen words a refused scan
    THEN each reason has a sentence, with the scan in it where it has one, German without English."""
    reasons = {r.value for r in RejectReason} | literal_scan_rejection_reasons()
    assert reasons - set(SCAN_REJECTIONS) == set()
    for language in ("en", "de"):
        install_language(language)
        for reason in reasons:
            feedback = Feedback(Tone.REJECTED, reason, "as the scanner layer said it", values={"raw": "Ω-42"})
            text = feedback_text(feedback)
            assert text.strip() and "{" not in text and text != feedback.message
            if "{raw}" in SCAN_REJECTIONS[reason]:
                assert "Ω-42" in text
            if language == "de":
                assert english_left(text) == [], text
    install_language("en")


def literal_scan_rejection_reasons() -> set[str]:
    """The reasons the station and the returns bench give ScanRejected themselves (string literals)."""
    found = set()
    for path in Path(APP_DIR).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ScanRejected" and len(node.args) > 1:
                reason = node.args[1]
                if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
                    found.add(reason.value)
    return found


def test_vocabulary_values_are_worded_in_german(german):
    """GIVEN a returned unit's grade, its flags and where it goes, as values of a feedback
    WHEN worded in German
    THEN each is German, with the SKU, serial and bin kept."""
    for grade in GRADES:
        assert english_left(worded_text(Worded("grade", ((grade,),), grade))) == []
    flags = Worded("flags", tuple((flag, "MUG-1", "SN-9") for flag in FLAGS), "english")
    text = worded_text(flags)
    assert text.count("MUG-1") == len(FLAGS) and "Seriennr. SN-9" in text
    assert english_left(text.replace("MUG-1", "").replace("SN-9", "")) == []
    for where in WHERE:
        code = where.rstrip(":")
        value = Worded("where", ((code, "" if where.endswith(":") else "B-12"),), "english")
        assert english_left(worded_text(value).replace("B-12", "")) == []
    assert worded_text(Worded("where", (("quarantine", "Q-1"),), "put it in Q-1")) == "in Q-1 legen"


def test_a_packing_session_speaks_german_on_the_screen(german):
    """GIVEN a packer signed in at a German station with order 1001 (two socks) open
    WHEN they scan a product of another order, too many socks, and a smudged barcode
    THEN the banner says each in German, naming the SKU and the order."""
    socks = Product("SOCK-M", "Merino Wool Socks", 120)
    mug = Product("MUG-1", "Mug", 350)
    order = Order("1001", (OrderLine(1, socks, 2),))
    session = PackSession()
    packer = User(1, "Priya Patel", Role.PACKER, "P-1")
    said = []
    for event in (BadgeScanned("P-1", packer), OrderScanned("1001", order), ItemScanned("mug", mug),
                  ItemScanned("socks", socks, units=3)):
        decision = session.decide(event)
        session.apply(decision.facts)
        said.append(feedback_text(decision.feedback))
    smudged = parse_scan("4006381333932")  # EAN-13 with a wrong check digit
    rejected = session.decide(ScanRejected(smudged.raw, smudged.reason.value, smudged.message))
    said.append(feedback_text(rejected.feedback))
    assert said[0].startswith("Hallo Priya Patel")
    assert "Auftrag 1001" in said[1]
    assert "Falscher Artikel: MUG-1" in said[2] and "1001" in said[2]
    assert "SOCK-M" in said[3] and "Zurücklegen" in said[3]
    assert "Prüfziffer" in said[4] and "4006381333932" in said[4]
    for text in said:
        assert english_left(text.replace("Priya Patel", "").replace("Merino", "")) == [], text
