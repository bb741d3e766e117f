"""Screenshots of the supervisor's console into resources/screenshots/supervisor-*.png.

    python -m tests.supervisor.screenshots [--out resources/screenshots] [--size 1440x900] [--only returns]

Builds a throw-away floor caught mid-shift (12 benches, 24 packers, a few thousand orders, a
failed label, a short pick waiting for a supervisor, a weight mismatch, a sync conflict) and
grabs every view of the real window, offscreen. `--only returns` grabs the Returns & stock tab
alone, on a week of the demo catalogue's shipments, returns and cycle counts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["Alex Rivera", "Priya Patel", "Jonas Weber", "Mei Chen", "Sofia Rossi", "Omar Haddad", "Lena Kowalski",
         "Tom Becker", "Aisha Bello", "Lucas Martin", "Nina Novak", "Kenji Sato", "Grace Okafor", "Mateo Garcia",
         "Hannah Schmidt", "Ravi Kumar", "Elena Petrova", "Sam O'Neill", "Yara Nasser", "Felix Braun",
         "Chloe Dubois", "Diego Alvarez", "Ingrid Larsen", "Kwame Mensah"]


def build_floor(home: Path, now: datetime) -> None:
    from tests.bench.bench_stats import build

    start = (now - timedelta(hours=11)).replace(minute=0, second=0, microsecond=0)
    build(home, 200_000, len(NAMES), 12, start=start, until=now, names=NAMES,
          bench_names=[f"BENCH-{n:02d}" for n in range(1, 13)])


def add_exceptions(url: str, now: datetime) -> None:
    """What a supervisor should see on the floor right now."""
    from sqlalchemy import create_engine, insert, select, update

    from app.store import models as t
    from app.store.users import hash_pin

    engine = create_engine(url)
    events = t.PackEvent.__table__
    with engine.begin() as conn:
        conn.execute(update(t.User.__table__).where(t.User.id == 9001).values(badge="S-2001",
                                                                              pin_hash=hash_pin("246810")))

        def latest(station: str) -> tuple:
            return conn.execute(select(events.c.packer_id, events.c.order_id).where(events.c.station == station)
                                .order_by(events.c.seq.desc()).limit(1)).one()

        def add(station: str, kind: str, data: dict, ago_s: int, order_id: int | None = None,
                packer: int | None = None) -> None:
            who, order = latest(station)
            conn.execute(insert(events).values(
                uuid=str(uuid.uuid4()), station=station, packer_id=packer or who, order_id=order_id or order, type=kind,
                payload=json.dumps(data), at=(now - timedelta(seconds=ago_s)).astimezone(UTC).replace(tzinfo=None)))

        for station in ("BENCH-03", "BENCH-07"):
            who, _ = latest(station)
            order = conn.execute(select(t.Order.id, t.Order.number).where(t.Order.status == "open")
                                 .order_by(t.Order.id.desc()).limit(1)).one()
            conn.execute(update(t.Order.__table__).where(t.Order.id == order.id).values(status="packing"))
            add(station, "order_opened", {"number": order.number}, 140, order.id, who)
            add(station, "item_packed", {"line": 1, "sku": "SKU-00042", "units": 1, "box": 1}, 110, order.id, who)
            if station == "BENCH-03":
                add(station, "box_closed", {"box": 1, "last": True}, 90, order.id, who)
                add(station, "carton_chosen", {"box": 1, "carton": "M"}, 80, order.id, who)
                add(station, "weight_recorded", {"box": 1, "grams": 912, "expected": 880, "allowance": 50,
                                                 "within": True, "source": "scale"}, 70, order.id, who)
                add(station, "print_failed", {"box": 1, "message": "Label printer is out of labels."}, 65, order.id,
                    who)
            else:
                add(station, "verification_failed", {"missing": {"SKU-01234": 1}}, 45, order.id, who)
        # A realistic queue: the last few holds of the shift are still waiting, the rest were decided.
        waiting = conn.execute(select(t.Order.id).where(t.Order.status == "held").order_by(t.Order.id.desc())
                               .limit(3)).scalars().all()
        conn.execute(update(t.Order.__table__).where(t.Order.status == "held", t.Order.id.not_in(waiting))
                     .values(status="packed"))
        held = conn.execute(select(t.Order.id, t.Order.number).where(t.Order.status == "open")
                            .order_by(t.Order.id.desc()).limit(1)).one()
        conn.execute(update(t.Order.__table__).where(t.Order.id == held.id).values(status="held",
                                                                                  hold_reason="held"))
        add("BENCH-05", "order_opened", {"number": held.number}, 900, held.id)
        add("BENCH-05", "weight_recorded", {"box": 1, "grams": 1480, "expected": 1210, "allowance": 60,
                                            "within": False, "source": "scale"}, 780, held.id)
        add("BENCH-05", "order_held", {"number": held.number, "reason": "held", "missing": {}}, 760, held.id)
        add("BENCH-09", "sync_conflict", {"order": held.number, "kind": "claimed_twice", "other_station": "BENCH-02",
                                          "detail": "packed offline here while BENCH-02 held the claim"}, 600, held.id)
        jobs = t.PrintJob.__table__
        for i, (printer, state, error) in enumerate([
                ("tcp://10.0.8.21:9100", "done", ""), ("tcp://10.0.8.21:9100", "done", ""),
                ("tcp://10.0.8.23:9100", "failed", "connection refused (printer off?)"),
                ("tcp://10.0.8.23:9100", "queued", ""), ("file:///var/spool/packstation/slips", "done", "")]):
            conn.execute(insert(jobs).values(uuid=str(uuid.uuid4()), printer=printer, document="label", format="zpl",
                                             reference=f"order {held.number} box {i}", data=b"^XA^XZ", state=state,
                                             attempts=1, last_error=error, created_at=now, updated_at=now))
    engine.dispose()


def recent_packed(engine, station: str) -> str:  # noqa: ANN001 - an Engine
    """A recently packed order with several lines, for the audit screenshot."""
    from sqlalchemy import func, select

    from app.store import models as t

    with engine.connect() as conn:
        lines = (select(t.OrderLine.order_id, func.count().label("n")).group_by(t.OrderLine.order_id).subquery())
        return conn.execute(select(t.Order.number).join(t.PackEvent, t.PackEvent.order_id == t.Order.id)
                            .join(lines, lines.c.order_id == t.Order.id)
                            .where(t.PackEvent.type == "order_packed", t.PackEvent.station == station, lines.c.n >= 3)
                            .order_by(t.PackEvent.seq.desc()).limit(1)).scalar_one()


def add_photo(engine, home: Path, number: str) -> None:  # noqa: ANN001 - an Engine
    """An open-box photo for the order's parcel, as the station's camera would store it."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from sqlalchemy import select, update

    from app.store import models as t

    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#8B6B4A"))
    painter = QPainter(image)
    painter.fillRect(QRect(60, 50, 520, 380), QColor("#C8A878"))
    for i, colour in enumerate(("#2F6FB0", "#E0E0E0", "#B33A3A")):
        painter.fillRect(QRect(100 + i * 160, 120 + (i % 2) * 90, 130, 170), QColor(colour))
    painter.setPen(QColor("#FFFFFF"))
    painter.setFont(QFont("DejaVu Sans", 16))
    painter.drawText(QRect(0, 440, 640, 36), Qt.AlignmentFlag.AlignCenter, f"order {number} · box 1")
    painter.end()
    folder = home / "data" / "photos" / number
    folder.mkdir(parents=True, exist_ok=True)
    with engine.begin() as conn:
        order_id = conn.execute(select(t.Order.id).where(t.Order.number == number)).scalar_one()
        parcel = conn.execute(select(t.Parcel.uuid).where(t.Parcel.order_id == order_id)).scalar_one()
        image.save(str(folder / f"{parcel}.jpg"), "JPG", 80)
        conn.execute(update(t.Parcel.__table__).where(t.Parcel.uuid == parcel)
                     .values(photo_ref=f"photos/{number}/{parcel}.jpg", weight_g=900, expected_weight_g=880,
                             carton_code="M", label_format="zpl"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--only", choices=["returns"], help="only the Returns & stock tab (a quick build)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.only == "returns":
        return returns_shot(args.out, width, height)
    home = Path(tempfile.mkdtemp(prefix="packstation-sup-shots-"))
    now = datetime.now(UTC)
    build_floor(home, now)
    url = f"sqlite:///{home / 'data' / 'station.db'}"
    add_exceptions(url, now)

    from PySide6.QtWidgets import QApplication

    from app.domain.model import Role
    from app.store.db import make_engine
    from app.supervisor.access import Supervisor
    from app.supervisor.service import StatsService
    from app.ui.app import make_application
    from app.ui.supervisor.login import LoginDialog
    from app.ui.supervisor.window import SupervisorWindow
    from app.ui.theme import apply_theme

    app = make_application([])
    apply_theme(app, "light", height)
    engine = make_engine(url)
    service = StatsService(engine)
    window = SupervisorWindow(lambda: service, console="SUP-OFFICE", source="Warehouse floor (central)",
                              floor_interval_ms=600_000, photo_root=home / "data")
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(400):
            app.processEvents()
            if window.runner.idle:
                break
            window.runner.pool.waitForDone(20)
        for _ in range(20):
            app.processEvents()

    def shot(name: str, widget=None) -> None:
        settle()
        (widget or window).grab().save(str(args.out / f"supervisor-{name}.png"))
        print("wrote", args.out / f"supervisor-{name}.png")

    login = LoginDialog(window.runner, lambda who, pin: None, window, who="")
    login.who.setText("PS:BADGE:S-2001")
    login.pin.setText("246810")
    login.show()
    shot("01-sign-in", login)
    login.close()
    window.begin_as(Supervisor(9001, "Sam Supervisor", Role.SUPERVISOR, "S-2001"))
    shot("02-floor")
    window.tabs.setCurrentWidget(window.productivity)
    shot("03-productivity")
    window.productivity.table.selectRow(2)
    window.productivity._row_selected(2)
    shot("04-productivity-packer")
    window.productivity.by.setCurrentIndex(1)
    shot("05-productivity-stations")
    window.tabs.setCurrentWidget(window.holds)
    window.holds.refresh()
    settle()
    rows = window.holds.model.table.rows
    row = next((i for i, r in enumerate(rows) if r[1] == "Weight mismatch"), 0)
    window.holds.table.selectRow(row)
    window.holds._selected(row)
    window.holds.reason.setText("Reweighed: wrong carton entered; repack in an M box")
    window.holds.reason.setCursorPosition(0)
    shot("06-holds")
    number = recent_packed(engine, "BENCH-08")
    add_photo(engine, home, number)
    window.show_order(number)
    shot("07-order-audit")
    window.audit.tabs.setCurrentIndex(1)
    window.audit.parcels.selectRow(0)
    window.audit._parcel_selected(0)
    shot("08-order-parcels")
    report_page(service, args.out / "supervisor-09-shift-report.png")
    window.shutdown()
    returns_shot(args.out, width, height)
    QApplication.instance().processEvents()
    return 0


def build_returns_week(engine, sessions, now: datetime, seed: int = 5) -> None:  # noqa: ANN001 - Engine, sessionmaker
    """A week of the demo catalogue: shipments booked in stock, returns graded at the bench (most
    restocked in minutes, some released from quarantine days later) and eight approved cycle counts."""
    import random

    from sqlalchemy import func, insert, select

    from app.domain.inventory import MovementReason, NegativeStock
    from app.domain.model import Role, User
    from app.domain.returns.model import REASONS, Grade
    from app.returns.demo import seed_operations_demo
    from app.store import inventory
    from app.store.demo import demo_products
    from app.store.returns_models import Return, ReturnItem
    from app.supervisor.periods import this_week

    seed_operations_demo(sessions)
    rng = random.Random(seed)
    hours = max(2.0, (now - this_week().utc_since).total_seconds() / 3600 - 0.5)  # all inside "This week"
    products = list(demo_products())
    popular = products[:30]
    returny = {"TEE-ORG-BLA-M": 0.22, "TEE-ORG-WHI-L": 0.16, "MUG-STW-SAN": 0.12, "SOCK-MER-NAV-M": 0.09}
    sam = User(9001, "Sam Supervisor", Role.SUPERVISOR, "S-2001")
    with engine.begin() as conn:
        for product in popular:  # a week of shipments, booked as the bench books them
            inventory.receive(conn, product.sku, product.bin_location, 150, user_id=None, reference="PO-4711")
            for _ in range(rng.randint(12, 40)):
                at = now - timedelta(hours=rng.uniform(0.5, hours))
                inventory.move(conn, product.sku, product.bin_location, -rng.randint(1, 4), MovementReason.SHIPMENT,
                               policy=NegativeStock.FLAG, reference=f"SO-{rng.randint(10000, 99999)}",
                               at=at)
        moves = inventory.MOVES
        shipped = dict(conn.execute(select(moves.c.sku, -func.sum(moves.c.delta))
                                    .where(moves.c.reason == "shipment").group_by(moves.c.sku)).all())
        number = 0
        for product in popular:
            rate = returny.get(product.sku, rng.choice((0.0, 0.0, 0.02, 0.04, 0.06)))
            units = round(shipped.get(product.sku, 0) * rate)
            for _ in range(units):
                number += 1
                received = now - timedelta(hours=rng.uniform(0.5, hours))
                grade = rng.choices(list(Grade), weights=(60, 25, 8, 7))[0]
                if product.sku == "MUG-STW-SAN":
                    grade = Grade.DAMAGED
                reason = rng.choice(REASONS[grade])
                recorded = received + timedelta(minutes=rng.uniform(2, 40))
                restocked = None
                if grade is Grade.RESELLABLE:
                    restocked = recorded
                elif rng.random() < 0.4:
                    restocked = recorded + timedelta(hours=rng.uniform(3, 40))
                    if restocked > now:
                        restocked = None
                return_id = f"shot-{number}"
                conn.execute(insert(Return.__table__).values(
                    id=return_id, number=f"SO-{70000 + number}-R1", order_number=f"SO-{70000 + number}",
                    station="RET-1", opened_at=received, received_at=received, closed_at=recorded, status="closed",
                    late=False, flags="[]"))
                conn.execute(insert(ReturnItem.__table__).values(
                    return_id=return_id, item_no=1, sku=product.sku, grade=grade.value, reason=reason,
                    disposition="restock" if restocked else "quarantine",
                    bin=product.bin_location if restocked else "QUARANTINE", in_order=grade is not Grade.WRONG_ITEM
                    or reason != "not_our_item", flags="[]", recorded_at=recorded, restocked_at=restocked,
                    removed=False))
        for product in rng.sample(products[:40], 8):  # cycle counts: most bins right, a few off
            count = inventory.start_count(conn, product.bin_location, user_id=None)
            sheet = inventory.count_sheet(conn, count)
            for sku, expected in sheet.expected.items():
                off = rng.choice((0, 0, 0, 0, -1, -2, 1))
                if expected + off > 0:
                    inventory.count_item(conn, count, sku, expected + off)
            inventory.finish_count(conn, count)
            inventory.approve_count(conn, count, sam)


def returns_shot(out: Path, width: int, height: int) -> int:
    """supervisor-10-returns.png: the Returns & stock tab over this week."""
    from PySide6.QtWidgets import QApplication

    from app.domain.model import Role
    from app.store.db import open_database
    from app.supervisor.access import Supervisor
    from app.supervisor.service import StatsService
    from app.ui.app import make_application
    from app.ui.supervisor.window import SupervisorWindow
    from app.ui.theme import apply_theme

    home = Path(tempfile.mkdtemp(prefix="packstation-sup-returns-"))
    engine, sessions = open_database(f"sqlite:///{home / 'station.db'}")
    now = datetime.now(UTC)
    build_returns_week(engine, sessions, now)
    app = QApplication.instance() or make_application([])
    apply_theme(app, "light", height)
    service = StatsService(engine)
    window = SupervisorWindow(lambda: service, console="SUP-OFFICE", source="Warehouse floor (central)",
                              floor_interval_ms=600_000)
    window.resize(width, height)
    window.show()
    window.begin_as(Supervisor(9001, "Sam Supervisor", Role.SUPERVISOR, "S-2001"))
    window.tabs.setCurrentWidget(window.returns)
    for _ in range(400):
        app.processEvents()
        if window.runner.idle and window.returns.result is not None:
            break
        window.runner.pool.waitForDone(20)
    for _ in range(20):
        app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "supervisor-10-returns.png"))
    print("wrote", out / "supervisor-10-returns.png")
    window.shutdown()
    app.processEvents()
    engine.dispose()
    return 0


def report_page(service, path: Path) -> None:  # noqa: ANN001 - a StatsService
    """The PDF shift report's first page, as an image."""
    import pypdfium2 as pdfium

    from app.supervisor.periods import today
    from app.supervisor.report_pdf import shift_report

    period = today()
    pdf = shift_report(service.productivity(period), service.exceptions(period), supervisor="Sam Supervisor",
                       source="Warehouse floor (central)")
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        page.render(scale=1.6).to_pil().save(path)
        page.close()
    finally:
        document.close()
    print("wrote", path)


if __name__ == "__main__":
    sys.exit(main())
