"""A dataset whose potentials are partly estimated says so, with the count and the share of
the potential, on every page that shows potential; a dataset without estimates says nothing."""

from __future__ import annotations

import pandas as pd

from portfolio.access import Visibility
from portfolio.grid.loader import load_grid
from portfolio.queries.potential import estimated_potential
from portfolio.store.database import Store
from portfolio.store.datasets import list_datasets
from portfolio.view import PortfolioView
from tests.ui.conftest import ROOT, open_page, seed_database

GRID = load_grid(ROOT / "config" / "grids" / "default.yaml")


def _with_estimates(clients: pd.DataFrame) -> pd.DataFrame:
    flagged = clients.copy()
    flagged["potential_estimated"] = [i % 4 == 0 for i in range(len(flagged))]
    return flagged


def test_the_count_and_share_of_estimated_potential_are_those_of_the_data(tmp_path, demo_clients):
    clients = _with_estimates(demo_clients)
    store = Store(seed_database(tmp_path / "p.duckdb", clients))
    try:
        view = PortfolioView.open(store, list_datasets(store)[-1].dataset_id, GRID,
                                  Visibility.everyone())
        found = estimated_potential(view)
        one = estimated_potential(view.seen_by(Visibility.only([clients["salesperson"].iloc[0]])))
    finally:
        store.close()
    flagged = clients[clients["potential_estimated"]]
    assert (found.estimated, found.clients) == (len(flagged), len(clients))
    assert abs(found.share_of_potential - flagged["potential"].sum() / clients["potential"].sum()) < 1e-9
    rep = clients[clients["salesperson"] == clients["salesperson"].iloc[0]]
    assert one.estimated == int(rep["potential_estimated"].sum()) and one.clients == len(rep)


def test_every_page_with_potential_says_it_is_estimated(tmp_path, monkeypatch, demo_clients):
    monkeypatch.setenv("PORTFOLIO_DB", str(seed_database(tmp_path / "p.duckdb",
                                                         _with_estimates(demo_clients))))
    monkeypatch.delenv("PORTFOLIO_CONFIG", raising=False)
    for page in ("pages/1_Matrix.py", "pages/5_Structure.py", "pages/6_Rep.py", "pages/7_Visit_plan.py"):
        at = open_page(page)
        assert not at.exception, page
        assert any(c.value.startswith("Potential estimated, not stated, for ") for c in at.caption), page


def test_a_dataset_of_stated_potentials_says_nothing(seeded_db):
    at = open_page("pages/1_Matrix.py")
    assert not any("Potential estimated" in c.value for c in at.caption)
