"""Checks across columns and rows: revenue against potential, and duplicate client ids."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from portfolio.problems import Problem, detail
from portfolio.reading.columns import KEPT, Found, Finding, number_text, rows_of
from portfolio.reading.issues import MAX_ROWS_PER_KIND as CAP


def revenue_above_potential(columns: Mapping[str, str], headers: Mapping[str, str],
                            decimal: str) -> list[Finding]:
    """A warning where revenue exceeds potential: the share of wallet derived there is
    capped at 1 (see `typed.derived_share`), the potential is probably underestimated."""
    if "revenue" not in columns or "potential" not in columns:
        return []
    revenue, potential = columns["revenue"], columns["potential"]

    def say(found: Found) -> list[Problem]:
        shown = [f"{number_text(r, decimal)} > {number_text(p, decimal)}" for r, p in found.values]
        return rows_of(found, headers.get("revenue"), "revenue_above_potential",
                       detail("problems_cells.revenue_above_potential"), shown, blocking=False)

    return [Finding(f"{KEPT} AND {revenue} > {potential}", say, (revenue, potential))]


def duplicate_ids(con: duckdb.DuckDBPyConnection, numbered: str, columns: Mapping[str, str],
                  header: str | None) -> list[Problem]:
    """Every row whose client_id was already used by an earlier row (of the same period,
    when the file has a period column); said identical when every typed cell is the same."""
    if "client_id" not in columns:
        return []
    client = columns["client_id"]
    period = f"coalesce({columns['period']}, '')" if "period" in columns else "''"
    rep = columns.get("salesperson", "NULL::VARCHAR")
    cells = ", ".join(columns.values())
    rows = con.execute(f"""
        WITH ids AS (
            SELECT pos, source_row, {client} AS client, {period} AS period_key
            FROM ({numbered}) WHERE {KEPT} AND {client} IS NOT NULL),
        repeated AS (
            SELECT client, period_key FROM ids GROUP BY ALL HAVING count(*) > 1),
        grouped AS (
            SELECT pos, source_row, client, hash({cells}) AS print,
                   first_value(source_row) OVER w AS first_row,
                   first_value(hash({cells})) OVER w AS first_print,
                   {rep} AS rep, first_value({rep}) OVER w AS first_rep,
                   row_number() OVER w AS n
            FROM ({numbered}) JOIN repeated
              ON {client} = repeated.client AND {period} = repeated.period_key
            WHERE {KEPT}
            WINDOW w AS (PARTITION BY {client}, {period} ORDER BY pos))
        SELECT count(*) OVER (), source_row, first_row, print = first_print, client,
               rep IS DISTINCT FROM first_rep AS shared, first_rep
        FROM grouped WHERE n > 1 ORDER BY pos LIMIT {CAP}""").fetchall()
    if not rows:
        return []
    found = Found([r[1] for r in rows], [r[2:] for r in rows], rows[0][0])
    # Listed again under another rep: a shared account (a CRM's client won by several reps),
    # which has ways out of its own.
    reasons = [detail("problems_cells.duplicate_shared", first=int(first), rep=repr(first_rep))
               if shared else
               detail("problems_cells.duplicate_identical" if same
                      else "problems_cells.duplicate_different", first=int(first))
               for first, same, _, shared, first_rep in found.values]
    return rows_of(found, header, "duplicate_id", reasons, [v[2] for v in found.values])
