"""The Workshop page: the method step by step in both languages, steps opened in any order,
the presenter's notes hidden while presenting, and reset back to the workshop's start."""

from __future__ import annotations

import pytest

from portfolio.grid.trial import GridChanges
from portfolio.i18n import t
from tests.ui.conftest import charts, open_page

WORKSHOP = "pages/8_Workshop.py"
# Each step and the chart that makes its point, in the order the method is taught.
STEP_CHARTS = [("same_revenue", {"w.workshop.split", "w.workshop.wallet"}),
               ("norms_gaps", {"w.workshop.heatmap"}),
               ("good_client", {"w.workshop.matrix"}),
               ("live_scoring", {"w.live_chart"}),
               ("room", set()),  # its chart comes with the room's answers (test_workshop_room)
               ("visit_plan", {"w.workshop.visits"}),
               ("development", {"w.workshop.qrc"})]


def _texts(at, kind: str) -> list[str]:
    return [element.value for element in at.get(kind)]


def _next(at) -> None:
    at.button(key="w.workshop.next").click().run()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_path_walks_every_step_with_its_chart_and_question(seeded_db, lang):
    at = open_page(WORKSHOP, locale=lang)
    for number, (step, chart_keys) in enumerate(STEP_CHARTS, start=1):
        assert not at.exception
        title = t(f"workshop.{step}_title", lang)
        assert _texts(at, "subheader")[0] == t("workshop.step_heading", lang, number=number,
                                                total=len(STEP_CHARTS), title=title)
        assert chart_keys <= set(charts(at)), step
        assert t(f"workshop.{step}_question", lang) in _texts(at, "info")
        assert t(f"workshop.{step}_notes", lang) in _texts(at, "markdown")
        if number < len(STEP_CHARTS):
            _next(at)
    assert not [b for b in at.button if b.key == "w.workshop.next"]  # the last step


def test_the_first_step_shows_the_two_reps_it_names(seeded_db):
    at = open_page(WORKSHOP)
    split = charts(at)["w.workshop.split"]["data"]
    reps = {name for trace in split for name in trace["y"]}
    assert len(reps) == 2
    caption = " ".join(_texts(at, "caption"))
    assert all(rep in caption for rep in reps)


def test_a_step_can_be_opened_directly_and_revisited(seeded_db):
    at = open_page(WORKSHOP)
    at.segmented_control(key="w.workshop.steps").set_value(5).run()
    assert "w.workshop.visits" in charts(at)
    at.button(key="w.workshop.previous").click().run()
    at.button(key="w.workshop.previous").click().run()
    assert "w.live_chart" in charts(at)
    at.segmented_control(key="w.workshop.steps").set_value(0).run()
    assert "w.workshop.split" in charts(at)


def test_presenter_mode_hides_the_notes(seeded_db):
    at = open_page(WORKSHOP)
    notes = t("workshop.same_revenue_notes", "en")
    assert notes in _texts(at, "markdown")
    at.toggle(key="w.presenter.switch").set_value(True).run()  # the app's one switch
    assert notes not in _texts(at, "markdown")
    assert t("workshop.same_revenue_question", "en") in _texts(at, "info")
    _next(at)  # presenting stays on from step to step
    assert t("workshop.norms_gaps_notes", "en") not in _texts(at, "markdown")


def test_the_live_client_stays_from_step_to_step(seeded_db):
    at = open_page(WORKSHOP)
    at.segmented_control(key="w.workshop.steps").set_value(3).run()
    at.text_input(key="w.live.potential").input("250000").run()
    _next(at)
    _next(at)
    at.button(key="w.workshop.previous").click().run()
    at.button(key="w.workshop.previous").click().run()
    assert at.text_input(key="w.live.potential").value == "250000"
    at.button(key="w.live_clear").click().run()
    assert at.text_input(key="w.live.potential").value == ""


def test_reset_clears_trials_and_the_live_client_and_goes_back_to_the_start(seeded_db):
    at = open_page(WORKSHOP)
    at.segmented_control(key="w.workshop.steps").set_value(3).run()
    at.text_input(key="w.live.potential").input("250000").run()
    at.session_state["pp.grid_changes"] = GridChanges(cuts={"qrc": [40.0]})
    at.run()
    assert at.text_input(key="w.live.potential").value == "250000"
    assert any(t("common.grid_trial_active", "en")[:30] in i for i in _texts(at, "info"))
    at.button(key="w.workshop.reset").click().run()
    assert not at.exception
    assert at.session_state["pp.grid_changes"] is None
    assert "w.workshop.split" in charts(at)  # back at step 1
    at.segmented_control(key="w.workshop.steps").set_value(3).run()
    assert at.text_input(key="w.live.potential").value == ""
