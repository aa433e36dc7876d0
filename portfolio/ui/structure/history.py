"""The Structure page's "Over time" tab: the mix at two periods and the clients that moved."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.demo.history import PREVIOUS_PERIOD
from portfolio.queries.scope import ClientFilter
from portfolio.access import Action
from portfolio.store import guarded
from portfolio.store.bootstrap import can_add_demo_quarter_before
from portfolio.store.datasets import PeriodExists
from portfolio.structure.history import PeriodComparison, previous_period
from portfolio.ui.shared import structure_queries as structure_data
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import money, number, percent
from portfolio.ui.shared.summary import download_buttons, segment_labels, share_points
from portfolio.ui.shared.widgets import text_table


def history_tab(ctx: PageContext, filters: ClientFilter) -> None:
    """Two periods chosen (by default the one looked at and the one before), then the mix at
    both and who moved, came or left."""
    periods = ctx.dataset.periods if ctx.dataset else ()
    if len(periods) < 2:
        st.info(ctx.md("structure.history_one_period"), icon=":material/history:")
        if (ctx.dataset is not None and can_add_demo_quarter_before(ctx.dataset)
                and ctx.may(Action.ADD_PERIOD)):
            demo_quarter_before(ctx)
        return
    st.caption(ctx.md("structure.history_caption"))
    end = ctx.period or periods[-1]
    start = previous_period(periods, end) or periods[0]
    newest_first = list(reversed(periods))
    left, right = st.columns(2)
    start = left.selectbox(ctx.t("structure.history_from"), newest_first,
                           index=newest_first.index(start), key="w.structure.history_from")
    end = right.selectbox(ctx.t("structure.history_to"), newest_first,
                          index=newest_first.index(end), key="w.structure.history_to")
    if start == end:
        st.info(ctx.md("structure.history_same"), icon=":material/info:")
        return
    comparison = structure_data.period_comparison(ctx.view, filters, start, end)
    st.subheader(ctx.md("structure.history_mix_title"), anchor=False)
    mix = mix_table(ctx, comparison)
    text_table(mix)
    download_buttons(ctx, mix, ctx.t("structure.history_mix_file", start=start, end=end),
                     "w.structure.history_mix_download")
    st.subheader(ctx.md("structure.history_moves_title"), anchor=False)
    if comparison.moves.empty:
        st.success(ctx.md("structure.history_no_move", start=start, end=end), icon=":material/check:")
        return
    st.markdown(ctx.md("structure.history_summary", start=start, end=end,
                      moved=number(comparison.moved, ctx.lang),
                      gained=number(comparison.gained, ctx.lang),
                      lost=number(comparison.lost, ctx.lang)))
    moves = moves_table(ctx, comparison)
    text_table(moves)
    download_buttons(ctx, moves, ctx.t("structure.history_moves_file", start=start, end=end),
                     "w.structure.history_moves_download")


def demo_quarter_before(ctx: PageContext) -> None:
    """A shortcut for a workshop's preparation: the demo's quarter before, in one click."""
    st.caption(ctx.md("structure.history_demo_hint"))
    if st.button(ctx.t("structure.history_demo_add", period=PREVIOUS_PERIOD),
                 key="w.structure.history_demo_add", icon=":material/add_circle:"):
        try:
            guarded.add_demo_quarter_before(ctx.store, ctx.person, ctx.dataset)
        except PeriodExists:
            pass  # added meanwhile from another session: the rerun shows it
        st.rerun()


def mix_table(ctx: PageContext, comparison: PeriodComparison) -> pd.DataFrame:
    """Per segment: clients, share of clients and share of revenue at both dates (`then → now`,
    which keeps the table narrow enough for a projector), and the changes in points."""
    mix, lang, labels = comparison.mix, ctx.lang, segment_labels(ctx)
    dates = f"{comparison.start} → {comparison.end}"

    def then_now(column: str, write) -> list[str]:  # noqa: ANN001 (a formatting function)
        return [f"{write(a)} → {write(b)}" for a, b in zip(mix[f"{column}_before"],
                                                          mix[f"{column}_after"])]

    return pd.DataFrame({
        ctx.t("structure.col_segment"): [labels.get(s, s) for s in mix["segment"]],
        ctx.t("structure.history_col_clients", dates=dates): then_now(
            "clients", lambda v: number(v, lang)),
        ctx.t("structure.history_col_share", dates=dates): then_now(
            "client_share", lambda v: percent(v, lang)),
        ctx.t("structure.history_col_share_change"): [
            share_points(v, lang) for v in mix["client_share_change"]],
        ctx.t("structure.history_col_revenue", dates=dates): then_now(
            "revenue_share", lambda v: percent(v, lang)),
        ctx.t("structure.history_col_revenue_change"): [
            share_points(v, lang) for v in mix["revenue_share_change"]],
    })


def moves_table(ctx: PageContext, comparison: PeriodComparison) -> pd.DataFrame:
    """Per move: the segment at each date (or that the client came or left), clients, revenue."""
    moves, lang, labels = comparison.moves, ctx.lang, segment_labels(ctx)

    def side(segments: pd.Series, present: pd.Series, absent_key: str) -> list[str]:
        return [labels.get(s, s) if isinstance(s, str) else
                ctx.t("structure.history_unscored") if here else ctx.t(absent_key)
                for s, here in zip(segments, present)]

    return pd.DataFrame({
        ctx.t("structure.history_col_from", period=comparison.start): side(
            moves["segment_before"], moves["present_before"], "structure.history_came"),
        ctx.t("structure.history_col_to", period=comparison.end): side(
            moves["segment_after"], moves["present_after"], "structure.history_left"),
        ctx.t("structure.history_col_moved"): [number(int(v), lang) for v in moves["clients"]],
        ctx.t("structure.history_col_revenue_then", period=comparison.start): [
            money(v, lang, compact=True) for v in moves["revenue_before"]],
        ctx.t("structure.history_col_revenue_now", period=comparison.end): [
            money(v, lang, compact=True) for v in moves["revenue_after"]],
    })

