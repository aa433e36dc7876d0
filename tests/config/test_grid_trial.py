"""A grid tried with other weights and cuts: the format's rules hold, the file's grid is untouched."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from portfolio.grid.loader import load_grid
from portfolio.grid.trial import InvalidTrial, with_changes
from portfolio.queries.live import score_values
from portfolio.store.scores import grid_key

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")


def test_weights_and_cuts_are_replaced_and_the_rest_kept():
    trial = with_changes(GRID, weights={"solvency": 3}, cuts={"qrc": [40]})
    assert trial.criterion("solvency").weight == 3
    assert trial.criterion("potential").weight == GRID.criterion("potential").weight
    assert trial.cuts == {"attractiveness": GRID.cuts["attractiveness"], "qrc": (40.0,)}
    assert trial.segments == GRID.segments and trial.name == GRID.name
    # The file's grid is unchanged, and the trial is scored (and cached) under its own key.
    assert GRID.criterion("solvency").weight != 3 and GRID.cuts["qrc"] == (50.0,)
    assert trial.fingerprint == "" and grid_key(trial) != grid_key(GRID)


def test_a_lower_cut_moves_a_client_across_it():
    client = {"potential": 600_000, "market_position": "leader", "solvency": "A",
              "share_of_wallet": 0.35, "product_families": 2, "contact_level": "operational",
              "commitments_kept": 0.3}
    before = score_values(GRID, client)
    assert 40 < before.qrc < 50 and before.segment == "develop"
    after = score_values(with_changes(GRID, cuts={"qrc": [40]}), client)
    assert after.qrc == pytest.approx(before.qrc) and after.segment == "partners"


@pytest.mark.parametrize("weight", [0, -1])
def test_a_weight_must_stay_above_zero(weight):
    with pytest.raises(InvalidTrial) as raised:
        with_changes(GRID, weights={"solvency": weight})
    assert (raised.value.part, raised.value.where) == ("weight", "solvency")


@pytest.mark.parametrize("cuts", [[120], [-5]])
def test_cuts_stay_within_0_and_100(cuts):
    with pytest.raises(InvalidTrial) as raised:
        with_changes(GRID, cuts={"attractiveness": cuts})
    assert (raised.value.part, raised.value.where) == ("cuts", "attractiveness")


def test_cuts_of_a_3_by_3_grid_stay_strictly_ascending():
    # Two cuts on an axis (the segments do not matter to the check).
    three = replace(GRID, cuts={"attractiveness": (40.0, 70.0), "qrc": (50.0,)})
    assert with_changes(three, cuts={"attractiveness": [30, 60]}).cuts["attractiveness"] == (30, 60)
    with pytest.raises(InvalidTrial):
        with_changes(three, cuts={"attractiveness": [60, 60]})


def test_changes_kept_while_the_file_lost_a_criterion_or_a_cut_do_not_apply():
    with pytest.raises(ValueError, match="no criterion 'gone'"):
        with_changes(GRID, weights={"gone": 2})
    with pytest.raises(ValueError, match="cuts expected"):
        with_changes(GRID, cuts={"qrc": [30, 60]})
