"""The tables of `score`, `gaps`, `plan` and `export` are written by DuckDB, not pandas, with
no live formula; `--map` on the commands that read a client file, as on `import`."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from portfolio.cli import main

ROOT = Path(__file__).resolve().parents[2]
EVIL_REP = "=HYPERLINK(\"http://evil.example\",\"rep\")"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo portfolio with one rep renamed as a formula."""
    folder = tmp_path_factory.mktemp("demo")
    plain = folder / "plain.csv"
    assert main(["demo", "--out", str(plain), "--clients", "600", "--reps", "6"]) == 0
    frame = pd.read_csv(plain, dtype=str, keep_default_na=False)
    frame["salesperson"] = frame["salesperson"].replace(frame["salesperson"].iloc[0], EVIL_REP)
    path = folder / "demo.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.fixture
def no_pandas_output(monkeypatch):
    """A pandas frame written to a file or built while active fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a table went through pandas")

    for method in ("to_csv", "to_excel", "to_parquet"):
        monkeypatch.setattr(pd.DataFrame, method, refuse)
    return refuse


def test_score_and_export_load_no_pandas_at_all(demo, tmp_path):
    db = tmp_path / "p.duckdb"
    assert main(["import", str(demo), "--dataset", "Demo", "--db", str(db)]) == 0
    exported = ["export", "--dataset", "Demo", "--db", str(db), "--out"]
    calls = [["score", str(demo), "--out", str(tmp_path / "s.csv")],
             ["score", str(demo), "--out", str(tmp_path / "s.parquet")],
             [*exported, str(tmp_path / "e.csv")], [*exported, str(tmp_path / "e.xlsx")]]
    script = "import sys\nfrom portfolio.cli import main\n" + "".join(
        f"assert main({call!r}) == 0\n" for call in calls) + "print('pandas' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_score_builds_no_frame(demo, tmp_path, monkeypatch, no_pandas_output, suffix):
    monkeypatch.setattr(pd.DataFrame, "__init__", no_pandas_output)
    out = tmp_path / f"scores{suffix}"
    assert main(["score", str(demo), "--out", str(out)]) == 0
    assert out.is_file() and [p.name for p in tmp_path.iterdir()] == [out.name]


def test_score_on_standard_output_builds_no_frame(demo, monkeypatch, capsys, no_pandas_output):
    monkeypatch.setattr(pd.DataFrame, "__init__", no_pandas_output)
    assert main(["score", str(demo)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("client_id,attractiveness,qrc,segment,incomplete,pts_")
    assert len(lines) == 601


@pytest.mark.parametrize("command", ["gaps", "plan"])
def test_gaps_and_plan_are_written_by_duckdb_with_no_formula(demo, tmp_path, no_pandas_output,
                                                            command):
    csv_out, xlsx_out = tmp_path / "out.csv", tmp_path / "out.xlsx"
    assert main([command, str(demo), "--out", str(csv_out)]) == 0
    assert main([command, str(demo), "--out", str(xlsx_out)]) == 0
    text = csv_out.read_text(encoding="utf-8")
    assert "'" + EVIL_REP.replace('"', '""') in text  # quoted by the CSV, neutralised
    assert "\n=" not in text and ",=" not in text
    sheet = openpyxl.load_workbook(xlsx_out).active
    reps = {row[1].value for row in sheet.iter_rows(min_row=2)} if command == "plan" else \
        {row[0].value for row in sheet.iter_rows(min_row=2)}
    assert "'" + EVIL_REP in reps and EVIL_REP not in reps
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_export_builds_no_frame_and_neutralises(demo, tmp_path, monkeypatch, no_pandas_output):
    db = tmp_path / "p.duckdb"
    assert main(["import", str(demo), "--dataset", "Demo", "--db", str(db)]) == 0
    monkeypatch.setattr(pd.DataFrame, "__init__", no_pandas_output)
    out = tmp_path / "export.csv"
    assert main(["export", "--dataset", "Demo", "--db", str(db), "--out", str(out),
                 "--lang", "fr"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0].split(";")
    assert header[:3] == ["client_id", "client_name", "salesperson"] and "Segment" in header
    assert ";'=HYPERLINK(" in data.decode("utf-8-sig").replace('"', "")


def _renamed(demo: Path, tmp_path: Path) -> Path:
    """The demo file with headers no alias knows: `Code` for the client id, `Chiffre` for
    the revenue."""
    text = demo.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    path = tmp_path / "renamed.csv"
    path.write_text(header.replace("client_id", "Code").replace("revenue", "Chiffre") + "\n"
                    + rest, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["score", "gaps", "plan"])
def test_map_reads_a_header_as_a_contract_column(demo, tmp_path, capsys, command):
    renamed = _renamed(demo, tmp_path)
    assert main([command, str(renamed)]) == 2  # the file has no client id nor revenue
    refused = capsys.readouterr()
    assert "client_id" in refused.err and refused.out == ""
    assert main([command, str(renamed), "--map", "Code=client_id", "--map", "Chiffre=revenue"]) == 0
    mapped = capsys.readouterr().out
    assert main([command, str(demo)]) == 0
    assert mapped == capsys.readouterr().out  # the same table as from the file's own names
    assert len(pd.read_csv(io.StringIO(mapped))) > 0


@pytest.mark.parametrize("item, says", [("Code", "write HEADER=COLUMN"),
                                        ("Code=clientid", "'clientid' is not a contract column")])
def test_a_bad_map_is_refused_before_the_file_is_read(demo, capsys, item, says):
    assert main(["score", str(demo), "--map", item]) == 2
    assert says in capsys.readouterr().err
