"""The packing workflow, spoken as a packer would live it. No database, no Qt, no hardware."""

from __future__ import annotations

import pytest

from app.domain.events import (
    BadgeScanned,
    CartonScanned,
    CommandScanned,
    Fact,
    ItemScanned,
    LabelFailed,
    LabelPrinted,
    OrderChanged,
    OrderScanned,
    PrintLabel,
    PrintSlip,
    ScanRejected,
    SerialScanned,
    Tone,
    UnknownScan,
    WeightMeasured,
)
from app.domain.model import Carton, Dimensions, Order, OrderLine, OrderStatus, Product, Role, User
from app.domain.rules import PackingRules
from app.domain.scan import Command
from app.domain.session import PackSession, Phase
from app.domain.weights import WeightSource

SOCKS = Product("SOCK-M", "Merino socks M", weight_g=80, dimensions=Dimensions(200, 100, 30))
MUG = Product("MUG-1", "Stoneware mug", weight_g=350, dimensions=Dimensions(120, 90, 100))
PHONE = Product("PHONE-9", "Phone", weight_g=200, dimensions=Dimensions(160, 80, 10), requires_serial=True)
VACCINE = Product("VAX-1", "Vet vaccine", weight_g=50, requires_lot=True)
STRANGER = Product("HAT-1", "Wool hat", weight_g=90)

ENVELOPE = Carton("ENV", "Padded envelope", Dimensions(250, 180, 40), tare_g=20, max_weight_g=1000)
BOX_M = Carton("M", "Medium box", Dimensions(300, 250, 200), tare_g=250, max_weight_g=10000)

ALEX = User(1, "Alex", Role.PACKER, "P-1001")
SAM = User(2, "Sam", Role.SUPERVISOR, "S-2001")
BLAIR = User(3, "Blair", Role.PACKER, "P-1002")


def order(*lines: tuple[Product, int], number: str = "1001", **fields) -> Order:
    return Order(number, tuple(OrderLine(i, p, q) for i, (p, q) in enumerate(lines, start=1)), **fields)


class Bench:
    """A session plus the station's part: record the facts, then apply them."""

    def __init__(self, rules: PackingRules | None = None) -> None:
        self.session = PackSession([ENVELOPE, BOX_M], rules or PackingRules(weigh_parcels=True))
        self.log: list = []

    def __call__(self, event):
        decision = self.session.decide(event)
        self.log.extend(decision.facts)
        self.session.apply(decision.facts)
        return decision

    @property
    def state(self):
        return self.session.state

    def item(self, product: Product, **kw) -> object:
        return self(ItemScanned(product.sku, product, **kw))

    def open(self, o: Order) -> None:
        self(BadgeScanned(ALEX.badge, ALEX))
        self(OrderScanned(o.number, o))


def test_a_single_item_order_goes_from_badge_to_label():
    """GIVEN a signed-out bench WHEN a packer packs a one-sock order THEN every step is walked in order."""
    bench = Bench()
    assert bench(OrderScanned("1001", order((SOCKS, 1)))).feedback.code == "sign_in_first"
    assert bench(BadgeScanned("P-1001", ALEX)).feedback.tone is Tone.ACCEPTED
    assert bench.state.phase is Phase.AWAITING_ORDER
    bench(OrderScanned("1001", order((SOCKS, 1))))
    assert bench.state.phase is Phase.PACKING

    done = bench.item(SOCKS)
    assert done.feedback.code == "all_items_packed" and "ENV" in done.feedback.message
    assert bench.state.phase is Phase.CARTON and bench.state.suggestion.carton == ENVELOPE

    bench(CommandScanned(Command.CONFIRM))
    assert bench.state.phase is Phase.WEIGHING and bench.state.expected_weight_g() == 100

    weighed = bench(WeightMeasured(104))
    assert PrintLabel(1) in weighed.effects and bench.state.phase is Phase.LABELLING

    printed = bench(LabelPrinted(1, "1Z999"))
    assert printed.feedback.code == "order_packed" and PrintSlip("1001") in printed.effects
    assert bench.state.phase is Phase.DONE
    assert [f.type for f in bench.log] == [
        "scan_rejected", "signed_in", "order_opened", "item_packed", "box_closed", "carton_chosen",
        "weight_recorded", "label_printed", "order_packed",
    ]


