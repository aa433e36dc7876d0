"""Visit planning: response curves, allocation by marginal return, workload, urgency, priorities."""

from portfolio.visits.allocation import RepAllocation, TeamAllocation, allocate_rep, allocate_team, \
    whole_visit_bounds
from portfolio.visits.curves import CurveArrays, CurveShape, Judgements, ResponseCurve, client_curves, \
    fit_curve, fit_shape, fit_shapes, reference_visits, response
from portfolio.visits.params import Capacity, VisitNorm, client_norms, visit_norms, whole_visits
from portfolio.visits.priorities import REASON_PARAMS, priority_visits
from portfolio.visits.solver import Solution, solve
from portfolio.visits.surplus import SURPLUS_SHARE, capacity_surplus
from portfolio.visits.urgency import DUE_FROM, URGENCY_CLASSES, urgency
from portfolio.visits.workload import DEFAULT_PRIORITY, value_order, what_gives, workload

__all__ = [
    "Capacity", "CurveArrays", "CurveShape", "DEFAULT_PRIORITY", "DUE_FROM", "Judgements",
    "REASON_PARAMS", "RepAllocation", "ResponseCurve", "SURPLUS_SHARE", "Solution", "TeamAllocation",
    "URGENCY_CLASSES", "VisitNorm", "allocate_rep", "allocate_team", "capacity_surplus", "client_curves",
    "client_norms", "fit_curve", "fit_shape", "fit_shapes", "priority_visits", "reference_visits",
    "response", "solve", "urgency", "value_order", "visit_norms", "what_gives", "whole_visit_bounds",
    "whole_visits", "workload",
]
