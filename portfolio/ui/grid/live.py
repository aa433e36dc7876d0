"""Score a client live: a trainer types a client's values and the room sees its points,
its scores and where it lands in the matrix, change by change."""

from __future__ import annotations

import streamlit as st

from portfolio.contract import BY_NAME, Kind
from portfolio.figures.matrix import single_client_figure
from portfolio.grid.model import AXES, Criterion, Grid
from portfolio.queries.live import grid_columns, score_values
from portfolio.ui.shared.client_card import criteria_section, segment_badge
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import score
from portfolio.ui.shared.grid_tables import level_rule
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.widgets import metric, metric_row

_KEY = "w.live."  # + column name: one input per column the grid reads


def live_client(ctx: PageContext, grid: Grid) -> None:
    """The inputs, grouped by axis, then the client as the grid scores it."""
    st.caption(ctx.t("grid.live_intro"))
    values = _inputs(ctx, grid)
    st.button(ctx.t("grid.live_clear"), icon=":material/backspace:", on_click=_clear,
              args=(grid,), key="w.live_clear")
    result = score_values(grid, values)
    st.subheader(ctx.t("grid.live_result"), anchor=False)
    segment_badge(ctx, result.segment)
    with metric_row():
        metric(grid.axes["attractiveness"].label.get(ctx.lang),
               f"{score(result.attractiveness, ctx.lang)} / 100")
        metric(grid.axes["qrc"].label.get(ctx.lang), f"{score(result.qrc, ctx.lang)} / 100")
    chart_column, table_column = st.columns([3, 2], gap="large")
    with chart_column:
        chart(single_client_figure(grid, result.attractiveness, result.qrc,
                                   ctx.t("grid.live_point"), ctx.lang), "w.live_chart")
    with table_column:
        criteria_section(ctx, result)


def _inputs(ctx: PageContext, grid: Grid) -> dict[str, object]:
    """One input per column the grid reads, under the first criterion that reads it."""
    numeric = grid_columns(grid)
    values: dict[str, object] = {}
    for axis, column in zip(AXES, st.columns(2, gap="large")):
        with column:
            st.markdown(f"**{grid.axes[axis].label.get(ctx.lang)}**")
            for criterion in grid.axes[axis].criteria:
                if criterion.column in values:
                    continue  # read by an earlier criterion: one value per column
                values[criterion.column] = (_number_input(ctx, criterion)
                                            if numeric[criterion.column]
                                            else _choice(ctx, criterion))
    return values


def _number_input(ctx: PageContext, criterion: Criterion) -> float | None:
    """A number in the unit people say it in: a ratio in %, an amount in €."""
    spec = BY_NAME.get(criterion.column)
    label = criterion.label.get(ctx.lang)
    key = _KEY + criterion.column
    if spec is not None and spec.kind is Kind.RATIO:
        typed = st.number_input(f"{label} (%)", min_value=0.0, max_value=100.0, step=5.0,
                                value=None, key=key, placeholder=ctx.t("grid.live_empty"))
        return None if typed is None else typed / 100
    if spec is not None and spec.kind is Kind.INTEGER:
        return st.number_input(label, min_value=0, step=1, value=None, key=key,
                               placeholder=ctx.t("grid.live_empty"))
    unit = " (€)" if spec is not None and spec.kind is Kind.NUMBER else ""
    return st.number_input(f"{label}{unit}", step=1000.0, value=None, format="%.0f", key=key,
                           placeholder=ctx.t("grid.live_empty"))


def _choice(ctx: PageContext, criterion: Criterion) -> str | None:
    """One of the criterion's categories, each shown with the rule it stands for."""
    categories = {category.value: category for category in criterion.categories or ()}

    def shown(value: str) -> str:
        rule = level_rule(criterion, categories[value], ctx.lang)
        return f"{value} — {rule}" if rule and rule != value else value

    return st.selectbox(criterion.label.get(ctx.lang), list(categories), index=None,
                        format_func=shown, key=_KEY + criterion.column,
                        placeholder=ctx.t("grid.live_empty"))


def _clear(grid: Grid) -> None:
    for column in grid_columns(grid):
        st.session_state[_KEY + column] = None