def test_each_packer_error_is_its_own_rejection_and_changes_nothing():
    bench = Bench()
    bench.open(order((SOCKS, 2)))
    before = bench.state
    cases = {
        "wrong_item": bench.item(MUG),
        "other_order": bench.item(STRANGER, other_order="1002"),
        "unknown_barcode": bench(ItemScanned("4006381333931", None)),
        "finish_order_first": bench(OrderScanned("1002", order((MUG, 1), number="1002"))),
        "unknown_text": bench(UnknownScan("XYZ-99")),
    }
    assert cases["wrong_item"].feedback.message.startswith("Wrong item: MUG-1")
    assert "1002" in cases["other_order"].feedback.message
    assert cases["unknown_barcode"].feedback.code == "unknown_barcode"
    assert cases["unknown_text"].feedback.message.startswith("Unknown barcode XYZ-99")
    assert cases["finish_order_first"].feedback.code == "finish_order_first"
    assert all(d.feedback.tone is Tone.REJECTED for d in cases.values())
    assert bench.state == before


def test_over_scan_is_stopped_and_the_quantity_shortcut_counts_several():
    bench = Bench()
    bench.open(order((SOCKS, 6), (MUG, 1)))
    assert bench(CommandScanned(Command.QTY, 7)).feedback.code == "qty_armed"
    assert bench.item(SOCKS).feedback.code == "over_scan"
    bench(CommandScanned(Command.UNDO))  # clears the armed quantity
    bench(CommandScanned(Command.QTY, 6))
    assert bench.item(SOCKS).feedback.message == "✓ SOCK-M 6/6"
    over = bench.item(SOCKS)
    assert over.feedback.code == "over_scan" and over.feedback.message.startswith("Put it back")
    assert over.feedback.values | {"needed": 6, "packed": 6} == over.feedback.values


def test_a_case_barcode_counts_its_units():
    bench = Bench()
    bench.open(order((SOCKS, 12)))
    bench.item(SOCKS, units=6)
    assert bench.state.packed_units(1) == 6


def test_serial_tracked_items_need_a_serial_and_refuse_duplicates():
    bench = Bench()
    bench.open(order((PHONE, 2)))
    ask = bench.item(PHONE)
    assert ask.feedback.code == "serial_needed" and bench.state.packed_units(1) == 0
    assert bench.item(SOCKS).feedback.code == "code_expected"
    assert bench(SerialScanned("SN-1")).feedback.code == "item_packed"
    bench.item(PHONE)
    assert bench(SerialScanned("SN-1")).feedback.code == "duplicate_serial"
    shipped = bench(SerialScanned("SN-7", shipped_in="0999"))
    assert shipped.feedback.code == "duplicate_serial" and "0999" in shipped.feedback.message
    # A GS1 DataMatrix carries GTIN and serial in one scan.
    assert bench.item(PHONE, serial="SN-2").feedback.code == "all_items_packed"
    assert [u.serial for u in bench.state.packed] == ["SN-1", "SN-2"]


def test_serial_items_cannot_take_a_quantity_shortcut():
    bench = Bench()
    bench.open(order((PHONE, 3)))
    bench(CommandScanned(Command.QTY, 3))
    assert bench.item(PHONE).feedback.code == "scan_each_unit"


def test_lot_tracked_items_need_a_lot():
    bench = Bench()
    bench.open(order((VACCINE, 1)))
    assert bench.item(VACCINE).feedback.code == "lot_needed"
    bench(SerialScanned("LOT42", is_lot=True))
    assert bench.state.packed[0].lot == "LOT42"
    bench2 = Bench()
    bench2.open(order((VACCINE, 1)))
    assert bench2.item(VACCINE, lot="L7").feedback.code == "all_items_packed"


