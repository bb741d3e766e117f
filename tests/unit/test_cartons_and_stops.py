"""Cartons that fit, and stops that say what to do (issue 20 items 4, 5 and the small items).

Pure domain: no Qt, no database, no hardware. The demo's planters and envelope are the issue's
own example: three 15 cm planters into a 220×160×30 mm envelope.
"""

from __future__ import annotations

from app.domain.cartons import check_carton, suggest_carton
from app.domain.events import BadgeScanned, CartonScanned, ItemScanned, LabelPrinted, OrderScanned, Tone, WeightMeasured
from app.domain.model import Carton, Dimensions, Order, OrderLine, Product, Role, User
from app.domain.rules import PackingRules
from app.domain.session import PackSession, Phase
from app.domain.weights import ToleranceBand, check_weight

PLANTER = Product("PLANTER-CER-WHI", "Ceramic Planter", weight_g=950, dimensions=Dimensions(160, 160, 150))
SOCKS = Product("SOCK-MER-CHA-M", "Merino Wool Socks", weight_g=85, dimensions=Dimensions(200, 100, 30))
MAT = Product("YOGA-CORK", "Cork Yoga Mat", weight_g=1650, dimensions=Dimensions(610, 120, 120))
MYSTERY = Product("GIFT-BOX", "Gift box", weight_g=200)  # no dimensions in the catalogue

ENV_S = Carton("ENV-S", "Padded envelope S", Dimensions(220, 160, 30), tare_g=15, max_weight_g=1000)
BOX_S = Carton("BOX-S", "Box S", Dimensions(300, 200, 150), tare_g=220, max_weight_g=10000)
BOX_M = Carton("BOX-M", "Box M", Dimensions(400, 300, 200), tare_g=380, max_weight_g=20000)
CARTONS = (ENV_S, BOX_S, BOX_M)

ALEX = User(1, "Alex Packer", Role.PACKER, "P-1001")
SAM = User(2, "Sam Supervisor", Role.SUPERVISOR, "S-2001")


class Bench:
    def __init__(self, *, weigh: bool = True, has_scale: bool = True) -> None:
        self.session = PackSession(CARTONS, PackingRules(weigh_parcels=weigh), has_scale=has_scale)
        self.log: list = []

    def __call__(self, event):
        decision = self.session.decide(event)
        self.log.extend(decision.facts)
        self.session.apply(decision.facts)
        return decision

    @property
    def state(self):
        return self.session.state

    def open(self, *lines: tuple[Product, int], number: str = "1024") -> None:
        order = Order(number, tuple(OrderLine(i, p, q) for i, (p, q) in enumerate(lines, start=1)))
        self(BadgeScanned(ALEX.badge, ALEX))
        self(OrderScanned(number, order))

    def pack(self, product: Product, times: int = 1):
        decision = None
        for _ in range(times):
            decision = self(ItemScanned(product.sku, product))
        return decision


# ------------------------------------------------------------------ the check itself


def test_three_planters_do_not_fit_an_envelope_and_the_reason_is_in_words():
    """GIVEN three 160×160×150 mm planters WHEN checked against a 220×160×30 mm envelope THEN it is
    refused first because a planter stands 150 mm where the envelope holds 30 mm, then by volume."""
    check = check_carton([(PLANTER, 3)], ENV_S)
    assert not check.fits
    assert check.reason == "Ceramic Planter is 150 mm tall — ENV-S holds 30 mm"
    assert [p.code for p in check.problems] == ["item_too_big", "too_much_volume", "too_heavy"]
    assert check.problems[1].message == "Items need 11.6 L, ENV-S holds 0.8 L"  # 3 × 3.84 L; 1.056 L × 0.85
    assert check.problems[2].message == "Items weigh 2.85 kg, ENV-S takes 0.98 kg"
    assert check.problems[0].values == {"item": "Ceramic Planter", "sku": "PLANTER-CER-WHI", "side": "tall",
                                        "item_mm": 150, "carton": "ENV-S", "carton_mm": 30}


