"""Clients sold by several reps, in both modes, and the potential stated or estimated;
every figure expected below is worked out by hand from the lines."""

from __future__ import annotations

import pytest

from portfolio.building.accounts import OWN_COLUMNS
from portfolio.contract import CANONICAL_NAMES, canonical_column
from tests.building.helpers import built, by_id, write

# As of 2026-05-03 (the latest line), 12 months: window 04/05/2025 to 03/05/2026.
LINES = [
    "account,close_date,close_value,sales_agent,deal_stage",
    "A1,2026-05-01,600,Ann,Won",
    "A1,2026-05-02,300,Bob,Won",
    "A1,2026-05-03,100,Cid,Won",
    "A2,2026-04-01,500,Bob,Won",
    "A3,2026-03-01,200,Ann,Won",
    "A3,2026-03-02,200,Bob,Won",   # a tie in the window…
    "A3,2025-03-02,100,Bob,Won",   # …that Bob's revenue of the window before breaks
    "A3,2026-03-03,9000,Cid,Lost",
]
# `revenue` is the company's own size: it must never become our revenue.
ACCOUNTS = [
    "account,sector,revenue,employees,office_location,potential,year_established",
    "A1,retail,1200.5,40,France,4000,1990",
    "A2,medical,80,10,Kenya,,2001",   # no potential: estimated as 100 × 10 employees
    "A3,retail,15,2,France,,1975",    # 100 × 2 = 200, below our 400: raised to 400
]


@pytest.fixture
def files(tmp_path):
    return write(tmp_path, "deals.csv", LINES), write(tmp_path, "accounts.csv", ACCOUNTS)


def test_main_mode_gives_each_client_to_its_main_rep_and_lists_the_team(tmp_path, files):
    lines, accounts = files
    frame, choices = built(tmp_path, lines, accounts=accounts, won=("Won",),
                           estimate="employees=100")
    rows = by_id(frame)
    assert sorted(rows) == ["A1", "A2", "A3"]
    assert (rows["A1"]["salesperson"], rows["A1"]["team"], rows["A1"]["revenue"]) == (
        "Ann", "Bob, Cid", 1000)
    assert (rows["A2"]["salesperson"], rows["A2"]["revenue"]) == ("Bob", 500)
    assert rows["A2"]["team"] != rows["A2"]["team"]  # alone: no team
    assert (rows["A3"]["salesperson"], rows["A3"]["team"], rows["A3"]["revenue"]) == (
        "Bob", "Ann", 400)
    assert [rows[c]["reps"] for c in ("A1", "A2", "A3")] == [3, 1, 2]
    assert choices["shared_clients"] == 2 and choices["reps_per_shared_client"] == [2, 3]


def test_potential_stated_or_estimated_and_company_revenue_kept_apart(tmp_path, files):
    lines, accounts = files
    frame, choices = built(tmp_path, lines, accounts=accounts, won=("Won",),
                           estimate="employees=100")
    rows = by_id(frame)
    assert [rows[c]["potential"] for c in ("A1", "A2", "A3")] == [4000, 1000, 400]
    assert [bool(rows[c]["potential_estimated"]) for c in ("A1", "A2", "A3")] == [
        False, True, True]
    assert [rows[c]["company_revenue"] for c in ("A1", "A2", "A3")] == [1200.5, 80, 15]
    assert [rows[c]["revenue"] for c in ("A1", "A2", "A3")] == [1000, 500, 400]
    assert rows["A1"]["industry"] == "retail" and rows["A2"]["region"] == "Kenya"
    assert rows["A3"]["year_established"] == 1975
    assert (choices["potential_stated"], choices["potential_estimated"]) == (1, 2)
    assert choices["estimate_rule"] == "employees × 100"


def test_split_mode_shares_revenue_and_potential_without_counting_twice(tmp_path, files):
    lines, accounts = files
    frame, choices = built(tmp_path, lines, accounts=accounts, won=("Won",),
                           estimate="employees=100", shared="split")
    rows = by_id(frame)
    assert sorted(rows) == ["A1~1", "A1~2", "A1~3", "A2", "A3~1", "A3~2"]
    expected = {  # id: (rep, revenue, potential = client potential × rep's share)
        "A1~1": ("Ann", 600, 4000 * 0.6), "A1~2": ("Bob", 300, 4000 * 0.3),
        "A1~3": ("Cid", 100, 4000 * 0.1), "A2": ("Bob", 500, 1000),
        "A3~1": ("Ann", 200, 200), "A3~2": ("Bob", 200, 200),
    }
    for client_id, (rep, revenue, potential) in expected.items():
        row = rows[client_id]
        assert (row["salesperson"], row["revenue"]) == (rep, revenue), client_id
        assert row["potential"] == pytest.approx(potential), client_id
    assert {rows[i]["original_client_id"] for i in ("A1~1", "A1~2", "A1~3")} == {"A1"}
    # Each client's rows add up to the client, each rep's rows to the rep's own sales.
    per_client = frame.groupby("original_client_id")[["revenue", "potential"]].sum()
    assert per_client["revenue"].to_dict() == {"A1": 1000, "A2": 500, "A3": 400}
    assert per_client["potential"].to_dict() == pytest.approx({"A1": 4000, "A2": 1000, "A3": 400})
    per_rep = frame.groupby("salesperson")[["revenue", "potential"]].sum()
    assert per_rep["revenue"].to_dict() == {"Ann": 800, "Bob": 1000, "Cid": 100}
    assert per_rep["potential"].to_dict() == pytest.approx({"Ann": 2600, "Bob": 2400, "Cid": 400})
    assert frame["revenue"].sum() == 1900 and frame["potential"].sum() == pytest.approx(5400)
    assert choices["rows"] == 6 and choices["clients"] == 3


def test_rates_per_industry_override_the_rule_rate(tmp_path, files):
    lines, accounts = files
    rates = write(tmp_path, "rates.csv", ["industry;taux", "medical;250"])
    frame, _ = built(tmp_path, lines, accounts=accounts, won=("Won",),
                     estimate="employees=100", estimate_rates=rates)
    rows = by_id(frame)
    assert rows["A2"]["potential"] == 2500  # medical: 250 × 10
    assert rows["A3"]["potential"] == 400  # retail: the rule's 100 × 2, raised to revenue


def test_the_written_columns_read_back_as_intended():
    # The build's own columns must not be taken by the import for contract columns.
    for name in OWN_COLUMNS:
        assert canonical_column(name) in (None, name) and (
            canonical_column(name) is None or name in CANONICAL_NAMES), name
