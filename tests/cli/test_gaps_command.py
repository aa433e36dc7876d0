"""`python -m portfolio gaps`, run as a user runs it, on a hand-checked two-rep team."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from tests.cut_grid import cut_grid_yaml

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ["salesperson", "segment", "clients", "client_share", "revenue", "revenue_share",
           "target_share", "gap", "within_tolerance"]

# Attractiveness: potential ≥ 100,000 → high; QRC: share of wallet ≥ 0.5 → high.
GRID = cut_grid_yaml("Gaps test grid", ("develop", "partners", "maintain", "minimal"))

VISITS = textwrap.dedent("""\
    visits:
      capacity: {visits_per_day: 4, field_days: 180}
      segments:
        develop: {min: 4, norm: 8, max: 12}
        partners: {min: 6, norm: 10, max: 16}
        maintain: {min: 1, norm: 3, max: 4}
        minimal: {min: 0, norm: 1, max: 1}
    """)

# A zero target for minimal; a tolerance of 10 points that two of Ben's gaps sit exactly on.
NORMS = textwrap.dedent("""\
    version: 1
    structure:
      tolerance: 0.10
      judged_from_clients: 4
      targets:
        develop: {clients: 0.4}
        partners: {clients: 0.3}
        maintain: {clients: 0.3}
        minimal: {clients: 0.0}
    """) + VISITS

CLIENTS = [
    # id,  rep,   region,  potential, revenue → segment (by hand)
    ("a1", "Ana", "north", 200_000, 20_000),   # sow 0.10, attractive → develop
    ("a2", "Ana", "north", 300_000, 30_000),   # 0.10 → develop
    ("a3", "Ana", "north", 150_000, 120_000),  # 0.80 → partners
    ("a4", "Ana", "north", 50_000, 40_000),    # 0.80, small → maintain; Ana has no minimal
    ("b1", "Ben", "south", 400_000, 300_000),  # 0.75 → partners
    ("b2", "Ben", "south", 20_000, 2_000),     # 0.10, small → minimal
    ("b3", "Ben", "south", 80_000, 60_000),    # 0.75, small → maintain
    ("b4", "Ben", "south", 90_000, 9_000),     # 0.10, small → minimal
    ("b5", "Ben", "south", 120_000, 12_000),   # 0.10 → develop
]

# By hand. Ana: 4 clients, revenue 210,000; Ben: 5 clients, revenue 383,000. Both are
# judged (judged_from_clients: 4), Ana within ±25 points (one client in four), Ben ±20.
EXPECTED = [
    # rep, segment, clients, client_share, revenue, revenue_share, target, gap, within
    ("Ana", "develop", 2, 0.5, 50_000, 50 / 210, 0.4, 0.1, True),   # exactly on the tolerance
    ("Ana", "partners", 1, 0.25, 120_000, 120 / 210, 0.3, -0.05, True),
    ("Ana", "maintain", 1, 0.25, 40_000, 40 / 210, 0.3, -0.05, True),
    ("Ana", "minimal", 0, 0.0, 0, 0.0, 0.0, 0.0, True),             # no client, zero target
    ("Ben", "develop", 1, 0.2, 12_000, 12 / 383, 0.4, -0.2, True),   # one client short: on it
    ("Ben", "partners", 1, 0.2, 300_000, 300 / 383, 0.3, -0.1, True),
    ("Ben", "maintain", 1, 0.2, 60_000, 60 / 383, 0.3, -0.1, True),
    ("Ben", "minimal", 2, 0.4, 11_000, 11 / 383, 0.0, 0.4, False),  # 40 points over a zero target
]


def with_override(column: str, value: str, shares: str) -> str:
    """NORMS with one override (client shares of develop, partners, maintain, minimal)."""
    develop, partners, maintain, minimal = shares.split(", ")
    override = (f"  overrides:\n"
                f"    - scope: {{column: {column}, value: {value}}}\n"
                f"      targets:\n"
                f"        develop: {{clients: {develop}}}\n"
                f"        partners: {{clients: {partners}}}\n"
                f"        maintain: {{clients: {maintain}}}\n"
                f"        minimal: {{clients: {minimal}}}\n")
    return NORMS.replace(VISITS, "") + override + VISITS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", "gaps", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("gaps")
    clients, grid, norms = folder / "clients.csv", folder / "grid.yaml", folder / "norms.yaml"
    frame = pd.DataFrame(CLIENTS, columns=["client_id", "salesperson", "region", "potential",
                                           "revenue"])
    frame.insert(1, "client_name", "Client " + frame["client_id"])
    frame["share_of_wallet"] = frame["revenue"] / frame["potential"]
    frame.to_csv(clients, index=False)
    grid.write_text(GRID, encoding="utf-8")
    norms.write_text(NORMS, encoding="utf-8")
    return clients, grid, norms


@pytest.fixture(scope="module")
def gaps(files) -> subprocess.CompletedProcess:
    clients, grid, norms = files
    return run(str(clients), "--grid", str(grid), "--norms", str(norms))


def test_one_row_per_rep_and_segment_with_exactly_the_gap_columns(gaps):
    assert gaps.returncode == 0, gaps.stderr
    out = pd.read_csv(io.StringIO(gaps.stdout))
    assert list(out.columns) == COLUMNS
    assert list(zip(out["salesperson"], out["segment"])) == [row[:2] for row in EXPECTED]


def test_the_shares_and_gaps_are_those_worked_out_by_hand(gaps):
    out = pd.read_csv(io.StringIO(gaps.stdout))
    expected = pd.DataFrame(EXPECTED, columns=COLUMNS)
    assert list(out["clients"]) == list(expected["clients"])
    for column in ("client_share", "revenue", "revenue_share", "target_share", "gap"):
        assert list(out[column]) == pytest.approx(list(expected[column]), abs=1e-8), column
    assert list(out["within_tolerance"]) == list(expected["within_tolerance"])


def test_a_rep_with_no_client_in_a_segment_gets_a_zero_row(gaps):
    out = pd.read_csv(io.StringIO(gaps.stdout)).set_index(["salesperson", "segment"])
    ana_minimal = out.loc[("Ana", "minimal")]
    assert ana_minimal["clients"] == 0 and ana_minimal["revenue"] == 0
    assert ana_minimal["client_share"] == 0 and ana_minimal["gap"] == 0


def test_an_override_for_a_region_replaces_the_targets_of_its_reps(files, tmp_path):
    clients, grid, _ = files
    norms = tmp_path / "norms.yaml"
    # Ben's clients are all in the south: his targets become his own mix, so his gaps are 0.
    norms.write_text(with_override("region", "South", "0.2, 0.2, 0.2, 0.4"), encoding="utf-8")
    done = run(str(clients), "--grid", str(grid), "--norms", str(norms))
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(io.StringIO(done.stdout))
    ben = out[out["salesperson"] == "Ben"]
    assert list(ben["target_share"]) == pytest.approx([0.2, 0.2, 0.2, 0.4])
    assert list(ben["gap"]) == pytest.approx([0, 0, 0, 0], abs=1e-8)
    ana = out[out["salesperson"] == "Ana"]
    assert list(ana["target_share"]) == pytest.approx([0.4, 0.3, 0.3, 0.0])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_out_writes_the_format_of_its_extension(files, tmp_path, suffix):
    clients, grid, norms = files
    target = tmp_path / f"gaps{suffix}"
    done = run(str(clients), "--grid", str(grid), "--norms", str(norms), "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    back = {".csv": pd.read_csv, ".xlsx": pd.read_excel, ".parquet": pd.read_parquet}[suffix](target)
    assert list(back.columns) == COLUMNS
    assert list(back["gap"]) == pytest.approx([row[7] for row in EXPECTED], abs=1e-8)


def test_a_broken_norms_file_exits_2_with_its_line_and_key(files, tmp_path):
    clients, grid, _ = files
    broken = tmp_path / "broken.yaml"
    broken.write_text(NORMS.replace("tolerance: 0.10", "tolerance: 1.5")
                      .replace("minimal: {clients: 0.0}", "minimal: {clients: 0.0, visits: 3}"),
                      encoding="utf-8")
    done = run(str(clients), "--grid", str(grid), "--norms", str(broken))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    # tolerance is on line 3 of the file, minimal's target on line 9.
    assert any(line.startswith("broken.yaml:3: structure.tolerance: ") for line in lines), lines
    assert any(line.startswith("broken.yaml:9: structure.targets.minimal.visits: ")
               for line in lines), lines


def test_norms_that_do_not_fit_the_grid_exit_2(files, tmp_path):
    clients, grid, _ = files
    other = tmp_path / "other.yaml"
    other.write_text(NORMS.replace("develop: {clients: 0.4}", "grow: {clients: 0.4}", 1),
                     encoding="utf-8")
    done = run(str(clients), "--grid", str(grid), "--norms", str(other))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "grow" in done.stderr and "develop" in done.stderr


def test_a_client_file_missing_a_required_column_exits_2(files, tmp_path):
    _, grid, norms = files
    bad = tmp_path / "bad.csv"
    bad.write_text("client_id,client_name,salesperson,potential\nx1,X,Ana,1000\n", encoding="utf-8")
    done = run(str(bad), "--grid", str(grid), "--norms", str(norms))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "revenue" in done.stderr and done.stdout == ""


def test_a_broken_grid_and_a_bad_output_extension_exit_2(files, tmp_path):
    clients, _, norms = files
    grid = tmp_path / "grid.yaml"
    grid.write_text(GRID.replace("version: 1", "version: 7"), encoding="utf-8")
    done = run(str(clients), "--grid", str(grid), "--norms", str(norms))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("grid.yaml:2: version: ")
    done = run(str(clients), "--norms", str(norms), "--out", str(tmp_path / "gaps.txt"))
    assert done.returncode == 2 and ".csv, .xlsx or .parquet" in done.stderr


def test_an_override_on_a_column_the_file_lacks_exits_2(files, tmp_path):
    clients, grid, _ = files
    norms = tmp_path / "norms.yaml"
    norms.write_text(with_override("team", "east", "0.2, 0.2, 0.2, 0.4"), encoding="utf-8")
    done = run(str(clients), "--grid", str(grid), "--norms", str(norms))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "clients.csv: " in done.stderr and "'team'" in done.stderr


def test_the_shipped_grid_and_norms_compare_the_demo(tmp_path):
    demo = tmp_path / "demo.csv"
    made = subprocess.run([sys.executable, "-m", "portfolio", "demo", "--out", str(demo)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    done = run(str(demo))
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(io.StringIO(done.stdout))
    # The demo's story: the loyal rep is mostly small loyal clients, the other mostly strongholds.
    dominant = out.loc[out.groupby("salesperson")["client_share"].idxmax()].set_index("salesperson")
    assert dominant.loc["Claire Martin", "segment"] == "maintain"
    assert dominant.loc["Julien Moreau", "segment"] == "develop"
    assert list(out.groupby("salesperson")["client_share"].sum()) == pytest.approx([1.0] * 12)
