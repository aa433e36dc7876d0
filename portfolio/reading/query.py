"""Build the DuckDB queries that read every cell of a table into typed columns.

The frame query streams: each cell is trimmed and parsed by the rules of `cells`.
It is written in layers so that each step is computed once per cell. It keeps no
text for failed cells (a million mostly-empty text columns cost memory for
nothing); when a cell fails, the failures query reads the text of just the rows
needed, by their position. Output columns, for the file column at position j:

- `v{j}`: the typed value (VARCHAR, DOUBLE or TIMESTAMP);
- `f{j}` (number and date columns): the cell is filled but is not a valid value;
- `pct{j}` (ratio columns): the cell carried a `%` sign; `xl{j}`: it is an Excel number;
- `num{j}` (custom columns): the cell read as a number, NULL when it is not one;
- `blank`: every cell of the row is empty; `ragged`: a cell beyond the header is filled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import duckdb
import numpy as np

from portfolio.contract import BY_NAME, Kind
from portfolio.problems import Problem
from portfolio.reading import cells
from portfolio.reading.header import ColumnPlan

NUMERIC_KINDS = (Kind.NUMBER, Kind.INTEGER, Kind.RATIO)
TEXT_KINDS = (Kind.TEXT, Kind.CATEGORY, None)  # columns whose value `v{j}` is text (None: custom)
DECIMAL_SAMPLE_ROWS = 20_000
EXTRA = -1  # key of the "cell beyond the header" in failure texts


@dataclass(frozen=True)
class CellParts:
    """Where a column's cells are in the source relation (SQL identifiers)."""

    text: str  # text cells (a CSV has only these)
    number: str | None = None  # number cells (Excel)
    date: str | None = None  # date cells (Excel)


class TableSource(Protocol):
    """A table the queries read: a CSV file through read_csv, or Excel cells in Arrow."""

    def attach(self, con: duckdb.DuckDBPyConnection) -> None:
        """Make the relation readable on this connection."""

    def relation(self, sample: bool = False) -> tuple[str, dict[str, object]]:
        """The FROM item and its bound parameters (`sample`: only the first rows are read)."""

    def parts(self) -> list[CellParts]:
        """Where each file column's cells are, by position."""

    def extra(self) -> list[str]:
        """Columns beyond the header (a filled one makes a ragged row)."""

    def stage(self, con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object],
              staging: duckdb.DuckDBPyConnection, max_rows: int | None = None
              ) -> tuple[int | None, list[Problem]]:
        """Run the frame query into the staging table (`staging.stage_query` or `stage_rows`): the row
        count (None if the table cannot be read; above `max_rows` when it stopped
        there), and problems."""

    def numbering(self) -> tuple[int, np.ndarray]:
        """The record number of the first row read, and the records the reading left
        out after it (sorted), so that rows are numbered as the user sees them."""

    def merged_rows(self, spanning_lines: Callable[[int], list[tuple[int, str]]],
                    plans: Sequence[ColumnPlan]) -> list[Problem]:
        """Rows that a misplaced quote merged into one cell of an earlier row;
        `spanning_lines(j)` gives (row, text) of the cells of column j that span lines."""


def kind_of(plan: ColumnPlan) -> Kind | None:
    return BY_NAME[plan.contract].kind if plan.contract else None


def _wants_text(plan: ColumnPlan) -> bool:
    return kind_of(plan) not in NUMERIC_KINDS


def _wants_number(plan: ColumnPlan) -> bool:
    return kind_of(plan) in NUMERIC_KINDS or plan.contract is None


def _cells_layer(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan],
                 extra: Sequence[str], decimal: str | None = None) -> str:
    """Layer 1: raw text `r{j}`, trimmed text `s{j}`, compacted text `k{j}` (numbers),
    Excel numbers `n{j}` and dates `d{j}`, trimmed cells beyond the header `x{k}`.

    With a `decimal` mark, a cell that the plain cast reads is a number `e{j}` at once,
    and only the others are compacted (`k{j}` is NULL for it: the next layer, over `e{j}`,
    so that the cast is made once); without one (the decimal mark is being detected from
    the compacted text), every cell is compacted here."""
    items = []
    for plan in plans:
        j, part = plan.index, parts[plan.index]
        items.append(f"{part.text} AS r{j}")
        if _wants_text(plan):
            items.append(f"{cells.trimmed(part.text)} AS s{j}")
        if _wants_number(plan) and decimal is None:
            items.append(f"{cells.compact(part.text)} AS k{j}")
        elif _wants_number(plan):
            items.append(f"{cells.plain_number(part.text, decimal)} AS e{j}")
        items.append(f"{part.number or 'CAST(NULL AS DOUBLE)'} AS n{j}")
        items.append(f"CAST({part.date or 'NULL'} AS TIMESTAMP) AS d{j}")
    items += [f"{cells.trimmed(x)} AS x{k}" for k, x in enumerate(extra)]
    return f"SELECT {', '.join(items) or '1 AS one'} FROM {relation}"


