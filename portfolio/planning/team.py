"""The visit plan of the portfolio being looked at: its clients, norms and judgements."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from portfolio.planning.clients import latest_visit, plan_clients
from portfolio.planning.inputs import PlanInputs
from portfolio.planning.plan import PlanBase, VisitPlan, allocate_plan, plan_base, plan_roles
from portfolio.view import PortfolioView


def view_plan_base(view: PortfolioView, inputs: PlanInputs,
                   reference_date: str | pd.Timestamp) -> PlanBase:
    """Norms, what gives, urgency and priorities for every client of `view` with a segment,
    with each rep's revenue today over all their clients (see `VisitPlan`)."""
    base = plan_base(plan_clients(view), inputs, reference_date, plan_roles(view.grid))
    return replace(base, revenue_today=rep_revenue(view))


def view_plan(view: PortfolioView, inputs: PlanInputs,
              reference_date: str | pd.Timestamp | None = None) -> VisitPlan:
    """The plan of every rep of `view`, dated `reference_date` (default: `plan_date`)."""
    date = plan_date(view) if reference_date is None else reference_date
    return allocate_plan(view_plan_base(view, inputs, date), inputs)


def plan_date(view: PortfolioView) -> pd.Timestamp:
    """The date a plan is made for unless the user picks another: the latest visit the
    data records (the date the file describes), else today."""
    return latest_visit(view) or pd.Timestamp.today().normalize()


def rep_revenue(view: PortfolioView) -> pd.Series:
    """The file's revenue of each rep's clients in the view (index salesperson)."""
    source = view.clients()
    with view.store.reading() as cur:
        frame = cur.execute(f"SELECT salesperson, sum(revenue) AS revenue FROM {source.sql} "
                            "GROUP BY salesperson", source.params).df()
    return frame.set_index("salesperson")["revenue"].astype(float)
