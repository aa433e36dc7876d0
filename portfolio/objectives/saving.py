"""Saving a rep's objective: refused unless the person may, computed by the core (never
taken from a page), and recorded in the audit log in the same transaction."""

from __future__ import annotations

from portfolio.access import Action, PermissionRefused, Person
from portfolio.access.rules import peers_of
from portfolio.objectives.access import own_view, save_refusal
from portfolio.objectives.model import SavedObjective
from portfolio.objectives.reading import saved_objective
from portfolio.queries.scope import ClientFilter
from portfolio.store.audit import record
from portfolio.store.objectives import write_objective
from portfolio.structure.objectives import revenue_objective_plan
from portfolio.view import PortfolioView

MAX_GROWTH = 2.0  # +200 %, the Rep page's limit
TARGET_RULES = ("next_band", "partners")


def save_objective(view: PortfolioView, person: Person, rep: str, growth: float,
                   target: str = "next_band") -> SavedObjective:
    """Keep `rep`'s objective of +`growth` (0.10 = +10 %) at the view's period, with the moves
    `portfolio.structure.revenue_objective_plan` chooses under `target`, replacing the one
    saved before. Raises PermissionRefused when `person` may not (see `save_refusal`)
    and ValueError for a growth or a rule out of range."""
    if not 0 < growth <= MAX_GROWTH:
        raise ValueError(f"growth: expected a revenue increase above 0 and up to {MAX_GROWTH:g} "
                         f"(+{100 * MAX_GROWTH:.0f} %), as a fraction (got {growth})")
    if target not in TARGET_RULES:
        raise ValueError(f"target: expected one of {', '.join(TARGET_RULES)} (got {target!r})")
    refusal = save_refusal(view, person, rep)
    if refusal is not None:
        raise PermissionRefused(refusal)
    theirs = own_view(view, person)  # a Visibility: save_refusal found one
    plan = revenue_objective_plan(theirs, rep, growth, ClientFilter(), target,
                                  peers_of(person, theirs.visibility))
    period = theirs.shown_period
    with view.store.transaction() as cur:
        write_objective(cur, dataset_id=view.dataset_id, salesperson=rep, period=period,
                        growth=growth, target_rule=target, revenue_before=plan.current_revenue,
                        objective=plan.objective, planned_gain=plan.planned_gain,
                        saved_by=person.email, saved_role=person.role.value, moves=plan.moves)
        ((name,),) = cur.execute("SELECT name FROM datasets WHERE dataset_id = ?",
                                 [view.dataset_id]).fetchall()
        record(cur, actor=person.email, role=person.role.value, action=Action.SAVE_OBJECTIVE.value,
               dataset_id=view.dataset_id, dataset_name=name, rows=len(plan.moves),
               periods=(period,), note=rep)
    return saved_objective(theirs, rep, period)
