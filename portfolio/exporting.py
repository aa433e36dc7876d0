"""Export a dataset's scored clients, with labels in the reader's language, as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from portfolio.contract import BY_NAME
from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.queries.scope import ClientFilter
from portfolio.scoring.engine import score_columns
from portfolio.sql import Fragment, joined, quote_identifier
from portfolio.store.datasets import table_columns
from portfolio.view import PortfolioView
from portfolio.table_copy import XLSX_MAX_ROWS, CsvDialect, write_query
from portfolio.tables_out import csv_bytes, csv_dialect, xlsx_bytes

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

EXPORT_FORMATS = ("csv", "xlsx")
# Kept out of the export: bookkeeping, not client data.
_HIDDEN = ("source_row",)


def export_query(view: PortfolioView, lang: str,
                 filters: ClientFilter = ClientFilter()) -> Fragment:
    """The SELECT of one row per client the view shows (one period): its own
    columns, then the scores, the segment's label and action in `lang`, and the
    points of each criterion under the criterion's label.

    The client columns keep their contract names, so an export reads back in;
    optional contract columns that are empty throughout are left out.
    """
    grid = view.grid
    source = view.clients(filters)
    with view.store.reading() as cur:
        stored = table_columns(cur, view.dataset.table)
        scored = {r[0] for r in cur.execute(f"DESCRIBE SELECT * FROM {source.sql}",
                                            source.params).fetchall()}
        # In the clients table's order; a file column named like a score is not carried
        # next to the scores, so it is not exported either.
        reserved = {c.casefold() for c in score_columns(grid)}
        client_columns = [c for c in stored
                          if c not in _HIDDEN and c in scored and c.casefold() not in reserved]
        # Optional contract columns the data never filled would only pad the table.
        optional = [c for c in client_columns if c in BY_NAME and not BY_NAME[c].required]
        filled = _filled(cur, source, optional)
    kept = [c for c in client_columns if c not in optional or filled[c]]
    return _labelled(source, grid, lang, kept).add(" ORDER BY client_id")


def _filled(cur: duckdb.DuckDBPyConnection, source: Fragment, columns: list[str]) -> dict[str, bool]:
    """Whether each of `columns` holds a value in at least one row of `source`."""
    if not columns:
        return {}
    counts = ", ".join(f"count({quote_identifier(c)})" for c in columns)
    row = cur.execute(f"SELECT {counts} FROM {source.sql}", source.params).fetchone()
    return {c: bool(n) for c, n in zip(columns, row)}


def _labelled(source: Fragment, grid: Grid, lang: str, client_columns: list[str]) -> Fragment:
    """The SELECT of the client columns and the scores under what a reader of `lang`
    understands: axis labels, segment labels and actions, yes/no, criterion labels."""
    yes_no = Fragment("CASE WHEN incomplete THEN ? WHEN NOT incomplete THEN ? END",
                      t("export.answer_yes", lang), t("export.answer_no", lang))
    parts: list[tuple[Fragment, str]] = [(Fragment(quote_identifier(c)), c) for c in client_columns]
    parts += [(Fragment("attractiveness"), grid.axes["attractiveness"].label.get(lang)),
              (Fragment("qrc"), grid.axes["qrc"].label.get(lang)),
              (_mapped("segment", grid.segment_labels(lang)), t("export.segment", lang)),
              (_mapped("segment", grid.segment_actions(lang)), t("export.action", lang)),
              (yes_no, t("export.incomplete", lang))]
    parts += [(Fragment(quote_identifier(f"pts_{c.id}")),
               t("export.points", lang, criterion=c.label.get(lang))) for c in grid.criteria]
    # Labels are the grid author's text: two criteria with the same label would
    # otherwise collapse into one column.
    headers = _unique_headers([header for _, header in parts])
    selected = joined([expr.add(f" AS {quote_identifier(header)}")
                       for (expr, _), header in zip(parts, headers)], ", ")
    return Fragment("SELECT ").extend(selected).add(" FROM ").extend(source)


def _mapped(column: str, values: dict[str, str]) -> Fragment:
    """`column`'s values replaced by `values` (NULL where it has none)."""
    if not values:
        return Fragment("CAST(NULL AS VARCHAR)")
    cases = Fragment(f"CASE {quote_identifier(column)}")
    for key, value in values.items():
        cases.add(" WHEN ? THEN ?", key, value)
    return cases.add(" END")


def scored_export(view: PortfolioView, lang: str,
                  filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """The rows of `export_query` as a frame, for a download from a page."""
    query = export_query(view, lang, filters)
    with view.store.reading() as cur:
        return cur.execute(query.sql, query.params).df()


def _unique_headers(headers: list[str]) -> list[str]:
    # Without case, as DuckDB tells column names apart.
    seen: dict[str, int] = {}
    unique = []
    for header in headers:
        count = seen.get(header.casefold(), 0) + 1
        seen[header.casefold()] = count
        unique.append(header if count == 1 else f"{header} ({count})")
    return unique


def export_bytes(frame: pd.DataFrame, fmt: str, lang: str = "en") -> bytes:
    """The export as a download: formula-safe CSV or XLSX.

    A French CSV uses `;` and a decimal comma, as French Excel expects; both carry a
    BOM so that Excel reads the accents.
    """
    if fmt == "csv":
        return csv_bytes(frame, lang)
    if fmt == "xlsx":
        if len(frame) > XLSX_MAX_ROWS:
            raise ValueError(f"{len(frame)} clients do not fit in an Excel sheet (at most "
                             f"{XLSX_MAX_ROWS}): export as .csv, or export one period.")
        return xlsx_bytes(frame)
    raise ValueError(f"cannot export as {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")


def export_format(path: str | Path) -> str:
    """"csv" or "xlsx" from the file's extension; ValueError for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in EXPORT_FORMATS:
        raise ValueError(f"cannot export to {str(path)!r}: use a file ending in .csv or .xlsx")
    return suffix


def write_export(view: PortfolioView, path: str | Path, lang: str = "en",
                 filters: ClientFilter = ClientFilter()) -> int:
    """Write the export to `path`, in the format its extension names (.csv or .xlsx), by
    DuckDB (portfolio.table_copy: no frame of the rows); the number of clients written.

    ValueError for another extension, or for more clients than an Excel sheet holds;
    DiskFull or OSError when the file cannot be written (nothing is left at `path`).
    """
    fmt = export_format(path)
    query = export_query(view, lang, filters)
    separator, decimal = csv_dialect(lang)
    with view.store.reading() as cur:
        if fmt == "xlsx":
            rows = cur.execute(f"SELECT count(*) FROM ({query.sql})", query.params).fetchone()[0]
            if rows > XLSX_MAX_ROWS:
                raise ValueError(f"{rows} clients do not fit in an Excel sheet (at most "
                                 f"{XLSX_MAX_ROWS}): export as .csv, or export one period.")
        return write_query(cur, query, path, csv=CsvDialect(separator, decimal, bom=True))
