"""Writing a query's rows to CSV, Parquet or XLSX by DuckDB: formula-safe, in bounded memory.

The rows never become a pandas frame. CSV and Parquet are written by DuckDB's `COPY`;
XLSX is streamed batch by batch into a constant-memory workbook (portfolio.sheet_writer). Each is written to a
temporary file beside the target and renamed once complete, so a full disk or a failure
leaves no half file under the target's name.

What a spreadsheet would run as a formula is neutralised in SQL, as
`portfolio.tables_out.neutralised` does for a frame: a text starting with one of
FORMULA_TRIGGERS gets an apostrophe in front (headers too). CSV cells are written as
pandas writes them (booleans `True`/`False`, empty text as an empty cell), so a file
reads the same whichever route wrote it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from portfolio.cleanup import remove_stale_parts
from portfolio.faults import disk_full_fault
from portfolio.settings import load_settings
from portfolio.sql import Fragment, joined, quote_identifier
from portfolio.tables_out import FORMULA_TRIGGERS, neutralise_text, output_format

XLSX_BATCH_ROWS = 20_000  # rows held in memory at a time while writing a sheet
XLSX_MAX_ROWS = 1_048_575  # an Excel sheet's rows, the header row left out
_TEXT_TYPES = ("VARCHAR",)
_FLOAT_TYPES = ("DOUBLE", "FLOAT", "REAL")
_PLACE = '"__place_in_query"'


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV is written: separator, decimal mark, and a BOM for Excel's accents."""

    separator: str = ","
    decimal: str = "."
    bom: bool = False