def test_an_item_may_be_turned_any_way_to_fit():
    """GIVEN socks 200×100×30 mm WHEN checked against a carton given as 30×220×160 THEN they fit (sides sorted)."""
    turned = Carton("ENV-T", "Envelope on its side", Dimensions(30, 220, 160), tare_g=15, max_weight_g=1000)
    assert check_carton([(SOCKS, 1)], turned).fits


def test_volumes_a_hair_apart_are_never_shown_alike():
    """GIVEN items a hair over the carton's usable volume WHEN refused THEN what they need is rounded
    up and what the carton holds down, so the packer never reads "needs 0.9 L, holds 0.9 L"."""
    box = Carton("CUBE", "Cube", Dimensions(100, 100, 100), tare_g=0, max_weight_g=10000)  # 1.0 L, 0.85 usable
    brick = Product("BRICK", "Brick", weight_g=10, dimensions=Dimensions(100, 100, 43))  # 0.43 L each
    problem = check_carton([(brick, 2)], box).problems[0]
    assert problem.code == "too_much_volume"
    assert problem.values["need_l"] != problem.values["holds_l"]
    assert problem.message == "Items need 0.9 L, CUBE holds 0.8 L"


def test_the_suggestion_never_names_a_carton_that_cannot_hold_the_items():
    """GIVEN boxes of every mix WHEN a carton is suggested THEN the check accepts that very carton."""
    for items in ([(PLANTER, 3)], [(PLANTER, 1)], [(SOCKS, 1)], [(SOCKS, 4), (PLANTER, 2)], [(MYSTERY, 2)]):
        suggestion = suggest_carton(items, CARTONS)
        assert suggestion.carton is not None, items
        assert check_carton(items, suggestion.carton).fits, (items, suggestion.carton.code)
    assert suggest_carton([(PLANTER, 3)], CARTONS).carton == BOX_M  # 11.5 L: more than BOX-S's 7.6 usable
    assert suggest_carton([(SOCKS, 1)], CARTONS).carton == ENV_S


def test_nothing_fits_a_yoga_mat_longer_than_every_carton():
    suggestion = suggest_carton([(MAT, 1)], CARTONS)
    assert suggestion.carton is None and suggestion.code == "too_much_for_one"
    assert "NEXT BOX" in suggestion.reason


def test_unknown_dimensions_are_accepted_and_named():
    check = check_carton([(MYSTERY, 1), (SOCKS, 1)], ENV_S)
    assert check.fits and check.unchecked == ("GIFT-BOX",)


# ------------------------------------------------------------------ the packer's session


def test_a_carton_that_cannot_hold_the_items_is_refused_with_the_reason_and_the_carton_that_fits():
    """GIVEN three planters packed WHEN the packer scans ENV-S THEN STOP: the reason in words and
    the carton to use; the box stays in the carton step and nothing is chosen."""
    bench = Bench()
    bench.open((PLANTER, 3))
    bench.pack(PLANTER, 3)
    refused = bench(CartonScanned("ENV-S", ENV_S))
    feedback = refused.feedback
    assert feedback.tone is Tone.REJECTED and feedback.code == "carton_too_small"
    assert feedback.message == ("Ceramic Planter is 150 mm tall — ENV-S holds 30 mm. "
                                "Use BOX-M — or a supervisor's badge keeps ENV-S.")
    assert feedback.values["suggested"] == "BOX-M" and feedback.values["problem"] == "item_too_big"
    assert bench.state.phase is Phase.CARTON and bench.state.carton is None
    assert [f.type for f in refused.facts] == ["scan_rejected", "carton_refused"]
    taken = bench(CartonScanned("BOX-M", BOX_M))
    assert taken.feedback.code == "carton_chosen" and bench.state.carton == BOX_M
    assert bench.state.needs_override is None


