"""A revenue objective turned into share-of-wallet moves, client by client."""

from __future__ import annotations

import pytest

from portfolio.access import Visibility
from portfolio.structure.objectives import (MOVE_COLUMNS, SEGMENT_PLAN_COLUMNS,
                                            revenue_objective_plan)
from portfolio.view import PortfolioView
from tests.scoring.gridkit import categories, bands, grid_2x2

EVERYONE = Visibility.everyone()
# Ana's clients (share-of-wallet bands start at 0, 0.30, 0.60):
#   c01 potential 200 k, sow 0.10, 2 visits → next band 0.30: up to 40 k; headroom/visit 90 k
#   c02 potential 400 k, sow 0.10, 0 visits → next band 0.30: up to 80 k; headroom/visit 360 k
#   c03 sow 0.60 and c04 sow 0.80 are in the top band: they cannot move.
# Ana's revenue is 190 k.


def plan(dataset, grid, rep: str, growth: float, **kwargs):
    store, dataset_id = dataset
    return revenue_objective_plan(PortfolioView.open(store, dataset_id, grid, EVERYONE), rep, growth, **kwargs)


def test_half_more_revenue_takes_c02_whole_then_part_of_c01(dataset, grid):
    result = plan(dataset, grid, "Ana", 0.5)
    assert result.current_revenue == 190_000 and result.objective == pytest.approx(95_000)
    moves = result.moves
    assert tuple(moves.columns) == MOVE_COLUMNS
    assert moves["client_id"].tolist() == ["c02", "c01"]
    assert moves["current_sow"].tolist() == pytest.approx([0.10, 0.10])
    # c02 to 0.30: 400 k × 0.20 = 80 k; the 15 k left from c01: 15 k ÷ 200 k = 0.075.
    assert moves["target_sow"].tolist() == pytest.approx([0.30, 0.175])
    assert moves["delta_sow_points"].tolist() == pytest.approx([20.0, 7.5])
    assert moves["revenue_gain"].tolist() == pytest.approx([80_000, 15_000])
    assert result.reachable and result.shortfall == 0
    assert result.planned_gain == pytest.approx(95_000)


def test_summary_per_segment(dataset, grid):
    by_segment = plan(dataset, grid, "Ana", 0.5).by_segment
    assert tuple(by_segment.columns) == SEGMENT_PLAN_COLUMNS
    assert by_segment["segment"].tolist() == ["minimal", "maintain", "develop", "partners"]
    develop = by_segment.set_index("segment").loc["develop"]
    assert develop["clients"] == 2
    assert develop["revenue_gain"] == pytest.approx(95_000)
    assert develop["share_of_objective"] == pytest.approx(1.0)
    assert develop["available_gain"] == pytest.approx(120_000)
    assert by_segment.set_index("segment").loc["partners", "revenue_gain"] == 0


def test_objective_beyond_the_headroom_is_said_unreachable(dataset, grid):
    result = plan(dataset, grid, "Ana", 1.0)  # +190 k, when the next bands give 120 k
    assert not result.reachable
    assert result.planned_gain == pytest.approx(120_000)
    assert result.shortfall == pytest.approx(70_000)
    assert result.moves["target_sow"].tolist() == pytest.approx([0.30, 0.30])


def test_no_visit_counts_as_one_and_order_follows_headroom_per_visit(dataset, grid):
    # Cleo: c09 (500 k, sow 0.2, 2 visits) headroom/visit 200 k → 0.3 gives 50 k;
    # c10 (10 k, sow 0, visits unknown) headroom/visit 10 k → 0.3 gives 3 k.
    result = plan(dataset, grid, "Cleo", 0.52)  # +52 k
    assert result.moves["client_id"].tolist() == ["c09", "c10"]
    assert result.moves["revenue_gain"].tolist() == pytest.approx([50_000, 2_000])
    assert result.moves["delta_sow_points"].tolist() == pytest.approx([10.0, 20.0])
    assert result.moves["headroom_per_visit"].tolist() == pytest.approx([200_000, 10_000])


def test_partners_level_as_target(dataset, grid):
    # Partners cell: c03 (90 k of 150 k) and c05 (150 k of 300 k) → 240 k ÷ 450 k.
    level = 240_000 / 450_000
    result = plan(dataset, grid, "Ana", 0.5, target="partners")
    assert result.moves["client_id"].tolist() == ["c02"]  # 400 k × (0.533 − 0.1) > 95 k
    assert result.moves["target_sow"].tolist() == pytest.approx([0.1 + 95_000 / 400_000])
    assert result.available_gain == pytest.approx((400_000 + 200_000) * (level - 0.1))
    assert result.target_rule.startswith("partners")


def test_fixed_target_share(dataset, grid):
    # Ben at 0.30: only c06 (20 k, sow 0.10) is below; c07 is exactly at 0.30.
    result = plan(dataset, grid, "Ben", 0.01, target=0.30)  # +2 210
    assert result.moves["client_id"].tolist() == ["c06"]
    assert result.moves["delta_sow_points"].tolist() == pytest.approx([2_210 / 20_000 * 100])


def test_no_growth_no_moves(dataset, grid):
    result = plan(dataset, grid, "Ana", 0.0)
    assert result.moves.empty and result.reachable and result.objective == 0


def test_grid_without_share_of_wallet_bands_needs_another_rule(dataset):
    grid = grid_2x2([bands("potential", 1, (0, 0), (100_000, 1))],
                    [categories("contact_level", 1, ("operational", 0), ("manager", 1))])
    with pytest.raises(ValueError, match="no QRC criterion with bands on the 'share_of_wallet'"):
        plan(dataset, grid, "Ana", 0.1)
    assert plan(dataset, grid, "Ana", 0.1, target="partners").reachable


def test_bad_inputs_are_refused(dataset, grid):
    with pytest.raises(ValueError, match="growth: expected a revenue increase"):
        plan(dataset, grid, "Ana", -0.1)
    with pytest.raises(ValueError, match="target: expected 'next_band', 'partners'"):
        plan(dataset, grid, "Ana", 0.1, target="more")
