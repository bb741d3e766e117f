"""Demo data: a small shop's catalogue, its cartons, its people and a day of orders.

A new user opens the station and can pack at once: every product has a real-looking GTIN
(a fake GS1 company prefix, real check digits), a weight and a size, a bin location; a few
need a serial number or a lot; socks also come in a case of 6. Orders come from Shopify,
Amazon, eBay and wholesale customers in several countries, with carriers, ship-by dates,
gift messages and packing instructions.

Seeding is repeatable: products, cartons and users are added only when missing, and each
run adds new orders after the highest order number in the database. The same seed gives the
same orders (ship-by dates follow today's date).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import clock
from app.domain.gtin import gtin_check_digit
from app.store.importing.rows import BarcodeSpec, CartonRow, OrderLineRow, OrderRow, ProductRow
from app.store.importing.writer import claim_write_lock, plan_cartons, plan_orders, plan_products
from app.store.models import Carton, Order, Product, User
from app.store.users import hash_pin

# A GS1 prefix no real company has (950: GS1 Global Office), as in GS1's own examples.
GS1_PREFIX = "9506000"
UPC_PREFIX = "4"  # UPC number system 4: for in-store use, never a real product's code
FIRST_ORDER = 1001


@dataclass(frozen=True)
class DemoUser:
    name: str
    role: str
    badge: str
    pin: str | None = None


PACKER = DemoUser("Alex Packer", "packer", "P-1001")
PACKER_2 = DemoUser("Priya Patel", "packer", "P-1002")
# Supervisors and admins need 6 or more digits (app.store.users.PRIVILEGED_MIN_DIGITS); the demo
# sheet prints these PINs (app.demo_sheet).
SUPERVISOR = DemoUser("Sam Supervisor", "supervisor", "S-2001", "246810")
ADMIN = DemoUser("Ada Admin", "admin", "A-3001", "135790")


def demo_users() -> tuple[DemoUser, ...]:
    """The demo's people, with the badges and PINs to print on the demo sheet."""
    return (PACKER, PACKER_2, SUPERVISOR, ADMIN)


@dataclass
class DemoSummary:
    products: int
    cartons: int
    users: int
    orders: int

    def __str__(self) -> str:
        return (f"demo data added: {self.products} products, {self.cartons} cartons, {self.users} users, "
                f"{self.orders} orders")


# ------------------------------------------------------------------ the catalogue

SIZES = ("S", "M", "L")


@dataclass(frozen=True)
class Family:
    """Products that differ only by their options: a title, and what each variant weighs."""

    sku: str
    title: str
    options: tuple[tuple[str, ...], ...]  # variant option values, e.g. (("Charcoal", "M"), ...)
    weight_g: int
    size_mm: tuple[int, int, int]
    aisle: str
    serial: bool = False
    lot: bool = False
    upc: bool = False  # a US-made product labelled with a 12-digit UPC-A


