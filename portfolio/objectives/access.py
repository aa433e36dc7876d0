"""Who may save a rep's objective, and whether a viewer sees a rep at all.

A rep saves only their own objective; a director or an admin, the objective of a rep of
whom they see at least one client at that period; others are refused by role. Decided
from the person's own visibility on the dataset, never from what a page passes.
"""

from __future__ import annotations

from portfolio.access import Person, Refusal, Role, refusal_of
from portfolio.access.datasets import dataset_visibility
from portfolio.access.model import Action
from portfolio.problems import detail
from portfolio.queries.scope import ClientFilter
from portfolio.view import PortfolioView


def rep_clients_seen(view: PortfolioView, rep: str) -> int:
    """How many clients of `rep` the view shows at its period."""
    source = view.clients(ClientFilter(salespeople=(rep,)))
    with view.store.reading() as cur:
        ((count,),) = cur.execute(f"SELECT count(*) FROM {source.sql}", source.params).fetchall()
    return int(count)


def own_view(view: PortfolioView, person: Person) -> PortfolioView | Refusal:
    """`view` as `person` is allowed to see it (their scope on the dataset), or why they see nothing."""
    seen = dataset_visibility(view.store, person, view.dataset)
    return seen if isinstance(seen, Refusal) else view.seen_by(seen)


def save_refusal(view: PortfolioView, person: Person, rep: str) -> Refusal | None:
    """Why `person` may not save `rep`'s objective at the view's period, None when they may."""
    refused = refusal_of(person, Action.SAVE_OBJECTIVE, view.dataset)
    if refused is not None:
        return refused
    if person.role is Role.REP and rep not in person.salespeople:
        return Refusal(detail("objectives.refused_other_rep", rep=rep))
    theirs = own_view(view, person)
    if isinstance(theirs, Refusal):
        return theirs
    if rep_clients_seen(theirs, rep) == 0:
        return Refusal(detail("objectives.refused_outside_scope", rep=rep,
                              period=view.shown_period or ""))
    return None
