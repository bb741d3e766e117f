"""Words from codes, for the station setup and the printers' and carriers' reasons (issue 20 item 2,
extended): every text the setup (app.it.first_start), a printer failure (printers.reasons) and a
failed label purchase (app.shipping.reasons) can say is a code with values; the English is the
sentence as it always was, the screen words it in German with no English left. The codes are walked
from their tables, and the setup screen is shown in German with real problems from the service.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.config import Config
from app.config_reasons import CONFIG_REASONS, ConfigReason
from app.devices.reasons import DEVICE_REASONS, DeviceReason
from app.it import first_start
from app.it.first_start import SETUP_FIELDS, SETUP_WORDS, SetupError, SetupText, SetupValues
from app.printing.reasons import OUTPUT_REASONS, OutputReason
from app.shipping.reasons import CARRIER_REASONS, CarrierReason
from app.supervisor.hold_reasons import HOLD_REASONS, HoldReason
from app.ui.i18n import TRANSLATIONS_DIR, install_language, read_ts
from app.ui.messages import coded_text, feedback_text
from printers.reasons import REASONS, Reason, reason_of
from tests.gui.test_words import english_left, sample_values

GERMAN = read_ts(TRANSLATIONS_DIR / "packstation_de.ts")
TABLES = {"SetupWords": SETUP_WORDS, "Reasons": REASONS, "CarrierReasons": CARRIER_REASONS,
          "OutputReasons": OUTPUT_REASONS, "DeviceReasons": DEVICE_REASONS, "ConfigReasons": CONFIG_REASONS,
          "HoldReasons": HOLD_REASONS}
CLASSES = {"SetupWords": SetupText, "Reasons": Reason, "CarrierReasons": CarrierReason,
           "OutputReasons": OutputReason, "DeviceReasons": DeviceReason, "ConfigReasons": ConfigReason,
           "HoldReasons": HoldReason}


def without_quotes(text: str) -> str:
    """What a label prints is quoted as it prints ("Ship-from not configured"), and addresses are typed as
    they are (serial:///dev/ttyUSB0): not the screen's words."""
    return re.sub(r"[a-z]+://\S*", "", re.sub(r"„[^“]*“", "", text))


@pytest.fixture
def english(qapp):
    install_language("en")


def coded(context: str, code: str, values: dict) -> str:
    return CLASSES[context](code, **values)


def test_every_setup_and_printer_code_is_its_english_sentence(english):
    """GIVEN every code of the setup and of the printers' reasons, with a value for each field
    WHEN it is made and worded in English
    THEN the text is the template filled in (what the CLI, doctor and the logs show) and the screen
    shows exactly that."""
    for context, table in TABLES.items():
        for code, template in table.items():
            values = sample_values(template)
            text = coded(context, code, values)
            assert text == template.format(**values) and type(str(text)) is str
            assert (text.code, text.template, text.context) == (code, template, context)
            assert coded_text(text) == text


def test_every_setup_and_printer_code_is_worded_in_german(german):
    """GIVEN every code of the setup and of the printers' reasons
    WHEN the screen words it in German
    THEN it has a translation, every value is in place and no English word is left."""
    missing, broken, english = [], [], []
    for context, table in TABLES.items():
        for code, template in table.items():
            if (context, template) not in GERMAN:
                missing.append((context, code))
                continue
            values = sample_values(template)
            text = coded_text(coded(context, code, values))
            literal_braces = str(coded(context, code, values)).count("{")  # '{ "Japan Post" = "never" }'
            if text.count("{") != literal_braces or any(str(v) not in text for v in values.values()):
                broken.append((code, text))
            if english_left(without_quotes(text)):
                english.append((code, text, english_left(text)))
    assert missing == [], "add German to packstation_de.ts, then `python -m app.ui.i18n`"
    assert broken == [] and english == []
    for field in SETUP_FIELDS:
        assert ("SetupWords", field) in GERMAN


def test_every_code_the_setup_says_is_in_its_table():
    """GIVEN app.it.first_start's source WHEN every SetupText(...) is read THEN each code it can make is
    in SETUP_WORDS (a literal, a literal plus "_like", or an f-string such as test_{what}_failed), and
    every code of the table is said somewhere."""
    tree = ast.parse(Path(first_start.__file__).read_text(encoding="utf-8"))
    literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    patterns = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"\w+" for v in node.values]
            patterns.append(re.compile("".join(parts)))
    said = {code for code in SETUP_WORDS
            if code in literals or code.removesuffix("_like") in literals and "_like" in literals
            or any(p.fullmatch(code) for p in patterns)}
    assert set(SETUP_WORDS) - said == set()
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "SetupText"]
    assert len(calls) >= 20
    for call in calls:
        code = call.args[0]
        if isinstance(code, ast.Constant):
            assert code.value in SETUP_WORDS, ast.unparse(call)


