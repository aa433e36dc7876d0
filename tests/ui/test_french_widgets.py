"""Streamlit's own number widgets write a decimal point in every language: the Grid page's cut
and distance sliders and the visit plan's judgements editor write them the user's way instead
("42,5", "0,55" in French), and read what a French user types there ("0,5")."""

from __future__ import annotations

from portfolio.i18n import t
from portfolio.ui.shared.number_slider import slider_steps
from tests.ui.conftest import open_page
from tests.ui.test_grid_files_page import config  # noqa: F401  (the grids folder fixture)
from tests.ui.test_plan_page import EDITOR, PARTNERS, edit

GRID_PAGE, PLAN = "pages/2_Grid.py", "pages/7_Visit_plan.py"
FR = "fr-FR"
JUDGEMENTS = "pp.plan.judgements"
LEVELS = ["none", "half", "current", "more_50", "saturation"]


def test_the_steps_run_from_end_to_end_and_keep_a_value_between_them():
    assert slider_steps(0.0, 2.0, 0.5) == [0.0, 0.5, 1.0, 1.5, 2.0]
    assert slider_steps(0.0, 2.0, 0.5, 1.3, 7.0) == [0.0, 0.5, 1.0, 1.3, 1.5, 2.0]
    assert len(slider_steps(0.0, 100.0, 0.5)) == 201


def test_the_trial_cut_slider_writes_and_tries_a_french_half_point(seeded_db):
    at = open_page(GRID_PAGE, locale=FR)
    cut = at.select_slider(key="w.trial.cut.qrc")
    assert cut.value == 50.0
    assert "42,5" in cut.options and "50" in cut.options
    assert not [option for option in cut.options if "." in option]
    cut.set_value(42.5)
    [apply] = [b for b in at.button if b.label == t("grid.trial_apply", "fr")]
    apply.click().run()
    assert not at.exception
    assert at.session_state["pp.grid_changes"].cuts["qrc"] == (42.5,)
    english = open_page(GRID_PAGE)
    assert "42.5" in english.select_slider(key="w.trial.cut.qrc").options


def test_the_comparison_s_distance_slider_writes_a_decimal_comma(config):  # noqa: F811
    at = open_page(GRID_PAGE, locale=FR)
    at.session_state["w.grid_tab"] = t("grid.tab_compare", "fr")
    at.run()
    at.selectbox(key="w.grid_compare_with").set_value("lower-qrc.yaml").run()
    distance = at.select_slider(key="w.grid_compare_distance")
    assert distance.value == 2.0
    assert {"0", "2", "2,5", "20"} <= set(distance.options)
    assert not [option for option in distance.options if "." in option]


def _editor_cells(at) -> list[list[str]]:
    [editor] = [frame for frame in at.dataframe if frame.key == EDITOR]
    return editor.value[LEVELS].values.tolist()


def test_the_judgements_editor_writes_and_reads_a_decimal_comma_in_french(seeded_db):
    at = open_page(PLAN, locale=FR)
    cells = _editor_cells(at)
    # The norms file's judgements, develop then partners (the grid's order).
    assert cells[0] == ["0,60", "0,85", "1,00", "1,15", "1,30"]
    assert cells[PARTNERS] == ["0,55", "0,85", "1,00", "1,06", "1,10"]
    edit(at, PARTNERS, none="0,5", saturation="1,125")  # typed in the editor's text cells
    assert not at.exception and not at.error
    partners = at.session_state[JUDGEMENTS]["partners"]
    assert partners["none"] == 0.5 and partners["saturation"] == 1.125
    # In English, the cells typed in French are still read as typed: nothing is refused.
    at.segmented_control(key="w.language").set_value("en").run()
    assert not at.exception and not at.error
    assert at.session_state[JUDGEMENTS]["partners"]["none"] == 0.5
    assert _editor_cells(at)[PARTNERS][1:4] == ["0.85", "1.00", "1.06"]  # the rest in English
    at.button(key="w.plan.judgements_reset").click().run()
    assert _editor_cells(at)[PARTNERS] == ["0.55", "0.85", "1.00", "1.06", "1.10"]


def test_a_judgement_that_is_no_number_is_refused_and_the_plan_kept(seeded_db):
    at = open_page(PLAN, locale=FR)
    edit(at, PARTNERS, none="beaucoup")
    assert not at.exception
    segment = t("plan.level.none", "fr")
    assert any(segment in e.value and "un nombre ≥ 0 est attendu" in e.value for e in at.error)
    assert JUDGEMENTS not in at.session_state  # the norms file's judgements still apply
