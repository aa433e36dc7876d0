"""The grid files on the Grid page: choosing the session's grid, saving a tuned grid as a new
file (never over one without confirmation), uploading a grid checked by the loader, and two
grids compared."""

from __future__ import annotations

import shutil

import pytest

from portfolio.grid.compare import borderline, migration, movers
from portfolio.grid.loader import load_grid, parse_grid
from portfolio.grid.trial import with_changes
from portfolio.problems import ConfigError
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.view import PortfolioView
from tests.ui.conftest import ROOT, all_text, open_page, table_rows

GRID_PAGE = "pages/2_Grid.py"
DEFAULT_TEXT = (ROOT / "config" / "grids" / "default.yaml").read_text(encoding="utf-8")
GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")


@pytest.fixture
def config(tmp_path, monkeypatch, seeded_db):
    """A grids folder of the test's own, holding the shipped grid and a tuned one."""
    folder = tmp_path / "config"
    shutil.copytree(ROOT / "config", folder)
    (folder / "grids" / "lower-qrc.yaml").write_text(
        DEFAULT_TEXT.replace("qrc: [50]", "qrc: [40]"), encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(folder))
    return folder


def _view(db_path, grid):
    store = Store(db_path)
    return store, PortfolioView.open(store, list_datasets(store)[-1].dataset_id, grid)


def _button(at, label):
    [button] = [b for b in at.button if b.label == label] or [None]
    assert button is not None, label
    return button


def test_a_session_chooses_its_grid_and_others_keep_the_default(config, seeded_db):
    at = open_page(GRID_PAGE)
    assert at.selectbox(key="w.grid_file").value == "default.yaml"
    at.selectbox(key="w.grid_file").set_value("lower-qrc.yaml").run()
    assert not at.exception
    assert "The grid file lower-qrc.yaml is valid." in [s.value for s in at.success]
    # The matrix page of this session scores with it; a new session starts from the default.
    at.switch_page("pages/1_Matrix.py").run()
    assert not at.exception
    other = open_page(GRID_PAGE)
    assert other.selectbox(key="w.grid_file").value == "default.yaml"
    assert "The grid file default.yaml is valid." in [s.value for s in other.success]


def test_a_tuned_grid_saved_reloads_and_an_existing_file_needs_confirmation(config, seeded_db):
    at = open_page(GRID_PAGE)
    at.select_slider(key="w.trial.cut.qrc").set_value(42.0)
    _button(at, "Try these changes").click().run()
    at.text_input(key="w.grid_save.name").set_value("Workshop March")
    at.text_input(key="w.grid_save.version").set_value("3")
    at.text_input(key="w.grid_save.author").set_value("Claire Dubois")
    _button(at, "Save as a new file").click().run()
    assert not at.exception
    saved = config / "grids" / "workshop-march.yaml"
    assert saved.is_file()
    assert load_grid(saved).cuts["qrc"] == (42,)
    text = saved.read_text(encoding="utf-8")
    assert "# Author: Claire Dubois" in text and "# Version: 3" in text
    assert at.selectbox(key="w.grid_file").value == "workshop-march.yaml"
    # Saving again under the same name is refused until the user confirms.
    at.select_slider(key="w.trial.cut.qrc").set_value(45.0)
    _button(at, "Try these changes").click().run()
    at.text_input(key="w.grid_save.name").set_value("Workshop March")
    _button(at, "Save as a new file").click().run()
    assert any("already exists" in w.value for w in at.warning)
    assert saved.read_text(encoding="utf-8") == text
    _button(at, "Replace workshop-march.yaml").click().run()
    assert not at.exception
    assert load_grid(saved).cuts["qrc"] == (45,)


def test_the_default_grid_is_never_replaced_from_the_page(config, seeded_db):
    at = open_page(GRID_PAGE)
    at.text_input(key="w.grid_save.name").set_value("default")
    _button(at, "Save as a new file").click().run()
    assert any("the grid everyone shares" in e.value for e in at.error)
    assert (config / "grids" / "default.yaml").read_text(encoding="utf-8") == DEFAULT_TEXT


