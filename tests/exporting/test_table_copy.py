"""Tables written by DuckDB (portfolio.table_copy): the cells of the pandas route, no frame,
no formula, XLSX streamed by a constant-memory workbook, nothing half-written."""

from __future__ import annotations

import datetime
import errno
import os
import re
import time
import zipfile

import duckdb
import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from portfolio import table_copy
from portfolio.faults import DiskFull
from portfolio.sql import Fragment
from portfolio.table_copy import CsvDialect, write_query
from portfolio.tables_out import neutralised

# Every formula trigger, a quote, a separator, a line break, an empty text, a missing value.
NAMES = ['=HYPERLINK("http://x","y")', "+33 6", "-Ana", "@SUM(A1)", "\tTab", "\rCR",
         'say "hi"', "a,b;c", "two\nlines", "", None, "Normal"]
HOSTILE = Fragment(
    "SELECT * FROM (SELECT unnest(?::VARCHAR[]) AS name, unnest(?::DOUBLE[]) AS amount, "
    "unnest(?::BOOLEAN[]) AS flag, unnest(?::INTEGER[]) AS visits, "
    "unnest(?::VARCHAR[]) AS \"=header\") ORDER BY amount",
    NAMES, [i * 1.5 for i in range(len(NAMES) - 1)] + [1e16],
    [i % 2 == 0 if i != 4 else None for i in range(len(NAMES))],
    [i if i != 5 else None for i in range(len(NAMES))], [f"x{i}" for i in range(len(NAMES))])


@pytest.fixture
def cur():
    con = duckdb.connect()
    yield con
    con.close()


