"""Read the cells of one sheet of an Excel workbook, safely, into typed Arrow columns.

The archive is inspected before anything is decompressed (size cap, zip bombs),
and its shared strings are measured while streamed, before openpyxl builds them;
openpyxl reads in read-only mode with cached formula values, and parses XML
through defusedxml, which refuses entity declarations (the "billion laughs").
Each row is counted as it comes (columns, cells, the text of its cells once shared
strings are put in them, the longest cell): a sheet past a limit of
`portfolio.settings.ReadLimits` is refused at that row, before its chunk is built.
"""

from __future__ import annotations

import datetime
import itertools
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import defusedxml
import duckdb
import numpy as np
import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from portfolio.faults import first_line
from portfolio.problems import Problem, detail
from portfolio.reading import cancel, limits
from portfolio.reading.issues import file_problem, row_problems
from portfolio.reading.layout import HEADER_SCAN_ROWS, find_header
from portfolio.reading.query import CellParts
from portfolio.reading.staging import arrow, stage_rows
from portfolio.settings import ReadLimits

pa = arrow()  # with the allocator that hands freed buffers back

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all parts of the workbook, decompressed
MAX_COMPRESSION_RATIO = 100  # real sheets compress 5-20 times; bombs far more
RATIO_CHECK_BYTES = 10 * 1024 * 1024  # small parts may compress well, harmlessly
ROWS_PER_CHUNK = 50_000  # Python objects from openpyxl are turned into Arrow per chunk
# A chunk takes openpyxl 5 to 15 s: a Cancel is looked for every so many rows within it.
CANCEL_CHECK_ROWS = 1_000
SHEET_VIEW = "sheet_cells"  # the name the sheet's Arrow table is registered under
FORMULA_SCAN_BYTES = 4 * 1024 * 1024
STREAM_CHUNK_BYTES = 1024 * 1024
_FORMULA_WITHOUT_VALUE = re.compile(rb"(?:</f>|<f\b[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
# What a damaged or hostile workbook raises inside openpyxl (defusedxml's refusals are
# ValueErrors; openpyxl wraps some errors while reading the parts).
_BROKEN = (InvalidFileException, zipfile.BadZipFile, zlib.error, struct.error, EOFError,
           NotImplementedError, RuntimeError, KeyError, ValueError, TypeError, AttributeError,
           IndexError, OSError, SyntaxError)


@dataclass
class XlsxTable:
    """One sheet's cells: a text, a number and a date column per sheet column."""

    sheets: tuple[str, ...]
    sheet: str
    header_row: int  # sheet row of the header (1-based)
    headers: list[object]
    cells: pa.Table

    def relation(self, sample: bool = False) -> tuple[str, dict[str, object]]:
        return SHEET_VIEW, {}

    def parts(self) -> list[CellParts]:
        return [CellParts(f"t{j}", f"n{j}", f"d{j}") for j in range(len(self.headers))]

    def extra(self) -> list[str]:
        return []  # a filled cell beyond the header is a column without a header

    def attach(self, con: duckdb.DuckDBPyConnection) -> None:
        con.register(SHEET_VIEW, self.cells)

    def stage(self, con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object],
              staging: duckdb.DuckDBPyConnection, max_rows: int | None = None
              ) -> tuple[int | None, list[Problem]]:
        return stage_rows(con, sql, params, staging, max_rows), []

    def numbering(self) -> tuple[int, np.ndarray]:
        # openpyxl yields every sheet row, empty ones included: numbering is positional.
        return self.header_row + 1, np.empty(0, dtype=np.int64)

    def merged_rows(self, spanning_lines: object, plans: object) -> list[Problem]:
        return []  # a sheet's cells are separate: no quote can merge rows


