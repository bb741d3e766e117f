"""Values that were English words inside a German sentence: a carton's refusal reason, why no
carton is suggested, and the open orders (with "tote" and "+N more") a wrong item belongs to.
Each is now a template per case or a Worded value, so the German screen shows no English. And
the supervisor console's notes under the productivity table ("not enough data")."""

from __future__ import annotations

from datetime import timedelta

from app.domain.events import CartonScanned, ItemScanned
from app.supervisor.periods import Period
from app.supervisor.service import StatsService
from app.ui.messages import feedback_text
from app.ui.supervisor.productivity_view import _notes
from tests.supervisor.test_thin_data import START, short_shift  # noqa: F401, F811 - a fixture
from tests.unit.test_cartons_and_stops import ENV_S, MAT, PLANTER, SOCKS, Bench


def test_a_refused_carton_is_worded_in_german_with_its_side_and_sizes(german):
    """GIVEN three planters packed WHEN the packer scans the envelope THEN the German banner says how
    tall the planter is and what the envelope holds, and which carton to use — no English words."""
    bench = Bench()
    bench.open((PLANTER, 3))
    bench.pack(PLANTER, 3)
    refused = bench(CartonScanned("ENV-S", ENV_S)).feedback
    assert feedback_text(refused) == ("Ceramic Planter ist 150 mm hoch — ENV-S fasst 30 mm. BOX-M nehmen — "
                                      "oder der Ausweis eines Vorarbeiters behält ENV-S.")


def test_a_box_no_carton_holds_is_worded_in_german(german):
    """GIVEN a yoga mat longer than every carton WHEN all items are packed THEN German says it is too
    much for the largest carton and to split with NEXT BOX."""
    bench = Bench()
    bench.open((MAT, 1))
    packed = bench.pack(MAT).feedback
    assert feedback_text(packed) == "Alle Artikel gepackt. Zu viel für einen BOX-M: mit NÄCHSTER KARTON aufteilen."
    assert packed.message == "All items packed. Too much for one BOX-M: use NEXT BOX to split."


def test_the_open_orders_of_a_wrong_item_are_listed_in_german_with_their_totes(german):
    """GIVEN socks that three open orders (two with a tote) and 4 more need WHEN scanned into another
    order THEN German names them with 'Kiste' and '+4 weitere'; the English message is unchanged."""
    bench = Bench()
    bench.open((PLANTER, 1))
    wrong = bench(ItemScanned(SOCKS.sku, SOCKS, other_orders=(("1001", "T-12"), ("1030", None), ("1031", "T-3")),
                              other_orders_more=4))
    assert feedback_text(wrong.feedback).endswith("offene Aufträge 1001 (Kiste T-12), 1030, 1031 (Kiste T-3) "
                                                  "+4 weitere brauchen ihn.")
    assert wrong.feedback.message.endswith("open orders 1001 (tote T-12), 1030, 1031 (tote T-3) +4 more need it.")
    recorded = next(f for f in wrong.facts if f.type == "scan_rejected")
    assert recorded.data["listed"] == "1001 (tote T-12), 1030, 1031 (tote T-3) +4 more"


def test_the_productivity_notes_say_not_enough_data_in_german(short_shift, german):  # noqa: F811
    """GIVEN six orders packed within seconds WHEN the supervisor console shows the day in German
    THEN its notes name the difficulty weights and say a rate from so short a time is not enough data."""
    result = StatsService(short_shift.engine).productivity(Period(START - timedelta(hours=1),
                                                                  START + timedelta(hours=1)))
    notes = _notes(result)
    assert notes[0] == ("Schwierigkeitsgewichte: ein Stück ×1, eine SKU, mehrere Stück ×1.25, gemischte SKUs ×1.75, "
                        "mit Seriennummer ×2.5.")
    assert notes[-1].startswith("— bei einer Rate: zu wenig Daten (weniger als 10 min aktive Zeit")
