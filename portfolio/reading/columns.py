"""Check and type one column of the frame query's output, by the contract's rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from portfolio.contract import BY_NAME, Kind, header_says_percent
from portfolio.problems import Detail, Problem, detail
from portfolio.reading.header import ColumnPlan
from portfolio.reading.issues import MAX_ROWS_PER_KIND as CAP
from portfolio.reading.issues import file_problem, row_problems

SHOWN_ROWS = 5  # rows quoted in a per-column summary
MAX_COUNT = 1e15  # integer columns count things (visits, product families)


@dataclass
class Cells:
    """One column of the query output, aligned with the kept rows."""

    plan: ColumnPlan
    values: pd.Series | np.ndarray  # text as a Series; numbers and dates as numpy
    rows: np.ndarray  # source row of each value
    failed: np.ndarray | None = None  # filled but unreadable (number and date columns)
    failed_texts: Sequence[str] = ()  # the text of the first failed cells, in row order
    percent: np.ndarray | None = None  # ratio cells written with %
    excel: np.ndarray | None = None  # ratio cells that are Excel numbers
    numbers: np.ndarray | None = None  # custom columns read as numbers


@dataclass
class Column:
    """A typed column for the frame and the problems found in it."""

    values: pd.Series | None  # None: leave the column out of the frame
    problems: list[Problem] = field(default_factory=list)


def number_text(value: float, decimal: str) -> str:
    """A number as the user would write it in this file (decimal mark included)."""
    text = f"{value:.10g}"
    return text.replace(".", decimal) if "e" not in text else text


def _missing(plan: ColumnPlan, empty: np.ndarray, rows: np.ndarray) -> list[Problem]:
    spec = BY_NAME[plan.contract] if plan.contract else None
    if spec is None or not empty.any():
        return []
    if spec.required:
        return row_problems(rows[empty], plan.header, "missing_value",
                            detail("problems_cells.required_empty", column=repr(spec.name)))
    count = int(empty.sum())
    shown = ", ".join(str(r) for r in rows[empty][:SHOWN_ROWS]) + ("…" if count > SHOWN_ROWS else "")
    return [file_problem("empty_cells", _empty_detail(spec.name, count, shown),
                         column=plan.header, blocking=False)]


def _empty_detail(contract: str, count: int, shown: str) -> Detail:
    """One sentence per case (one row or several; the share of wallet says it is
    derived), so that each language can word the whole of it."""
    if contract == "share_of_wallet":
        key = "problems_cells.empty_share_one" if count == 1 else "problems_cells.empty_share_many"
    else:
        key = "problems_cells.empty_one" if count == 1 else "problems_cells.empty_many"
    return detail(key, count=count, rows=shown)


def text_column(cells: Cells) -> Column:
    return Column(cells.values, _missing(cells.plan, cells.values.isna().to_numpy(), cells.rows))


def custom_column(cells: Cells) -> Column:
    """Numbers when every non-empty cell reads as one, else text."""
    plan, filled = cells.plan, cells.values.notna().to_numpy()
    if not filled.any() and not plan.header:
        return Column(None)  # an unnamed, empty column (a trailing separator): nothing there
    if plan.header:
        code, note = "unknown_column", detail("problems_cells.unknown_column",
                                              name=repr(plan.name))
    else:
        code, note = "unnamed_column", detail("problems_cells.unnamed_column",
                                              name=repr(plan.name))
    problems = [file_problem(code, note, column=plan.header or plan.name, blocking=False)]
    numbers = cells.numbers
    if filled.any() and not np.isnan(numbers[filled]).any():
        return Column(pd.Series(numbers, dtype="float64"), problems)
    return Column(cells.values, problems)


def _not_a_number(contract: str, kind: Kind, decimal: str) -> Detail:
    """The sentence with an example written with the file's decimal mark (a ratio has two
    examples, so a sentence of its own)."""
    if kind is Kind.RATIO:
        return detail("problems_cells.not_a_ratio", column=repr(contract), decimal=decimal)
    example = "3" if kind is Kind.INTEGER else f"1 234{decimal}56"
    return detail("problems_cells.not_a_number", column=repr(contract), example=example)


def number_column(cells: Cells, decimal: str) -> Column:
    """NUMBER, INTEGER and RATIO columns: float64 (Int64 for integers), checked."""
    plan, rows = cells.plan, cells.rows
    spec = BY_NAME[plan.contract]
    x = np.asarray(cells.values, dtype="float64")
    problems = row_problems(
        rows[cells.failed], plan.header, "not_a_number",
        _not_a_number(spec.name, spec.kind, decimal), cells.failed_texts)
    problems += _missing(plan, np.isnan(x) & ~cells.failed, rows)
    if spec.kind is Kind.RATIO:
        x, range_problems = _ratio(x, cells.percent, cells.excel, plan, rows, decimal)
        problems += range_problems
    elif spec.non_negative:
        negative = x < 0
        problems += row_problems(
            rows[negative], plan.header, "negative",
            detail("problems_cells.negative", column=repr(spec.name)),
            [number_text(v, decimal) for v in x[negative][:CAP]])
    if spec.kind is Kind.INTEGER:
        fractional = ~np.isnan(x) & (x != np.floor(x))
        problems += row_problems(
            rows[fractional], plan.header, "not_an_integer",
            detail("problems_cells.not_an_integer", column=repr(spec.name)),
            [number_text(v, decimal) for v in x[fractional][:CAP]])
        huge = ~fractional & (np.abs(x) > MAX_COUNT)
        problems += row_problems(
            rows[huge], plan.header, "out_of_range",
            detail("problems_cells.count_too_large", column=repr(spec.name)),
            [number_text(v, decimal) for v in x[huge][:CAP]])
        return Column(pd.Series(np.where(fractional | huge, np.nan, x)).astype("Int64"), problems)
    return Column(pd.Series(x, dtype="float64"), problems)


def _ratio(x: np.ndarray, percent: np.ndarray, excel: np.ndarray, plan: ColumnPlan,
           rows: np.ndarray, decimal: str) -> tuple[np.ndarray, list[Problem]]:
    """Apply the percent rules, then check 0–1.

    A cell with `%`, or a text cell under a header with `%`, is a percentage. The
    other cells are in percent when some of them is above 1 and none lies strictly
    between 0 and 1 (35, 0, 100 are percentages; 0.35 and 40 together are not).
    Excel numbers are never taken as percentages because of the header: a cell shown
    as 35 % in Excel holds 0.35.
    """
    filled = ~np.isnan(x)
    percent = percent | (header_says_percent(plan.header) & ~excel)
    plain = x[filled & ~percent]
    percent_scale = bool((plain > 1).any() and not ((plain > 0) & (plain < 1)).any())
    scaled = np.where(percent | percent_scale, x / 100, x)
    out = filled & ((scaled < 0) | (scaled > 1))
    shown = [number_text(v, decimal) + (" %" if p else "")
             for v, p in zip(x[out][:CAP], percent[out][:CAP])]
    # A plain value above 1 among ratios is most likely a percentage: say why it was
    # read as a ratio (a sentence of its own, so that each language words all of it).
    reasons = [
        detail("problems_cells.ratio_out_of_range" if p or percent_scale or v < 0
               else "problems_cells.ratio_out_of_range_mixed",
               column=repr(plan.contract), percent=number_text(s * 100, decimal), decimal=decimal)
        for v, s, p in zip(x[out][:CAP], scaled[out][:CAP], percent[out][:CAP])]
    return scaled, row_problems(rows[out], plan.header, "out_of_range", reasons, shown)


def date_column(cells: Cells) -> Column:
    plan, rows = cells.plan, cells.rows
    problems = row_problems(
        rows[cells.failed], plan.header, "bad_date",
        detail("problems_cells.bad_date", column=repr(plan.contract)), cells.failed_texts)
    values = pd.Series(cells.values).astype("datetime64[us]")
    problems += _missing(plan, values.isna().to_numpy() & ~cells.failed, rows)
    return Column(values, problems)
