"""Try other weights and cuts on the grid for this session, and see which clients move.

The file is never written: a trainer shows what a change does, then goes back to the
grid everyone shares with one click (on any page, the banner offers it).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from portfolio.grid.model import AXES, Grid
from portfolio.grid.trial import GridChanges, InvalidTrial
from portfolio.queries.moves import changed, summarise
from portfolio.ui.shared import queries as data
from portfolio.ui.shared import state
from portfolio.ui.shared.context import PageContext
from portfolio.numbers import money, number, percent
from portfolio.text_safety import markdown_text
from portfolio.ui.shared.number_entry import NumberRule, form_number_entry
from portfolio.ui.shared.number_slider import number_slider
from portfolio.ui.shared.widgets import text_table

_KEY = state.TRIAL_WIDGETS  # + "cut.<axis>" or "weight.<criterion id>"


def trial_section(ctx: PageContext, file_grid: Grid) -> None:
    """The changes' form, then what they move in the active dataset."""
    st.caption(ctx.md("grid.trial_intro"))
    shown = ctx.grid or file_grid  # the grid in effect: the trial when there is one
    with st.form("grid_trial", border=False):
        cuts: dict[str, tuple[float, ...]] = {}
        weights: dict[str, float | None] = {}
        for axis_id, column in zip(AXES, st.columns(2, gap="large")):
            axis = shown.axes[axis_id]
            with column:
                st.markdown(f"**{markdown_text(axis.label.get(ctx.lang))}**")
                picked = _cuts_input(ctx, axis_id, shown.cuts[axis_id])
                if picked is not None:
                    cuts[axis_id] = picked
                for criterion in axis.criteria:
                    weights[criterion.id] = form_number_entry(
                        f"{_KEY}weight.{criterion.id}", float(criterion.weight),
                        label=ctx.md("grid.trial_weight", criterion=criterion.label.get(ctx.lang)),
                        lang=ctx.lang, rule=NumberRule(minimum=0.0, required=True))
        tried = st.form_submit_button(ctx.t("grid.trial_apply"), icon=":material/science:",
                                      type="primary")
    # A weight that cannot be read is refused under its input, and nothing is tried.
    if tried and None not in weights.values():
        # Band edges, points and texts changed elsewhere stay: this form does not show them.
        kept = state.grid_changes() or GridChanges()
        _try(ctx, file_grid, replace(kept, weights={k: float(v) for k, v in weights.items()
                                                    if v is not None}, cuts=cuts))
    if ctx.is_trial:
        moves_section(ctx, file_grid, ctx.grid)


def _cuts_input(ctx: PageContext, axis_id: str, values: tuple[float, ...]
                ) -> tuple[float, ...] | None:
    """A slider for one cut, a range slider for two; None when the axis has no cut or more
    than two (kept as in the file)."""
    if len(values) not in (1, 2):
        return None
    picked = number_slider(ctx.t("grid.trial_cuts", count=len(values)), lang=ctx.lang,
                           minimum=0.0, maximum=100.0, step=0.5,
                           value=float(values[0]) if len(values) == 1 else tuple(values),
                           key=f"{_KEY}cut.{axis_id}")
    return picked if isinstance(picked, tuple) else (picked,)


def _try(ctx: PageContext, file_grid: Grid, changes: GridChanges) -> None:
    try:
        changes.applied_to(file_grid)
    except InvalidTrial as error:
        if error.part == "weight":
            text = ctx.md("grid.trial_weight_positive",
                         criterion=file_grid.criterion(error.where).label.get(ctx.lang))
        else:
            text = ctx.md("grid.trial_cuts_ascending",
                         axis=file_grid.axes[error.where].label.get(ctx.lang))
        st.error(text, icon=":material/error:")
        return
    state.set_grid_changes(changes)
    st.rerun()  # every part of the page, the banner included, drawn with the trial


def moves_section(ctx: PageContext, before: Grid, after: Grid) -> None:
    """Which of the viewer's clients change segment under the trial, and their revenue."""
    st.subheader(ctx.md("grid.trial_moves_title"), anchor=False)
    if ctx.dataset is None:
        st.info(ctx.md("common.no_dataset"), icon=":material/info:")
        return
    moves = data.segment_moves(ctx.view.with_grid(before), ctx.view.with_grid(after))
    summary = summarise(moves)
    if not summary.moved:
        st.success(ctx.md("grid.trial_no_move", clients=number(summary.clients, ctx.lang)),
                   icon=":material/check:")
        return
    st.markdown(ctx.md("grid.trial_moves_summary", moved=number(summary.moved, ctx.lang),
                      clients=number(summary.clients, ctx.lang),
                      share=percent(summary.moved_revenue_share, ctx.lang)))
    moved = changed(moves)
    labels = after.segment_labels(ctx.lang)

    def label(segment: object) -> str:
        return labels.get(segment, segment) if isinstance(segment, str) else ctx.t(
            "grid.trial_unscored")

    text_table(pd.DataFrame({
        ctx.t("grid.trial_col_before"): [label(s) for s in moved["segment_before"]],
        ctx.t("grid.trial_col_after"): [label(s) for s in moved["segment_after"]],
        ctx.t("grid.trial_col_clients"): [number(int(n), ctx.lang) for n in moved["clients"]],
        ctx.t("grid.trial_col_revenue"): [money(float(r), ctx.lang, compact=True)
                                          for r in moved["revenue_before"]],
    }))
