"""Matrix queries on a small store: visibility, filters, segment totals with an unscored client."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.queries.matrix import filter_choices, matrix_clients, segment_totals
from portfolio.queries.scope import ClientFilter
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.scoring.gridkit import bands, grid_2x2

# Attractiveness from potential alone, QRC from share of wallet alone:
# potential >= 100 scores 100 (else 0); share >= 0.5 scores 100 (else 0).
GRID = grid_2x2([bands("potential", 1, (0, 0), (100, 1))],
                [bands("share_of_wallet", 1, (0, 0), (0.5, 1))])

CLIENTS = pd.DataFrame({
    "client_id": ["a1", "a2", "a3", "b1", "b2"],
    "client_name": ["A one", "A two", "A three", "B one", "B two"],
    "salesperson": ["Ann", "Ann", "Ann", "Bob", "Bob"],
    "region": ["North", "North", "South", "South", "South"],
    "revenue": [60.0, 10.0, 30.0, 80.0, 20.0],
    "potential": [100.0, 50.0, None, 400.0, 20.0],   # a3 has no potential: unscored
    "share_of_wallet": [0.6, 0.2, None, 0.2, 1.0],
})


@pytest.fixture
def dataset(memory_store):
    return memory_store, create_dataset(memory_store, CLIENTS, name="small", period="2026-Q1")


def test_matrix_clients_respects_visibility_and_filters(dataset):
    store, ds = dataset
    everyone = matrix_clients(PortfolioView.open(store, ds, GRID, Visibility.everyone()))
    assert sorted(everyone["client_id"]) == ["a1", "a2", "a3", "b1", "b2"]
    ann = matrix_clients(PortfolioView.open(store, ds, GRID, Visibility.only(["Ann"])))
    assert sorted(ann["client_id"]) == ["a1", "a2", "a3"]
    south = matrix_clients(PortfolioView.open(store, ds, GRID, Visibility.only(["Ann"])), ClientFilter(regions=("South",)))
    assert list(south["client_id"]) == ["a3"]
    partners = matrix_clients(PortfolioView.open(store, ds, GRID, Visibility.everyone()), ClientFilter(segments=("partners",)))
    assert list(partners["client_id"]) == ["a1"]


def test_segments_follow_the_scores(dataset):
    store, ds = dataset
    rows = matrix_clients(PortfolioView.open(store, ds, GRID, Visibility.everyone())).set_index("client_id")
    # a1: 100/100 partners; a2: 0/0 minimal; b1: 100/0 develop; b2: 0/100 maintain
    assert rows.loc[["a1", "a2", "b1", "b2"], "segment"].tolist() == [
        "partners", "minimal", "develop", "maintain"]
    # a3: under `missing: zero` its empty potential and share score 0 points: minimal
    assert rows.loc["a3", "segment"] == "minimal"
    assert bool(rows.loc["a3", "incomplete"]) is True


def test_segment_totals_count_unscored_clients_in_both_shares(memory_store):
    grid = grid_2x2([bands("potential", 1, (0, 0), (100, 1))],
                    [bands("share_of_wallet", 1, (0, 0), (0.5, 1))], missing="ignore")
    ds = create_dataset(memory_store, CLIENTS, name="small", period="2026-Q1")
    totals = segment_totals(PortfolioView.open(memory_store, ds, grid, Visibility.only(["Ann"]))).set_index("segment")
    # Ann: a1 partners (60), a2 minimal (10), a3 unscored (30): 3 clients, revenue 100.
    assert list(totals.index) == ["minimal", "maintain", "develop", "partners"]
    assert totals.loc["partners", "clients"] == 1
    assert totals.loc["partners", "client_share"] == pytest.approx(1 / 3)
    assert totals.loc["partners", "revenue_share"] == pytest.approx(0.60)
    assert totals.loc["minimal", "revenue_share"] == pytest.approx(0.10)
    assert totals.loc["develop", "clients"] == 0
    assert totals.attrs["unscored"] == 1


def test_filter_choices_only_offer_what_the_viewer_may_see(dataset):
    store, ds = dataset
    choices = filter_choices(PortfolioView.open(store, ds, GRID, Visibility.only(["Bob"])))
    assert choices["salespeople"] == ["Bob"]
    assert choices["regions"] == ["South"]
    assert choices["periods"] == ["2026-Q1"]


@pytest.mark.parametrize("header", ["segment", "Segment", "QRC"])
def test_a_client_file_column_named_like_a_score_does_not_hide_the_score(memory_store, header):
    clients = CLIENTS.assign(**{header: "CRM key account"})
    ds = create_dataset(memory_store, clients, name="crm", period="2026-Q1")
    rows = matrix_clients(PortfolioView.open(memory_store, ds, GRID, Visibility.everyone())).set_index("client_id")
    assert rows.loc["a1", "segment"] == "partners"


def test_scores_tables_of_an_older_layout_are_never_reused(memory_store, monkeypatch):
    from portfolio.store import scores
    ds = create_dataset(memory_store, CLIENTS, name="small", period="2026-Q1")
    before = scores.ensure_scores(memory_store, ds, GRID)
    monkeypatch.setattr(scores, "SCORES_LAYOUT", scores.SCORES_LAYOUT + 1)
    assert scores.ensure_scores(memory_store, ds, GRID) != before
