"""The demo's packing instructions fit the order they are on (issue 20: order 1001, socks only,
said "Pack the candle upright")."""

from __future__ import annotations

from app.store.demo import INSTRUCTION_NEEDS, INSTRUCTIONS, demo_products, fitting_instruction, order_rows
from app.store.importing.rows import OrderLineRow


def test_no_demo_order_has_an_instruction_about_a_product_it_does_not_have():
    """GIVEN the first 500 demo orders WHEN an order carries an instruction about mugs or a candle
    THEN it has a mug or a candle; and some orders still carry each kind of instruction."""
    family = {p.sku: p.family.sku for p in demo_products()}
    seen = set()
    for row in order_rows(1001, 500):
        text = row.values["packing_instructions"]
        seen.add(text)
        needs = INSTRUCTION_NEEDS.get(text)
        if needs:
            assert needs & {family[line.sku] for line in row.lines}, (text, [line.sku for line in row.lines])
    assert set(INSTRUCTIONS) <= seen


def test_a_candle_instruction_drawn_for_socks_becomes_the_next_that_fits():
    catalogue = demo_products()
    socks = [OrderLineRow(1, next(p.sku for p in catalogue if p.family.sku == "SOCK-MER"), 1)]
    candle = [OrderLineRow(1, next(p.sku for p in catalogue if p.family.sku == "CANDLE-SOY"), 1)]
    upright = "Pack the candle upright, lid on top."
    assert fitting_instruction(upright, candle, catalogue) == upright
    assert fitting_instruction(upright, socks, catalogue) == "Gift: no prices on the packing slip."
    assert fitting_instruction("", socks, catalogue) == ""
