"""Tell a CSV from an Excel workbook from anything else, by content rather than by name."""

from __future__ import annotations

from portfolio.problems import Problem
from portfolio.reading.issues import file_problem

HEAD_BYTES = 64 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or a password-protected workbook
_PDF = b"%PDF"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SAVE_AS = "Save it from Excel or your CRM as CSV (semicolon or comma) or as an Excel .xlsx workbook."
# Control bytes never found in text exports (tab, CR, LF and form feed are fine).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def sniff_format(head: bytes) -> tuple[str | None, Problem | None]:
    """("csv" | "xlsx", None), or (None, the problem) for an empty or unusable file."""
    if head.startswith(_ZIP):
        return "xlsx", None
    if not head.removeprefix(_UTF8_BOM).strip():
        return None, file_problem(
            "empty_file", "The file is empty: there is no header and no client row. "
            "Check that you chose the right file and that the export finished.")
    if head.startswith(_OLE2):
        return None, file_problem(
            "not_a_table", "This is an old Excel .xls workbook or a password-protected one, "
            "which cannot be read. " + _SAVE_AS)
    if head.startswith(_PDF):
        return None, file_problem("not_a_table", "This is a PDF document, not a table. " + _SAVE_AS)
    if head.startswith(_UTF16_BOMS):
        return None, file_problem(
            "bad_encoding", "This text is in UTF-16 (Excel's 'Unicode text'); only UTF-8 and "
            "Windows-1252 are read. Save it from Excel as 'CSV UTF-8'.")
    start = head.removeprefix(_UTF8_BOM).lstrip()[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
        return None, file_problem(
            "not_a_table", "This is a web page or an XML document (some tools save those "
            "with an .xls or .csv name), not a CSV file. " + _SAVE_AS)
    if b"\x00" in head or _control_share(head) > 0.01:
        return None, file_problem(
            "not_a_table", "This file holds binary content, not text: it is not a CSV file "
            "nor an Excel workbook. " + _SAVE_AS)
    return "csv", None


def _control_share(head: bytes) -> float:
    """Share of control bytes: text exports have none, binary files many."""
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL))) / len(head)
