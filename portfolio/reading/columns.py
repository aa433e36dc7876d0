"""Check and type one column of the frame query's output, by the contract's rules."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from portfolio.contract import BY_NAME, Kind, header_says_percent
from portfolio.problems import Problem
from portfolio.reading.header import ColumnPlan
from portfolio.reading.issues import MAX_ROWS_PER_KIND as CAP
from portfolio.reading.issues import file_problem, row_problems

SHOWN_ROWS = 5  # rows quoted in a per-column summary


@dataclass
class Column:
    """A typed column for the frame and the problems found in it."""

    values: pd.Series | None  # None: leave the column out of the frame
    problems: list[Problem] = field(default_factory=list)


def number_text(value: float, decimal: str) -> str:
    """A number as the user would write it in this file (decimal mark included)."""
    text = f"{value:.10g}"
    return text.replace(".", decimal) if "e" not in text else text


def _failures(table: pa.Table, j: int, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Rows and texts of the cells that did not parse (kept only for those cells)."""
    bad = table.column(f"bad{j}")
    where = pc.indices_nonzero(pc.is_valid(bad)).to_numpy()
    return rows[where], bad.take(where).to_pylist() if len(where) else []


def _missing(plan: ColumnPlan, empty: np.ndarray, rows: np.ndarray) -> list[Problem]:
    spec = BY_NAME[plan.contract] if plan.contract else None
    if not empty.any() or spec is None:
        return []
    if spec.required:
        return row_problems(rows[empty], plan.header, "missing_value",
                            f"{spec.name!r} is required and this cell is empty. Fill it in, "
                            f"or remove the row if it is not a client.")
    shown = ", ".join(str(r) for r in rows[empty][:SHOWN_ROWS])
    more = "…" if empty.sum() > SHOWN_ROWS else ""
    extra = (" The share of wallet is derived from revenue / potential for them."
             if spec.name == "share_of_wallet" else "")
    return [file_problem(
        "empty_cells", f"{int(empty.sum())} rows have no value in this optional column "
        f"(rows {shown}{more}). That is allowed.{extra}", column=plan.header, blocking=False)]


def text_column(table: pa.Table, plan: ColumnPlan, rows: np.ndarray, values: pd.Series) -> Column:
    return Column(values, _missing(plan, values.isna().to_numpy(), rows))


def custom_column(table: pa.Table, plan: ColumnPlan, values: pd.Series) -> Column:
    """Numbers when every non-empty cell reads as one, else text."""
    numbers = table.column(f"num{plan.index}").to_numpy(zero_copy_only=False)
    filled = values.notna().to_numpy()
    if not filled.any() and not plan.header:
        return Column(None)  # an unnamed, empty column (a trailing separator): nothing there
    if plan.header:
        note = (f"This column is not one of the contract's; it is kept as {plan.name!r}, and a "
                f"grid may use it. If it is a contract column, rename it or map it.")
        code = "unknown_column"
    else:
        note = (f"This column has no header but holds values; it is kept as {plan.name!r}. "
                f"Give it a header, or delete its values.")
        code = "unnamed_column"
    problems = [file_problem(code, note, column=plan.header or plan.name, blocking=False)]
    if filled.any() and not np.isnan(numbers[filled]).any():
        return Column(pd.Series(numbers, dtype="float64"), problems)
    return Column(values, problems)


