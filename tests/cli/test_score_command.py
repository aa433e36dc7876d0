"""`python -m portfolio score`, run as a user runs it, on a French Excel-style CSV."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from tests.cli.loaded import loaded_by

ROOT = Path(__file__).resolve().parents[2]

GRID = textwrap.dedent("""\
    name: {en: Workshop grid, fr: Grille d'atelier}
    version: 1
    missing: ignore
    axes:
      attractiveness:
        label: Attractivité
        criteria:
          - id: potential
            label: Potentiel
            column: potential
            weight: 2
            bands:
              - {from: 0, points: 1}
              - {from: 50000, points: 2}
              - {from: 200000, points: 3}
          - id: solvency
            label: Solvabilité
            column: solvency
            weight: 1
            categories:
              - {value: A, points: 2}
              - {value: B, points: 1}
      qrc:
        label: QRC
        criteria:
          - id: share_of_wallet
            label: Part de marché
            column: share_of_wallet
            weight: 1
            bands:
              - {from: 0, points: 0}
              - {from: 0.25, points: 1}
              - {from: 0.5, points: 2}
          - id: contact_level
            label: Niveau des interlocuteurs
            column: contact_level
            weight: 1
            categories:
              - {value: opérationnel, points: 1}
              - {value: cadre, points: 2}
              - {value: directeur, points: 3}
    matrix:
      cuts: {attractiveness: [50], qrc: [50]}
      segments:
        - {id: minimal, cell: {attractiveness: 0, qrc: 0}, label: Minimal}
        - {id: maintain, cell: {attractiveness: 0, qrc: 1}, label: Entretenir}
        - {id: develop, cell: {attractiveness: 1, qrc: 0}, label: Développer}
        - {id: partners, cell: {attractiveness: 1, qrc: 1}, label: Partenaires}
    """)

NBSP = "\u00a0"
# As French Excel saves "CSV (séparateur: point-virgule)": Windows-1252, ";", decimal
# comma, no-break space as thousands separator, a "%" header for percentages.
CSV = (
    "Code client;Raison sociale;Commercial;CA 12 mois;Potentiel;PdM (%);Solvabilité;Niveau contact\r\n"
    f"00123;Bœuf & Cie;Élodie Rivière;12{NBSP}500,50;50{NBSP}000,00;25 %;A;Directeur\r\n"
    f"00124;L’Atelier;Élodie Rivière;1{NBSP}000;250{NBSP}000;;B;opérationnel\r\n"
    "00125;Café €uro;Marc Petit;60 000;100 000;60;C;cadre\r\n"
).encode("cp1252")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    clients, grid = tmp_path / "clients.csv", tmp_path / "grid.yaml"
    clients.write_bytes(CSV)
    grid.write_text(GRID, encoding="utf-8")
    return clients, grid


def test_scores_a_french_windows_1252_file_with_a_custom_grid(files):
    clients, grid = files
    done = run("score", str(clients), "--grid", str(grid))
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(io.StringIO(done.stdout), dtype={"client_id": str}).set_index("client_id")
    assert list(out.columns) == ["attractiveness", "qrc", "segment", "incomplete", "pts_potential",
                                 "pts_solvency", "pts_share_of_wallet", "pts_contact_level"]
    assert list(out.index) == ["00123", "00124", "00125"]
    # 00123: potential 50 000 -> 2/3 (weight 2), A -> 2/2 (weight 1): (4/3 + 1) / 3 = 7/9
    #        share of wallet 25 % -> 1/2, "Directeur" -> 3/3: (1/2 + 1) / 2 = 3/4
    assert out.loc["00123", "attractiveness"] == pytest.approx(700 / 9, abs=1e-8)
    assert out.loc["00123", "qrc"] == pytest.approx(75)
    assert out.loc["00123", "segment"] == "partners"
    # 00124: 250 000 -> 3/3 (2), B -> 1/2 (1): 2.5 / 3;  share derived 1 000 / 250 000 = 0.4 %
    #        -> 0/2, "opérationnel" -> 1/3: (0 + 1/3) / 2 = 1/6
    assert out.loc["00124", "attractiveness"] == pytest.approx(250 / 3, abs=1e-8)
    assert out.loc["00124", "qrc"] == pytest.approx(100 / 6, abs=1e-8)
    assert out.loc["00124", "segment"] == "develop"
    assert out.loc["00124", "pts_share_of_wallet"] == 0
    # 00125: solvency C is not in the grid; missing: ignore -> potential alone: 2/3
    #        "60" under a % header is 60 % -> 2/2, "cadre" -> 2/3: (1 + 2/3) / 2 = 5/6
    assert out.loc["00125", "attractiveness"] == pytest.approx(200 / 3, abs=1e-8)
    assert out.loc["00125", "qrc"] == pytest.approx(500 / 6, abs=1e-8)
    assert out.loc["00125", "segment"] == "partners"
    assert pd.isna(out.loc["00125", "pts_solvency"])
    assert [bool(v) for v in out["incomplete"]] == [False, False, True]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_out_extension_chooses_the_format(files, tmp_path, suffix):
    clients, grid = files
    target = tmp_path / f"scores{suffix}"
    done = run("score", str(clients), "--grid", str(grid), "--out", str(target))
    assert done.returncode == 0, done.stderr
    reader = {".csv": lambda p: pd.read_csv(p, dtype={"client_id": str}),
              ".xlsx": lambda p: pd.read_excel(p, dtype={"client_id": str}),
              ".parquet": pd.read_parquet}[suffix]
    back = reader(target)
    assert list(back["client_id"]) == ["00123", "00124", "00125"]
    assert list(back["segment"]) == ["partners", "develop", "partners"]


def test_default_grid_scores_the_demo_file(tmp_path):
    demo = tmp_path / "demo.csv"
    assert run("demo", "--out", str(demo)).returncode == 0
    done = run("score", str(demo))
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(io.StringIO(done.stdout))
    assert len(out) == 2000
    assert set(out["segment"].dropna()) == {"develop", "partners", "maintain", "minimal"}


def test_bad_grid_exits_2_with_file_line_and_key(files, tmp_path):
    clients, _ = files
    broken = tmp_path / "broken.yaml"
    broken.write_text(GRID.replace("weight: 2", "wieght: 2"), encoding="utf-8")
    done = run("score", str(clients), "--grid", str(broken))
    assert done.returncode == 2
    assert "broken.yaml:11: axes.attractiveness.criteria[potential]" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_grid_naming_a_column_the_file_lacks_scores_it_as_missing_and_says_so(files, tmp_path):
    clients, _ = files
    grid = tmp_path / "grid.yaml"
    grid.write_text(GRID.replace("column: solvency", "column: rating"), encoding="utf-8")
    done = run("score", str(clients), "--grid", str(grid))
    assert done.returncode == 0, done.stderr
    # The grid's missing policy (ignore) leaves the criterion out; the user is told which.
    assert "Solvabilité (column rating, which the data does not have: did the grid mean " \
           "solvency?)" in done.stderr
    out = pd.read_csv(io.StringIO(done.stdout), dtype={"client_id": str}).set_index("client_id")
    assert out["pts_solvency"].isna().all() and out["incomplete"].all()
    # 00123 on potential alone: 50 000 -> 2/3
    assert out.loc["00123", "attractiveness"] == pytest.approx(200 / 3, abs=1e-8)


def test_bad_data_exits_2_with_row_and_column(tmp_path, files):
    _, grid = files
    bad = tmp_path / "bad.csv"
    bad.write_bytes(CSV.replace(b"60 000;100 000", b"beaucoup;100 000"))
    done = run("score", str(bad), "--grid", str(grid))
    assert done.returncode == 2
    assert "row 4" in done.stderr and "revenue" in done.stderr and "beaucoup" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_input_file_is_a_user_error(tmp_path):
    done = run("score", str(tmp_path / "nowhere.csv"))
    assert done.returncode == 2
    assert "not found" in done.stderr and "Traceback" not in done.stderr


def test_unknown_output_extension_is_refused_before_work(files, tmp_path):
    clients, grid = files
    done = run("score", str(clients), "--grid", str(grid), "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert ".csv, .xlsx or .parquet" in done.stderr


def test_validate_grid_prints_ok_or_every_error(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(GRID, encoding="utf-8")
    done = run("validate-grid", str(good))
    assert (done.returncode, done.stdout.strip()) == (0, "ok")
    bad = tmp_path / "bad.yaml"
    bad.write_text(GRID.replace("weight: 2", "weight: -2").replace("cuts: {attractiveness: [50]",
                                                                 "cuts: {attractiveness: [150]"),
                   encoding="utf-8")
    done = run("validate-grid", str(bad))
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.startswith("bad.yaml:")
             or "bad.yaml:" in line]
    assert len(lines) == 2, done.stderr
    assert any(":11: axes.attractiveness.criteria[potential].weight" in line for line in lines)
    assert any("matrix.cuts.attractiveness" in line for line in lines)


def test_shipped_default_grid_validates():
    done = run("validate-grid", str(ROOT / "config" / "grids" / "default.yaml"))
    assert (done.returncode, done.stdout.strip()) == (0, "ok")


def test_demo_writes_every_contract_column(tmp_path):
    target = tmp_path / "demo.xlsx"
    done = run("demo", "--out", str(target), "--clients", "200", "--reps", "4")
    assert done.returncode == 0, done.stderr
    frame = pd.read_excel(target)
    from portfolio.contract import CANONICAL_NAMES
    assert list(frame.columns) == list(CANONICAL_NAMES)
    assert len(frame) == 200


def test_scoring_a_csv_loads_neither_pandas_nor_pyarrow(files, tmp_path):
    """A CSV goes from the file to the written scores inside DuckDB: no frame, no Arrow
    batch (loading pyarrow alone costs a command about 0.2 s, pandas more)."""
    clients, grid = files
    out = tmp_path / "scores.csv"
    code, loaded = loaded_by(["score", str(clients), "--grid", str(grid), "--out", str(out)])
    assert (code, [m for m in loaded if m in ("pandas", "pyarrow", "openpyxl")]) == (0, [])
    assert pd.read_csv(out, dtype={"client_id": str})["client_id"].tolist() == [
        "00123", "00124", "00125"]