def test_undo_takes_back_the_last_scan_and_reopens_a_closed_box():
    bench = Bench()
    bench.open(order((SOCKS, 1), (MUG, 1)))
    bench.item(SOCKS)
    assert bench(CommandScanned(Command.UNDO)).feedback.code == "item_unpacked"
    assert bench.state.packed == ()
    assert bench(CommandScanned(Command.UNDO)).feedback.code == "nothing_to_undo"
    bench.item(SOCKS)
    bench.item(MUG)
    assert bench.state.phase is Phase.CARTON
    assert bench(CommandScanned(Command.UNDO)).feedback.code == "box_reopened"
    assert bench.state.phase is Phase.PACKING


def test_complete_with_missing_items_needs_a_supervisor_badge():
    bench = Bench()
    bench.open(order((SOCKS, 2), (MUG, 1)))
    bench.item(SOCKS)
    refused = bench(CommandScanned(Command.COMPLETE))
    assert refused.feedback.code == "items_missing" and "2 missing: 1× SOCK-M, 1× MUG-1" in refused.feedback.message
    assert bench(BadgeScanned("P-1002", BLAIR)).feedback.code == "finish_order_first"  # a packer cannot approve
    approved = bench(BadgeScanned("S-2001", SAM))
    assert approved.feedback.code == "override_short" and bench.state.phase is Phase.CARTON
    assert [f.type for f in bench.log][-2:] == ["override_granted", "box_closed"]


def test_short_and_damaged_put_the_order_on_hold_with_the_reason():
    for command, reason in ((Command.SHORT, "short"), (Command.DAMAGED, "damaged"), (Command.HOLD, "held")):
        bench = Bench()
        bench.open(order((SOCKS, 2)))
        bench.item(SOCKS)
        held = bench(CommandScanned(command))
        assert held.feedback.code == "order_held" and bench.state.phase is Phase.AWAITING_ORDER
        assert held.facts[0].data == {"number": "1001", "reason": reason, "missing": {"SOCK-M": 1}}


def test_orders_that_must_not_be_packed_are_refused_with_their_reason():
    bench = Bench()
    bench(BadgeScanned("P-1001", ALEX))
    refusals = {
        "order_cancelled": OrderScanned("1", order((SOCKS, 1), status=OrderStatus.CANCELLED)),
        "order_on_hold": OrderScanned("1", order((SOCKS, 1), status=OrderStatus.HELD)),
        "order_already_packed": OrderScanned("1", order((SOCKS, 1), status=OrderStatus.PACKED), packed_note="at B2"),
        "order_claimed": OrderScanned("1", order((SOCKS, 1), status=OrderStatus.PACKING), held_elsewhere="BENCH-7"),
        "unknown_order": OrderScanned("9999", None),
    }
    for code, event in refusals.items():
        assert bench(event).feedback.code == code
    assert "BENCH-7" in bench(refusals["order_claimed"]).feedback.message
    assert bench.state.phase is Phase.AWAITING_ORDER


def test_an_order_cancelled_upstream_stops_packing_with_an_instruction():
    bench = Bench()
    o = order((SOCKS, 2))
    bench.open(o)
    bench.item(SOCKS)
    stop = bench(OrderChanged(order((SOCKS, 2), status=OrderStatus.CANCELLED)))
    assert stop.feedback.tone is Tone.ATTENTION and "CANCELLED" in stop.feedback.message
    assert bench.state.phase is Phase.AWAITING_ORDER


def test_next_box_makes_a_two_parcel_order():
    bench = Bench()
    bench.open(order((MUG, 2)))
    assert bench(CommandScanned(Command.NEXT_BOX)).feedback.code == "box_empty"
    bench.item(MUG)
    bench(CommandScanned(Command.NEXT_BOX))
    assert bench.state.phase is Phase.CARTON and not bench.state.last_box
    bench(CartonScanned("M", BOX_M))
    bench(WeightMeasured(600))
    bench(LabelPrinted(1))
    assert bench.state.phase is Phase.PACKING and bench.state.box == 2
    bench.item(MUG)
    bench(CommandScanned(Command.CONFIRM))
    bench(WeightMeasured(600))
    packed = bench(LabelPrinted(2))
    assert packed.feedback.code == "order_packed" and bench.state.labelled_boxes == (1, 2)


