"""`python -m portfolio compare-grids`, checked against two `score` runs on the same file."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = (ROOT / "config" / "grids" / "default.yaml").read_text(encoding="utf-8")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def test_migration_equals_two_score_runs_paired_client_by_client(tmp_path):
    demo, current, tuned = tmp_path / "demo.csv", tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run("demo", "--out", str(demo), "--clients", "400").returncode == 0
    current.write_text(DEFAULT, encoding="utf-8")
    # Potential weighs more, the QRC cut is lower: clients move in several directions.
    tuned.write_text(DEFAULT.replace("weight: 50", "weight: 120")
                     .replace("qrc: [50]", "qrc: [42]"), encoding="utf-8")
    out = tmp_path / "migration.csv"
    done = run("compare-grids", str(demo), "--grid", str(current), "--against", str(tuned),
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out)
    assert list(table.columns) == ["from_segment", "to_segment", "clients", "revenue"]

    scores = {}
    for name, grid in (("from", current), ("to", tuned)):
        scored = run("score", str(demo), "--grid", str(grid))
        assert scored.returncode == 0, scored.stderr
        scores[name] = pd.read_csv(io.StringIO(scored.stdout), dtype={"client_id": str})
    revenue = pd.read_csv(demo, dtype={"client_id": str})[["client_id", "revenue"]]
    paired = (scores["from"][["client_id", "segment"]].rename(columns={"segment": "from_segment"})
              .merge(scores["to"][["client_id", "segment"]].rename(columns={"segment": "to_segment"}),
                     on="client_id").merge(revenue, on="client_id"))
    assert len(paired) == 400
    expected = (paired.groupby(["from_segment", "to_segment"])
                .agg(clients=("client_id", "size"), revenue=("revenue", "sum")).reset_index())
    merged = table.merge(expected, on=["from_segment", "to_segment"], how="outer",
                         suffixes=("", "_expected"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged
    assert (merged["clients"] == merged["clients_expected"]).all()
    assert (merged["revenue"] - merged["revenue_expected"]).abs().max() < 0.01
    # The two grids really differ: some pairs change segment.
    assert (table["from_segment"] != table["to_segment"]).any()


def test_a_broken_grid_to_compare_against_is_reported_with_its_line(tmp_path):
    demo, good, broken = tmp_path / "demo.csv", tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run("demo", "--out", str(demo), "--clients", "120").returncode == 0
    good.write_text(DEFAULT, encoding="utf-8")
    broken.write_text(DEFAULT.replace("weight: 50", "wieght: 50"), encoding="utf-8")
    done = run("compare-grids", str(demo), "--grid", str(good), "--against", str(broken))
    assert done.returncode == 2
    assert "b.yaml:" in done.stderr and "wieght" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
