"""Verdicts that fit small portfolios: a gap within one client's worth of share is no gap,
and a portfolio under `judged_from_clients` clients gets no verdict on its shares."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.norms import parse_norms
from portfolio.structure.gaps import (SmallPortfolios, norms_gaps, outside_tolerance,
                                      structure_gaps, team_gaps)
from portfolio.view import PortfolioView
from tests.structure.test_gaps import NORMS, TARGETS, cell

EVERYONE = Visibility.everyone()


def _view(dataset, grid) -> PortfolioView:
    store, dataset_id = dataset
    return PortfolioView.open(store, dataset_id, grid, EVERYONE)


def test_a_gap_within_one_client_is_within_tolerance(dataset, grid):
    # Ben holds 4 clients, none to develop: 0 % against a 25 % target, a gap of 25 points,
    # which is one client of four. By the plain 10-point tolerance he is outside.
    plain = structure_gaps(_view(dataset, grid), TARGETS, 0.1, small=None)
    fitted = structure_gaps(_view(dataset, grid), TARGETS, 0.1, small=SmallPortfolios(judged_from=0))
    assert not bool(cell(plain, "Ben", "develop")["within_tolerance"])
    ben = cell(fitted, "Ben", "develop")
    assert ben["tolerance"] == 0.25 and bool(ben["within_tolerance"]) and bool(ben["judged"])
    # Two minimal clients of four over a zero target: two clients off, outside still.
    assert not bool(cell(fitted, "Ben", "minimal")["within_tolerance"])
    # Cleo's 2 clients: one client is 50 points, so her missing maintain client (−50) is on it.
    cleo = cell(fitted, "Cleo", "maintain")
    assert cleo["gap"] == pytest.approx(-0.5) and cleo["tolerance"] == 0.5
    assert bool(cleo["within_tolerance"])


def test_a_portfolio_under_the_threshold_gets_no_verdict(dataset, grid):
    frame = structure_gaps(_view(dataset, grid), TARGETS, 0.1, small=SmallPortfolios(judged_from=4))
    judged = frame.groupby("salesperson")["judged"].first().to_dict()
    assert judged == {"Ana": True, "Ben": True, "Cleo": False}  # 4, 4 and 2 clients
    cleo = frame[frame["salesperson"] == "Cleo"]
    assert cleo["within_tolerance"].isna().all() and cleo["revenue_within_tolerance"].isna().all()
    assert cleo["gap"].notna().all()  # the gap is still shown, only not judged
    assert "Cleo" not in set(outside_tolerance(frame)["salesperson"])


def test_the_team_is_judged_on_all_its_clients(dataset, grid):
    team = team_gaps(_view(dataset, grid), TARGETS, 0.1, small=SmallPortfolios(judged_from=10))
    assert team["judged"].all()  # 10 clients
    assert (team["tolerance"] == 0.1).all()  # one client of ten is exactly the tolerance
    fewer = team_gaps(_view(dataset, grid), TARGETS, 0.1, small=SmallPortfolios(judged_from=11))
    assert not fewer["judged"].any() and fewer["within_tolerance"].isna().all()


def test_the_norms_file_sets_the_threshold(dataset, grid):
    default = norms_gaps(_view(dataset, grid), parse_norms(NORMS))
    assert not default["judged"].any()  # 10 by default: every rep here has fewer
    lowered = NORMS.replace("  tolerance: 0.1\n", "  tolerance: 0.1\n  judged_from_clients: 3\n", 1)
    frame = norms_gaps(_view(dataset, grid), parse_norms(lowered))
    assert frame.groupby("salesperson")["judged"].first().to_dict() == {
        "Ana": True, "Ben": True, "Cleo": False}


def test_a_negative_threshold_is_refused_with_its_key():
    broken = NORMS.replace("  tolerance: 0.1\n", "  tolerance: 0.1\n  judged_from_clients: -1\n", 1)
    with pytest.raises(Exception) as raised:
        parse_norms(broken, "norms.yaml")
    assert "judged_from_clients" in str(raised.value)


def test_gaps_keep_their_columns_for_every_rep(dataset, grid):
    frame = structure_gaps(_view(dataset, grid), TARGETS, 0.1)
    assert pd.api.types.is_bool_dtype(frame["judged"])
    assert len(frame) == 12


def test_an_overrides_wider_tolerance_is_not_called_widened(dataset, grid):
    from portfolio.structure.gaps import small_portfolio_note

    frame = structure_gaps(_view(dataset, grid), TARGETS, 0.1, small=SmallPortfolios(judged_from=0))
    assert small_portfolio_note(frame, 0.1, 0).widened == 3  # 4, 4 and 2 clients: all widened
    large = frame.assign(clients=frame["clients"] * 100, tolerance=0.2)  # an override's 0.2
    assert small_portfolio_note(large, 0.1, 0) is None
