"""Problems found in the cells of a file can be said in French: each carries a catalogue
key, and its French text names the same rows, values and columns as the English."""

from __future__ import annotations

import re

import pytest

from portfolio.i18n import catalogue
from portfolio.problems import Problem
from tests.reading.helpers import EN_HEADER, FR_HEADER, read, write_csv

HEADER = FR_HEADER + ";Part de marché;Visites;Dernière visite;Région;Notes;"


def _row(i: int, client_id: str = "", revenue: str = "10", potential: str = "100",
         share: str = "0,5", visits: str = "3", visit: str = "31/03/2026", region: str = "Sud",
         unnamed: str = "") -> str:
    return (f"{client_id or f'C{i}'};Client {i};Léa;{revenue};{potential};{share};{visits};"
            f"{visit};{region};note;{unnamed}")


FILES = {
    "one of each": [
        HEADER, _row(1, revenue=""), _row(2, revenue="abc", visits="x", share="abc"),
        _row(3, revenue="-5"), _row(4, visits="2,5"), _row(5, visits="99999999999999999"),
        _row(6, share="140 %"), _row(7, visit="32/13/2026"), _row(8, revenue="200"),
        _row(9, region="", unnamed="zz"), _row(10, client_id="C1"), _row(11, share=""),
        _row(12), _row(12)],
    "many empty cells": [HEADER] + [_row(i, region="", share="") for i in range(8)],
    "ratios and percentages": [EN_HEADER + ",SOW", "C1,A,Lea,10,100,0.35", "C2,B,Lea,10,100,40"],
    "extra cell": [FR_HEADER, "C1;A;Léa;1;2", "C2;Dupont; Fils;Léa;1;2"],
    "shared account": [FR_HEADER, "K1;Alpha;Léa;100;900", "K1;Alpha;Noé;300;900"],
}

# Codes of the problems found in the cells, across columns and in the rows of the frame.
CELL_CODES = {"missing_value", "empty_cells", "unknown_column", "unnamed_column", "not_a_number",
              "negative", "not_an_integer", "out_of_range", "bad_date", "revenue_above_potential",
              "duplicate_id", "ragged_row"}

# A word each French sentence must hold (so an English fallback cannot pass).
FRENCH_WORD = {
    "required_empty": "obligatoire",
    "empty_one": "facultative",
    "empty_many": "facultative",
    "empty_share_one": "part de marché chez le client",
    "empty_share_many": "part de marché chez le client",
    "unknown_column": "colonne personnalisée",
    "unnamed_column": "en-tête",
    "not_a_number": "séparateur décimal",
    "not_a_ratio": "séparateur décimal",
    "negative": "négative",
    "not_an_integer": "nombre entier",
    "count_too_large": "invraisemblablement",
    "ratio_out_of_range": "cette cellule vaut",
    "ratio_out_of_range_mixed": "de la même façon",
    "bad_date": "jour en premier",
    "revenue_above_potential": "chiffre d'affaires",
    "duplicate_identical": "en double",
    "duplicate_different": "propre code",
    "duplicate_shared": "compte partagé",
    "ragged_row": "guillemets",
}


def cell_problems(folder, lines: list[str]) -> list[Problem]:
    result = read(write_csv(folder, lines))
    return [p for p in result.report.problems if p.code in CELL_CODES]


@pytest.mark.parametrize("name", FILES)
def test_every_cell_problem_reads_in_french(tmp_path, name):
    problems = cell_problems(tmp_path, FILES[name])
    assert problems
    for problem in problems:
        assert problem.detail is not None, problem.reason
        area, _, key = problem.detail.key.partition(".")
        french = problem.text("fr")
        assert area == "problems_cells" and french != problem.reason
        assert FRENCH_WORD[key] in french, french
        # The rows, values and examples named in English are named in French too.
        assert re.findall(r"\d+", french) == re.findall(r"\d+", problem.reason), french
        assert problem.text("en") == problem.reason


def test_the_files_say_every_sentence_of_the_cells(tmp_path):
    seen = set()
    for index, lines in enumerate(FILES.values()):
        folder = tmp_path / str(index)
        folder.mkdir()
        seen |= {p.detail.key for p in cell_problems(folder, lines) if p.detail is not None}
    assert seen == {key for key in catalogue("en") if key.startswith("problems_cells.")}
    assert seen == {f"problems_cells.{key}" for key in FRENCH_WORD}


def test_quoted_names_and_decimal_marks_reach_the_french(tmp_path):
    [mixed] = [p for p in cell_problems(tmp_path, FILES["ratios and percentages"])
               if p.code == "out_of_range"]
    french = mixed.text("fr")
    assert french.startswith("'share_of_wallet' doit se situer entre 0 et 1"), french
    assert "vaut 4000 %" in french and "comme des fractions (0.35 = 35 %)" in french
    assert "(0.35 = 35%)" in mixed.reason  # the English writes its own way
