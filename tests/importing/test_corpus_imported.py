"""Awkward but valid files import, and the stored values are the ones the file meant;
what the database held before is untouched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from portfolio.importing import import_file
from portfolio.reading import ReadOptions
from portfolio.store.postgres import is_url
from portfolio.store.opening import open_store
from tests.corpus import files as corpus
from tests.importing import both_stores
from tests.importing.both_stores import clients_of
from tests.importing.snapshot import rows_of, table_digests

seeded_db = both_stores.seeded_db  # every test of this module on a DuckDB file and on PostgreSQL

BASE = "client_id, client_name, salesperson, revenue, potential"


def _import(db: Path, path: Path, **kwargs):
    store = open_store(db)
    try:
        return import_file(store, path, **kwargs)
    finally:
        store.close()


def _stored(db: str, dataset_id: int, columns: str) -> list[tuple]:
    return rows_of(db, f"SELECT {columns} FROM {clients_of(db, dataset_id)} ORDER BY source_row")


def _previous_data_kept(db: Path, before: dict[str, str]) -> None:
    after = table_digests(db)
    for table in ("clients_1", "header_mappings"):
        assert after[table] == before[table]
    if not is_url(db):  # a shared store keeps no scores: each process computes its own
        assert [t for t in before if t.startswith("scores_1_")]
    assert all(after[t] == before[t] for t in before if t.startswith("scores_1_"))
    assert rows_of(db, "SELECT dataset_id, name, source FROM datasets WHERE dataset_id = 1") == [
        (1, "Seed portfolio", "seed.csv")]


EXPECTED_ROWS = {
    "cp1252_specials": (f"{BASE}, industry", [
        ("C001", "Œuvres d’art Dupré", "Léa Martin", 12500.5, 40000.0, "Cœur de métier €"),
        ("C002", "L’Épicerie fine", "Noël Bœuf", 8000.0, 10000.0, "Café – thé")]),
    "utf8_bom": (BASE, [("C001", "Société Générale d’Équipement", "Zoé", 1000.0, 2000.0)]),
    "leading_zeros": ("client_id", [("00123",), ("0007",), ("7",)]),
    "nbsp_thousands": ("revenue, potential", [(1234567.5, 2000000.0), (12000.0, 15000.0)]),
    "dotted_thousands": ("revenue, potential", [(1234.56, 10000.0), (999.5, 1000.0)]),
    "percent_share": ("share_of_wallet", [(0.125,), (0.5,)]),
    "french_and_iso_dates": ("last_visit", [(dt.date(2026, 3, 31),), (dt.date(2026, 1, 5),),
                                            (None,)]),
    # Excel day 46112 counts from 1899-12-30: 1899-12-30 + 46112 days = 2026-03-31.
    "excel_serial_dates": ("last_visit", [(dt.date(2026, 3, 31),), (dt.date(2026, 2, 15),)]),
    "french_aliases": (f"{BASE}, solvency, contact_level, visits_12m, period", [
        ("K1", "Alpha", "Léa", 1000.0, 4000.0, "A", "directeur", 3, "2026-T1")]),
    "english_aliases": (f"{BASE}, solvency, contact_level, visits_12m", [
        ("A1", "Acme Ltd", "Sam", 1500.25, 6000.0, "B", "manager", 4)]),
    # Title rows above the header (rows 1-3), values of formulas as Excel computed them.
    "three_sheets_titles_formulas": (f"{BASE}, source_row", [
        ("C1", "Alpha", "Léa", 1000.0, 4000.0, 5), ("C2", "Beta", "Noé", 250.5, 501.0, 6),
        ("C3", "Gamma", "Noé", 1250.5, 3000.0, 7)]),
    "hostile_headers": ('client_id, "x""); DROP TABLE clients; --", "select", "🚀 Score"', [
        ("C1", '=HYPERLINK("http://x")', "from", "😀")]),
    # 1 500 > 1 000: imported with a warning, the share of wallet capped at 1.
    "revenue_above_potential": ("revenue, potential, share_of_wallet", [
        (1500.0, 1000.0, 1.0), (10.0, 100.0, 0.1)]),
    "segment_header": ('"Segment (file)", "Notes", "NOTES (2)"', [("Grands comptes", "a", "b")]),
    # Each row read in its own encoding: no 'SociÃ©tÃ©' stored.
    "pasted_encodings": ("client_name, salesperson", [("Société Générale", "Zoé"),
                                                      ("Crèmerie Noël", "Zoé")]),
    # DuckDB reads one kind of line end: the others are written LF before it reads.
    "mixed_line_ends": ("client_id, revenue", [("C1", 1.0), ("C2", 3.0), ("C3", 5.0),
                                               ("C4", 7.0)]),
}
OPTIONS = {"three_sheets_titles_formulas": ReadOptions(sheet="Clients")}


def test_every_awkward_file_has_expected_values():
    assert set(EXPECTED_ROWS) == set(corpus.AWKWARD)


@pytest.mark.parametrize("case", sorted(EXPECTED_ROWS))
def test_awkward_file_imports_with_the_values_it_meant(case, seeded_db, files):
    path = corpus.AWKWARD[case](files)
    before = table_digests(seeded_db)
    outcome = _import(seeded_db, path, options=OPTIONS.get(case, ReadOptions()), period="2026-Q2")
    columns, expected = EXPECTED_ROWS[case]
    assert outcome.dataset_id == 2 and outcome.new_dataset
    assert outcome.rows == len(expected)
    assert _stored(seeded_db, 2, columns) == expected
    _previous_data_kept(seeded_db, before)


def test_warnings_come_back_with_the_outcome(seeded_db, files):
    outcome = _import(seeded_db, corpus.revenue_above_potential(files))
    [warning] = [w for w in outcome.warnings if w.code == "revenue_above_potential"]
    assert (warning.row, warning.column, warning.blocking) == (2, "CA", False)


def test_renamed_columns_are_explained(seeded_db, files):
    outcome = _import(seeded_db, corpus.segment_header(files))
    renamed = {w.column: w.reason for w in outcome.warnings if w.code == "column_renamed"}
    assert set(renamed) == {"Segment", "NOTES"}
    assert "stored as 'Segment (file)'" in renamed["Segment"]
    assert "stored as 'NOTES (2)'" in renamed["NOTES"]


def test_hostile_header_leaves_every_table_in_place(seeded_db, files):
    _import(seeded_db, corpus.hostile_headers(files))
    tables = {r[0] for r in rows_of(seeded_db, "SELECT table_name FROM duckdb_tables()")}
    clients = {clients_of(seeded_db, 1), clients_of(seeded_db, 2)}
    assert {"datasets", "dataset_periods", "header_mappings", *clients} <= tables
    assert rows_of(seeded_db, f"SELECT count(*) FROM {clients_of(seeded_db, 1)}") == [(3,)]
