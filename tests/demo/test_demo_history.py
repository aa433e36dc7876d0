"""The demo's quarter before: a credible earlier state of the same portfolio."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.demo import PERIOD, generate_demo
from portfolio.demo.history import LOST_SHARE, PREVIOUS_PERIOD, previous_quarter
from portfolio.grid.loader import load_grid
from portfolio.queries.scope import ClientFilter
from portfolio.store.bootstrap import (add_demo_quarter_before, can_add_demo_quarter_before,
                                       ensure_demo_dataset)
from portfolio.store.database import Store
from portfolio.store.datasets import create_dataset, get_dataset
from portfolio.structure.history import compare_periods
from portfolio.view import PortfolioView
from tests.ui.conftest import ROOT

CURRENT = generate_demo()


def test_the_quarter_before_is_the_same_for_a_seed_and_labelled_as_such():
    before = previous_quarter(CURRENT)
    pd.testing.assert_frame_equal(before, previous_quarter(CURRENT))
    assert set(before["period"]) == {PREVIOUS_PERIOD}
    assert before["client_id"].is_unique
    assert list(before.columns) == list(CURRENT.columns)
    assert set(before["salesperson"]) <= set(CURRENT["salesperson"])


def test_some_relationships_grew_fewer_slipped_a_few_clients_came_and_left():
    before = previous_quarter(CURRENT).set_index("client_id")
    now = CURRENT.set_index("client_id")
    kept = now.index.intersection(before.index)
    came = now.index.difference(before.index)
    left = before.index.difference(now.index)
    assert len(left) == round(LOST_SHARE * len(now))
    assert 0.01 * len(now) < len(came) < 0.05 * len(now)
    share_then = before.loc[kept, "share_of_wallet"]
    share_now = now.loc[kept, "share_of_wallet"]
    grew = (share_then < share_now).mean()
    slipped = (share_then > share_now).mean()
    assert 0.10 < grew < 0.20 and 0.02 < slipped < 0.08
    # Revenue follows the share of wallet: a client's potential did not change.
    assert (before.loc[kept, "potential"] == now.loc[kept, "potential"]).all()
    assert ((before.loc[kept, "revenue"] < now.loc[kept, "revenue"]) == (share_then < share_now)
            )[share_now > 0].all()


def test_the_demo_as_loaded_takes_its_quarter_before_once(tmp_path):
    store = Store(tmp_path / "demo.duckdb")
    try:
        demo = get_dataset(store, ensure_demo_dataset(store))
        assert can_add_demo_quarter_before(demo)
        assert add_demo_quarter_before(store, demo) == PREVIOUS_PERIOD
        demo = get_dataset(store, demo.dataset_id)
        assert demo.periods == (PREVIOUS_PERIOD, PERIOD)
        assert not can_add_demo_quarter_before(demo)
        with pytest.raises(ValueError):
            add_demo_quarter_before(store, demo)
        comparison = compare_periods(PortfolioView.open(store, demo.dataset_id, load_grid(
            ROOT / "config" / "grids" / "default.yaml"), Visibility.everyone()), ClientFilter(),
            PREVIOUS_PERIOD, PERIOD)
    finally:
        store.close()
    before = set(previous_quarter(CURRENT)["client_id"])
    now = set(CURRENT["client_id"])
    assert (comparison.gained, comparison.lost) == (len(now - before), len(before - now))
    assert comparison.moved > 0


def test_a_dataset_of_ones_own_never_gets_the_demo_quarter(tmp_path):
    store = Store(tmp_path / "own.duckdb")
    try:
        own = get_dataset(store, create_dataset(store, CURRENT, name="Ours", source="tests"))
        assert not can_add_demo_quarter_before(own)
        with pytest.raises(ValueError):
            add_demo_quarter_before(store, own)
    finally:
        store.close()