def number_column(table: pa.Table, plan: ColumnPlan, rows: np.ndarray, decimal: str) -> Column:
    """NUMBER, INTEGER and RATIO columns: float64 (Int64 for integers), checked."""
    spec = BY_NAME[plan.contract]
    j = plan.index
    x = table.column(f"v{j}").to_numpy(zero_copy_only=False).astype("float64", copy=False)
    bad_rows, bad_values = _failures(table, j, rows)
    problems = row_problems(
        bad_rows, plan.header, "not_a_number",
        f"{spec.name!r} must be a number (such as {_example(spec.kind, decimal)}); this cell "
        f"is not one. Correct it, or check the decimal mark.", bad_values)
    failed = np.zeros(len(x), dtype=bool)
    if len(bad_rows):
        failed[np.searchsorted(rows, bad_rows)] = True
    problems += _missing(plan, np.isnan(x) & ~failed, rows)
    if spec.kind is Kind.RATIO:
        pct = table.column(f"pct{j}").to_numpy(zero_copy_only=False)
        x, range_problems = _ratio(x, pct, plan, rows, decimal)
        problems += range_problems
    elif spec.non_negative:
        negative = x < 0
        problems += row_problems(
            rows[negative], plan.header, "negative",
            f"{spec.name!r} cannot be negative. Correct the value (a credit note belongs in "
            f"the revenue total, not as a negative client).",
            [number_text(v, decimal) for v in x[negative][:CAP]])
    if spec.kind is Kind.INTEGER:
        fractional = ~np.isnan(x) & (x != np.floor(x))
        problems += row_problems(
            rows[fractional], plan.header, "not_an_integer",
            f"{spec.name!r} counts things: it must be a whole number.",
            [number_text(v, decimal) for v in x[fractional][:CAP]])
        x = np.where(fractional, np.nan, x)
        return Column(pd.Series(x).astype("Int64"), problems)
    return Column(pd.Series(x, dtype="float64"), problems)


def _example(kind: Kind, decimal: str) -> str:
    return {Kind.INTEGER: "3", Kind.RATIO: f"0{decimal}35 or 35 %"}.get(
        kind, "1 234" + decimal + "56")


def _ratio(x: np.ndarray, pct: np.ndarray, plan: ColumnPlan, rows: np.ndarray, decimal: str
           ) -> tuple[np.ndarray, list[Problem]]:
    """Apply the percent rules, then check 0–1.

    A cell with `%`, or every cell when the header has `%`, is a percentage. Otherwise
    the column is in percent when some value is above 1 and none lies strictly between
    0 and 1 (35, 0, 100 are percentages; 0.35 and 40 together are not).
    """
    filled = ~np.isnan(x)
    plain = x[filled & ~pct]
    by_header = header_says_percent(plan.header)
    percent_scale = by_header or bool((plain > 1).any() and not ((plain > 0) & (plain < 1)).any())
    in_percent = pct | percent_scale
    scaled = np.where(in_percent, x / 100, x)
    out = filled & ((scaled < 0) | (scaled > 1))
    name = plan.contract
    shown = [number_text(v, decimal) + (" %" if p else "")
             for v, p in zip(x[out][:CAP], pct[out][:CAP])]
    reasons = [
        f"{name!r} must lie between 0 and 1 (0 % to 100 %); this cell reads as "
        f"{number_text(s * 100, decimal)} %."
        + ("" if p or percent_scale or v < 0 else
           " Values in this column are read as ratios (0,35 = 35 %) because some lie "
           "between 0 and 1: write them all the same way.")
        for v, s, p in zip(x[out][:CAP], scaled[out][:CAP], pct[out][:CAP])]
    return scaled, row_problems(rows[out], plan.header, "out_of_range", reasons, shown)


def date_column(table: pa.Table, plan: ColumnPlan, rows: np.ndarray) -> Column:
    j = plan.index
    bad_rows, bad_values = _failures(table, j, rows)
    problems = row_problems(
        bad_rows, plan.header, "bad_date",
        f"{plan.contract!r} must be a date, written 2026-03-31 or 31/03/2026 (day first). "
        "Correct the cell.", bad_values)
    values = table.column(f"v{j}").to_pandas().astype("datetime64[us]")
    failed = np.zeros(len(values), dtype=bool)
    if len(bad_rows):
        failed[np.searchsorted(rows, bad_rows)] = True
    problems += _missing(plan, values.isna().to_numpy() & ~failed, rows)
    return Column(values, problems)
