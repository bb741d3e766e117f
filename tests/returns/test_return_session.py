"""The returns bench as a person at it lives it. Pure: no database, no Qt, no clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.events import BadgeScanned, CommandScanned, Fact, Tone, UnknownScan
from app.domain.model import Product, Role, User
from app.domain.returns import (
    BinCode,
    Disposition,
    DispositionChosen,
    DispositionCode,
    Flag,
    Grade,
    GradeChosen,
    GradeCode,
    LookupProblem,
    ReturnableLine,
    ReturnableOrder,
    ReturnItemScanned,
    ReturnPhase,
    ReturnReferenceScanned,
    ReturnRules,
    ReturnSerialScanned,
    ReturnSession,
    bin_code,
    disposition_code,
    grade_code,
    parse_returns_code,
    return_code,
)
from app.domain.returns.codes import BadReturnsCode, ReturnCode
from app.domain.scan import Command

ALEX = User(1, "Alex", Role.PACKER, "P-1001")
SAM = User(2, "Sam", Role.SUPERVISOR, "S-2001")
SOCKS = Product("SOCK-M", "Merino socks M", bin_location="A-01-1")
MUG = Product("MUG-1", "Stoneware mug", bin_location="B-01-1")
PHONE = Product("PHONE-9", "Phone", requires_serial=True, bin_location="F-01-1")
HAT = Product("HAT-1", "Wool hat", bin_location="A-02-1")
SHIPPED = datetime(2026, 11, 1, 15, 0, tzinfo=UTC)
ORDER = ReturnableOrder(
    "1002",
    (ReturnableLine("SOCK-M", "Merino socks M", 2, bin_location="A-01-1"),
     ReturnableLine("MUG-1", "Stoneware mug", 1, bin_location="B-01-1"),
     ReturnableLine("PHONE-9", "Phone", 1, requires_serial=True, bin_location="F-01-1")),
    shipped_serials=frozenset({("PHONE-9", "SN-1")}),
    shipped_at=SHIPPED,
)


class Bench:
    """A session plus the service's part: record the facts, then apply them."""

    def __init__(self, rules: ReturnRules | None = None) -> None:
        self.session = ReturnSession(rules)
        self.log: list[Fact] = []
        self(BadgeScanned("P-1001", ALEX))

    def __call__(self, event):
        decision = self.session.decide(event)
        self.log.extend(decision.facts)
        self.session.apply(decision.facts)
        return decision

    @property
    def state(self):
        return self.session.state

    def types(self) -> list[str]:
        return [f.type for f in self.log]

    def open(self, order: ReturnableOrder = ORDER, days_after: int = 3):
        return self(ReturnReferenceScanned(order.number, order, SHIPPED + timedelta(days=days_after)))

    def item(self, product: Product, serial: str | None = None):
        return self(ReturnItemScanned(product.sku, product, serial))


def test_a_two_item_return_with_one_damaged_unit_and_one_wrong_sku_is_flagged_then_approved():
    """GIVEN order 1002 shipped socks, a mug and a phone
    WHEN the parcel holds the mug (damaged) and a hat the order never had
    THEN the mug goes to quarantine, the hat is flagged and quarantined, closing needs a supervisor,
    and the refund proposes the mug in full and nothing for the hat"""
    bench = Bench()
    assert bench.open().feedback.code == "return_opened"
    assert bench.state.number == "1002-R1"

    assert bench.item(MUG).feedback.code == "grade_item"
    graded = bench(GradeChosen(Grade.DAMAGED, "damaged_in_transit"))
    assert "QUARANTINE" in graded.feedback.message
    assert bench(CommandScanned(Command.CONFIRM)).feedback.code == "item_returned"

    hat = bench.item(HAT)
    assert hat.feedback.code == "not_in_order" and hat.feedback.tone is Tone.WARNING
    wrong = bench.state.items[-1]
    assert (wrong.grade, wrong.disposition, wrong.bin, wrong.flags) == (
        Grade.WRONG_ITEM, Disposition.QUARANTINE, "QUARANTINE", (Flag.NOT_IN_ORDER,))

    asked = bench(CommandScanned(Command.COMPLETE))
    assert asked.feedback.code == "supervisor_needed" and bench.state.phase is ReturnPhase.APPROVAL
    assert bench(CommandScanned(Command.COMPLETE)).feedback.tone is Tone.REJECTED  # still waiting
    assert bench(BadgeScanned("P-1001", ALEX)).feedback.tone is Tone.REJECTED  # a packer cannot approve

    closed = bench(BadgeScanned("S-2001", SAM))
    assert closed.feedback.code == "return_closed" and bench.state.phase is ReturnPhase.IDLE
    refund = bench.log[-1]
    assert refund.type == "refund_ready" and refund.data["approved_by"] == "Sam" and refund.data["review"]
    assert [(line["sku"], line["grade"], line["refund_percent"]) for line in refund.data["lines"]] == [
        ("MUG-1", "damaged", 100), ("HAT-1", "wrong_item", 0)]
    assert bench.types()[-3:] == ["return_approved", "return_closed", "refund_ready"]


