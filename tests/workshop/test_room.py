"""A room scoring one case: answers per level, agreement, median level and the segment the
room's median answers give, on a hand-made 2 × 2 grid."""

from __future__ import annotations

import threading

import pytest

from portfolio.workshop.room import (MAX_PARTICIPANTS, RoomRefused, Rooms, normal_code,
                                     room_result, spread)
from tests.scoring.gridkit import bands, categories, grid_2x2

# Attractiveness: potential (≥ 100,000 → 1 of 1); QRC: share of wallet bands 0 / 0.30 / 0.60
# (0, 1, 2 points, weight 3) and contact level categories (0, 1, 2 points, weight 1).
GRID = grid_2x2(
    [bands("potential", 1, (0, 0), (100_000, 1))],
    [bands("share_of_wallet", 3, (0, 0), (0.30, 1), (0.60, 2)),
     categories("contact_level", 1, ("operational", 0), ("manager", 1), ("director", 2))])
SOW, CONTACT = (criterion.id for criterion in GRID.axes["qrc"].criteria)


def test_counts_agreement_and_lower_median():
    found = spread(GRID.axes["qrc"].criteria[0], [2, 0, 2, 1])
    assert found.counts == (1, 1, 2)
    assert found.agreement == pytest.approx(2 / 4)
    assert found.median_level == 1  # sorted 0, 1, 2, 2: the lower of the two middle ones
    assert spread(GRID.axes["qrc"].criteria[0], [2, 2, 0]).median_level == 2
    empty = spread(GRID.axes["qrc"].criteria[0], [])
    assert (empty.counts, empty.agreement, empty.median_level) == ((0, 0, 0), None, None)


def test_the_room_scores_the_case_at_its_median_answers():
    rooms = Rooms()
    room = rooms.open(GRID, "A large client buying little from us", {"potential": 250_000})
    rooms.answer(room.code, "p1", {SOW: 0, CONTACT: 2})
    rooms.answer(room.code, "p2", {SOW: 0, CONTACT: 1})
    rooms.answer(room.code, "p3", {SOW: 1, CONTACT: 1})
    rooms.answer(room.code, "p3", {SOW: 2, CONTACT: 1})  # p3 changes their mind
    spreads, scored = room_result(rooms.snapshot(room.code))
    sow, contact = spreads
    assert (sow.counts, sow.median_level) == ((2, 0, 1), 0)
    assert sow.agreement == pytest.approx(2 / 3)
    assert (contact.counts, contact.median_level) == ((0, 2, 1), 1)
    # QRC at the medians = 100 × (3 × 0/2 + 1 × 1/2) / 4 = 12.5; attractiveness 100.
    assert scored.qrc == pytest.approx(12.5)
    assert scored.attractiveness == pytest.approx(100)
    assert scored.segment == "develop"


def test_codes_are_forgiving_when_typed_and_refuse_what_is_not_open():
    rooms = Rooms()
    room = rooms.open(GRID, "case", {})
    typed = " ".join(room.code.lower())
    assert rooms.find(typed) is not None
    assert normal_code("<b>ab-c</b>") == "BABCB"  # only the letters a code can hold
    with pytest.raises(RoomRefused):
        rooms.answer("ZZZZZ", "p1", {SOW: 0})
    with pytest.raises(RoomRefused):
        rooms.answer(room.code, "p1", {SOW: 3})  # the criterion has three levels
    with pytest.raises(RoomRefused):
        rooms.answer(room.code, "p1", {"potential": 0})  # not a criterion the room scores
    rooms.close(room.code)
    assert rooms.find(room.code) is None


def test_a_full_room_refuses_newcomers_but_not_those_inside(monkeypatch):
    monkeypatch.setattr("portfolio.workshop.room.MAX_PARTICIPANTS", 2)
    rooms = Rooms()
    room = rooms.open(GRID, "case", {})
    rooms.answer(room.code, "p1", {SOW: 0})
    rooms.answer(room.code, "p2", {SOW: 1})
    with pytest.raises(RoomRefused):
        rooms.answer(room.code, "p3", {SOW: 2})
    rooms.answer(room.code, "p1", {SOW: 2})
    assert MAX_PARTICIPANTS > 2


def test_answers_from_many_threads_are_all_kept():
    rooms = Rooms()
    room = rooms.open(GRID, "case", {})

    def answer(index: int) -> None:
        for repeat in range(20):
            rooms.answer(room.code, f"p{index}", {SOW: (index + repeat) % 3})

    threads = [threading.Thread(target=answer, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spreads, _ = room_result(rooms.snapshot(room.code))
    assert spreads[0].answers == 16
