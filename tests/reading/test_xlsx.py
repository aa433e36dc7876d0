"""Excel workbooks: sheets, title rows, typed cells, formulas, dates, and hostile files."""

from __future__ import annotations

import datetime as dt
import time
import zipfile

import pandas as pd
import pytest

from tests.reading.helpers import (cache_formula_values, codes, only, read, rewrite_part,
                                   write_xlsx)

HEADER = ["Code client", "Raison sociale", "Commercial", "CA 12 mois", "Potentiel"]


def three_sheets(tmp_path):
    return write_xlsx(tmp_path / "portefeuille.xlsx", {
        "Clients 2026": [
            ["Portefeuille clients – Sud-Ouest"],
            [],
            HEADER + ["Dernière visite"],
            ["01234", "Œuvres d’art", "Zoé", 1234.56, 5000, dt.datetime(2026, 3, 31)],
            [1234, "Café", "Zoé", "1 234,56 €", "5 000", 46112],
            ["C3", "Bœuf & Cie", "Léa", 10, 20, "31/03/2026"],
        ],
        "Archive": [HEADER, ["A1", "Ancien", "Paul", 1, 2]],
        "Paramètres": [["Seuil", 10]],
    }, merged={"Clients 2026": "A1:F1"})


def test_first_sheet_below_a_merged_title_with_sheet_row_numbers(tmp_path):
    result = read(three_sheets(tmp_path))
    assert result.report.ok, [p.describe() for p in result.report.problems]
    assert result.detected.format == "xlsx"
    assert result.detected.sheet == "Clients 2026"
    assert result.detected.sheets == ("Clients 2026", "Archive", "Paramètres")
    assert result.detected.header_row == 3
    assert (result.detected.encoding, result.detected.separator) == (None, None)
    frame = result.frame
    assert frame["source_row"].tolist() == [4, 5, 6]
    assert frame["client_id"].tolist() == ["01234", "1234", "C3"]
    assert frame["client_name"].tolist() == ["Œuvres d’art", "Café", "Bœuf & Cie"]
    assert frame["revenue"].tolist() == [1234.56, 1234.56, 10.0]
    assert frame["potential"].tolist() == [5000.0, 5000.0, 20.0]


def test_real_dates_serial_numbers_and_french_text_dates(tmp_path):
    # Excel serial 46112 is 2026-03-31: 46023 for 2026-01-01, plus 31 + 28 + 30 days.
    frame = read(three_sheets(tmp_path)).frame
    assert frame["last_visit"].tolist() == [pd.Timestamp("2026-03-31")] * 3


def test_sheet_chosen_by_name_or_index(tmp_path):
    path = three_sheets(tmp_path)
    by_name = read(path, sheet="Archive")
    by_index = read(path, sheet=1)
    assert by_name.frame["client_id"].tolist() == by_index.frame["client_id"].tolist() == ["A1"]
    assert by_name.detected.sheet == "Archive" and by_name.frame["source_row"].tolist() == [2]


def test_an_unknown_sheet_lists_the_sheets(tmp_path):
    path = three_sheets(tmp_path)
    for sheet in ("Clients", 7):
        result = read(path, sheet=sheet)
        assert codes(result) == ["no_sheet"]
        assert "'Clients 2026', 'Archive', 'Paramètres'" in result.report.errors[0].reason


def test_a_sheet_without_client_columns_reports_the_missing_ones(tmp_path):
    result = read(three_sheets(tmp_path), sheet="Paramètres")
    assert [p.column for p in only(result, "missing_column")] == [
        "client_id", "client_name", "salesperson", "revenue", "potential"]


def test_formulas_are_read_as_their_cached_values(tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", {"Clients": [
        HEADER, ["C1", "A", "Léa", 42, "=D2*2"], ["C2", "B", "Léa", "=D2+1", 100]]})
    cache_formula_values(path, "xl/worksheets/sheet1.xml", {"E2": "84", "D3": "43"})
    result = read(path)
    assert result.report.ok
    assert result.frame["potential"].tolist() == [84.0, 100.0]
    assert result.frame["revenue"].tolist() == [42.0, 43.0]


def test_formulas_without_stored_results_are_reported(tmp_path):
    # openpyxl, like other libraries, writes formulas without computing them.
    path = write_xlsx(tmp_path / "f.xlsx", {"Clients": [HEADER, ["C1", "A", "Léa", 42, "=D2*2"]]})
    result = read(path)
    [warning] = only(result, "formula_without_value")
    assert not warning.blocking and "save" in warning.reason
    [missing] = only(result, "missing_value")
    assert (missing.row, missing.column) == (2, "Potentiel")


def test_cells_of_the_wrong_type_are_reported_as_the_user_sees_them(tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", {"Clients": [
        HEADER, ["C1", "A", "Léa", True, dt.datetime(2026, 1, 2)], ["C2", "B", "Léa", "#N/A", 3]]})
    problems = only(read(path), "not_a_number")
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "CA 12 mois", "True"), (2, "Potentiel", "2026-01-02"), (3, "CA 12 mois", "#N/A")]