def test_weight_outside_tolerance_is_refused_until_reweighed_or_approved():
    bench = Bench(PackingRules(weight_tolerance_g=20, weight_tolerance_pct=5, weigh_parcels=True))
    bench.open(order((MUG, 1), (SOCKS, 1)))
    assert bench(CartonScanned("M", BOX_M)).feedback.code == "items_missing"
    bench.item(MUG)
    bench.item(SOCKS)
    bench(CartonScanned("M", BOX_M))
    assert bench.state.expected_weight_g() == 680  # 350 g mug + 80 g socks + 250 g tare
    assert bench(WeightMeasured(780, stable=False)).effects == ()
    wrong = bench(WeightMeasured(780))
    assert wrong.feedback.code == "weight_mismatch"
    assert "expected 0.680 kg ± 0.034 kg" in wrong.feedback.message  # 34 g: shown, not rounded to 30 g
    assert bench(WeightMeasured(714)).feedback.code == "weight_ok"  # 34 g off: within max(20 g, 5 % = 34 g)
    bench2 = Bench()
    bench2.open(order((MUG, 1)))
    bench2.item(MUG)
    bench2(CommandScanned(Command.CONFIRM))
    bench2(WeightMeasured(900))
    approved = bench2(BadgeScanned("S-2001", SAM))
    assert approved.feedback.code == "override_weight" and PrintLabel(1) in approved.effects


def test_a_bench_with_weighing_off_records_the_box_as_not_weighed():
    """GIVEN weighing off WHEN the carton is confirmed THEN the label prints and the log says
    "box_not_weighed" (with the expected weight as what it is): no weight is recorded as measured."""
    bench = Bench(PackingRules(weigh_parcels=False))
    bench.open(order((SOCKS, 1)))
    bench.item(SOCKS)
    chosen = bench(CommandScanned(Command.CONFIRM))
    assert PrintLabel(1) in chosen.effects and bench.state.phase is Phase.LABELLING
    assert [f.type for f in bench.log[-2:]] == ["carton_chosen", "box_not_weighed"]
    assert bench.log[-1].data == {"box": 1, "expected": 100}
    assert "weight_recorded" not in [f.type for f in bench.log]
    assert bench.state.box_weight() == (None, 100, WeightSource.NOT_WEIGHED)


def test_a_typed_weight_is_checked_like_a_scale_weight_and_marked_typed():
    """GIVEN weighing on and no scale WHEN the packer types a wrong weight, then the right one
    THEN the wrong one is refused like a scale's, and the accepted one is recorded as typed."""
    bench = Bench(PackingRules(weigh_parcels=True, weight_tolerance_g=20, weight_tolerance_pct=1))
    bench.open(order((MUG, 1)))
    bench.item(MUG)
    bench(CommandScanned(Command.CONFIRM))
    expected = bench.state.expected_weight_g()
    assert expected == 600  # 350 g mug in the 250 g box
    wrong = bench(WeightMeasured(900, source="manual"))
    assert wrong.feedback.code == "weight_mismatch" and "0.90 kg (typed)" in wrong.feedback.message
    assert bench.state.phase is Phase.WEIGHING and bench.state.needs_override == "weight"
    right = bench(WeightMeasured(612, source="manual"))
    assert right.feedback.code == "weight_ok" and right.feedback.message.startswith("0.61 kg (typed) ✓")
    assert bench.log[-1].data["source"] == "manual"
    assert bench.state.box_weight() == (612, 600, WeightSource.MANUAL)


