"""Assemble the typed client frame from the frame query's output, with every problem."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from portfolio.contract import CANONICAL_NAMES, Kind
from portfolio.problems import Problem, detail
from portfolio.reading import columns, consistency
from portfolio.reading.collect import Output
from portfolio.reading.columns import Cells
from portfolio.reading.header import ROW_COLUMN, ColumnPlan
from portfolio.reading.issues import row_problems
from portfolio.reading.query import EXTRA, kind_of


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({ROW_COLUMN: pd.Series([], dtype="int64")})


def failure_positions(output: Output) -> dict[int, np.ndarray]:
    """Output positions of the failed cells, per column index (EXTRA: ragged rows)."""
    found = {}
    for name, flags in output.arrays.items():
        if name == "ragged" or (name.startswith("f") and name[1:].isdigit()):
            where = np.flatnonzero(flags)
            if len(where):
                found[EXTRA if name == "ragged" else int(name[1:])] = where
    return found


def build_frame(output: Output, plans: Sequence[ColumnPlan], rows: np.ndarray, decimal: str,
                failures: Mapping[int, np.ndarray], texts: Mapping[int, Sequence[str]]
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed columns (contract order, then custom ones in file order, then source_row).

    `output` is consumed: each column leaves it as it enters the frame.
    """
    problems: list[Problem] = []
    if EXTRA in failures:
        problems += row_problems(
            rows[failures[EXTRA]], None, "ragged_row",
            detail("problems_cells.ragged_row"),
            texts.get(EXTRA, ()))
    output.pop("ragged")
    blank = output.pop("blank")
    keep = _kept(blank)
    rows = rows[keep]
    frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    for plan in plans:
        j, kind = plan.index, kind_of(plan)
        values = output.series(f"v{j}") if f"v{j}" in output.texts else output.pop(f"v{j}")
        cells = Cells(plan, _take(values, keep), rows, failed=_array(output, f"f{j}", keep),
                      failed_texts=texts.get(j, ()), percent=_array(output, f"pct{j}", keep),
                      excel=_array(output, f"xl{j}", keep), numbers=_array(output, f"num{j}", keep))
        if kind in (Kind.TEXT, Kind.CATEGORY):
            column = columns.text_column(cells)
        elif kind is None:
            column = columns.custom_column(cells)
        elif kind is Kind.DATE:
            column = columns.date_column(cells)
        else:
            column = columns.number_column(cells, decimal)
        problems += column.problems
        if column.values is not None:
            frame[plan.name] = column.values.set_axis(frame.index)
    idhash = _array(output, "idhash", keep)
    frame[ROW_COLUMN] = rows
    headers = {p.contract: p.header for p in plans if p.contract}
    problems += consistency.share_of_wallet(frame, headers, decimal)
    if idhash is not None:
        problems += consistency.duplicate_ids(frame, idhash, headers.get("client_id"))
    custom = [p.name for p in plans if p.contract is None and p.name in frame]
    order = [n for n in CANONICAL_NAMES if n in frame] + custom + [ROW_COLUMN]
    return frame[order], problems


def _kept(blank: np.ndarray) -> slice | np.ndarray:
    """Rows to keep: empty rows are skipped (they keep their place in the numbering).
    Exports often end with empty rows: a slice keeps the data where it is (no copy)."""
    kept = int((~blank).sum())
    return slice(0, kept) if not blank[:kept].any() else ~blank


def _take(values: pd.Series | np.ndarray, keep: slice | np.ndarray) -> pd.Series | np.ndarray:
    if isinstance(keep, slice):
        return values[keep] if keep.stop != len(values) else values
    return values[keep] if not isinstance(values, pd.Series) else values[keep].reset_index(drop=True)


def _array(output: Output, name: str, keep: slice | np.ndarray) -> np.ndarray | None:
    """A numpy column of the output (taken out of it), for the kept rows; None if absent."""
    return _take(output.pop(name), keep) if name in output else None
