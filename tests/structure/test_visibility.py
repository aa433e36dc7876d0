"""A restricted viewer sees only their rep's clients in every structure table."""

from __future__ import annotations

from portfolio.access import Visibility
from portfolio.structure.gaps import GAP_COLUMNS, ScopedTargets, structure_gaps
from portfolio.structure.development import peer_distribution
from portfolio.structure.mix import rep_mix, team_mix
from portfolio.structure.objectives import revenue_objective_plan
from portfolio.structure.priority import priority_clients
from portfolio.view import PortfolioView

ANA = Visibility.only(["Ana"])


def test_mix_and_gaps_show_only_the_visible_rep(dataset, grid):
    store, dataset_id = dataset
    assert set(rep_mix(PortfolioView.open(store, dataset_id, grid, ANA))["salesperson"]) == {"Ana"}
    assert team_mix(PortfolioView.open(store, dataset_id, grid, ANA))["clients"].sum() == 4
    gaps = structure_gaps(PortfolioView.open(store, dataset_id, grid, ANA), {"develop": (0.3, None)}, 0.1)
    assert set(gaps["salesperson"]) == {"Ana"}


def test_priority_clients_of_everyone_are_the_visible_reps_only(dataset, grid):
    store, dataset_id = dataset
    assert priority_clients(PortfolioView.open(store, dataset_id, grid, ANA))["client_id"].tolist() == ["c02", "c01"]
    assert priority_clients(PortfolioView.open(store, dataset_id, grid, ANA), "Cleo").empty


def test_another_reps_objective_is_empty(dataset, grid):
    store, dataset_id = dataset
    plan = revenue_objective_plan(PortfolioView.open(store, dataset_id, grid, ANA), "Ben", 0.1)
    assert plan.current_revenue == 0 and plan.moves.empty


def test_peers_default_to_the_viewers_own_scope(dataset, grid):
    store, dataset_id = dataset
    spread = peer_distribution(PortfolioView.open(store, dataset_id, grid, ANA), "Ana")
    assert spread["reps"].tolist() == [1, 1, 1, 1]
    assert spread["values"].tolist() == [[0.0], [0.25], [0.5], [0.25]]


def test_gaps_with_overrides_when_nobody_is_visible(dataset, grid):
    store, dataset_id = dataset
    south = ScopedTargets("region", "south", {"develop": (0.5, None)}, 0.1)
    gaps = structure_gaps(PortfolioView.open(store, dataset_id, grid, Visibility.only(["nobody"])),
                          {"develop": (0.3, None)}, 0.1, overrides=[south])
    assert gaps.empty and tuple(gaps.columns) == GAP_COLUMNS