def test_an_old_log_with_the_expected_weight_resumes_as_not_weighed():
    """GIVEN a log written by an older version (weighing off: weight_recorded, source "expected")
    WHEN the session is rebuilt from it THEN the box counts as not weighed, not as weighed."""
    bench = Bench(PackingRules(weigh_parcels=False))
    bench.open(order((SOCKS, 1)))
    bench.item(SOCKS)
    bench.session.apply([Fact("carton_chosen", {"box": 1, "carton": "ENV"}),
                         Fact("weight_recorded", {"box": 1, "grams": 100, "expected": 100, "allowance": 50,
                                                  "within": True, "source": "expected"})])
    assert bench.state.phase is Phase.LABELLING
    assert bench.state.box_weight() == (None, 100, WeightSource.NOT_WEIGHED)


def test_a_failed_label_stays_in_the_label_step_until_reprinted():
    bench = Bench(PackingRules(weigh_parcels=False))
    bench.open(order((SOCKS, 1)))
    bench.item(SOCKS)
    bench(CommandScanned(Command.CONFIRM))
    failed = bench(LabelFailed(1, "Printer out of paper."))
    assert failed.feedback.code == "label_failed" and bench.state.phase is Phase.LABELLING
    assert PrintLabel(1, reprint=True) in bench(CommandScanned(Command.REPRINT)).effects


def test_packing_instructions_must_be_confirmed_first():
    bench = Bench()
    bench.open(order((SOCKS, 1), packing_instructions="Gift wrap in tissue"))
    assert bench.item(SOCKS).feedback.code == "confirm_instructions"
    bench(CommandScanned(Command.CONFIRM))
    assert bench.item(SOCKS).feedback.code == "all_items_packed"


def test_sign_out_is_refused_mid_order_and_switches_packers_between_orders():
    bench = Bench()
    bench.open(order((SOCKS, 1)))
    assert bench(CommandScanned(Command.SIGN_OUT)).feedback.code == "finish_order_first"
    bench(CommandScanned(Command.CANCEL))
    assert bench.state.phase is Phase.AWAITING_ORDER
    assert bench(BadgeScanned("P-1002", BLAIR)).feedback.code == "signed_in"
    assert bench.state.packer == BLAIR
    assert bench(CommandScanned(Command.SIGN_OUT)).feedback.code == "signed_out"
    assert bench.state.phase is Phase.SIGNED_OUT


def test_void_after_packing_reopens_the_order():
    bench = Bench(PackingRules(weigh_parcels=False))
    bench.open(order((SOCKS, 1)))
    bench.item(SOCKS)
    bench(CommandScanned(Command.CONFIRM))
    bench(LabelPrinted(1, "1Z1"))
    voided = bench(CommandScanned(Command.VOID))
    assert voided.feedback.code == "labels_voided" and bench.state.phase is Phase.AWAITING_ORDER


def test_a_parser_rejection_is_recorded_and_said():
    bench = Bench()
    bench(BadgeScanned("P-1001", ALEX))
    said = bench(ScanRejected("^XA", "forbidden_character", "That barcode has a ^ in it."))
    assert said.feedback.tone is Tone.REJECTED and bench.log[-1].type == "scan_rejected"


def test_replaying_the_recorded_facts_rebuilds_the_same_state():
    """GIVEN a session part-way through a two-box order WHEN a new session applies the same facts
    THEN it is in the same state: this is how a station resumes after a crash."""
    bench = Bench()
    o = order((MUG, 2), (PHONE, 1))
    bench.open(o)
    bench.item(MUG)
    bench(CommandScanned(Command.NEXT_BOX))
    bench(CommandScanned(Command.CONFIRM))
    bench(WeightMeasured(600))
    bench(LabelPrinted(1))
    bench.item(PHONE)
    bench(CommandScanned(Command.QTY, 1))
    fresh = PackSession([ENVELOPE, BOX_M], PackingRules())
    fresh.apply(f for f in bench.log)
    assert fresh.state == bench.state


@pytest.mark.parametrize("phase_events", [[], [BadgeScanned("P-1001", ALEX)]])
def test_weights_and_stray_label_results_outside_their_step_are_ignored(phase_events):
    bench = Bench()
    for event in phase_events:
        bench(event)
    assert bench(WeightMeasured(500)).effects == ()
    assert bench(LabelPrinted(1)).effects == ()
