"""Assemble the typed client frame from the frame query's output, with every problem."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from portfolio.contract import CANONICAL_NAMES, Kind
from portfolio.problems import Problem
from portfolio.reading import columns, consistency
from portfolio.reading.header import ROW_COLUMN, ColumnPlan
from portfolio.reading.issues import row_problems
from portfolio.reading.query import kind_of


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({ROW_COLUMN: pd.Series([], dtype="int64")})


def build_frame(table: pa.Table, plans: Sequence[ColumnPlan], rows: np.ndarray, decimal: str
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed columns (contract order, then custom ones in file order, then source_row)."""
    problems: list[Problem] = []
    extra = table.column("extra")
    if extra.null_count < len(extra):
        where = pc.indices_nonzero(pc.is_valid(extra)).to_numpy()
        problems += row_problems(
            rows[where], None, "ragged_row",
            "This row has more cells than the header: a value probably holds the separator "
            "without quotes around it. Put the value in quotes, or remove the extra separator.",
            extra.take(where[:200]).to_pylist())
    blank = table.column("blank").to_numpy(zero_copy_only=False)
    if blank.any():  # empty rows are skipped (they keep their place in the numbering)
        table = table.filter(pa.array(~blank))
        rows = rows[~blank]
    text_kinds = (Kind.TEXT, Kind.CATEGORY, None)
    text_names = [f"v{p.index}" for p in plans if kind_of(p) in text_kinds]
    # Text columns go to pandas without a copy (pyarrow-backed strings).
    texts = table.select(text_names).to_pandas(split_blocks=True) if text_names else pd.DataFrame()
    built: dict[str, pd.Series] = {}
    for plan in plans:
        kind = kind_of(plan)
        if kind in (Kind.TEXT, Kind.CATEGORY):
            column = columns.text_column(table, plan, rows, texts[f"v{plan.index}"])
        elif kind is None:
            column = columns.custom_column(table, plan, texts[f"v{plan.index}"])
        elif kind is Kind.DATE:
            column = columns.date_column(table, plan, rows)
        else:
            column = columns.number_column(table, plan, rows, decimal)
        problems += column.problems
        if column.values is not None:
            built[plan.name] = column.values.reset_index(drop=True)
    del texts, table
    order = [n for n in CANONICAL_NAMES if n in built] + [
        p.name for p in plans if p.contract is None and p.name in built]
    frame = pd.DataFrame({name: built[name] for name in order}, copy=False)
    headers = {p.contract: p.header for p in plans if p.contract}
    problems += consistency.share_of_wallet(frame, rows, headers, decimal)
    if "share_of_wallet" in frame and "share_of_wallet" not in order:
        frame = frame[[c for c in CANONICAL_NAMES if c in frame] +
                      [c for c in frame if c not in CANONICAL_NAMES]]
    frame[ROW_COLUMN] = rows
    problems += consistency.duplicate_ids(frame, rows, headers.get("client_id"))
    return frame, problems
