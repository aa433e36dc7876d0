"""The Rep page's self-steering view: which rep, their structure against the norm and their
anonymous peers, their QRC profile turned into development priorities."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.figures.rep import peers_figure, qrc_profile_figure
from portfolio.figures.structure import norms_figure
from portfolio.norms import Norms
from portfolio.queries.scope import ClientFilter
from portfolio.structure import (MIN_REPS_FOR_PEERS, development_priorities, peers_shown_to,
                                 small_portfolio_note, strengths)
from portfolio.ui.shared import chart_export
from portfolio.ui.shared import queries as data
from portfolio.ui.shared import structure_queries as structure_data
from portfolio.ui.rep import state as rep_state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import decimal, number, percent
from portfolio.ui.shared.summary import chart, gap_text, headline, segment_labels
from portfolio.ui.shared.presenter import presenting, rep_stepper
from portfolio.ui.shared.widgets import bound_widget

def whole_portfolio(ctx: PageContext) -> ClientFilter:
    """Every client at the period looked at: what a rep is compared with."""
    return ClientFilter()


def own_clients(ctx: PageContext, rep: str) -> ClientFilter:
    """The portfolio narrowed to one rep's clients."""
    return ClientFilter(salespeople=(rep,))


def rep_or_stop(ctx: PageContext) -> str:
    """The rep shown: the viewer's own portfolio when viewing as a rep, else the one chosen
    (the page's chart images name it)."""
    rep = _rep_shown(ctx)
    chart_export.set_subject(rep)
    return rep


def _rep_shown(ctx: PageContext) -> str:
    reps = data.filter_choices(ctx.view)["salespeople"]
    if not reps:
        st.info(ctx.md("rep.no_reps"), icon=":material/info:")
        st.stop()
    if ctx.viewer is not None and ctx.viewer in reps:
        st.markdown(ctx.md("rep.own_portfolio", rep=ctx.viewer))
        return ctx.viewer
    chosen = rep_state.rep()
    if chosen not in reps:
        chosen = reps[0]
        rep_state.set_rep(chosen)
    if presenting():
        # The room follows the meeting rep by rep; the chooser is a control, hidden.
        rep_stepper(ctx.lang, list(reps), chosen, rep_state.set_rep, "w.rep.step")
        return rep_state.rep() or chosen
    choice, note = st.columns([2, 3], vertical_alignment="bottom")
    with choice:
        bound_widget(st.selectbox, "w.rep.rep", chosen, rep_state.set_rep,
                     label=ctx.t("rep.choose"), options=list(reps))
    with note:
        st.caption(ctx.md("rep.choose_help"))
    return rep_state.rep() or chosen


def rep_headline(ctx: PageContext, rep: str) -> None:
    """The rep's clients, revenue, potential, share of wallet and headroom."""
    reps = structure_data.comparison(ctx.view, own_clients(ctx, rep)).reps
    if reps.empty:
        st.info(ctx.md("rep.no_clients", rep=rep), icon=":material/info:")
        st.stop()
    with st.container(key="rep_headline"):  # the figures a projected screen shows first
        headline(ctx, reps.iloc[0])