def test_a_supervisor_badge_keeps_a_refused_carton_and_the_override_is_recorded():
    """GIVEN ENV-S refused for three planters WHEN a packer's badge, then a supervisor's is scanned
    THEN the packer's changes nothing; the supervisor's records who, which carton and why."""
    bench = Bench()
    bench.open((PLANTER, 3))
    bench.pack(PLANTER, 3)
    bench(CartonScanned("ENV-S", ENV_S))
    assert bench(BadgeScanned(ALEX.badge, ALEX)).feedback.tone is Tone.REJECTED
    approved = bench(BadgeScanned(SAM.badge, SAM))
    grant = next(f for f in approved.facts if f.type == "override_granted")
    assert grant.data == {"by": SAM.id, "name": SAM.name, "reason": "carton", "carton": "ENV-S",
                          "why": "Ceramic Planter is 150 mm tall — ENV-S holds 30 mm"}
    chosen = next(f for f in approved.facts if f.type == "carton_chosen")
    assert chosen.data["approved_by"] == SAM.name
    assert approved.feedback.message == "Carton ENV-S approved by Sam Supervisor. Put the box on the scale."
    assert bench.state.phase is Phase.WEIGHING and bench.state.carton == ENV_S


def test_a_carton_is_taken_when_an_item_has_no_dimensions_and_the_packer_is_told():
    bench = Bench()
    bench.open((MYSTERY, 1))
    bench.pack(MYSTERY)
    taken = bench(CartonScanned("ENV-S", ENV_S))
    assert taken.feedback.code == "carton_chosen" and taken.feedback.tone is Tone.WARNING
    assert taken.feedback.message == ("Carton ENV-S (size not checked: no dimensions for GIFT-BOX). "
                                      "Put the box on the scale.")


def test_all_items_packed_is_not_done_until_the_label_printed():
    """GIVEN the last item packed THEN the tone asks for an action (carton), not DONE; DONE comes
    with the label."""
    bench = Bench(weigh=False)
    bench.open((SOCKS, 1))
    last = bench.pack(SOCKS)
    assert last.feedback.code == "all_items_packed" and last.feedback.tone is Tone.ATTENTION
    assert bench.state.phase is Phase.CARTON
    bench(CartonScanned("ENV-S", ENV_S))
    assert bench.state.phase is Phase.LABELLING
    done = bench(LabelPrinted(1, "1Z999"))
    assert done.feedback.tone is Tone.COMPLETE and bench.state.phase is Phase.DONE


def test_a_bench_without_a_scale_is_never_told_to_put_the_box_on_the_scale():
    """GIVEN weighing on but no scale at the bench (typed weights) WHEN the carton is chosen THEN the
    packer is asked to type the weight, and reminded so if they scan something else."""
    bench = Bench(has_scale=False)
    bench.open((SOCKS, 1))
    bench.pack(SOCKS)
    chosen = bench(CartonScanned("ENV-S", ENV_S))
    assert chosen.feedback.message == "Carton ENV-S. Type the box's weight."
    again = bench(ItemScanned(SOCKS.sku, SOCKS))
    assert again.feedback.code == "weigh_first" and again.feedback.message == "Type the box's weight first."
    scale = Bench()
    scale.open((SOCKS, 1))
    scale.pack(SOCKS)
    assert scale(CartonScanned("ENV-S", ENV_S)).feedback.message == "Carton ENV-S. Put the box on the scale."


# ------------------------------------------------------------------ stops that say what to do


