"""`python -m portfolio import | datasets | export`, run as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.cli.loaded import loaded_by
from tests.corpus import files as corpus
from tests.importing.snapshot import rows_of, snapshot

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_import_creates_a_dataset_named_after_the_file_then_adds_periods(seeded_db, files):
    path = corpus.cp1252_specials(files)
    done = run("import", path, "--period", "2026-Q2", "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    assert "Imported 2 clients from cp1252.csv into new dataset 'cp1252' (period 2026-Q2, amounts in EUR)" in done.stdout
    assert [line for line in done.stderr.splitlines() if line.endswith("…")] == [
        "reading…", "validating…", "storing…"]
    again = run("import", path, "--dataset", "cp1252", "--period", "2026-Q3", "--db", seeded_db)
    assert again.returncode == 0, again.stderr
    assert "into dataset 'cp1252' (period 2026-Q3, amounts in EUR)" in again.stdout
    assert rows_of(seeded_db, "SELECT period, rows FROM dataset_periods p JOIN datasets d "
                              "USING (dataset_id) WHERE name = 'cp1252' ORDER BY period") == [
        ("2026-Q2", 2), ("2026-Q3", 2)]


def test_bad_input_exits_2_with_every_problem_and_changes_nothing(seeded_db, files):
    path = corpus.csv_file(files, "bad.csv", [corpus.FR_HEADER, "C1;Alpha;Léa;-5;200",
                                              "C2;Beta;Léa;abc;200"])
    before = snapshot(seeded_db)
    done = run("import", path, "--db", seeded_db)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert "bad.csv: error: row 2, column 'CA', value '-5': 'revenue' cannot be negative." in " ".join(lines)
    assert any(line.startswith("bad.csv: error: row 3, column 'CA', value 'abc'") for line in lines)
    assert "nothing was imported; the database is unchanged" in lines[-1]
    assert "Traceback" not in done.stderr
    assert snapshot(seeded_db) == before


def test_a_stored_period_is_refused_on_the_command_line(seeded_db, files):
    before = snapshot(seeded_db)
    done = run("import", corpus.plain_valid(files), "--dataset", "Seed portfolio", "--period",
               "2026-Q1", "--db", seeded_db)
    assert done.returncode == 2
    assert "column 'period'" in done.stderr and "'2026-Q1'" in done.stderr
    assert snapshot(seeded_db) == before


def test_map_option_reads_an_unknown_header_as_a_contract_column(seeded_db, files):
    path = corpus.csv_file(files, "crm.csv", ["Num;Nom;Vendeur;CA;Potentiel;Canal",
                                              "7;Alpha;Léa;100;200;web"])
    done = run("import", path, "--map", "Num=client_id", "--map", "Canal=", "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    assert rows_of(seeded_db, 'SELECT client_id, "Canal" FROM clients_2') == [("7", "web")]
    wrong = run("import", path, "--map", "Num=customer", "--db", seeded_db)
    assert wrong.returncode == 2 and "'customer' is not a contract column" in wrong.stderr


def test_missing_file_and_missing_database_are_user_errors(tmp_path):
    done = run("import", tmp_path / "nowhere.csv", "--db", tmp_path / "db.duckdb")
    assert (done.returncode, done.stderr.strip()) == (
        2, f"error: file not found: {tmp_path / 'nowhere.csv'}")
    listing = run("datasets", "--db", tmp_path / "absent.duckdb")
    assert listing.returncode == 2 and "no database at" in listing.stderr
    assert not (tmp_path / "absent.duckdb").exists()


def test_datasets_prints_a_table_and_renames_and_deletes(seeded_db, files):
    assert run("import", corpus.leading_zeros(files), "--period", "2026-Q2", "--db",
               seeded_db).returncode == 0
    listing = run("datasets", "--db", seeded_db)
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["name", "source", "imported", "at", "rows", "currency", "periods"]
    assert lines[1].startswith("Seed portfolio  seed.csv") and lines[1].endswith("3     EUR       2026-Q1")
    assert lines[2].startswith("zeros           zeros.csv") and lines[2].endswith("3     EUR       2026-Q2")
    renamed = run("datasets", "--rename", "zeros", "Zéros 2026", "--db", seeded_db)
    assert renamed.returncode == 0
    taken = run("datasets", "--rename", "Zéros 2026", "Seed portfolio", "--db", seeded_db)
    assert taken.returncode == 2 and "already exists" in taken.stderr
    unconfirmed = run("datasets", "--delete", "Zéros 2026", "--db", seeded_db)
    assert unconfirmed.returncode == 2 and "--yes" in unconfirmed.stderr
    assert run("datasets", "--delete", "Zéros 2026", "--yes", "--db", seeded_db).returncode == 0
    assert rows_of(seeded_db, "SELECT name FROM datasets") == [("Seed portfolio",)]


def test_export_writes_xlsx_without_formulas(seeded_db, tmp_path):
    out = tmp_path / "export.xlsx"
    done = run("export", "--dataset", "Seed portfolio", "--out", out, "--lang", "fr", "--db", seeded_db)
    assert done.returncode == 0, done.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=False))
    assert all(c.data_type != "f" for row in rows for c in row)
    header = [c.value for c in rows[0]]
    assert {"Segment", "Action", "Potentiel d'achat (points)", "Solvabilité (points)"} <= set(header)
    names = [row[header.index("client_name")].value for row in rows[1:]]
    assert names == ["Seed one", "Seed two", "'=cmd|' /C calc'!A0"]


def test_export_errors_exit_2(seeded_db, tmp_path):
    unknown = run("export", "--dataset", "Nope", "--out", tmp_path / "x.csv", "--db", seeded_db)
    assert unknown.returncode == 2
    assert "no dataset named 'Nope'; the datasets are: 'Seed portfolio'." in unknown.stderr
    wrong = run("export", "--dataset", "Seed portfolio", "--out", tmp_path / "x.pdf", "--db", seeded_db)
    assert wrong.returncode == 2 and ".csv or .xlsx" in wrong.stderr
    period = run("export", "--dataset", "Seed portfolio", "--period", "2030", "--out",
                 tmp_path / "x.csv", "--db", seeded_db)
    assert period.returncode == 2 and "its periods are: 2026-Q1" in period.stderr


def test_an_import_loads_neither_pandas_nor_openpyxl(seeded_db, files):
    """Reading a CSV and storing it needs DuckDB and Arrow only: pandas loaded is about
    45 MB of a 1M-row import's peak (bench/bench_import.py), which has to stay under
    three times the file."""
    code, loaded = loaded_by(["import", str(corpus.cp1252_specials(files)), "--db", str(seeded_db)])
    assert (code, [m for m in loaded if m in ("pandas", "openpyxl", "plotly")]) == (0, [])
    assert rows_of(seeded_db, "SELECT rows FROM dataset_periods p JOIN datasets d "
                              "USING (dataset_id) WHERE name = 'cp1252'") == [(2,)]
