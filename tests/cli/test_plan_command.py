"""`python -m portfolio plan`, run as a user runs it, on the hand-checkable team."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from tests.cut_grid import cut_grid_yaml
from tests.planning.conftest import client_frame

ROOT = Path(__file__).resolve().parents[2]

# The grid of conftest.plan_grid, as a user writes it.
GRID = cut_grid_yaml("Plan test grid", ("minimal", "maintain", "develop", "partners"))

NORMS = textwrap.dedent("""\
    version: 1
    structure:
      tolerance: 0.05
      targets:
        partners: {clients: 0.25}
        develop: {clients: 0.25}
        maintain: {clients: 0.25}
        minimal: {clients: 0.25}
    visits:
      capacity: {visits_per_day: 2, field_days: 10}
      segments:
        partners: {min: 6, norm: 10, max: 16}
        develop: {min: 4, norm: 8, max: 12}
        maintain: {min: 1, norm: 3, max: 4}
        minimal: {min: 0, norm: 1, max: 1}
    response:
      partners: {none: 0.5, half: 0.8333333333333334, current: 1, more_50: 1.1, saturation: 1.5}
      develop: {none: 0.5, half: 0.8333333333333334, current: 1, more_50: 1.1, saturation: 1.5}
      maintain: {none: 0.5, half: 0.8333333333333334, current: 1, more_50: 1.1, saturation: 1.5}
      minimal: {none: 0.5, half: 0.8333333333333334, current: 1, more_50: 1.1, saturation: 1.5}
    """)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", "plan", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("plan")
    clients, grid, norms = folder / "clients.csv", folder / "grid.yaml", folder / "norms.yaml"
    frame = client_frame().drop(columns="period")
    frame["last_visit"] = frame["last_visit"].dt.strftime("%Y-%m-%d")
    frame.to_csv(clients, index=False)
    grid.write_text(GRID, encoding="utf-8")
    norms.write_text(NORMS, encoding="utf-8")
    return clients, grid, norms


@pytest.fixture(scope="module")
def planned(files) -> subprocess.CompletedProcess:
    clients, grid, norms = files
    return run(str(clients), "--grid", str(grid), "--norms", str(norms))


def test_one_row_per_client_with_exactly_the_plan_columns(planned):
    done = planned
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(io.StringIO(done.stdout))
    assert list(out.columns) == ["client_id", "salesperson", "segment", "visits_current",
                                 "visits_recommended", "expected_revenue_current",
                                 "expected_revenue_recommended"]
    assert list(out["client_id"]) == ["a1", "a2", "a3", "a4", "b1", "b2", "b3"]
    assert list(out["segment"]) == ["develop", "develop", "partners", "maintain", "partners",
                                    "minimal", "maintain"]
    assert list(out["visits_current"]) == [2, 0, 5, 4, 3, 1, 6]
    totals = out.groupby("salesperson")["visits_recommended"].sum()
    assert totals.to_dict() == {"Ana": 20, "Ben": 20}  # capacity 2 × 10, used in full
    a1 = out.set_index("client_id").loc["a1"]
    # a1, visited twice: r(x) = 0.5 + x / (2 + x); today's 2 visits give r = 1.
    assert a1["expected_revenue_current"] == pytest.approx(40_000, abs=0.01)
    assert a1["expected_revenue_recommended"] == pytest.approx(
        40_000 * (0.5 + a1["visits_recommended"] / (2 + a1["visits_recommended"])), abs=0.01)


def test_a_summary_per_rep_on_standard_error(planned):
    lines = planned.stderr.splitlines()
    # The reader's warnings come first (a2 has no last visit: allowed).
    assert lines[0].startswith("clients.csv: warning: column 'last_visit'")
    assert lines[1] == "plan: 2 rep(s), 7 client(s); capacity 2 visits a day × 10 field days"
    ana = next(line for line in lines if line.startswith("Ana:"))
    # Revenue today is the file's (40 000 + 20 000 + 90 000 + 40 000), and the plan adds what
    # the curves expect from the recommended visits over today's, per client of the output.
    assert ana.startswith("Ana: 4 clients, capacity 20, workload 29, utilisation 145%, "
                          "visits recommended 20, revenue today 190,000 → planned ")
    out = pd.read_csv(io.StringIO(planned.stdout))
    mine = out[out["salesperson"] == "Ana"]
    gain = (mine["expected_revenue_recommended"] - mine["expected_revenue_current"]).sum()
    assert f"planned {190_000 + gain:,.0f} ({gain / 190_000:+.1%})" in ana
    assert "value of a visit-day " in ana
    ben = next(line for line in lines if line.startswith("Ben:"))
    assert ben.startswith("Ben: 3 clients, capacity 20, workload 14, utilisation 70%, "
                          "visits recommended 20")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_out_writes_the_format_of_its_extension(files, tmp_path, suffix):
    clients, grid, norms = files
    target = tmp_path / f"plan{suffix}"
    done = run(str(clients), "--grid", str(grid), "--norms", str(norms), "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    back = {".csv": pd.read_csv, ".xlsx": pd.read_excel, ".parquet": pd.read_parquet}[suffix](target)
    assert len(back) == 7
    assert list(back.columns)[:3] == ["client_id", "salesperson", "segment"]


def test_the_shipped_grid_and_norms_plan_the_demo(tmp_path):
    demo = tmp_path / "demo.csv"
    made = subprocess.run([sys.executable, "-m", "portfolio", "demo", "--out", str(demo)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    done = run(str(demo))
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(io.StringIO(done.stdout))
    assert len(out) == 2000
    per_rep = out.groupby("salesperson")["visits_recommended"].sum()
    assert (per_rep <= 720).all()  # 4 visits a day × 180 days
    assert sum(line.count("clients, capacity 720") for line in done.stderr.splitlines()) == 12


def _refused(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    return done.stderr


def test_a_file_without_a_required_column_is_refused(files, tmp_path):
    _, grid, norms = files
    bad = tmp_path / "bad.csv"
    client_frame().drop(columns=["revenue", "period"]).to_csv(bad, index=False)
    stderr = _refused(run(str(bad), "--grid", str(grid), "--norms", str(norms)))
    assert "revenue" in stderr


def test_a_missing_file_is_refused(files, tmp_path):
    _, grid, norms = files
    stderr = _refused(run(str(tmp_path / "none.csv"), "--grid", str(grid), "--norms", str(norms)))
    assert "file not found" in stderr


def test_a_broken_grid_is_refused(files, tmp_path):
    clients, _, norms = files
    grid = tmp_path / "broken.yaml"
    grid.write_text(GRID.replace("weight: 1,", "weight: heavy,", 1), encoding="utf-8")
    stderr = _refused(run(str(clients), "--grid", str(grid), "--norms", str(norms)))
    assert "broken.yaml:" in stderr and "weight" in stderr


@pytest.mark.parametrize("change, said", [
    # Judgements that decrease: more visits would bring less revenue.
    (("saturation: 1.5}", "saturation: 1.0}"), ["norms.yaml:", "saturation"]),
    # A segment id the grid does not have (a typo): named, with the grid's own.
    (("    develop: {min", "    develope: {min"), ["visits.segments.develope", "develop"]),
], ids=["decreasing judgements", "segment not in the grid"])
def test_bad_norms_are_refused(files, tmp_path, change, said):
    clients, grid, _ = files
    norms = tmp_path / "norms.yaml"
    norms.write_text(NORMS.replace(*change, 1), encoding="utf-8")
    stderr = _refused(run(str(clients), "--grid", str(grid), "--norms", str(norms)))
    assert all(text in stderr for text in said), stderr


def test_a_bad_output_extension_is_refused_before_any_work(files, tmp_path):
    clients, grid, norms = files
    stderr = _refused(run(str(clients), "--grid", str(grid), "--norms", str(norms),
                          "--out", str(tmp_path / "plan.txt")))
    assert ".csv, .xlsx or .parquet" in stderr
