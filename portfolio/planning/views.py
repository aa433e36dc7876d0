"""One rep's view of a team plan: their clients, priorities, totals by segment, effort range."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from portfolio.planning.inputs import PlanInputs
from portfolio.planning.plan import VisitPlan
from portfolio.visits import allocate_team, reference_visits

# Revenue is flat within about ±25 % of the best effort (Sinha & Zoltners 2001): the plan is
# shown with what 25 % fewer or more field days would give, so that it reads as a range.
EFFORT_SPREAD = 0.25


@dataclass(frozen=True)
class RepPlan:
    """A rep's part of a plan. `summary` is the rep's row of `VisitPlan.reps`; `clients` are
    in the grid's segment order, largest revenue first; `priorities` carry the client's name,
    visits today and recommended."""

    salesperson: str
    summary: pd.Series
    clients: pd.DataFrame
    priorities: pd.DataFrame
    gives: pd.DataFrame
    cuts: pd.DataFrame


def rep_plan(plan: VisitPlan, salesperson: str, segments: list[str]) -> RepPlan:
    """The part of `plan` that concerns `salesperson` (KeyError if they have no planned client)."""
    summary = plan.reps.set_index("salesperson").loc[salesperson]
    mine = plan.clients[plan.clients["salesperson"] == salesperson].copy()
    mine["_order"] = pd.Categorical(mine["segment"], categories=segments).codes
    mine = mine.sort_values(["_order", "revenue", "client_id"], ascending=[True, False, True],
                            kind="stable").drop(columns="_order").reset_index(drop=True)
    priorities = plan.priorities[plan.priorities["salesperson"] == salesperson]
    details = mine.set_index("client_id")[["client_name", "visits_12m", "visits_recommended",
                                           "norm_interval_days", "urgency_ratio"]]
    priorities = priorities.join(details, on="client_id").reset_index(drop=True)
    gives = plan.gives[plan.gives["salesperson"] == salesperson].join(
        details[["client_name"]], on="client_id").reset_index(drop=True)
    cuts = plan.cuts[plan.cuts["salesperson"] == salesperson].join(
        details[["client_name"]], on="client_id").reset_index(drop=True)
    return RepPlan(salesperson, summary, mine, priorities, gives, cuts)


def segment_visits(clients: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """Per segment (grid order, empty ones included): clients, visits today, at the norms
    (the workload), in the norm plan and recommended, expected revenue today and recommended.
    Visits today stay empty when none of `clients` has a visit count (unknown, not 0)."""
    grouped = clients.groupby("segment", sort=False).agg(
        clients=("client_id", "size"), visits_today=("visits_12m", lambda s: s.sum(min_count=1)),
        visits_norm=("visits_norm", "sum"), visits_norm_plan=("visits_norm_plan", "sum"),
        visits_recommended=("visits_recommended", "sum"),
        revenue_expected_current=("revenue_expected_current", lambda s: s.sum(min_count=1)),
        revenue_expected_recommended=("revenue_expected_recommended", lambda s: s.sum(min_count=1)))
    table = grouped.reindex(segments)
    counts = ["clients", "visits_norm", "visits_norm_plan", "visits_recommended"]
    if clients["visits_12m"].notna().any():  # some counts known: the others count as none
        counts.append("visits_today")
    table[counts] = table[counts].fillna(0)
    return table.rename_axis("segment").reset_index()


@dataclass(frozen=True)
class EffortRange:
    """Expected revenue and value of a visit-day with fewer, the same, and more field days."""

    factors: tuple[float, float, float]
    capacity: tuple[int, int, int]
    revenue: tuple[float, float, float]
    visit_day_value: tuple[float, float, float]


def effort_range(plan: VisitPlan, inputs: PlanInputs, rep: RepPlan,
                 spread: float = EFFORT_SPREAD) -> EffortRange | None:
    """The rep's plan re-solved with (1 − spread) and (1 + spread) times the field days.

    None without response curves (nothing to value), and for a rep with a capacity surplus
    (capacity is not the limit: more or fewer days change nothing). The middle values are
    the plan's own.
    """
    if not plan.uses_curves or rep.clients.empty or bool(rep.summary.get("capacity_surplus", False)):
        return None
    factors = (1.0 - spread, 1.0, 1.0 + spread)
    results = []
    for factor in factors:
        if factor == 1.0:
            results.append(rep.summary)
            continue
        scaled = inputs.with_field_days(factor)
        results.append(allocate_team(rep.clients, scaled.norms, scaled.capacity, plan.shapes).reps.iloc[0])
    return EffortRange(
        factors,
        tuple(int(r["capacity"]) for r in results),  # type: ignore[arg-type]
        tuple(float(r["revenue_expected_recommended"]) for r in results),  # type: ignore[arg-type]
        tuple(float(r["visit_day_value"]) for r in results))  # type: ignore[arg-type]


def typical_clients(clients: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """Per segment with clients: the median client's visits today (the norm where unknown),
    its median recommended visits, and the segment's max — what the response chart marks."""
    reference = reference_visits(clients["visits_12m"].to_numpy(dtype=float),
                                 clients["visits_norm"].to_numpy(dtype=float))
    frame = pd.DataFrame({"segment": clients["segment"].to_numpy(), "reference": reference,
                          "recommended": clients["visits_recommended"].to_numpy(dtype=float),
                          "visits_max": clients["visits_max"].to_numpy(dtype=float)})
    table = frame.groupby("segment", sort=False).median()
    table["visits_max"] = frame.groupby("segment", sort=False)["visits_max"].max()
    present = [s for s in segments if s in table.index]
    return table.loc[present].rename_axis("segment").reset_index().assign(
        reference=lambda t: np.round(t["reference"], 1))