def test_a_serial_that_was_not_shipped_is_flagged_and_cannot_be_restocked():
    """GIVEN the order shipped phone SN-1
    WHEN phone SN-X comes back, graded resellable
    THEN it is flagged serial_not_shipped, restocking is refused, quarantine is accepted, refund 0"""
    bench = Bench()
    bench.open()
    assert bench.item(PHONE).feedback.code == "serial_needed"
    flagged = bench(ReturnSerialScanned("SN-X"))
    assert flagged.feedback.code == "item_flagged" and "serial not shipped" in flagged.feedback.message
    bench(GradeChosen(Grade.RESELLABLE))
    refused = bench(DispositionChosen(Disposition.RESTOCK, "F-01-1"))
    assert refused.feedback.code == "flagged_not_restocked" and bench.state.phase is ReturnPhase.DISPOSING
    bench(CommandScanned(Command.CONFIRM))  # the suggestion for a flagged unit is quarantine
    item = bench.state.items[-1]
    assert (item.serial, item.disposition, item.flags) == ("SN-X", Disposition.QUARANTINE, (Flag.SERIAL_NOT_SHIPPED,))
    assert bench.state.open_flags()[0].flag is Flag.SERIAL_NOT_SHIPPED
    bench(CommandScanned(Command.COMPLETE))
    bench(BadgeScanned("S-2001", SAM))
    assert bench.log[-1].data["lines"][0]["refund_percent"] == 0


def test_the_shipped_serial_in_one_gs1_barcode_restocks_without_a_supervisor():
    """GIVEN phone SN-1 shipped  WHEN its GS1 barcode (GTIN + serial) is scanned and graded resellable
    THEN it goes back to its bin and the return closes at once, refund 100%"""
    bench = Bench()
    bench.open()
    assert bench.item(PHONE, serial="SN-1").feedback.code == "grade_item"
    assert bench(GradeChosen(Grade.RESELLABLE, "wrong_size", Disposition.RESTOCK)).feedback.code == "item_returned"
    assert bench.state.items[-1].bin == "F-01-1"
    assert bench(CommandScanned(Command.COMPLETE)).feedback.code == "return_closed"
    assert bench.log[-1].data["review"] is False and bench.log[-1].data["lines"][0]["serials"] == ["SN-1"]


def test_a_return_after_the_window_is_flagged_at_once_and_held_without_a_supervisor():
    """GIVEN a 30-day window  WHEN the parcel arrives 45 days after shipping
    THEN a late_return flag is raised; HOLD parks it with no refund"""
    bench = Bench(ReturnRules(window_days=30))
    opened = bench.open(days_after=45)
    assert opened.feedback.code == "late_return" and "30-day" in opened.feedback.message
    assert [f.flag for f in bench.state.open_flags()] == [Flag.LATE_RETURN]
    bench.item(SOCKS)
    bench(GradeChosen(Grade.RESELLABLE))
    bench(CommandScanned(Command.CONFIRM))
    held = bench(CommandScanned(Command.HOLD))
    assert held.feedback.code == "return_held" and bench.state.phase is ReturnPhase.IDLE
    assert "refund_ready" not in bench.types()


def test_the_window_counts_calendar_days_and_its_last_day_is_on_time():
    rules = ReturnRules(window_days=30)
    assert not rules.is_late(SHIPPED, SHIPPED + timedelta(days=30, hours=8))
    assert rules.is_late(SHIPPED, SHIPPED + timedelta(days=31))
    assert not rules.is_late(None, SHIPPED + timedelta(days=400))  # imported as shipped, no date


def test_more_units_than_shipped_are_flagged_and_a_unit_scanned_twice_is_refused():
    bench = Bench()
    bench.open()
    for _ in range(2):
        bench.item(SOCKS)
        bench(GradeChosen(Grade.RESELLABLE))
        bench(CommandScanned(Command.CONFIRM))
    assert bench.state.items[-1].flags == ()
    third = bench.item(SOCKS)
    assert "more than shipped" in third.feedback.message
    bench(CommandScanned(Command.UNDO))  # set aside: not recorded, not flagged
    assert bench.state.open_flags() == ()

    bench.item(PHONE, serial="SN-1")
    bench(GradeChosen(Grade.DAMAGED, "defective", Disposition.RETURN_TO_VENDOR))
    again = bench.item(PHONE, serial="SN-1")
    assert again.feedback.code == "duplicate_serial"


