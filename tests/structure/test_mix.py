"""Mix per rep and segment, and for the team, on the hand-checkable portfolio."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.queries.scope import ClientFilter
from portfolio.structure.mix import MIX_COLUMNS, rep_mix, team_mix
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.structure.conftest import portfolio_frame
from tests.scoring.gridkit import bands, categories, grid_2x2

EVERYONE = Visibility.everyone()


def row(frame: pd.DataFrame, salesperson: str, segment: str) -> pd.Series:
    match = frame[(frame["salesperson"] == salesperson) & (frame["segment"] == segment)]
    assert len(match) == 1
    return match.iloc[0]


def test_every_rep_has_every_segment_in_grid_order(dataset, grid):
    store, dataset_id = dataset
    mix = rep_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE))
    assert tuple(mix.columns) == MIX_COLUMNS
    assert list(mix["salesperson"]) == ["Ana"] * 4 + ["Ben"] * 4 + ["Cleo"] * 4
    assert list(mix["segment"]) == ["minimal", "maintain", "develop", "partners"] * 3


def test_ana_develop_counts_shares_wallet_and_headroom(dataset, grid):
    store, dataset_id = dataset
    develop = row(rep_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE)), "Ana", "develop")
    # c01 (200 k potential, 20 k revenue) and c02 (400 k, 40 k); Ana's revenue is 190 k.
    assert develop["clients"] == 2
    assert develop["client_share"] == pytest.approx(2 / 4)
    assert develop["revenue"] == pytest.approx(60_000)
    assert develop["revenue_share"] == pytest.approx(60_000 / 190_000)
    assert develop["margin"] == pytest.approx(4_000 + 8_000)
    assert develop["potential"] == pytest.approx(600_000)
    assert develop["headroom"] == pytest.approx(180_000 + 360_000)
    assert develop["share_of_wallet"] == pytest.approx(0.10)


def test_ben_minimal_adds_two_clients(dataset, grid):
    store, dataset_id = dataset
    minimal = row(rep_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE)), "Ben", "minimal")
    # c06 (20 k, 2 k) and c07 (30 k, 9 k) out of Ben's 221 k.
    assert minimal["clients"] == 2
    assert minimal["client_share"] == pytest.approx(0.5)
    assert minimal["revenue_share"] == pytest.approx(11_000 / 221_000)
    assert minimal["headroom"] == pytest.approx(18_000 + 21_000)
    assert minimal["share_of_wallet"] == pytest.approx(11_000 / 50_000)


def test_empty_segment_is_all_zeros(dataset, grid):
    store, dataset_id = dataset
    empty = row(rep_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE)), "Ben", "develop")
    assert empty[["clients", "client_share", "revenue", "revenue_share", "margin", "potential",
                  "headroom", "share_of_wallet"]].tolist() == [0, 0, 0, 0, 0, 0, 0, 0]


def test_client_with_no_revenue_gives_zero_revenue_share_not_a_division_error(dataset, grid):
    store, dataset_id = dataset
    minimal = row(rep_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE)), "Cleo", "minimal")
    assert minimal["revenue"] == 0 and minimal["revenue_share"] == 0
    assert minimal["share_of_wallet"] == 0
    assert pd.isna(minimal["margin"])  # c10's margin is unknown, not zero


def test_team_mix_pools_every_visible_client(dataset, grid):
    store, dataset_id = dataset
    team = team_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE))
    assert "salesperson" not in team.columns
    assert list(team["segment"]) == ["minimal", "maintain", "develop", "partners"]
    assert list(team["clients"]) == [3, 2, 3, 2]
    assert team["client_share"].tolist() == pytest.approx([0.3, 0.2, 0.3, 0.2])
    assert team["revenue"].tolist() == pytest.approx([11_000, 100_000, 160_000, 240_000])
    assert team["revenue_share"].tolist() == pytest.approx(
        [11_000 / 511_000, 100_000 / 511_000, 160_000 / 511_000, 240_000 / 511_000])
    assert team["headroom"].tolist() == pytest.approx([49_000, 30_000, 940_000, 210_000])
    assert team["margin"].tolist() == pytest.approx([2_500, 25_000, 32_000, 57_000])


def test_team_of_nobody_still_lists_every_segment(dataset, grid):
    store, dataset_id = dataset
    team = team_mix(PortfolioView.open(store, dataset_id, grid, Visibility.only(["nobody"])))
    assert list(team["segment"]) == ["minimal", "maintain", "develop", "partners"]
    assert list(team["clients"]) == [0, 0, 0, 0]
    assert rep_mix(PortfolioView.open(store, dataset_id, grid, Visibility.only(["nobody"]))).empty


def test_unscored_clients_count_in_the_rep_total(memory_store):
    # Potential bands start at 15 000, and missing values are ignored: c10 (10 000) has no
    # attractiveness score, hence no segment, but it is still one of Cleo's two clients.
    grid = grid_2x2([bands("potential", 1, (15_000, 0), (100_000, 1))],
                    [bands("share_of_wallet", 3, (0, 0), (0.30, 1), (0.60, 2)),
                     categories("contact_level", 1, ("operational", 0), ("manager", 1),
                                ("director", 2))], missing="ignore")
    dataset_id = create_dataset(memory_store, portfolio_frame(), name="unscored")
    cleo = rep_mix(PortfolioView.open(memory_store, dataset_id, grid, EVERYONE)).query("salesperson == 'Cleo'")
    assert cleo.set_index("segment")["clients"].to_dict() == {
        "minimal": 0, "maintain": 0, "develop": 1, "partners": 0}
    assert cleo.set_index("segment")["client_share"]["develop"] == pytest.approx(0.5)


def test_filters_narrow_the_mix(dataset, grid):
    store, dataset_id = dataset
    mix = rep_mix(PortfolioView.open(store, dataset_id, grid, EVERYONE), ClientFilter(regions=("south",)))
    # South, exactly as written: c04 (Ana), c05 and c07 (Ben), c10 (Cleo); c06 says "South".
    assert mix.groupby("salesperson")["clients"].sum().to_dict() == {"Ana": 1, "Ben": 2, "Cleo": 1}


def test_pooled_shares_of_wallet_never_exceed_one_when_revenue_exceeds_potential(memory_store,
                                                                                  grid):
    from portfolio.structure.compare import compare_reps

    frame = portfolio_frame()
    # c04 (Ana, maintain): 120 000 of revenue against a stated potential of 50 000.
    frame.loc[frame["client_id"] == "c04", "revenue"] = 120_000
    dataset_id = create_dataset(memory_store, frame, name="over potential")
    view = PortfolioView.open(memory_store, dataset_id, grid, EVERYONE)
    team = team_mix(view).set_index("segment")
    # maintain: c04 and c08 (Ben, 60 000 of 80 000): (min(120k, 50k) + 60k) / (50k + 80k)
    assert team.loc["maintain", "share_of_wallet"] == pytest.approx(110_000 / 130_000)
    assert team.loc["maintain", "revenue"] == 180_000  # revenue itself is the file's
    ana = rep_mix(view).query("salesperson == 'Ana'").set_index("segment")
    assert ana.loc["maintain", "share_of_wallet"] == pytest.approx(1.0)
    reps = compare_reps(view).reps.set_index("salesperson")
    # Ana: (20k + 40k + 90k + 50k) / (200k + 400k + 150k + 50k)
    assert reps.loc["Ana", "share_of_wallet"] == pytest.approx(200_000 / 800_000)
    assert (team["share_of_wallet"] <= 1).all() and (reps["share_of_wallet"] <= 1).all()
    assert compare_reps(view).team.iloc[0]["share_of_wallet"] <= 1