def test_a_wrong_item_names_every_open_order_holding_it_with_its_tote():
    """GIVEN socks scanned into order 1024 WHEN 1001 (tote T-12) and 1030 also hold them THEN both
    are named, with the tote, and the packer is told to put the socks aside for them."""
    bench = Bench()
    bench.open((PLANTER, 1))
    wrong = bench(ItemScanned(SOCKS.sku, SOCKS, other_order="1001",
                              other_orders=(("1001", "T-12"), ("1030", None))))
    assert wrong.feedback.code == "other_order"
    assert wrong.feedback.message == ("Wrong item: SOCK-MER-CHA-M is not in order 1024. Put it aside: open orders "
                                      "1001 (tote T-12), 1030 need it.")
    assert wrong.feedback.values["orders"] == [{"order": "1001", "tote": "T-12"}, {"order": "1030", "tote": None}]
    one = bench(ItemScanned(SOCKS.sku, SOCKS, other_order="1001", other_orders=(("1001", "T-12"),)))
    assert one.feedback.message == ("Wrong item: SOCK-MER-CHA-M is not in order 1024. Put it aside for order 1001 "
                                    "(tote T-12).")
    many = bench(ItemScanned(SOCKS.sku, SOCKS, other_orders=(("1001", "T-12"), ("1030", None), ("1031", "T-3")),
                             other_orders_more=4))
    assert many.feedback.message.endswith("open orders 1001 (tote T-12), 1030, 1031 (tote T-3) +4 more need it.")
    assert many.feedback.values["more"] == 4
    nowhere = bench(ItemScanned(SOCKS.sku, SOCKS))
    assert nowhere.feedback.code == "wrong_item" and "Set it aside for a supervisor" in nowhere.feedback.message


def test_an_over_scan_says_put_it_back_with_what_the_order_needs():
    bench = Bench()
    bench.open((SOCKS, 2), (PLANTER, 1))
    bench.pack(SOCKS, 2)
    over = bench.pack(SOCKS)
    assert over.feedback.code == "over_scan"
    assert over.feedback.message == "Put it back — order needs 2 SOCK-MER-CHA-M, 2 packed."
    assert (over.feedback.values["needed"], over.feedback.values["packed"]) == (2, 2)


def test_an_unknown_barcode_is_shown_as_scanned_and_says_what_to_do():
    bench = Bench()
    bench.open((SOCKS, 1))
    unknown = bench(ItemScanned("05901234123457", None, shown="5901234123457"))
    assert unknown.feedback.message == ("Unknown barcode 5901234123457. Type the item's SKU, or set it aside "
                                        "for a supervisor.")


# ------------------------------------------------------------------ the weight band


def test_the_tolerance_band_is_shown_at_the_precision_it_is_checked():
    """GIVEN 2105 g expected ± 105 g THEN expected, ± and the accepted range all show grams (three
    decimals), and the band holds exactly the weights the check accepts."""
    band = ToleranceBand(2105, 105)
    assert (band.expected_text, band.allowance_text, band.low_text, band.high_text) == (
        "2.105 kg", "0.105 kg", "2.000", "2.210 kg")
    round_band = ToleranceBand(2000, 100)
    assert (round_band.allowance_text, round_band.low_text, round_band.high_text) == ("0.10 kg", "1.90", "2.10 kg")
    rules = PackingRules(weight_tolerance_g=50, weight_tolerance_pct=5)
    for grams in (1999, 2000, 2105, 2210, 2211):
        check = check_weight(grams, 2105, rules)
        assert check.allowance_g == 105 and check.within == check.band.holds(grams)


def test_a_weight_mismatch_states_the_band_at_one_precision():
    bench = Bench()
    bench.open((PLANTER, 1))
    bench.pack(PLANTER)
    bench(CartonScanned("BOX-S", BOX_S))
    assert bench.state.expected_weight_g() == 1170  # 950 g planter + 220 g carton
    wrong = bench(WeightMeasured(1500))
    assert wrong.feedback.code == "weight_mismatch"
    # ± 58 g (5 %): shown as 0.058 kg, the expected weight at the same precision (never "± 0.06 kg")
    assert wrong.feedback.message.startswith("Weighs 1.500 kg, expected 1.170 kg ± 0.058 kg.")
