"""The demo sheet: every barcode a new user needs to try the station by scanning paper.

Badges, station commands, cartons, and a handful of open orders with all their items (and
made-up serial numbers for the items that need one), in the order a packer would scan them.
Then the returns demo: the return label and items of the shipped order SO-90002, the grade and
disposition cards, and the bin labels its items go back to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.gtin import is_valid_gtin
from app.domain.scan import Command, badge_barcode, carton_barcode, command_barcode, tote_barcode
from app.startup import Bench
from app.store import models as t
from printers.documents.barcode_sheet import SheetBarcode, SheetSection, render_barcode_sheet

COMMANDS = [
    (Command.CONFIRM, None, "Confirm / accept carton"), (Command.COMPLETE, None, "Complete"),
    (Command.UNDO, None, "Undo last scan"), (Command.NEXT_BOX, None, "Next box"),
    (Command.QTY, 2, "Quantity 2"), (Command.QTY, 6, "Quantity 6"), (Command.SHORT, None, "Short pick (hold)"),
    (Command.DAMAGED, None, "Damaged (hold)"), (Command.HOLD, None, "Hold"), (Command.REPRINT, None, "Reprint label"),
    (Command.VOID, None, "Void labels"), (Command.CANCEL, None, "Cancel packing"), (Command.SIGN_OUT, None, "Sign out"),
]


@dataclass(frozen=True)
class DemoOrder:
    number: str
    scans: tuple[str, ...]  # what a packer scans, in order, to pack it with one box


def demo_serial(order: str, line_no: int, unit: int) -> str:
    return f"SN{order}{line_no:02d}{unit:02d}"


def write_demo_sheet(bench: Bench, output: Path, *, orders: int = 4) -> list[str]:
    sections, picked = demo_sections(bench, orders)
    output.write_bytes(render_barcode_sheet("Packstation demo sheet", sections))
    return [order.number for order in picked]


def demo_sections(bench: Bench, orders: int) -> tuple[list[SheetSection], list[DemoOrder]]:
    with bench.sessions() as db:
        users = db.scalars(select(t.User).where(t.User.active.is_(True), t.User.badge.is_not(None))
                           .order_by(t.User.role.desc(), t.User.name)).all()
        cartons = db.scalars(select(t.Carton).where(t.Carton.active.is_(True)).order_by(t.Carton.length_mm)).all()
        open_orders = db.scalars(
            select(t.Order).where(t.Order.status == "open").order_by(t.Order.id).limit(orders)
            .options(selectinload(t.Order.lines).selectinload(t.OrderLine.product)
                     .selectinload(t.Product.barcodes))
        ).all()
        sections = [
            SheetSection("Badges: scan one to sign in (demo PINs for the console and the settings)", tuple(
                SheetBarcode(_badge_caption(u), badge_barcode(badge))
                for u in users if (badge := u.badge) is not None)),
            SheetSection("Station commands", tuple(
                SheetBarcode(label, command_barcode(cmd, arg)) for cmd, arg, label in COMMANDS)),
            SheetSection("Cartons", tuple(
                SheetBarcode(f"{c.name} {c.length_mm}×{c.width_mm}×{c.height_mm} mm", carton_barcode(c.code))
                for c in cartons)),
        ]
        sections += _returns_sections(db)
        picked = []
        packer = next((u for u in users if u.role == "packer"), users[0] if users else None)
        badge = badge_barcode(packer.badge) if packer and packer.badge is not None else ""
        for order in open_orders:
            section, demo = _order_section(order)
            sections.append(section)
            picked.append(DemoOrder(demo.number, (badge, *demo.scans)))
    return sections, picked


def _returns_sections(db: Session) -> list[SheetSection]:
    """What the returns demo needs (app.returns.demo): the return of SO-90002 from its label to its bin.

    Nothing when the database has no returns demo (a real station's, or one made before it existed).
    """
    from app.domain.returns.codes import bin_code, disposition_code, grade_code
    from app.domain.returns.model import REASONS, Disposition, Grade
    from app.returns.demo import DEMO_SERIAL, RETURN_ORDER, RETURN_TRACKING
    from app.store.returns_models import ReturnAuthorization

    order = db.scalars(select(t.Order).where(t.Order.number == RETURN_ORDER).options(
        selectinload(t.Order.lines).selectinload(t.OrderLine.product).selectinload(t.Product.barcodes))).first()
    if order is None:
        return []
    rma = db.scalars(select(ReturnAuthorization).where(ReturnAuthorization.order_number == RETURN_ORDER)).first()
    parcel = [SheetBarcode(f"Return label of {rma.rma} (opens the return)", f"PS:RETURN:{RETURN_ORDER}:{rma.token}",
                           "qr")] if rma is not None and rma.token else []
    parcel.append(SheetBarcode(f"Return parcel tracking {RETURN_TRACKING}", RETURN_TRACKING))
    items = []
    for line in order.lines:
        code, symbology = _item_barcode(line.product)
        items.append(SheetBarcode(f"{line.product.sku} · returned", code, symbology))
        if line.product.requires_serial:
            items.append(SheetBarcode(f"Serial of {line.product.sku} (as shipped)", DEMO_SERIAL))
    grades = [SheetBarcode(f"{grade.value.replace('_', ' ').capitalize()}", grade_code(grade)) for grade in Grade]
    grades += [SheetBarcode(f"{grade.value.replace('_', ' ').capitalize()}: {reason.replace('_', ' ')}",
                            grade_code(grade, reason)) for grade in (Grade.DAMAGED, Grade.WRONG_ITEM)
               for reason in REASONS[grade][:2]]
    where = [SheetBarcode(d.value.replace("_", " ").capitalize(), disposition_code(d)) for d in Disposition]
    bins = sorted({line.product.bin_location for line in order.lines if line.product.bin_location} | {"QUARANTINE"})
    where += [SheetBarcode(f"Bin {name}", bin_code(name)) for name in bins]
    return [
        SheetSection(f"Returns demo: order {RETURN_ORDER} · {order.ship_to_name} (shipped, to take back)",
                     (*parcel, *items)),
        SheetSection("Returns: grade cards", tuple(grades)),
        SheetSection("Returns: where it goes (disposition cards, bin labels)", tuple(where)),
    ]


def _badge_caption(user: t.User) -> str:
    """Name and role; a demo person's PIN too (the demo's own people only: no real PIN is known here)."""
    from app.store.demo import demo_users

    pin = next((d.pin for d in demo_users() if d.badge == user.badge and d.name == user.name and d.pin), None)
    return f"{user.name} ({user.role})" + (f" · PIN {pin}" if pin else "")


def _order_section(order: t.Order) -> tuple[SheetSection, DemoOrder]:
    where = f" · tote {order.tote}" if order.tote else ""
    barcodes = [SheetBarcode(f"Order {order.number}{where}", order.number)]
    if order.tote:  # the tote opens the same order: scan either
        barcodes.append(SheetBarcode(f"Tote {order.tote}", tote_barcode(order.tote)))
    scans = [order.number]
    if order.packing_instructions:
        scans.append(command_barcode(Command.CONFIRM))  # read the instructions, then confirm
    for line in order.lines:
        product = line.product
        code, symbology = _item_barcode(product)
        barcodes.append(SheetBarcode(f"{product.sku} · scan {line.quantity}×", code, symbology))
        if product.requires_lot:
            lot = f"LOT{order.number}{line.line_no:02d}"
            barcodes.append(SheetBarcode(f"Lot of {product.sku}", lot))
        for unit in range(1, line.quantity + 1):
            scans.append(code)
            if product.requires_lot:
                scans.append(lot)
            if product.requires_serial:
                serial = demo_serial(order.number, line.line_no, unit)
                barcodes.append(SheetBarcode(f"Serial {unit} of {product.sku}", serial))
                scans.append(serial)
    scans.append(command_barcode(Command.CONFIRM))
    return SheetSection(f"Order {order.number} · {order.ship_to_name}", tuple(barcodes)), DemoOrder(
        order.number, tuple(scans))


def _item_barcode(product: t.Product) -> tuple[str, str]:
    """The product's first single-unit GTIN as EAN-13 / UPC-A, else its house code as Code 128."""
    singles = [b.code for b in product.barcodes if b.units == 1]
    for code in singles:
        if code.isdigit() and is_valid_gtin(code):
            if code.startswith("00"):
                return code[2:], "upca"
            if code.startswith("0"):
                return code[1:], "ean13"
    return (singles[0] if singles else product.sku), "code128"
