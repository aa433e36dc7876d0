"""A room scoring one client, through the pages: the trainer opens it on the Workshop page,
three participants answer on the Join page, the trainer sees their spread and median."""

from __future__ import annotations

import json

from portfolio.grid.loader import load_grid
from portfolio.queries.live import score_values
from portfolio.ui.shared.rooms import rooms
from tests.ui.conftest import ROOT, all_text, charts, open_page

WORKSHOP, JOIN = "pages/8_Workshop.py", "pages/9_Join.py"
ROOM_STEP = 4
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")
QRC = GRID.axes["qrc"].criteria


def _open_room(case: str = "A regional distributor") -> tuple:
    trainer = open_page(WORKSHOP)
    trainer.segmented_control(key="w.workshop.steps").set_value(1).run()
    trainer.segmented_control(key="w.workshop.steps").set_value(ROOM_STEP).run()
    trainer.text_area(key="w.room.case").set_value(case).run()
    trainer.button(key="w.room.open").click().run()
    return trainer, trainer.session_state["pp.room.code"]


def _participant(code: str, levels: dict[str, int]):
    at = open_page(JOIN)
    at.text_input(key="w.join.code").set_value(code).run()
    for criterion_id, position in levels.items():
        at.radio(key=f"w.join.{code}.{criterion_id}").set_value(position)
    [send] = [b for b in at.get("button") if getattr(b, "label", "") == "Send my answers"]
    send.click().run()
    assert not at.exception
    assert "your answers are in" in all_text(at)
    return at


def test_three_participants_scores_reach_the_trainer(seeded_db):
    trainer, code = _open_room()
    first, second = QRC[0], QRC[2]
    answers = [{first.id: 0, second.id: 3}, {first.id: 2, second.id: 3}, {first.id: 0, second.id: 1}]
    for given in answers:
        _participant(code, given)
    trainer.run()
    assert not trainer.exception
    metrics = {m.label: m.value for m in trainer.metric}
    assert metrics["Participants"] == "3"
    spread = charts(trainer)["w.room.spread"]["data"]
    counts = {criterion.id: trace["x"] for criterion, trace in zip(QRC, spread)}
    assert counts[first.id][:3] == [2, 0, 1]
    assert counts[second.id][1] == 1 and counts[second.id][3] == 2
    # Segment at the median answers: level 0 of the first criterion, level 3 of the second
    # (both by points in the shipped grid), the others unanswered, attractiveness unknown.
    values = {first.column: first.bands[0].start if first.bands else first.categories[0].value,
              second.column: (second.bands[3].start if second.bands
                              else second.categories[3].value)}
    expected = score_values(GRID, values)
    assert metrics["Relationship at the room's median answers"] == f"{expected.qrc:.1f} / 100"
    agreement = [t for t in json.dumps(charts(trainer)["w.room.spread"]["layout"]).split('"text": "')
                 if t.startswith(first.label.get("en"))]
    assert agreement and "67%" in agreement[0]


def test_the_case_reaches_participants_as_text_and_nothing_of_the_data(seeded_db, demo_clients):
    _, code = _open_room("A <img src=x onerror=alert(1)> client **bold**")
    at = open_page(JOIN)
    at.text_input(key="w.join.code").set_value(code.lower()).run()
    shown = all_text(at)
    assert r"\<img src=x onerror=alert(1)\>" in shown
    assert not any(name in shown for name in demo_clients["client_name"].head(50))
    assert not at.sidebar.get("page_link")  # no menu, no dataset


def test_an_unknown_code_says_so(seeded_db):
    at = open_page(JOIN)
    at.text_input(key="w.join.code").set_value("<b>zz</b>").run()
    assert "No workshop is open under the code BZZB" in all_text(at)


def test_closing_the_room_forgets_its_answers(seeded_db):
    trainer, code = _open_room()
    _participant(code, {QRC[0].id: 1})
    trainer.button(key="w.room.close").click().run()
    assert rooms().find(code) is None
    assert trainer.text_area(key="w.room.case") is not None

