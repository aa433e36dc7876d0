"""Custom column names that the store can hold without clashing with its own columns."""

from __future__ import annotations

from collections.abc import Sequence

from portfolio.problems import Problem, detail
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


def storable_names(columns: Sequence[str]) -> tuple[dict[str, str], list[Problem]]:
    """New names for custom columns that clash with score columns or, ignoring case,
    with another column (DuckDB column names are case-insensitive); one warning each."""
    taken = {c.casefold() for c in columns if c in BASE_COLUMNS}
    renames: dict[str, str] = {}
    problems: list[Problem] = []
    for column in columns:
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
            problems.append(Problem.of(
                detail("problems_import.column_renamed", column=repr(column), name=repr(name)),
                code="column_renamed", column=column, blocking=False))
    return renames, problems
