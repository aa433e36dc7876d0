"""Priority clients and the segment roles found from the grid's cells."""

from __future__ import annotations

from dataclasses import replace

from portfolio.access import Visibility
from portfolio.grid.model import LocalText, Segment
from portfolio.structure.priority import PRIORITY_COLUMNS, priority_clients
from portfolio.structure.roles import develop_segments, partner_segments
from portfolio.view import PortfolioView

EVERYONE = Visibility.everyone()


def test_roles_come_from_cells_not_ids(grid):
    cells = [(a, q) for a in range(3) for q in range(3)]
    renamed = replace(grid, segments=tuple(
        Segment(f"s{a}{q}", {"attractiveness": a, "qrc": q}, LocalText.of("x")) for a, q in cells))
    assert develop_segments(renamed) == ("s20",)
    assert partner_segments(renamed) == ("s22",)
    assert develop_segments(grid) == ("develop",) and partner_segments(grid) == ("partners",)


def test_a_reps_priority_clients_by_headroom(dataset, grid):
    store, dataset_id = dataset
    ana = priority_clients(PortfolioView.open(store, dataset_id, grid, EVERYONE), "Ana")
    assert tuple(ana.columns) == PRIORITY_COLUMNS
    # c02: 400 k − 40 k = 360 k; c01: 200 k − 20 k = 180 k.
    assert ana["client_id"].tolist() == ["c02", "c01"]
    assert ana["headroom"].tolist() == [360_000, 180_000]
    assert ana["share_of_wallet"].tolist() == [0.1, 0.1]


def test_whole_team_with_a_limit(dataset, grid):
    store, dataset_id = dataset
    top = priority_clients(PortfolioView.open(store, dataset_id, grid, EVERYONE), limit=2)
    assert top["client_id"].tolist() == ["c09", "c02"]  # 400 k, then 360 k


def test_renamed_segment_is_still_found(dataset, grid):
    store, dataset_id = dataset
    renamed = replace(grid, segments=tuple(
        replace(s, id="strongholds") if s.id == "develop" else s for s in grid.segments))
    ana = priority_clients(PortfolioView.open(store, dataset_id, renamed, EVERYONE), "Ana")
    assert ana["segment"].tolist() == ["strongholds", "strongholds"]
