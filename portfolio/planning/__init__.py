"""Visit plans from the store or a file: clients → norms and judgements → plan tables per rep."""

from portfolio.planning.clients import PLAN_COLUMNS, data_date, latest_visit, plan_clients
from portfolio.planning.inputs import EDITABLE_LEVELS, JudgementProblem, PlanInputs, judgement_problems, \
    judgements_from_levels
from portfolio.planning.plan import PlanBase, PlanRoles, VisitPlan, allocate_plan, make_plan, plan_base, \
    plan_roles
from portfolio.planning.tables import PLAN_OUTPUT_COLUMNS, plan_export, plan_output
from portfolio.planning.team import plan_date, rep_revenue, view_plan, view_plan_base
from portfolio.planning.views import EFFORT_SPREAD, EffortRange, RepPlan, effort_range, rep_plan, \
    segment_visits, typical_clients

__all__ = [
    "EDITABLE_LEVELS", "EFFORT_SPREAD", "EffortRange", "JudgementProblem", "PLAN_COLUMNS",
    "PLAN_OUTPUT_COLUMNS", "PlanBase", "PlanInputs", "PlanRoles", "RepPlan", "VisitPlan",
    "allocate_plan", "data_date", "effort_range", "judgement_problems", "judgements_from_levels",
    "latest_visit", "make_plan", "plan_base", "plan_clients", "plan_export", "plan_output",
    "plan_date", "plan_roles", "rep_plan", "rep_revenue", "segment_visits", "typical_clients",
    "view_plan", "view_plan_base",
]
