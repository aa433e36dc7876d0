"""Scoring semantics of the grid format, on clients whose scores are computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from portfolio.problems import ConfigError
from portfolio.scoring.engine import output_columns, score_frame
from tests.scoring.gridkit import bands, categories, grid_2x2

POTENTIAL = bands("potential", 50, (0, 1), (20000, 2), (100000, 3), (500000, 4))
POSITION = categories("market_position", 50, ("leader", 4), ("challenger", 3), ("niche", 1))
SOW = bands("share_of_wallet", 1, (0, 0), (0.1, 1), (0.3, 2), (0.6, 3))


def score(rows: list[dict], grid) -> pd.DataFrame:
    return score_frame(pd.DataFrame(rows), grid).set_index("client_id")


def test_band_edges_take_the_band_that_starts_there():
    grid = grid_2x2([POTENTIAL], [SOW])
    out = score([
        {"client_id": "at_edge", "potential": 20000.0, "share_of_wallet": 0.3},
        {"client_id": "just_below", "potential": 19999.99, "share_of_wallet": 0.2999},
        {"client_id": "top", "potential": 2e6, "share_of_wallet": 1.0},
    ], grid)
    # potential 20000 -> band from 20000 -> 2 points of 4 -> 50; sow 0.3 -> 2 of 3 -> 66.67
    assert out.loc["at_edge", "pts_potential"] == 2
    assert out.loc["at_edge", "attractiveness"] == 50
    assert out.loc["at_edge", "qrc"] == pytest.approx(200 / 3, abs=1e-9)
    assert out.loc["just_below", "pts_potential"] == 1
    assert out.loc["just_below", "pts_share_of_wallet"] == 1
    assert out.loc["top", "attractiveness"] == 100
    assert out.loc["top", "qrc"] == 100


def test_value_below_first_band_is_missing():
    grid = grid_2x2([bands("potential", 1, (10, 1), (20, 2))], [SOW])
    out = score([{"client_id": "a", "potential": 5.0, "share_of_wallet": 0.5}], grid)
    assert out.loc["a", "pts_potential"] == 0
    assert out.loc["a", "attractiveness"] == 0
    assert bool(out.loc["a", "incomplete"]) is True


def test_categories_are_trimmed_and_case_folded_and_unknown_values_missing():
    grid = grid_2x2([POSITION], [SOW])
    out = score([
        {"client_id": "a", "market_position": "  LEADER ", "share_of_wallet": 0.0},
        {"client_id": "b", "market_position": "Challenger", "share_of_wallet": 0.0},
        {"client_id": "c", "market_position": "follower", "share_of_wallet": 0.0},
    ], grid)
    assert out.loc["a", "pts_market_position"] == 4 and out.loc["a", "attractiveness"] == 100
    assert out.loc["b", "attractiveness"] == 75  # 3 of 4
    assert out.loc["c", "pts_market_position"] == 0  # not listed: missing
    assert [bool(v) for v in out["incomplete"]] == [False, False, True]


def test_missing_zero_keeps_the_weight():
    grid = grid_2x2([POTENTIAL, POSITION], [SOW], missing="zero")
    out = score([{"client_id": "a", "potential": 600000.0, "market_position": None,
                  "share_of_wallet": 0.7}], grid)
    # (50 * 4/4 + 50 * 0) / 100 = 50 -> on the cut: goes up to the high band
    assert out.loc["a", "attractiveness"] == 50
    assert out.loc["a", "segment"] == "partners"
    assert bool(out.loc["a", "incomplete"]) is True


def test_missing_ignore_leaves_the_criterion_out_of_both_sums():
    grid = grid_2x2([POTENTIAL, POSITION], [SOW], missing="ignore")
    out = score([
        {"client_id": "a", "potential": 30000.0, "market_position": None, "share_of_wallet": 0.7},
        {"client_id": "b", "potential": None, "market_position": "unknown", "share_of_wallet": 0.7},
    ], grid)
    # a: only potential counts: 2 of 4 -> 50
    assert out.loc["a", "attractiveness"] == 50
    assert math.isnan(out.loc["a", "pts_market_position"])
    # b: nothing scorable on attractiveness: no score, no segment
    assert pd.isna(out.loc["b", "attractiveness"])
    assert pd.isna(out.loc["b", "segment"])
    assert out.loc["b", "qrc"] == 100


def test_score_mathematically_on_a_cut_goes_up_despite_rounding():
    # 100 * (0.3 * 3/3) / (0.1 + 0.2 + 0.3) is exactly 50, but 49.99999999999999 in floats.
    grid = grid_2x2([bands("x", 0.1, (0, 0), (1, 3)), bands("y", 0.2, (0, 0), (1, 3)),
                     bands("z", 0.3, (0, 0), (1, 3))], [SOW])
    out = score([{"client_id": "a", "x": 0.0, "y": 0.0, "z": 1.0, "share_of_wallet": 0.0}], grid)
    assert out.loc["a", "attractiveness"] == pytest.approx(50, abs=1e-9)
    assert out.loc["a", "segment"] == "develop"


def test_weights_only_count_by_their_ratios():
    small = grid_2x2([bands("x", 1, (0, 0), (1, 1)), bands("y", 3, (0, 0), (1, 1))], [SOW])
    large = grid_2x2([bands("x", 10, (0, 0), (1, 1)), bands("y", 30, (0, 0), (1, 1))], [SOW])
    rows = [{"client_id": "a", "x": 1.0, "y": 0.0, "share_of_wallet": 0.0}]
    assert score(rows, small).loc["a", "attractiveness"] == 25
    assert score(rows, large).loc["a", "attractiveness"] == 25


def test_three_by_three_matrix_band_indexes():
    from portfolio.grid.model import Axis, Grid, LocalText, Segment
    levels = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4))
    crit_a, crit_q = bands("a", 1, *levels), bands("q", 1, *levels)
    segments = tuple(Segment(f"s{a}{q}", {"attractiveness": a, "qrc": q}, LocalText.of("s"))
                     for a in range(3) for q in range(3))
    grid = Grid(LocalText.of("g"), 1, "zero",
                {"attractiveness": Axis("attractiveness", LocalText.of("A"), (crit_a,)),
                 "qrc": Axis("qrc", LocalText.of("Q"), (crit_q,))},
                {"attractiveness": (25.0, 75.0), "qrc": (25.0, 75.0)}, segments)
    out = score([{"client_id": str(v), "a": float(v), "q": 4.0 - v} for v in range(5)], grid)
    # a = 0, 25, 50, 75, 100 ; q = 100, 75, 50, 25, 0
    assert list(out["segment"]) == ["s02", "s12", "s11", "s21", "s20"]


def test_numeric_column_scored_by_categories_matches_integer_text():
    grid = grid_2x2([categories("rating", 1, ("1", 4), ("2", 2))], [SOW])
    out = score([{"client_id": "a", "rating": 1.0, "share_of_wallet": 0.0},
                 {"client_id": "b", "rating": 2.0, "share_of_wallet": 0.0}], grid)
    assert list(out["pts_rating"]) == [4, 2]


def test_category_values_are_bound_not_spliced():
    hostile = "x'; DROP TABLE clients_input; --"
    grid = grid_2x2([categories("market_position", 1, (hostile, 2), ("leader", 1))], [SOW])
    out = score([{"client_id": "a", "market_position": hostile, "share_of_wallet": 0.0}], grid)
    assert out.loc["a", "attractiveness"] == 100


def test_a_column_the_data_lacks_scores_as_missing_for_every_client():
    grid = grid_2x2([POTENTIAL, POSITION], [SOW])
    out = score([{"client_id": "a", "potential": 1.0, "share_of_wallet": 0.1}], grid).loc["a"]
    # missing: zero, as an empty cell: 0 points and the weight kept, the client incomplete.
    assert out["pts_market_position"] == 0 and bool(out["incomplete"])
    ignoring = grid_2x2([POTENTIAL, POSITION], [SOW], missing="ignore")
    out = score([{"client_id": "a", "potential": 1.0, "share_of_wallet": 0.1}], ignoring).loc["a"]
    assert pd.isna(out["pts_market_position"]) and bool(out["incomplete"])


def test_bands_on_a_text_column_are_refused():
    grid = grid_2x2([bands("label", 1, (0, 1))], [SOW])
    with pytest.raises(ConfigError, match="expected a numeric column"):
        score([{"client_id": "a", "label": "big", "share_of_wallet": 0.1}], grid)


def test_output_columns_follow_the_grid_format():
    grid = grid_2x2([POTENTIAL, POSITION], [SOW])
    assert output_columns(grid) == ["client_id", "attractiveness", "qrc", "segment", "incomplete",
                                    "pts_potential", "pts_market_position", "pts_share_of_wallet"]
