"""Whatever a packer scans, in whatever order, the session keeps its promises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.events import (
    BadgeScanned,
    CartonScanned,
    CommandScanned,
    ItemScanned,
    LabelFailed,
    LabelPrinted,
    OrderScanned,
    SerialScanned,
    UnknownScan,
    WeightMeasured,
)
from app.domain.rules import PackingRules
from app.domain.scan import Command
from app.domain.session import PackSession
from tests.unit.test_session import ALEX, BLAIR, BOX_M, ENVELOPE, MUG, PHONE, SAM, SOCKS, STRANGER, VACCINE, order

ORDER = order((SOCKS, 3), (MUG, 1), (PHONE, 2), (VACCINE, 1))

events = st.one_of(
    st.sampled_from([BadgeScanned(u.badge, u) for u in (ALEX, SAM, BLAIR)] + [BadgeScanned("X", None)]),
    st.just(OrderScanned("1001", ORDER)),
    st.builds(ItemScanned, st.just("code"), st.sampled_from([SOCKS, MUG, PHONE, VACCINE, STRANGER, None]),
              units=st.integers(1, 3), serial=st.sampled_from([None, "S1", "S2", "S3"]),
              lot=st.sampled_from([None, "L1"])),
    st.builds(SerialScanned, st.sampled_from(["S1", "S2", "S3", "L1"])),
    st.builds(CommandScanned, st.sampled_from(list(Command)), st.integers(0, 4)),
    st.sampled_from([CartonScanned("M", BOX_M), CartonScanned("ENV", ENVELOPE), CartonScanned("Z", None)]),
    st.builds(WeightMeasured, st.integers(-10, 3000), st.booleans()),
    st.builds(LabelPrinted, st.integers(1, 3)),
    st.builds(LabelFailed, st.integers(1, 3), st.just("paper out")),
    st.builds(UnknownScan, st.text(max_size=8)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(events, max_size=60), st.booleans())
def test_no_input_sequence_breaks_the_rules_and_the_log_rebuilds_the_state(sequence, weigh):
    rules = PackingRules(weigh_parcels=weigh)
    session = PackSession([ENVELOPE, BOX_M], rules)
    log = []
    for event in sequence:
        decision = session.decide(event)
        log.extend(decision.facts)
        session.apply(decision.facts)
        state = session.state
        if state.order is not None:
            for line in state.order.lines:
                assert 0 <= state.packed_units(line.line_no) <= line.quantity  # never over-packed
            serials = [u.serial for u in state.packed if u.serial]
            assert len(serials) == len(set(serials))  # never the same serial twice
        assert all(f.type != "item_packed" or f.data["units"] >= 1 for f in decision.facts)
    rebuilt = PackSession([ENVELOPE, BOX_M], rules)
    rebuilt.apply(log)
    assert rebuilt.state == session.state  # a crash at any point resumes exactly here
