"""Allocation against exhaustive enumeration on many small random instances."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from portfolio.visits import CurveArrays, allocate_rep, solve

SEEDS = range(300)


def value(x: np.ndarray, r0, rmax, c, d, scale) -> np.ndarray:
    """Expected revenue scale·(r0 + (rmax − r0)·xᶜ/(d + xᶜ)), written out for the test."""
    x = np.asarray(x, dtype=float)
    share = np.where(x > 0, x ** c / (d + np.where(x > 0, x, 1.0) ** c), 0.0)
    return scale * (r0 + (rmax - r0) * share)


def all_allocations(bounds: list[tuple[int, int]]) -> np.ndarray:
    return np.array(list(itertools.product(*[range(a, b + 1) for a, b in bounds])), dtype=int)


def random_instance(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 7))
    kind = ("concave", "s_shaped", "mixed")[seed % 3]
    concave = {"concave": np.ones(n, bool), "s_shaped": np.zeros(n, bool),
               "mixed": rng.random(n) < 0.5}[kind]
    c = np.where(concave, rng.uniform(0.25, 1.0, n), rng.uniform(1.3, 7.0, n))
    d = rng.uniform(0.5, 4.0, n) ** c * rng.uniform(0.5, 3.0, n)
    r0 = rng.uniform(0.0, 1.0, n)
    rmax = r0 + rng.uniform(0.1, 3.0, n)
    scale = np.round(rng.lognormal(9, 1, n), 2)
    lo = rng.integers(0, 4, n)
    hi = np.array([rng.integers(a, 7) for a in lo])
    tightness = seed % 4  # 0: below the minimums, 1–2: between, 3: loose
    if tightness == 0 and lo.sum() > 0:
        capacity = int(rng.integers(0, lo.sum()))
    elif tightness == 3:
        capacity = int(hi.sum() + rng.integers(0, 3))
    else:
        capacity = int(rng.integers(lo.sum(), hi.sum() + 1))
    return CurveArrays(r0, rmax, c, d), scale, lo, hi, capacity, (r0, rmax, c, d, scale)


@pytest.mark.parametrize("seed", SEEDS)
def test_allocation_reaches_the_enumerated_optimum(seed: int) -> None:
    curves, scale, lo, hi, capacity, params = random_instance(seed)
    plan = allocate_rep(curves, scale, lo, hi, capacity)
    x = plan.visits
    fits = lo.sum() <= capacity
    assert plan.fits == fits
    assert x.sum() <= capacity
    if fits:
        assert (x >= lo).all() and (x <= hi).all()
        bounds = list(zip(lo, hi))
    else:
        # norms that do not fit: nobody above its minimum, the shortfall reported as cuts
        assert (x >= 0).all() and (x <= lo).all()
        assert plan.cut.tolist() == (lo - x).tolist()
        bounds = [(0, int(a)) for a in lo]
    combos = all_allocations(bounds)
    combos = combos[combos.sum(axis=1) <= capacity]
    per_client = value(combos, *[p[None, :] for p in params])
    optimum = per_client.sum(axis=1).max()
    achieved = value(x, *params).sum()
    assert achieved == pytest.approx(optimum, rel=1e-9)
    assert plan.revenue_recommended.sum() == pytest.approx(achieved, rel=1e-12)


def test_s_shaped_instances_do_exercise_the_exact_repair() -> None:
    repaired = 0
    for seed in SEEDS:
        curves, scale, lo, hi, capacity, _ = random_instance(seed)
        if lo.sum() > capacity:
            continue
        width = hi - lo
        grid = lo[:, None] + np.arange(width.max() + 1)[None, :]
        table = scale[:, None] * curves(np.minimum(grid, hi[:, None]))
        repaired += int(solve(table, width, np.zeros(len(lo), int), np.array([capacity - lo.sum()])).repaired[0])
    assert repaired >= 10


@pytest.mark.parametrize("seed", range(200))
def test_solver_is_exact_on_arbitrary_value_tables(seed: int) -> None:
    # Shapes outside the curve family (bumps, dips, plateaus), two groups solved at once.
    rng = np.random.default_rng(10_000 + seed)
    n = int(rng.integers(2, 9))
    table = np.round(rng.normal(size=(n, 6)).cumsum(axis=1) * 10, 1)  # ties happen on purpose
    width = rng.integers(0, 6, n)
    group = rng.integers(0, 2, n)
    budget = rng.integers(0, 12, 2)
    steps = solve(table, width, group, budget).steps
    assert (steps >= 0).all() and (steps <= width).all()
    for g in range(2):
        members = np.flatnonzero(group == g)
        assert steps[members].sum() <= budget[g]
        best = max((sum(table[i, k] for i, k in zip(members, combo))
                    for combo in itertools.product(*[range(width[i] + 1) for i in members])
                    if sum(combo) <= budget[g]), default=0.0)
        assert table[members, steps[members]].sum() == pytest.approx(best, rel=1e-9, abs=1e-9)


def test_greedy_one_visit_at_a_time_would_miss_this_s_shaped_optimum() -> None:
    # S pays off only at its third visit; C is concave. One visit at a time goes to C three
    # times (10 + 5 + 3 = 18); giving all three to S is worth 30.
    table = np.array([[0.0, 1.0, 2.0, 30.0], [0.0, 10.0, 15.0, 18.0]])
    steps = solve(table, np.array([3, 3]), np.array([0, 0]), np.array([3])).steps
    assert steps.tolist() == [3, 0]


CONCAVE_FITTING = [s for s in range(0, 300, 3) if random_instance(s)[2].sum() <= random_instance(s)[4]]


def test_enough_concave_instances_fit_their_minimums() -> None:
    assert len(CONCAVE_FITTING) >= 60


@pytest.mark.parametrize("seed", CONCAVE_FITTING)
def test_marginal_value_is_what_one_more_visit_of_capacity_adds(seed: int) -> None:
    curves, scale, lo, hi, capacity, params = random_instance(seed)

    def optimum(cap: int) -> float:
        combos = all_allocations(list(zip(lo, hi)))
        combos = combos[combos.sum(axis=1) <= cap]
        return value(combos, *[p[None, :] for p in params]).sum(axis=1).max()

    plan = allocate_rep(curves, scale, lo, hi, capacity)
    assert plan.marginal_value == pytest.approx(optimum(capacity + 1) - optimum(capacity), rel=1e-9, abs=1e-9)
