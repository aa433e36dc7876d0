"""The chart that makes each step's point, drawn from the same core functions as the pages."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from portfolio.figures.matrix import matrix_figure
from portfolio.figures.plan import segment_visits_figure
from portfolio.figures.rep import qrc_profile_figure
from portfolio.figures.structure import gaps_heatmap, segment_revenue_figure, wallet_figure
from portfolio.norms import Norms
from portfolio.numbers import money, number
from portfolio.planning import PlanInputs, segment_visits, view_plan
from portfolio.structure import development_priorities
from portfolio.structure.examples import telling_pair, weakest_relationships
from portfolio.ui.shared import queries, structure_queries
from portfolio.ui.shared.cache import cached, kept
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.live_scoring import live_client
from portfolio.ui.shared.norms import active_norms
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.widgets import show_issues
from portfolio.ui.workshop.room import room_step

# Heights that leave the step's text, question and buttons on a 1366×768 screen.
CHART_HEIGHT = 430
MAX_HEATMAP_REPS = 15  # rows a projected heatmap keeps legible

_weakest = cached(weakest_relationships, max_entries=32)
_plan = kept(view_plan, max_entries=4)


def _norms(ctx: PageContext) -> Norms | None:
    """The norms file, or its errors said and None (the step then shows no chart)."""
    read = active_norms(ctx)
    if read.issues or read.norms is None:
        show_issues(ctx.t("structure.norms_errors", file=ctx.settings.norms_path.name),
                    read.issues, ctx.lang)
        return None
    return read.norms


def same_revenue(ctx: PageContext) -> None:
    """Two reps with the same revenue, split by segment, with their wallets and headroom."""
    comparison = structure_queries.comparison(ctx.view)
    pair = telling_pair(comparison.revenue_by_segment)
    if pair is None:
        st.info(ctx.md("workshop.no_pair"), icon=":material/info:")
        return
    reps = comparison.reps.set_index("salesperson").loc[list(pair)].reset_index()
    first, second = reps.to_dict("records")
    st.caption(ctx.md("workshop.same_revenue_pair", first=first["salesperson"],
                     second=second["salesperson"],
                     first_revenue=money(first["revenue"], ctx.lang, compact=True),
                     second_revenue=money(second["revenue"], ctx.lang, compact=True)))
    split_column, wallet_column = st.columns(2, gap="large")
    with split_column:
        chart(segment_revenue_figure(comparison.revenue_by_segment.loc[list(pair)],
                                     ctx.view.grid, ctx.lang), "w.workshop.split")
    with wallet_column:
        chart(wallet_figure(reps, ctx.lang), "w.workshop.wallet")


def norms_gaps(ctx: PageContext) -> None:
    """The gaps of every rep to the norms, the furthest first."""
    norms = _norms(ctx)
    if norms is None:
        return
    gaps = structure_queries.rep_gaps(ctx.view, norms)
    if gaps.empty:
        st.info(ctx.md("structure.no_clients"), icon=":material/info:")
        return
    size = gaps.assign(_size=gaps["gap"].abs()).groupby("salesperson", sort=False)["_size"].sum()
    furthest = list(size.sort_values(ascending=False, kind="stable").index[:MAX_HEATMAP_REPS])
    if len(size) > MAX_HEATMAP_REPS:
        st.caption(ctx.md("workshop.heatmap_capped", shown=MAX_HEATMAP_REPS,
                         total=number(len(size), ctx.lang)))
    drawn = gaps.set_index("salesperson").loc[furthest].reset_index()
    team = structure_queries.team_gaps(ctx.view, norms)
    chart(gaps_heatmap(drawn, ctx.view.grid, ctx.lang, "clients", team=team,
                       team_name=ctx.team_name()),
          "w.workshop.heatmap")


def good_client(ctx: PageContext) -> None:
    """Every client in the matrix of attractiveness against QRC."""
    points = queries.matrix_points(ctx.view)
    chart(matrix_figure(points, ctx.view.grid, ctx.lang, height=CHART_HEIGHT + 60),
          "w.workshop.matrix")


def live_scoring(ctx: PageContext) -> None:
    """The room's client typed in, scored by the grid's written rules, placed in the matrix."""
    live_client(ctx, ctx.view.grid)


def visit_plan(ctx: PageContext) -> None:
    """Visits per segment today, at the norms and as the plan recommends."""
    norms = _norms(ctx)
    if norms is None:
        return
    plan = _plan(ctx.view, PlanInputs.from_norms(norms))
    segments = [segment.id for segment in ctx.view.grid.segments]
    chart(segment_visits_figure(segment_visits(plan.clients, segments), ctx.view.grid,
                                ctx.lang, height=CHART_HEIGHT), "w.workshop.visits")
    st.caption(ctx.md("workshop.visit_plan_priorities",
                     count=number(len(plan.priorities), ctx.lang)))


def development(ctx: PageContext) -> None:
    """The QRC profile of the rep with the weakest relationships against the team."""
    rep = _weakest(ctx.view)
    if rep is None:
        st.info(ctx.md("structure.no_clients"), icon=":material/info:")
        return
    profile = structure_queries.qrc_profile(ctx.view, rep)
    st.caption(ctx.md("workshop.development_rep", rep=rep))
    chart(qrc_profile_figure(profile, ctx.view.grid, ctx.lang), "w.workshop.qrc")
    first = development_priorities(profile).head(1)
    if not first.empty:
        criteria = {c.id: c.label.get(ctx.lang) for c in ctx.view.grid.axes["qrc"].criteria}
        st.markdown(ctx.md("workshop.development_first",
                          criterion=criteria.get(first.iloc[0]["criterion"],
                                                 first.iloc[0]["criterion"])))


CHARTS: dict[str, Callable[[PageContext], None]] = {
    "same_revenue": same_revenue, "norms_gaps": norms_gaps, "good_client": good_client,
    "live_scoring": live_scoring, "room": room_step, "visit_plan": visit_plan,
    "development": development,
}