def test_restock_needs_a_resellable_grade_and_a_bin_and_undo_takes_the_last_unit_back():
    bench = Bench()
    order = ReturnableOrder("2001", (ReturnableLine("HAT-1", "Wool hat", 1),), shipped_at=SHIPPED)
    bench.open(order)
    bench.item(Product("HAT-1", "Wool hat"))  # no bin in the catalogue either
    damaged = bench(GradeChosen(Grade.MISSING_PARTS, "missing_packaging", Disposition.RESTOCK, "A-02-1"))
    assert damaged.feedback.code == "not_resellable"
    bench(GradeChosen(Grade.RESELLABLE))  # a second grade card corrects the first
    asked = bench(CommandScanned(Command.CONFIRM))  # no bin known for this line
    assert asked.feedback.code == "bin_needed"
    assert bench(UnknownScan("a-09-9")).feedback.code == "item_returned"
    assert bench.state.items[-1].bin == "A-09-9"

    undone = bench(CommandScanned(Command.UNDO))
    assert undone.feedback.code == "item_removed" and "A-09-9" in undone.feedback.message
    assert bench.state.items == () and bench.state.returned_units("HAT-1") == 0
    assert bench(CommandScanned(Command.COMPLETE)).feedback.code == "nothing_returned"
    assert bench(CommandScanned(Command.CANCEL)).feedback.code == "return_abandoned"


def test_an_unknown_barcode_raises_a_flag_and_an_item_before_a_return_is_refused():
    bench = Bench()
    assert bench.item(SOCKS).feedback.code == "scan_return_first"
    bench.open()
    unknown = bench(ReturnItemScanned("0000000000017", None))
    assert unknown.feedback.code == "unknown_item"
    assert [f.flag for f in bench.state.open_flags()] == [Flag.UNKNOWN_ITEM]


@pytest.mark.parametrize(("problem", "code"), [(LookupProblem.BAD_TOKEN, "bad_return_code"),
                                                (LookupProblem.NOT_SHIPPED, "order_not_shipped"),
                                                (LookupProblem.RMA_CLOSED, "rma_closed")])
def test_a_reference_that_cannot_open_a_return_is_refused(problem, code):
    bench = Bench()
    decision = bench(ReturnReferenceScanned("x", ORDER, SHIPPED, rma="RMA-1", problem=problem))
    assert decision.feedback.code == code and bench.state.phase is ReturnPhase.IDLE


def test_a_session_rebuilt_from_its_facts_is_the_same_session():
    """GIVEN a return half-way (an item graded, not yet put away)  WHEN a new session applies the log
    THEN it stands exactly where the first one stood"""
    bench = Bench()
    bench.open(days_after=40)
    bench.item(MUG)
    bench(GradeChosen(Grade.RESELLABLE))
    bench(CommandScanned(Command.CONFIRM))
    bench.item(PHONE)
    bench(ReturnSerialScanned("SN-1"))
    bench(GradeChosen(Grade.DAMAGED, "defective"))
    rebuilt = ReturnSession()
    rebuilt.apply(bench.log)
    assert rebuilt.state == bench.state


def test_the_return_label_qr_code_and_the_bench_cards_round_trip():
    code = return_code("so-1001", "7k3qz8m2xa")
    assert code == "PS:RETURN:SO-1001:7K3QZ8M2XA"
    assert parse_returns_code(code) == ReturnCode("SO-1001", "7K3QZ8M2XA")
    assert parse_returns_code(grade_code(Grade.MISSING_PARTS, "incomplete_set")) == GradeCode(
        Grade.MISSING_PARTS, "incomplete_set")
    assert parse_returns_code(disposition_code(Disposition.RETURN_TO_VENDOR)) == DispositionCode(
        Disposition.RETURN_TO_VENDOR)
    assert parse_returns_code(bin_code("a-01-1")) == BinCode("A-01-1")
    assert isinstance(parse_returns_code("PS:RETURN:1001:SHORT"), BadReturnsCode)
    assert isinstance(parse_returns_code("PS:GRADE:SHINY"), BadReturnsCode)
    assert parse_returns_code("PS:CMD:UNDO") is None and parse_returns_code("1001") is None
    with pytest.raises(ValueError):
        return_code("1001", "OIL0000000")  # O, I and L are not in the alphabet
