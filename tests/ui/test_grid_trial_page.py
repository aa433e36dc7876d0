"""Trying other cuts and weights on the Grid page: every page scores with them in this session,
the clients that change segment are listed, and one click brings the file's grid back."""

from __future__ import annotations

import shutil
from pathlib import Path

from portfolio.grid.loader import load_grid
from portfolio.grid.trial import with_changes
from portfolio.queries.moves import segment_moves
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.store.scores import ensure_scores, scores_table
from portfolio.view import PortfolioView
from tests.ui.conftest import ROOT, all_text, open_page, table_rows

GRID_PAGE = "pages/2_Grid.py"
MATRIX_PAGE = "pages/1_Matrix.py"
GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
TRIAL_BANNER = "You are trying changes to the grid"


def _try(at, **inputs) -> None:
    for key, value in inputs.items():
        if key.startswith("weight."):  # typed, as a user types it
            at.text_input(key=f"w.trial.{key}").input(value)
            continue
        widgets = [w for w in at.select_slider if w.key == f"w.trial.{key}"]
        assert len(widgets) == 1, key
        widgets[0].set_value(value)
    [apply] = [b for b in at.button if b.label == "Try these changes"]
    apply.click().run()


def _expected_moves(db_path, trial):
    store = Store(db_path)
    try:
        dataset_id = list_datasets(store)[-1].dataset_id
        moves = segment_moves(PortfolioView.open(store, dataset_id, GRID), PortfolioView.open(store, dataset_id, trial))
    finally:
        store.close()
    return moves[moves["segment_before"] != moves["segment_after"]]


def test_a_lower_qrc_cut_moves_clients_and_every_page_uses_it(seeded_db):
    at = open_page(GRID_PAGE)
    _try(at, **{"cut.qrc": 40.0})
    assert not at.exception
    assert any(TRIAL_BANNER in i.value for i in at.info)
    moved = _expected_moves(seeded_db, with_changes(GRID, cuts={"qrc": [40]}))
    assert len(moved) == 2  # develop → partners, minimal → maintain
    rows = table_rows([t for t in at.table if "Segment with the changes" in t.value.columns][0])
    assert [row[:3] for row in rows] == [
        ["Competitors' strongholds", "Partners", str(moved["clients"].iloc[0])],
        ["Low-priority clients", "Small loyal clients", str(moved["clients"].iloc[1])]]
    total = int(moved["clients"].sum())
    assert f"**{total}** of your 400 clients change segment" in all_text(at)
    # The matrix, on the next page, scores with the trial and says so.
    at.switch_page(MATRIX_PAGE).run()
    assert any(TRIAL_BANNER in i.value for i in at.info)
    at.button(key="w.grid_trial_reset").click().run()
    assert not any(TRIAL_BANNER in i.value for i in at.info)


def test_the_matrix_counts_follow_the_trial(seeded_db):
    at = open_page(MATRIX_PAGE)
    before = all_text(at)
    at.switch_page(GRID_PAGE).run()
    _try(at, **{"cut.qrc": 40.0})
    at.switch_page(MATRIX_PAGE).run()
    assert all_text(at) != before


def test_a_weight_of_zero_is_refused_and_nothing_is_tried(seeded_db):
    at = open_page(GRID_PAGE)
    _try(at, **{"weight.solvency": "0"})
    assert [e.value for e in at.error] == ["The weight of Solvency must be above 0."]
    assert not any(TRIAL_BANNER in i.value for i in at.info)


def test_going_back_to_the_file_shows_its_values_in_the_form(seeded_db):
    at = open_page(GRID_PAGE)
    _try(at, **{"cut.qrc": 40.0, "weight.solvency": "35"})
    assert [w.value for w in at.select_slider if w.key == "w.trial.cut.qrc"] == [40.0]
    at.button(key="w.grid_trial_reset").click().run()
    assert [w.value for w in at.select_slider if w.key == "w.trial.cut.qrc"] == [50.0]
    assert at.text_input(key="w.trial.weight.solvency").value == f"{GRID.criterion('solvency').weight:g}"
    assert "What the changes move" not in [s.value for s in at.subheader]


def test_scores_left_by_other_grids_are_dropped_when_the_app_starts(seeded_db):
    store = Store(seeded_db)
    try:
        dataset_id = list_datasets(store)[-1].dataset_id
        kept = ensure_scores(store, dataset_id, GRID)
        stale = ensure_scores(store, dataset_id, with_changes(GRID, weights={"solvency": 99}))
    finally:
        store.close()
    at = open_page()
    assert not at.exception
    store = Store(seeded_db)
    try:
        with store.reading() as cur:
            tables = {r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        store.close()
    assert stale not in tables
    assert kept == scores_table(dataset_id, GRID) and kept in tables


def test_changes_to_a_criterion_the_file_no_longer_has_are_dropped(seeded_db, tmp_path,
                                                                   monkeypatch):
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    monkeypatch.setenv("PORTFOLIO_CONFIG", str(config))
    at = open_page(GRID_PAGE)
    _try(at, **{"weight.solvency": "40"})
    assert any(TRIAL_BANNER in i.value for i in at.info)
    # Meanwhile someone renames the criterion in the grid file.
    grid_file = config / "grids" / "default.yaml"
    grid_file.write_text(grid_file.read_text(encoding="utf-8").replace(
        "id: solvency", "id: credit_rating"), encoding="utf-8")
    at.run()
    assert not at.exception
    assert not any(TRIAL_BANNER in i.value for i in at.info)