def _parsed_layers(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan],
                   decimal: str, extra: Sequence[str]) -> str:
    """Layer 2 over layer 1: the compacted text `k{j}` of the numbers the cast did not
    read; layer 3: numbers `p{j}` and text dates `q{j}`."""
    layer = _cells_layer(relation, parts, plans, extra, decimal)
    compacted = ["*"] + [f"CASE WHEN e{p.index} IS NULL THEN {cells.compact(f'r{p.index}')} "
                         f"END AS k{p.index}" for p in plans if _wants_number(p)]
    items = ["*"]
    for plan in plans:
        j = plan.index
        if _wants_number(plan):
            items.append(f"coalesce(e{j}, {cells.number(f'k{j}', decimal)}) AS p{j}")
        if kind_of(plan) is Kind.DATE:
            items.append(f"{cells.text_date(f's{j}')} AS q{j}")
    return f"SELECT {', '.join(items)} FROM (SELECT {', '.join(compacted)} FROM ({layer}))"


def _value(plan: ColumnPlan) -> str:
    """The typed value of a number or date column, over the parsed layers."""
    j = plan.index
    if kind_of(plan) is Kind.DATE:
        return (f"CAST(coalesce(CAST(date_trunc('day', d{j}) AS DATE), "
                f"{cells.sane_date(cells.serial_date(f'n{j}'))}, {cells.sane_date(f'q{j}')}) "
                f"AS TIMESTAMP)")
    return f"coalesce(n{j}, {cells.finite(f'p{j}')})"


def _filled(plan: ColumnPlan) -> str:
    j = plan.index
    text = f"s{j} IS NOT NULL" if _wants_text(plan) else f"e{j} IS NOT NULL OR k{j} IS NOT NULL"
    return f"({text} OR n{j} IS NOT NULL OR d{j} IS NOT NULL)"


def _shown(plan: ColumnPlan) -> str:
    """The cell as the user sees it (an Excel number or date turned into text)."""
    j = plan.index
    text = f"s{j}" if _wants_text(plan) else cells.trimmed(f"r{j}")
    return f"coalesce({text}, {cells.number_text(f'n{j}')}, {cells.date_text(f'd{j}')})"


def decimal_sql(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan]) -> str | None:
    """Counts of cells that can only be read with a decimal comma / a decimal point,
    over the first rows of the numeric and custom columns."""
    wanted = [p.index for p in plans if _wants_number(p)]
    if not wanted:
        return None
    comma = " + ".join(f"sum({cells.decimal_evidence(f'k{j}', ',')})" for j in wanted)
    point = " + ".join(f"sum({cells.decimal_evidence(f'k{j}', '.')})" for j in wanted)
    inner = _cells_layer(relation, parts, plans, ())
    return (f"SELECT coalesce({comma}, 0), coalesce({point}, 0) "
            f"FROM ({inner} LIMIT {DECIMAL_SAMPLE_ROWS})")


def frame_sql(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan],
              decimal: str, extra: Sequence[str] = ()) -> str:
    """The query giving typed values and failure flags for every planned column.

    Its last two layers: each value `v{j}` and whether its cell is filled `fl{j}`, then
    the flags over them (`f{j}`, `blank`), so that no value is computed twice."""
    values, outputs = [], []
    for plan in plans:
        j, kind = plan.index, kind_of(plan)
        values.append(f"{_filled(plan)} AS fl{j}")
        if kind in NUMERIC_KINDS or kind is Kind.DATE:
            values.append(f"{_value(plan)} AS v{j}")
            outputs += [f"v{j}", f"(v{j} IS NULL AND fl{j}) AS f{j}"]
            if kind is Kind.RATIO:
                values.append(f"coalesce(contains(r{j}, '%'), false) AS pct{j}")
                values.append(f"(n{j} IS NOT NULL) AS xl{j}")
                outputs += [f"pct{j}", f"xl{j}"]
            continue
        values.append(f"{_shown(plan)} AS v{j}")
        outputs.append(f"v{j}")
        if kind is None:
            values.append(f"coalesce(n{plan.index}, {cells.finite(f'p{j}')}) AS num{j}")
            outputs.append(f"num{j}")
    values += [f"x{k}" for k in range(len(extra))]
    outputs.append(f"NOT ({' OR '.join(f'fl{p.index}' for p in plans) or 'false'}) AS blank")
    outputs.append(f"({' OR '.join(f'x{k} IS NOT NULL' for k in range(len(extra))) or 'false'}) AS ragged")
    parsed = _parsed_layers(relation, parts, plans, decimal, extra)
    return (f"SELECT {', '.join(outputs)} FROM (SELECT {', '.join(values) or '1 AS one'} "
            f"FROM ({parsed}))")


def failures_sql(relation: str, parts: Sequence[CellParts], plans: Sequence[ColumnPlan],
                 decimal: str, extra: Sequence[str], wanted: Sequence[int]) -> str:
    """The text of the wanted columns (EXTRA: the first cell beyond the header) at the
    row positions bound to $positions, with the position `pos` of each row."""
    by_index = {p.index: p for p in plans}
    items = [f"{_shown(by_index[j])} AS t{j}" for j in wanted if j != EXTRA]
    if EXTRA in wanted:
        items.append(f"coalesce({', '.join(f'x{k}' for k in range(len(extra)))}) AS t_extra")
    layers = _parsed_layers(relation, parts, plans, decimal, extra)
    # row_number() numbers rows as the frame query returns them: their staged `pos`.
    return (f"SELECT * FROM (SELECT row_number() OVER () - 1 AS pos, {', '.join(items)} "
            f"FROM ({layers})) WHERE pos IN (SELECT unnest($positions)) ORDER BY pos")
