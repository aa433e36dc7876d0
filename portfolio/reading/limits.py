"""The refusals of a file that asks for more work than `portfolio.settings.ReadLimits`
allows: each says the limit, what was found, where, and what to do."""

from __future__ import annotations

from portfolio.problems import Count, Problem, detail
from portfolio.reading.issues import file_problem
from portfolio.settings import LIMIT_VARIABLES, ReadLimits

_MB = 1024 * 1024


class LimitReached(Exception):
    """Raised inside a reading when a limit is passed; carries the refusal."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.reason)
        self.problem = problem


def _variable(limit: str) -> str:
    return LIMIT_VARIABLES[limit][0]


def too_many_columns(limits: ReadLimits, row: int, found: int, header: bool = True) -> Problem:
    """The header (or, in a sheet, any row) is wider than the limit."""
    key = "problems_limits.too_many_columns" if header else "problems_limits.too_many_columns_in_row"
    return Problem.of(detail(key, row=row, found=Count(found), limit=Count(limits.columns),
                             variable=_variable("columns")),
                      code="too_many_columns", row=row, value=str(found))


def too_many_rows(limits: ReadLimits) -> Problem:
    return file_problem("too_many_rows", detail(
        "problems_limits.too_many_rows", limit=Count(limits.rows), variable=_variable("rows")))


def cell_too_long(limits: ReadLimits, found: int) -> object:
    """The reason for one cell longer than the limit (its row and column are the problem's)."""
    return detail("problems_limits.cell_too_long", found=Count(found),
                  limit=Count(limits.cell_chars))


def too_many_cells(limits: ReadLimits, sheet: str, row: int) -> Problem:
    return Problem.of(detail("problems_limits.too_many_cells", sheet=repr(sheet), row=row,
                             limit=Count(limits.xlsx_cells), variable=_variable("xlsx_cells")),
                      code="too_many_cells", row=row)


def shared_strings_too_big(limits: ReadLimits, part: str) -> Problem:
    return file_problem("shared_strings_too_big", detail(
        "problems_limits.shared_strings_too_big", limit=Count(limits.shared_string_bytes // _MB),
        variable=_variable("shared_string_bytes")), value=part)


def sheet_text_too_big(limits: ReadLimits, sheet: str, row: int) -> Problem:
    return Problem.of(detail("problems_limits.sheet_text_too_big", sheet=repr(sheet), row=row,
                             limit=Count(limits.xlsx_text_bytes // _MB),
                             variable=_variable("xlsx_text_bytes")),
                      code="sheet_text_too_big", row=row)