def columns_of(cur: duckdb.DuckDBPyConnection, query: Fragment) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column `query` returns, in order."""
    described = cur.execute(f"DESCRIBE SELECT * FROM ({query.sql})", query.params).fetchall()
    return [(row[0], str(row[1])) for row in described]


def _is_text(kind: str) -> bool:
    return kind in _TEXT_TYPES or kind.startswith("ENUM(")


def safe_query(cur: duckdb.DuckDBPyConnection, query: Fragment, *, csv: CsvDialect | None = None,
               neutralise: bool = True) -> Fragment:
    """`query` with every text cell and header that could start a formula neutralised;
    for a CSV (`csv` given), booleans, empty texts and decimals written as pandas would."""
    selected = []
    for name, kind in columns_of(cur, query):
        column = quote_identifier(name)
        alias = quote_identifier(neutralise_text(name) if neutralise else name)
        if _is_text(kind):
            text = f"CAST({column} AS VARCHAR)"
            expr = Fragment(text)
            if neutralise:
                expr = Fragment(f"CASE WHEN list_contains(?, substr({text}, 1, 1)) "
                                f"THEN '''' || {text} ELSE {text} END", list(FORMULA_TRIGGERS))
            if csv is not None:  # pandas writes an empty text as nothing, DuckDB as ""
                expr = Fragment("NULLIF(").extend(expr).add(", '')")
        elif kind == "BOOLEAN" and csv is not None:
            expr = Fragment(f"CASE WHEN {column} THEN 'True' WHEN NOT {column} THEN 'False' END")
        elif kind in _FLOAT_TYPES and csv is not None and csv.decimal != ".":
            # DuckDB writes no decimal comma: the number's shortest text, its point replaced.
            expr = Fragment(f"replace(CAST({column} AS VARCHAR), '.', ?)", csv.decimal)
        else:
            expr = Fragment(column)
        selected.append(expr.add(f" AS {alias}"))
    # A subquery's ORDER BY does not bind the query around it: each row's place is
    # numbered as it comes out of `query` (a streaming window), and kept by that number.
    return (Fragment("SELECT ").extend(joined(selected, ", "))
            .add(f" FROM (SELECT *, row_number() OVER () AS {_PLACE} FROM (").extend(query)
            .add(f")) ORDER BY {_PLACE}"))


def write_query(cur: duckdb.DuckDBPyConnection, query: Fragment, path: str | Path, *,
                csv: CsvDialect = CsvDialect(), sheet_name: str = "clients") -> int:
    """Write the rows of `query` to `path` in the format its extension names (.csv,
    .xlsx, .parquet); the number of rows written.

    A full disk raises DiskFull naming `path`; any other failure to write, an OSError;
    in both cases nothing is left under `path` or beside it.
    """
    fmt = output_format(path)
    # COPY keeps the query's ORDER BY only when told to keep the order (a store's writes
    # turn that off to go faster).
    cur.execute("SET SESSION preserve_insertion_order = true")
    with _replaced(Path(path)) as temporary:
        if fmt == "xlsx":
            return _write_xlsx(cur, safe_query(cur, query), temporary, sheet_name)
        if fmt == "parquet":  # typed data, read by programs, not run by a spreadsheet
            return _copy(cur, query, temporary, "(FORMAT parquet)")
        return _write_csv(cur, safe_query(cur, query, csv=csv), temporary, csv)


def _copy(cur: duckdb.DuckDBPyConnection, query: Fragment, path: Path, options: str,
          *params: object) -> int:
    done = cur.execute(f"COPY ({query.sql}) TO ? {options}", [*query.params, str(path), *params])
    return int(done.fetchone()[0])


def _write_csv(cur: duckdb.DuckDBPyConnection, query: Fragment, path: Path,
               csv: CsvDialect) -> int:
    if not csv.bom:
        return _copy(cur, query, path, "(FORMAT csv, HEADER, DELIMITER ?)", csv.separator)
    # COPY writes no byte-order mark: the table goes beside, then after the mark.
    body = path.with_name(path.name + ".body")
    try:
        rows = _copy(cur, query, body, "(FORMAT csv, HEADER, DELIMITER ?)", csv.separator)
        with open(path, "wb") as out, open(body, "rb") as source:
            out.write("\ufeff".encode("utf-8"))
            while chunk := source.read(1 << 20):
                out.write(chunk)
        return rows
    finally:
        body.unlink(missing_ok=True)


def _write_xlsx(cur: duckdb.DuckDBPyConnection, query: Fragment, path: Path,
                sheet_name: str) -> int:
    from portfolio.sheet_writer import StreamedSheet

    result = cur.execute(query.sql, query.params)
    # The sheet's parts are written in a folder of their own beside the target (the same
    # disk), removed with it whatever happens (`.NAME.*.parts`: a killed command's is
    # removed as its half file is, see `remove_stale_parts`).
    with tempfile.TemporaryDirectory(prefix=f"{path.name}.", suffix=".parts",
                                     dir=path.parent) as parts, \
            StreamedSheet(path, sheet_name, Path(parts)) as sheet:
        sheet.append([column[0] for column in result.description])
        rows = 0
        while batch := result.fetchmany(XLSX_BATCH_ROWS):
            rows += len(batch)
            if rows > XLSX_MAX_ROWS:
                raise ValueError(f"more than {XLSX_MAX_ROWS:,} rows do not fit in an Excel "
                                 f"sheet: write a .csv or a .parquet file")
            sheet.extend(batch)
    return rows


@contextmanager
def _replaced(target: Path) -> Iterator[Path]:
    """A temporary file in `target`'s folder, renamed to `target` when the body ends
    without error, removed otherwise (and, for a process killed meanwhile, by the next
    write of the same target once it is old)."""
    remove_stale_parts(target, load_settings().leftover_hours)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent if str(target.parent) else ".")
    os.close(handle)
    temporary = Path(name)
    try:
        try:
            yield temporary
        except (duckdb.IOException, OSError) as error:
            raise _write_fault(error, target) from error
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _write_fault(error: BaseException, target: Path) -> Exception:
    """The full disk, or an OSError naming the target, for what stopped the writing."""
    if not isinstance(error, OSError):  # DuckDB's IO error carries the system's words
        error = OSError(errno.EIO, str(error).splitlines()[0], str(target))
    return disk_full_fault(error, target) or error


def frame_query(con: duckdb.DuckDBPyConnection, frame: object, name: str = "result") -> Fragment:
    """A computed table (a frame of a few rows per rep, or a plan) as a query DuckDB can
    write: registered on `con`, read where it is (no copy)."""
    con.register(name, frame)
    return Fragment(f"SELECT * FROM {quote_identifier(name)}")
