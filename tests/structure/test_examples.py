"""The reps a workshop shows: the same revenue with opposite structures, the weakest relationships."""

from __future__ import annotations

import pandas as pd

from portfolio.access import Visibility
from portfolio.structure.examples import telling_pair, weakest_relationships
from portfolio.view import PortfolioView

SEGMENTS = ["minimal", "maintain", "develop", "partners"]


def split(rows: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=SEGMENTS)


def test_the_pair_with_close_revenues_and_the_most_different_split():
    revenue = split({
        "Ana": [0, 100, 0, 0],      # 100, all maintain
        "Ben": [0, 0, 98, 0],       # 98, all develop: distance 2 from Ana, 2 % apart
        "Cleo": [0, 50, 50, 0],     # 100, half and half: distance 1 from Ana and from Ben
        "Dan": [0, 0, 0, 300],      # far from everyone's revenue
    })
    assert telling_pair(revenue) == ("Ana", "Ben")


def test_no_pair_when_no_revenues_are_close_enough():
    revenue = split({"Ana": [0, 100, 0, 0], "Ben": [0, 0, 90, 0]})  # 10 % apart
    assert telling_pair(revenue) is None
    assert telling_pair(revenue, tolerance=0.10) == ("Ana", "Ben")


def test_the_larger_revenue_comes_first_and_ties_go_to_names():
    revenue = split({"Zoe": [0, 0, 99, 0], "Yan": [99, 0, 0, 0], "Abe": [0, 100, 0, 0]})
    # Every pair is at distance 2; the pairs with Abe have the larger revenue (100), and
    # (Abe, Yan) comes before (Abe, Zoe) by name.
    assert telling_pair(revenue) == ("Abe", "Yan")


def test_reps_without_revenue_never_make_a_pair():
    assert telling_pair(split({"Ana": [0, 0, 0, 0], "Ben": [0, 0, 0, 0]})) is None
    assert telling_pair(split({"Ana": [0, 10, 0, 0]})) is None


def test_the_weakest_relationships_are_the_lowest_average_qrc(dataset, grid):
    store, dataset_id = dataset
    view = PortfolioView.open(store, dataset_id, grid, Visibility.everyone())
    # QRC by hand (conftest): Ana 0, 12.5, 100, 87.5 → 50; Ben 50, 0, 37.5, 100 → 46.9;
    # Cleo 12.5, 0 → 6.25.
    assert weakest_relationships(view) == "Cleo"
    assert weakest_relationships(view.seen_by(Visibility.only(["Ana", "Ben"]))) == "Ben"
