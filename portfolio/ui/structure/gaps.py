"""The Structure page's gaps to the norms: a rep × segment heatmap and who is outside tolerance."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from portfolio.figures.structure import GAP_LABELS, gaps_heatmap
from portfolio.norms import Norms
from portfolio.queries.scope import ClientFilter
from portfolio.structure import outside_tolerance, small_portfolio_note
from portfolio.ui.shared import structure_queries as structure_data
from portfolio.ui.structure import state as structure_state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import EMPTY, number
from portfolio.ui.shared.localised_table import localised, one_decimal, signed_points, whole
from portfolio.ui.shared.summary import chart, download_buttons, segment_labels
from portfolio.ui.shared.presenter import presenting
from portfolio.ui.shared.widgets import bound_widget

PAGE_REPS = 15  # reps per page of the heatmap: legible on a projector; the table lists everyone
PRESENTED_HEATMAP_PX = 500  # a page of reps and the team's row within a 1366×768 screen
HEATMAP_CAPTIONS = {"clients": "structure.heatmap_caption_clients",
                    "revenue": "structure.heatmap_caption_revenue"}


def gaps_tab(ctx: PageContext, norms: Norms, filters: ClientFilter) -> None:
    """The heatmap of gaps (reps furthest from the norms first) and the table of every rep and
    segment outside tolerance, downloadable."""
    gaps = structure_data.rep_gaps(ctx.view, norms, filters)
    if gaps.empty:
        st.info(ctx.md("structure.no_clients"), icon=":material/info:")
        return
    measure = structure_state.gap_measure() if presenting() else _measure_control(ctx, gaps)
    if gaps["revenue_target_share"].isna().all():
        measure = "clients"
    gap = "gap" if measure == "clients" else "revenue_gap"
    st.caption(ctx.md(HEATMAP_CAPTIONS[measure],
                     tolerance=number(100 * norms.structure.tolerance, ctx.lang)))
    order = gaps.assign(_size=gaps[gap].abs()).groupby("salesperson", sort=False)["_size"].sum()
    furthest = list(order.sort_values(ascending=False, kind="stable").index)
    note = small_portfolio_note(gaps, norms.structure.tolerance,
                                norms.structure.judged_from_clients)
    if note is not None:  # said once, where the verdicts are drawn
        st.caption(ctx.md("structure.small_portfolios", not_judged=number(note.not_judged, ctx.lang),
                          minimum=number(note.judged_from, ctx.lang),
                          widened=number(note.widened, ctx.lang)))
    shown = reps_page(ctx, furthest)
    drawn = gaps.set_index("salesperson").loc[shown].reset_index()
    team = structure_data.team_gaps(ctx.view, norms, filters)
    chart(gaps_heatmap(drawn, ctx.view.grid, ctx.lang, measure, team=team,
                       team_name=ctx.team_name(),
                       height=PRESENTED_HEATMAP_PX if presenting() else None),
          "w.structure.heatmap")
    outside_panel(ctx, gaps)


def reps_page(ctx: PageContext, reps: list[str]) -> list[str]:
    """The page of reps drawn (furthest from the norms first), with previous and next pages
    when there are more than `PAGE_REPS`."""
    pages = -(-len(reps) // PAGE_REPS)
    index = min(structure_state.gaps_page(), pages - 1)
    first, last = index * PAGE_REPS, min((index + 1) * PAGE_REPS, len(reps))
    if pages > 1:
        with st.container(horizontal=True, vertical_alignment="center", key="structure_gaps_pager"):
            st.button(ctx.t("presenter.previous_reps"), key="w.structure.gaps_previous",
                      icon=":material/arrow_back:", disabled=index == 0,
                      on_click=structure_state.set_gaps_page, args=(index - 1,))
            st.markdown(ctx.md("presenter.reps_page", first=number(first + 1, ctx.lang),
                               last=number(last, ctx.lang), total=number(len(reps), ctx.lang)))
            st.button(ctx.t("presenter.next_reps"), key="w.structure.gaps_next",
                      icon=":material/arrow_forward:", icon_position="right",
                      disabled=index == pages - 1,
                      on_click=structure_state.set_gaps_page, args=(index + 1,))
    return reps[first:last]


def _measure_control(ctx: PageContext, gaps: pd.DataFrame) -> str:
    """Clients or revenue; revenue only when the norms give revenue targets."""
    if gaps["revenue_target_share"].isna().all():
        return "clients"
    bound_widget(st.segmented_control, "w.structure.measure", structure_state.gap_measure(),
                 structure_state.set_gap_measure, label=ctx.t("structure.measure"),
                 options=list(structure_state.MEASURES), required=True,
                 format_func=lambda value: ctx.t(GAP_LABELS[value]))
    return structure_state.gap_measure()


def outside_panel(ctx: PageContext, gaps: pd.DataFrame) -> None:
    """Who is outside tolerance, where and by how much, largest gap first; CSV and Excel."""
    st.subheader(ctx.md("structure.outside_title"), anchor=False)
    outside = outside_tolerance(gaps)
    reps = gaps["salesperson"].nunique()
    if outside.empty:
        st.success(ctx.md("structure.all_within", reps=number(reps, ctx.lang)),
                   icon=":material/check_circle:")
        return
    st.caption(ctx.md("structure.outside_caption", rows=number(len(outside), ctx.lang),
                     reps=number(outside["salesperson"].nunique(), ctx.lang),
                     total=number(reps, ctx.lang)))
    table = outside_table(ctx, outside)
    formats = {ctx.t(key): signed_points for key in ("structure.col_gap_pts",
                                                     "structure.col_revenue_gap_pts")}
    formats.update({ctx.t(key): one_decimal for key in (
        "structure.col_client_share_pct", "structure.col_target_pct",
        "structure.col_revenue_share_pct", "structure.col_revenue_target_pct")})
    formats[ctx.t("structure.col_revenue_eur")] = whole
    st.dataframe(localised(table, ctx.lang, formats), hide_index=True, placeholder=EMPTY,
                 width="stretch", height=min(38 + 35 * len(table), 560), key="w.structure.outside")
    download_buttons(ctx, table, ctx.t("structure.outside_file"), "w.structure.outside_download")


def outside_table(ctx: PageContext, outside: pd.DataFrame) -> pd.DataFrame:
    """Rows of `outside_tolerance` for the screen and the minutes: numbers as numbers (shares
    in %, gaps in points) so that every column sorts."""
    labels = segment_labels(ctx)

    def pct(column: str) -> np.ndarray:
        return (100 * outside[column].astype(float)).round(1).to_numpy()

    def verdict(within: pd.Series) -> list[str]:
        return ["" if pd.isna(w) else ctx.t("structure.within" if w else "structure.outside")
                for w in within]

    return pd.DataFrame({
        ctx.t("structure.col_salesperson"): outside["salesperson"].to_numpy(),
        ctx.t("structure.col_segment"): outside["segment"].map(labels).to_numpy(),
        ctx.t("structure.col_clients"): outside["clients"].to_numpy(),
        ctx.t("structure.col_client_share_pct"): pct("client_share"),
        ctx.t("structure.col_target_pct"): pct("target_share"),
        ctx.t("structure.col_gap_pts"): pct("gap"),
        ctx.t("structure.col_on_clients"): verdict(outside["within_tolerance"]),
        ctx.t("structure.col_revenue_eur"): outside["revenue"].round(0).to_numpy(),
        ctx.t("structure.col_revenue_share_pct"): pct("revenue_share"),
        ctx.t("structure.col_revenue_target_pct"): pct("revenue_target_share"),
        ctx.t("structure.col_revenue_gap_pts"): pct("revenue_gap"),
        ctx.t("structure.col_on_revenue"): verdict(outside["revenue_within_tolerance"]),
        ctx.t("structure.col_scope"): outside["scope"].fillna(ctx.t("structure.scope_default"))
                                                       .to_numpy(),
    })
