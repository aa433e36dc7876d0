"""Grid-driven scoring as one vectorised DuckDB query over a whole clients table.

The query is generated from the grid's structure; every number or text that comes
from the grid (band starts, points, weights, category values, cuts, segment ids)
is a bound parameter, and the only identifiers are column names checked against
the table and quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

import duckdb

from portfolio.grid.model import Criterion, Grid
from portfolio.grid.loader import check_columns
from portfolio.problems import ConfigError
from portfolio.sql import Fragment, joined, quote_identifier

if TYPE_CHECKING:  # only score_frame takes a frame: scoring a stored table loads no pandas
    import pandas as pd

# Scores are rounded before they are compared with cuts, so that a score that is
# mathematically equal to a cut (say 50) but computed as 49.99999999999999 goes up,
# as the grid format says it must.
SCORE_DECIMALS = 9

NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT",
                 "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "DECIMAL")


def column_kinds(con: duckdb.DuckDBPyConnection, relation_sql: str) -> dict[str, str]:
    """Map each column of a table (or subquery) to "number" or "text"."""
    described = con.execute(f"DESCRIBE {relation_sql}").fetchall()
    return {name: ("number" if str(dtype).upper().startswith(NUMERIC_TYPES) else "text")
            for name, dtype, *_ in described}


def _points_expression(criterion: Criterion, kind: str | None) -> Fragment:
    """CASE expression giving the criterion's points, NULL when the value is missing
    (and for every client when the data has no such column: `kind` None)."""
    if kind is None:
        return Fragment("CAST(NULL AS DOUBLE)")
    column = quote_identifier(criterion.column)
    if criterion.is_numeric:
        # Greatest `from` that is <= the value: test the bands from the top down.
        expr = Fragment("CASE")
        for band in reversed(criterion.bands or ()):
            expr.add(f" WHEN {column} >= ? THEN ?", float(band.start), float(band.points))
        return expr.add(" END")
    if kind == "number":
        # A numeric column scored by categories ("1", "2"…): show 1.0 as "1".
        text = (f"CASE WHEN {column} = trunc({column}) THEN CAST(CAST({column} AS BIGINT) AS VARCHAR)"
                f" ELSE CAST({column} AS VARCHAR) END")
    else:
        text = f"CAST({column} AS VARCHAR)"
    # Fast path first: cells written exactly as in the grid (or already folded)
    # match without lower(trim()), which costs more than the rest of the query on
    # large tables; only the other cells go through the folded comparison.
    categories = criterion.categories or ()
    expr = Fragment(f"CASE {text}")
    for category in categories:
        for spelling in dict.fromkeys((category.value, category.key)):
            expr.add(" WHEN ? THEN ?", spelling, float(category.points))
    expr.add(f" ELSE CASE lower(trim({text}))")
    for category in categories:
        expr.add(" WHEN ? THEN ?", category.key, float(category.points))
    return expr.add(" END END")


def _axis_score(grid: Grid, axis: str) -> Fragment:
    """0–100 score of one axis from the `pts_*` columns, per the grid's missing policy."""
    criteria = grid.axes[axis].criteria
    if grid.missing == "zero":
        numerator = joined((Fragment(f"? * coalesce({_pts(c)}, 0) / ?", float(c.weight),
                                     float(c.max_points)) for c in criteria), " + ")
        total_weight = float(sum(c.weight for c in criteria))
        return Fragment("round(100 * (").extend(numerator).add(") / ?, ?)", total_weight,
                                                               SCORE_DECIMALS)
    numerator = joined((Fragment(f"coalesce(? * {_pts(c)} / ?, 0)", float(c.weight),
                                 float(c.max_points)) for c in criteria), " + ")
    weights = joined((Fragment(f"CASE WHEN {_pts(c)} IS NULL THEN 0 ELSE ? END", float(c.weight))
                      for c in criteria), " + ")
    return (Fragment("round(100 * (").extend(numerator).add(") / nullif(")
            .extend(weights).add(", 0), ?)", SCORE_DECIMALS))


