"""read_client_file: any supported client file in, typed rows and a full report out."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import duckdb

from portfolio.contract import COLUMNS, Kind
from portfolio.currency import detected_currency
from portfolio.problems import Problem, Report, detail
from portfolio.reading import cancel, checks, columns, consistency, layout, limits, query
from portfolio.reading.csv_source import CsvTable
from portfolio.reading.encoding import prepare_text
from portfolio.reading.header import ColumnPlan, mapping_of, plan_columns
from portfolio.reading.issues import file_problem
from portfolio.reading.options import DECIMALS, SEPARATORS, Detected, ReadOptions, ReadResult
from portfolio.reading.sniff import HEAD_BYTES, sniff_format
from portfolio.reading.staging import Staging, number_rows, numbered_sql, quiet_and_linear
from portfolio.reading.typed import StagedRows, typed_columns
from portfolio.settings import load_read_limits


def read_client_file(path: str | Path, options: ReadOptions | None = None) -> ReadResult:
    """Read a client file (CSV or .xlsx): typed rows, every problem, and what was detected.

    Never raises for a mistake in the file or the options: everything goes into the
    report, file-wide problems first, then by row. A path that cannot be opened
    raises OSError; a reading cancelled from another thread (`cancel.cancellable`)
    raises ReadingCancelled and leaves no staging folder behind.
    """
    result = _read(Path(path), options or ReadOptions())
    # An interrupted query may have been taken for a problem of the file: a cancelled
    # reading says it was cancelled, whatever it found on the way, and keeps nothing.
    try:
        cancel.check()
    except cancel.ReadingCancelled:
        if result.rows is not None:
            result.rows.staging.close()
        raise
    result.report.problems.sort(key=lambda p: (p.row is not None, p.row or 0))
    return result


def _read(path: Path, options: ReadOptions) -> ReadResult:
    options = options or ReadOptions()
    if options.limits is None:
        options = replace(options, limits=load_read_limits())
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    problems = _check_options(options)
    if options.max_bytes is not None and size > options.max_bytes:
        problems.append(file_problem("too_big", detail(
            "problems_file.too_big", size=f"{size / 1e6:.1f}",
            limit=f"{options.max_bytes / 1e6:.1f}")))
    kind, problem = sniff_format(head)
    if problem is not None:
        problems.append(problem)
    if any(p.blocking for p in problems):
        return _failed(problems, kind or "csv", options)
    staging = Staging()
    try:
        if kind == "xlsx":
            return _read_xlsx(path, options, problems, staging)
        return _read_csv(path, options, problems, staging)
    except BaseException:
        staging.close()
        raise


def _check_options(options: ReadOptions) -> list[Problem]:
    problems = []
    if options.separator is not None and options.separator not in SEPARATORS:
        problems.append(file_problem(
            "bad_option",
            detail("problems_file.unknown_separator", separator=repr(options.separator)),
            value=options.separator))
    if options.decimal is not None and options.decimal not in DECIMALS:
        problems.append(file_problem(
            "bad_option", detail("problems_file.unknown_decimal", decimal=repr(options.decimal)),
            value=options.decimal))
    if options.header_row is not None and options.header_row < 1:
        problems.append(file_problem("bad_option", detail("problems_file.header_row_from_one"),
                                     value=str(options.header_row)))
    return problems


def _read_csv(path: Path, options: ReadOptions, problems: list[Problem], staging: Staging
              ) -> ReadResult:
    text, problem = prepare_text(path, options.encoding, staging.folder)
    if text is None:
        return _failed(problems + [problem], "csv", options)
    problems += text.notes  # what was cleaned on the way: said, never silent
    try:
        return _read_text(text, options, problems, staging)
    finally:
        if text.path != path:
            text.path.unlink(missing_ok=True)  # the transcoded copy: read, no longer needed


def _read_text(text, options: ReadOptions, problems: list[Problem], staging: Staging
               ) -> ReadResult:
    sample = layout.read_sample(text.path)
    limit = max(layout.HEADER_SCAN_ROWS, (options.header_row or 0) + 1)
    separator = options.separator or layout.detect_separator(sample, limit)
    records = layout.sample_records(sample, separator, limit)
    header_index = layout.find_header(records, options.header_row)
    if header_index is None:
        unsplit = not any(end in sample for end in "\r\n") and (
            text.path.stat().st_size > layout.SAMPLE_BYTES)  # no line end in the whole sample
        problems.append(_no_header(options.header_row, len(records), unsplit))
        return _failed(problems, "csv", options, text.encoding, separator)
    width = len(records[header_index])
    if width > options.limits.columns:  # refused before DuckDB plans a query per column
        problems.append(limits.too_many_columns(options.limits, header_index + 1, width))
        return _failed(problems, "csv", options, text.encoding, separator)
    table = CsvTable(text, separator, header_index + 1, width)
    plans, plan_problems = plan_columns(records[header_index], options.column_map)
    problems += plan_problems

    money = detected_currency(_amount_cells(records[header_index + 1:], plans))

    def detected(decimal: str) -> Detected:
        return Detected("csv", text.encoding, separator, decimal, header_index + 1, None, (),
                        money)

    return _read_table(table, plans, options, problems, detected, staging,
                       default_decimal="." if separator == "," else ",")


def _read_xlsx(path: Path, options: ReadOptions, problems: list[Problem], staging: Staging
               ) -> ReadResult:
    # Imported here: openpyxl and pandas load only when a workbook is read.
    from portfolio.reading.xlsx_source import read_xlsx

    table, sheet_problems = read_xlsx(path, options.sheet, options.header_row, options.limits)
    problems += sheet_problems
    if table is None:
        return _failed(problems, "xlsx", options)
    plans, plan_problems = plan_columns(table.headers, options.column_map)
    problems += plan_problems

    def detected(decimal: str) -> Detected:
        return Detected("xlsx", None, None, decimal, table.header_row, table.sheet, table.sheets)

    return _read_table(table, plans, options, problems, detected, staging, default_decimal=",")


def _read_table(source: query.TableSource, plans: list[ColumnPlan], options: ReadOptions,
                problems: list[Problem], detected: Callable[[str], Detected], staging: Staging,
                default_decimal: str) -> ReadResult:
    """Stage the source's typed rows, then check them with SQL over the staging table."""
    with duckdb.connect(":memory:") as con, cancel.watched(con), staging.connect() as staged:
        quiet_and_linear(con)
        source.attach(con)
        decimal = options.decimal or detect_decimal(con, source, plans, default_decimal)
        relation, params = source.relation()
        sql = query.frame_sql(relation, source.parts(), plans, decimal, source.extra())
        count, read_problems = source.stage(con, sql, params, staged, options.limits.rows)
        problems += read_problems
        if count is not None and count > options.limits.rows:
            problems.append(limits.too_many_rows(options.limits))
            count = None
        if count is None:
            return ReadResult(None, Report(problems), detected(decimal), mapping_of(plans))
        first, skipped = source.numbering()
        with_skips = number_rows(staged, first, skipped)
        numbered = numbered_sql("", first, with_skips)
        counted = checks.totals(staged, numbered, {**columns.decision_sql(plans),
                                                   **checks.count_sql(plans)})
        failures = checks.failed_positions(staged, counted)
        texts = _failure_texts(con, source, plans, decimal, failures) if failures else {}
        decisions = columns.decide(plans, counted)
        typed = typed_columns(plans, decisions)
        problems += source.merged_rows(_spanning_lines(staged, numbered, counted), plans)
        problems += checks.run(staged, numbered,
                               checks.row_findings(plans, decisions, typed, decimal, texts,
                                                   options.limits))
        headers = {p.contract: p.header for p in plans if p.contract}
        problems += consistency.duplicate_ids(staged, numbered, typed, headers.get("client_id"))
    info = detected(decimal)
    kept = counted[checks.KEPT_ROWS]
    if kept == 0 and not any(p.code in ("ragged_row", "unclosed_quote", "cell_too_long") for p in problems):
        problems.append(file_problem("no_rows",
                                     detail("problems_file.no_rows", row=info.header_row)))
    rows = StagedRows(staging, first, with_skips, typed, kept)
    return ReadResult(rows, Report(problems), info, mapping_of(plans))


