"""Turn vectorised findings (row numbers, values) into a bounded list of problems."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from portfolio.problems import Detail, Problem, detail

# A wrong decimal mark can make every row of a million-row file fail: the user
# needs the first rows and a count, not a million lines.
MAX_ROWS_PER_KIND = 200


Reason = str | Detail  # a Detail can be said in the user's language; a str only in English


def row_problems(
    rows: np.ndarray | Sequence[int],
    column: str | None,
    code: str,
    reasons: Reason | Sequence[Reason],
    values: Sequence[object] | None = None,
    blocking: bool = True,
    total: int | None = None,
) -> list[Problem]:
    """One problem per row (at most MAX_ROWS_PER_KIND), then one summary of the rest.

    `reasons` is one reason for every row, or one per row; `values` the cell text
    as the user wrote it (None when the cell is empty). `total` is the number of rows
    when `rows` holds only the first of them.
    """
    total = len(rows) if total is None else total
    shown = min(total, MAX_ROWS_PER_KIND)
    shown_rows = np.asarray(rows[:shown]).tolist()
    shown_values = [None] * shown if values is None else list(values[:shown])
    single = isinstance(reasons, (str, Detail))
    shown_reasons = [reasons] * shown if single else list(reasons[:shown])
    problems = [
        _problem(reason, code=code, row=int(row), column=column, blocking=blocking,
                 value=None if value is None else str(value))
        for row, value, reason in zip(shown_rows, shown_values, shown_reasons)
    ]
    if total > shown:
        problems.append(Problem.of(
            detail("problems.more_rows" if total - shown > 1 else "problems.one_more_row",
                   count=total - shown, shown=shown),
            code=code, column=column, blocking=blocking))
    return problems


def file_problem(code: str, reason: Reason, column: str | None = None,
                 value: str | None = None, blocking: bool = True) -> Problem:
    """A problem about the whole file or a whole column (no row)."""
    return _problem(reason, code=code, column=column, value=value, blocking=blocking)


def _problem(reason: Reason, *, code: str, row: int | None = None, column: str | None = None,
             value: str | None = None, blocking: bool = True) -> Problem:
    if isinstance(reason, Detail):
        return Problem.of(reason, code=code, row=row, column=column, value=value,
                          blocking=blocking)
    return Problem(row=row, column=column, value=value, reason=reason, code=code,
                   blocking=blocking)