def _band_index(grid: Grid, axis: str) -> Fragment:
    """Number of cuts that are <= the score (a score equal to a cut goes up)."""
    parts = [Fragment(f"CAST({axis} >= ? AS INTEGER)", float(cut)) for cut in grid.cuts[axis]]
    return joined(parts, " + ") if parts else Fragment("0")


def _pts(criterion: Criterion) -> str:
    return quote_identifier(f"pts_{criterion.id}")


def scoring_query(grid: Grid, source: str, kinds: Mapping[str, str],
                  keys: tuple[str, ...] = ("client_id",)) -> Fragment:
    """SELECT giving one row per client of `source`: the grid format's output columns.

    `source` is a table name or parenthesised subquery built by the caller from
    checked names; `keys` are columns passed through (e.g. client_id, period).

    A criterion whose column the data lacks scores as missing for every client, by the
    grid's `missing` policy, as an empty column does (`portfolio.scoring.coverage` names
    them for the user); a column of the wrong kind (bands over text) is refused.
    """
    issues = check_columns(grid, {**_assumed_kinds(grid), **kinds})
    if issues:
        raise ConfigError(issues)
    criteria = grid.criteria
    key_list = ", ".join(quote_identifier(k) for k in keys)
    raw_points = joined((_points_expression(c, kinds.get(c.column)).add(f" AS {_pts(c)}")
                         for c in criteria), ", ")
    any_missing = " OR ".join(f"{_pts(c)} IS NULL" for c in criteria)
    shown_points = ", ".join(
        (f"coalesce({_pts(c)}, 0) AS {_pts(c)}" if grid.missing == "zero" else _pts(c))
        for c in criteria)
    segment = Fragment("CASE")
    for seg in grid.segments:
        segment.add(" WHEN a_band = ? AND q_band = ? THEN ?",
                    seg.cell["attractiveness"], seg.cell["qrc"], seg.id)
    segment.add(" END")

    query = Fragment(f"WITH points AS (SELECT {key_list}, ").extend(raw_points)
    query.add(f" FROM {source}), scored AS (SELECT *, ")
    query.extend(_axis_score(grid, "attractiveness")).add(" AS attractiveness, ")
    query.extend(_axis_score(grid, "qrc")).add(f" AS qrc, ({any_missing}) AS incomplete")
    query.add(" FROM points), banded AS (SELECT *, ")
    query.extend(_band_index(grid, "attractiveness")).add(" AS a_band, ")
    query.extend(_band_index(grid, "qrc")).add(" AS q_band FROM scored) ")
    query.add(f"SELECT {key_list}, attractiveness, qrc, ")
    query.add("CASE WHEN attractiveness IS NULL OR qrc IS NULL THEN NULL ELSE (")
    query.extend(segment).add(") END AS segment, ")
    query.add(f"incomplete, {shown_points} ")
    return query.add("FROM banded")


def _assumed_kinds(grid: Grid) -> dict[str, str]:
    """The kind each criterion's column would need: what an absent column is checked as."""
    return {c.column: "number" if c.is_numeric else "text" for c in grid.criteria}


def score_columns(grid: Grid) -> list[str]:
    """Every column the scoring query adds (including its intermediate ones)."""
    return (["attractiveness", "qrc", "segment", "incomplete", "a_band", "q_band"]
            + [f"pts_{c.id}" for c in grid.criteria])


def output_columns(grid: Grid) -> list[str]:
    """The scoring output columns of the grid format, in order."""
    return (["client_id", "attractiveness", "qrc", "segment", "incomplete"]
            + [f"pts_{c.id}" for c in grid.criteria])


def score_frame(frame: pd.DataFrame, grid: Grid) -> pd.DataFrame:
    """Score a client frame (as read from a file) in a private in-memory DuckDB."""
    con = duckdb.connect()
    try:
        con.register("clients_input", frame)
        kinds = column_kinds(con, "clients_input")
        query = scoring_query(grid, "clients_input", kinds)
        result = con.execute(query.sql, query.params).df()
    finally:
        con.close()
    return result
