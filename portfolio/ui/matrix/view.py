"""The matrix page's parts: the chart (and which client was clicked) and the totals per segment."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from portfolio.figures.common import segment_colors
from portfolio.figures.matrix import CLIENT_ID_INDEX, DENSITY_FROM, chart_kind, matrix_figure
from portfolio.queries.scope import ClientFilter
from portfolio.ui.shared import queries as data
from portfolio.ui.shared.chart_export import exported
from portfolio.ui.matrix.layout import CARD_BOX, CHART_BOX, SIDE_BOX, chart_height
from portfolio.ui.shared.client_card import client_card_panel
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.presenter import presenting
from portfolio.numbers import money, number, percent
from portfolio.text_safety import markdown_text
from portfolio.ui.shared.widgets import text_table

CHART_KEY = "w.matrix.chart"
# The chart's height on a projected 1366×768 screen: the four quadrants, both axes and the
# legend below the page title, with no scrolling.
PRESENTED_CHART_PX = 580


def matrix_chart(ctx: PageContext, filters: ClientFilter) -> str | None:
    """Draw the matrix of the visible, filtered clients; return the id of the client clicked."""
    with st.spinner(ctx.t("common.loading_clients")):
        points = data.matrix_points(ctx.view, filters)
    placed = int(points[["attractiveness", "qrc"]].notna().all(axis=1).sum())
    revenue = float(points["revenue"].sum()) if len(points) else 0.0
    st.caption(ctx.md("matrix.shown", clients=number(placed, ctx.lang),
                     revenue=money(revenue, ctx.lang, compact=True)))
    figure = matrix_figure(points, ctx.view.grid, ctx.lang)
    # The quadrants' labels name the segments in their colours: the legend, which wraps
    # over the top quadrants on a narrow column, is left out.
    figure.update_layout(showlegend=False)
    if presenting():
        figure.update_layout(height=PRESENTED_CHART_PX)
    if chart_kind(placed) == "density":
        st.info(ctx.md("matrix.density_note", clients=number(placed, ctx.lang),
                      limit=number(DENSITY_FROM, ctx.lang)), icon=":material/filter_alt:")
        # A density map has no clients to click: no selection, and its own key so that a
        # selection made on the bubble chart does not linger.
        st.plotly_chart(figure, key=f"{CHART_KEY}.density", theme=None,
                        config=exported(figure, CHART_KEY))
        return None
    with st.container(key=CHART_BOX):
        event = st.plotly_chart(figure, key=CHART_KEY, on_select="rerun", selection_mode="points",
                                theme=None, config=exported(figure, CHART_KEY),
                                height=chart_height())
    clicked = clicked_client(event)
    if clicked is None and not presenting():
        st.caption(ctx.md("matrix.click_hint"))
    return clicked


def clicked_client(event: Any) -> str | None:
    """The client id of the last point selected on the chart, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in reversed(points or []):
        custom = point.get("customdata") if isinstance(point, dict) else None
        if custom:
            return str(custom[CLIENT_ID_INDEX])
    return None


def side_panel(ctx: PageContext, filters: ClientFilter, clicked: str | None) -> None:
    """Beside the chart: the totals, then a clicked client's card under them, so that a card
    opened never pushes the totals off the screen (off presenter mode the card's box scrolls:
    `layout`)."""
    with st.container(key=SIDE_BOX):
        segment_totals_panel(ctx, filters)
        if clicked is not None:
            with st.container(key=CARD_BOX):
                client_card_panel(ctx, clicked)


def segment_totals_panel(ctx: PageContext, filters: ClientFilter) -> None:
    """Clients and revenue per segment beside the chart, with the segment's colour."""
    totals = data.segment_totals(ctx.view, filters)
    st.subheader(ctx.md("matrix.totals_title"), anchor=False)
    table = totals_table(ctx, totals)
    colors = segment_colors(ctx.view.grid)
    row_colors = [colors.get(s, "") for s in totals["segment"]] + [""]
    segment_column = markdown_text(table.columns[0])
    text_table(table, lambda escaped: escaped.style.apply(
        lambda column: [f"color: {c}; font-weight: 700" if c else "font-weight: 700"
                        for c in row_colors] if column.name == segment_column else [""] * len(column),
        axis=0))
    unscored = int(totals.attrs.get("unscored", 0))
    if unscored:
        st.caption(ctx.md("matrix.unscored", clients=number(unscored, ctx.lang)))


def totals_table(ctx: PageContext, totals: pd.DataFrame) -> pd.DataFrame:
    """Formatted per-segment totals with a total row (strings in the page's language)."""
    labels = ctx.view.grid.segment_labels(ctx.lang)
    lang = ctx.lang
    segment = [labels.get(s, s) for s in totals["segment"]] + [ctx.t("matrix.total")]
    clients = [*totals["clients"], totals["clients"].sum()]
    revenue = [*totals["revenue"], totals["revenue"].sum()]
    client_share = [*totals["client_share"], totals["client_share"].sum()]
    revenue_share = [*totals["revenue_share"], totals["revenue_share"].sum()]
    return pd.DataFrame({
        ctx.t("matrix.col_segment"): segment,
        ctx.t("matrix.col_clients"): [number(v, lang) for v in clients],
        ctx.t("matrix.col_client_share"): [percent(v, lang) for v in client_share],
        ctx.t("matrix.col_revenue"): [money(v, lang, compact=True) for v in revenue],
        ctx.t("matrix.col_revenue_share"): [percent(v, lang) for v in revenue_share],
    })