def _grid(*axes: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    combos: list[tuple[str, ...]] = [()]
    for axis in axes:
        combos = [(*combo, value) for combo in combos for value in axis]
    return tuple(combos)


FAMILIES = (
    Family("SOCK-MER", "Merino Wool Socks", _grid(("Charcoal", "Navy", "Oatmeal"), SIZES), 85, (200, 100, 30), "A"),
    Family("TEE-ORG", "Organic Cotton T-Shirt", _grid(("White", "Black", "Heather Grey"), (*SIZES, "XL")), 180,
           (300, 250, 20), "A"),
    Family("BEANIE-RIB", "Ribbed Wool Beanie", _grid(("Charcoal", "Mustard", "Navy")), 90, (220, 200, 40), "A"),
    Family("MUG-STW", "Stoneware Mug 350 ml", _grid(("Sage", "Sand", "Slate")), 420, (125, 90, 100), "B"),
    Family("MUG-ENM", "Enamel Camping Mug", _grid(("Cream", "Forest")), 190, (120, 85, 85), "B"),
    Family("BTL-GLS", "Glass Water Bottle 750 ml", _grid(("Clear", "Smoke")), 520, (270, 80, 80), "B"),
    Family("TOWEL-LIN", "Linen Tea Towel", _grid(("Natural", "Indigo", "Rust")), 110, (250, 180, 15), "C"),
    Family("CANDLE-SOY", "Scented Soy Candle 200 g", _grid(("Fig & Cassis", "Cedarwood", "Citrus Grove")), 380,
           (90, 90, 100), "C"),
    Family("NOTE-A5", "Dotted Notebook A5", _grid(("Black", "Kraft", "Forest")), 260, (215, 150, 15), "C"),
    Family("WALLET-LTH", "Leather Card Wallet", _grid(("Tan", "Black")), 45, (110, 80, 10), "C"),
    Family("PLANTER-CER", "Ceramic Planter 15 cm", _grid(("White", "Terracotta")), 950, (160, 160, 150), "D"),
    Family("BLANKET-WOOL", "Wool Throw Blanket 130×170", _grid(("Grey", "Ochre")), 1200, (400, 300, 120), "D"),
    Family("YOGA-CORK", "Cork Yoga Mat 4 mm", ((),), 1650, (610, 120, 120), "D"),
    Family("SKILLET-CI", "Cast Iron Skillet 26 cm", ((),), 2600, (450, 270, 60), "D"),
    Family("BOARD-BMB", "Bamboo Cutting Board", ((),), 900, (400, 280, 20), "D"),
    Family("WRAP-BEE", "Beeswax Food Wraps, Set of 3", ((),), 60, (200, 150, 10), "C"),
    Family("CARD-THX", "Greeting Card — Thank You", ((),), 20, (160, 115, 5), "C"),
    Family("CREAM-HAND", "Hand Cream 75 ml", ((),), 95, (140, 50, 35), "E", lot=True),
    Family("GUMMY-D3", "Vitamin D3 Gummies, 60 Count", ((),), 160, (110, 65, 65), "E", lot=True),
    Family("EARBUD-WL", "Wireless Earbuds", _grid(("Black", "White")), 140, (110, 90, 45), "F", serial=True,
           upc=True),
    Family("SPEAKER-BT", "Bluetooth Speaker Mini", ((),), 320, (120, 120, 70), "F", serial=True, upc=True),
    Family("POWER-10K", "USB-C Power Bank 10,000 mAh", ((),), 210, (150, 75, 20), "F", serial=True, upc=True),
    Family("SCALE-KIT", "Smart Kitchen Scale", ((),), 780, (240, 190, 40), "F", serial=True),
    Family("LAMP-LED", "LED Desk Lamp", ((),), 1100, (420, 180, 110), "F"),
    Family("CABLE-USBC", "USB-C Cable 1 m", ((),), 40, (120, 80, 15), "F", upc=True),
)
# What customs needs for the demo's international orders: HS code, country of origin, unit value (USD).
CUSTOMS = {
    "SOCK-MER": ("6115.95", "PT", "18.00"), "TEE-ORG": ("6109.10", "PT", "24.00"),
    "BEANIE-RIB": ("6505.00", "GB", "22.00"), "MUG-STW": ("6912.00", "PT", "16.00"),
    "MUG-ENM": ("7323.94", "IN", "12.00"), "BTL-GLS": ("7013.37", "CN", "19.00"),
    "TOWEL-LIN": ("6302.99", "LT", "14.00"), "CANDLE-SOY": ("3406.00", "US", "21.00"),
    "NOTE-A5": ("4820.10", "DE", "11.00"), "WALLET-LTH": ("4202.32", "IT", "35.00"),
    "PLANTER-CER": ("6913.90", "PT", "26.00"), "BLANKET-WOOL": ("6301.20", "GB", "89.00"),
    "YOGA-CORK": ("4504.90", "PT", "55.00"), "SKILLET-CI": ("7323.91", "US", "39.00"),
    "BOARD-BMB": ("4419.11", "CN", "25.00"), "WRAP-BEE": ("3923.29", "US", "15.00"),
    "CARD-THX": ("4909.00", "US", "4.00"), "CREAM-HAND": ("3304.99", "FR", "13.00"),
    "GUMMY-D3": ("2106.90", "US", "17.00"), "EARBUD-WL": ("8518.30", "CN", "79.00"),
    "SPEAKER-BT": ("8518.22", "CN", "49.00"), "POWER-10K": ("8507.60", "CN", "29.00"),
    "SCALE-KIT": ("8423.10", "CN", "45.00"), "LAMP-LED": ("9405.21", "CN", "59.00"),
    "CABLE-USBC": ("8544.42", "CN", "9.00"),
}
CASE_OF_SOCKS = 6  # these socks also ship to wholesale customers as a case of 6, with its own GTIN-14
CASE_SKU = "SOCK-MER-CHA-M"
HOUSE_CODES = {"CARD-THX": "HC-CARD-THX"}  # printed in-house: a Code 128 label, not a GTIN


@dataclass(frozen=True)
class DemoProduct:
    sku: str
    name: str
    gtin: str  # GTIN-14 as stored
    family: Family
    bin_location: str


def _abbrev(value: str) -> str:
    letters = "".join(ch for ch in value.upper() if ch.isalnum())
    return value.upper() if len(value) <= 2 else letters[:3]


def demo_products() -> tuple[DemoProduct, ...]:
    """The catalogue, in a fixed order: the same SKUs and GTINs on every machine."""
    products = []
    item = 0
    bays: dict[str, int] = {}
    for family in FAMILIES:
        for options in family.options:
            item += 1
            sku = "-".join((family.sku, *(_abbrev(value) for value in options)))
            name = f"{family.title} — {', '.join(options)}" if options else family.title
            bay = bays[family.aisle] = bays.get(family.aisle, 0) + 1
            location = f"{family.aisle}-{(bay - 1) // 4 + 1:02d}-{(bay - 1) % 4 + 1}"
            products.append(DemoProduct(sku, name, _gtin(item, family.upc), family, location))
    return tuple(products)


def _gtin(item: int, upc: bool) -> str:
    body = f"{UPC_PREFIX}{item:010d}" if upc else f"{GS1_PREFIX}{item:05d}"
    return (body + gtin_check_digit(body)).zfill(14)


def case_gtin(gtin14: str, indicator: str = "1") -> str:
    """The GTIN-14 of a case of a product: indicator digit, the item's digits, a new check digit."""
    body = indicator + gtin14[1:13]
    return body + gtin_check_digit(body)


def _product_row(product: DemoProduct) -> ProductRow:
    family = product.family
    codes = [BarcodeSpec(product.gtin)]
    if product.sku == CASE_SKU:
        codes.append(BarcodeSpec(case_gtin(product.gtin), CASE_OF_SOCKS))
    if family.sku in HOUSE_CODES:
        codes.append(BarcodeSpec(HOUSE_CODES[family.sku]))
    length, width, height = family.size_mm
    values = {"name": product.name, "weight_g": family.weight_g, "length_mm": length, "width_mm": width,
              "height_mm": height, "requires_serial": family.serial, "requires_lot": family.lot,
              "image": f"demo/{product.sku.lower()}.png", "bin_location": product.bin_location}
    return ProductRow(0, product.sku, values, tuple(codes))


CARTONS = (
    CartonRow(0, "ENV-S", {"name": "Padded envelope S", "length_mm": 220, "width_mm": 160, "height_mm": 30,
                           "tare_g": 15, "max_weight_g": 1000}),
    CartonRow(0, "ENV-L", {"name": "Padded envelope L", "length_mm": 350, "width_mm": 250, "height_mm": 50,
                           "tare_g": 35, "max_weight_g": 2000}),
    CartonRow(0, "BOX-XS", {"name": "Box XS", "length_mm": 200, "width_mm": 150, "height_mm": 100, "tare_g": 120,
                            "max_weight_g": 5000}),
    CartonRow(0, "BOX-S", {"name": "Box S", "length_mm": 300, "width_mm": 200, "height_mm": 150, "tare_g": 220,
                           "max_weight_g": 10000}),
    CartonRow(0, "BOX-M", {"name": "Box M", "length_mm": 400, "width_mm": 300, "height_mm": 200, "tare_g": 380,
                           "max_weight_g": 20000}),
    CartonRow(0, "BOX-L", {"name": "Box L", "length_mm": 600, "width_mm": 400, "height_mm": 400, "tare_g": 850,
                           "max_weight_g": 30000}),
)

# ------------------------------------------------------------------ customers and shipping


@dataclass(frozen=True)
class Customer:
    name: str
    line1: str
    city: str
    postcode: str
    country: str
    region: str = ""
    line2: str = ""
    company: str = ""
    phone: str = ""


CUSTOMERS = (
    Customer("Dana Whitfield", "1428 Elm Street", "Springfield", "62704", "US", "IL", "Apt 3B",
             phone="+1 217 555 0142"),
    Customer("Marcus Oyelaran", "77 Massachusetts Ave", "Cambridge", "02139", "US", "MA", phone="+1 617 555 0199"),
    Customer("José Álvarez", "2150 Mission St", "San Francisco", "94110", "US", "CA", "Unit 4"),
    Customer("Keisha Brown", "910 Peachtree St NE", "Atlanta", "30309", "US", "GA", phone="+1 404 555 0117"),
    Customer("Chloé Tremblay", "1234 Rue Sainte-Catherine O", "Montréal", "H3G 1P1", "CA", "QC"),
    Customer("Oliver Bennett", "12 Hillside Road", "Bristol", "BS6 6TJ", "GB", phone="+44 117 496 0123"),
    Customer("Jürgen Müller", "Kastanienallee 12", "Berlin", "10435", "DE"),
    Customer("Élodie Laurent", "8 Rue des Lilas", "Lyon", "69003", "FR"),
    Customer("Sanne de Vries", "Prinsengracht 263", "Amsterdam", "1016 GV", "NL"),
    Customer("Γιώργος Παπαδόπουλος", "Ερμού 25", "Αθήνα", "105 63", "GR", phone="+30 21 0123 4567"),
    Customer("Иван Петров", "ул. Витоша 15", "София", "1000", "BG"),
    Customer("Charlotte Nguyen", "45 Brunswick St", "Fitzroy", "3065", "AU", "VIC"),
)
WHOLESALE = (
    Customer("Receiving Dock", "Unit 7, Harbour Trade Park", "Southampton", "SO14 3XB", "GB",
             company="Harbour & Pine Homeware Ltd", phone="+44 23 8049 0000"),
    Customer("Attn: Purchasing", "4100 Industrial Blvd", "Denver", "80216", "US", "CO",
             company="Northwind Outfitters Inc.", phone="+1 303 555 0188"),
    Customer("Wareneingang", "Hafenstraße 3", "Hamburg", "20457", "DE", company="Kaffeehaus Schmidt GmbH"),
)
US_SERVICES = (("UPS", "Ground"), ("UPS", "2nd Day Air"), ("USPS", "Ground Advantage"), ("USPS", "Priority Mail"),
               ("FedEx", "Home Delivery"), ("FedEx", "2Day"))
WORLD_SERVICES = (("DHL", "Express Worldwide"), ("UPS", "Worldwide Saver"), ("FedEx", "International Priority"),
                  ("UPS", "Standard"))
FAST = ("2nd Day Air", "Priority Mail", "2Day", "Express Worldwide", "International Priority")
CHANNELS = ("Shopify", "Amazon", "eBay", "Wholesale")
CHANNEL_WEIGHTS = (45, 25, 15, 15)
GIFT_MESSAGES = ("Happy birthday, Mia! Love, Aunt Jo", "Congratulations on the new home!",
                 "Thank you for everything — S.", "Merry Christmas from all of us ♥")
GIFT_MESSAGES_BY_COUNTRY = {"GR": "Χρόνια πολλά!", "BG": "Честит рожден ден!", "DE": "Alles Gute zum Geburtstag!"}
INSTRUCTIONS = ("Fragile: wrap each mug in bubble wrap.", "Gift: no prices on the packing slip.",
                "Use the branded tape.", "Pack the candle upright, lid on top.")
# An instruction about a product goes only on an order that has one (no "candle upright" on socks).
INSTRUCTION_NEEDS = {"Fragile: wrap each mug in bubble wrap.": frozenset({"MUG-STW", "MUG-ENM"}),
                     "Pack the candle upright, lid on top.": frozenset({"CANDLE-SOY"})}


def _email(customer: Customer, number: int) -> str:
    local = ".".join(part.lower() for part in customer.name.split() if part.isascii() and part.isalpha())
    return f"{local or 'customer'}.{number}@example.com"


def _demo_order(rng: random.Random, number: int, tote: str | None, catalogue: tuple[DemoProduct, ...],
                today: date) -> OrderRow:
    channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
    customer = rng.choice(WHOLESALE if channel == "Wholesale" else CUSTOMERS)
    carrier, service = rng.choice(US_SERVICES if customer.country == "US" else WORLD_SERVICES)
    priority = 2 if rng.random() < 0.05 else 1 if service in FAST else 0
    values = {
        "channel": channel, "tote": tote, "ship_to_name": customer.name, "ship_to_company": customer.company,
        "ship_to_line1": customer.line1, "ship_to_line2": customer.line2, "ship_to_city": customer.city,
        "ship_to_region": customer.region, "ship_to_postcode": customer.postcode,
        "ship_to_country": customer.country, "ship_to_phone": customer.phone,
        "ship_to_email": _email(customer, number), "carrier": carrier, "service_level": service,
        "ship_by": today + timedelta(days=rng.choice((-1, 0, 0, 1, 1, 2, 3))), "priority": priority,
        "notes": "Customer asked for plastic-free packaging." if rng.random() < 0.05 else "",
        "gift_message": _gift(rng, customer) if channel != "Wholesale" else "",
        "packing_instructions": rng.choice(INSTRUCTIONS) if rng.random() < 0.15 else "",
    }
    lines = _demo_lines(rng, catalogue, wholesale=channel == "Wholesale")
    values["packing_instructions"] = fitting_instruction(str(values["packing_instructions"]), lines, catalogue)
    return OrderRow(0, str(number), values, lines, cancelled=rng.random() < 0.03)


def fitting_instruction(drawn: str, lines: list[OrderLineRow], catalogue: tuple[DemoProduct, ...]) -> str:
    """The drawn instruction when it suits the order's products, else the next one in INSTRUCTIONS
    that does (no random draw: the demo's later orders stay the same)."""
    if not drawn:
        return ""
    families = {p.family.sku for p in catalogue if p.sku in {line.sku for line in lines}}
    start = INSTRUCTIONS.index(drawn) if drawn in INSTRUCTIONS else 0
    for text in (*INSTRUCTIONS[start:], *INSTRUCTIONS[:start]):
        needs = INSTRUCTION_NEEDS.get(text)
        if needs is None or needs & families:
            return text
    return ""


def _gift(rng: random.Random, customer: Customer) -> str:
    if rng.random() >= 0.1:
        return ""
    return GIFT_MESSAGES_BY_COUNTRY.get(customer.country) or rng.choice(GIFT_MESSAGES)


def _demo_lines(rng: random.Random, catalogue: tuple[DemoProduct, ...], *, wholesale: bool) -> list[OrderLineRow]:
    count = rng.choices((1, 2, 3, 4, 5), (45, 30, 13, 8, 4))[0]
    lines = []
    for product in rng.sample(catalogue, count):
        if product.family.serial:
            quantity = 1 if rng.random() < 0.85 else 2  # each unit needs its serial scanned
        elif wholesale:
            quantity = rng.choice((6, 12)) if product.family.sku in ("SOCK-MER", "TEE-ORG") else rng.choice((2, 4))
        else:
            quantity = rng.choices((1, 2, 3), (80, 15, 5))[0]
        lines.append(OrderLineRow(0, product.sku, quantity))
    return lines


# ------------------------------------------------------------------ seeding


def seed_demo(sessions: sessionmaker[Session], orders: int = 50, seed: int = 7) -> DemoSummary:
    """Add what is missing of the demo catalogue, cartons and users, then `orders` new orders.

    One transaction: a first start that dies half-way leaves an empty database, which the next
    start seeds again, never half a demo.
    """
    catalogue = demo_products()
    with sessions() as session:
        conn = session.connection()
        claim_write_lock(conn)
        products, cartons = _seed_catalogue(session, conn, catalogue)
        users = _seed_users(session)
        _seed_customs(session, catalogue)
        added = _seed_orders(session, conn, catalogue, orders, seed) if orders > 0 else 0
        session.commit()
    return DemoSummary(products=products, cartons=cartons, users=users, orders=added)


def _seed_catalogue(session: Session, conn: Connection, catalogue: tuple[DemoProduct, ...]) -> tuple[int, int]:
    have_skus = set(session.scalars(select(Product.sku)))
    have_cartons = set(session.scalars(select(Carton.code)))
    # Only what is missing: a product someone has since edited is theirs, not the demo's.
    products = plan_products(conn, [row for row in catalogue_rows(catalogue) if row.sku not in have_skus])
    cartons = plan_cartons(conn, [carton for carton in CARTONS if carton.code not in have_cartons])
    products.apply(conn)
    cartons.apply(conn)
    return products.created, cartons.created


def _seed_customs(session: Session, catalogue: tuple[DemoProduct, ...]) -> None:
    """Customs data for every demo product that has none, so the international orders can ship."""
    from app.store.shipping_models import CustomsItem

    have = set(session.scalars(select(CustomsItem.sku)))
    session.add_all([CustomsItem(sku=p.sku, description=p.family.title, hs_code=CUSTOMS[p.family.sku][0],
                                 origin_country=CUSTOMS[p.family.sku][1], unit_value=CUSTOMS[p.family.sku][2],
                                 currency="USD")
                     for p in catalogue if p.sku not in have and p.family.sku in CUSTOMS])
    session.flush()


def _seed_users(session: Session) -> int:
    names = {name.lower() for name in session.scalars(select(User.name))}
    badges = set(session.scalars(select(User.badge)))
    missing = [user for user in demo_users() if user.name.lower() not in names and user.badge not in badges]
    session.add_all([User(name=user.name, role=user.role, badge=user.badge, active=True,
                          pin_hash=hash_pin(user.pin) if user.pin else None) for user in missing])
    session.flush()
    return len(missing)


def _seed_orders(session: Session, conn: Connection, catalogue: tuple[DemoProduct, ...], count: int,
                 seed: int) -> int:
    plan = plan_orders(conn, order_rows(_next_number(session), count, seed, _next_tote(session), catalogue))
    plan.apply(conn)
    return plan.created


def catalogue_rows(catalogue: tuple[DemoProduct, ...] | None = None) -> list[ProductRow]:
    """The demo catalogue as import rows (also what `packstation central demo-data` loads)."""
    return [_product_row(p) for p in (catalogue or demo_products())]


def order_rows(first: int, count: int, seed: int = 7, tote: int = 1,
               catalogue: tuple[DemoProduct, ...] | None = None) -> list[OrderRow]:
    """`count` demo orders numbered from `first`, as import rows; about 40 % come in a tote."""
    catalogue = catalogue or demo_products()
    # Seeded by the first number too, so that a second run is not a copy of the first.
    rng = random.Random(f"{seed}:{first}")
    today = clock.today()
    rows = []
    for number in range(first, first + count):
        use_tote = rng.random() < 0.4
        rows.append(_demo_order(rng, number, f"TOTE-{tote:04d}" if use_tote else None, catalogue, today))
        tote = tote % 9999 + 1 if use_tote else tote
    return rows


def _next_number(session: Session) -> int:
    numbers = [int(n) for n in session.scalars(select(Order.number)) if n.isascii() and n.isdigit()]
    return max([FIRST_ORDER - 1, *numbers]) + 1


def _next_tote(session: Session) -> int:
    totes = session.scalars(select(Order.tote).where(Order.tote.like("TOTE-%")))
    numbers = [int(t[5:]) for t in totes if t and t[5:].isdigit()]
    return max(numbers, default=0) % 9999 + 1
