"""Band edges suggested from the data's quantiles, and band starts tried on a grid."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.grid.quantiles import suggest_edges
from portfolio.grid.trial import GridChanges, InvalidTrial, with_changes
from portfolio.scoring.engine import score_frame
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.scoring.gridkit import bands, grid_2x2

GRID = grid_2x2([bands("potential", 1, (0, 1), (50_000, 2), (200_000, 3), (900_000, 4))],
                [bands("share_of_wallet", 1, (0, 0), (0.5, 1))])


def _view(memory_store, potentials):
    frame = pd.DataFrame({"client_id": [f"C{i}" for i in range(len(potentials))],
                          "client_name": "x", "salesperson": "Ana", "revenue": 1.0,
                          "potential": potentials, "share_of_wallet": 0.1})
    return PortfolioView.open(memory_store, create_dataset(memory_store, frame, name="q"), GRID)


def test_edges_are_at_the_quartiles_rounded_to_two_figures(memory_store):
    # 1,000 … 100,000 in steps of 1,000 (100 clients): quartiles 25,750, 50,500, 75,250.
    view = _view(memory_store, [1000.0 * i for i in range(1, 101)])
    found = suggest_edges(view, "potential")
    assert found.current == (0, 50_000, 200_000, 900_000)
    assert found.suggested == (0, 26_000, 51_000, 75_000)
    assert found.clients == 100


def test_no_suggestion_when_the_values_are_too_tied(memory_store):
    view = _view(memory_store, [10.0] * 30 + [20.0] * 2)
    assert suggest_edges(view, "potential").suggested is None


def test_band_starts_tried_keep_points_and_drop_the_old_rules():
    tried = GridChanges().with_bands("potential", (0, 26_000, 51_000, 75_000)).applied_to(GRID)
    assert [b.start for b in tried.criterion("potential").bands] == [0, 26_000, 51_000, 75_000]
    assert [b.points for b in tried.criterion("potential").bands] == [1, 2, 3, 4]
    clients = pd.DataFrame({"client_id": ["a", "b"], "potential": [30_000.0, 80_000.0],
                            "share_of_wallet": [0.1, 0.1]})
    scored = score_frame(clients, tried).set_index("client_id")
    # 30,000 is in the band from 26,000 (2 of 4 points), 80,000 from 75,000 (4 of 4).
    assert list(scored["pts_potential"]) == [2, 4]
    assert list(scored["attractiveness"]) == [50, 100]


def test_band_starts_not_ascending_are_refused():
    with pytest.raises(InvalidTrial) as refused:
        with_changes(GRID, bands={"potential": (0, 60_000, 50_000, 70_000)})
    assert refused.value.part == "bands" and refused.value.where == "potential"
    with pytest.raises(ValueError):
        with_changes(GRID, bands={"potential": (0, 1)})  # not its number of bands