def _spanning_lines(con: duckdb.DuckDBPyConnection, numbered: str, counted: Mapping[str, int]
                    ) -> Callable[[int], list[tuple[int, str]]]:
    """(row, text) of the cells of column j that span lines, in file order (read only
    for a column where the first scan counted some)."""
    def cells(j: int) -> list[tuple[int, str]]:
        if not counted.get(checks.spanning(j)):
            return []
        return con.execute(f"SELECT source_row, v{j} FROM ({numbered}) "
                           f"WHERE contains(v{j}, chr(10)) ORDER BY pos").fetchall()
    return cells


def _failure_texts(con: duckdb.DuckDBPyConnection, source: query.TableSource,
                   plans: list[ColumnPlan], decimal: str, failures: Mapping[int, Sequence[int]]
                   ) -> dict[int, list[str]]:
    """The text of the first failed cells of each column, read again by position."""
    # In the order failures_sql gives the texts: columns, then the cell beyond the header.
    wanted = {j: failures[j] for j in sorted(failures, key=lambda j: j == query.EXTRA)}
    positions = sorted({p for found in wanted.values() for p in found})
    relation, params = source.relation()
    sql = query.failures_sql(relation, source.parts(), plans, decimal, source.extra(), list(wanted))
    try:
        found = con.execute(sql, {**params, "positions": positions}).fetchall()
    except duckdb.Error:  # the values are a courtesy: the problems stand without them
        return {}
    by_position = {row[0]: row[1:] for row in found}
    return {j: [by_position.get(int(p), (None,) * len(wanted))[k] for p in pos]
            for k, (j, pos) in enumerate(wanted.items())}