def test_the_services_problems_are_codes_with_the_english_they_always_had():
    """GIVEN an address with no name, a wrong German postcode and an unknown country
    WHEN the setup checks it
    THEN each problem reads as before and carries its code and values."""
    with pytest.raises(SetupError) as caught:
        first_start.check_ship_from({"line1": "Am Sandtorkai 5", "city": "Hamburg", "country": "DE",
                                     "postcode": "123"})
    problems = caught.value.problems
    assert problems["ship_from.name"] == "give a name or a company: the sender a carrier returns a parcel to"
    postcode = problems["ship_from.postcode"]
    assert postcode.startswith("123 is not a postcode of Germany (like ") and postcode.code == "postcode_wrong_like"
    with pytest.raises(SetupError) as caught:
        first_start.check_ship_from({"company": "X", "line1": "a", "city": "b", "country": "Atlantis"})
    assert caught.value.problems["ship_from.country"] == \
        "'Atlantis' is not a country (ISO 3166): choose one from the list"
    assert first_start.setup_problem(Config()) == \
        'no ship-from address: every label says "Ship-from not configured"'
    partial = first_start.setup_problem(Config(ship_from={"city": "Hamburg"}))
    assert partial == "the ship-from address has no name or company, line1, country"
    result = first_start.print_test_label("label", "", station="BENCH-1")
    assert not result.ok and result.message.code == "choose_printer"


