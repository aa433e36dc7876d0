"""The checks on the lines kept (won, up to the as-of date): one SQL count per rule."""

from __future__ import annotations

import duckdb

from portfolio.building.bound import execute

from portfolio.problems import Problem, detail
from portfolio.reading.issues import MAX_ROWS_PER_KIND, row_problems
from portfolio.building.table_file import TableFile
from portfolio.sql import quote_identifier

# (role, condition on the kept lines, problem code, catalogue key)
_RULES = (
    ("client", "client IS NULL", "empty_value", "building.empty_client"),
    ("rep", "rep IS NULL", "empty_value", "building.empty_rep"),
    ("date", "date IS NULL AND date_text IS NULL", "empty_value", "building.empty_date"),
    ("date", "date IS NULL AND date_text IS NOT NULL", "not_a_date", "building.not_a_date"),
    ("amount", "amount IS NULL AND amount_text IS NULL", "empty_value", "building.empty_amount"),
    ("amount", "amount IS NULL AND amount_text IS NOT NULL", "not_a_number",
     "building.not_a_number"),
)


def line_problems(con: duckdb.DuckDBPyConnection, kept: str, params: dict[str, object],
                  lines: TableFile) -> list[Problem]:
    """Every kept line missing a client, a rep, a date or an amount, or holding one that
    cannot be read; `kept` is the SELECT of the kept lines (before the window)."""
    counts = ", ".join(f"count(*) FILTER (WHERE {rule[1]})" for rule in _RULES)
    totals = execute(con, f"SELECT {counts} FROM ({kept})", params).fetchall()[0]
    problems: list[Problem] = []
    for (role, condition, code, key), total in zip(_RULES, totals):
        if not total:
            continue
        text = quote_identifier(f"{role}_text")
        found = execute(con, f"SELECT source_row, {text} FROM ({kept}) WHERE {condition} "
                            f"ORDER BY source_row LIMIT {MAX_ROWS_PER_KIND}", params).fetchall()
        problems += row_problems([r[0] for r in found], lines.header_of(role), code,
                                 detail(key, file=lines.path.name), [r[1] for r in found],
                                 total=total)
    return problems
