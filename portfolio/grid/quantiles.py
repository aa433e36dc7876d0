"""Band edges for a numeric criterion suggested from the data: its quantiles.

A grid written from experience often puts most clients in one band ("under 20 k€"), so
the criterion tells clients apart little. Edges at the quantiles of the clients' values
share them out evenly between the bands; the trainer sees them on the distribution and
applies them only if they make sense.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from portfolio.sql import Fragment, quote_identifier
from portfolio.view import PortfolioView


@dataclass(frozen=True)
class EdgeSuggestion:
    """The band starts suggested for `criterion_id` (the first band keeps its start, so
    that no value stops matching a band), or None when the data cannot give as many
    distinct edges as the criterion has bands (too few or too tied values)."""

    criterion_id: str
    current: tuple[float, ...]
    suggested: tuple[float, ...] | None
    clients: int  # clients with a value


def _rounded(value: float, figures: int = 2) -> float:
    """`value` to `figures` significant figures: an edge people can read and say (23,000)."""
    if value == 0 or not math.isfinite(value):
        return value
    # Halves go up (50,500 → 51,000), as people round, not to the even neighbour.
    step = 10.0 ** (int(math.floor(math.log10(abs(value)))) - figures + 1)
    return round(math.floor(value / step + 0.5) * step, 12)


def suggest_edges(view: PortfolioView, criterion_id: str) -> EdgeSuggestion:
    """Edges at the 1/k, 2/k… quantiles of the column of the view's grid's criterion
    `criterion_id` over the view's clients, for its k bands, rounded to two significant
    figures when that keeps them apart."""
    criterion = view.grid.criterion(criterion_id)
    if criterion.bands is None:
        raise ValueError(f"criterion {criterion.id!r} has categories, not bands")
    current = tuple(band.start for band in criterion.bands)
    values = criterion_values(view, criterion_id)
    count = len(values)
    k = len(current)
    if count == 0 or k < 2:
        return EdgeSuggestion(criterion.id, current, None, count)
    probabilities = [i / k for i in range(1, k)]
    inner = [float(q) for q in values.quantile(probabilities, interpolation="linear")]
    for candidate in ([_rounded(q) for q in inner], inner):
        starts = (current[0], *candidate)
        if all(b > a for a, b in zip(starts, starts[1:])):
            return EdgeSuggestion(criterion.id, current, tuple(starts), count)
    return EdgeSuggestion(criterion.id, current, None, count)


def criterion_values(view: PortfolioView, criterion_id: str) -> pd.Series:
    """The column's values of the view's grid's criterion `criterion_id` over the clients the view shows (empty ones left out);
    an empty series when the data has no such column."""
    criterion = view.grid.criterion(criterion_id)
    source = view.clients()
    with view.store.reading() as cur:
        columns = {row[0] for row in cur.execute(f"DESCRIBE SELECT * FROM {source.sql}",
                                                 source.params).fetchall()}
        if criterion.column not in columns:
            return pd.Series([], dtype="float64")
        column = quote_identifier(criterion.column)
        query = Fragment(f"SELECT CAST({column} AS DOUBLE) AS value FROM ").extend(source).add(
            f" WHERE {column} IS NOT NULL")
        frame = cur.execute(query.sql, query.params).df()
    return frame["value"]
