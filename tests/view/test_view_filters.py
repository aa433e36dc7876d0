"""A view carries the filters a page chose: every figure computed through it is of the
filtered clients (the same as asking with the filters), on top of any filter a query adds,
and its cache key tells it apart from the unfiltered view."""

from __future__ import annotations

import pandas as pd

from portfolio.demo import generate_demo
from portfolio.queries.scope import ClientFilter
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset
from portfolio.structure import compare_reps
from portfolio.grid.loader import load_grid
from tests.report.conftest import GRID
from portfolio.view import PortfolioView


def test_a_filtered_view_gives_the_figures_of_its_filters(tmp_path):
    store = Store(tmp_path / "p.duckdb")
    try:
        clients = generate_demo(n_clients=200, n_reps=4, seed=5)
        dataset_id = create_dataset(store, clients, name="d", source="tests")
        view = PortfolioView.open(store, dataset_id, load_grid(GRID))
        region = sorted(clients["region"].dropna().unique())[0]
        narrowed = ClientFilter(regions=(region,))
        filtered = view.filtered(narrowed)
        assert filtered.key != view.key and filtered.at_period(None).filters == narrowed
        pd.testing.assert_frame_equal(compare_reps(filtered).reps, compare_reps(view, narrowed).reps)
        assert compare_reps(filtered).team.iloc[0]["clients"] == (clients["region"] == region).sum()
        # A query's own filter narrows further; it does not replace the view's.
        rep = str(compare_reps(filtered).reps["salesperson"].iloc[0])
        both = ClientFilter(regions=(region,), salespeople=(rep,))
        pd.testing.assert_frame_equal(compare_reps(filtered, ClientFilter(salespeople=(rep,))).team,
                                      compare_reps(view, both).team)
    finally:
        store.close()
