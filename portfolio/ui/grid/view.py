"""The grid page's parts: the grid file's validation status and the active grid as tables."""

from __future__ import annotations

import streamlit as st

from portfolio.grid.model import AXES, Grid
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import decimal, percent
from portfolio.ui.shared.grid_tables import (
    axis_weight_share,
    criteria_table,
    cuts_table,
    levels_table,
    segments_table,
)
from portfolio.ui.shared.widgets import show_issues


def grid_status(ctx: PageContext) -> None:
    """Valid, or every error as FILE:LINE: key: message (and which grid is in use meanwhile)."""
    file = ctx.settings.default_grid.name
    if not ctx.grid_issues:
        st.success(ctx.t("grid.valid", file=file), icon=":material/check_circle:")
        return
    show_issues(ctx.t("grid.invalid", file=file, count=len(ctx.grid_issues)), ctx.grid_issues,
                ctx.lang)
    if ctx.grid is not None:
        st.warning(ctx.t("grid.using_last_valid"), icon=":material/history:")


def grid_summary(ctx: PageContext, grid: Grid) -> None:
    """Name, version and how missing values are scored."""
    st.subheader(grid.name.get(ctx.lang), anchor=False)
    policy = ctx.t("grid.missing_zero" if grid.missing == "zero" else "grid.missing_ignore")
    st.markdown(ctx.t("grid.summary_line", version=grid.version, policy=policy))


def axis_tables(ctx: PageContext, grid: Grid) -> None:
    """Per axis: its criteria, then each criterion's levels with points and rules."""
    for axis_id in AXES:
        axis = grid.axes[axis_id]
        st.header(axis.label.get(ctx.lang), anchor=False, divider="gray")
        st.table(criteria_table(axis, ctx.lang), hide_index=True)
        columns = st.columns(2)
        for index, criterion in enumerate(axis.criteria):
            with columns[index % 2]:
                st.markdown(ctx.t("grid.criterion_heading",
                                  label=criterion.label.get(ctx.lang), column=criterion.column,
                                  weight=decimal(criterion.weight, ctx.lang),
                                  share=percent(axis_weight_share(axis, criterion), ctx.lang)))
                st.table(levels_table(criterion, ctx.lang), hide_index=True)


def matrix_tables(ctx: PageContext, grid: Grid) -> None:
    """The cuts and the segments, each segment's colour shown on its row."""
    st.header(ctx.t("grid.matrix_title"), anchor=False, divider="gray")
    st.table(cuts_table(grid, ctx.lang), hide_index=True)
    table = segments_table(grid, ctx.lang)
    color_column = table.columns[-1]
    styled = table.style.apply(
        lambda column: ([f"background-color: {c}; color: white" for c in column]
                        if column.name == color_column else [""] * len(column)), axis=0)
    st.table(styled, hide_index=True)