def test_a_value_beyond_the_header_becomes_an_unnamed_column(tmp_path):
    path = write_xlsx(tmp_path / "u.xlsx", {"Clients": [HEADER, ["C1", "A", "Léa", 1, 2, None, "vu"]]})
    result = read(path)
    [problem] = only(result, "unnamed_column")
    assert problem.column == "column_7" and not problem.blocking
    assert result.frame["column_7"].tolist() == ["vu"]


def test_custom_number_columns_and_decimal_comma_text(tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", {"Clients": [
        HEADER + ["Score"], ["C1", "A", "Léa", "12,5", 100, 3], ["C2", "B", "Léa", 7, 100, "4,5"]]})
    result = read(path)
    assert result.detected.decimal == ","
    assert result.frame["revenue"].tolist() == [12.5, 7.0]
    assert result.frame["Score"].tolist() == [3.0, 4.5]


def test_empty_and_header_only_sheets(tmp_path):
    path = write_xlsx(tmp_path / "e.xlsx", {"Vide": [], "Entête": [HEADER]})
    assert codes(read(path)) == ["empty_file"]
    assert codes(read(path, sheet="Entête")) == ["no_rows"]


def test_header_row_chosen_by_the_user_is_a_sheet_row(tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", {"Clients": [
        ["Client", "Commercial"], HEADER, ["C1", "A", "Léa", 1, 2]]})
    result = read(path, header_row=2)
    assert result.frame["client_id"].tolist() == ["C1"]
    assert result.frame["source_row"].tolist() == [3]


def test_a_zip_bomb_is_refused_before_decompressing(tmp_path):
    path = write_xlsx(tmp_path / "bomb.xlsx", {"Clients": [HEADER, ["C1", "A", "Léa", 1, 2]]})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (20 * 1024 * 1024))  # ~1000:1
    result = read(path)
    assert codes(result) == ["zip_bomb"]
    assert result.report.errors[0].value == "xl/media/padding.bin"


def test_a_workbook_too_big_once_decompressed_is_refused(tmp_path, monkeypatch):
    import portfolio.reading.xlsx_source as xlsx_source

    monkeypatch.setattr(xlsx_source, "MAX_UNCOMPRESSED_BYTES", 4096)
    path = write_xlsx(tmp_path / "big.xlsx", {"Clients": [HEADER] + [["C", "A", "Léa", 1, 2]] * 200})
    result = read(path)
    assert codes(result) == ["too_big"]
    assert "decompressed" in result.report.errors[0].reason


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
"""


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_an_xml_entity_bomb_is_refused_quickly(tmp_path, part):
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # openpyxl parses through defusedxml when it is installed
    path = write_xlsx(tmp_path / "lol.xlsx", {"Clients": [HEADER, ["C1", "&lol9;", "Léa", 1, 2]]})

    def plant(xml: str) -> str:
        body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
        return BOMB + body.replace("&amp;lol9;", "&lol9;")

    rewrite_part(path, part, plant)
    start = time.perf_counter()
    result = read(path)
    assert time.perf_counter() - start < 5
    assert codes(result) == ["unsafe_xml"]
    assert "entity" in result.report.errors[0].reason


def test_damaged_workbooks_are_refused_not_raised(tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", {"Clients": [HEADER] + [["C1", "A", "Léa", 1, 2]] * 50})
    data = path.read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    scrambled = tmp_path / "scrambled.xlsx"
    with zipfile.ZipFile(path) as archive:
        start = archive.getinfo("xl/worksheets/sheet1.xml").header_offset + 60
    scrambled.write_bytes(data[:start] + bytes(reversed(data[start:start + 200])) + data[start + 200:])
    for damaged in (truncated, scrambled):
        result = read(damaged)
        assert codes(result) == ["not_a_table"], damaged.name
        assert "Save it again" in result.report.errors[0].reason


def test_excel_percent_cells_hold_ratios_even_under_a_percent_header(tmp_path):
    # Excel shows 0.35 formatted as "35 %"; a number typed as 40 under "PdM (%)" means 40 %.
    ratios = write_xlsx(tmp_path / "r.xlsx", {"Clients": [
        HEADER + ["PdM (%)"], ["C1", "A", "Léa", 1, 2, 0.35], ["C2", "B", "Léa", 1, 2, "12,5 %"],
        ["C3", "C", "Léa", 1, 2, "20"]]})
    assert read(ratios).frame["share_of_wallet"].tolist() == pytest.approx([0.35, 0.125, 0.2])
    typed = write_xlsx(tmp_path / "p.xlsx", {"Clients": [
        HEADER + ["PdM (%)"], ["C1", "A", "Léa", 1, 2, 40], ["C2", "B", "Léa", 1, 2, 0]]})
    assert read(typed).frame["share_of_wallet"].tolist() == pytest.approx([0.4, 0.0])
