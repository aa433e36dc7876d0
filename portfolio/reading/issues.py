"""Turn vectorised findings (row numbers, values) into a bounded list of problems."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from portfolio.problems import Problem

# A wrong decimal mark can make every row of a million-row file fail: the user
# needs the first rows and a count, not a million lines.
MAX_ROWS_PER_KIND = 200


def row_problems(
    rows: np.ndarray,
    column: str | None,
    code: str,
    reasons: str | Sequence[str],
    values: Sequence[object] | None = None,
    blocking: bool = True,
) -> list[Problem]:
    """One problem per row (at most MAX_ROWS_PER_KIND), then one summary of the rest.

    `reasons` is one sentence for every row, or one per row; `values` the cell text
    as the user wrote it (None when the cell is empty).
    """
    total = len(rows)
    shown = min(total, MAX_ROWS_PER_KIND)
    shown_rows = np.asarray(rows[:shown]).tolist()
    shown_values = [None] * shown if values is None else list(values[:shown])
    shown_reasons = [reasons] * shown if isinstance(reasons, str) else list(reasons[:shown])
    problems = [
        Problem(row=int(row), column=column, code=code, blocking=blocking,
                value=None if value is None else str(value), reason=reason)
        for row, value, reason in zip(shown_rows, shown_values, shown_reasons)
    ]
    if total > shown:
        problems.append(Problem(
            row=None, column=column, value=None, code=code, blocking=blocking,
            reason=(f"{total - shown} more rows have the same problem in this column "
                    f"(only the first {shown} are listed); fix them the same way."),
        ))
    return problems


def file_problem(code: str, reason: str, column: str | None = None,
                 value: str | None = None, blocking: bool = True) -> Problem:
    """A problem about the whole file or a whole column (no row)."""
    return Problem(row=None, column=column, value=value, reason=reason, code=code,
                   blocking=blocking)