def detect_decimal(con: duckdb.DuckDBPyConnection, source: query.TableSource,
                    plans: list[ColumnPlan], default: str) -> str:
    """The decimal mark most cells demand; `default` when nothing tells."""
    relation, params = source.relation(sample=True)
    sql = query.decimal_sql(relation, source.parts(), plans)
    if sql is None:
        return default
    try:
        comma, point = con.execute(sql, params).fetchall()[0]
    except duckdb.Error:  # the full read reports what is wrong with the file
        return default
    if comma != point:
        return "," if comma > point else "."
    return default


# Amounts in the contract: the columns whose cells may carry a currency sign.
_AMOUNTS = frozenset(spec.name for spec in COLUMNS if spec.kind is Kind.NUMBER)


def _amount_cells(records: Sequence[Sequence[str]], plans: Sequence[ColumnPlan]) -> list[str]:
    """The sample's cells of amount columns, as written (a sign such as $ or € kept)."""
    positions = [p.index for p in plans if p.contract in _AMOUNTS]
    return [row[j] for row in records for j in positions if j < len(row)]


def _no_header(requested: int | None, available: int, unsplit: bool = False) -> Problem:
    if unsplit:
        return file_problem("not_a_table", detail("problems_file.first_line_too_long",
                                                  kilobytes=layout.SAMPLE_BYTES // 1024))
    if requested is not None:
        return file_problem("bad_option", detail("problems_file.header_row_beyond",
                                                 row=requested, available=available),
                            value=str(requested))
    return file_problem("empty_file", detail("problems_file.no_values"))


def _failed(problems: list[Problem], kind: str, options: ReadOptions,
            encoding: str | None = None, separator: str | None = None) -> ReadResult:
    detected = Detected(kind, encoding, separator, options.decimal, options.header_row or 1,
                        None, ())
    return ReadResult(None, Report(problems), detected, {})
