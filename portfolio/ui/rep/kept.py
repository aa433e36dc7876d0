"""The Rep page's kept objective: saving the objective tried (for those who may), the one
saved for the period, and, a period later, what was asked against what happened."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.access import PermissionRefused
from portfolio.numbers import money, number, percent, timestamp
from portfolio.objectives import (ObjectiveOutcome, SavedObjective, SegmentOutcome,
                                  objective_outcome, save_objective, save_refusal, saved_objective)
from portfolio.structure import ObjectivePlan
from portfolio.text_safety import markdown_text
from portfolio.structure.history import previous_period
from portfolio.ui.rep import state as rep_state
from portfolio.ui.shared.cache import cached
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.presenter import presenting
from portfolio.ui.shared.summary import download_buttons, segment_labels, share_points
from portfolio.ui.shared.widgets import metric, metric_row, text_table
from portfolio.view import PortfolioView

_JUST_SAVED = "pp.objectives.just_saved"  # the period saved by the last click, shown once
_REFUSED = "pp.objectives.refused"  # why the last click saved nothing


def _outcome(view: PortfolioView, rep: str, asked: str, after: str, saved_at: object) -> ObjectiveOutcome | None:
    """`objective_outcome`, cached per saved version (`saved_at`): saving again recomputes it."""
    return objective_outcome(view, rep, asked, after)


outcome_of = cached(_outcome, max_entries=32)


def saved_section(ctx: PageContext, rep: str, plan: ObjectivePlan | None) -> None:
    """The objective saved for the period looked at, and the button that saves the one tried
    (only for a person the core would let save it)."""
    period = ctx.view.shown_period
    saved = saved_objective(ctx.view, rep, period)
    if st.session_state.pop(_JUST_SAVED, None) == period and saved is not None:
        st.success(ctx.md("objectives.saved_now", period=period), icon=":material/bookmark_added:")
    refused = st.session_state.pop(_REFUSED, None)
    if refused:
        st.error(markdown_text(refused), icon=":material/block:")
    if saved is not None:
        saved_summary(ctx, saved)
        if plan is not None and not _same(saved, plan):
            st.caption(ctx.md("objectives.saved_differs"))
    if presenting():
        return  # saving is done at the desk, not on the projected screen
    if plan is None or plan.objective <= 0 or save_refusal(ctx.view, ctx.person, rep) is not None:
        return
    st.button(ctx.t("objectives.replace" if saved is not None else "objectives.save"),
              key="w.objectives.save", icon=":material/bookmark:", type="primary",
              help=ctx.t("objectives.save_help", period=period), on_click=_save,
              args=(ctx, rep, plan.growth, rep_state.target_rule()))


def _same(saved: SavedObjective, plan: ObjectivePlan) -> bool:
    return (abs(saved.growth - plan.growth) < 1e-9 and plan.target_rule.startswith(saved.target_rule)
            and saved.clients == len(plan.moves))


def _save(ctx: PageContext, rep: str, growth: float, target: str) -> None:
    try:
        saved = save_objective(ctx.view, ctx.person, rep, growth, target)
    except PermissionRefused as refused:  # the person's rights changed since the page was drawn
        st.session_state[_REFUSED] = refused.refusal.text(ctx.lang)
        return
    st.session_state[_JUST_SAVED] = saved.period


def saved_summary(ctx: PageContext, saved: SavedObjective) -> None:
    """What was saved, by whom and when, and the moves per segment."""
    lang, labels = ctx.lang, segment_labels(ctx)
    with st.container(key="objectives_saved", border=True):
        st.markdown(f"**{ctx.md('objectives.saved_title', period=saved.period)}**")
        st.markdown(ctx.md("objectives.saved_text", growth=percent(saved.growth, lang),
                           objective=money(saved.objective, lang, compact=True),
                           revenue=money(saved.revenue_before, lang, compact=True),
                           clients=number(saved.clients, lang), who=saved.saved_by,
                           when=timestamp(saved.saved_at, lang)))
        if saved.segments:
            text_table(pd.DataFrame({
                ctx.t("objectives.col_segment"): [_segment_name(ctx, labels, a.segment)
                                                  for a in saved.segments],
                ctx.t("objectives.col_clients"): [number(a.clients, lang) for a in saved.segments],
                ctx.t("objectives.col_points"): [share_points(a.sow_points / 100, lang)
                                                 for a in saved.segments],
                ctx.t("objectives.col_revenue"): [money(a.revenue_expected, lang, compact=True)
                                                  for a in saved.segments],
            }))


def outcome_section(ctx: PageContext, rep: str) -> None:
    """The objective saved for the period before the one looked at, against what happened."""
    periods = ctx.dataset.periods if ctx.dataset is not None else ()
    after = ctx.view.shown_period
    asked = previous_period(periods, after) if after in periods else None
    if asked is None:
        return
    saved = saved_objective(ctx.view, rep, asked)
    outcome = outcome_of(ctx.view, rep, asked, after, saved.saved_at) if saved is not None else None
    st.subheader(ctx.md("objectives.outcome_title", asked=asked, after=after), anchor=False)
    if outcome is None:
        st.caption(ctx.md("objectives.outcome_none", asked=asked))
        return
    lang, named = ctx.lang, outcome.named
    with metric_row():
        metric(ctx.t("objectives.metric_objective"), money(outcome.asked.objective, lang, compact=True))
        metric(ctx.t("objectives.metric_gained"), money(outcome.revenue_gain, lang, compact=True),
               delta=ctx.t("objectives.metric_achieved", achieved=percent(outcome.achieved, lang)),
               delta_color="off")
        metric(ctx.t("objectives.metric_reached"), ctx.t("objectives.metric_reached_value",
                                                         reached=number(named.reached, lang),
                                                         clients=number(named.clients, lang)))
        metric(ctx.t("objectives.metric_moved"), number(named.changed_segment, lang))
    with st.container(key="objectives_outcome"):
        st.markdown(ctx.md(
            "objectives.outcome_text", asked=asked, after=after,
            growth=percent(outcome.asked.growth, lang),
            objective=money(outcome.asked.objective, lang, compact=True),
            clients=number(named.clients, lang), points=share_points(named.sow_points_asked / 100, lang),
            before=money(outcome.revenue_before, lang, compact=True),
            after_revenue=money(outcome.revenue_after, lang, compact=True),
            gain=("+" if outcome.revenue_gain > 0 else "") + money(outcome.revenue_gain, lang, compact=True),
            reached=number(named.reached, lang), gained=share_points(named.sow_points_gained / 100, lang),
            left=number(named.left, lang)))
    table = outcome_table(ctx, outcome)
    text_table(table)
    st.caption(ctx.md("objectives.outcome_caption",
                      moved=number(outcome.portfolio_changed_segment, lang)))
    download_buttons(ctx, table, ctx.t("objectives.outcome_file", rep=rep, asked=asked, after=after),
                     "w.objectives.outcome_download")


def outcome_table(ctx: PageContext, outcome: ObjectiveOutcome) -> pd.DataFrame:
    """Per segment asked of, then all the clients named: asked against what happened."""
    lang, labels = ctx.lang, segment_labels(ctx)
    rows: list[SegmentOutcome] = [*outcome.segments, outcome.named]
    names = [_segment_name(ctx, labels, row.segment) for row in outcome.segments]
    return pd.DataFrame({
        ctx.t("objectives.col_segment"): [*names, ctx.t("objectives.total")],
        ctx.t("objectives.col_named"): [number(r.clients, lang) for r in rows],
        ctx.t("objectives.col_reached"): [number(r.reached, lang) for r in rows],
        ctx.t("objectives.col_changed"): [number(r.changed_segment, lang) for r in rows],
        ctx.t("objectives.col_left"): [number(r.left, lang) for r in rows],
        ctx.t("objectives.col_points_asked"): [share_points(r.sow_points_asked / 100, lang) for r in rows],
        ctx.t("objectives.col_points_gained"): [share_points(r.sow_points_gained / 100, lang) for r in rows],
        ctx.t("objectives.col_expected"): [money(r.revenue_expected, lang, compact=True) for r in rows],
        ctx.t("objectives.col_gained"): [money(r.revenue_gained, lang, compact=True) for r in rows],
    })


def _segment_name(ctx: PageContext, labels: dict[str, str], segment: str | None) -> str:
    return labels.get(segment, segment) if segment is not None else ctx.t("objectives.no_segment")
