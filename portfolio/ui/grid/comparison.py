"""Two grids compared on the clients looked at: both matrices side by side, where the
clients go (the migration table), which move and why, and who is close to a cut."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from portfolio.config_read import read_grid_file
from portfolio.figures.matrix import matrix_figure
from portfolio.grid import compare
from portfolio.grid.library import grid_files
from portfolio.grid.model import Grid
from portfolio.numbers import EMPTY, decimal, money, number, score
from portfolio.problems import ConfigError
from portfolio.ui.shared import queries as data
from portfolio.ui.shared.cache import cached
from portfolio.ui.shared.context import PageContext
from portfolio.ui.shared.number_slider import number_slider
from portfolio.ui.shared.widgets import show_issues, text_table
from portfolio.view import PortfolioView

migration = cached(compare.migration, max_entries=32)
movers = cached(compare.movers, max_entries=32)
borderline = cached(compare.borderline, max_entries=64)

MATRIX_HEIGHT = 430
SHOWN_ROWS = 50  # a projector shows no more; the count says how many there are
MAX_DISTANCE = 20.0


def comparison_section(ctx: PageContext, active_file: str) -> None:
    """The grid in effect (the session's, changes tried included) against a grid file."""
    st.caption(ctx.t("grid.compare_intro"))
    if ctx.portfolio is None:
        st.info(ctx.t("common.no_dataset"), icon=":material/info:")
        return
    names = list(grid_files(ctx.settings.grids_dir, ctx.settings.default_grid.name))
    others = [n for n in names if n != active_file]
    if not others:
        st.info(ctx.t("grid.compare_no_other"), icon=":material/info:")
        return
    picked = st.selectbox(ctx.t("grid.compare_with"), others, key="w.grid_compare_with")
    read = read_grid_file(ctx.settings.grids_dir / picked)
    if read.value is None:
        show_issues(ctx.t("grid.invalid", file=picked, count=len(read.issues)), read.issues,
                    ctx.lang)
        return
    before, after = ctx.portfolio, ctx.portfolio.with_grid(read.value)
    for view, file in ((before, active_file), (after, picked)):
        try:
            data.scores_table(view)
        except ConfigError as error:
            show_issues(ctx.t("grid.compare_does_not_fit", file=file), error.issues, ctx.lang)
            return
    _matrices(ctx, before, after, active_file, picked)
    _migration_table(ctx, before, after)
    _movers_table(ctx, before, after)
    _borderline_table(ctx, after, picked)


def _matrices(ctx: PageContext, before: PortfolioView, after: PortfolioView,
              active_file: str, picked: str) -> None:
    titles = (ctx.t("grid.compare_active", file=active_file), picked)
    for view, title, column in zip((before, after), titles, st.columns(2)):
        with column:
            st.markdown(f"**{title}**")
            figure = matrix_figure(data.matrix_points(view), view.grid, ctx.lang,
                                   height=MATRIX_HEIGHT)
            st.plotly_chart(figure, key=f"w.grid_compare_matrix.{title}",
                            config={"displayModeBar": False})


def _label(grid: Grid, lang: str, unscored: str):  # noqa: ANN202 - a small formatter
    labels = grid.segment_labels(lang)
    return lambda segment: labels.get(segment, segment) if isinstance(segment, str) else unscored


def _migration_table(ctx: PageContext, before: PortfolioView, after: PortfolioView) -> None:
    st.subheader(ctx.t("grid.compare_migration_title"), anchor=False)
    table = migration(before, after)
    unscored = ctx.t("grid.trial_unscored")
    source, target = _label(before.grid, ctx.lang, unscored), _label(after.grid, ctx.lang, unscored)
    text_table(pd.DataFrame({
        ctx.t("grid.compare_col_from"): [source(s) for s in table["from_segment"]],
        ctx.t("grid.compare_col_to"): [target(s) for s in table["to_segment"]],
        ctx.t("grid.trial_col_clients"): [number(int(n), ctx.lang) for n in table["clients"]],
        ctx.t("grid.trial_col_revenue"): [money(float(r), ctx.lang, compact=True)
                                          for r in table["revenue"]],
    }))


def _criterion_label(before: Grid, after: Grid, criterion: object, lang: str, cut_only: str) -> str:
    if not isinstance(criterion, str):
        return cut_only  # no criterion's points changed: a cut moved the client
    for grid in (after, before):
        if criterion in {c.id for c in grid.criteria}:
            return grid.criterion(criterion).label.get(lang)
    return criterion


def _movers_table(ctx: PageContext, before: PortfolioView, after: PortfolioView) -> None:
    st.subheader(ctx.t("grid.compare_movers_title"), anchor=False)
    moved = movers(before, after)
    if moved.empty:
        st.success(ctx.t("grid.compare_no_mover"), icon=":material/check:")
        return
    st.caption(ctx.t("grid.compare_movers_count", count=number(len(moved), ctx.lang),
                     shown=number(min(len(moved), SHOWN_ROWS), ctx.lang)))
    shown = moved.head(SHOWN_ROWS)
    unscored, cut_only = ctx.t("grid.trial_unscored"), ctx.t("grid.compare_cut_only")
    source, target = _label(before.grid, ctx.lang, unscored), _label(after.grid, ctx.lang, unscored)
    text_table(pd.DataFrame({
        ctx.t("grid.compare_col_client"): list(shown["client_name"]),
        ctx.t("grid.compare_col_rep"): list(shown["salesperson"]),
        ctx.t("grid.compare_col_from"): [source(s) for s in shown["from_segment"]],
        ctx.t("grid.compare_col_to"): [target(s) for s in shown["to_segment"]],
        ctx.t("grid.compare_col_criterion"): [
            _criterion_label(before.grid, after.grid, c, ctx.lang, cut_only)
            for c in shown["criterion"]],
        ctx.t("grid.compare_col_change"): [
            decimal(float(v), ctx.lang) if isinstance(c, str) else EMPTY
            for c, v in zip(shown["criterion"], shown["criterion_change"])],
    }))


def _borderline_table(ctx: PageContext, view: PortfolioView, picked: str) -> None:
    st.subheader(ctx.t("grid.compare_borderline_title", file=picked), anchor=False)
    distance = number_slider(ctx.t("grid.compare_distance"), lang=ctx.lang, minimum=0.0,
                             maximum=MAX_DISTANCE, value=2.0, step=0.5,
                             key="w.grid_compare_distance",
                             help=ctx.t("grid.compare_distance_help"))
    near = borderline(view, float(distance))
    clients = near["client_id"].nunique()
    st.caption(ctx.t("grid.compare_borderline_count", count=number(clients, ctx.lang),
                     distance=decimal(float(distance), ctx.lang),
                     shown=number(min(len(near), SHOWN_ROWS), ctx.lang)))
    if near.empty:
        return
    shown = near.head(SHOWN_ROWS)
    axes = {axis_id: view.grid.axes[axis_id].label.get(ctx.lang) for axis_id in view.grid.axes}
    labels = view.grid.segment_labels(ctx.lang)
    text_table(pd.DataFrame({
        ctx.t("grid.compare_col_client"): list(shown["client_name"]),
        ctx.t("grid.compare_col_rep"): list(shown["salesperson"]),
        ctx.t("grid.col_segment"): [labels.get(s, EMPTY) if isinstance(s, str) else EMPTY
                                    for s in shown["segment"]],
        ctx.t("grid.col_axis"): [axes[a] for a in shown["axis"]],
        ctx.t("grid.compare_col_cut"): [score(float(c), ctx.lang) for c in shown["cut"]],
        ctx.t("grid.compare_col_score"): [score(float(s), ctx.lang) for s in shown["score"]],
    }))
