"""The demo portfolio tells the method's story, at workshop size and at a million clients."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.demo import SAME_REVENUE_REPS, WEAK_CONTACT_REP, generate_demo

CLAIRE, JULIEN, SOPHIE = "Claire Martin", "Julien Moreau", "Sophie Bernard"


@pytest.fixture(scope="module")
def million() -> pd.DataFrame:
    # Its speed is measured in bench/bench_demo.py, not asserted here.
    return generate_demo(n_clients=1_000_000, n_reps=300)


def test_story_rep_names_are_exported() -> None:
    assert SAME_REVENUE_REPS == (CLAIRE, JULIEN)
    assert WEAK_CONTACT_REP == SOPHIE


def test_default_size_gives_twelve_reps_with_100_to_250_clients() -> None:
    per_rep = generate_demo()["salesperson"].value_counts()
    assert len(per_rep) == 12 and {CLAIRE, JULIEN, SOPHIE} <= set(per_rep.index)
    assert per_rep.between(100, 250).all()


def check_same_revenue_opposite_structures(demo: pd.DataFrame) -> None:
    by_rep = demo.groupby("salesperson")
    revenue = by_rep["revenue"].sum()
    headroom = (demo["potential"] - demo["revenue"]).groupby(demo["salesperson"]).sum()
    sow = by_rep["share_of_wallet"].mean()
    potential = by_rep["potential"].median()
    assert abs(revenue[CLAIRE] - revenue[JULIEN]) <= 0.02 * revenue[JULIEN]
    assert sow[CLAIRE] > 0.6 and sow[JULIEN] < 0.15
    assert potential[CLAIRE] < 20_000 and potential[JULIEN] > 100_000
    assert headroom[JULIEN] > 3 * headroom[CLAIRE]


def check_weak_contact_rep(demo: pd.DataFrame) -> None:
    operational = demo["contact_level"] == "operational"
    sophie = demo["salesperson"] == SOPHIE
    assert operational[sophie].mean() > 0.7
    assert operational[sophie].mean() > 2 * operational[~sophie].mean()
    # The rest of Sophie's relationship is ordinary: share of wallet near the team's.
    sow = demo["share_of_wallet"]
    others = ~demo["salesperson"].isin([SOPHIE, CLAIRE, JULIEN])
    assert abs(sow[sophie].mean() - sow[others].mean()) < 0.08


def check_attractive_clients_nobody_visits(demo: pd.DataFrame, at_least: int, reps: int) -> None:
    forgotten = demo[(demo["potential"] >= 100_000) & demo["solvency"].isin(["A", "B"])
                     & (demo["visits_12m"] == 0) & demo["last_visit"].isna()]
    assert len(forgotten) >= at_least
    assert forgotten["salesperson"].nunique() >= reps


@pytest.mark.parametrize("seed", [7, 1, 2])
def test_story_at_workshop_size(seed: int) -> None:
    demo = generate_demo(seed=seed)
    check_same_revenue_opposite_structures(demo)
    check_weak_contact_rep(demo)
    check_attractive_clients_nobody_visits(demo, at_least=20, reps=5)
    # "A few dozen", not hundreds.
    assert ((demo["potential"] >= 100_000) & (demo["visits_12m"] == 0)).sum() <= 60


def test_story_with_only_four_reps() -> None:
    demo = generate_demo(n_clients=400, n_reps=4, seed=5)
    check_same_revenue_opposite_structures(demo)
    check_weak_contact_rep(demo)
    check_attractive_clients_nobody_visits(demo, at_least=20, reps=3)


def test_a_million_clients_and_300_reps(million: pd.DataFrame) -> None:
    demo = million
    assert len(demo) == 1_000_000 and demo["salesperson"].nunique() == 300
    assert demo["client_id"].is_unique


def test_story_at_a_million_clients(million: pd.DataFrame) -> None:
    demo = million
    check_same_revenue_opposite_structures(demo)
    check_weak_contact_rep(demo)
    check_attractive_clients_nobody_visits(demo, at_least=1000, reps=250)
