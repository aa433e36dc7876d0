"""A real public CRM export (Maven Analytics' CRM Sales Opportunities, a subset: see
tests/data/README.md) built into a client file, imported, and checked against figures
computed here directly from the raw tables with pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
CRM = ROOT / "tests" / "data" / "crm"
# 6 months ending 2017-12-31: the window is 2017-07-01 to 2017-12-31, the one before
# 2017-01-01 to 2017-06-30.
WINDOW = (pd.Timestamp("2017-07-01"), pd.Timestamp("2017-12-31"))
PREVIOUS = (pd.Timestamp("2017-01-01"), pd.Timestamp("2017-06-30"))
RATE = 50  # potential = 50 × the company's revenue (accounts.csv, in millions)


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def won_deals() -> pd.DataFrame:
    deals = pd.read_csv(CRM / "sales_pipeline.csv", parse_dates=["close_date"])
    return deals[deals["deal_stage"] == "Won"]


def in_window(deals: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.DataFrame:
    return deals[(deals["close_date"] >= window[0]) & (deals["close_date"] <= window[1])]


def build_and_import(tmp_path: Path, shared: str) -> pd.DataFrame:
    out = tmp_path / f"clients_{shared}.csv"
    built = run("build-clients", CRM / "sales_pipeline.csv", "--accounts", CRM / "accounts.csv",
                "--families", CRM / "products.csv", "--won", "Won", "--window", "6m",
                "--as-of", "2017-12-31", "--estimate", f"company_revenue={RATE}",
                "--shared", shared, "--out", out)
    assert built.returncode == 0, built.stderr
    assert "clients are sold by several reps" in built.stderr
    db = tmp_path / "store.duckdb"
    imported = run("import", out, "--dataset", f"crm {shared}", "--period", "2017-H2", "--db", db)
    assert imported.returncode == 0, imported.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        [(dataset_id,)] = con.execute("SELECT dataset_id FROM datasets WHERE name = ?",
                                      [f"crm {shared}"]).fetchall()
        return con.execute(f"SELECT * FROM clients_{int(dataset_id)}").df()
    finally:
        con.close()


@pytest.fixture(scope="module")
def expected() -> dict[str, pd.DataFrame]:
    won = won_deals()
    current, previous = in_window(won, WINDOW), in_window(won, PREVIOUS)
    both = pd.concat([current, previous])
    accounts = pd.read_csv(CRM / "accounts.csv").set_index("account")
    series = pd.read_csv(CRM / "products.csv").set_index("product")["series"]
    per_client = pd.DataFrame({
        "revenue": current.groupby("account")["close_value"].sum(),
        "revenue_previous": previous.groupby("account")["close_value"].sum(),
    }).reindex(sorted(both["account"].unique())).fillna(0)
    per_client["families"] = (current.assign(series=current["product"].map(series))
                              .groupby("account")["series"].nunique())
    per_client["families"] = per_client["families"].fillna(0)
    estimate = accounts["revenue"].reindex(per_client.index) * RATE
    per_client["potential"] = estimate.where(estimate > per_client["revenue"],
                                             per_client["revenue"])
    per_client["company_revenue"] = accounts["revenue"].reindex(per_client.index)
    per_rep = pd.DataFrame({
        "revenue": current.groupby(["account", "sales_agent"])["close_value"].sum(),
    }).reindex(both.groupby(["account", "sales_agent"]).size().index).fillna(0)
    return {"client": per_client, "rep": per_rep}


def test_main_mode_matches_the_raw_tables(tmp_path, expected):
    stored = build_and_import(tmp_path, "main").set_index("client_id").sort_index()
    per_client, per_rep = expected["client"], expected["rep"]
    assert list(stored.index) == list(per_client.index)
    assert stored["revenue"].sum() == per_client["revenue"].sum()
    assert stored["revenue"].to_dict() == per_client["revenue"].to_dict()
    assert stored["revenue_previous"].to_dict() == per_client["revenue_previous"].to_dict()
    assert stored["product_families"].to_dict() == per_client["families"].astype(int).to_dict()
    assert stored["potential"].to_dict() == pytest.approx(per_client["potential"].to_dict())
    # The accounts' `revenue` is the company's size, kept apart from our revenue.
    assert stored["company_revenue"].to_dict() == per_client["company_revenue"].to_dict()
    reps = per_rep.reset_index()
    for client, rows in reps.groupby("account"):
        top = rows["revenue"].max()
        owner = stored.loc[client, "salesperson"]
        assert rows.set_index("sales_agent").loc[owner, "revenue"] == top, client
        team = stored.loc[client, "team"]
        named = {owner} | (set(team.split(", ")) if isinstance(team, str) else set())
        assert named == set(rows["sales_agent"]), client
    assert set(stored["salesperson"]) <= set(reps["sales_agent"])


def test_split_mode_adds_up_to_the_raw_tables(tmp_path, expected):
    stored = build_and_import(tmp_path, "split")
    per_client, per_rep = expected["client"], expected["rep"]
    assert len(stored) == len(per_rep) and stored["client_id"].is_unique
    assert set(stored["salesperson"]) == set(per_rep.index.get_level_values("sales_agent"))
    assert stored["original_client_id"].nunique() == len(per_client)
    by_rep = stored.groupby("salesperson")["revenue"].sum()
    assert by_rep.to_dict() == per_rep.groupby("sales_agent")["revenue"].sum().to_dict()
    by_pair = stored.set_index(["original_client_id", "salesperson"])["revenue"].sort_index()
    assert by_pair.to_dict() == per_rep["revenue"].sort_index().to_dict()
    potential = stored.groupby("original_client_id")["potential"].sum()
    assert potential.to_dict() == pytest.approx(per_client["potential"].to_dict())
    assert stored["potential"].sum() == pytest.approx(per_client["potential"].sum())


@pytest.mark.parametrize("shared", ["main", "split"])
def test_importing_a_built_file_reports_only_the_columns_the_user_brought(tmp_path, shared):
    out = tmp_path / "clients.csv"
    built = run("build-clients", CRM / "sales_pipeline.csv", "--accounts", CRM / "accounts.csv",
                "--won", "Won", "--estimate", f"company_revenue={RATE}", "--shared", shared,
                "--out", out)
    assert built.returncode == 0, built.stderr
    imported = run("import", out, "--dataset", "crm", "--db", tmp_path / "store.duckdb")
    assert imported.returncode == 0, imported.stderr
    said = {line.split("'")[1] for line in imported.stderr.splitlines()
            if "not one of the contract's" in line}
    # The accounts file's own columns are the user's to rename or map; what the build
    # writes (team, growth, orders…) is not.
    assert said == {"company_revenue", "employees", "year_established", "subsidiary_of"}
