"""`python -m portfolio plan` says when its rules for the file's data apply: a capacity far
beyond the workload, no visit counts, no visit dates (team of tests/planning/conftest.py)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.cli.test_plan_command import GRID, NORMS, run
from tests.planning.conftest import client_frame


@pytest.fixture
def grid(tmp_path):
    path = tmp_path / "grid.yaml"
    path.write_text(GRID, encoding="utf-8")
    return path


def _clients(path, frame: pd.DataFrame):
    if "last_visit" in frame:
        frame["last_visit"] = frame["last_visit"].dt.strftime("%Y-%m-%d")
    frame.drop(columns="period").to_csv(path, index=False)
    return path


def test_a_rep_with_far_more_capacity_is_planned_at_the_norms(tmp_path, grid):
    norms = tmp_path / "norms.yaml"
    # 2 × 30 = 60 visits: Ben's maximums (16 + 1 + 4 = 21) use under half; Ana's (44) do not.
    norms.write_text(NORMS.replace("field_days: 10", "field_days: 30"), encoding="utf-8")
    done = run(str(_clients(tmp_path / "c.csv", client_frame())), "--grid", str(grid), "--norms", str(norms))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    print("\n".join(lines))
    assert ("plan: 1 rep(s) with a capacity far beyond the workload (every client at its maximum "
            "would use under 50% of the capacity): planned at the norms, not at the maximum") in lines
    ben = next(line for line in lines if line.startswith("Ben:"))
    # The norms: partners 10, minimal 1, maintain 3 = 14 of 60; 46 free. Revenue 242 000, and
    # at the norms 180 000 × (0.5 + 10/13) + 2 000 × 1 + 60 000 × (0.5 + 3/9) = 280 461.54.
    assert ben.startswith("Ben: 3 clients, capacity 60, workload 14, utilisation 23%, "
                          "visits recommended 14, revenue today 242,000 → planned 280,462 (+15.9%), "
                          "value of a visit-day 0")
    assert ben.endswith("; capacity surplus: 46 visits a year are not needed by the norms: "
                        "time for prospecting / new clients")
    ana = next(line for line in lines if line.startswith("Ana:"))
    assert "visits recommended 44" in ana and "surplus" not in ana
    out = pd.read_csv(io.StringIO(done.stdout)).set_index("client_id")
    assert out.loc[["b1", "b2", "b3"], "visits_recommended"].tolist() == [10, 1, 3]


def test_a_file_without_visits_says_so_and_gains_against_the_norms(tmp_path, grid):
    norms = tmp_path / "norms.yaml"
    norms.write_text(NORMS, encoding="utf-8")
    bare = client_frame().drop(columns=["visits_12m", "last_visit"])
    done = run(str(_clients(tmp_path / "c.csv", bare)), "--grid", str(grid), "--norms", str(norms))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    print("\n".join(lines))
    assert ("plan: 2 rep(s) with no visit data: today's visits are unknown (not 0); their gain is "
            "against visits at the norms") in lines
    assert 'plan: the file holds no visit dates: urgency is unknown ("no visit date"), not "never visited"' in lines
    for rep in ("Ana:", "Ben:"):
        line = next(line for line in lines if line.startswith(rep))
        assert line.endswith("; no visit data: today's visits unknown, gain against visits at the norms")
    out = pd.read_csv(io.StringIO(done.stdout)).set_index("client_id")
    assert out["visits_current"].isna().all()
    # Placed on its norm, each client's expected revenue "today" is its revenue (r = 1), not r(0).
    assert out["expected_revenue_current"].to_dict() == {
        "a1": 40_000, "a2": 20_000, "a3": 90_000, "a4": 40_000, "b1": 180_000, "b2": 2_000, "b3": 60_000}
