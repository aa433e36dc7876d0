"""Exports of scored clients: labels in the reader's language, no live formula, numbers as numbers."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from portfolio.exporting import export_bytes, scored_export, write_export
from portfolio.grid.model import Axis, Band, Criterion, Grid, LocalText, Segment
from portfolio.store.datasets import create_dataset
from portfolio.importing.report import report_table
from portfolio.problems import Problem, detail
from portfolio.tables_out import csv_bytes, neutralised
from portfolio.view import PortfolioView


def text(en: str, fr: str) -> LocalText:
    return LocalText((("en", en), ("fr", fr)))


def cell(a: int, q: int) -> dict[str, int]:
    return {"attractiveness": a, "qrc": q}


# Attractiveness: potential ≥ 100 → 1 point of 1 (score 100), else 0.
# QRC: share of wallet ≥ 0.5 → 1 point of 1 (score 100), else 0. Cuts at 50.
GRID = Grid(
    name=text("Test", "Test"), version=1, missing="zero",
    axes={"attractiveness": Axis("attractiveness", text("Attractiveness", "Attractivité"), (
              Criterion("pot", text("Purchase potential", "Potentiel d'achat"), "potential", 1,
                        bands=(Band(0, 0), Band(100, 1))),)),
          "qrc": Axis("qrc", text("Relationship", "Relation"), (
              Criterion("sow", text("Share of wallet", "Part de marché"), "share_of_wallet", 1,
                        bands=(Band(0, 0), Band(0.5, 1))),))},
    cuts={"attractiveness": (50.0,), "qrc": (50.0,)},
    segments=(Segment("partners", cell(1, 1), text("Partners", "Partenaires"),
                      text("Keep and grow", "À fidéliser")),
              Segment("develop", cell(1, 0), text("Strongholds", "Bastions concurrents"),
                      text("Priority visits", "Visites prioritaires")),
              Segment("maintain", cell(0, 1), text("Loyal", "Fidèles")),
              Segment("minimal", cell(0, 0), text("Low priority", "Peu prioritaires"),
                      text("At a distance", "À distance"))),
)

CLIENTS = pd.DataFrame({
    "client_id": ["a", "b", "c"],
    "client_name": ['=HYPERLINK("http://evil.example","click")', "@SUM(A1)", "Normal"],
    "salesperson": ["-Ana", "Ben", "Ben"],
    "revenue": [150.0, 10.0, 10.0],
    "potential": [200.0, 50.0, 200.0],
    "share_of_wallet": [0.75, 0.2, 0.05],
    "margin": [-5.0, 3.5, None],
    "Notes": ["+33 6 12 34 56 78", "\tTabbed", "ok"],
    "source_row": [2, 3, 4],
})


@pytest.fixture
def dataset(memory_store):
    return create_dataset(memory_store, CLIENTS, name="Export", period="2026-Q1")


EXPECTED_FR_HEADERS = ["client_id", "client_name", "salesperson", "revenue", "potential",
                       "share_of_wallet", "margin", "period", "Notes", "Attractivité", "Relation",
                       "Segment", "Action", "Notation incomplète", "Potentiel d'achat (points)",
                       "Part de marché (points)"]


def test_the_export_speaks_the_reader_language(memory_store, dataset):
    frame = scored_export(PortfolioView.open(memory_store, dataset, GRID), "fr")
    assert list(frame.columns) == EXPECTED_FR_HEADERS
    assert frame[["client_id", "Attractivité", "Relation", "Segment", "Action"]].values.tolist() == [
        ["a", 100.0, 100.0, "Partenaires", "À fidéliser"],
        ["b", 0.0, 0.0, "Peu prioritaires", "À distance"],
        ["c", 100.0, 0.0, "Bastions concurrents", "Visites prioritaires"]]
    english = scored_export(PortfolioView.open(memory_store, dataset, GRID), "en")
    assert list(english.columns[-7:]) == ["Attractiveness", "Relationship", "Segment", "Action",
                                          "Incomplete scoring", "Purchase potential (points)",
                                          "Share of wallet (points)"]
    assert english["Segment"].tolist() == ["Partners", "Low priority", "Strongholds"]


def test_xlsx_holds_no_formula_and_keeps_numbers(memory_store, dataset, tmp_path):
    path = tmp_path / "export.xlsx"
    write_export(PortfolioView.open(memory_store, dataset, GRID), path, "fr")
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows())
    assert all(c.data_type != "f" for row in rows for c in row)
    header = [c.value for c in rows[0]]
    assert header == EXPECTED_FR_HEADERS
    first = {h: c for h, c in zip(header, rows[1])}
    assert first["client_name"].value == '\'=HYPERLINK("http://evil.example","click")'
    assert first["salesperson"].value == "'-Ana"
    assert first["Notes"].value == "'+33 6 12 34 56 78"
    assert (first["margin"].value, first["margin"].data_type) == (-5.0, "n")
    assert (first["revenue"].value, first["revenue"].data_type) == (150.0, "n")
    second = {h: c.value for h, c in zip(header, rows[2])}
    assert (second["client_name"], second["Notes"]) == ("'@SUM(A1)", "'\tTabbed")


def test_csv_neutralises_dangerous_text_and_keeps_numbers(memory_store, dataset, tmp_path):
    frame = scored_export(PortfolioView.open(memory_store, dataset, GRID), "fr")
    data = export_bytes(frame, "csv", "fr")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, first, second = rows[0], dict(zip(rows[0], rows[1])), dict(zip(rows[0], rows[2]))
    assert header == EXPECTED_FR_HEADERS
    assert first["client_name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert second["client_name"] == "'@SUM(A1)" and second["Notes"] == "'\tTabbed"
    assert first["margin"] == "-5,0" and first["revenue"] == "150,0"
    english = list(csv.reader(io.StringIO(export_bytes(frame, "csv", "en").decode("utf-8-sig"))))
    assert dict(zip(english[0], english[1]))["margin"] == "-5.0"


def test_an_unknown_export_format_is_refused(memory_store, dataset, tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_export(PortfolioView.open(memory_store, dataset, GRID), tmp_path / "export.parquet")


def test_a_categorical_text_column_is_neutralised_too():
    # Reading keeps repeated text as categoricals: a rep called "=cmd|..." on many rows.
    frame = pd.DataFrame({
        "salesperson": pd.Categorical(["=cmd|' /C calc'!A0", "Ana", "=cmd|' /C calc'!A0", None]),
        "revenue": [1.5, -2.0, 3.0, 4.0]})
    safe = neutralised(frame)
    assert safe["salesperson"].tolist()[:3] == ["'=cmd|' /C calc'!A0", "Ana", "'=cmd|' /C calc'!A0"]
    assert pd.isna(safe["salesperson"].tolist()[3])
    assert safe["revenue"].tolist() == [1.5, -2.0, 3.0, 4.0]


def _read_back(data: bytes, separator: str, decimal: str) -> pd.DataFrame:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read the accents
    return pd.read_csv(io.BytesIO(data), sep=separator, decimal=decimal, encoding="utf-8-sig")


def test_a_download_is_in_the_csv_dialect_of_the_readers_excel():
    frame = pd.DataFrame({"client": ["Bœuf & Cie", "Café; Thé"], "share": [0.125, 2.5]})
    french = csv_bytes(frame, "fr")
    assert french.decode("utf-8-sig").splitlines()[:2] == ["client;share", "Bœuf & Cie;0,125"]
    pd.testing.assert_frame_equal(_read_back(french, ";", ","), frame)
    english = csv_bytes(frame, "en")
    assert english.decode("utf-8-sig").splitlines()[1] == "Bœuf & Cie,0.125"
    pd.testing.assert_frame_equal(_read_back(english, ",", "."), frame)


def test_the_french_validation_report_download_opens_in_columns():
    problems = [
        Problem.of(detail("problems_cells.negative", column="'revenue'"), code="negative", row=4,
                   column="CA", value="-3000"),
        Problem.of(detail("problems_cells.ratio_out_of_range", column="'share_of_wallet'",
                          percent="140", decimal=","), code="out_of_range", row=3,
                   column="Part de marché", value="140 %")]
    table = report_table(problems, "fr")
    back = _read_back(csv_bytes(table, "fr"), ";", ",")
    assert list(back.columns) == ["Type", "Ligne", "Colonne", "Valeur", "Problème", "Détail"]
    assert back["Ligne"].tolist() == [3, 4]
    assert back["Détail"].tolist() == [p.text("fr") for p in problems[::-1]]
