"""Duplicate client ids: every repeat is reported with the row it repeats."""

from __future__ import annotations

from tests.reading.helpers import FR_HEADER, only, read, write_csv


def test_identical_and_conflicting_repeats_are_told_apart(tmp_path):
    lines = [FR_HEADER, "01234;Alpha;Léa;10;20", "C2;Beta;Léa;1;2", "01234;Alpha;Léa;10;20",
             "01234;Alpha bis;Léa;10;20", "C2;Beta;Paul;1;2"]
    result = read(write_csv(tmp_path, lines))
    problems = only(result, "duplicate_id")
    assert [(p.row, p.column, p.value) for p in problems] == [
        (4, "Code client", "01234"), (5, "Code client", "01234"), (6, "Code client", "C2")]
    assert all(p.blocking for p in problems)
    assert "row 2" in problems[0].reason and "identical" in problems[0].reason
    assert "row 2" in problems[1].reason and "different values" in problems[1].reason
    # C2 again, under Paul where row 3 has Léa: a shared account, with its ways out.
    assert "row 3 under another rep ('Léa')" in problems[2].reason


def test_ids_are_compared_as_text(tmp_path):
    # 01234 and 1234 are two clients: ids keep their leading zeros.
    lines = [FR_HEADER, "01234;A;Léa;1;2", "1234;B;Léa;1;2", " 1234 ;C;Léa;1;2"]
    result = read(write_csv(tmp_path, lines))
    assert result.frame["client_id"].tolist() == ["01234", "1234", "1234"]
    assert [(p.row, p.value) for p in only(result, "duplicate_id")] == [(4, "1234")]


def test_empty_ids_are_missing_not_duplicates(tmp_path):
    result = read(write_csv(tmp_path, [FR_HEADER, ";A;Léa;1;2", ";B;Léa;1;2"]))
    assert [(p.code, p.row) for p in result.report.errors] == [("missing_value", 2), ("missing_value", 3)]


def test_many_rows_without_duplicates(tmp_path):
    lines = [FR_HEADER] + [f"{i:06d};Client;Léa;1;2" for i in range(50_000)]
    assert only(read(write_csv(tmp_path, lines)), "duplicate_id") == []


def test_rows_with_an_empty_period_are_compared_with_each_other(tmp_path):
    header = FR_HEADER + ";Période"
    rows = ["C1;A;Rep;1;2;", "C2;B;Rep;1;2;2025", "C1;A;Rep;1;2;", "C4;D;Rep;1;2;2025",
            "C5;E;Rep;1;2;2025"]
    result = read(write_csv(tmp_path, [header, *rows]))
    [duplicate] = only(result, "duplicate_id")
    assert (duplicate.row, duplicate.value) == (4, "C1")


def test_a_client_listed_under_two_reps_is_said_to_be_a_shared_account(tmp_path):
    from tests.reading.helpers import FR_HEADER, only, read, write_csv

    path = write_csv(tmp_path, [FR_HEADER, "K1;Alpha;Léa;100;900", "K2;Beta;Léa;50;80",
                                "K1;Alpha;Noé;300;900"])
    [problem] = only(read(path), "duplicate_id")
    assert problem.row == 4 and problem.blocking
    assert "row 2 under another rep ('Léa'): a shared account" in problem.reason
    assert "import --shared main" in problem.reason and "--shared split" in problem.reason
    french = problem.text("fr")
    assert "compte partagé" in french and "'Léa'" in french
