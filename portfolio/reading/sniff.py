"""Tell a CSV from an Excel workbook from anything else, by content rather than by name."""

from __future__ import annotations

from portfolio.problems import Problem, detail
from portfolio.reading.issues import file_problem

HEAD_BYTES = 64 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or a password-protected workbook
_PDF = b"%PDF"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control bytes never found in text exports (tab, CR, LF and form feed are fine).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def sniff_format(head: bytes) -> tuple[str | None, Problem | None]:
    """("csv" | "xlsx", None), or (None, the problem) for an empty or unusable file."""
    if head.startswith(_ZIP):
        return "xlsx", None
    if not head.removeprefix(_UTF8_BOM).strip():
        return None, file_problem("empty_file", detail("problems_file.empty_file"))
    if head.startswith(_OLE2):
        return None, file_problem("not_a_table", detail("problems_file.old_xls"))
    if head.startswith(_PDF):
        return None, file_problem("not_a_table", detail("problems_file.pdf"))
    if head.startswith(_UTF16_BOMS):
        return None, file_problem("bad_encoding", detail("problems_file.utf16"))
    start = head.removeprefix(_UTF8_BOM).lstrip()[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
        return None, file_problem("not_a_table", detail("problems_file.web_page"))
    if b"\x00" in head or _control_share(head) > 0.01:
        return None, file_problem("not_a_table", detail("problems_file.binary"))
    return "csv", None


def _control_share(head: bytes) -> float:
    """Share of control bytes: text exports have none, binary files many."""
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL))) / len(head)
