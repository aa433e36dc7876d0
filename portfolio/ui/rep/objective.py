"""The Rep page's action lists: priority clients, and a revenue objective turned into moves."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.figures.rep import objective_figure
from portfolio.structure import ObjectivePlan
from portfolio.ui.shared import structure_queries as structure_data
from portfolio.ui.rep import state as rep_state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import EMPTY, money, number, percent
from portfolio.ui.rep.view import own_clients, whole_portfolio
from portfolio.ui.shared.localised_table import localised, one_decimal, signed_points, whole
from portfolio.ui.shared.presenter import presenting
from portfolio.ui.shared.summary import chart, download_buttons, segment_labels
from portfolio.ui.shared.number_entry import NumberRule, number_entry
from portfolio.ui.shared.widgets import bound_widget, metric, metric_row

PRIORITY_ROWS = 50  # a list a rep can work through; the download holds them all
MAX_GROWTH_PERCENT = 200.0
TARGET_LABELS = {"next_band": "rep.target_next_band", "partners": "rep.target_partners"}


def priority_clients_section(ctx: PageContext, rep: str) -> None:
    """Attractive clients where the relationship is weak, the most headroom first."""
    clients = structure_data.priority_clients(ctx.view, rep, own_clients(ctx, rep))
    st.subheader(ctx.md("rep.priority_clients_title"), anchor=False)
    if clients.empty:
        st.info(ctx.md("rep.priority_clients_none"), icon=":material/info:")
        return
    # "the 44 largest first" of 44 says nothing: all of them, then, in order of headroom.
    every = len(clients) <= PRIORITY_ROWS
    st.caption(ctx.md("rep.priority_clients_caption_all" if every else "rep.priority_clients_caption",
                      clients=number(len(clients), ctx.lang),
                     headroom=money(clients["headroom"].sum(), ctx.lang, compact=True),
                     shown=number(min(len(clients), PRIORITY_ROWS), ctx.lang)))
    table = pd.DataFrame({
        ctx.t("rep.col_client"): clients["client_name"].to_numpy(),
        ctx.t("rep.col_code"): clients["client_id"].to_numpy(),
        ctx.t("rep.col_attractiveness"): clients["attractiveness"].round(1).to_numpy(),
        ctx.t("rep.col_qrc"): clients["qrc"].round(1).to_numpy(),
        ctx.t("rep.col_revenue"): clients["revenue"].round(0).to_numpy(),
        ctx.t("rep.col_potential"): clients["potential"].round(0).to_numpy(),
        ctx.t("rep.col_headroom"): clients["headroom"].round(0).to_numpy(),
        ctx.t("rep.col_sow_pct"): (100 * clients["share_of_wallet"]).round(1).to_numpy(),
        ctx.t("rep.col_visits"): clients["visits_12m"].to_numpy(),
        ctx.t("rep.col_last_visit"): pd.to_datetime(clients["last_visit"]).dt.date.to_numpy(),
    })
    formats = {ctx.t(k): whole for k in ("rep.col_revenue", "rep.col_potential", "rep.col_headroom",
                                         "rep.col_visits")}
    formats.update({ctx.t(k): one_decimal for k in ("rep.col_attractiveness", "rep.col_qrc",
                                                    "rep.col_sow_pct")})
    st.dataframe(localised(table.head(PRIORITY_ROWS), ctx.lang, formats), hide_index=True,
                 placeholder=EMPTY, width="stretch", key="w.rep.priority")
    download_buttons(ctx, table, ctx.t("rep.priority_file", rep=rep), "w.rep.priority_download")


def objective_section(ctx: PageContext, rep: str) -> ObjectivePlan | None:
    """+X % of revenue becomes share-of-wallet moves, where the headroom per visit is largest;
    returns the plan shown (None when there is none to show)."""
    st.subheader(ctx.md("rep.objective_title"), anchor=False)
    st.markdown(ctx.md("rep.objective_intro"))
    if not presenting():
        objective_inputs(ctx)
    growth = rep_state.growth_percent() / 100
    if growth <= 0:
        st.info(ctx.md("rep.objective_enter"), icon=":material/edit:")
        return None
    plan = structure_data.objective_plan(ctx.view, rep, growth, whole_portfolio(ctx),
                                          rep_state.target_rule(), ctx.peers)
    if plan.current_revenue <= 0:
        st.info(ctx.md("rep.objective_no_revenue"), icon=":material/info:")
        return None
    objective_summary(ctx, plan)
    if plan.available_gain > 0:
        chart(objective_figure(plan.by_segment, ctx.view.grid, ctx.lang), "w.rep.objective_chart")
    moves_table(ctx, plan)
    return plan


def objective_inputs(ctx: PageContext) -> None:
    """The objective in percent and the rule for each client's target (hidden while presenting:
    the objective then shown is the one set before)."""
    growth_column, rule_column = st.columns([1, 2], vertical_alignment="bottom")
    with growth_column:
        number_entry("w.rep.growth", rep_state.growth_percent(), rep_state.set_growth_percent,
                     label=ctx.t("rep.growth"), lang=ctx.lang,
                     rule=NumberRule(minimum=0.0, maximum=MAX_GROWTH_PERCENT, unit="%",
                                     required=True),
                     help=ctx.t("rep.growth_help"))
    with rule_column:
        bound_widget(st.segmented_control, "w.rep.target", rep_state.target_rule(),
                     rep_state.set_target_rule, label=ctx.t("rep.target_rule"),
                     options=list(rep_state.TARGET_RULES), required=True,
                     format_func=lambda value: ctx.t(TARGET_LABELS[value]),
                     help=ctx.t("rep.target_help"))


def objective_summary(ctx: PageContext, plan: ObjectivePlan) -> None:
    """The objective in euros, what the moves bring, and whether the headroom covers it."""
    lang = ctx.lang
    with metric_row():
        metric(ctx.t("rep.metric_revenue"), money(plan.current_revenue, lang, compact=True))
        metric(ctx.t("rep.metric_objective"), money(plan.objective, lang, compact=True),
               delta=f"+{percent(plan.growth, lang, _decimals(plan.growth))}", delta_color="off")
        metric(ctx.t("rep.metric_planned"), money(plan.planned_gain, lang, compact=True))
        metric(ctx.t("rep.metric_moves"), number(len(plan.moves), lang))
    labels = segment_labels(ctx)
    used = plan.by_segment[plan.by_segment["clients"] > 0]
    where = "; ".join(ctx.t("rep.objective_segment", segment=labels.get(row.segment, row.segment),
                            clients=number(row.clients, lang),
                            gain=money(row.revenue_gain, lang, compact=True))
                      for row in used.itertuples(index=False))
    with st.container(key="rep_objective_verdict"):
        if plan.reachable:
            st.success(ctx.md("rep.objective_reachable", objective=money(plan.objective, lang, compact=True),
                             clients=number(len(plan.moves), lang), where=where),
                       icon=":material/flag:")
        else:
            covered = plan.planned_gain / plan.objective if plan.objective else 0.0
            st.warning(ctx.md("rep.objective_short", objective=money(plan.objective, lang, compact=True),
                             available=money(plan.available_gain, lang, compact=True),
                             covered=percent(covered, lang),
                             shortfall=money(plan.shortfall, lang, compact=True),
                             rule=ctx.t(TARGET_LABELS[rep_state.target_rule()])),
                       icon=":material/warning:")


def _decimals(share: float) -> int:
    """A whole percentage without decimals (+10 %), another with one (+12,5 %), never rounded
    to a figure that was not typed."""
    return 0 if round(100 * share, 1).is_integer() else 1


def moves_table(ctx: PageContext, plan: ObjectivePlan) -> None:
    """Which clients to develop, by how many share-of-wallet points, for how much revenue."""
    moves = plan.moves
    if moves.empty:
        return
    st.markdown(f"**{ctx.t('rep.moves_title')}**")
    labels = segment_labels(ctx)
    table = pd.DataFrame({
        ctx.t("rep.col_order"): range(1, len(moves) + 1),
        ctx.t("rep.col_client"): moves["client_name"].to_numpy(),
        ctx.t("rep.col_code"): moves["client_id"].to_numpy(),
        ctx.t("rep.col_segment"): moves["segment"].map(labels).to_numpy(),
        ctx.t("rep.col_sow_now_pct"): (100 * moves["current_sow"]).round(1).to_numpy(),
        ctx.t("rep.col_sow_target_pct"): (100 * moves["target_sow"]).round(1).to_numpy(),
        ctx.t("rep.col_sow_points"): moves["delta_sow_points"].round(1).to_numpy(),
        ctx.t("rep.col_gain"): moves["revenue_gain"].round(0).to_numpy(),
        ctx.t("rep.col_headroom"): moves["headroom"].round(0).to_numpy(),
        ctx.t("rep.col_visits"): moves["visits_12m"].to_numpy(),
    })
    formats = {ctx.t(k): whole for k in ("rep.col_order", "rep.col_gain", "rep.col_headroom",
                                         "rep.col_visits")}
    formats.update({ctx.t(k): one_decimal for k in ("rep.col_sow_now_pct", "rep.col_sow_target_pct")})
    formats[ctx.t("rep.col_sow_points")] = signed_points
    st.dataframe(localised(table, ctx.lang, formats), hide_index=True, placeholder=EMPTY,
                 width="stretch", key="w.rep.moves", height=min(38 + 35 * len(table), 480))
    download_buttons(ctx, table, ctx.t("rep.moves_file", rep=plan.salesperson), "w.rep.moves_download")
