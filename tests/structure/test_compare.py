"""Same revenue, different structure: wallet, headroom, revenue split, top share and ABC."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.store.datasets import create_dataset
from portfolio.structure.compare import COMPARISON_COLUMNS, compare_reps
from portfolio.view import PortfolioView

EVERYONE = Visibility.everyone()


def test_wallet_and_headroom_per_rep(dataset, grid):
    store, dataset_id = dataset
    reps = compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE)).reps.set_index("salesperson")
    assert list(reps.columns) == list(COMPARISON_COLUMNS)
    assert reps["revenue"].to_dict() == pytest.approx({"Ana": 190_000, "Ben": 221_000,
                                                       "Cleo": 100_000})
    assert reps["potential"].to_dict() == pytest.approx({"Ana": 800_000, "Ben": 430_000,
                                                         "Cleo": 510_000})
    assert reps["share_of_wallet"].to_dict() == pytest.approx(
        {"Ana": 190_000 / 800_000, "Ben": 221_000 / 430_000, "Cleo": 100_000 / 510_000})
    assert reps["headroom"].to_dict() == pytest.approx(
        {"Ana": 180_000 + 360_000 + 60_000 + 10_000, "Ben": 150_000 + 18_000 + 21_000 + 20_000,
         "Cleo": 400_000 + 10_000})


def test_revenue_split_by_segment_in_grid_order(dataset, grid):
    store, dataset_id = dataset
    split = compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE)).revenue_by_segment
    assert list(split.columns) == ["minimal", "maintain", "develop", "partners"]
    assert split.loc["Ana"].tolist() == pytest.approx([0, 40_000, 60_000, 90_000])
    assert split.loc["Ben"].tolist() == pytest.approx([11_000, 60_000, 0, 150_000])
    assert split.loc["Cleo"].tolist() == pytest.approx([0, 0, 100_000, 0])


def test_top_fifth_of_clients_rounded_up(dataset, grid):
    store, dataset_id = dataset
    result = compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE))
    top = result.reps.set_index("salesperson")["top_revenue_share"]
    # Four clients: ceil(0.8) = 1 top client; two clients: ceil(0.4) = 1.
    assert top.to_dict() == pytest.approx({"Ana": 90_000 / 190_000, "Ben": 150_000 / 221_000,
                                           "Cleo": 1.0})
    # Ten clients in the team: the top two are c05 (150 k) and c09 (100 k).
    assert result.team["top_revenue_share"].iloc[0] == pytest.approx(250_000 / 511_000)


def test_top_half(dataset, grid):
    store, dataset_id = dataset
    top = compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE), top_fraction=0.5).reps
    assert top.set_index("salesperson")["top_revenue_share"].to_dict() == pytest.approx(
        {"Ana": 130_000 / 190_000, "Ben": 210_000 / 221_000, "Cleo": 1.0})


def test_abc_classes_per_rep(dataset, grid):
    store, dataset_id = dataset
    reps = compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE)).reps.set_index("salesperson")
    # Ana: c03 90 k (before 0 %), c02 40 k (47 %), c04 40 k (68 %) → A; c01 (89 %) → B.
    # Ben: c05 (0 %), c08 (68 %) → A; c07 (95.0 %), c06 (99 %) → C.
    # Cleo: c09 → A; c10 (100 %) → C.
    counts = reps[["a_clients", "b_clients", "c_clients"]]
    assert counts.loc["Ana"].tolist() == [3, 1, 0]
    assert counts.loc["Ben"].tolist() == [2, 0, 2]
    assert counts.loc["Cleo"].tolist() == [1, 0, 1]
    assert reps.loc["Ben", ["a_revenue_share", "b_revenue_share", "c_revenue_share"]].tolist() == \
        pytest.approx([210_000 / 221_000, 0, 11_000 / 221_000])


def test_abc_classes_for_the_team(dataset, grid):
    store, dataset_id = dataset
    team = compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE)).team.iloc[0]
    # Ranked: c05 150, c09 100, c03 90, c08 60, c02 40 (before 400/511 = 78 %) → A;
    # c04 40 (86 %), c01 20 (94 %) → B; c07, c06, c10 → C.
    assert (team["a_clients"], team["b_clients"], team["c_clients"]) == (5, 2, 3)
    assert team["a_revenue_share"] == pytest.approx(440_000 / 511_000)
    assert team["clients"] == 10 and team["revenue"] == pytest.approx(511_000)


def test_client_starting_exactly_at_80_percent_is_b(memory_store, grid):
    frame = pd.DataFrame({"client_id": ["d1", "d2", "d3", "d4"], "client_name": ["1", "2", "3", "4"],
                          "salesperson": "Dan", "revenue": [80.0, 10.0, 5.0, 5.0],
                          "potential": [100.0] * 4, "share_of_wallet": [0.8, 0.1, 0.05, 0.05],
                          "contact_level": "manager"})
    dataset_id = create_dataset(memory_store, frame, name="boundary")
    dan = compare_reps(PortfolioView.open(memory_store, dataset_id, grid, EVERYONE)).reps.iloc[0]
    # Before d2: 80 % (not under 80 %) → B; before d3: 90 % → B; before d4: 95 % → C.
    assert (dan["a_clients"], dan["b_clients"], dan["c_clients"]) == (1, 2, 1)


def test_comparison_within_a_restricted_visibility(dataset, grid):
    store, dataset_id = dataset
    result = compare_reps(PortfolioView.open(store, dataset_id, grid, Visibility.only(["Ben"])))
    assert result.reps["salesperson"].tolist() == ["Ben"]
    assert result.team["revenue"].iloc[0] == pytest.approx(221_000)
    assert list(result.revenue_by_segment.index) == ["Ben"]


def test_top_fraction_must_be_a_share(dataset, grid):
    store, dataset_id = dataset
    with pytest.raises(ValueError, match=r"top_fraction: expected a share of clients in \(0, 1\]"):
        compare_reps(PortfolioView.open(store, dataset_id, grid, EVERYONE), top_fraction=20)


def test_nobody_visible_gives_an_empty_team_row(dataset, grid):
    store, dataset_id = dataset
    result = compare_reps(PortfolioView.open(store, dataset_id, grid, Visibility.only(["nobody"])))
    assert result.reps.empty and result.revenue_by_segment.empty
    assert result.team[["clients", "revenue", "top_revenue_share", "a_clients"]].iloc[0].tolist() \
        == [0, 0, 0, 0]
