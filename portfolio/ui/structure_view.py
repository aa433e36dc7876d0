"""The Structure page's team view: headline figures, mix per segment, mix against the norms."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from portfolio.figures.structure import mix_figure, norms_figure
from portfolio.norms import Norms
from portfolio.queries.scope import ClientFilter
from portfolio.tables_out import csv_bytes, xlsx_bytes
from portfolio.ui import structure_data
from portfolio.ui.context import PageContext
from portfolio.ui.formatting import money, number, percent
from portfolio.ui.widgets import metric, metric_row

# Exports for meeting minutes: a sharp PNG from each chart's camera button.
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                 "toImageButtonOptions": {"format": "png", "scale": 2}}


def segment_labels(ctx: PageContext) -> dict[str, str]:
    """Segment id → its label in the page's language."""
    return {s.id: s.label.get(ctx.lang) for s in ctx.view.grid.segments}


def chart(figure, key: str) -> None:  # noqa: ANN001 (a go.Figure)
    """A figure at full width, drawn as built (no Streamlit theme), with the PNG export."""
    st.plotly_chart(figure, key=key, theme=None, config=PLOTLY_CONFIG)


def gap_text(gap: float, within: object, lang: str) -> str:
    """A gap in share points with its verdict: `+10 pts ▲`, `−2 pts ✓`, a dash with no target."""
    if gap is None or pd.isna(gap):
        return "—"
    on_target = not pd.isna(within) and bool(within)
    mark = "✓" if on_target else ("▲" if gap > 0 else "▼")
    return f"{share_points(gap, lang)} {mark}"


def share_points(change: float, lang: str) -> str:
    """A difference of shares in points: `+3.2 pts`, `−1.0 pts`, `0.0 pts`."""
    points = 100 * float(change)
    sign = "+" if points > 0.05 else ("\u2212" if points < -0.05 else "")
    return f"{sign}{number(abs(points), lang, 1)}\u00a0pts"


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


def team_tab(ctx: PageContext, norms: Norms, filters: ClientFilter) -> None:
    """Headline figures, the mix per segment on every measure, and the mix against the norms."""
    team = structure_data.comparison(ctx.view, filters).team.iloc[0]
    if int(team["clients"]) == 0:
        st.info(ctx.t("structure.no_clients"), icon=":material/info:")
        return
    headline(ctx, team)
    mix = structure_data.team_mix(ctx.view, filters)
    st.subheader(ctx.t("structure.mix_title"), anchor=False)
    st.caption(ctx.t("structure.mix_caption"))
    chart(mix_figure(mix, ctx.view.grid, ctx.lang), "w.structure.mix")
    gaps = structure_data.team_gaps(ctx.view, norms, filters)
    st.subheader(ctx.t("structure.norms_title"), anchor=False)
    st.caption(ctx.t("structure.norms_caption",
                     tolerance=number(100 * norms.structure.tolerance, ctx.lang, 0)))
    chart(norms_figure(gaps, ctx.view.grid, ctx.lang), "w.structure.norms")
    st.table(segment_table(ctx, mix, gaps), hide_index=True)
    if norms.overrides:
        st.caption(ctx.t("structure.overrides_note", count=len(norms.overrides)))


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


def segment_table(ctx: PageContext, mix: pd.DataFrame, gaps: pd.DataFrame) -> pd.DataFrame:
    """Per segment: clients and revenue against their targets, margin, potential, headroom."""
    lang, labels = ctx.lang, segment_labels(ctx)
    rows = mix.merge(gaps[["segment", "target_share", "gap", "within_tolerance",
                           "revenue_target_share", "revenue_gap", "revenue_within_tolerance"]],
                     on="segment", how="left")

    def amounts(column: str) -> list[str]:
        return [money(v, lang, compact=True) for v in rows[column]]

    def shares(column: str) -> list[str]:
        return [percent(v, lang) for v in rows[column]]

    return pd.DataFrame({
        ctx.t("structure.col_segment"): [labels.get(s, s) for s in rows["segment"]],
        ctx.t("structure.col_clients"): [number(v, lang) for v in rows["clients"]],
        ctx.t("structure.col_client_share"): shares("client_share"),
        ctx.t("structure.col_target"): shares("target_share"),
        ctx.t("structure.col_gap"): [gap_text(g, w, lang) for g, w
                                     in zip(rows["gap"], rows["within_tolerance"])],
        ctx.t("structure.col_revenue"): amounts("revenue"),
        ctx.t("structure.col_revenue_share"): shares("revenue_share"),
        ctx.t("structure.col_revenue_target"): shares("revenue_target_share"),
        ctx.t("structure.col_revenue_gap"): [gap_text(g, w, lang) for g, w
                                             in zip(rows["revenue_gap"],
                                                    rows["revenue_within_tolerance"])],
        ctx.t("structure.col_margin"): amounts("margin"),
        ctx.t("structure.col_potential"): amounts("potential"),
        ctx.t("structure.col_headroom"): amounts("headroom"),
        ctx.t("structure.col_sow"): shares("share_of_wallet"),
    })


def viewer_note(ctx: PageContext) -> None:
    """When one rep's portfolio alone is shown: where to compare it with anonymous peers."""
    if ctx.viewer is None:
        return
    st.info(ctx.t("structure.viewer_note", rep=ctx.viewer), icon=":material/person:")
    st.page_link("pages/6_Rep.py", label=ctx.t("rep.nav"), icon=":material/person:")
