"""Gaps to the target structure: zero targets, empty segments, tolerance boundary, overrides."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.norms import parse_norms
from portfolio.structure.gaps import (GAP_COLUMNS, ScopedTargets, main_values, norms_gaps,
                                      outside_tolerance, structure_gaps, team_gaps)
from portfolio.view import PortfolioView

EVERYONE = Visibility.everyone()
TARGETS = {"develop": (0.25, 0.20), "partners": (0.25, 0.50), "maintain": (0.50, None),
           "minimal": (0.0, None)}


def gaps_of(dataset, grid, targets=TARGETS, tolerance=0.25, **kwargs) -> pd.DataFrame:
    """The gaps by the plain tolerance: this small portfolio tests the arithmetic (the rule
    for small portfolios has tests of its own, in test_small_portfolios.py)."""
    store, dataset_id = dataset
    kwargs.setdefault("small", None)
    return structure_gaps(PortfolioView.open(store, dataset_id, grid, EVERYONE), targets, tolerance, **kwargs)


def cell(frame: pd.DataFrame, salesperson: str, segment: str) -> pd.Series:
    return frame[(frame["salesperson"] == salesperson) & (frame["segment"] == segment)].iloc[0]


def test_columns_come_in_the_agreed_order(dataset, grid):
    frame = gaps_of(dataset, grid)
    assert tuple(frame.columns[:9]) == ("salesperson", "segment", "clients", "client_share",
                                        "revenue", "revenue_share", "target_share", "gap",
                                        "within_tolerance")
    assert tuple(frame.columns) == GAP_COLUMNS
    assert len(frame) == 12


def test_rep_with_no_client_in_a_segment_is_short_by_the_whole_target(dataset, grid):
    frame = gaps_of(dataset, grid)
    ben = cell(frame, "Ben", "develop")
    assert ben["clients"] == 0 and ben["client_share"] == 0
    assert ben["gap"] == pytest.approx(-0.25)
    assert bool(ben["within_tolerance"])  # exactly on the boundary
    cleo = cell(frame, "Cleo", "maintain")
    assert cleo["gap"] == pytest.approx(-0.5)
    assert not bool(cleo["within_tolerance"])


def test_segment_with_zero_target(dataset, grid):
    frame = gaps_of(dataset, grid)
    assert cell(frame, "Ana", "minimal")["gap"] == 0
    assert bool(cell(frame, "Ana", "minimal")["within_tolerance"])
    assert cell(frame, "Ben", "minimal")["gap"] == pytest.approx(0.5)
    assert not bool(cell(frame, "Ben", "minimal")["within_tolerance"])


def test_revenue_gaps_only_where_a_revenue_target_is_given(dataset, grid):
    frame = gaps_of(dataset, grid)
    ana = cell(frame, "Ana", "develop")
    assert ana["revenue_target_share"] == 0.20
    assert ana["revenue_gap"] == pytest.approx(60_000 / 190_000 - 0.20)
    assert bool(ana["revenue_within_tolerance"])
    cleo = cell(frame, "Cleo", "develop")  # all of Cleo's revenue is c09's
    assert cleo["revenue_gap"] == pytest.approx(0.8)
    assert not bool(cleo["revenue_within_tolerance"])
    maintain = cell(frame, "Ana", "maintain")
    assert pd.isna(maintain["revenue_target_share"]) and pd.isna(maintain["revenue_within_tolerance"])


def test_tolerance_boundary_survives_decimal_arithmetic(dataset, grid):
    # Ana's develop share is 0.5; 0.5 − 0.55 is −0.050000000000000044 in floating point.
    on_boundary = gaps_of(dataset, grid, {"develop": (0.55, None)}, tolerance=0.05)
    assert bool(cell(on_boundary, "Ana", "develop")["within_tolerance"])
    just_outside = gaps_of(dataset, grid, {"develop": (0.56, None)}, tolerance=0.05)
    assert not bool(cell(just_outside, "Ana", "develop")["within_tolerance"])


def test_segment_without_target_is_not_judged(dataset, grid):
    frame = gaps_of(dataset, grid, {"develop": (0.3, None)}, tolerance=0.1)
    partners = cell(frame, "Ana", "partners")
    assert pd.isna(partners["target_share"]) and pd.isna(partners["gap"])
    assert pd.isna(partners["within_tolerance"])
    assert not (outside_tolerance(frame)["segment"] == "partners").any()


def test_outside_tolerance_sorted_by_absolute_gap(dataset, grid):
    table = outside_tolerance(gaps_of(dataset, grid))
    # Client-share gaps beyond ±0.25: Ben minimal +0.5, Cleo minimal +0.5, Cleo maintain −0.5
    # (ties keep rep and grid order). Out on revenue only: Cleo develop (+0.8), then Cleo
    # partners (−0.5). Ana maintain (−0.25) is on the boundary, hence within and not listed.
    pairs = list(zip(table["salesperson"], table["segment"], table["gap"].round(6)))
    assert pairs == [("Ben", "minimal", 0.5), ("Cleo", "minimal", 0.5), ("Cleo", "maintain", -0.5),
                     ("Cleo", "develop", 0.25), ("Cleo", "partners", -0.25)]


def test_team_gaps_use_the_default_targets(dataset, grid):
    store, dataset_id = dataset
    team = team_gaps(PortfolioView.open(store, dataset_id, grid, EVERYONE), TARGETS, 0.1)
    assert "salesperson" not in team.columns
    assert team["gap"].tolist() == pytest.approx([0.3 - 0.0, 0.2 - 0.5, 0.3 - 0.25, 0.2 - 0.25])
    assert team["within_tolerance"].tolist() == [False, False, True, True]


def test_main_value_is_the_most_common_folded_value_ties_alphabetical(dataset, grid):
    store, dataset_id = dataset
    main = main_values(PortfolioView.open(store, dataset_id, grid, EVERYONE), ["region"])
    # Ben: south, South, south, north → south. Cleo: north and south once each → north.
    assert dict(zip(main["salesperson"], main["value"])) == {
        "Ana": "north", "Ben": "south", "Cleo": "north"}


def test_override_applies_to_reps_whose_main_region_matches(dataset, grid):
    south = ScopedTargets("region", "South ", {"develop": (0.0, None), "partners": (0.25, None),
                                               "maintain": (0.25, None), "minimal": (0.5, None)},
                          tolerance=0.1)
    frame = gaps_of(dataset, grid, overrides=[south])
    ben = cell(frame, "Ben", "minimal")
    assert ben["target_share"] == 0.5 and ben["gap"] == 0 and ben["tolerance"] == 0.1
    assert ben["scope"] == "region = South"
    assert cell(frame, "Ben", "develop")["gap"] == 0
    cleo = cell(frame, "Cleo", "minimal")  # Cleo's main region is north: default targets
    assert cleo["target_share"] == 0.0 and cleo["scope"] is None and cleo["tolerance"] == 0.25


def test_first_matching_override_wins(dataset, grid):
    everything = {"develop": (0.1, None), "partners": (0.2, None), "maintain": (0.3, None),
                  "minimal": (0.4, None)}
    west = ScopedTargets("team", "west", everything, 0.05)
    north = ScopedTargets("region", "north", {"develop": (0.5, None), "partners": (0.5, None),
                                              "maintain": (0.0, None), "minimal": (0.0, None)}, 0.05)
    frame = gaps_of(dataset, grid, overrides=[west, north])
    scopes = frame.drop_duplicates("salesperson").set_index("salesperson")["scope"].to_dict()
    # Cleo is in team west and region north: the first override listed applies.
    assert scopes == {"Ana": "region = north", "Ben": "team = west", "Cleo": "team = west"}
    assert cell(frame, "Cleo", "develop")["target_share"] == 0.1


def test_unknown_segment_or_scope_column_is_refused_with_the_key(dataset, grid):
    with pytest.raises(ValueError, match="targets: segment 'growth' is not a segment"):
        gaps_of(dataset, grid, {"growth": (0.5, None)})
    with pytest.raises(ValueError, match="override scope column 'division'"):
        gaps_of(dataset, grid, overrides=[ScopedTargets("division", "x", TARGETS, 0.1)])
    with pytest.raises(ValueError, match="minimal: expected a client share between 0 and 1"):
        gaps_of(dataset, grid, {"minimal": (1.5, None)})


NORMS = """
version: 1
structure:
  tolerance: 0.1
  targets:
    develop: {clients: 0.25}
    partners: {clients: 0.25}
    maintain: {clients: 0.25}
    minimal: {clients: 0.25}
  overrides:
    - scope: {column: region, value: SOUTH}
      tolerance: 0.2
      targets:
        develop: {clients: 0.0}
        partners: {clients: 0.25}
        maintain: {clients: 0.25}
        minimal: {clients: 0.5}
visits:
  capacity: {visits_per_day: 4, field_days: 180}
  segments:
    develop: {min: 4, norm: 8, max: 12}
    partners: {min: 6, norm: 10, max: 16}
    maintain: {min: 1, norm: 3, max: 4}
    minimal: {min: 0, norm: 1, max: 1}
"""


def test_norms_file_targets_and_overrides(dataset, grid):
    store, dataset_id = dataset
    frame = norms_gaps(PortfolioView.open(store, dataset_id, grid, EVERYONE), parse_norms(NORMS))
    assert cell(frame, "Ana", "develop")["gap"] == pytest.approx(0.5 - 0.25)
    # Ana and Ben hold four clients each: one client is 25 points, wider than either
    # structure's tolerance (0.1, and 0.2 for the south); with fewer than 10 clients, no verdict.
    assert cell(frame, "Ana", "develop")["tolerance"] == 0.25
    ben = cell(frame, "Ben", "minimal")
    assert (ben["target_share"], ben["tolerance"], ben["scope"]) == (0.5, 0.25, "region = SOUTH")
    assert not frame["judged"].any() and frame["within_tolerance"].isna().all()
