"""QRC profile against the team, development priorities, and the anonymous peer spread."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.store.datasets import create_dataset
from portfolio.structure.development import (PEER_COLUMNS, PROFILE_COLUMNS,
                                             development_priorities, peer_distribution,
                                             peers_shown_to, qrc_profile)
from portfolio.view import PortfolioView
from tests.structure.conftest import portfolio_frame, structure_grid

EVERYONE = Visibility.everyone()
# Points per client (share of wallet, contact), max 2 each:
# Ana  c01 (0,0) c02 (0,1) c03 (2,2) c04 (2,1) → 1/2 = 0.5 and 1/2 = 0.5
# Ben  c05 (1,1) c06 (0,0) c07 (1,0) c08 (2,2) → 1/2 = 0.5 and 0.75/2 = 0.375
# Cleo c09 (0,1) c10 (0,0)                     → 0          and 0.5/2 = 0.25
# Team: 8/10 points on each criterion → 0.4 and 0.4.


def profile_of(dataset, grid, rep: str, peers=EVERYONE) -> pd.DataFrame:
    store, dataset_id = dataset
    return qrc_profile(PortfolioView.open(store, dataset_id, grid, Visibility.only([rep])), rep, peers=peers)


def test_profile_shares_against_the_team(dataset, grid):
    cleo = profile_of(dataset, grid, "Cleo")
    assert tuple(cleo.columns) == PROFILE_COLUMNS
    assert cleo["criterion"].tolist() == ["share_of_wallet", "contact_level"]
    assert cleo["rep_share"].tolist() == pytest.approx([0.0, 0.25])
    assert cleo["team_share"].tolist() == pytest.approx([0.4, 0.4])
    assert cleo["gap"].tolist() == pytest.approx([-0.4, -0.15])


def test_priorities_weight_the_shortfall_by_the_grid(dataset, grid):
    cleo = development_priorities(profile_of(dataset, grid, "Cleo"))
    # Weights 3 and 1: 100 × 3/4 × 0.4 = 30 QRC points lost, 100 × 1/4 × 0.15 = 3.75.
    assert cleo["criterion"].tolist() == ["share_of_wallet", "contact_level"]
    assert cleo["priority_points"].tolist() == pytest.approx([30.0, 3.75])
    assert cleo["priority"].tolist() == [1, 2]


def test_weights_can_reverse_the_ranking(dataset):
    # Same shortfalls with weights 1 and 3: 100 × 1/4 × 0.4 = 10 < 100 × 3/4 × 0.15 = 11.25.
    cleo = development_priorities(profile_of(dataset, structure_grid(sow_weight=1,
                                                                     contact_weight=3), "Cleo"))
    assert cleo["criterion"].tolist() == ["contact_level", "share_of_wallet"]
    assert cleo["priority_points"].tolist() == pytest.approx([11.25, 10.0])


def test_only_criteria_below_the_team_are_priorities(dataset, grid):
    ben = profile_of(dataset, grid, "Ben")
    assert ben["shortfall"].tolist() == pytest.approx([0.0, 0.025])
    assert ben["priority"].isna().tolist() == [True, False]
    assert development_priorities(ben)["criterion"].tolist() == ["contact_level"]
    assert development_priorities(profile_of(dataset, grid, "Ana")).empty  # above on both


def test_a_gap_worth_under_half_a_qrc_point_is_the_teams_level(dataset):
    # Ben is 0.025 below the team on contact. Weighted 1 in 10 it costs his average
    # client 100 × 1/10 × 0.025 = 0.25 QRC points: not a priority.
    ben = profile_of(dataset, structure_grid(sow_weight=9, contact_weight=1), "Ben")
    assert ben["priority_points"].tolist() == pytest.approx([0.0, 0.25])
    assert ben["priority"].isna().all()
    assert development_priorities(ben).empty
    # Weighted 1 in 2, the same gap costs 100 × 1/2 × 0.025 = 1.25 points: a priority.
    ben = development_priorities(profile_of(dataset, structure_grid(sow_weight=1,
                                                                    contact_weight=1), "Ben"))
    assert ben["criterion"].tolist() == ["contact_level"]
    assert ben["priority_points"].tolist() == pytest.approx([1.25])


def test_without_peers_a_restricted_rep_is_compared_with_themselves(dataset, grid):
    store, dataset_id = dataset
    cleo = qrc_profile(PortfolioView.open(store, dataset_id, grid, Visibility.only(["Cleo"])), "Cleo")
    assert cleo["team_share"].tolist() == pytest.approx([0.0, 0.25])
    assert development_priorities(cleo).empty


def test_peer_distribution_lists_values_without_names(dataset, grid):
    store, dataset_id = dataset
    spread = peer_distribution(PortfolioView.open(store, dataset_id, grid, Visibility.only(["Ben"])), "Ben",
                               peers=EVERYONE)
    assert tuple(spread.columns) == PEER_COLUMNS
    develop = spread.set_index("segment").loc["develop"]
    # Develop shares: Ana 2/4, Ben 0, Cleo 1/2.
    assert develop["values"] == [0.0, 0.5, 0.5]
    assert develop["reps"] == 3
    assert [develop[k] for k in ("min", "q1", "median", "q3", "max")] == pytest.approx(
        [0.0, 0.25, 0.5, 0.5, 0.5])
    assert develop["rep_value"] == 0.0
    assert develop["rep_at_or_above"] == pytest.approx(1 / 3)
    assert "Ana" not in str(spread.to_dict())


def test_peer_distribution_of_a_rep_with_no_visible_client(dataset, grid):
    store, dataset_id = dataset
    spread = peer_distribution(PortfolioView.open(store, dataset_id, grid, Visibility.only(["Ana"])), "Ben",
                               peers=EVERYONE)
    assert spread["rep_value"].isna().all()
    assert spread["reps"].tolist() == [3, 3, 3, 3]


def test_a_rep_sees_the_peer_spread_only_with_three_colleagues_in_it(memory_store, grid):
    three = portfolio_frame()
    four = pd.concat([three, three.iloc[[0]].assign(client_id="c11", salesperson="Dan")])
    ben = Visibility.only(["Ben"])
    for frame, shown_to_ben in ((three, False), (four, True)):
        dataset_id = create_dataset(memory_store, frame, name=f"{len(frame)} clients")
        spread = peer_distribution(PortfolioView.open(memory_store, dataset_id, grid, ben), "Ben", peers=EVERYONE)
        assert spread["reps"].max() == frame["salesperson"].nunique()
        assert peers_shown_to(ben, spread) is shown_to_ben
        # Whoever sees the whole team sees the reps by name anyway.
        assert peers_shown_to(EVERYONE, spread)
