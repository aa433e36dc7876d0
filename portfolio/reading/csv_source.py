"""Read a CSV file with DuckDB: every cell as text, rows numbered as the user sees them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import numpy as np

from portfolio.faults import first_line, raise_temporary_fault
from portfolio.problems import Detail, Problem, detail
from portfolio.reading import cancel, records
from portfolio.reading.encoding import TextFile
from portfolio.reading.header import ColumnPlan
from portfolio.reading.issues import file_problem, row_problems
from portfolio.reading import query
from portfolio.reading.query import CellParts
from portfolio.reading.staging import stage_query

# Cells beyond the header that are still read, so that a row ending with an empty
# cell too many (some exports write a trailing separator) is not an error; a row
# longer than this is rejected by DuckDB and reported as ragged as well.
SLACK_COLUMNS = 4
BUFFER_BYTES = 2 * 1024 * 1024  # DuckDB reads this much per thread at a time
SHOWN_CHARS = 120  # how much of a broken row a problem quotes
_READ_ERRORS = (duckdb.Error, OSError)
_REJECT_KINDS = ("TOO MANY COLUMNS", "UNQUOTED VALUE", "LINE SIZE OVER MAXIMUM", "INVALID ENCODING")
# Said of a row where a quote opens and never closes, whichever way it was found.
_UNCLOSED = detail("problems_file.unclosed_quote")


@dataclass
class CsvTable:
    """The CSV as DuckDB reads it, and what is needed to number its rows."""

    text: TextFile
    separator: str
    header_record: int  # 1-based record number of the header
    width: int  # number of header cells
    parallel: bool = True
    rejected: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    _scan: records.RecordScan | None = None

    def attach(self, con: duckdb.DuckDBPyConnection) -> None:
        """Nothing to do: read_csv opens the file itself."""

    def relation(self, sample: bool = False) -> tuple[str, dict[str, object]]:
        """The read_csv call (FROM item) and its bound parameters.

        A `sample` (the first rows) is read by one scanner: it stops early, and cannot
        trip on a quoted value spanning lines, which the parallel scanner refuses.
        """
        names = [f"c{j}" for j in range(self.width + SLACK_COLUMNS)]
        columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
        sql = (f"read_csv($path, delim=$sep, quote='\"', escape='\"', header=false, "
               f"skip=$skip, all_varchar=true, auto_detect=false, strict_mode=true, "
               f"null_padding=true, store_rejects=true, ignore_errors=true, "
               f"parallel={'true' if self.parallel and not sample else 'false'}, "
               f"buffer_size={BUFFER_BYTES}, columns={columns})")
        return sql, {"path": str(self.text.path), "sep": self.separator, "skip": self.header_record}

    def parts(self) -> list[CellParts]:
        return [CellParts(f"c{j}") for j in range(self.width)]

    def extra(self) -> list[str]:
        return [f"c{j}" for j in range(self.width, self.width + SLACK_COLUMNS)]

    def stage(self, con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object],
              staging: duckdb.DuckDBPyConnection, max_rows: int | None = None
              ) -> tuple[int | None, list[Problem]]:
        return read_rows(con, self, sql, params, staging, max_rows)

    def scan(self) -> records.RecordScan:
        """Where the records are, by our own count (done once, when needed)."""
        if self._scan is None:
            self._scan = records.scan_records(self.text.path, self.text.newline)
        return self._scan

    def numbering(self) -> tuple[int, np.ndarray]:
        """Rows follow the header; DuckDB leaves out blank lines and the rows it rejected."""
        skipped = self.rejected
        if self.text.has_blank_lines:
            skipped = np.concatenate((skipped, self.scan().blank))
        return self.header_record + 1, np.sort(skipped)

    def merged_rows(self, spanning_lines: Callable[[int], list[tuple[int, str]]],
                    plans: list[ColumnPlan]) -> list[Problem]:
        """Text cells holding lines shaped like rows of the table (as many separators as
        the header): a quote opened in a value and closed by a stray quote further down
        turned those rows into part of the cell, and they would vanish without a word.

        A value may span lines legitimately (a note, an address); it rarely holds a
        whole row's worth of separators on a line of its own.
        """
        if self.width < 2:
            return []
        problems: list[Problem] = []
        for plan in plans:
            if query.kind_of(plan) not in query.TEXT_KINDS:
                continue
            found = []
            for row, value in spanning_lines(plan.index):  # usually none
                lines = value.splitlines()[1:]
                if any(line.count(self.separator) >= self.width - 1 for line in lines):
                    found.append((row, value, len(lines)))
            if found:
                problems += row_problems(
                    [f[0] for f in found], plan.header, "unclosed_quote",
                    [detail("problems_file.quote_closed_later" if f[2] > 1
                            else "problems_file.quote_closed_next_line", lines=f[2])
                     for f in found],
                    [_shown(f[1]) for f in found])
        return problems


def read_rows(con: duckdb.DuckDBPyConnection, table: CsvTable, sql: str,
              params: dict[str, object], staging: duckdb.DuckDBPyConnection,
              max_rows: int | None = None) -> tuple[int | None, list[Problem]]:
    """Stage the frame query's rows from the CSV; their count, and the rows DuckDB rejected.

    The staging connection reads the file itself (`con`, the reading's, is not needed):
    the rows go from the file to the staging table inside DuckDB, and the rows it
    rejected are listed on that connection."""
    try:
        count = stage_query(staging, sql, params, max_rows)
    except _READ_ERRORS as error:
        cancel.check()  # interrupted, not broken: the file is not to blame
        raise_temporary_fault(error)  # a full temporary folder is no fault of the file
        if "parallel=false" not in str(error) or not table.parallel:
            return None, [_unreadable(table, error)]
        # A quoted value spans lines: DuckDB's parallel scanner cannot pad short rows
        # then, so read again with one scanner.
        table.parallel = False
        sql = sql.replace("parallel=true", "parallel=false")
        staging.execute("DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans")
        try:
            count = stage_query(staging, sql, params, max_rows)
        except _READ_ERRORS as again:
            raise_temporary_fault(again)
            return None, [_unreadable(table, again)]
        problems = _rejects(staging, table)
        return count, problems + _swallowed(table, count, problems)
    return count, _rejects(staging, table)


def _swallowed(table: CsvTable, count: int, problems: list[Problem]) -> list[Problem]:
    """An unclosed quote that DuckDB's single scanner took to the end of the file.

    It reports nothing then: the last row just holds the rest of the file. Our own
    count of quotes finds the row where the quote opened; it is believed only if
    DuckDB saw fewer records than the file holds (a stray quote inside a value,
    which DuckDB reads as a character, must not raise a false alarm).
    """
    if any(p.code == "unclosed_quote" for p in problems):
        return []
    scan = table.scan()
    seen = table.header_record + count + len(table.rejected) + len(scan.blank)
    if scan.unclosed_from is None or seen >= scan.records:
        return []
    return [Problem.of(_UNCLOSED, code="unclosed_quote", row=scan.unclosed_from)]


def _rejects(con: duckdb.DuckDBPyConnection, table: CsvTable) -> list[Problem]:
    """The rows DuckDB left out, as problems (a query may have scanned the same row twice)."""
    rows = con.sql(
        "SELECT line, error_type, any_value(csv_line), max(error_message) "
        "FROM reject_errors GROUP BY line, error_type ORDER BY line").fetchall()
    table.rejected = np.array(sorted({int(r[0]) for r in rows}), dtype=np.int64)
    # A row longer than DuckDB reads at once is also said to have too many columns or a
    # bad quote: consequences of its length only, which would send the user the wrong way.
    too_long = {int(r[0]) for r in rows if r[1] == "LINE SIZE OVER MAXIMUM"}
    rows = [r for r in rows if r[1] == "LINE SIZE OVER MAXIMUM" or int(r[0]) not in too_long]
    problems: list[Problem] = []
    for kind in _REJECT_KINDS:
        found = [r for r in rows if r[1] == kind]
        if kind == "LINE SIZE OVER MAXIMUM" and found:
            problems += _long_rows(table, found)
        elif found:
            lines = np.array([r[0] for r in found], dtype=np.int64)
            values = [_shown(r[2]) for r in found]
            code, reasons = _reject_reason(kind, found, table)
            problems += row_problems(lines, None, code, reasons, values)
    others = [r for r in rows if r[1] not in _REJECT_KINDS]
    if others:
        lines = np.array([r[0] for r in others], dtype=np.int64)
        problems += row_problems(lines, None, "unreadable_row",
                                 [detail("problems_file.unreadable_row", error=r[3])
                                  for r in others],
                                 [_shown(r[2]) for r in others])
    return problems


def _long_rows(table: CsvTable, found: list[tuple]) -> list[Problem]:
    """Rows longer than DuckDB reads at once: a quote that never closes (our own count of
    the whole file's quotes says where it opens), else a value far beyond a cell's limit
    (DuckDB quotes only the row's first 10,000 characters: its quotes prove nothing)."""
    unclosed = table.scan().unclosed_from
    problems: list[Problem] = []
    for quote_open, code, reason in ((True, "unclosed_quote", _UNCLOSED),
                                     (False, "cell_too_long", detail("problems_file.row_too_long"))):
        rows = [r for r in found if (int(r[0]) == unclosed) == quote_open]
        if rows:
            problems += row_problems(np.array([r[0] for r in rows], dtype=np.int64), None, code,
                                     reason, [_shown(r[2]) for r in rows])
    return problems


def _reject_reason(kind: str, found: list[tuple], table: CsvTable) -> tuple[str, list[Detail]]:
    if kind == "TOO MANY COLUMNS":
        return "ragged_row", [detail("problems_file.ragged_row", width=table.width)
                              for _ in found]
    if kind == "UNQUOTED VALUE":
        # Our count of the whole file's quotes knows where one opens and never closes
        # (DuckDB's copy of the row may be cut before its line ends).
        unclosed = table.scan().unclosed_from
        return "unclosed_quote", [
            (_UNCLOSED if "\n" in (r[2] or "") or int(r[0]) == unclosed
             else detail("problems_file.badly_quoted_value"))
            for r in found]
    return "bad_encoding", [detail("problems_file.row_not_utf8") for _ in found]


def _shown(line: str | None) -> str | None:
    if line is None:
        return None
    line = line.strip("\r\n")
    return line if len(line) <= SHOWN_CHARS else line[:SHOWN_CHARS] + "…"


def _unreadable(table: CsvTable, error: Exception) -> Problem:
    """DuckDB gave up on the file: an unclosed quote, most of the time."""
    scan = table.scan()
    if scan.unclosed_from is not None:
        return Problem.of(_UNCLOSED, code="unclosed_quote", row=scan.unclosed_from)
    # DuckDB's own words stay as they are: they name what it tripped on.
    return file_problem("not_a_table",
                        detail("problems_file.not_a_csv_table", error=first_line(error)))
