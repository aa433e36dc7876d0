"""`python -m portfolio build-clients`, run as a user runs it: output, choices, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


LINES = ["client;date;montant HT;vendeur;étape;potentiel",
         "C1;05/01/2026;1 200,50;Ann;Gagné;5000",
         "C1;06/01/2026;800;Bob;Gagné;5000",
         "C2;07/01/2026;300;Bob;Perdu;900"]


def test_writes_the_client_file_and_its_choices_and_says_them(tmp_path):
    lines = write(tmp_path / "lignes.csv", LINES)
    out = tmp_path / "clients.csv"
    done = run("build-clients", lines, "--won", "gagné", "--out", out)
    assert done.returncode == 0, done.stderr
    assert f"Wrote 1 rows (1 clients) to {out}." in done.stdout
    assert "stage filter: column 'étape' in 'gagné' (2 lines kept)" in done.stderr
    assert "window: 12m ending on 2026-01-06 (the latest line): 2025-01-07 to 2026-01-06" \
        in done.stderr
    assert "warning: 1 of 1 clients are sold by several reps, 2 to 2 reps each" in done.stderr
    text = out.read_text(encoding="utf-8").splitlines()
    assert text[0].startswith('"client_id","client_name","salesperson","revenue","potential"')
    assert text[1].startswith('"C1","C1","Ann",2000.5,5000,false,')
    choices = json.loads((tmp_path / "clients.choices.json").read_text(encoding="utf-8"))
    assert (choices["shared"], choices["as_of"], choices["won_values"]) == (
        "main", "2026-01-06", ["gagné"])


def test_problems_exit_2_with_row_and_column_and_write_nothing(tmp_path):
    lines = write(tmp_path / "lignes.csv", LINES + ["C3;32/01/2026;abc;Ann;Gagné;10"])
    out = tmp_path / "clients.csv"
    done = run("build-clients", lines, "--won", "Gagné", "--out", out)
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert any(line.startswith("lignes.csv: error: row 5, column 'date', value '32/01/2026'")
               for line in errors)
    assert any(line.startswith("lignes.csv: error: row 5, column 'montant HT', value 'abc'")
               for line in errors)
    assert errors[-1] == "Nothing was written; fix the problems above and run again."
    assert "Traceback" not in done.stderr and not out.exists()


def test_a_missing_column_names_what_was_looked_for(tmp_path):
    lines = write(tmp_path / "lignes.csv", ["client;montant;vendeur", "C1;10;Ann"])
    done = run("build-clients", lines, "--out", tmp_path / "c.csv")
    assert done.returncode == 2
    assert "No column for 'date' (required) in lignes.csv." in done.stderr
    assert "'date facture'" in done.stderr and "'close date'" in done.stderr


def test_bad_options_exit_2(tmp_path):
    lines = write(tmp_path / "lignes.csv", LINES)
    for option, said in ((["--window", "twelve"], "Window 'twelve'"),
                         (["--as-of", "2026-13-01"], "--as-of '2026-13-01'"),
                         (["--map", "x"], "--map 'x'")):
        done = run("build-clients", lines, *option, "--out", tmp_path / "c.csv")
        assert done.returncode == 2 and said in done.stderr, done.stderr
    done = run("build-clients", lines, "--out", tmp_path / "c.xlsx")
    assert done.returncode == 2 and "name it .csv" in done.stderr
