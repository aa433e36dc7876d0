"""What the Visit plan page reads: the team's plan and one rep's view of it.

The team's plan is the heavy part (every visible client). Its base (norms, what gives,
urgency, priorities) does not depend on the judgements, so trying judgements only re-runs
the allocation. Both are kept as shared resources, not copied on every read.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from portfolio.planning import (EffortRange, PlanInputs, RepPlan, VisitPlan, allocate_plan,
                                effort_range, plan_date, rep_plan, segment_visits, typical_clients,
                                view_plan_base)
from portfolio.ui.shared.cache import cached, kept
from portfolio.view import PortfolioView


default_date = cached(plan_date, max_entries=32)
_team_base = kept(view_plan_base, max_entries=4)


def _team_plan_of(view: PortfolioView, inputs: PlanInputs, date: pd.Timestamp) -> VisitPlan:
    # The base is asked for without judgements, so that its cache key ignores them.
    return allocate_plan(_team_base(view, inputs.with_judgements(None), date), inputs)


team_plan = kept(_team_plan_of, max_entries=8)


@dataclass(frozen=True)
class RepView:
    """What the page draws for one rep."""

    plan: RepPlan
    segments: pd.DataFrame
    typical: pd.DataFrame
    effort: EffortRange | None
    shapes: dict
    uses_curves: bool
    unplaced: int  # visible clients without a segment, left out of every plan


def _rep_view_of(view: PortfolioView, inputs: PlanInputs, date: pd.Timestamp, rep: str) -> RepView:
    plan = team_plan(view, inputs, date)
    segments = [s.id for s in view.grid.segments]
    mine = rep_plan(plan, rep, segments)
    return RepView(mine, segment_visits(mine.clients, segments), typical_clients(mine.clients, segments),
                   effort_range(plan, inputs, mine), plan.shapes, plan.uses_curves, plan.unplaced)


rep_view = cached(_rep_view_of, max_entries=64)


def _team_table_of(view: PortfolioView, inputs: PlanInputs, date: pd.Timestamp) -> pd.DataFrame:
    return team_plan(view, inputs, date).reps


team_plan_reps = cached(_team_table_of, max_entries=16)
