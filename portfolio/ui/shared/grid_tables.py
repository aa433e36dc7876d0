"""The grid described for people: each level's condition and rule, and the grid as readable tables."""

from __future__ import annotations

import pandas as pd

from portfolio.figures.common import segment_colors
from portfolio.grid.model import AXES, Axis, Band, Category, Criterion, Grid
from portfolio.i18n import t
from portfolio.numbers import column_value, decimal, percent


def level_condition(criterion: Criterion, level: Band | Category, lang: str) -> str:
    """Which values fall in a level: `from 20,000 to under 100,000`, `500,000 or more`, `leader`."""
    if isinstance(level, Category):
        return level.value
    bands = criterion.bands or ()
    index = bands.index(level)
    low = column_value(criterion.column, level.start, lang)
    if index + 1 < len(bands):
        high = column_value(criterion.column, bands[index + 1].start, lang)
        return t("grid.band_range", lang, low=low, high=high)
    return t("grid.band_from", lang, low=low)


def level_rule(criterion: Criterion, level: Band | Category, lang: str) -> str:
    """The written rule of a level in the language, or its condition when the grid gives none."""
    if level.rule is not None:
        return level.rule.get(lang)
    return level_condition(criterion, level, lang)


def axis_weight_share(axis: Axis, criterion: Criterion) -> float:
    """The criterion's part of its axis score (its weight over the axis's total weight)."""
    return criterion.weight / sum(c.weight for c in axis.criteria)


def criteria_table(axis: Axis, lang: str) -> pd.DataFrame:
    """One row per criterion of an axis: label, column, weight and share of the axis, levels."""
    return pd.DataFrame({
        t("grid.col_criterion", lang): [c.label.get(lang) for c in axis.criteria],
        t("grid.col_column", lang): [c.column for c in axis.criteria],
        t("grid.col_weight", lang): [decimal(c.weight, lang) for c in axis.criteria],
        t("grid.col_share", lang): [percent(axis_weight_share(axis, c), lang)
                                    for c in axis.criteria],
        t("grid.col_kind", lang): [t("grid.kind_bands" if c.is_numeric else "grid.kind_categories",
                                     lang) for c in axis.criteria],
        t("grid.col_max", lang): [decimal(c.max_points, lang) for c in axis.criteria],
    })


def levels_table(criterion: Criterion, lang: str) -> pd.DataFrame:
    """One row per level of a criterion: the values it takes, its points, its rule."""
    levels = list(criterion.bands if criterion.bands is not None else criterion.categories or ())
    return pd.DataFrame({
        t("grid.col_level", lang): [level_condition(criterion, level, lang) for level in levels],
        t("grid.col_points", lang): [decimal(level.points, lang) for level in levels],
        t("grid.col_rule", lang): [level.rule.get(lang) if level.rule else "" for level in levels],
    })


def band_names(grid: Grid, axis: str, lang: str) -> list[str]:
    """The score range of each band of an axis, lowest first: `0–50`, `50–100`."""
    edges = [0.0, *grid.cuts[axis], 100.0]
    return [f"{decimal(edges[i], lang)}–{decimal(edges[i + 1], lang)}" for i in range(len(edges) - 1)]


def segments_table(grid: Grid, lang: str) -> pd.DataFrame:
    """One row per segment: its id, cell (as score ranges), label, action and colour."""
    colors = segment_colors(grid)
    a_bands, q_bands = band_names(grid, "attractiveness", lang), band_names(grid, "qrc", lang)
    return pd.DataFrame({
        t("grid.col_segment", lang): [s.label.get(lang) for s in grid.segments],
        t("grid.col_id", lang): [s.id for s in grid.segments],
        grid.axes["attractiveness"].label.get(lang): [a_bands[s.cell["attractiveness"]]
                                                      for s in grid.segments],
        grid.axes["qrc"].label.get(lang): [q_bands[s.cell["qrc"]] for s in grid.segments],
        t("grid.col_action", lang): [s.action.get(lang) if s.action else "" for s in grid.segments],
        t("grid.col_color", lang): [colors[s.id] for s in grid.segments],
    })


def cuts_table(grid: Grid, lang: str) -> pd.DataFrame:
    """One row per axis: its cuts and the bands they make."""
    return pd.DataFrame({
        t("grid.col_axis", lang): [grid.axes[a].label.get(lang) for a in AXES],
        t("grid.col_cuts", lang): [", ".join(decimal(c, lang) for c in grid.cuts[a]) or "—"
                                   for a in AXES],
        t("grid.col_bands", lang): [" · ".join(band_names(grid, a, lang)) for a in AXES],
    })
