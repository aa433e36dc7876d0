"""The visit plan's tables: visits by segment (chart and totals), by client, the export, the team."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import streamlit as st

from portfolio.planning import plan_export
from portfolio.figures.plan import segment_visits_figure
from portfolio.tables_out import csv_bytes, xlsx_bytes
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import EMPTY, money, number, percent
from portfolio.ui.plan.data import RepView
from portfolio.numbers import amounts, signed_percent, two_figures, whole_numbers
from portfolio.ui.plan.view import TABLE_HEIGHT
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.presenter import presenting
from portfolio.ui.shared.widgets import text_table
from portfolio.visits import SURPLUS_SHARE

SEGMENT_TABLE_KEY = "plan_segments"


def segment_panel(ctx: PageContext, view: RepView) -> None:
    """Visits today, at the norms and recommended, per segment: grouped bars and their totals."""
    st.subheader(ctx.md("plan.segments_title"), anchor=False)
    chart_column, table_column = st.columns([1, 1], gap="large")
    with chart_column:
        chart(segment_visits_figure(view.segments, ctx.view.grid, ctx.lang), "w.plan.segments_chart")
    with table_column:
        with st.container(key=SEGMENT_TABLE_KEY):
            text_table(segment_table(ctx, view))


def segment_table(ctx: PageContext, view: RepView) -> pd.DataFrame:
    """Per segment and in total: clients, visits today → recommended, expected revenue."""
    table, lang = view.segments, ctx.lang
    labels = ctx.view.grid.segment_labels(lang)
    totals = table.drop(columns="segment").sum(min_count=1)
    rows = [*table.itertuples(index=False)]  # one row per segment of the grid, not per client
    names = [labels.get(r.segment, r.segment) for r in rows] + [ctx.t("plan.total")]

    def column(name: str, fmt) -> list[str]:  # noqa: ANN001
        return [fmt(getattr(r, name)) for r in rows] + [fmt(totals[name])]

    def count(value: float) -> str:
        return number(value, lang)

    def amount(value: float) -> str:
        return money(value, lang, compact=True)

    return pd.DataFrame({
        ctx.t("plan.col_segment"): names,
        ctx.t("plan.col_clients"): column("clients", count),
        ctx.t("plan.col_today"): column("visits_today", count),
        ctx.t("plan.col_norms"): column("visits_norm", count),
        ctx.t("plan.col_recommended"): column("visits_recommended", count),
        ctx.t("plan.col_segment_revenue_today"): column("revenue_expected_current", amount),
        ctx.t("plan.col_segment_revenue_plan"): column("revenue_expected_recommended", amount),
    })


def client_table(ctx: PageContext, view: RepView) -> None:
    """Every client of the rep: visits today, the norms' range, recommended, expected revenue."""
    clients, lang = view.plan.clients, ctx.lang
    st.subheader(ctx.md("plan.clients_title"), anchor=False)
    labels = ctx.view.grid.segment_labels(lang)
    change = clients["visits_recommended"] - clients["visits_12m"]
    sign = np.where(change > 0, "+", "")
    table = pd.DataFrame({
        ctx.t("plan.col_client"): clients["client_name"].to_numpy(),
        ctx.t("plan.col_code"): clients["client_id"].to_numpy(),
        ctx.t("plan.col_segment"): clients["segment"].map(labels).to_numpy(),
        ctx.t("plan.col_today"): whole_numbers(clients["visits_12m"], lang).to_numpy(),
        ctx.t("plan.col_range"): (whole_numbers(clients["visits_min"], lang) + "–"
                                  + whole_numbers(clients["visits_max"], lang)).to_numpy(),
        ctx.t("plan.col_recommended"): whole_numbers(clients["visits_recommended"], lang).to_numpy(),
        ctx.t("plan.col_change"): (sign + whole_numbers(change, lang)).to_numpy(),
        ctx.t("plan.col_revenue_today"): amounts(clients["revenue_expected_current"], lang).to_numpy(),
        ctx.t("plan.col_revenue_recommended"): amounts(clients["revenue_expected_recommended"],
                                                       lang).to_numpy(),
        ctx.t("plan.col_next_visit"): amounts(clients["next_visit_value"], lang).to_numpy(),
    })
    st.dataframe(table, hide_index=True, placeholder=EMPTY, height=TABLE_HEIGHT, key="w.plan.clients")
    if not presenting():  # downloads are for the desk, not the projected screen
        export_buttons(ctx, view)


