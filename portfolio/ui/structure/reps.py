"""The Structure page's reps side by side: same revenue, different structure; concentration."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.figures.structure import concentration_figure, segment_revenue_figure, wallet_figure
from portfolio.queries.scope import ClientFilter
from portfolio.structure import RepComparison
from portfolio.ui.shared import structure_queries as structure_data
from portfolio.ui.structure import state as structure_state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import EMPTY, number
from portfolio.ui.shared.localised_table import localised, one_decimal, whole
from portfolio.ui.shared.summary import chart, download_buttons
from portfolio.ui.shared.widgets import bound_widget

# Past this many bars a chart no longer fits a projected slide: the first ones in the chosen
# order are drawn, and the table below holds every rep.
MAX_REPS_DRAWN = 40
ORDER_LABELS = {"revenue": "structure.order_revenue", "potential": "structure.order_potential",
                "headroom": "structure.order_headroom",
                "share_of_wallet": "structure.order_share_of_wallet", "name": "structure.order_name"}


def ordered_reps(ctx: PageContext, comparison: RepComparison) -> pd.DataFrame:
    """The reps in the order chosen on the page (largest first, names alphabetically)."""
    order = structure_state.reps_order()
    if order == "name":
        return comparison.reps.sort_values("salesperson", kind="stable")
    return comparison.reps.sort_values([order, "salesperson"], ascending=[False, True],
                                       kind="stable")


def order_control(ctx: PageContext, key: str) -> None:
    """How the reps are sorted, kept across the page's tabs."""
    bound_widget(st.segmented_control, key, structure_state.reps_order(),
                 structure_state.set_reps_order, label=ctx.t("structure.order"),
                 options=list(structure_state.ORDERS), required=True,
                 format_func=lambda value: ctx.t(ORDER_LABELS[value]))


def _introduced(ctx: PageContext, filters: ClientFilter, intro: str,
                order_key: str) -> RepComparison | None:
    """The reps compared, after the tab's introduction and the order control; None (and a
    note) when there is no client to compare."""
    comparison = structure_data.comparison(ctx.view, filters)
    if comparison.reps.empty:
        st.info(ctx.md("structure.no_clients"), icon=":material/info:")
        return None
    st.markdown(ctx.md(intro))
    order_control(ctx, order_key)
    return comparison


def _drawn(ctx: PageContext, reps: pd.DataFrame) -> pd.DataFrame:
    if len(reps) > MAX_REPS_DRAWN:
        st.caption(ctx.md("structure.reps_capped", shown=MAX_REPS_DRAWN,
                         total=number(len(reps), ctx.lang)))
    return reps.head(MAX_REPS_DRAWN)


def reps_tab(ctx: PageContext, filters: ClientFilter) -> None:
    """Each rep's revenue as potential × share of wallet with the headroom left, and split
    by segment, in one order; the full table below."""
    comparison = _introduced(ctx, filters, "structure.same_revenue_intro", "w.structure.order")
    if comparison is None:
        return
    reps = ordered_reps(ctx, comparison)
    drawn = _drawn(ctx, reps)
    st.subheader(ctx.md("structure.wallet_title"), anchor=False)
    st.caption(ctx.md("structure.wallet_caption"))
    chart(wallet_figure(drawn, ctx.lang), "w.structure.wallet")
    st.subheader(ctx.md("structure.split_title"), anchor=False)
    split = comparison.revenue_by_segment.loc[list(drawn["salesperson"])]
    chart(segment_revenue_figure(split, ctx.view.grid, ctx.lang), "w.structure.split")
    st.subheader(ctx.md("structure.reps_table_title"), anchor=False)
    table = reps_table(ctx, reps)
    st.dataframe(localised(table, ctx.lang, _number_columns(ctx)), hide_index=True, placeholder=EMPTY,
                 width="stretch")
    download_buttons(ctx, table, ctx.t("structure.reps_file"), "w.structure.reps_download")


def _number_columns(ctx: PageContext) -> dict:
    """Euros to the unit, shares in % with one decimal, written the user's way."""
    return {ctx.t("structure.col_revenue_eur"): whole,
            ctx.t("structure.col_potential_eur"): whole,
            ctx.t("structure.col_headroom_eur"): whole,
            ctx.t("structure.col_sow_pct"): one_decimal,
            ctx.t("structure.col_top_share_pct"): one_decimal}


def reps_table(ctx: PageContext, reps: pd.DataFrame) -> pd.DataFrame:
    """One row per rep, numbers kept as numbers so that every column sorts (shares in %)."""
    return pd.DataFrame({
        ctx.t("structure.col_salesperson"): reps["salesperson"].to_numpy(),
        ctx.t("structure.col_clients"): reps["clients"].to_numpy(),
        ctx.t("structure.col_revenue_eur"): reps["revenue"].round(0).to_numpy(),
        ctx.t("structure.col_potential_eur"): reps["potential"].round(0).to_numpy(),
        ctx.t("structure.col_sow_pct"): (100 * reps["share_of_wallet"]).round(1).to_numpy(),
        ctx.t("structure.col_headroom_eur"): reps["headroom"].round(0).to_numpy(),
        ctx.t("structure.col_top_share_pct"): (100 * reps["top_revenue_share"]).round(1).to_numpy(),
        ctx.t("structure.col_a_clients"): reps["a_clients"].to_numpy(),
        ctx.t("structure.col_b_clients"): reps["b_clients"].to_numpy(),
        ctx.t("structure.col_c_clients"): reps["c_clients"].to_numpy(),
    })


def concentration_tab(ctx: PageContext, filters: ClientFilter) -> None:
    """The share of revenue of each rep's top 20 % of clients, and their ABC classes."""
    comparison = _introduced(ctx, filters, "structure.concentration_intro",
                             "w.structure.order_concentration")
    if comparison is None:
        return
    drawn = _drawn(ctx, ordered_reps(ctx, comparison))
    chart(concentration_figure(drawn, comparison.team, ctx.lang, ctx.team_name()), "w.structure.concentration")
    st.caption(ctx.md("structure.concentration_caption"))
