"""A bench-camera photo of a returned unit: a fact of its own in the return's log, projected to
return_items.photo_ref. The photo arrives after the unit was graded (the camera takes its time),
so these tests send it at every moment it can arrive: unit in hand, recorded, set aside, return
closed. No Qt and no camera here: the photo is a file name.
"""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.domain.returns import Grade, ReturnedItem, ReturnPhase, ReturnRules
from app.domain.returns.model import Disposition
from app.returns.service import ReturnStation
from app.store.returns_models import ReturnItem
from tests.returns.conftest import Clock, ship_order
from tests.support import MUG_GTIN, SOCKS_GTIN

PHOTO = "photos/2001-R1/00000000-0000-0000-0000-000000000001.jpg"
PHOTO_2 = "photos/2001-R1/00000000-0000-0000-0000-000000000002.jpg"


def opened(db, repo, station: str = "RET-1") -> ReturnStation:
    ship_order(db[1], "2001", [("MUG-1", 1), ("SOCK-M", 2)])
    bench = ReturnStation(repo, station=station, rules=ReturnRules(), clock=Clock())
    assert bench.scan("PS:BADGE:P-1001").code == "signed_in"
    assert bench.scan("2001").code == "return_opened"
    return bench


def rows(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(ReturnItem.item_no, ReturnItem.sku, ReturnItem.photo_ref,
                                                      ReturnItem.removed).order_by(ReturnItem.item_no))]


def photo_events(engine) -> list[dict]:
    with engine.connect() as conn:
        return [json.loads(p) for p in conn.execute(text(
            "select payload from return_events where type = 'return_item_photographed' order by seq")).scalars()]


def test_a_photo_of_a_recorded_unit_is_a_new_fact_projected_to_its_row(db, repo):
    """GIVEN a mug recorded damaged (item 1)
    WHEN the bench camera's photo of it arrives
    THEN return_item_photographed names the return, the item and the file; return_items.photo_ref has it;
         the recorded fact is left as it was (append-only); items_of and a restarted bench both see it."""
    engine, _ = db
    bench = opened(db, repo)
    bench.scan(MUG_GTIN)
    bench.scan("PS:GRADE:DAMAGED:DAMAGED_IN_TRANSIT")
    assert bench.scan("PS:CMD:CONFIRM").code == "item_returned"
    outcome = bench.photo_taken("2001-R1", 1, "MUG-1", PHOTO)
    assert (outcome.code, outcome.facts) == ("photo_saved", ["return_item_photographed"])
    assert bench.state.items[0].photo == PHOTO
    assert photo_events(engine) == [{"number": "2001-R1", "item": 1, "sku": "MUG-1", "photo": PHOTO}]
    assert rows(engine) == [(1, "MUG-1", PHOTO, False)]
    with engine.connect() as conn:
        recorded = json.loads(conn.execute(text("select payload from return_events "
                                                "where type = 'return_item_recorded'")).scalar())
    assert "photo" not in recorded
    assert [i.photo for i in repo.items_of("2001-R1")] == [PHOTO]

    again = ReturnStation(repo, station="RET-1", clock=Clock())  # a restart rebuilds the photo from the log
    assert again.state.items[0].photo == PHOTO


def test_a_photo_of_the_unit_in_hand_is_recorded_with_the_unit(db, repo):
    """GIVEN a mug graded damaged, still in hand (item 1 to be)
    WHEN its photo arrives, then the unit is put away
    THEN the photo is on the pending unit, then in the return_item_recorded fact and on its row."""
    engine, _ = db
    bench = opened(db, repo)
    bench.scan(MUG_GTIN)
    bench.grade(Grade.DAMAGED)
    assert bench.state.photo_subject() == (1, "MUG-1")
    assert bench.photo_taken("2001-R1", 1, "MUG-1", PHOTO).code == "photo_saved"
    assert bench.state.pending.photo == PHOTO and bench.state.phase is ReturnPhase.DISPOSING
    assert rows(engine) == []  # nothing to project onto yet
    assert bench.scan("PS:CMD:CONFIRM").code == "item_returned"
    assert rows(engine) == [(1, "MUG-1", PHOTO, False)]
    with engine.connect() as conn:
        recorded = json.loads(conn.execute(text("select payload from return_events "
                                                "where type = 'return_item_recorded'")).scalar())
    assert recorded["photo"] == PHOTO
    assert ReturnedItem.from_data(recorded).photo == PHOTO


def test_a_later_photo_replaces_the_first_and_a_photo_of_a_unit_set_aside_is_not_kept(db, repo):
    """GIVEN socks resellable (item 1) with a photo, then a mug in hand
    WHEN a second photo of the socks arrives  THEN it is the one on the row (the log has both)
    WHEN the mug is set aside (UNDO) and another pair of socks scanned, and the mug's photo arrives
    THEN no fact is recorded: "photo_dropped", nothing changed."""
    engine, _ = db
    bench = opened(db, repo)
    bench.scan(SOCKS_GTIN)
    bench.grade(Grade.RESELLABLE, disposition=Disposition.RESTOCK)
    bench.photo_taken("2001-R1", 1, "SOCK-M", PHOTO)
    bench.photo_taken("2001-R1", 1, "SOCK-M", PHOTO_2)
    assert rows(engine) == [(1, "SOCK-M", PHOTO_2, False)] and len(photo_events(engine)) == 2

    bench.scan(MUG_GTIN)
    assert bench.state.photo_subject() == (2, "MUG-1")
    assert bench.scan("PS:CMD:UNDO").code == "item_set_aside"
    bench.scan(SOCKS_GTIN)
    outcome = bench.photo_taken("2001-R1", 2, "MUG-1", PHOTO)
    assert (outcome.code, outcome.facts) == ("photo_dropped", [])
    assert bench.state.pending.photo is None and len(photo_events(engine)) == 2


def test_a_photo_that_arrives_after_the_return_closed_still_reaches_its_unit(db, repo):
    """GIVEN a mug recorded damaged and the return closed at once (COMPLETE)
    WHEN the photo arrives  THEN it is recorded against return 2001-R1, item 1: the row has it, the bench is idle."""
    engine, _ = db
    bench = opened(db, repo)
    bench.scan(MUG_GTIN)
    bench.grade(Grade.DAMAGED, disposition=Disposition.QUARANTINE)
    assert bench.scan("PS:CMD:COMPLETE").code == "return_closed"
    assert bench.state.photo_subject() is None
    outcome = bench.photo_taken("2001-R1", 1, "MUG-1", PHOTO)
    assert outcome.code == "photo_saved" and bench.state.phase is ReturnPhase.IDLE
    assert rows(engine) == [(1, "MUG-1", PHOTO, False)]
    with engine.connect() as conn:
        return_id = conn.execute(text("select id from returns where number = '2001-R1'")).scalar()
        logged = conn.execute(text("select return_id from return_events where type = 'return_item_photographed'")
                              ).scalar()
    assert logged == return_id