def test_the_download_is_the_grid_in_effect_as_yaml(config, seeded_db):
    at = open_page(GRID_PAGE)
    [download] = [d for d in at.get("download_button")]
    assert download.proto.label == "Download as YAML"


def test_an_uploaded_grid_shows_every_loader_error_before_it_can_be_used(config, seeded_db):
    at = open_page(GRID_PAGE)
    broken = DEFAULT_TEXT.replace("weight: 50", "wieght: 50").replace("qrc: [50]", "qrc: [150]")
    at.file_uploader(key="w.grid_upload").set_value(
        ("mine.yaml", broken.encode("utf-8"), "application/x-yaml")).run()
    assert not at.exception
    report = "\n".join(c.value for c in at.code)
    # The loader's own report, every issue of it, each with its line.
    with pytest.raises(ConfigError) as refused:
        parse_grid(broken, "mine.yaml")
    assert len(refused.value.issues) == 2
    assert report == "\n".join(issue.describe("en") for issue in refused.value.issues)
    assert "mine.yaml:15: axes.attractiveness.criteria[potential].wieght" in report
    assert "mine.yaml:113: matrix.cuts.qrc[0]" in report
    assert not [b for b in at.button if b.key == "w.grid_upload_save"]
    # A valid one can be saved to the folder and used.
    good = DEFAULT_TEXT.replace("qrc: [50]", "qrc: [45]")
    at.file_uploader(key="w.grid_upload").set_value(
        ("Mine.yaml", good.encode("utf-8"), "application/x-yaml")).run()
    at.button(key="w.grid_upload_save").click().run()
    assert not at.exception
    assert (config / "grids" / "mine.yaml").read_text(encoding="utf-8") == good
    assert at.selectbox(key="w.grid_file").value == "mine.yaml"


def test_the_comparison_shows_what_the_core_computes(config, seeded_db):
    at = open_page(GRID_PAGE)
    assert not [s for s in at.selectbox if s.key == "w.grid_compare_with"]  # tab not open
    at.session_state["w.grid_tab"] = "Compare two grids"
    at.run()
    at.selectbox(key="w.grid_compare_with").set_value("lower-qrc.yaml").run()
    at.select_slider(key="w.grid_compare_distance").set_value(3.0).run()
    assert not at.exception
    other = with_changes(GRID, cuts={"qrc": [40]})
    store, before = _view(seeded_db, GRID)
    try:
        after = before.with_grid(other)
        table, moved = migration(before, after), movers(before, after)
        near = borderline(after, 3.0)
    finally:
        store.close()
    charts = [c for c in at.get("plotly_chart")]
    assert len(charts) >= 2
    [shown] = [t for t in at.table if "Segment with the other grid" in t.value.columns
               and "Clients" in t.value.columns]
    assert [int(r[2]) for r in table_rows(shown)] == list(table["clients"])
    [listed] = [t for t in at.table if "Criterion that moved them" in t.value.columns]
    assert len(table_rows(listed)) == min(len(moved), 50)
    # A lower QRC cut alone moves clients: no criterion's points changed.
    assert {r[4] for r in table_rows(listed)} == {"a cut moved"}
    assert f"{len(moved)} clients change segment" in all_text(at)
    assert f"{near['client_id'].nunique()} clients within 3 points of a cut" in all_text(at)


def test_the_default_for_everyone_is_the_administrators_choice(config, seeded_db, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_DEFAULT_GRID", "lower-qrc.yaml")
    at = open_page(GRID_PAGE)
    chooser = at.selectbox(key="w.grid_file")
    assert chooser.value == "lower-qrc.yaml"
    assert chooser.options[0] == "lower-qrc.yaml (default for everyone)"
    assert "The grid file lower-qrc.yaml is valid." in [s.value for s in at.success]
    at.switch_page("pages/1_Matrix.py").run()
    assert not at.exception