@pytest.fixture
def no_frame(monkeypatch):
    """Any pandas frame built or written while it is active fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a pandas DataFrame was built or written")

    for method in ("__init__", "to_csv", "to_excel", "to_parquet"):
        monkeypatch.setattr(pd.DataFrame, method, refuse)


def _frame(cur) -> pd.DataFrame:
    return cur.execute(HOSTILE.sql, HOSTILE.params).df()


@pytest.mark.parametrize("separator, decimal", [(",", "."), (";", ",")])
def test_csv_cells_are_those_pandas_wrote(cur, tmp_path, separator, decimal):
    expected = neutralised(_frame(cur)).to_csv(index=False, sep=separator, decimal=decimal)
    path = tmp_path / "out.csv"
    assert write_query(cur, HOSTILE, path, csv=CsvDialect(separator, decimal)) == len(NAMES)
    written = path.read_bytes().decode("utf-8")
    # One difference, on purpose: a lone carriage return in a cell is quoted (pandas left
    # it bare, and a reader then cut the row in two there).
    assert written == expected.replace("\n'\rCR" + separator, "\n\"'\rCR\"" + separator)
    back = pd.read_csv(path, sep=separator, decimal=decimal, keep_default_na=False)
    assert back["name"].tolist()[5] == "'\rCR" and len(back) == len(NAMES)


def test_csv_neutralises_every_formula_trigger_and_the_header(cur, tmp_path, no_frame):
    path = tmp_path / "out.csv"
    write_query(cur, HOSTILE, path, csv=CsvDialect(";", ",", bom=True))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "name;amount;flag;visits;'=header"
    for cell in ("'=HYPERLINK", "'+33 6", "'-Ana", "'@SUM(A1)", "'\tTab", "'\rCR", ";0,0;True;0;"):
        assert cell in text
    assert ";1,5;False;1;" in text and ";1e+16;" in text  # decimal comma, booleans as pandas writes them


def test_xlsx_is_streamed_by_a_constant_memory_workbook_with_no_formula(cur, tmp_path,
                                                                        monkeypatch, no_frame):
    books = []
    real = xlsxwriter.Workbook

    def spy(*args, **kwargs):
        books.append(args[1] if len(args) > 1 else kwargs.get("options", {}))
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsxwriter, "Workbook", spy)
    monkeypatch.setattr(table_copy, "XLSX_BATCH_ROWS", 5)  # several batches of rows
    path = tmp_path / "out.xlsx"
    assert write_query(cur, HOSTILE, path, sheet_name="scores") == len(NAMES)
    assert [options.get("constant_memory") for options in books] == [True]
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]  # no part left beside it
    sheet = openpyxl.load_workbook(path)["scores"]
    rows = [[_as_excel_reads(c.value) for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["name", "amount", "flag", "visits", "'=header"]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    names = [row[0] for row in rows[1:]]
    assert names == [_in_a_sheet(n) for n in NAMES]
    assert [row[1] for row in rows[1:3]] == [0.0, 1.5]  # numbers stay numbers
    assert rows[-1][1] == 1e16
    assert [row[2] for row in rows[1:4]] == [True, False, True]  # booleans stay booleans
    assert rows[5][2] is None and rows[6][3] is None  # missing values are empty cells
    assert [type(row[3]) for row in rows[1:3]] == [int, int]
    assert len(rows) == len(NAMES) + 1


def _in_a_sheet(name: str | None) -> str | None:
    """A name as a sheet gives it back: neutralised, an empty text as no value."""
    if not name:
        return None
    return "'" + name if name[0] in "=+-@\t\r" else name


def _as_excel_reads(value: object) -> object:
    """A cell's text as Excel reads it: a control character is written `_xHHHH_` (and a
    text of that shape escaped as `_x005F_xHHHH_`), which openpyxl leaves as it is."""
    if not isinstance(value, str):
        return value
    decoded = re.sub(r"(?<!_x005F)_x([0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), value)
    return decoded.replace("_x005F_x", "_x")


# Texts a careless sheet writer would turn into markup, formulas or links.
TRICKY = ['<r><t>x</t></r></is><f>HYPERLINK("http://evil")</f><is><r><t>y</t></r>',
          "<r>plain</r>", "http://example.com", "=1+1", "{=SUM(A1)}", "007", "1e5",
          "a\x01b", "_x0041_", "  padded  ", "é" * 40_000]


def test_xlsx_writes_tricky_texts_as_the_texts_they_are(cur, tmp_path):
    query = Fragment("SELECT unnest(?::VARCHAR[]) AS text, unnest(?::DOUBLE[]) AS amount",
                     TRICKY, [float("nan"), float("inf"), *range(len(TRICKY) - 2)])
    path = tmp_path / "tricky.xlsx"
    write_query(cur, query, path)
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [[(cell.value, cell.data_type) for cell in row] for row in book.active.iter_rows()]
    book.close()
    texts = [_as_excel_reads(row[0][0]) for row in rows[1:]]
    expected = [("'" + t if t[0] in "=+-@" else t) for t in TRICKY]
    expected[-1] = "é" * 32_767  # Excel's longest text
    assert texts == expected
    assert all(row[0][1] == "s" for row in rows[1:])  # text, never a formula or a number
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<hyperlink" not in sheet_xml
    assert [row[1][0] for row in rows[1:4]] == [None, None, 0]  # no NaN or infinity in Excel


def test_xlsx_dates_keep_their_formats(cur, tmp_path):
    query = Fragment("SELECT DATE '2024-03-01' AS day, TIMESTAMP '2024-03-01 08:30:00' AS at")
    path = tmp_path / "dates.xlsx"
    write_query(cur, query, path)
    sheet = openpyxl.load_workbook(path)["clients"]
    day, at = sheet["A2"], sheet["B2"]
    assert (day.value.date(), day.number_format) == (datetime.date(2024, 3, 1), "yyyy-mm-dd")
    assert (at.value, at.number_format) == (datetime.datetime(2024, 3, 1, 8, 30),
                                            "yyyy-mm-dd h:mm:ss")


def test_xlsx_over_excel_s_rows_leaves_nothing(cur, tmp_path, monkeypatch):
    monkeypatch.setattr(table_copy, "XLSX_MAX_ROWS", 7)
    monkeypatch.setattr(table_copy, "XLSX_BATCH_ROWS", 3)
    with pytest.raises(ValueError, match="do not fit"):
        write_query(cur, Fragment("SELECT range AS i FROM range(10)"), tmp_path / "big.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_parquet_keeps_types_and_builds_no_frame(cur, tmp_path, no_frame):
    path = tmp_path / "out.parquet"
    write_query(cur, HOSTILE, path)
    back = duckdb.sql(f"SELECT name, flag, visits FROM read_parquet('{path}')").fetchall()
    assert back[0] == ('=HYPERLINK("http://x","y")', True, 0)


def test_a_full_disk_leaves_no_half_file_and_keeps_the_previous_one(cur, tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("the previous scores\n", encoding="utf-8")
    real_copy = table_copy._copy

    def full(cur, query, path, *args):
        real_copy(cur, query, path, *args)  # the rows are written, then the disk fills up
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(table_copy, "_copy", full)
    with pytest.raises(DiskFull, match="out.csv"):
        write_query(cur, HOSTILE, target)
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    assert target.read_text(encoding="utf-8") == "the previous scores\n"


def test_duckdb_s_own_disk_full_error_is_a_full_disk(cur, tmp_path, monkeypatch):
    def full(*args):
        raise duckdb.IOException('IO Error: Could not write file "x": No space left on device')

    monkeypatch.setattr(table_copy, "_copy", full)
    with pytest.raises(DiskFull):
        write_query(cur, HOSTILE, tmp_path / "out.parquet")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_rows_keep_the_order_of_the_query(cur, tmp_path, suffix):
    # Enough rows for DuckDB to write in parallel, on a connection that lets it reorder.
    cur.execute("SET preserve_insertion_order = false")
    query = Fragment("SELECT i, 'n' || i AS name FROM range(?) t(i) ORDER BY hash(i), i", 400_000)
    path = tmp_path / f"out{suffix}"
    write_query(cur, query, path)
    expected = [row[0] for row in cur.execute(query.sql, query.params).fetchall()]
    back = duckdb.sql(f"SELECT i FROM '{path}'").fetchall()
    assert [row[0] for row in back] == expected


def test_a_killed_writes_half_file_is_removed_by_the_next_write_once_old(cur, tmp_path):
    # What a process killed while writing out.csv leaves beside it (`_replaced`'s names),
    # one long ago and one from a write that may still be under way elsewhere.
    killed = tmp_path / ".out.csv.k1ll3d.part"
    running = tmp_path / ".out.csv.fr3sh0.part"
    other = tmp_path / ".other.csv.0ld000.part"
    sheet_parts = tmp_path / ".out.csv.k1ll3d.part.s0m3.parts"  # a sheet's parts folder
    sheet_parts.mkdir()
    for part in (killed, running, other, sheet_parts / "sheet1.xml"):
        part.write_bytes(b"half a table")
    long_ago = time.time() - 7 * 3600  # past the default 6 hours of leftovers
    for part in (killed, other, sheet_parts / "sheet1.xml", sheet_parts):
        os.utime(part, (long_ago, long_ago))
    write_query(cur, HOSTILE, tmp_path / "out.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.csv", running.name, other.name])
