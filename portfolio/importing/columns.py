"""Custom column names that the store can hold without clashing with its own columns."""

from __future__ import annotations

import pandas as pd

from portfolio.problems import Problem
from portfolio.store.datasets import BASE_COLUMNS

# Columns that scoring adds next to a client's own columns (see the scoring
# engine's output): a file column called "Segment" would hide the computed segment
# in every page, so it is stored under another name.
SCORE_COLUMNS = frozenset({"attractiveness", "qrc", "segment", "incomplete", "a_band",
                           "q_band"})
SCORE_PREFIX = "pts_"
RENAMED_SUFFIX = " (file)"


def _reserved(name: str) -> bool:
    folded = name.casefold()
    return folded in SCORE_COLUMNS or folded.startswith(SCORE_PREFIX)


def storable_columns(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Rename custom columns that clash with score columns or, ignoring case, with
    another column (DuckDB column names are case-insensitive); one warning each."""
    taken = {c.casefold() for c in frame.columns if c in BASE_COLUMNS}
    renames: dict[str, str] = {}
    problems: list[Problem] = []
    for column in frame.columns:
        if column in BASE_COLUMNS:
            continue
        name = column
        if _reserved(name):
            name = name + RENAMED_SUFFIX
        base, n = name, 2
        while name.casefold() in taken:
            name, n = f"{base} ({n})", n + 1
        taken.add(name.casefold())
        if name != column:
            renames[column] = name
            problems.append(Problem(
                row=None, column=column, value=None, code="column_renamed", blocking=False,
                reason=f"Column {column!r} is stored as {name!r}: its name is taken by a "
                       f"column the program computes or by another column of the file "
                       f"(names are compared ignoring case)."))
    return (frame.rename(columns=renames) if renames else frame), problems
