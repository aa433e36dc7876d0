"""A file holding several periods of one portfolio: each client once per period."""

from __future__ import annotations

from portfolio.reading import read_client_file

HEADER = "client_id;client_name;salesperson;revenue;potential;period\n"


def test_the_same_client_in_two_periods_is_not_a_duplicate(tmp_path):
    path = tmp_path / "two_periods.csv"
    path.write_text(HEADER + "007;Acme;Ann;10;100;2026-Q2\n007;Acme;Ann;12;100;2026-Q3\n",
                    encoding="utf-8")
    result = read_client_file(path)
    assert result.report.errors == []
    assert list(result.frame["client_id"]) == ["007", "007"]
    assert list(result.frame["period"]) == ["2026-Q2", "2026-Q3"]


def test_the_same_client_twice_in_one_period_still_is(tmp_path):
    path = tmp_path / "repeated.csv"
    path.write_text(HEADER + "007;Acme;Ann;10;100;2026-Q3\n008;Beta;Bob;1;5;2026-Q3\n"
                    "007;Acme;Ann;12;100;2026-Q3\n", encoding="utf-8")
    errors = read_client_file(path).report.errors
    assert [(e.code, e.row, e.value) for e in errors] == [("duplicate_id", 4, "007")]
    assert "row 2" in errors[0].reason
