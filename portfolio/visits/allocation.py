"""Visits allocated by marginal return (CALLPLAN): per rep, within the norms, up to capacity."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Mapping, Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from portfolio.visits.curves import CurveArrays, CurveShape, Judgements, client_curves, \
    fit_shape, reference_visits
from portfolio.visits.params import Capacity, VisitNorm, client_norms, rep_capacities, segment_codes
from portfolio.visits.solver import solve

_GUARD = 1e-9  # fractional norms: min rounds up, max rounds down, to whole visits


@dataclass(frozen=True)
class RepAllocation:
    """One rep's plan. Arrays follow the clients' order; money is in the scale's unit (€)."""

    visits: np.ndarray  # recommended visits a year
    revenue_current: np.ndarray  # expected at today's visits (NaN where not given)
    revenue_recommended: np.ndarray  # expected at the recommended visits
    next_visit_value: np.ndarray  # expected revenue one more visit would add (NaN at the max)
    cut: np.ndarray  # visits below the client's minimum (only when the minimums do not fit)
    capacity: int
    fits: bool  # the minimums fit in the capacity
    marginal_value: float  # best single extra visit at the optimum (0 when capacity is slack)


@dataclass(frozen=True)
class TeamAllocation:
    """Every rep's plan: one row per client (input order) and one row per rep."""

    clients: pd.DataFrame
    reps: pd.DataFrame

    def cuts(self) -> pd.DataFrame:
        """Clients planned below their minimum, per rep, the least valuable visits first.

        Value of a cut visit = expected revenue lost ÷ visits cut, both read on the client's
        curve: the allocation removes first the visits that cost least.
        """
        c = self.clients
        lost = c["revenue_expected_at_min"] - c["revenue_expected_recommended"]
        table = c.loc[c["visits_cut"] > 0, ["salesperson", "client_id", "segment", "visits_min",
                                            "visits_recommended", "visits_cut"]].copy()
        table["revenue_lost"] = lost[table.index]
        table["revenue_lost_per_visit"] = table["revenue_lost"] / table["visits_cut"]
        return table.sort_values(["salesperson", "revenue_lost_per_visit", "client_id"],
                                 kind="stable").reset_index(drop=True)


