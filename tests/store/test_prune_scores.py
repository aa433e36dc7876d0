"""Scorings kept for other grids (older grid files, changes tried) are dropped, and come back
when asked for again."""

from __future__ import annotations

from pathlib import Path

from portfolio.access import Visibility
from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.grid.trial import with_changes
from portfolio.queries.matrix import matrix_clients
from portfolio.store.datasets import create_dataset, get_dataset
from portfolio.store.scores import ensure_scores as stored_scores, prune_scores
from portfolio.view import PortfolioView

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")


def _scores_tables(store) -> set[str]:
    with store.reading() as cur:
        return {r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables() "
                                          "WHERE starts_with(table_name, 'scores_')").fetchall()}


def ensure_scores(store, dataset_id, grid) -> str:
    """The scores of the dataset's current version (a shared store's has a number)."""
    return stored_scores(store, dataset_id, grid, get_dataset(store, dataset_id).version)


def test_only_the_scores_of_the_grid_in_use_are_kept(memory_store):
    first = create_dataset(memory_store, generate_demo(), name="one")
    second = create_dataset(memory_store, generate_demo(), name="two")
    trial = with_changes(GRID, cuts={"qrc": [40]})
    kept = {ensure_scores(memory_store, first, GRID), ensure_scores(memory_store, second, GRID)}
    tried = {ensure_scores(memory_store, first, trial), ensure_scores(memory_store, second, trial)}
    assert _scores_tables(memory_store) == kept | tried

    assert prune_scores(memory_store, GRID) == 2
    assert _scores_tables(memory_store) == kept
    assert prune_scores(memory_store, GRID) == 0
    # Asked for again, the trial's scores are computed again.
    points = matrix_clients(PortfolioView.open(memory_store, first, trial, Visibility.everyone()))
    assert len(points) == 2000
    assert _scores_tables(memory_store) == kept | {ensure_scores(memory_store, first, trial)}
