"""Rows streamed into one sheet of an XLSX file by XlsxWriter: no live formula, bounded memory.

XlsxWriter's constant-memory mode writes each row out as the next one starts, so memory
holds the caller's batch of rows, not the sheet; it writes cells about twice as fast as
openpyxl's write-only mode, which this replaced (`python bench/bench_export_xlsx.py`).

Every cell is written by its type's own method, never by `write()`, which would take a
text starting with "=" for a formula and a web address for a link (both also turned off
in the workbook's options). Texts reach here already neutralised (`table_copy.safe_query`).
Dates and times get the number formats openpyxl gave them, so a sheet reads as before.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from portfolio.tables_out import neutralise_text

# openpyxl's formats for these types, kept so that sheets look as they did.
_DATE_FORMATS = {datetime.datetime: "yyyy-mm-dd h:mm:ss", datetime.date: "yyyy-mm-dd",
                 datetime.time: "h:mm:ss", datetime.timedelta: "[hh]:mm:ss"}
# In constant-memory mode XlsxWriter writes a text that starts with "<r>" and ends with
# "</r>" as rich-text XML, unescaped: such a text from a file could carry any XML, a
# formula among it. It is written as one escaped run of rich text instead, its length cut
# so that the escaped run stays under Excel's 32,767 characters (5 for "&amp;", 2 for a
# character beyond the BMP: 10 per character at worst).
_RICH_START, _RICH_END = "<r>", "</r>"
_RICH_TEXT_MAX = 3_000


class StreamedSheet:
    """An XLSX workbook of one sheet at `path`, its rows appended in order; its parts are
    written in `parts_folder` until it is closed (the caller removes the folder)."""

    def __init__(self, path: Path, sheet_name: str, parts_folder: Path) -> None:
        import xlsxwriter

        self._book = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "tmpdir": str(parts_folder),
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
            "use_zip64": True})  # as openpyxl did: ZIP64 only where a part needs it
        self._sheet = self._book.add_worksheet(sheet_name)
        self._next_row = 0
        sheet = self._sheet
        dated = {kind: self._dated(self._book.add_format({"num_format": code}))
                 for kind, code in _DATE_FORMATS.items()}
        # The methods behind write_string() and the others, without their decorator that
        # reads "A1" addresses: a sixth of the time, in the loop over every cell (the
        # version is pinned in requirements.txt; the tests read every kind of cell back).
        self._string, self._number = sheet._write_string, sheet._write_number
        self._writers = {str: self._text, bool: sheet._write_boolean, int: self._number,
                         float: self._float, Decimal: self._float, **dated}

    def __enter__(self) -> StreamedSheet:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if error is None:
            self._book.close()  # the parts zipped into the file
        else:  # nothing to finish: no half workbook written, no warning at exit
            self._sheet._opt_close()
            self._book.fileclosed = True

    def append(self, row: Sequence[object]) -> None:
        self.extend((row,))

    def extend(self, rows: Iterable[Sequence[object]]) -> None:
        writers, other, at = self._writers, self._other, self._next_row
        for row in rows:
            for column, value in enumerate(row):
                if value is not None:
                    writers.get(type(value), other)(at, column, value)
            at += 1
        self._next_row = at

    def _text(self, row: int, column: int, text: str) -> None:
        if not text:  # an empty text is an empty cell, as in the sheets written before
            return
        if text.startswith(_RICH_START) and text.endswith(_RICH_END):
            text = text[:_RICH_TEXT_MAX]
            if text.endswith(_RICH_END):
                escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                text = f'{_RICH_START}<t xml:space="preserve">{escaped}</t>{_RICH_END}'
        self._string(row, column, text)

    def _float(self, row: int, column: int, number: float | Decimal) -> None:
        # Excel has no NaN or infinity (XlsxWriter would write them as formulas): empty.
        if math.isfinite(number):
            self._number(row, column, number)

    def _dated(self, number_format: object):
        def write(row: int, column: int, value: object) -> None:
            self._sheet._write_datetime(row, column, value, number_format)
        return write

    def _other(self, row: int, column: int, value: object) -> None:
        # Any other type (a subclass, a list, an id) as its text, neutralised like a text.
        if isinstance(value, bool):
            self._sheet._write_boolean(row, column, value)
        elif isinstance(value, (int, float, Decimal)):
            self._float(row, column, value)
        elif isinstance(value, tuple(_DATE_FORMATS)):
            base = next(kind for kind in _DATE_FORMATS if isinstance(value, kind))
            self._writers[base](row, column, value)
        else:
            self._text(row, column, neutralise_text(str(value)))
