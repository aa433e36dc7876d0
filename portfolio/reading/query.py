"""Build the one DuckDB query that reads every cell of a table into typed columns.

The query streams: each cell is trimmed, parsed by the rules of `cells`, and the
text of a cell that does not parse is kept (only for that cell) so the problem
can quote it. Output columns, for the file column at position j:

- `v{j}`: the typed value (VARCHAR, DOUBLE or TIMESTAMP);
- `bad{j}`: the cell text when it is not a valid number or date, else NULL;
- `pct{j}` (ratio columns): the cell carried a `%` sign;
- `num{j}` (custom columns): the cell read as a number, NULL when it is not one;
- `blank`: every cell of the row is empty; `extra`: the first non-empty cell beyond
  the header (a ragged row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from portfolio.contract import BY_NAME, Kind
from portfolio.reading import cells
from portfolio.reading.header import ColumnPlan

NUMERIC_KINDS = (Kind.NUMBER, Kind.INTEGER, Kind.RATIO)
DECIMAL_SAMPLE_ROWS = 20_000


@dataclass(frozen=True)
class CellParts:
    """Where a column's cells are in the source relation (SQL identifiers)."""

    text: str  # text cells (a CSV has only these)
    number: str | None = None  # number cells (Excel)
    date: str | None = None  # date cells (Excel)


def kind_of(plan: ColumnPlan) -> Kind | None:
    return BY_NAME[plan.contract].kind if plan.contract else None


def _trimmed_layer(relation: str, parts: Sequence[CellParts], extra: Sequence[str]) -> str:
    """First layer: trimmed text `s{j}`, Excel numbers `n{j}` and dates `d{j}`."""
    items = []
    for j, part in enumerate(parts):
        items.append(f"{cells.trimmed(part.text)} AS s{j}")
        items.append(f"{part.number or 'CAST(NULL AS DOUBLE)'} AS n{j}")
        items.append(f"{'CAST(' + part.date + ' AS TIMESTAMP)' if part.date else 'CAST(NULL AS TIMESTAMP)'} AS d{j}")
    items += [f"{cells.trimmed(x)} AS x{k}" for k, x in enumerate(extra)]
    return f"SELECT {', '.join(items)} FROM {relation}"


def decimal_sql(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan]) -> str | None:
    """Counts of cells that can only be read with a decimal comma / a decimal point,
    over the first rows of the numeric and custom columns."""
    wanted = [p.index for p in plans if kind_of(p) in NUMERIC_KINDS or p.contract is None]
    if not wanted:
        return None
    comma = " + ".join(f"sum({cells.decimal_evidence(cells.compact(f's{j}'), ',')})" for j in wanted)
    point = " + ".join(f"sum({cells.decimal_evidence(cells.compact(f's{j}'), '.')})" for j in wanted)
    inner = _trimmed_layer(relation, parts, ())
    return (f"SELECT coalesce({comma}, 0), coalesce({point}, 0) "
            f"FROM ({inner} LIMIT {DECIMAL_SAMPLE_ROWS})")


def frame_sql(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan],
              decimal: str, extra: Sequence[str] = ()) -> str:
    """The query giving typed values and per-cell failures for every planned column."""
    outputs = []
    for plan in plans:
        j = plan.index
        s, n, d = f"s{j}", f"n{j}", f"d{j}"
        as_text = f"coalesce({s}, {cells.number_text(n)}, {cells.date_text(d)})"
        kind = kind_of(plan)
        if kind in (Kind.TEXT, Kind.CATEGORY) or kind is None:
            outputs.append(f"{as_text} AS v{j}")
            if kind is None:
                outputs.append(f"coalesce({n}, {cells.number(cells.compact(s), decimal)}) AS num{j}")
            continue
        if kind is Kind.DATE:
            value = (f"CAST(coalesce(CAST(date_trunc('day', {d}) AS DATE), "
                     f"{cells.serial_date(n)}, {cells.text_date(s)}) AS TIMESTAMP)")
        else:
            value = f"coalesce({n}, {cells.number(cells.compact(s), decimal)})"
        outputs.append(f"{value} AS v{j}")
        outputs.append(f"CASE WHEN ({value}) IS NULL THEN {as_text} END AS bad{j}")
        if kind is Kind.RATIO:
            outputs.append(f"coalesce(contains({s}, '%'), false) AS pct{j}")
    every = [f"s{p.index} IS NULL AND n{p.index} IS NULL AND d{p.index} IS NULL" for p in plans]
    outputs.append(f"({' AND '.join(every) or 'true'}) AS blank")
    outputs.append(f"coalesce({', '.join(f'x{k}' for k in range(len(extra)))}) AS extra"
                   if extra else "CAST(NULL AS VARCHAR) AS extra")
    return f"SELECT {', '.join(outputs)} FROM ({_trimmed_layer(relation, parts, extra)})"
