"""Words from codes for the printing output's reasons (app.printing.reasons; issue 20 item 2).

GIVEN a label or slip the station's printing output cannot make (a template that cannot be drawn, a
ZPL label for a PDF printer, shipping not set up, labels that could not be voided), WHEN the station
passes the reason on, THEN it is a code with values: the English is the sentence it always was, and a
German screen words it (every code is walked in both languages by tests/gui/test_words_setup.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

from app.printing.output import _cannot_draw
from app.printing.reasons import OUTPUT_REASONS, OutputReason, one_after_another
from app.shipping.reasons import CarrierReason
from app.ui.messages import coded_text, feedback_text
from tests.gui.test_words import english_left

ROOT = Path(__file__).resolve().parents[2]


def test_every_output_code_said_is_in_its_table_and_every_code_is_said():
    tree = ast.parse((ROOT / "app" / "printing" / "output.py").read_text(encoding="utf-8"))
    used = {n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call)
            and getattr(n.func, "id", "") == "OutputReason" and isinstance(n.args[0], ast.Constant)}
    assert used - set(OUTPUT_REASONS) == set()
    assert set(OUTPUT_REASONS) - used == {"one_then_another"}  # one_after_another's, for the void problems


def test_the_english_is_what_the_packer_always_read():
    assert _cannot_draw(ValueError("no template 'x.zpl'")) == "The label cannot be made (no template 'x.zpl')."
    assert _cannot_draw(ValueError("x")).code == "label_cannot_be_made"
    problems = [CarrierReason("busy"), CarrierReason("unknown_shipment")]
    joined = one_after_another(problems)
    assert joined == " ".join(problems) and joined.code == "one_then_another"
    assert one_after_another([problems[0]]) is problems[0] and one_after_another([]) == ""


def test_a_failed_label_with_an_output_reason_reads_german(german):
    from app.domain.events import Feedback, Tone
    from app.station import PrintFailed, _reason

    failure = PrintFailed(OutputReason("shipping_not_set_up", error="[shipping] sources: unknown 'ups'"))
    reason = _reason(failure)
    assert reason.code == "shipping_not_set_up" and reason == str(failure)
    feedback = Feedback.say(Tone.REJECTED, "label_failed", "Label did not print: {reason} Then scan REPRINT.",
                            reason=reason)
    text = feedback_text(feedback)
    assert text.startswith("Etikett nicht gedruckt: Der Versand ist nicht richtig eingerichtet")
    assert "[shipping] sources: unknown 'ups'" in text

    voided = coded_text(one_after_another([CarrierReason("busy"), CarrierReason("unknown_shipment")]))
    assert not english_left(voided) and voided.startswith("Der Versanddienst")
    assert not english_left(coded_text(OutputReason("carrier_label_zpl")).replace("„", "«").replace("“", "»"))
