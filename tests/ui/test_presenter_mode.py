"""Presenter mode: one switch, kept from page to page, hides the controls of every page; on the
Rep and Visit plan pages the room moves rep by rep through the reps in the viewer's scope."""

from __future__ import annotations

import pytest

from portfolio.demo import generate_demo
from portfolio.i18n import t
from tests.ui.conftest import charts, open_page, seed_database

MATRIX = "pages/1_Matrix.py"
STRUCTURE = "pages/5_Structure.py"
REP = "pages/6_Rep.py"
PLAN = "pages/7_Visit_plan.py"
SWITCH = "w.presenter.switch"
LEAVE = "w.presenter.leave"


def _present(at) -> None:
    at.toggle(key=SWITCH).set_value(True).run()


def _keys(at, kind: str) -> set[str]:
    return {element.key for element in at.get(kind) if element.key}


def _buttons(at) -> dict[str, object]:
    return {button.key: button for button in at.button if button.key}


def test_the_switch_hides_the_filters_and_leaving_brings_them_back(seeded_db):
    at = open_page(MATRIX)
    assert any(key.startswith("w.matrix.filter.") for key in _keys(at, "multiselect"))
    assert LEAVE not in _buttons(at)
    _present(at)
    assert not at.exception
    assert not [k for k in _keys(at, "multiselect") if k.startswith("w.matrix.filter.")]
    assert "w.matrix.filter.clear" not in _buttons(at)
    assert "w.matrix.chart" in charts(at)  # the point of the page is still there
    assert _buttons(at)[LEAVE].label == t("presenter.leave", "en")
    _buttons(at)[LEAVE].click().run()
    assert any(key.startswith("w.matrix.filter.") for key in _keys(at, "multiselect"))
    assert at.toggle(key=SWITCH).value is False


def test_filters_chosen_before_still_apply_while_presenting(seeded_db):
    at = open_page(MATRIX)
    rep = at.multiselect(key="w.matrix.filter.salespeople").options[0]
    at.multiselect(key="w.matrix.filter.salespeople").select(rep).run()
    filtered = charts(at)["w.matrix.chart"]
    _present(at)
    assert charts(at)["w.matrix.chart"]["data"] == filtered["data"]


def test_the_mode_follows_the_presenter_from_page_to_page(seeded_db):
    at = open_page(MATRIX, locale="fr")
    _present(at)
    for path in (STRUCTURE, REP, PLAN, "pages/8_Workshop.py", "app.py"):
        at.switch_page(path).run()
        assert not at.exception, path
        assert _buttons(at)[LEAVE].label == t("presenter.leave", "fr"), path
        assert at.toggle(key=SWITCH).value is True


def test_the_rep_page_moves_rep_by_rep_through_the_reps_in_scope(seeded_db):
    at = open_page(REP)
    reps = at.selectbox(key="w.rep.rep").options
    assert len(reps) > 2
    assert "w.objectives.save" in _buttons(at)
    _present(at)
    assert "w.rep.rep" not in _keys(at, "selectbox")
    assert "w.rep.growth" not in _keys(at, "number_input")  # the objective's inputs too
    assert "w.objectives.save" not in _buttons(at)
    seen = []
    for _ in reps:
        buttons = _buttons(at)
        seen.append(at.session_state["pp.rep.rep"])
        assert buttons["w.rep.step.previous"].disabled == (len(seen) == 1)
        if len(seen) == len(reps):
            assert buttons["w.rep.step.next"].disabled
            break
        assert buttons["w.rep.step.next"].label == t("presenter.next_rep", "en",
                                                      rep=reps[len(seen)])
        buttons["w.rep.step.next"].click().run()
        assert not at.exception
    assert seen == list(reps)
    _buttons(at)["w.rep.step.previous"].click().run()
    assert at.session_state["pp.rep.rep"] == reps[-2]
    assert t("presenter.rep_position", "en", rep=reps[-2], position=len(reps) - 1,
             total=len(reps)) in [m.value for m in at.markdown]  # the room reads who it is


def test_the_visit_plan_moves_rep_by_rep_and_hides_its_editor(seeded_db):
    at = open_page(PLAN)
    reps = at.selectbox(key="w.plan.rep").options
    assert "w.plan.download_csv" in _keys(at, "download_button")
    _present(at)
    assert "w.plan.rep" not in _keys(at, "selectbox")
    assert not at.get("arrow_data_editor") and not at.date_input
    assert "w.plan.download_csv" not in _keys(at, "download_button")
    first = at.session_state["pp.plan.rep"]
    assert first == reps[0]
    _buttons(at)["w.plan.step.next"].click().run()
    assert not at.exception
    assert at.session_state["pp.plan.rep"] == reps[1]
    _buttons(at)["w.plan.step.previous"].click().run()
    assert at.session_state["pp.plan.rep"] == reps[0]


@pytest.mark.parametrize("path", [REP, PLAN])
def test_a_viewer_scoped_to_one_rep_has_no_way_to_other_reps(seeded_db, path):
    at = open_page(REP)
    rep = at.selectbox(key="w.rep.rep").options[1]
    at.session_state["pp.view_as"] = rep
    at.switch_page(path).run()
    _present(at)
    assert not at.exception
    assert not [key for key in _buttons(at) if ".step." in key]
    assert LEAVE in _buttons(at) and at.metric  # the page is drawn, presenting, for that rep


@pytest.fixture
def many_reps_db(tmp_path, monkeypatch):
    """A portfolio of 17 reps: more than a page of the gaps heatmap."""
    path = seed_database(tmp_path / "portfolio.duckdb",
                         generate_demo(n_clients=900, n_reps=17, seed=5))
    monkeypatch.setenv("PORTFOLIO_DB", str(path))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    return path


def _heatmap_reps(at) -> list[str]:
    names = charts(at)["w.structure.heatmap"]["data"][0]["y"]
    return [name for name in names if name != t("structure.whole_team", "en")]


@pytest.mark.parametrize("present", [False, True])
def test_the_gaps_heatmap_pages_through_the_reps(many_reps_db, present):
    at = open_page(STRUCTURE)
    if present:
        _present(at)
    first = _heatmap_reps(at)
    assert len(first) == 15
    assert _buttons(at)["w.structure.gaps_previous"].disabled
    _buttons(at)["w.structure.gaps_next"].click().run()
    second = _heatmap_reps(at)
    assert len(second) == 2 and not set(first) & set(second)
    assert _buttons(at)["w.structure.gaps_next"].disabled
    assert t("presenter.reps_page", "en", first=16, last=17, total=17) in \
        " ".join(m.value for m in at.markdown)
    if present:  # the map fits the projected screen: thinner rows, one fixed height
        assert charts(at)["w.structure.heatmap"]["layout"]["height"] <= 520
        assert "w.structure.measure" not in _keys(at, "segmented_control")


@pytest.mark.parametrize("path", ["pages/3_Import.py", "pages/4_Datasets.py"])
def test_uploads_and_dataset_settings_wait_for_the_end_of_the_meeting(seeded_db, path):
    at = open_page(path)
    drawn = len(at.get("file_uploader")) + len(at.text_input)
    assert drawn > 0
    _present(at)
    assert not at.exception
    assert not at.get("file_uploader") and not at.text_input
    assert t("presenter.desk_page", "en") in [info.value for info in at.info]
    _buttons(at)[LEAVE].click().run()
    assert len(at.get("file_uploader")) + len(at.text_input) == drawn
