"""Dates in CSV files: ISO, French day first, with or without a time; refusals."""

from __future__ import annotations

import pandas as pd

from tests.reading.helpers import FR_HEADER, only, read, write_csv


def visits(tmp_path, cells: list[str]):
    lines = [f"{FR_HEADER};Dernière visite"] + [
        f"C{i};Client {i};Léa;10;100;{cell}" for i, cell in enumerate(cells)]
    return read(write_csv(tmp_path, lines))


def test_iso_and_french_dates(tmp_path):
    result = visits(tmp_path, ["2026-03-31", "31/03/2026", "1/3/2026", "31/03/26", "2026-03-31 14:05:00",
                               "05/04/2026 09:30"])
    assert result.report.ok
    assert result.frame["last_visit"].tolist() == [
        pd.Timestamp("2026-03-31"), pd.Timestamp("2026-03-31"), pd.Timestamp("2026-03-01"),
        pd.Timestamp("2026-03-31"), pd.Timestamp("2026-03-31"), pd.Timestamp("2026-04-05")]
    assert str(result.frame["last_visit"].dtype).startswith("datetime64")


def test_day_comes_first(tmp_path):
    # 04/03/2026 is the 4th of March, not April 3rd.
    assert visits(tmp_path, ["04/03/2026"]).frame["last_visit"].tolist() == [pd.Timestamp("2026-03-04")]


def test_unreadable_dates_are_blocking_with_the_cell_text(tmp_path):
    result = visits(tmp_path, ["2026-03-31", "03/31/2026", "hier", "31/03/0026", "46112"])
    problems = only(result, "bad_date")
    assert [(p.row, p.column, p.value) for p in problems] == [
        (3, "Dernière visite", "03/31/2026"), (4, "Dernière visite", "hier"),
        (5, "Dernière visite", "31/03/0026"), (6, "Dernière visite", "46112")]
    assert all(p.blocking for p in problems)
    assert "31/03/2026" in problems[0].reason


def test_empty_dates_are_fine_with_one_summary_warning(tmp_path):
    result = visits(tmp_path, ["", "2026-01-02", "", ""])
    assert result.report.ok
    assert result.frame["last_visit"].isna().tolist() == [True, False, True, True]
    [note] = only(result, "empty_cells")
    assert note.row is None and note.column == "Dernière visite"
    assert note.reason.startswith("3 rows have no value") and "rows 2, 4, 5" in note.reason
