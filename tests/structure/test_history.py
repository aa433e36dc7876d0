"""The structure at two dates: the mix per segment then and now, and who moved, came or left."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.access import Visibility
from portfolio.grid.loader import load_grid
from portfolio.queries.scope import ClientFilter
from portfolio.store.datasets import create_dataset
from portfolio.structure.history import MIX_CHANGE_COLUMNS, compare_periods, previous_period
from portfolio.structure.mix import team_mix
from portfolio.view import PortfolioView
from tests.periods_kit import END, GAINED, LOST, START, two_period_clients

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
EVERYONE = Visibility.everyone()


def test_the_mix_at_both_dates_and_the_change_in_points(memory_store):
    dataset_id = create_dataset(memory_store, two_period_clients(), name="two periods")
    comparison = compare_periods(PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE),
                                 ClientFilter(), START, END)
    mix = comparison.mix
    assert tuple(mix.columns) == MIX_CHANGE_COLUMNS
    assert mix["segment"].tolist() == [s.id for s in GRID.segments]
    then = team_mix(PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE, START))
    now = team_mix(PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE, END))
    assert mix["client_share_before"].tolist() == pytest.approx(then["client_share"].tolist())
    assert mix["client_share_after"].tolist() == pytest.approx(now["client_share"].tolist())
    assert mix["client_share_change"].tolist() == pytest.approx(
        (now["client_share"] - then["client_share"]).tolist())
    assert mix["clients_after"].sum() <= 300 - LOST + GAINED
    assert (comparison.gained, comparison.lost) == (GAINED, LOST)
    assert comparison.moved > 0
    assert comparison.moves["clients"].sum() == comparison.moved + GAINED + LOST


def test_a_rep_compares_their_own_clients_only(memory_store):
    clients = two_period_clients()
    dataset_id = create_dataset(memory_store, clients, name="two periods")
    rep = clients["salesperson"].iloc[0]
    comparison = compare_periods(PortfolioView.open(memory_store, dataset_id, GRID, Visibility.only([rep])),
                                 ClientFilter(), START, END)
    at_start = clients[(clients["period"] == START) & (clients["salesperson"] == rep)]
    assert comparison.mix["clients_before"].sum() <= len(at_start)
    assert comparison.moves["clients"].sum() <= len(clients[clients["salesperson"] == rep])


def test_previous_period():
    assert previous_period(("2026-Q1", "2026-Q2", "2026-Q3"), "2026-Q3") == "2026-Q2"
    assert previous_period(("2026-Q1", "2026-Q2"), "2026-Q1") is None
