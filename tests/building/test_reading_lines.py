"""Lines read by the client-file reading rules, and every problem said with its row and column."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from portfolio.building import BuildOptions, build_clients
from portfolio.building.build import BuildError
from tests.building.helpers import built, by_id, write


def test_an_excel_workbook_with_date_and_number_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["N° client", "Date", "Montant", "Vendeur", "Potentiel"])
    sheet.append(["00123", dt.datetime(2026, 2, 1), 1500.25, "Léa", 9000])
    sheet.append(["00123", dt.datetime(2026, 3, 1), 499.75, "Léa", 9000])
    path = tmp_path / "lignes.xlsx"
    book.save(path)
    frame, choices = built(tmp_path, path)
    row = by_id(frame)["00123"]  # leading zeros kept
    assert row["revenue"] == pytest.approx(2000) and row["last_purchase"] == "2026-03-01"
    assert choices["columns"]["client"] == "N° client"


def test_map_names_a_column_the_aliases_miss(tmp_path):
    lines = write(tmp_path, "l.csv", ["Tiers;Jour;Valeur HT;Qui;Potentiel",
                                      "T1;05/01/2026;10;Ann;50"])
    frame, choices = built(tmp_path, lines, column_map={"Tiers": "client", "Jour": "date",
                                                       "Valeur HT": "amount", "Qui": "rep"})
    assert by_id(frame)["T1"]["revenue"] == 10
    assert choices["columns"]["client"] == "Tiers"


def _problems(tmp_path, lines, **options):
    with pytest.raises(BuildError) as error:
        build_clients(BuildOptions(lines=lines, out=tmp_path / "c.csv", **options))
    assert not (tmp_path / "c.csv").exists()
    return error.value.problems


def test_a_missing_amount_column_is_named_with_the_aliases_looked_for(tmp_path):
    lines = write(tmp_path, "l.csv", ["client;date;commercial", "C1;05/01/2026;Ann"])
    [(file, problem)] = _problems(tmp_path, lines)
    assert file == "l.csv" and problem.code == "missing_column" and problem.column == "amount"
    assert "'montant'" in problem.reason and "'close value'" in problem.reason


def test_bad_cells_of_kept_lines_are_reported_by_row_and_column(tmp_path):
    lines = write(tmp_path, "l.csv", [
        "client;date;montant;commercial;étape",
        "C1;05/01/2026;abc;Ann;Gagné",       # row 2: not a number
        "C1;31/02/2026;10;Ann;Gagné",        # row 3: no such day
        ";06/01/2026;10;Ann;Gagné",          # row 4: no client
        "C2;07/01/2026;10;;Gagné",           # row 5: no rep
        "C3;08/01/2026;xyz;;Perdu",          # lost: not checked
    ])
    found = {(p.row, p.column, p.code) for _, p in _problems(tmp_path, lines, won=("Gagné",))}
    assert found == {(2, "montant", "not_a_number"), (3, "date", "not_a_date"),
                     (4, "client", "empty_value"), (5, "commercial", "empty_value")}


def test_no_won_line_names_the_stages_found(tmp_path):
    lines = write(tmp_path, "l.csv", ["client;date;montant;commercial;statut",
                                      "C1;05/01/2026;10;Ann;Signé"])
    [(_, problem)] = _problems(tmp_path, lines, won=("Won",))
    assert problem.code == "no_rows" and "'Signé'" in problem.reason


def test_no_potential_anywhere_stops_the_build(tmp_path):
    lines = write(tmp_path, "l.csv", ["client;date;montant;commercial", "C1;05/01/2026;10;Ann"])
    [(_, problem)] = _problems(tmp_path, lines)
    assert problem.code == "no_potential" and "C1" in problem.reason


def test_a_net_negative_revenue_stops_the_build(tmp_path):
    lines = write(tmp_path, "l.csv", ["client;date;montant;commercial;potentiel",
                                      "C1;05/01/2026;10;Ann;100", "C1;06/01/2026;-30;Ann;100"])
    [(_, problem)] = _problems(tmp_path, lines)
    assert problem.code == "negative_revenue"
