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
from portfolio.text_safety import Markdown, markdown_code, markdown_text
from portfolio.ui.shared.widgets import text_table


def grid_status(ctx: PageContext, file: str) -> None:
    """Valid, or every error as FILE:LINE: key: message (and which grid is in use meanwhile),
    for `file`, the grid file this session scores with."""
    if not ctx.grid_issues:
        st.success(ctx.md("grid.valid", file=file), icon=":material/check_circle:")
        return
    show_issues(ctx.t("grid.invalid", file=file, count=len(ctx.grid_issues)), ctx.grid_issues,
                ctx.lang)
    if ctx.grid is not None:
        st.warning(ctx.md("grid.using_last_valid"), icon=":material/history:")


def grid_summary(ctx: PageContext, grid: Grid) -> None:
    """Name, version and how missing values are scored."""
    st.subheader(markdown_text(grid.name.get(ctx.lang)), anchor=False)
    policy = Markdown(ctx.t("grid.missing_zero" if grid.missing == "zero" else "grid.missing_ignore"))
    st.markdown(ctx.md("grid.summary_line", version=grid.version, policy=policy))


def axis_tables(ctx: PageContext, grid: Grid) -> None:
    """Per axis: its criteria, then each criterion's levels with points and rules."""
    for axis_id in AXES:
        axis = grid.axes[axis_id]
        st.header(markdown_text(axis.label.get(ctx.lang)), anchor=False, divider="gray")
        text_table(criteria_table(axis, ctx.lang))
        columns = st.columns(2)
        for index, criterion in enumerate(axis.criteria):
            with columns[index % 2]:
                st.markdown(ctx.md("grid.criterion_heading",
                                  label=criterion.label.get(ctx.lang), column=markdown_code(criterion.column),
                                  weight=decimal(criterion.weight, ctx.lang),
                                  share=percent(axis_weight_share(axis, criterion), ctx.lang)))
                text_table(levels_table(criterion, ctx.lang))


def matrix_tables(ctx: PageContext, grid: Grid) -> None:
    """The cuts and the segments, each segment's colour shown on its row."""
    st.header(ctx.md("grid.matrix_title"), anchor=False, divider="gray")
    text_table(cuts_table(grid, ctx.lang))
    table = segments_table(grid, ctx.lang)
    colors = list(table.iloc[:, -1])  # as written: the escaped copy's would not be colours
    color_column = markdown_text(table.columns[-1])
    text_table(table, lambda escaped: escaped.style.apply(
        lambda column: ([f"background-color: {c}; color: white" for c in colors]
                        if column.name == color_column else [""] * len(column)), axis=0))
