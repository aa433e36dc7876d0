"""Workload against capacity, and which clients lose visits when the norms do not fit."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.visits import Capacity, value_order, what_gives, whole_visits, workload

NORMS = {"develop": (4, 8, 12), "partners": (6, 10, 14), "maintain": (2, 4, 6), "minimal": (0, 1, 2)}


def one_rep() -> pd.DataFrame:
    return pd.DataFrame({
        "client_id": ["d1", "p1", "m1", "m2", "n1"],
        "salesperson": ["Ana"] * 5,
        "segment": ["develop", "partners", "maintain", "maintain", "minimal"],
        "revenue": [10_000.0, 80_000.0, 5_000.0, 5_000.0, 1_000.0],
        "potential": [60_000.0, 81_000.0, 5_100.0, 5_500.0, 90_000.0],
    })


def test_workload_and_utilisation_by_hand() -> None:
    table = workload(one_rep(), NORMS, Capacity(1, 20))
    row = table.iloc[0]
    assert row["workload"] == 27  # 8 + 10 + 4 + 4 + 1
    assert row["workload_min"] == 14  # 4 + 6 + 2 + 2 + 0
    assert row["capacity"] == 20
    assert row["utilisation"] == pytest.approx(1.35)
    assert not row["fits"]


def test_capacity_rounds_down_to_whole_visits() -> None:
    assert whole_visits(Capacity(2.3, 200)) == 460
    assert whole_visits(Capacity(2.5, 201)) == 502
    assert whole_visits(Capacity(0, 200)) == 0
    with pytest.raises(ValueError, match="visits_per_day: expected a number ≥ 0"):
        whole_visits(Capacity(-1, 200))


def test_value_order_is_segment_priority_then_headroom() -> None:
    # least valuable first: minimal n1, maintain m1 (headroom 100), maintain m2 (500), partners, develop
    rank = value_order(one_rep())
    assert rank.tolist() == [4, 3, 1, 2, 0]


def test_what_gives_down_to_the_minimums() -> None:
    # Excess 27 − 20 = 7: n1 loses 1 (to 0), m1 2 (to 2), m2 2 (to 2), p1 the last 2 (to 8).
    cut = what_gives(one_rep(), NORMS, Capacity(1, 20))
    assert cut["client_id"].tolist() == ["n1", "m1", "m2", "p1"]
    assert cut["order"].tolist() == [1, 2, 3, 4]
    assert cut["visits_lost"].tolist() == [1, 2, 2, 2]
    assert cut["visits_planned"].tolist() == [0, 2, 2, 8]
    assert cut["below_min"].tolist() == [False] * 4
    assert cut["visits_lost"].sum() == 7


def test_what_gives_below_the_minimums_only_when_every_client_is_at_its_minimum() -> None:
    # Excess 27 − 10 = 17: everyone to its minimum (13 visits), then 4 more below the minimum:
    # the two maintain clients, least valuable first, lose their 2 + 2 minimum visits.
    cut = what_gives(one_rep(), NORMS, Capacity(1, 10))
    assert cut["client_id"].tolist() == ["n1", "m1", "m2", "p1", "d1"]
    assert cut["visits_lost"].tolist() == [1, 4, 4, 4, 4]
    assert cut["visits_planned"].tolist() == [0, 0, 0, 6, 4]
    assert cut["below_min"].tolist() == [False, True, True, False, False]


def test_nothing_gives_when_the_norms_fit_and_reps_are_independent() -> None:
    clients = pd.concat([one_rep(), one_rep().assign(salesperson="Bruno", client_id=lambda t: t["client_id"] + "b")])
    cut = what_gives(clients, NORMS, {"Ana": Capacity(1, 27), "Bruno": Capacity(1, 26)})
    assert cut["salesperson"].tolist() == ["Bruno"]
    assert cut["client_id"].tolist() == ["n1b"]
    table = workload(clients, NORMS, {"Ana": Capacity(1, 27), "Bruno": Capacity(1, 26)})
    assert table["fits"].tolist() == [True, False]


def test_custom_priority_and_unlisted_segments() -> None:
    # With develop last in the priority, d1 loses visits first; unlisted segments come even lower.
    cut = what_gives(one_rep(), NORMS, Capacity(1, 23), priority=("partners", "maintain", "minimal", "develop"))
    assert cut["client_id"].tolist() == ["d1"]
    assert cut["visits_lost"].tolist() == [4]
    rank = value_order(one_rep(), priority=("partners",))
    assert rank[1] == 4  # p1 most valuable; the rest below, by headroom: m1, m2, d1, n1
    assert rank.tolist() == [2, 4, 0, 1, 3]


def test_segment_without_norm_is_named() -> None:
    clients = one_rep()
    clients.loc[0, "segment"] = "prospect"
    with pytest.raises(ValueError, match=r"prospect.*visit norm"):
        workload(clients, NORMS, Capacity(1, 20))
    with pytest.raises(ValueError, match="min ≤ norm ≤ max"):
        workload(one_rep(), {**NORMS, "minimal": (2, 1, 3)}, Capacity(1, 20))
