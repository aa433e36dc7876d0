"""Export a dataset's scored clients, with labels in the reader's language, as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from portfolio.contract import BY_NAME
from portfolio.grid.model import Grid
from portfolio.i18n import t
from portfolio.queries.scope import ClientFilter
from portfolio.scoring.engine import score_columns
from portfolio.sql import quote_identifier
from portfolio.store.datasets import clients_table, table_columns
from portfolio.view import PortfolioView
from portfolio.tables_out import csv_bytes, xlsx_bytes

EXPORT_FORMATS = ("csv", "xlsx")
XLSX_MAX_ROWS = 1_048_575  # an Excel sheet's rows, the header row left out
# Kept out of the export: bookkeeping, not client data.
_HIDDEN = ("source_row",)


def scored_export(view: PortfolioView, lang: str,
                  filters: ClientFilter = ClientFilter()) -> pd.DataFrame:
    """One row per client the view shows (one period): its own
    columns, then the scores, the segment's label and action in `lang`, and the
    points of each criterion under the criterion's label.

    The client columns keep their contract names, so an export reads back in;
    optional contract columns that are empty throughout are left out.
    """
    grid = view.grid
    source = view.clients(filters)
    with view.store.reading() as cur:
        stored = table_columns(cur, clients_table(view.dataset_id))
        scored = {r[0] for r in cur.execute(f"DESCRIBE SELECT * FROM {source.sql}",
                                            source.params).fetchall()}
    # In the clients table's order; a file column named like a score is not carried
    # next to the scores, so it is not exported either.
    reserved = {c.casefold() for c in score_columns(grid)}
    client_columns = [c for c in stored
                      if c not in _HIDDEN and c in scored and c.casefold() not in reserved]
    points = [f"pts_{c.id}" for c in grid.criteria]
    selected = client_columns + ["attractiveness", "qrc", "segment", "incomplete"] + points
    columns = ", ".join(quote_identifier(c) for c in selected)
    with view.store.reading() as cur:
        frame = cur.execute(f"SELECT {columns} FROM {source.sql} ORDER BY client_id",
                            source.params).df()
    # Optional contract columns the data never filled would only pad the table.
    empty = [c for c in client_columns
             if c in BY_NAME and not BY_NAME[c].required and frame[c].isna().all()]
    return _labelled(frame, grid, lang, [c for c in client_columns if c not in empty])


def _labelled(frame: pd.DataFrame, grid: Grid, lang: str, client_columns: list[str]) -> pd.DataFrame:
    """Replace score ids by what a reader of `lang` understands."""
    labels = grid.segment_labels(lang)
    actions = grid.segment_actions(lang)
    out = frame[client_columns].copy()
    out[grid.axes["attractiveness"].label.get(lang)] = frame["attractiveness"]
    out[grid.axes["qrc"].label.get(lang)] = frame["qrc"]
    out[t("export.segment", lang)] = frame["segment"].map(labels)
    out[t("export.action", lang)] = frame["segment"].map(actions)
    out[t("export.incomplete", lang)] = frame["incomplete"].map(
        {True: t("export.answer_yes", lang), False: t("export.answer_no", lang)})
    for criterion in grid.criteria:
        header = t("export.points", lang, criterion=criterion.label.get(lang))
        out[header] = frame[f"pts_{criterion.id}"]
    # Labels are the grid author's text: two criteria with the same label would
    # otherwise collapse into one column.
    out.columns = _unique_headers(list(out.columns))
    return out


def _unique_headers(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for header in headers:
        count = seen.get(header, 0) + 1
        seen[header] = count
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


def write_export(frame: pd.DataFrame, path: str | Path, lang: str = "en") -> None:
    """Write the export to `path`, in the format its extension names (.csv or .xlsx)."""
    Path(path).write_bytes(export_bytes(frame, export_format(path), lang))
