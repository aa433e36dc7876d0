"""Presenter mode shows, it does not edit: the trial banner and its reset button give way to a
word in the presenter bar, and the Grid page keeps its tables, the live client and the
comparison but not its file chooser, trial editors, save or upload."""

from __future__ import annotations

from portfolio.i18n import t
from tests.ui.conftest import open_page, table_rows
from tests.ui.test_grid_trial_page import GRID_PAGE, MATRIX_PAGE, TRIAL_BANNER, _try

SWITCH, LEAVE, RESET = "w.presenter.switch", "w.presenter.leave", "w.grid_trial_reset"


def _keys(at) -> set[str]:
    return {element.key for kind in ("button", "text_input", "slider", "select_slider", "selectbox",
                                     "toggle", "text_area", "data_editor")
            for element in at.get(kind) if getattr(element, "key", None)}


def _editors(at) -> set[str]:
    return {k for k in _keys(at) if k.startswith(("w.trial.", "w.grid_save", "w.grid_file",
                                                  "w.grid_edges", "w.grid_texts"))}


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_the_trial_banner_gives_way_to_a_word_in_the_presenter_bar(seeded_db):
    at = open_page(GRID_PAGE)
    _try(at, **{"cut.qrc": 40.0})
    at.switch_page(MATRIX_PAGE).run()
    assert RESET in _keys(at) and any(TRIAL_BANNER in i.value for i in at.info)
    marker = t("presenter_trial.trial_marker", "en")
    assert marker not in _captions(at)
    at.toggle(key=SWITCH).set_value(True).run()
    assert not at.exception
    assert RESET not in _keys(at)
    assert not any(TRIAL_BANNER in i.value for i in at.info)
    assert marker in _captions(at)  # the room still knows the grid is not the file's
    at.button(key=LEAVE).click().run()
    assert RESET in _keys(at) and marker not in _captions(at)
    at.button(key=RESET).click().run()  # back to the file: presenting it says nothing more
    at.toggle(key=SWITCH).set_value(True).run()
    assert marker not in _captions(at) and at.button(key=LEAVE)


def test_the_grid_page_shows_the_grid_without_its_editors_while_presenting(seeded_db):
    at = open_page(GRID_PAGE, locale="fr-FR")
    editors = _editors(at)
    assert {"w.grid_file", "w.trial.weight.solvency"} <= editors
    assert at.get("file_uploader")
    grid_tables = [table_rows(x) for x in at.tabs[0].table]
    at.toggle(key=SWITCH).set_value(True).run()
    assert not at.exception
    assert _editors(at) == set()
    assert not at.get("file_uploader")
    assert [tab.label for tab in at.tabs] == [t("grid.tab_" + name, "fr")
                                              for name in ("grid", "live", "compare")]
    assert [table_rows(x) for x in at.tabs[0].table] == grid_tables != []  # all still shown
    assert "w.live.potential" in _keys(at)  # a client scored live: it reads, it edits nothing
    at.button(key=LEAVE).click().run()
    assert _editors(at) == editors
