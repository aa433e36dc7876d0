"""Band edges of a numeric criterion suggested from the data's quantiles, drawn on its
distribution, and tried for the session only when the trainer applies them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.figures.distribution import edges_figure
from portfolio.grid import quantiles
from portfolio.grid.trial import GridChanges
from portfolio.numbers import column_value, decimal
from portfolio.ui.shared import state
from portfolio.ui.shared.cache import cached
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.widgets import text_table

suggest_edges = cached(quantiles.suggest_edges, max_entries=64)
criterion_values = cached(quantiles.criterion_values, max_entries=16)


def edges_section(ctx: PageContext) -> None:
    """Pick a numeric criterion, see its values with the edges now and suggested, apply."""
    st.subheader(ctx.t("grid.edges_title"), anchor=False)
    st.caption(ctx.t("grid.edges_intro"))
    if ctx.portfolio is None or ctx.grid is None:
        st.info(ctx.t("common.no_dataset"), icon=":material/info:")
        return
    numeric = [c for c in ctx.grid.criteria if c.is_numeric]
    if not numeric:
        return
    labels = {c.id: c.label.get(ctx.lang) for c in numeric}
    chosen = st.selectbox(ctx.t("grid.edges_criterion"), list(labels), format_func=labels.get,
                          key="w.grid_edges_criterion")
    criterion = ctx.grid.criterion(chosen)
    found = suggest_edges(ctx.portfolio, chosen)
    if found.clients == 0:
        st.info(ctx.t("grid.edges_no_values", column=criterion.column), icon=":material/info:")
        return
    values = criterion_values(ctx.portfolio, chosen)
    figure = edges_figure(values, found.current, found.suggested,
                          (labels[chosen], ctx.t("grid.edges_now"), ctx.t("grid.edges_suggested")),
                          ctx.lang)
    st.plotly_chart(figure, key="w.grid_edges_chart", config={"displayModeBar": False})
    if found.suggested is None:
        st.warning(ctx.t("grid.edges_none", bands=len(found.current)), icon=":material/warning:")
        return

    def shown(value: float) -> str:
        return column_value(criterion.column, value, ctx.lang)

    text_table(pd.DataFrame({
        ctx.t("grid.col_points"): [decimal(b.points, ctx.lang) for b in criterion.bands or ()],
        ctx.t("grid.edges_col_now"): [shown(v) for v in found.current],
        ctx.t("grid.edges_col_suggested"): [shown(v) for v in found.suggested],
    }))
    if found.suggested == found.current:
        st.success(ctx.t("grid.edges_same"), icon=":material/check:")
        return
    st.caption(ctx.t("grid.edges_rules_dropped"))
    if st.button(ctx.t("grid.edges_apply"), icon=":material/science:", key="w.grid_edges_apply",
                 type="primary"):
        changes = (state.grid_changes() or GridChanges()).with_bands(chosen, found.suggested)
        state.set_grid_changes(changes)
        st.rerun()  # every part of the page, the banner included, drawn with the trial
