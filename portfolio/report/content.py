"""What a report page holds: the figures the Rep, Structure and Visit plan pages show, for one
rep or for the team, taken from the same core functions and nothing computed anew.

The heavy queries run once for every rep (`team_sheets`) and are split per rep: each core
function used here computes a rep's rows from that rep's clients alone, so the split is
the figure the Rep page gets when it asks for one rep (a test holds them equal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from portfolio.access import Visibility
from portfolio.filter_words import filter_words
from portfolio.norms import Norms
from portfolio.objectives import ObjectiveOutcome, SavedObjective, objective_outcome, saved_objective
from portfolio.planning import PlanInputs, VisitPlan, view_plan
from portfolio.queries.matrix import matrix_clients
from portfolio.queries.scope import ClientFilter
from portfolio.structure import (compare_reps, development_priorities, norms_gaps,
                                 outside_tolerance, priority_clients, qrc_profile, strengths,
                                 team_norms_gaps, team_qrc_shares)
from portfolio.structure.history import previous_period
from portfolio.view import PortfolioView

TOP_ROWS = 5  # priority clients and visits a printed page lists


@dataclass(frozen=True)
class Header:
    """What every page says it is about."""

    dataset: str
    period: str | None
    grid: str
    grid_version: int
    made_on: dt.date
    filters: str | None = None  # the page's filters in force, in words (`filter_words`)


@dataclass(frozen=True)
class Sheet:
    """One printed page: a rep's portfolio (`rep`), or the whole visible team (`rep` None).

    `totals` is a row of `compare_reps` (clients, revenue, potential, share_of_wallet,
    headroom); `gaps` the rows of `norms_gaps` (rep) or `team_norms_gaps` (team);
    `outside` the gaps outside tolerance (`outside_tolerance`; for the team, every rep's);
    `points` the `matrix_clients` drawn; `priorities`/`strengths` from the rep's
    `qrc_profile` (empty for the team); `clients` the first `priority_clients` of
    `client_count`; `visits` the first ranked priority visits of the visit plan;
    `objective` the objective kept for the rep at the page's period and `outcome` the one
    kept for the period before against this one (`portfolio.objectives`, as the Rep page
    reads them for the viewer), each None when none was saved or for the team.
    """

    header: Header
    rep: str | None
    totals: pd.Series
    gaps: pd.DataFrame
    outside: pd.DataFrame
    points: pd.DataFrame
    priorities: pd.DataFrame
    strengths: pd.DataFrame
    clients: pd.DataFrame
    client_count: int
    visits: pd.DataFrame
    objective: SavedObjective | None = None
    outcome: ObjectiveOutcome | None = None


def header_of(view: PortfolioView, lang: str, made_on: dt.date | None = None) -> Header:
    return Header(view.dataset.name, view.shown_period, view.grid.name.get(lang), view.grid.version,
                  made_on or dt.date.today(), filter_words(view.filters, view.grid, lang))


def report_reps(view: PortfolioView) -> list[str]:
    """The reps with a visible client at the view's period, in name order."""
    return [str(name) for name in compare_reps(view).reps["salesperson"]]


def rep_sheets(view: PortfolioView, norms: Norms, reps: list[str], lang: str,
               peers: Visibility | None = None, made_on: dt.date | None = None) -> list[Sheet]:
    """One sheet per rep of `reps` (each with a visible client), in that order.

    `peers` is where the QRC benchmark is drawn from, as on the Rep page
    (`portfolio.access.rules.peers_of`).
    """
    header = header_of(view, lang, made_on)
    totals = compare_reps(view).reps.set_index("salesperson")
    # Each table split by rep once (a pass over every client), not filtered again per rep.
    all_gaps, all_points, clients = norms_gaps(view, norms), matrix_clients(view), priority_clients(view)
    gaps, points = _by_rep(all_gaps), _by_rep(all_points)
    counts = clients["salesperson"].value_counts()
    firsts = _by_rep(clients.groupby("salesperson", sort=False).head(TOP_ROWS))
    visits = _visits_by_rep(_visit_plan(view, norms))
    team = team_qrc_shares(view, ClientFilter(), peers)  # every rep's benchmark
    sheets = []
    for rep in reps:  # a few queries per rep; the per-client work is done above, once
        profile = qrc_profile(view, rep, ClientFilter(), peers, team)
        mine = gaps.get(rep, _none(all_gaps))
        sheets.append(Sheet(
            header=header, rep=rep, totals=totals.loc[rep], gaps=mine, outside=outside_tolerance(mine),
            points=points.get(rep, _none(all_points)), priorities=development_priorities(profile),
            strengths=strengths(profile), clients=firsts.get(rep, _none(clients)),
            client_count=int(counts.get(rep, 0)),
            visits=visits.get(rep, pd.DataFrame(columns=list(VISIT_COLUMNS))), **_kept(view, rep)))
    return sheets


def _by_rep(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The rows of each salesperson, in their order in `frame`, indexed from 0: what
    `frame[frame["salesperson"] == rep].reset_index(drop=True)` gives for each rep."""
    return {str(rep): rows.reset_index(drop=True)
            for rep, rows in frame.groupby("salesperson", sort=False)}


def _none(frame: pd.DataFrame) -> pd.DataFrame:
    """No row of `frame`, its columns kept (a rep of whom it has no row)."""
    return frame.head(0).reset_index(drop=True)


def _kept(view: PortfolioView, rep: str) -> dict[str, object]:
    """The rep's kept objective for the view's period, and the outcome of the one kept for the
    period before: the Rep page's own reads (`saved_section`, `outcome_section`), scoped by
    the view, so that a viewer who may not see the rep gets neither."""
    period = view.shown_period
    if period is None:
        return {"objective": None, "outcome": None}
    asked = previous_period(view.dataset.periods, period)
    return {"objective": saved_objective(view, rep, period),
            "outcome": objective_outcome(view, rep, asked, period) if asked is not None else None}


def team_sheet(view: PortfolioView, norms: Norms, lang: str,
               made_on: dt.date | None = None) -> Sheet:
    """The visible team on one page: its totals and mix against the norm, every client in
    the matrix, the reps outside tolerance, the team's first priority clients and visits."""
    comparison = compare_reps(view)
    clients = priority_clients(view)
    plan = _visit_plan(view, norms)
    none = pd.DataFrame()
    return Sheet(
        header=header_of(view, lang, made_on), rep=None, totals=comparison.team.iloc[0],
        gaps=team_norms_gaps(view, norms), outside=outside_tolerance(norms_gaps(view, norms)),
        points=matrix_clients(view), priorities=none, strengths=none,
        clients=clients.head(TOP_ROWS).reset_index(drop=True), client_count=len(clients),
        visits=_team_visits(plan))


def _visit_plan(view: PortfolioView, norms: Norms) -> VisitPlan:
    """The visit plan the Visit plan page makes by default: the latest period, the norms'
    capacity, visit norms and judgements, dated by the latest visit recorded."""
    return view_plan(view.at_period(None), PlanInputs.from_norms(norms))


VISIT_COLUMNS = ("rank", "client_name", "salesperson", "segment", "urgency", "headroom",
                 "visits_12m", "visits_recommended")


def _visits_by_rep(plan: VisitPlan) -> dict[str, pd.DataFrame]:
    """Each rep's first ranked priority visits, as the Visit plan page lists them (the
    `priorities` of `rep_plan(plan, rep, …)`: the plan's in their order, with each client's
    name and visits), for every rep in one join instead of a `rep_plan` per rep."""
    details = plan.clients.set_index("client_id")[["client_name", "visits_12m", "visits_recommended"]]
    ranked = plan.priorities.join(details, on="client_id")
    firsts = ranked.groupby("salesperson", sort=False).head(TOP_ROWS)[list(VISIT_COLUMNS)]
    return _by_rep(firsts)


def _team_visits(plan: VisitPlan) -> pd.DataFrame:
    """The team's most urgent priority visits: each rep's first, then their second…"""
    details = plan.clients.set_index("client_id")[["client_name", "visits_12m", "visits_recommended"]]
    ranked = plan.priorities.join(details, on="client_id")
    ranked = ranked.sort_values(["rank", "salesperson"], kind="stable")
    return ranked.head(TOP_ROWS)[list(VISIT_COLUMNS)].reset_index(drop=True)
