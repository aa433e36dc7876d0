"""Small writers for the test files: bytes exactly as Excel and CRM exports write them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from portfolio.problems import Problem
from portfolio.reading import ReadOptions, ReadResult, read_client_file

NBSP, NNBSP = "\u00a0", "\u202f"
FR_HEADER = "Code client;Raison sociale;Commercial;CA 12 mois;Potentiel"
EN_HEADER = "Customer ID,Account name,Sales rep,Sales,Wallet"


def write_csv(folder: Path, lines: list[str], encoding: str = "cp1252", newline: str = "\r\n",
              name: str = "clients.csv") -> Path:
    """A CSV file as French Excel writes it by default: Windows-1252, CRLF, final newline."""
    path = folder / name
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def read(path: Path, **options) -> ReadResult:
    return read_client_file(path, ReadOptions(**options))


def codes(result: ReadResult) -> list[str]:
    return [p.code for p in result.report.problems]


def only(result: ReadResult, code: str) -> list[Problem]:
    return [p for p in result.report.problems if p.code == code]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]],
               merged: dict[str, str] | None = None) -> Path:
    """A workbook with one sheet per entry, rows written from A1 (None leaves a cell empty)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
        if merged and name in merged:
            sheet.merge_cells(merged[name])
    workbook.save(path)
    return path


def rewrite_part(path: Path, part: str, change) -> None:
    """Rewrite one XML part of a workbook in place (`change` maps old text to new)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, data)


def cache_formula_values(path: Path, part: str, values: dict[str, str]) -> None:
    """Store a cached result for formula cells, as Excel does when it saves a file."""

    def change(xml: str) -> str:
        for ref, value in values.items():
            xml, count = re.subn(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/>', rf"\1<v>{value}</v>", xml)
            assert count == 1, f"no formula cell {ref} in {part}"
        return xml

    rewrite_part(path, part, change)