def whole_visit_bounds(visits_min: ArrayLike, visits_max: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Integer bounds: min rounded up, max rounded down (never below the min)."""
    lo = np.ceil(np.asarray(visits_min, dtype=float) - _GUARD).astype(np.int64)
    hi = np.floor(np.asarray(visits_max, dtype=float) + _GUARD).astype(np.int64)
    return lo, np.maximum(hi, lo)


def allocate_rep(curves: CurveArrays, scale: ArrayLike, visits_min: ArrayLike, visits_max: ArrayLike,
                 capacity: int, visits_today: ArrayLike | None = None) -> RepAllocation:
    """Maximise Σ scale_i · r_i(x_i) over whole visits x_i in [min_i, max_i], Σ x_i ≤ capacity.

    When the minimums exceed the capacity nobody is stretched: the plan keeps every client
    at or below its minimum and drops the visits whose loss costs least (see `cut`).
    """
    n = len(curves)
    plan = _allocate(curves, np.asarray(scale, dtype=float), *whole_visit_bounds(visits_min, visits_max),
                     np.zeros(n, dtype=np.intp), np.array([int(capacity)], dtype=np.int64),
                     None if visits_today is None else np.asarray(visits_today, dtype=float))
    return RepAllocation(plan["visits"], plan["current"], plan["recommended"], plan["next_value"],
                         plan["cut"], int(capacity), bool(plan["fits"][0]),
                         float(plan["marginal"][0]))


def _allocate(curves: CurveArrays, scale: np.ndarray, lo: np.ndarray, hi: np.ndarray,
              group: np.ndarray, capacity: np.ndarray, visits_today: np.ndarray | None
              ) -> dict[str, np.ndarray]:
    """Shared core: every group (rep) solved independently, vectorised across clients."""
    if np.any(~np.isfinite(scale)) or np.any(scale < 0):
        bad = np.flatnonzero(~np.isfinite(scale) | (scale < 0))[:5]
        raise ValueError(f"scale: expected revenue (or potential) ≥ 0 for every client, got "
                         f"{scale[bad].tolist()} at positions {bad.tolist()}")
    groups = len(capacity)
    min_total = np.bincount(group, lo, minlength=groups).astype(np.int64)
    fits = min_total <= capacity
    # Where the minimums do not fit, the plan is searched below them: [0, min].
    short = ~fits[group]
    low = np.where(short, 0, lo)
    high = np.where(short, lo, hi)
    width = high - low
    budget = np.maximum(capacity - np.bincount(group, low, minlength=groups).astype(np.int64), 0)

    k_cols = int(width.max(initial=0)) + 1
    grid = low[:, None] + np.arange(k_cols)[None, :]
    table = scale[:, None] * curves(np.minimum(grid, high[:, None]))
    steps = solve(table, width, group, budget).steps

    visits = low + steps
    rows = np.arange(len(visits))
    recommended = table[rows, steps]
    # Below its bound, a client's next visit count is still inside the table.
    next_value = np.where(visits < high, table[rows, np.minimum(steps + 1, k_cols - 1)] - recommended, np.nan)
    best_next = np.full(groups, -np.inf)
    np.maximum.at(best_next, group, np.where(np.isnan(next_value), -np.inf, next_value))
    if visits_today is None:
        current = np.full(len(scale), np.nan)
    else:
        known = np.isfinite(visits_today)
        current = np.where(known, scale * curves(np.where(known, visits_today, 0.0)), np.nan)
    return {"visits": visits, "recommended": recommended, "current": current,
            "next_value": next_value, "cut": lo - np.minimum(visits, lo),
            "at_min": table[rows, lo - low], "fits": fits, "min_total": min_total,
            "marginal": np.maximum(best_next, 0.0)}


Reference = Literal["visits_12m", "norm"]


def allocate_team(clients: pd.DataFrame, norms: Mapping[str, Sequence[float] | VisitNorm],
                  capacity: Capacity | Mapping[str, Capacity],
                  curves: Mapping[str, CurveShape | Judgements | Mapping[str, float]], *,
                  scale: Literal["revenue", "potential"] = "revenue",
                  reference: Reference = "visits_12m") -> TeamAllocation:
    """Allocate every rep's visits independently over a client table.

    clients: columns client_id, salesperson, segment, the `scale` column and, when present,
    visits_12m. norms: {segment: (min, norm, max)}. curves: {segment: fitted shape or
    judgements}. reference: the visits the judgements were made about — the client's
    visits_12m (the segment norm where that is 0 or missing), or the segment norm.
    """
    needed = ["client_id", "salesperson", "segment", scale]
    missing = [c for c in needed if c not in clients.columns]
    if missing:
        raise ValueError(f"clients: missing column(s) {', '.join(missing)}; expected {', '.join(needed)}")
    if reference not in ("visits_12m", "norm"):
        raise ValueError(f"reference: expected 'visits_12m' or 'norm', got {reference!r}")
    shapes = {str(s): v if isinstance(v, CurveShape) else fit_shape(Judgements.read(v, f"response.{s}"))
              for s, v in curves.items()}
    segments = clients["segment"]
    v_min, v_norm, v_max = client_norms(segments, norms)
    codes = segment_codes(segments, list(shapes), "response curve")

    today = (pd.to_numeric(clients["visits_12m"], errors="coerce").to_numpy(dtype=float)
             if "visits_12m" in clients.columns else np.full(len(clients), np.nan))
    ref = reference_visits(today, v_norm) if reference == "visits_12m" else v_norm
    client_curve = client_curves(list(shapes.values()), codes, ref)

    rep_codes, reps = pd.factorize(clients["salesperson"], sort=True)
    if (rep_codes < 0).any():
        raise ValueError("column 'salesperson': some clients have no rep; assign them first")
    cap_int, _, per_day = rep_capacities(list(reps), capacity)
    lo, hi = whole_visit_bounds(v_min, v_max)
    money = pd.to_numeric(clients[scale], errors="coerce").to_numpy(dtype=float)
    # Unknown visits today: the judgements were made about the reference, which stands in.
    plan = _allocate(client_curve, money, lo, hi, rep_codes.astype(np.intp), cap_int,
                     np.where(np.isfinite(today), today, ref))

    table = pd.DataFrame({
        "client_id": clients["client_id"].to_numpy(),
        "salesperson": clients["salesperson"].to_numpy(),
        "segment": segments.to_numpy(),
        "visits_12m": today,
        "visits_min": lo,
        "visits_max": hi,
        "reference_visits": ref,
        "visits_recommended": plan["visits"],
        "visits_cut": plan["cut"],
        "revenue_expected_current": plan["current"],
        "revenue_expected_recommended": plan["recommended"],
        "revenue_expected_at_min": plan["at_min"],
        "next_visit_value": plan["next_value"],
    }, index=clients.index)
    n_reps = len(reps)
    per_rep = {name: np.bincount(rep_codes, table[name].to_numpy(dtype=float), minlength=n_reps)
               for name in ("visits_recommended", "visits_cut", "revenue_expected_current",
                            "revenue_expected_recommended")}
    rep_table = pd.DataFrame({
        "salesperson": np.asarray(reps),
        "clients": np.bincount(rep_codes, minlength=n_reps),
        "capacity": cap_int,
        "visits_min_total": plan["min_total"],
        "fits": plan["fits"],
        "visits_recommended_total": per_rep["visits_recommended"].astype(np.int64),
        "visits_cut_total": per_rep["visits_cut"].astype(np.int64),
        "revenue_expected_current": per_rep["revenue_expected_current"],
        "revenue_expected_recommended": per_rep["revenue_expected_recommended"],
        "marginal_visit_value": plan["marginal"],
        "visit_day_value": plan["marginal"] * per_day,
    })
    return TeamAllocation(table, rep_table)
