"""Run the reading's checks as SQL over the staged rows.

A file that breaks no rule costs three scans of the staged table, whatever its
size: the whole-column decisions (with the counts of unreadable cells and of cells
spanning lines), the count of rows breaking each rule, and the duplicate ids. Only
a rule that is broken fetches rows: its first ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb

from portfolio.contract import WRITTEN_BY_BUILD, Kind
from portfolio.problems import Problem, detail
from portfolio.reading import columns, consistency, limits
from portfolio.reading.columns import KEPT, Finding, Found, rows_of
from portfolio.reading.header import ColumnPlan
from portfolio.reading.issues import MAX_ROWS_PER_KIND as CAP
from portfolio.reading.query import EXTRA, NUMERIC_KINDS, TEXT_KINDS, kind_of
from portfolio.reading.staging import STAGED
from portfolio.reading.typed import Decisions
from portfolio.settings import ReadLimits

KEPT_ROWS = "kept_rows"


def totals(con: duckdb.DuckDBPyConnection, numbered: str, aggregates: Mapping[str, str]
           ) -> dict[str, int]:
    """Named aggregates over the numbered rows, in one scan."""
    names = list(aggregates)
    if not names:
        return {}
    row = con.execute(f"SELECT {', '.join(aggregates[n] for n in names)} FROM ({numbered})"
                      ).fetchone()
    return {name: int(value or 0) for name, value in zip(names, row)}


def count_sql(plans: Sequence[ColumnPlan]) -> dict[str, str]:
    """The kept rows, the cells each column could not read (EXTRA: ragged rows), and the
    text cells that span lines (which a misplaced quote may have merged rows into)."""
    found = {KEPT_ROWS: "count_if(NOT blank)", f"failed_{EXTRA}": "count_if(ragged)"}
    for plan in plans:
        j, kind = plan.index, kind_of(plan)
        if kind in (*NUMERIC_KINDS, Kind.DATE):  # the columns with an `f` flag
            found[f"failed_{j}"] = f"count_if(f{j})"
        elif kind in TEXT_KINDS:
            found[spanning(j)] = f"count_if(contains(v{j}, chr(10)))"
    return found


def spanning(j: int) -> str:
    """The name of the count of column j's cells that span lines."""
    return f"spanning_{j}"


def failed_positions(con: duckdb.DuckDBPyConnection, counted: Mapping[str, int]
                     ) -> dict[int, list[int]]:
    """Positions of the first unreadable cells of each column (EXTRA: ragged rows)."""
    found = {}
    for name, total in counted.items():
        if not name.startswith("failed_") or not total:
            continue
        j = int(name.removeprefix("failed_"))
        flag = "ragged" if j == EXTRA else f"f{j}"
        found[j] = [r[0] for r in con.execute(
            f"SELECT rowid FROM {STAGED} WHERE {flag} ORDER BY rowid LIMIT {CAP}").fetchall()]
    return found


def row_findings(plans: Sequence[ColumnPlan], decisions: Decisions, typed: Mapping[str, str],
                 decimal: str, texts: Mapping[int, Sequence[str]], bounds: ReadLimits
                 ) -> list[Finding | Problem]:
    """Every rule, in the order the report gives them: ragged rows, each column in file
    order (a custom column is a warning of its own; a text cell longer than the limit
    is refused), then revenue against potential."""
    ragged = detail("problems_cells.ragged_row")
    items: list[Finding | Problem] = [Finding("ragged", lambda found: rows_of(
        found, None, "ragged_row", ragged, texts.get(EXTRA, ())))]
    for plan in plans:
        if kind_of(plan) in TEXT_KINDS:
            items.append(_too_long(plan, bounds))
        if kind_of(plan) is None:
            if plan.index not in decisions.dropped and plan.name not in WRITTEN_BY_BUILD:
                items.append(columns.custom_warning(plan))
            continue
        items += columns.column_findings(plan, decisions, decimal, texts)
    headers = {p.contract: p.header for p in plans if p.contract}
    items += consistency.revenue_above_potential(typed, headers, decimal)
    return items


def _too_long(plan: ColumnPlan, bounds: ReadLimits) -> Finding:
    """Text cells longer than the limit (a number or date cell that long is unreadable
    already). The row quotes the length, not the text."""
    j = plan.index
    return Finding(f"{KEPT} AND length(v{j}) > {int(bounds.cell_chars)}", lambda found: rows_of(
        found, plan.header, "cell_too_long",
        [limits.cell_too_long(bounds, int(v[0])) for v in found.values]), (f"length(v{j})",))


def run(con: duckdb.DuckDBPyConnection, numbered: str, items: Sequence[Finding | Problem]
        ) -> list[Problem]:
    """Count the rows breaking each rule in one scan, then fetch the first of them."""
    counted = totals(con, numbered, {f"rule_{k}": f"count_if({item.where})"
                                     for k, item in enumerate(items) if isinstance(item, Finding)})
    problems: list[Problem] = []
    for k, item in enumerate(items):
        if isinstance(item, Problem):
            problems.append(item)
        elif counted[f"rule_{k}"]:
            problems += item.say(_first_rows(con, numbered, item, counted[f"rule_{k}"]))
    return problems


def _first_rows(con: duckdb.DuckDBPyConnection, numbered: str, finding: Finding, total: int
                ) -> Found:
    fetched = ", ".join(("source_row",) + finding.values)
    rows = con.execute(f"SELECT {fetched} FROM ({numbered}) WHERE {finding.where} "
                       f"ORDER BY pos LIMIT {CAP}").fetchall()
    return Found([r[0] for r in rows], [r[1:] for r in rows], total)