def export_buttons(ctx: PageContext, view: RepView) -> None:
    """The rep's plan as CSV or XLSX, headers in the reader's language, formula-safe."""
    clients, grid, lang = view.plan.clients, ctx.view.grid, ctx.lang
    name = _file_name(ctx.t("plan.file_name", rep=view.plan.salesperson))
    csv_column, xlsx_column, _ = st.columns([2, 2, 5])
    # The files are built when the button is pressed, not on every rerun of the page.
    csv_column.download_button(ctx.t("plan.download_csv"), key="w.plan.download_csv",
                               data=lambda: csv_bytes(plan_export(clients, grid, lang), lang),
                               file_name=f"{name}.csv", mime="text/csv", icon=":material/download:")
    xlsx_column.download_button(
        ctx.t("plan.download_xlsx"), key="w.plan.download_xlsx",
        data=lambda: xlsx_bytes(plan_export(clients, grid, lang), sheet_name="plan"),
        file_name=f"{name}.xlsx", icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _file_name(text: str) -> str:
    """A file name from a rep's name: letters, digits, - and _ only."""
    return re.sub(r"[^\w-]+", "_", text, flags=re.UNICODE).strip("_") or "plan"


def team_panel(ctx: PageContext, reps: pd.DataFrame) -> None:
    """One row per rep: workload against capacity, recommended visits, expected revenue."""
    lang = ctx.lang
    st.subheader(ctx.md("plan.team_title"), anchor=False)
    table = pd.DataFrame({
        ctx.t("plan.col_rep"): reps["salesperson"].to_numpy(),
        ctx.t("plan.col_clients"): whole_numbers(reps["clients"], lang).to_numpy(),
        ctx.t("plan.col_workload"): whole_numbers(reps["workload"], lang).to_numpy(),
        ctx.t("plan.col_capacity"): whole_numbers(reps["capacity"], lang).to_numpy(),
        ctx.t("plan.col_utilisation"): [percent(v, lang) for v in reps["utilisation"]],
        ctx.t("plan.col_recommended"): whole_numbers(reps["visits_recommended"], lang).to_numpy(),
        # Free visits only where the capacity is far beyond the workload (planned at the norms).
        ctx.t("plan.col_free"): whole_numbers(reps["visits_free"].where(reps["capacity_surplus"]),
                                              lang).to_numpy(),
        ctx.t("plan.col_rep_revenue_today"): amounts(reps["revenue_today"], lang).to_numpy(),
        ctx.t("plan.col_revenue_recommended"): amounts(reps["revenue_planned"], lang).to_numpy(),
        ctx.t("plan.col_gain"): [signed_percent(v, lang) for v in reps["expected_gain_share"]],
        ctx.t("plan.col_day_value"): amounts(two_figures(reps["visit_day_value"]), lang).to_numpy(),
    })
    st.dataframe(table, hide_index=True, placeholder=EMPTY, height=min(TABLE_HEIGHT, 38 + 35 * len(table)),
                 key="w.plan.team")
    surplus = reps[reps["capacity_surplus"].astype(bool)]
    if len(surplus):
        st.caption(ctx.md("plan.team_surplus", reps=number(len(surplus), lang),
                          share=percent(SURPLUS_SHARE, lang), free=number(surplus["visits_free"].sum(), lang)))
    unknown = int((~reps["visits_known"].astype(bool)).sum())
    if unknown:
        st.caption(ctx.md("plan.team_no_visits", reps=number(unknown, lang)))