def read_xlsx(path: Path, sheet: str | int | None, header_row: int | None,
              bounds: ReadLimits | None = None) -> tuple[XlsxTable | None, list[Problem]]:
    """The chosen sheet's cells below its header, or the problems that stop the reading."""
    bounds = bounds or ReadLimits()
    problem = inspect_archive(path) or _shared_strings_problem(path, bounds)
    if problem is not None:
        return None, [problem]
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except _BROKEN as error:
        return None, [_refusal(error, "problems_workbook.damaged_workbook")]
    try:
        return _read_sheet(workbook, sheet, header_row, bounds)
    except limits.LimitReached as reached:
        return None, [reached.problem]
    except _BROKEN as error:
        return None, [_refusal(error, "problems_workbook.unreadable_sheet")]
    finally:
        workbook.close()


def _shared_strings_problem(path: Path, bounds: ReadLimits) -> Problem | None:
    """Refuse shared strings larger than the limit once decompressed, counted on the
    bytes as they are decompressed (not on the archive's word for their size) and
    before openpyxl builds a single string from them."""
    with zipfile.ZipFile(path) as archive:
        parts = [e for e in archive.infolist()
                 if e.filename.casefold().endswith("sharedstrings.xml")]
        for entry in parts:
            seen = 0
            with archive.open(entry) as stream:
                while chunk := stream.read(STREAM_CHUNK_BYTES):
                    seen += len(chunk)
                    if seen > bounds.shared_string_bytes:
                        return limits.shared_strings_too_big(bounds, entry.filename)
    return None