def structure_section(ctx: PageContext, norms: Norms, rep: str) -> pd.DataFrame:
    """The rep's mix against the norm, in words and as bars; returns the rep's gap rows."""
    gaps = structure_data.rep_gaps(ctx.view, norms, own_clients(ctx, rep))
    mine = gaps[gaps["salesperson"] == rep].reset_index(drop=True)
    st.subheader(ctx.md("rep.structure_title"), anchor=False)
    labels = segment_labels(ctx)
    top = mine.loc[mine["client_share"].idxmax()]
    with st.container(key="rep_dominant"):
        st.markdown(ctx.md("rep.dominant", segment=labels.get(top["segment"], top["segment"]),
                          share=percent(top["client_share"], ctx.lang),
                          target=percent(top["target_share"], ctx.lang),
                          revenue=percent(top["revenue_share"], ctx.lang)))
    note = small_portfolio_note(mine, norms.structure.tolerance, norms.structure.judged_from_clients)
    outside = mine[mine["within_tolerance"].eq(False).fillna(False).astype(bool)]
    clients = int(mine["clients"].sum())
    if note is not None and note.not_judged:  # no verdict, not "every segment within"
        st.info(ctx.md("rep.not_judged", clients=number(clients, ctx.lang),
                       step=number(100 / max(clients, 1), ctx.lang, 1),
                       minimum=number(note.judged_from, ctx.lang)), icon=":material/info:")
    elif outside.empty:
        st.success(ctx.md("rep.all_within"), icon=":material/check_circle:")
    else:
        st.markdown(ctx.md("rep.outside", segments="; ".join(
            f"{labels.get(row.segment, row.segment)} {gap_text(row.gap, False, ctx.lang)}"
            for row in outside.itertuples(index=False))))
    if note is not None and not note.not_judged:
        st.caption(ctx.md("rep.tolerance_widened", clients=number(clients, ctx.lang),
                          tolerance=number(100 * note.tolerance, ctx.lang, 1)))
    scope = mine["scope"].dropna()
    if len(scope):
        st.caption(ctx.md("rep.scope_note", scope=scope.iloc[0]))
    chart(norms_figure(mine, ctx.view.grid, ctx.lang), "w.rep.norms")
    return mine


def peers_section(ctx: PageContext, rep: str, mine: pd.DataFrame) -> None:
    """Where the rep stands among every rep of the team, unnamed, segment by segment."""
    peers = structure_data.peer_distribution(ctx.view, rep, whole_portfolio(ctx), ctx.peers)
    st.subheader(ctx.md("rep.peers_title"), anchor=False)
    if not peers_shown_to(ctx.visibility, peers):
        st.info(ctx.md("rep.peers_too_few", minimum=MIN_REPS_FOR_PEERS - 1),
                icon=":material/visibility_off:")
        return
    st.caption(ctx.md("rep.peers_caption", reps=number(int(peers["reps"].max()), ctx.lang)))
    targets = dict(zip(mine["segment"], mine["target_share"]))
    chart(peers_figure(peers, targets, ctx.view.grid, ctx.lang), "w.rep.peers")


def development_section(ctx: PageContext, rep: str) -> None:
    """Average points per QRC criterion against the team, and what to work on, in words."""
    profile = structure_data.qrc_profile(ctx.view, rep, whole_portfolio(ctx), ctx.peers)
    st.subheader(ctx.md("rep.qrc_title"), anchor=False)
    st.caption(ctx.md("rep.qrc_caption"))
    chart(qrc_profile_figure(profile, ctx.view.grid, ctx.lang), "w.rep.qrc")
    criteria = {c.id: c.label.get(ctx.lang) for c in ctx.view.grid.axes["qrc"].criteria}
    priorities = development_priorities(profile)
    with st.container(key="rep_priorities"):
        if priorities.empty:
            # Leading the team and matching it are different verdicts: never the second
            # beside a chart that shows the first.
            ahead = strengths(profile)
            with st.container(key="rep_priority_top"):
                if ahead.empty:
                    st.success(ctx.md("rep.no_priority"), icon=":material/verified:")
                else:
                    st.success(ctx.md("rep.ahead_of_team", criteria="; ".join(
                        ctx.t("rep.ahead_item", **_priority_params(ctx, row, criteria))
                        for row in ahead.itertuples(index=False))), icon=":material/trending_up:")
            return
        texts = [ctx.md("rep.priority_first", **_priority_params(ctx, row, criteria))
                 if row.priority == 1 else
                 ctx.md("rep.priority_next", rank=int(row.priority), **_priority_params(ctx, row, criteria))
                 for row in priorities.itertuples(index=False)]
        with st.container(key="rep_priority_top"):
            st.markdown(texts[0])
        if len(texts) > 1:
            st.markdown("\n".join(f"- {text}" for text in texts[1:]))
        st.caption(ctx.md("rep.priority_rule"))


def _priority_params(ctx: PageContext, row, criteria: dict[str, str]) -> dict[str, str]:  # noqa: ANN001
    """The figures a development priority is written with (a row of development_priorities)."""
    return {"criterion": criteria.get(row.criterion, row.criterion),
            "rep": percent(row.rep_share, ctx.lang, 1), "team": percent(row.team_share, ctx.lang, 1),
            "points": decimal(round(row.priority_points, 1), ctx.lang)}