def test_a_printer_that_does_not_answer_is_a_coded_reason():
    """GIVEN a TCP printer address where nothing listens WHEN a test label is sent THEN the failure's
    reason is coded (printers.reasons), its English the transport's words."""
    import socket

    spare = socket.create_server(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    result = first_start.print_test_label("label", f"tcp://127.0.0.1:{port}", station="BENCH-1", timeout=2)
    assert not result.ok
    reason = result.message.values["reason"]
    assert isinstance(reason, Reason) and reason.code == "not_answering"
    assert result.message == (f"The test label did not print: Label printer at 127.0.0.1:{port} is not answering "
                              "— check it is on and connected")
    assert reason_of(ValueError("plain")) == "plain"


def test_the_setup_screen_speaks_german(qtbot, german, tmp_path):
    """GIVEN a German station's setup screen WHEN the admin saves an address with a wrong postcode and
    no name, and test-prints on a printer that does not answer THEN every problem is German: the
    country by its German name, the printer's reason too."""
    import socket

    from app.config import Paths
    from app.it.first_start import Found
    from app.ui.setup_wizard import StationSetupDialog

    paths = Paths(config_dir=tmp_path, data_dir=tmp_path / "data", log_dir=tmp_path / "logs")
    values = SetupValues({"line1": "Am Sandtorkai 5", "city": "Hamburg", "country": "DE", "postcode": "123"})
    dialog = StationSetupDialog(paths, values, station="BENCH-1",
                                discover=lambda: Found(notes=(SetupText("no_lpstat"),)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert "CUPS ist hier nicht installiert" in dialog.found_label.text()
    dialog.save()
    postcode = dialog.field_problems["ship_from.postcode"].text()
    assert postcode.startswith("123 ist keine Postleitzahl in Deutschland (etwa "), postcode
    assert dialog.field_problems["printers.label"].text() == ""  # nothing typed: nothing wrong
    name = dialog.field_problems["ship_from.name"].text()
    assert name.startswith("Namen oder Firma angeben")
    spare = socket.create_server(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    dialog.printer_combos["label"].setCurrentText(f"tcp://127.0.0.1:{port}")
    dialog.test_print("label")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    said = dialog.print_results["label"].text()
    assert said == (f"Das Testetikett wurde nicht gedruckt: Etikettendrucker an 127.0.0.1:{port} antwortet nicht — "
                    "prüfen, ob er eingeschaltet und angeschlossen ist")
    for text in (postcode, name, said, dialog.found_label.text()):
        assert english_left(text) == [], text
    dialog.reject()


def test_a_coded_reason_in_a_feedback_is_worded_in_german(german):
    """GIVEN a label that did not print because the printer does not answer (a Reason as the feedback's
    {reason}) WHEN the banner words it in German THEN the reason is German too."""
    from app.domain.events import Feedback, Tone

    printer = Reason("tcp_printer", host="10.0.0.5", port=9100)
    feedback = Feedback.say(Tone.REJECTED, "label_failed", "Label did not print: {reason} Then scan REPRINT.",
                            reason=Reason("not_answering", printer=printer))
    assert feedback.message == ("Label did not print: Label printer at 10.0.0.5:9100 is not answering — check it is "
                                "on and connected Then scan REPRINT.")
    text = feedback_text(feedback)
    assert "Etikettendrucker an 10.0.0.5:9100 antwortet nicht" in text and english_left(text) == [], text


def test_every_carrier_and_printer_code_raised_is_in_its_table():
    """GIVEN the shipping and printers packages' source WHEN every CarrierReason(...) and reason(...) is
    read THEN a literal code is in its table, and every code of the tables is said somewhere (a literal
    argument, or a string of the code's module such as printers.status's (flag, code) pairs)."""
    root = Path(first_start.__file__).resolve().parents[2]
    for folder, name, table in (("app/shipping", "CarrierReason", CARRIER_REASONS), ("printers", "reason", REASONS)):
        used, strings = set(), set()
        for path in (root / folder).rglob("*.py"):
            if path.name == "reasons.py":
                continue  # the tables' own module makes them from a code it is given
            tree = ast.parse(path.read_text(encoding="utf-8"))
            calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == name]
            for node in calls:
                if isinstance(node.args[0], ast.Constant):
                    used.add(node.args[0].value)
            if calls:
                strings |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert used - set(table) == set(), folder
        assert set(table) - used - strings == set(), folder


def test_a_carrier_failure_in_a_label_feedback_is_german(german):
    """GIVEN the carrier service not answering while a label is bought (its error's message a
    CarrierReason, passed on as PrintFailed's and LabelFailed's reason) WHEN the banner words the
    failed label in German THEN the carrier's reason is German too; the English is as before."""
    from app.domain.events import Feedback, Tone
    from app.shipping.errors import CarrierUnavailable

    error = CarrierUnavailable(CarrierReason("not_answering"), detail="EasyPost buy: 503")
    assert str(error) == ("The carrier service is not answering. Press Retry in a minute, or set the parcel aside "
                          "and pack the next order.")
    reason = reason_of(Exception(error.packer_message))
    assert reason.code == "not_answering"
    feedback = Feedback.say(Tone.REJECTED, "label_failed", "Label did not print: {reason} Then scan REPRINT.",
                            reason=reason)
    text = feedback_text(feedback)
    assert text.startswith("Etikett nicht gedruckt: Der Versanddienst antwortet nicht.") and not english_left(text)


def test_the_printer_cards_reason_is_german(german, qtbot):
    """GIVEN a label printer out of labels (printers.status: a coded reason) WHEN the printer card shows
    the queue's health on a German station THEN the fix and the tooltip's reason are German."""
    from types import SimpleNamespace

    from app.ui.printer_card import PrinterCard
    from printers.status import PrinterStatus

    status = PrinterStatus(paper_out=True, printer=Reason("tcp_printer", host="10.0.0.5", port=9100))
    assert status.message == "Label printer at 10.0.0.5:9100 is out of labels — load a new roll"
    printer = SimpleNamespace(ok=False, fix=status.fix, message=status.message, printer="tcp://10.0.0.5:9100")
    health = SimpleNamespace(printer=lambda uri: printer, printers=[printer], interrupted=[], waiting=1, held=1,
                             failed=0)
    card = PrinterCard()
    qtbot.addWidget(card)
    card.show_printer("tcp://10.0.0.5:9100")
    card.show_health(health, "tcp://10.0.0.5:9100")
    assert card.red and card.title.text() == "Drucker: Etiketten einlegen"
    assert card.toolTip().startswith("Etikettendrucker an 10.0.0.5:9100 hat keine Etiketten mehr — neue Rolle einlegen")
    assert english_left(card.toolTip().replace("tcp://10.0.0.5:9100", "")) == []


def test_a_printer_address_the_station_cannot_use_is_german_in_the_setup(german):
    """GIVEN printer addresses the station cannot use WHEN the setup refuses them THEN the English is the
    transport's words as before and the screen words them in German."""
    with pytest.raises(SetupError) as caught:
        first_start.save(None, SetupValues({}, label_printer="tcp://printer:x", document_printer="zz://a"))
    label, document = caught.value.problems["printers.label"], caught.value.problems["printers.document"]
    assert label == "tcp://printer:x: the port must be a number, like tcp://10.0.0.5:9100"
    assert document.startswith("zz://a: unknown printer type 'zz' (known: ")
    assert coded_text(label) == "tcp://printer:x: der Port muss eine Zahl sein, etwa tcp://10.0.0.5:9100"
    assert coded_text(document).startswith("zz://a: unbekannte Druckerart 'zz' (bekannt: ")


def test_the_station_passes_the_coded_reason_of_a_failed_label_on():
    """GIVEN a label that failed because the carrier service is busy (PrintFailed with the shipping
    error's message) WHEN the station words the failure THEN its {reason} keeps the code, the same English."""
    from app.station import PrintFailed, _reason

    failure = PrintFailed(CarrierReason("busy"))
    assert _reason(failure).code == "busy" and _reason(failure) == str(failure)
    assert _reason(PrintFailed("Order 1001 is not in this station's database.")) == \
        "Order 1001 is not in this station's database."
