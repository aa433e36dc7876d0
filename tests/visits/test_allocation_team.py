"""Allocation by hand on small cases, and the team allocation over a client table."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from portfolio.visits import Capacity, CurveArrays, allocate_rep, allocate_team, fit_shapes

# r(x) = x / (1 + x): 0, 1/2, 2/3, 3/4 … (r0 = 0, rmax = 1, c = 1, d = 1)
HYPERBOLA = CurveArrays(np.zeros(2), np.ones(2), np.ones(2), np.ones(2))


def test_concave_case_by_hand() -> None:
    # A (×120) gains 60, 20, 10 for its 1st, 2nd, 3rd visit; B (×60) gains 30, 10, 5.
    plan = allocate_rep(HYPERBOLA, [120.0, 60.0], [0, 0], [3, 3], capacity=3, visits_today=[1, 1])
    assert plan.visits.tolist() == [2, 1]  # 60, 30, 20
    assert plan.fits and plan.cut.tolist() == [0, 0]
    assert plan.revenue_recommended.tolist() == pytest.approx([80.0, 30.0])
    assert plan.revenue_current.tolist() == pytest.approx([60.0, 30.0])
    assert plan.next_visit_value.tolist() == pytest.approx([10.0, 10.0])
    assert plan.marginal_value == pytest.approx(10.0)


def test_slack_capacity_gives_every_client_its_max_and_no_marginal_value() -> None:
    plan = allocate_rep(HYPERBOLA, [120.0, 60.0], [1, 0], [2, 3], capacity=40)
    assert plan.visits.tolist() == [2, 3]
    assert np.isnan(plan.next_visit_value).all()
    assert plan.marginal_value == 0.0


def test_minimums_that_do_not_fit_cut_the_cheapest_visits() -> None:
    # Minimum 3 each, capacity 4. Gains A (×120): 60, 20, 10; B (×90): 45, 15, 7.5.
    # Keep the four best (60, 45, 20, 15): A = 2, B = 2; each loses one visit.
    plan = allocate_rep(HYPERBOLA, [120.0, 90.0], [3, 3], [5, 5], capacity=4)
    assert not plan.fits
    assert plan.visits.tolist() == [2, 2]
    assert plan.cut.tolist() == [1, 1]


def test_fractional_norms_become_whole_visits_within_them() -> None:
    plan = allocate_rep(HYPERBOLA, [120.0, 60.0], [0.5, 0.0], [2.5, 0.4], capacity=10)
    assert plan.visits.tolist() == [2, 0]


def team_clients() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    n = 15
    return pd.DataFrame({
        "client_id": [f"K{i:02d}" for i in range(n)],
        "salesperson": rng.choice(["Ana", "Bruno", "Chloé"], n),
        "segment": rng.choice(["develop", "partners", "maintain"], n),
        "revenue": np.round(rng.lognormal(10, 1, n), 0),
        "potential": np.round(rng.lognormal(11, 1, n), 0),
        "visits_12m": rng.integers(0, 6, n).astype(float),
    })


NORMS = {"develop": (2, 3, 4), "partners": (1, 2, 3), "maintain": (0, 1, 2)}
JUDGEMENTS = {
    "develop": {"none": 0.6, "half": 0.7, "current": 1.0, "more_50": 1.4, "saturation": 2.0},
    "partners": {"none": 0.5, "half": 0.85, "current": 1.0, "more_50": 1.07, "saturation": 1.15},
    "maintain": {"none": 0.9, "half": 0.97, "current": 1.0, "more_50": 1.01, "saturation": 1.02},
}
CAPACITY = {"Ana": Capacity(1, 9), "Bruno": Capacity(0.5, 8), "Chloé": Capacity(2, 1.5)}


def test_team_allocation_is_each_reps_enumerated_optimum() -> None:
    clients = team_clients()
    clients.loc[clients.index[3], "visits_12m"] = np.nan
    shapes = fit_shapes(JUDGEMENTS)
    plan = allocate_team(clients, NORMS, CAPACITY, shapes)
    table = plan.clients
    assert table.index.equals(clients.index)
    assert table["client_id"].tolist() == clients["client_id"].tolist()

    def expected(row: pd.Series, x: int) -> float:
        s = shapes[row["segment"]]
        ref = row["visits_12m"] if row["visits_12m"] > 0 else NORMS[row["segment"]][1]
        d = s.d_unit * ref ** s.c
        return row["revenue"] * (s.r0 + (s.rmax - s.r0) * (x ** s.c / (d + x ** s.c) if x else 0.0))

    caps = {"Ana": 9, "Bruno": 4, "Chloé": 3}
    for rep, rows in clients.groupby("salesperson"):
        bounds = [(NORMS[s][0], NORMS[s][2]) for s in rows["segment"]]
        fits = sum(b[0] for b in bounds) <= caps[rep]
        if not fits:
            bounds = [(0, b[0]) for b in bounds]
        best = max(sum(expected(r, x) for (_, r), x in zip(rows.iterrows(), combo))
                   for combo in itertools.product(*[range(a, b + 1) for a, b in bounds])
                   if sum(combo) <= caps[rep])
        got = table.loc[rows.index]
        assert got["revenue_expected_recommended"].sum() == pytest.approx(best, rel=1e-9)
        assert got["visits_recommended"].sum() <= caps[rep]
        summary = plan.reps.set_index("salesperson").loc[rep]
        assert summary["capacity"] == caps[rep]
        assert bool(summary["fits"]) == fits
        assert summary["visits_recommended_total"] == got["visits_recommended"].sum()
        assert summary["visit_day_value"] == pytest.approx(
            summary["marginal_visit_value"] * CAPACITY[rep].visits_per_day)
        for (_, r), x, today in zip(rows.iterrows(), got["visits_recommended"], got["revenue_expected_current"]):
            visits_today = r["visits_12m"] if not np.isnan(r["visits_12m"]) else \
                (NORMS[r["segment"]][1])
            assert today == pytest.approx(expected(r, visits_today), rel=1e-12)


def test_team_cut_list_is_lowest_value_per_visit_first() -> None:
    clients = pd.DataFrame({
        "client_id": ["a", "b", "c"], "salesperson": ["Ana"] * 3, "segment": ["s"] * 3,
        "revenue": [120.0, 90.0, 1000.0], "visits_12m": [1.0, 1.0, 1.0],
    })
    # r(x) = x/(1+x) at reference 1: none 0, half (1/3)/(1/2), current 1, more_50 (3/5)/(1/2), sat 2
    judgements = {"s": {"none": 0.0, "half": 2 / 3, "current": 1.0, "more_50": 1.2, "saturation": 2.0}}
    plan = allocate_team(clients, {"s": (3, 3, 3)}, Capacity(1, 6), judgements)
    # Expected revenue revenue·2x/(1+x). Gains a: 120, 40, 20; b: 90, 30, 15; c: 1000, 333, 167.
    # Keep six: 1000, 333.3, 166.7, 120, 90, 40 → a 2, b 1, c 3.
    assert plan.clients["visits_recommended"].tolist() == [2, 1, 3]
    cuts = plan.cuts()
    # a loses its 3rd visit (20); b its 2nd and 3rd (30 + 15 = 45, 22.5 a visit): a goes first.
    assert cuts["client_id"].tolist() == ["a", "b"]
    assert cuts["visits_cut"].tolist() == [1, 2]
    assert cuts["revenue_lost"].tolist() == pytest.approx([20.0, 45.0])
    assert cuts["revenue_lost_per_visit"].tolist() == pytest.approx([20.0, 22.5])
    assert plan.reps["visits_cut_total"].tolist() == [3]


def test_unknown_segment_and_missing_capacity_are_named() -> None:
    clients = team_clients()
    clients.loc[clients.index[0], "segment"] = "prospect"
    with pytest.raises(ValueError, match="prospect"):
        allocate_team(clients, NORMS, CAPACITY, JUDGEMENTS)
    with pytest.raises(ValueError, match="Chloé"):
        allocate_team(team_clients(), NORMS, {"Ana": Capacity(1, 9), "Bruno": Capacity(1, 9)}, JUDGEMENTS)
    with pytest.raises(ValueError, match="missing column"):
        allocate_team(team_clients().drop(columns="revenue"), NORMS, CAPACITY, JUDGEMENTS)


def test_the_norms_file_objects_are_accepted_as_they_are() -> None:
    from portfolio.norms.model import Response, VisitNorm

    clients = team_clients()
    norms = {s: VisitNorm(a, b, c) for s, (a, b, c) in NORMS.items()}
    judgements = {s: Response(**j) for s, j in JUDGEMENTS.items()}
    by_objects = allocate_team(clients, norms, Capacity(1, 9), judgements)
    by_values = allocate_team(clients, NORMS, Capacity(1, 9), JUDGEMENTS)
    pd.testing.assert_frame_equal(by_objects.clients, by_values.clients)
    assert (by_objects.reps["capacity"] == 9).all()
