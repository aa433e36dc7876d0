"""Files that are not client tables: refused with a clear reason, never an exception."""

from __future__ import annotations

import pytest

from tests.reading.helpers import FR_HEADER, codes, read, write_csv


def test_a_pdf_renamed_csv_is_not_a_table(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    result = read(path)
    assert codes(result) == ["not_a_table"]
    assert "PDF" in result.report.errors[0].reason
    assert result.detected.format == "csv" and len(result.frame) == 0


def test_binary_content_is_not_a_table(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert codes(read(path)) == ["not_a_table"]


def test_an_html_page_saved_as_xls_is_not_a_table(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes(b"<html><body><table><tr><td>Code client</td></tr></table></body></html>")
    result = read(path)
    assert codes(result) == ["not_a_table"] and "web page" in result.report.errors[0].reason


def test_an_old_xls_workbook_is_refused_with_the_way_out(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    result = read(path)
    assert codes(result) == ["not_a_table"] and ".xlsx" in result.report.errors[0].reason


def test_a_zip_that_is_not_a_workbook(tmp_path):
    import zipfile

    path = tmp_path / "clients.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = read(path)
    assert codes(result) == ["not_a_table"] and result.detected.format == "xlsx"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = write_csv(tmp_path, [FR_HEADER] + [f"C{i};A;Léa;1;2" for i in range(100)])
    result = read(path, max_bytes=1000)
    [problem] = result.report.errors
    assert problem.code == "too_big" and problem.row is None
    assert "limit" in problem.reason
    assert read(path, max_bytes=path.stat().st_size).report.ok


def test_a_missing_file_raises_os_error(tmp_path):
    with pytest.raises(OSError):
        read(tmp_path / "nowhere.csv")
