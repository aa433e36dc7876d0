"""read_client_file: any supported client file in, a typed frame and a full report out."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa

from portfolio.problems import Problem, Report
from portfolio.reading import csv_source, layout, query
from portfolio.reading.csv_source import CsvTable
from portfolio.reading.encoding import prepare_text
from portfolio.reading.frame import build_frame, empty_frame
from portfolio.reading.header import ColumnPlan, mapping_of, plan_columns
from portfolio.reading.issues import file_problem
from portfolio.reading.options import DECIMALS, SEPARATORS, Detected, ReadOptions, ReadResult
from portfolio.reading.sniff import HEAD_BYTES, sniff_format
from portfolio.reading.xlsx_source import XlsxTable, read_xlsx

_SHEET_VIEW = "sheet_cells"


def read_client_file(path: str | Path, options: ReadOptions | None = None) -> ReadResult:
    """Read a client file (CSV or .xlsx): typed rows, every problem, and what was detected.

    Never raises for a mistake in the file or the options: everything goes into the
    report. A path that cannot be opened raises OSError.
    """
    path = Path(path)
    options = options or ReadOptions()
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    problems = _check_options(options)
    if options.max_bytes is not None and size > options.max_bytes:
        problems.append(file_problem(
            "too_big", f"The file holds {size / 1e6:.1f} MB; the limit here is "
            f"{options.max_bytes / 1e6:.1f} MB. Remove columns or rows you do not need, or "
            "split the file."))
    kind, problem = sniff_format(head)
    if problem is not None:
        problems.append(problem)
    if any(p.blocking for p in problems):
        return _failed(problems, kind or "csv", options)
    with tempfile.TemporaryDirectory(prefix="portfolio-read-") as workdir, \
            duckdb.connect(":memory:") as con:
        # Arrow "large" strings are what pandas keeps its strings in: no copy on the way.
        con.execute("SET arrow_large_buffer_size = true")
        if kind == "xlsx":
            return _read_xlsx(con, path, options, problems)
        return _read_csv(con, path, options, problems, Path(workdir))


def _check_options(options: ReadOptions) -> list[Problem]:
    problems = []
    if options.separator is not None and options.separator not in SEPARATORS:
        problems.append(file_problem("bad_option", f"Unknown separator {options.separator!r}: "
                                     "choose ';', ',' or a tab.", value=options.separator))
    if options.decimal is not None and options.decimal not in DECIMALS:
        problems.append(file_problem("bad_option", f"Unknown decimal mark {options.decimal!r}: "
                                     "choose ',' or '.'.", value=options.decimal))
    if options.header_row is not None and options.header_row < 1:
        problems.append(file_problem("bad_option", "The header row counts from 1 (the first "
                                     "row of the file).", value=str(options.header_row)))
    return problems


def _read_csv(con: duckdb.DuckDBPyConnection, path: Path, options: ReadOptions,
              problems: list[Problem], workdir: Path) -> ReadResult:
    text, problem = prepare_text(path, options.encoding, workdir)
    if text is None:
        return _failed(problems + [problem], "csv", options)
    sample = layout.read_sample(text.path)
    limit = max(layout.HEADER_SCAN_ROWS, options.header_row or 0)
    separator = options.separator or layout.detect_separator(sample, limit)
    records = layout.sample_records(sample, separator, limit)
    header_index = layout.find_header(records, options.header_row)
    if header_index is None:
        problems.append(_no_header(options.header_row, len(records)))
        return _failed(problems, "csv", options, text.encoding, separator)
    table = CsvTable(text, separator, header_index + 1, len(records[header_index]))
    plans, plan_problems = plan_columns(records[header_index], options.column_map)
    problems += plan_problems
    relation, params = table.relation()
    decimal = options.decimal or _detect_decimal(con, relation, params, table.parts(), plans,
                                                 default="." if separator == "," else ",")
    sql = query.frame_sql(relation, table.parts(), plans, decimal, table.extra())
    result, read_problems = csv_source.read_rows(con, table, sql, params)
    problems += read_problems
    detected = Detected("csv", text.encoding, separator, decimal, header_index + 1, None, ())
    if result is None:
        return ReadResult(empty_frame(), Report(problems), detected, mapping_of(plans))
    return _finish(result, plans, table.row_numbers(result.num_rows), decimal, problems,
                   detected)


def _read_xlsx(con: duckdb.DuckDBPyConnection, path: Path, options: ReadOptions,
               problems: list[Problem]) -> ReadResult:
    sheet_table, sheet_problems = read_xlsx(path, options.sheet, options.header_row)
    problems += sheet_problems
    if sheet_table is None:
        return _failed(problems, "xlsx", options)
    plans, plan_problems = plan_columns(sheet_table.headers, options.column_map)
    problems += plan_problems
    con.register(_SHEET_VIEW, sheet_table.cells)
    parts = sheet_table.parts()
    decimal = options.decimal or _detect_decimal(con, _SHEET_VIEW, {}, parts, plans, default=",")
    result = con.sql(query.frame_sql(_SHEET_VIEW, parts, plans, decimal)).to_arrow_table()
    con.unregister(_SHEET_VIEW)
    detected = _xlsx_detected(sheet_table, decimal)
    return _finish(result, plans, sheet_table.row_numbers(result.num_rows), decimal, problems,
                   detected)


def _finish(result: pa.Table, plans: list[ColumnPlan], rows, decimal: str,
            problems: list[Problem], detected: Detected) -> ReadResult:
    frame, frame_problems = build_frame(result, plans, rows, decimal)
    problems += frame_problems
    if len(frame) == 0 and not any(p.code in ("ragged_row", "unclosed_quote") for p in problems):
        problems.append(file_problem(
            "no_rows", f"The file has a header (row {detected.header_row}) but no client rows "
            "below it. Check that the export included the data."))
    return ReadResult(frame, Report(problems), detected, mapping_of(plans))


def _detect_decimal(con: duckdb.DuckDBPyConnection, relation: str, params: dict[str, object],
                    parts, plans, default: str) -> str:
    """The decimal mark most cells demand; `default` when nothing tells."""
    sql = query.decimal_sql(relation, parts, plans)
    if sql is None:
        return default
    try:
        comma, point = con.execute(sql, params).fetchall()[0]
    except duckdb.Error:  # the full read reports what is wrong with the file
        return default
    if comma != point:
        return "," if comma > point else "."
    return default


def _no_header(requested: int | None, available: int) -> Problem:
    if requested is not None:
        return file_problem("bad_option", f"Row {requested} is beyond the first {available} rows "
                            "of the file, where the header is looked for.", value=str(requested))
    return file_problem("empty_file", "The file holds no row with values: there is no header "
                        "and no client row.")


def _failed(problems: list[Problem], kind: str, options: ReadOptions,
            encoding: str | None = None, separator: str | None = None) -> ReadResult:
    detected = Detected(kind, encoding, separator, options.decimal, options.header_row or 1,
                        None, ())
    return ReadResult(empty_frame(), Report(problems), detected, {})


def _xlsx_detected(table: XlsxTable, decimal: str) -> Detected:
    return Detected("xlsx", None, None, decimal, table.header_row, table.sheet, table.sheets)
