"""Files that ask the reader for too much work: very wide, very long, huge cells, and
workbooks whose few kilobytes expand to gigabytes through their shared strings.

Each builder writes one file into a folder and returns its path; nothing is kept in git.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.corpus.files import FR_HEADER, csv_file
from tests.corpus.xlsx import (CONTENT_TYPES, ROOT_RELS, SHEET, SHEET_TYPE, WORKBOOK,
                               WORKBOOK_RELS, cell_xml, column_letter)

HEADER = FR_HEADER.split(";")
_STRINGS_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_STRINGS_REL = ('<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')


def wide_csv(folder: Path, columns: int = 10_000, rows: int = 20) -> Path:
    """The contract's columns, then custom ones up to `columns` (about 1 MB at 10,000)."""
    header = HEADER + [f"Col {j}" for j in range(len(HEADER), columns)]
    body = [";".join([f"C{i}", "Alpha", "Léa", "100", "200"]
                     + [str(j % 10) for j in range(len(HEADER), columns)]) for i in range(rows)]
    return csv_file(folder, "wide.csv", [";".join(header)] + body)


def long_cell_csv(folder: Path, chars: int = 40_000) -> Path:
    """A client name of `chars` characters on the second client row (row 3)."""
    return csv_file(folder, "long_cell.csv", [
        FR_HEADER, "C1;Alpha;Léa;100;200", f"C2;{'N' * chars};Léa;100;200"])


def many_rows_csv(folder: Path, rows: int) -> Path:
    return csv_file(folder, "many_rows.csv",
                    [FR_HEADER] + [f"C{i};Alpha;Léa;100;200" for i in range(rows)])


def shared_string_workbook(path: Path, strings: list[str], rows: list[str]) -> Path:
    """A workbook whose sheet rows are given as ready-made XML and whose shared strings
    are `strings` (cells refer to them by index: `<c t="s"><v>0</v></c>`)."""
    sheet = SHEET.format(doctype="", rows="".join(rows), merges="")
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(
            sheets=SHEET_TYPE.format(n=1) + "\n" + _STRINGS_TYPE))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(
            sheets='<sheet name="Clients" sheetId="1" r:id="rId1"/>'))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(rels=(
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' + _STRINGS_REL)))
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared)
    return path


def _header_row() -> str:
    return '<row r="1">' + "".join(cell_xml(f"{column_letter(c)}1", h)
                                   for c, h in enumerate(HEADER)) + "</row>"


def _client_rows(count: int, name_index: int = 0) -> list[str]:
    """Rows 2.. whose client name (column B) is shared string `name_index`."""
    return [f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="s"><v>{name_index}</v></c>'
            f'<c r="C{r}" t="inlineStr"><is><t>Léa</t></is></c><c r="D{r}"><v>1</v></c>'
            f'<c r="E{r}"><v>2</v></c></row>' for r in range(2, count + 2)]


def repeated_megabyte(folder: Path) -> Path:
    """About 60 KB: one 1 MB shared string used as the name of 20,000 clients (20 GB
    of text once each cell holds its string)."""
    return shared_string_workbook(folder / "megabyte.xlsx", ["x" * (1 << 20)],
                                  [_header_row()] + _client_rows(20_000))


def repeated_under_the_cell_limit(folder: Path, chars: int = 32_000, cells: int = 34_000) -> Path:
    """A few kilobytes whose cells each hold a string just under the cell limit: past
    the sheet's text limit (1 GB) once they are put in their cells."""
    return shared_string_workbook(folder / "repeated.xlsx", ["y" * chars],
                                  [_header_row()] + _client_rows(cells))


def big_shared_strings(folder: Path, megabytes: int = 3) -> Path:
    """Shared strings of `megabytes` MB (distinct strings, so they compress little)."""
    strings = [f"{i:07d}-" + "abcdefghij" * 10 for i in range(megabytes * 10_000)]
    return shared_string_workbook(folder / "strings.xlsx", strings,
                                  [_header_row()] + _client_rows(3))


def far_right_cell(folder: Path, column: int = 600) -> Path:
    """A valid sheet with one stray value far to the right on row 3."""
    rows = [_header_row()] + _client_rows(3)
    rows[2] = rows[2].replace("</row>", f'<c r="{column_letter(column - 1)}3"><v>1</v></c></row>')
    return shared_string_workbook(folder / "far_right.xlsx", ["Alpha"], rows)


def client_workbook(folder: Path, clients: int) -> Path:
    """A valid sheet of `clients` clients, all named by one shared string."""
    return shared_string_workbook(folder / "clients.xlsx", ["Alpha"],
                                  [_header_row()] + _client_rows(clients))
