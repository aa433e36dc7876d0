"""Parts the Structure, Rep and Grid pages share: charts with their PNG export, table
downloads, segment labels, gaps in share points and the headline figures of a portfolio."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from portfolio.tables_out import csv_bytes, xlsx_bytes
from portfolio.ui.shared.chart_export import exported
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import money, number, percent, share_points
from portfolio.ui.shared.widgets import metric, metric_row



def segment_labels(ctx: PageContext) -> dict[str, str]:
    """Segment id → its label in the page's language."""
    return ctx.view.grid.segment_labels(ctx.lang)


def chart(figure, key: str) -> None:  # noqa: ANN001 (a go.Figure)
    """A figure at full width, drawn as built (no Streamlit theme), with the PNG export that
    says what it shows (`chart_export`)."""
    st.plotly_chart(figure, key=key, theme=None, config=exported(figure, key))


def gap_text(gap: float, within: object, lang: str) -> str:
    """A gap in share points with its verdict: `+10 pts ▲`, `−2 pts ✓`, a dash with no target."""
    if gap is None or pd.isna(gap):
        return "—"
    on_target = not pd.isna(within) and bool(within)
    mark = "✓" if on_target else ("▲" if gap > 0 else "▼")
    return f"{share_points(gap, lang)} {mark}"


def download_buttons(ctx: PageContext, table: pd.DataFrame, file_stem: str, key: str) -> None:
    """CSV and Excel downloads of a table, side by side (the name made safe for any disk).

    The files are written when a button is pressed, not on every rerun: an Excel file of
    a few hundred rows costs more than the rest of the page.
    """
    file_stem = re.sub(r"[^\w-]+", "_", file_stem).strip("_") or "table"
    left, right, _ = st.columns([1, 1, 3])
    with left:
        st.download_button(ctx.t("structure.download_csv"), lambda: csv_bytes(table, ctx.lang),
                           file_name=f"{file_stem}.csv", mime="text/csv", key=f"{key}.csv",
                           icon=":material/download:", width="stretch")
    with right:
        st.download_button(ctx.t("structure.download_xlsx"),
                           lambda: xlsx_bytes(table, sheet_name=file_stem[:31]),
                           file_name=f"{file_stem}.xlsx", key=f"{key}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           icon=":material/download:", width="stretch")


def headline(ctx: PageContext, totals: pd.Series) -> None:
    """Clients, revenue, potential, share of wallet and headroom of the visible portfolio."""
    lang = ctx.lang
    with metric_row():
        metric(ctx.t("structure.metric_clients"), number(totals["clients"], lang))
        metric(ctx.t("structure.metric_revenue"), money(totals["revenue"], lang, compact=True))
        metric(ctx.t("structure.metric_potential"), money(totals["potential"], lang, compact=True),
               help=ctx.t("structure.metric_potential_help"))
        metric(ctx.t("structure.metric_sow"), percent(totals["share_of_wallet"], lang),
               help=ctx.t("structure.metric_sow_help"))
        metric(ctx.t("structure.metric_headroom"), money(totals["headroom"], lang, compact=True),
               help=ctx.t("structure.metric_headroom_help"))
