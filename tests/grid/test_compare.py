"""Two grids compared on the same clients: the clients that move and why, and the
clients close to a cut ("borderline"), on cases worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.grid.compare import (BORDERLINE_COLUMNS, MOVER_COLUMNS, NotComparable, borderline,
                                    migration, movers)
from portfolio.grid.trial import with_changes
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.scoring.gridkit import bands, grid_2x2

# Attractiveness = potential (weight 1, 0–4 points) and solvency-like "size" (weight 1,
# 0–4 points); QRC = share of wallet alone (0 or 1 point). Cuts at 50 on both axes.
GRID = grid_2x2(
    [bands("potential", 1, (0, 0), (10, 1), (20, 2), (30, 3), (40, 4)),
     bands("margin", 1, (0, 0), (10, 1), (20, 2), (30, 3), (40, 4))],
    [bands("share_of_wallet", 1, (0, 0), (0.5, 1))])


def _clients(rows: list[tuple[str, float, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame({
        "client_id": [r[0] for r in rows], "client_name": [f"Client {r[0]}" for r in rows],
        "salesperson": "Ana", "revenue": [r[1] for r in rows],
        "potential": [r[2] for r in rows], "margin": [r[3] for r in rows],
        "share_of_wallet": [r[4] for r in rows]})


@pytest.fixture
def view(memory_store):
    # attractiveness = 100 × (p/4 + m/4) / 2 = 12.5 × (p + m)
    frame = _clients([
        ("at_cut", 100.0, 20, 20, 0.6),      # 2 + 2 → 50.0: exactly on the cut (goes up)
        ("just_below", 200.0, 20, 10, 0.6),  # 2 + 1 → 37.5: 12.5 under the cut
        ("just_above", 300.0, 30, 20, 0.0),  # 3 + 2 → 62.5: 12.5 above it
        ("far", 400.0, 40, 40, 0.0),         # 4 + 4 → 100: 50 above
    ])
    dataset_id = create_dataset(memory_store, frame, name="hand")
    return PortfolioView.open(memory_store, dataset_id, GRID)


def test_borderline_lists_the_clients_within_the_distance_of_a_cut(view):
    near = borderline(view, 12.5)
    assert tuple(near.columns) == BORDERLINE_COLUMNS
    attractiveness = near[near["axis"] == "attractiveness"]
    assert list(attractiveness["client_id"]) == ["at_cut", "just_above", "just_below"]
    gaps = dict(zip(attractiveness["client_id"], attractiveness["gap"]))
    assert gaps == {"at_cut": 0.0, "just_above": 12.5, "just_below": -12.5}
    # QRC is 100 or 0 for everyone: 50 away from its cut, so nobody is near it.
    assert set(near["axis"]) == {"attractiveness"}


def test_borderline_at_distance_zero_keeps_only_a_score_on_the_cut(view):
    near = borderline(view, 0)
    assert list(near["client_id"]) == ["at_cut"]
    assert near["segment"].iloc[0] == "partners"  # a score equal to the cut goes up


def test_borderline_just_short_of_the_gap_leaves_the_client_out(view):
    assert list(borderline(view, 12.4)["client_id"]) == ["at_cut"]
    assert set(borderline(view, 50)["client_id"]) == {"at_cut", "just_below", "just_above", "far"}


def test_borderline_refuses_a_negative_distance(view):
    with pytest.raises(ValueError):
        borderline(view, -1)


def test_movers_name_the_criterion_whose_points_moved_them(view):
    # Margin weighs 3 instead of 1: attractiveness = 100 × (p/4 + 3m/4) / 4.
    heavier = view.with_grid(with_changes(GRID, weights={"margin": 3}))
    moved = movers(view, heavier)
    assert tuple(moved.columns) == MOVER_COLUMNS
    # at_cut: 100 × (2/4 + 6/4) / 4 = 50 → stays; just_below: (2 + 3)/16 × 100 = 31.25 → stays;
    # just_above: 100 × (3/4 + 6/4) / 4 = 56.25 → stays; far stays at 100: nobody moves.
    assert moved.empty
    lower = view.with_grid(with_changes(GRID, weights={"margin": 3}, cuts={"attractiveness": [55]}))
    moved = movers(view, lower).set_index("client_id")
    # at_cut falls under 55 (50 < 55): partners → maintain. Its margin's share of the score
    # went from 100 × 2/4 / 2 = 25 to 100 × 3 × 2/4 / 4 = 37.5 (+12.5); potential's from 25
    # to 12.5 (−12.5): a tie, the first criterion listed wins.
    assert list(moved.index) == ["at_cut"]
    assert (moved.loc["at_cut", "from_segment"], moved.loc["at_cut", "to_segment"]) == (
        "partners", "maintain")
    assert moved.loc["at_cut", "criterion"] == "potential"
    assert moved.loc["at_cut", "criterion_change"] == pytest.approx(-12.5)


def test_a_move_made_by_a_cut_alone_names_no_criterion(view):
    raised = view.with_grid(with_changes(GRID, cuts={"attractiveness": [60]}))
    moved = movers(view, raised)
    assert list(moved["client_id"]) == ["at_cut"]
    assert pd.isna(moved["criterion"].iloc[0]) and moved["criterion_change"].iloc[0] == 0


def test_migration_counts_clients_and_revenue_per_pair(view):
    raised = view.with_grid(with_changes(GRID, cuts={"attractiveness": [60]}))
    table = migration(view, raised)
    rows = {(r.from_segment, r.to_segment): (r.clients, r.revenue) for r in table.itertuples()}
    # at_cut (100) leaves partners for maintain; just_below (200) stays in maintain;
    # just_above (300) and far (400) stay in develop.
    assert rows == {("partners", "maintain"): (1, 100.0), ("maintain", "maintain"): (1, 200.0),
                    ("develop", "develop"): (2, 700.0)}


def test_two_datasets_cannot_be_compared(view, memory_store):
    other_id = create_dataset(memory_store, _clients([("x", 1.0, 1, 1, 0.1)]), name="other")
    other = PortfolioView.open(memory_store, other_id, GRID)
    with pytest.raises(NotComparable):
        migration(view, other)