def inspect_archive(path: Path) -> Problem | None:
    """Refuse a workbook too big or compressed suspiciously well, before decompressing it."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except _BROKEN:
        return file_problem("not_a_table", detail("problems_workbook.damaged_archive"))
    names = {e.filename for e in entries}
    if "xl/workbook.xml" not in names:
        kind = ("problems_workbook.opendocument" if "content.xml" in names
                else "problems_workbook.word_document" if any(n.startswith("word/") for n in names)
                else "problems_workbook.zip_archive")
        return file_problem("not_a_table", detail(kind))
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        return file_problem("too_big", detail(
            "problems_workbook.too_big", size=f"{total / 1e6:.0f}",
            limit=f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f}"))
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_CHECK_BYTES and ratio > MAX_COMPRESSION_RATIO:
            return file_problem("zip_bomb", detail(
                "problems_workbook.zip_bomb", part=repr(entry.filename), ratio=f"{ratio:.0f}"),
                value=entry.filename)
    return None


def _refusal(error: BaseException, damage: str) -> Problem:
    """Unsafe XML (openpyxl may wrap defusedxml's refusal in its own error), or damage,
    said by the catalogue key `damage` with the first line of the error."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, defusedxml.DefusedXmlException):
            return file_problem("unsafe_xml", detail("problems_workbook.unsafe_xml"))
        cause = cause.__cause__ or cause.__context__
    return file_problem("not_a_table", detail(damage, error=first_line(error)))


def _pick_sheet(names: list[str], sheet: str | int | None) -> str | None:
    if sheet is None:
        return names[0] if names else None
    if isinstance(sheet, int):
        return names[sheet] if 0 <= sheet < len(names) else None
    exact = [n for n in names if n == sheet] or [n for n in names if n.casefold() == sheet.casefold()]
    return exact[0] if exact else None


def _read_sheet(workbook, sheet: str | int | None, header_row: int | None, bounds: ReadLimits
                ) -> tuple[XlsxTable | None, list[Problem]]:
    names = list(workbook.sheetnames)
    name = _pick_sheet(names, sheet)
    listed = ", ".join(repr(n) for n in names)
    if name is None:
        return None, [file_problem("no_sheet", detail(
            "problems_workbook.no_sheet", sheet=repr(sheet), sheets=listed), value=str(sheet))]
    worksheet = workbook[name]
    if not hasattr(worksheet, "iter_rows"):
        return None, [file_problem("no_sheet", detail(
            "problems_workbook.chart_sheet", sheet=repr(name), sheets=listed), value=name)]
    worksheet.reset_dimensions()  # some writers store a wrong size; read what is there
    budget = _Budget(bounds, name)
    rows = budget.watch(worksheet.iter_rows(values_only=True))
    scan = max(HEADER_SCAN_ROWS, header_row or 0)
    first = [list(r) for r in itertools.islice(rows, scan)]
    too_long = budget.check_text(first, 1)
    if too_long is not None:  # the header is looked for without the long cells
        first = [[None if type(v) is str and len(v) > bounds.cell_chars else v for v in row]
                 for row in first]
    header_index = find_header(first, header_row)
    if too_long is not None:
        if header_index is not None:
            budget.below_header(header_index + 1, _trim_trailing(first[header_index]))
        budget.refuse(too_long)
    if header_index is None:
        if header_row is not None:
            return None, [file_problem("bad_option", detail(
                "problems_workbook.header_row_beyond", row=header_row, sheet=repr(name),
                count=len(first)), value=str(header_row))]
        return None, [file_problem("empty_file", detail(
            "problems_workbook.empty_sheet", sheet=repr(name), sheets=listed))]
    headers = _trim_trailing(first[header_index])
    budget.below_header(header_index + 1, headers)
    chunks = [_chunk_columns(first[header_index + 1:])]
    while True:
        start = budget.rows + 1  # the sheet row of the chunk's first row
        cancel.check()
        chunk = list(itertools.islice(rows, ROWS_PER_CHUNK))
        if not chunk:
            break
        too_long = budget.check_text(chunk, start)
        if too_long is not None:
            budget.refuse(too_long)
        chunks.append(_chunk_columns(chunk))
    width = max([len(headers)] + [len(c.columns) for c in chunks])
    headers = headers + [None] * (width - len(headers))
    columns: dict[str, pa.ChunkedArray] = {}
    for j in range(width):
        for part, kind in (("t", pa.large_string()), ("n", pa.float64()), ("d", pa.timestamp("us"))):
            pieces = [c.columns[j][part] if j < len(c.columns) else pa.nulls(c.rows, kind)
                      for c in chunks]
            columns[f"{part}{j}"] = pa.chunked_array(pieces, type=kind)
    table = XlsxTable(tuple(names), name, header_index + 1, headers, pa.table(columns))
    problems = [] if not _formulas_without_values(workbook, worksheet) else [file_problem(
        "formula_without_value", detail("problems_workbook.formula_without_value"),
        blocking=False)]
    return table, problems


class _Budget:
    """What the sheet's rows have asked for so far, against the reading limits.

    Widths are counted as each row arrives from openpyxl (a row is no wider than its
    last cell), cell texts per chunk before Arrow copies them: a 1 MB string shared by
    20,000 cells is refused there, not after 20 GB were allocated.
    """

    def __init__(self, bounds: ReadLimits, sheet: str) -> None:
        self.bounds, self.sheet = bounds, sheet
        self.rows = 0  # sheet rows seen
        self.cells = 0
        self.text = 0
        self._header_row: int | None = None
        self._headers: list[object] = []

    def watch(self, rows):
        for row in rows:
            self.rows += 1
            if not self.rows % CANCEL_CHECK_ROWS:
                cancel.check()
            width = len(row)
            while width and row[width - 1] is None:
                width -= 1
            if width > self.bounds.columns:
                raise limits.LimitReached(limits.too_many_columns(
                    self.bounds, self.rows, width, header=False))
            self.cells += width
            if self.cells > self.bounds.xlsx_cells:
                raise limits.LimitReached(limits.too_many_cells(self.bounds, self.sheet, self.rows))
            if self._header_row is not None and self.rows - self._header_row > self.bounds.rows:
                raise limits.LimitReached(limits.too_many_rows(self.bounds))
            yield row

    def below_header(self, header_row: int, headers: list[object]) -> None:
        self._header_row, self._headers = header_row, headers

    def check_text(self, rows: list, first_row: int) -> tuple[int, int, int] | None:
        """Count the texts of the rows (each row is given once); the first cell longer
        than the limit as (sheet row, column index, length), or None. The row that
        takes the sheet's text past its limit is refused."""
        longest, found = self.bounds.cell_chars, None
        for offset, row in enumerate(rows):
            for j, value in enumerate(row):
                if type(value) is str:
                    size = len(value)
                    self.text += size
                    if size > longest and found is None:
                        found = (first_row + offset, j, size)
            if found is not None:
                return found
            if self.text > self.bounds.xlsx_text_bytes:
                raise limits.LimitReached(limits.sheet_text_too_big(
                    self.bounds, self.sheet, first_row + offset))
        return None

    def refuse(self, too_long: tuple[int, int, int]) -> None:
        """Refuse the cell longer than the limit, named by its row and column."""
        row, j, size = too_long
        raise limits.LimitReached(row_problems(
            [row], self._column(j), "cell_too_long", limits.cell_too_long(self.bounds, size))[0])

    def _column(self, j: int) -> str:
        """The column as the report names it: its header, else its letter."""
        header = self._headers[j] if j < len(self._headers) else None
        text = "" if header is None else str(header).strip()
        return text or get_column_letter(j + 1)


def _trim_trailing(row: list[object]) -> list[object]:
    end = len(row)
    while end and (row[end - 1] is None or str(row[end - 1]).strip() == ""):
        end -= 1
    return row[:end]


@dataclass
class _Chunk:
    """One chunk of sheet rows: the typed parts ("t", "n", "d") of each of its columns."""

    rows: int
    columns: list[dict[str, pa.Array]]


def _chunk_columns(rows: list) -> _Chunk:
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    return _Chunk(len(frame), [_split(frame[c].to_numpy(dtype=object)) for c in frame.columns])


def _split(values: np.ndarray) -> dict[str, pa.Array]:
    """Text, number and date parts of one column: each cell lands in exactly one."""
    size = len(values)
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred == "empty":
        return {"t": pa.nulls(size, pa.large_string()), "n": pa.nulls(size, pa.float64()),
                "d": pa.nulls(size, pa.timestamp("us"))}
    if inferred in ("string", "integer", "floating", "mixed-integer-float", "datetime", "date"):
        text = inferred == "string"
        number = inferred in ("integer", "floating", "mixed-integer-float")
        date = not text and not number
        is_text = np.full(size, text) & ~pd.isna(values)
        is_number = np.full(size, number) & ~pd.isna(values)
        is_date = np.full(size, date) & ~pd.isna(values)
    else:
        # Mixed column: one vectorised type lookup per cell (the cells are already
        # Python objects from openpyxl, read one by one).
        kinds = pd.Series(values).map(type).to_numpy()
        is_number = (kinds == int) | (kinds == float)  # bool is a type of its own
        is_date = np.isin(kinds, [datetime.datetime, datetime.date])
        is_text = ~is_number & ~is_date & ~pd.isna(values)
    text_values = np.where(is_text, values, None)
    if is_text.any() and pd.api.types.infer_dtype(text_values, skipna=True) != "string":
        text_values = pd.Series(text_values).map(lambda v: None if v is None else str(v)).to_numpy()
    return {
        "t": pa.array(text_values, type=pa.large_string(), from_pandas=True),
        "n": pa.array(np.where(is_number, values, None), type=pa.float64(), from_pandas=True),
        "d": pa.array(pd.to_datetime(pd.Series(np.where(is_date, values, None)), errors="coerce")
                      .astype("datetime64[us]"), type=pa.timestamp("us"), from_pandas=True),
    }


def _formulas_without_values(workbook, worksheet) -> bool:
    """Whether the start of the sheet holds formulas with no cached result."""
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if path is None or archive is None:
        return False
    with archive.open(path) as handle:
        return _FORMULA_WITHOUT_VALUE.search(handle.read(FORMULA_SCAN_BYTES)) is not None
