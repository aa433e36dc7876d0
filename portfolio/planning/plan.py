"""A team's visit plan: norms against capacity, what gives, allocation by marginal return, urgency."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from portfolio.grid.model import Grid
from portfolio.planning.inputs import PlanInputs
from portfolio.structure.roles import develop_segments, partner_segments
from portfolio.visits import (CurveArrays, CurveShape, allocate_team, client_curves, client_norms,
                              fit_shapes, priority_visits, reference_visits, urgency, what_gives,
                              whole_visit_bounds, workload)
from portfolio.visits.params import segment_codes


@dataclass(frozen=True)
class PlanRoles:
    """Which segment holds the priority visits, and the order in which segments keep their
    visits when the norms do not fit (first = kept longest)."""

    develop: str
    priority: tuple[str, ...]


def plan_roles(grid: Grid) -> PlanRoles:
    """Roles read from the grid's cells: competitors' strongholds first (priority visits), partners
    next, then the other segments by attractiveness band, then QRC band, highest first (for the
    shipped grid: develop, partners, maintain, minimal)."""
    develop = develop_segments(grid)
    first = [*develop, *(s for s in partner_segments(grid) if s not in develop)]
    rest = sorted((s for s in grid.segments if s.id not in first),
                  key=lambda s: (-s.cell["attractiveness"], -s.cell["qrc"]))
    return PlanRoles(develop[0] if develop else grid.segments[0].id,
                     tuple(first + [s.id for s in rest]))


@dataclass(frozen=True)
class VisitPlan:
    """The plan of every rep in `reps`, one row per client in `clients` (money in €).

    clients: identity, segment, revenue, potential, headroom, visits_12m, last_visit; the
    segment's visits_min / visits_norm / visits_max; visits_norm_plan (the norm, less what
    gives when the norms do not fit); visits_recommended and visits_cut (by marginal return,
    or the norm plan without judgements or for a rep with a capacity surplus); expected
    revenue at today's visits (placed on the norm where unknown), at the norm plan and at
    the recommended visits; next_visit_value; urgency (days_since_visit,
    norm_interval_days, urgency_ratio, urgency).
    reps: clients, capacity, visits_per_day, workload, workload_max (every client at its
    max), utilisation, fits (norms fit), capacity_surplus (see `portfolio.visits.surplus`),
    visits_free (capacity less the visits recommended), minimums_fit, visit totals (today —
    empty when no client of the rep has a visit count, see visits_known — norm plan,
    recommended, cut), revenue and expected revenue totals, marginal_visit_value and visit_day_value; `revenue_today`, the file's
    revenue of all the rep's clients (those left unplaced included, as every other page
    counts it), `expected_gain` (expected revenue at the recommended visits less at
    today's, both modelled), `expected_gain_share` (that gain ÷ revenue_today) and
    `revenue_planned` (revenue_today + expected_gain): a plan's gain is stated against
    the revenue the rep really makes, never against a modelled one.
    gives: what_gives rows (clients losing visits when the norms do not fit, lowest value
    first). cuts: clients planned below their minimum. priorities: ranked priority visits.
    """

    clients: pd.DataFrame
    reps: pd.DataFrame
    gives: pd.DataFrame
    cuts: pd.DataFrame
    priorities: pd.DataFrame
    reference_date: pd.Timestamp
    shapes: dict[str, CurveShape] = field(default_factory=dict)
    unplaced: int = 0

    @property
    def uses_curves(self) -> bool:
        return bool(self.shapes)


@dataclass(frozen=True)
class PlanBase:
    """The part of a plan the response judgements do not change: each client's norms, the
    norm plan (what gives), urgency, and the priority visits. Columns as in `VisitPlan`."""

    clients: pd.DataFrame
    gives: pd.DataFrame
    priorities: pd.DataFrame
    reference_date: pd.Timestamp
    unplaced: int = 0  # clients the grid could not place in a segment: not planned
    # The file's revenue per rep over every client of the view (index salesperson);
    # None when the plan is made from a bare table of clients (tests): their revenue then.
    revenue_today: pd.Series | None = None


def plan_base(clients: pd.DataFrame, inputs: PlanInputs, reference_date: str | dt.date | pd.Timestamp,
              roles: PlanRoles) -> PlanBase:
    """Norms, what gives, urgency and priorities for every client of `clients` (columns as
    `plan_clients` gives them); the judgements in `inputs` are not read."""
    norms = inputs.norms
    date = pd.Timestamp(reference_date).normalize()
    source = clients.reset_index(drop=True)
    v_min, v_norm, v_max = client_norms(source["segment"], norms)
    lo, hi = whole_visit_bounds(v_min, v_max)
    table = source[["client_id", "client_name", "salesperson", "segment", "revenue", "potential",
                    "visits_12m", "last_visit"]].copy()
    table["headroom"] = np.maximum(source["potential"].to_numpy(dtype=float)
                                   - source["revenue"].to_numpy(dtype=float), 0.0)
    table["visits_min"], table["visits_norm"], table["visits_max"] = lo, v_norm, hi
    gives = what_gives(source, norms, inputs.capacity, roles.priority)
    table["visits_norm_plan"] = v_norm - _lost(source, gives)
    state = urgency(source, norms, date)
    for column in ("days_since_visit", "norm_interval_days", "urgency_ratio", "urgency"):
        table[column] = state[column].to_numpy()
    priorities = priority_visits(source, norms, date, develop=roles.develop)
    return PlanBase(table, gives, priorities, date, int(clients.attrs.get("unscored", 0)))


def allocate_plan(base: PlanBase, inputs: PlanInputs) -> VisitPlan:
    """The plan over `base`: with judgements, visits go by marginal return (CALLPLAN) within
    each segment's min–max and the rep's capacity; without, each client keeps the norm plan.
    A rep whose capacity is far beyond the workload (`capacity_surplus`) keeps the norm plan
    either way: filling that capacity would only send every client to its maximum."""
    table = base.clients.copy()
    lo = table["visits_min"].to_numpy(dtype=float)
    load = workload(table, inputs.norms, inputs.capacity).set_index("salesperson")
    surplus = table["salesperson"].map(load["capacity_surplus"]).fillna(False).to_numpy(dtype=bool)
    shapes = fit_shapes(inputs.responses) if inputs.has_curves else {}
    if shapes:
        allocation = allocate_team(table, inputs.norms, inputs.capacity, shapes)
        solved = allocation.clients
        for column in ("visits_recommended", "visits_cut", "revenue_expected_current",
                       "revenue_expected_recommended", "next_visit_value"):
            table[column] = solved[column].to_numpy()
        curves = _curves(table, shapes)
        revenue = table["revenue"].to_numpy(dtype=float)
        norm_plan = table["visits_norm_plan"].to_numpy(dtype=float)
        table["revenue_expected_norms"] = revenue * curves(norm_plan)
        if surplus.any():
            _norms_where(table, surplus, revenue * (curves(norm_plan + 1) - curves(norm_plan)))
        cuts = allocation.cuts()
        rep_extra = allocation.reps.set_index("salesperson")
        # Capacity is not what limits a surplus rep: a visit-day more is worth nothing.
        held = rep_extra.index.map(load["capacity_surplus"]).to_numpy(dtype=bool)
        rep_extra.loc[held, ["marginal_visit_value", "visit_day_value"]] = 0.0
    else:
        table["visits_recommended"] = table["visits_norm_plan"]
        table["visits_cut"] = np.maximum(lo - table["visits_norm_plan"].to_numpy(dtype=float), 0.0)
        for column in ("revenue_expected_current", "revenue_expected_recommended",
                       "revenue_expected_norms", "next_visit_value"):
            table[column] = np.nan
        cuts = table.loc[table["visits_cut"] > 0, ["salesperson", "client_id", "segment",
                                                   "visits_min", "visits_recommended", "visits_cut"]]
        rep_extra = None
    return VisitPlan(table, _rep_table(table, inputs, load, rep_extra, base.revenue_today), base.gives,
                     cuts.reset_index(drop=True), base.priorities, base.reference_date, shapes,
                     base.unplaced)


def _norms_where(table: pd.DataFrame, rows: np.ndarray, next_value: np.ndarray) -> None:
    """Put the clients at `rows` back on the norm plan, valued on their curves. Their
    minimums always fit (they are below the maximums), so nothing is cut."""
    at_max = table["visits_norm_plan"].to_numpy(dtype=float) + 1 > table["visits_max"].to_numpy(dtype=float)
    table.loc[rows, "visits_recommended"] = table.loc[rows, "visits_norm_plan"]
    table.loc[rows, "visits_cut"] = 0.0
    table.loc[rows, "revenue_expected_recommended"] = table.loc[rows, "revenue_expected_norms"]
    table.loc[rows, "next_visit_value"] = np.where(at_max, np.nan, next_value)[rows]


def make_plan(clients: pd.DataFrame, inputs: PlanInputs, reference_date: str | dt.date | pd.Timestamp,
              roles: PlanRoles) -> VisitPlan:
    """Plan every rep of `clients` (columns as `plan_clients` gives them) under `inputs`."""
    return allocate_plan(plan_base(clients, inputs, reference_date, roles), inputs)


def _lost(clients: pd.DataFrame, gives: pd.DataFrame) -> np.ndarray:
    """Visits each client loses under `what_gives` (0 for those it does not list)."""
    key = pd.MultiIndex.from_arrays([clients["salesperson"], clients["client_id"]])
    lost = pd.Series(gives["visits_lost"].to_numpy(),
                     index=pd.MultiIndex.from_arrays([gives["salesperson"], gives["client_id"]]))
    return lost.reindex(key).fillna(0.0).to_numpy(dtype=float)


def _curves(table: pd.DataFrame, shapes: dict[str, CurveShape]) -> CurveArrays:
    """Each client's response curve, placed on its visits today (the norm where unknown or 0),
    as the allocation places it."""
    codes = segment_codes(table["segment"], list(shapes), "response curve")
    today = pd.to_numeric(table["visits_12m"], errors="coerce").to_numpy(dtype=float)
    return client_curves(list(shapes.values()), codes,
                         reference_visits(today, table["visits_norm"].to_numpy(dtype=float)))


def _rep_table(table: pd.DataFrame, inputs: PlanInputs, load: pd.DataFrame,
               allocated: pd.DataFrame | None, revenue_today: pd.Series | None) -> pd.DataFrame:
    """Per rep: workload against capacity, visit totals and expected revenue totals."""
    sums = table.groupby("salesperson", sort=True).agg(
        # No visit count for any of the rep's clients: today's visits are unknown, not 0.
        visits_today=("visits_12m", lambda s: s.sum(min_count=1)),
        visits_known=("visits_12m", lambda s: bool(s.notna().any())),
        visits_norm_plan=("visits_norm_plan", "sum"),
        visits_recommended=("visits_recommended", "sum"), visits_cut=("visits_cut", "sum"),
        revenue=("revenue", "sum"),
        revenue_expected_current=("revenue_expected_current", lambda s: s.sum(min_count=1)),
        revenue_expected_norms=("revenue_expected_norms", lambda s: s.sum(min_count=1)),
        revenue_expected_recommended=("revenue_expected_recommended", lambda s: s.sum(min_count=1)))
    reps = load.join(sums)
    reps["visits_known"] = reps["visits_known"].astype(bool)
    reps["visits_free"] = np.maximum(reps["capacity"] - reps["visits_recommended"], 0.0)
    reps["visits_per_day"] = float(inputs.capacity.visits_per_day)
    if allocated is not None:
        reps["minimums_fit"] = allocated["fits"]
        reps["marginal_visit_value"] = allocated["marginal_visit_value"]
        reps["visit_day_value"] = allocated["visit_day_value"]
    else:
        reps["minimums_fit"] = reps["workload_min"] <= reps["capacity"]
        reps["marginal_visit_value"] = np.nan
        reps["visit_day_value"] = np.nan
    today = reps["revenue"] if revenue_today is None else revenue_today.reindex(reps.index)
    reps["revenue_today"] = today.fillna(reps["revenue"]).astype(float)
    reps["expected_gain"] = reps["revenue_expected_recommended"] - reps["revenue_expected_current"]
    reps["expected_gain_share"] = reps["expected_gain"] / reps["revenue_today"].where(
        reps["revenue_today"] > 0)
    reps["revenue_planned"] = reps["revenue_today"] + reps["expected_gain"]
    return reps.reset_index()
