"""Score a client live: a trainer types a client's values and the room sees its points,
its scores and where it lands in the matrix, change by change."""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from portfolio.contract import BY_NAME, Kind
from portfolio.figures.matrix import single_client_figure
from portfolio.grid.model import AXES, Criterion, Grid
from portfolio.queries.live import grid_columns, score_values
from portfolio.ui.shared.client_card import criteria_section, segment_badge
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared import state
from portfolio.ui.shared.state import LIVE_WIDGETS
from portfolio.numbers import score, currency_sign
from portfolio.ui.shared.grid_tables import level_rule
from portfolio.ui.shared.number_entry import NumberRule, number_entry
from portfolio.ui.shared.summary import chart
from portfolio.ui.shared.widgets import bound_widget, metric, metric_row
from portfolio.text_safety import markdown_text

LIVE_CHART_PX = 380  # beside the inputs, within a 768-pixel-high screen


def live_client(ctx: PageContext, grid: Grid) -> None:
    """The inputs, grouped by axis, and beside them the client as the grid scores it (the
    room sees the result move while the values are typed in), then its points."""
    st.caption(ctx.md("grid.live_intro"))
    inputs_column, result_column = st.columns([1, 1], gap="large")
    with inputs_column:
        values = _inputs(ctx, grid)
        st.button(ctx.t("grid.live_clear"), icon=":material/backspace:",
                  on_click=state.clear_live_inputs, key="w.live_clear")
    result = score_values(grid, values)
    with result_column:
        st.subheader(ctx.md("grid.live_result"), anchor=False)
        segment_badge(ctx, result.segment)
        with metric_row():
            metric(markdown_text(grid.axes["attractiveness"].label.get(ctx.lang)),
                   f"{score(result.attractiveness, ctx.lang)} / 100")
            metric(markdown_text(grid.axes["qrc"].label.get(ctx.lang)),
                   f"{score(result.qrc, ctx.lang)} / 100")
        chart(single_client_figure(grid, result.attractiveness, result.qrc,
                                   ctx.t("grid.live_point"), ctx.lang, height=LIVE_CHART_PX),
              "w.live_chart")
    criteria_section(ctx, result)


def kept_values(grid: Grid) -> dict[str, object]:
    """The live client's values as the grid reads them (a ratio typed in % as a fraction),
    from what the form keeps: a room opened on the live client scores the same client."""
    values: dict[str, object] = {}
    for column in grid_columns(grid):
        value = state.live_value(column)
        spec = BY_NAME.get(column)
        ratio = spec is not None and spec.kind is Kind.RATIO
        values[column] = value / 100 if ratio and value is not None else value
    return values


def _inputs(ctx: PageContext, grid: Grid) -> dict[str, object]:
    """One input per column the grid reads, under the first criterion that reads it."""
    numeric = grid_columns(grid)
    values: dict[str, object] = {}
    for axis, column in zip(AXES, st.columns(2, gap="large")):
        with column:
            st.markdown(f"**{markdown_text(grid.axes[axis].label.get(ctx.lang))}**")
            for criterion in grid.axes[axis].criteria:
                if criterion.column in values:
                    continue  # read by an earlier criterion: one value per column
                values[criterion.column] = (_number_input(ctx, criterion)
                                            if numeric[criterion.column]
                                            else _choice(ctx, criterion))
    return values


def _number_input(ctx: PageContext, criterion: Criterion) -> float | None:
    """A number in the unit people say it in: a ratio in %, an amount in the dataset's currency."""
    spec = BY_NAME.get(criterion.column)
    label = markdown_text(criterion.label.get(ctx.lang))
    kind = spec.kind if spec is not None else None
    if kind is Kind.RATIO:
        typed = _number(ctx, criterion.column, f"{label} (%)",
                        NumberRule(minimum=0.0, maximum=100.0, unit="%"))
        return None if typed is None else typed / 100
    if kind is Kind.INTEGER:
        return _number(ctx, criterion.column, label, NumberRule(minimum=0, whole=True))
    sign = currency_sign()
    unit = f" ({sign})" if kind is Kind.NUMBER else ""
    return _number(ctx, criterion.column, f"{label}{unit}",
                   NumberRule(unit=sign if kind is Kind.NUMBER else None))


def _number(ctx: PageContext, column: str, label: str, rule: NumberRule) -> float | None:
    """A number input of the form showing the value kept for `column` (empty at first)."""
    return number_entry(LIVE_WIDGETS + column, state.live_value(column),
                        lambda value: state.set_live_value(column, value), label=label,
                        lang=ctx.lang, rule=rule, placeholder=ctx.t("grid.live_empty"))


def _choice(ctx: PageContext, criterion: Criterion) -> str | None:
    """One of the criterion's categories, each shown with the rule it stands for."""
    categories = {category.value: category for category in criterion.categories or ()}

    def shown(value: str) -> str:
        rule = level_rule(criterion, categories[value], ctx.lang)
        return f"{value} — {rule}" if rule and rule != value else value

    return _kept_input(st.selectbox, criterion.column, label=markdown_text(criterion.label.get(ctx.lang)),
                       options=list(categories), format_func=shown,
                       placeholder=ctx.t("grid.live_empty"))


def _kept_input(draw: Callable[..., Any], column: str, **options: Any) -> Any:
    """An input of the form showing the value kept for `column` (empty at first)."""
    return bound_widget(draw, LIVE_WIDGETS + column, state.live_value(column),
                        lambda value: state.set_live_value(column, value), **options)
