"""A client scored from values typed in rather than stored: a trainer's example, live.

The values go through the very query that scores a stored dataset (one row instead of
thousands), so the example in front of the room can never disagree with the matrix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from portfolio.grid.model import AXES, Grid
from portfolio.queries.card import ScoredClient, CriterionResult, matching_level
from portfolio.scoring.engine import score_frame


@dataclass(frozen=True)
class LiveScore(ScoredClient):
    attractiveness: float | None
    qrc: float | None
    segment: str | None  # None while an axis has no score (every criterion on it missing)
    criteria: tuple[CriterionResult, ...]


def grid_columns(grid: Grid) -> dict[str, bool]:
    """The columns the grid reads, in grid order, each True when scored by bands
    (a number is asked for) and False when scored by categories (a choice)."""
    columns: dict[str, bool] = {}
    for criterion in grid.criteria:
        columns[criterion.column] = columns.get(criterion.column, False) or criterion.is_numeric
    return columns


def score_values(grid: Grid, values: Mapping[str, object]) -> LiveScore:
    """Score one client given as {column: value}; a column left out or None is missing.

    Numbers are plain (a share of wallet of 35 % is 0.35), categories are the grid's
    values.
    """
    columns = grid_columns(grid)
    given = {column: _value(values.get(column)) for column in columns}
    # Typed columns even when empty: bands need a number column, categories a text one.
    row = {column: pd.Series([given[column]], dtype="float64" if numeric else "object")
           for column, numeric in columns.items()}
    scored = score_frame(pd.DataFrame({"client_id": ["live"], **row}), grid).iloc[0]
    criteria = tuple(
        CriterionResult(axis, criterion, given[criterion.column],
                        _number(scored[f"pts_{criterion.id}"]),
                        matching_level(criterion, given[criterion.column]))
        for axis in AXES for criterion in grid.axes[axis].criteria)
    segment = scored["segment"]
    return LiveScore(_number(scored["attractiveness"]), _number(scored["qrc"]),
                     None if pd.isna(segment) else str(segment), criteria)


def _value(value: object) -> object:
    """None for every spelling of "no value" (None, NaN, pandas' NA)."""
    return None if value is None or pd.isna(value) else value


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
