"""Every problem of an Excel workbook can be said in French: damaged or hostile
archives, sheets that cannot be used, formulas without results. The English stays
what the command line has always shown."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

import portfolio.reading.xlsx_source as xlsx_source
from portfolio.problems import Problem
from portfolio.reading import ReadResult
from tests.corpus import files as corpus
from tests.reading.helpers import read, rewrite_part, write_xlsx

HEADER = ["Code client", "Raison sociale", "Commercial", "CA 12 mois", "Potentiel"]
ROWS = [HEADER] + [["C1", "Alpha", "Léa", 1, 2]] * 50
SAVE_AS_FR = "« Classeur Excel (*.xlsx) »"


def valid(folder: Path, name: str = "clients.xlsx") -> Path:
    return write_xlsx(folder / name, {"Clients": ROWS})


def truncated(folder: Path) -> ReadResult:
    path = valid(folder)
    damaged = folder / "truncated.xlsx"
    damaged.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return read(damaged)


def zip_holding(files: dict[str, str]) -> Callable[[Path], ReadResult]:
    def build(folder: Path) -> ReadResult:
        path = folder / "archive.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in files.items():
                archive.writestr(name, text)
        return read(path)
    return build


def half_a_part(part: str) -> Callable[[Path], ReadResult]:
    """A workbook whose `part` stops in the middle of its XML."""
    def build(folder: Path) -> ReadResult:
        path = valid(folder)
        rewrite_part(path, part, lambda xml: xml[: len(xml) // 2])
        return read(path)
    return build


def with_chart_sheet(folder: Path) -> ReadResult:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Clients"
    for row in ROWS[:2]:
        sheet.append(row)
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=4, min_row=1, max_row=2), titles_from_data=True)
    workbook.create_chartsheet("Graphique").add_chart(chart)
    path = folder / "chart.xlsx"
    workbook.save(path)
    return read(path, sheet="Graphique")


# case → (how to get the problem, its code, a French phrase its text must hold)
CASES: dict[str, tuple[Callable[[Path], ReadResult], str, str]] = {
    "damaged_archive": (truncated, "not_a_table", "mais il est endommagé"),
    "opendocument": (zip_holding({"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                  "content.xml": "<office/>"}),
                     "not_a_table", "classeur OpenDocument (.ods), pas un classeur Excel"),
    "word_document": (zip_holding({"word/document.xml": "<w/>"}),
                      "not_a_table", "document Word, pas un classeur Excel"),
    "zip_archive": (zip_holding({"notes.txt": "bonjour"}),
                    "not_a_table", "archive zip, pas un classeur Excel"),
    "zip_bomb": (lambda folder: read(corpus.zip_bomb(folder)), "zip_bomb", "refusé car dangereux"),
    "unsafe_xml": (lambda folder: read(corpus.entity_bomb(folder)), "unsafe_xml",
                   "déclarations d'entités XML"),
    "damaged_workbook": (half_a_part("xl/workbook.xml"), "not_a_table",
                         "Ce classeur Excel est endommagé"),
    "unreadable_sheet": (half_a_part("xl/worksheets/sheet1.xml"), "not_a_table",
                         "Cette feuille ne peut pas être lue"),
    "no_sheet": (lambda folder: read(valid(folder), sheet="Archive"), "no_sheet",
                 "Le classeur n'a pas de feuille 'Archive' ; ses feuilles sont 'Clients'"),
    "chart_sheet": (with_chart_sheet, "no_sheet", "'Graphique' est un graphique"),
    "header_row_beyond": (lambda folder: read(valid(folder), header_row=90), "bad_option",
                          "La ligne 90 n'est pas dans la feuille 'Clients', qui compte 51 lignes"),
    "empty_sheet": (lambda folder: read(write_xlsx(folder / "e.xlsx", {"Vide": [], "Clients": ROWS})),
                    "empty_file", "La feuille 'Vide' est vide"),
    "formula_without_value": (lambda folder: read(corpus.formula_without_value(folder)),
                              "formula_without_value", "Ouvrez le fichier dans Excel"),
}


def _the_problem(result: ReadResult, code: str) -> Problem:
    [problem] = [p for p in result.report.problems if p.code == code]
    return problem


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_workbook_problem_is_said_in_french(case, tmp_path):
    build, code, french = CASES[case]
    problem = _the_problem(build(tmp_path), code)
    assert problem.detail is not None and problem.detail.key == f"problems_workbook.{case}"
    assert problem.text("en") == problem.reason
    assert problem.text("fr") != problem.reason
    assert french in problem.text("fr"), problem.text("fr")


@pytest.mark.parametrize("case", ["damaged_archive", "zip_bomb", "unsafe_xml", "zip_archive"])
def test_the_way_out_names_the_french_excel_file_type(case, tmp_path):
    build, code, _ = CASES[case]
    assert SAVE_AS_FR in _the_problem(build(tmp_path), code).text("fr")


def test_a_workbook_too_big_gives_its_size_and_the_limit_in_both_languages(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_source, "MAX_UNCOMPRESSED_BYTES", 4096)
    problem = _the_problem(read(valid(tmp_path)), "too_big")
    assert problem.detail is not None and problem.detail.key == "problems_workbook.too_big"
    assert problem.reason.startswith("This workbook holds 0 MB once decompressed; the limit is "
                                     "0 MB. Save the client sheet alone as CSV")
    assert problem.text("fr").startswith("Une fois décompressé, ce classeur occupe 0 Mo ; "
                                         "la limite est de 0 Mo.")


def test_the_english_is_word_for_word_what_the_command_line_showed(tmp_path):
    # The reasons as they were written before they came from the catalogue.
    no_sheet = _the_problem(read(valid(tmp_path), sheet=3), "no_sheet")
    assert no_sheet.reason == ("The workbook has no sheet 3; its sheets are 'Clients' "
                               "(an index counts from 0).")
    [zip_archive] = CASES["zip_archive"][0](tmp_path).report.problems
    assert zip_archive.reason == ("This is a zip archive, not an Excel .xlsx workbook. Save it "
                                  "again from Excel as an .xlsx workbook, or as CSV.")
    damaged = _the_problem(CASES["damaged_workbook"][0](tmp_path), "not_a_table")
    assert damaged.reason.startswith("This Excel workbook is damaged (")
    assert damaged.reason.endswith("). Save it again from Excel as an .xlsx workbook, or as CSV.")
