"""Files that ask for more work than the reading limits allow are refused with the
limit, what was found and where, and the database is byte-for-byte what it was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from portfolio.importing import import_file
from portfolio.problems import InputError
from portfolio.reading import ReadOptions, read_client_file
from portfolio.settings import ReadLimits
from portfolio.store.opening import open_store
from tests.corpus import limits as corpus
from tests.importing import both_stores
from tests.importing.snapshot import snapshot

seeded_db = both_stores.seeded_db  # every test of this module on a DuckDB file and on PostgreSQL


@dataclass(frozen=True)
class Refused:
    """The blocking problem expected, and words its English reason must hold (the
    limit and what was found, written as the user reads them)."""

    code: str
    row: int | None
    column: str | None
    says: tuple[str, ...]
    limits: ReadLimits = ReadLimits()


CASES: dict[str, tuple[Callable[[Path], Path], Refused]] = {
    # 20 rows of 10,000 columns took over 600 s and 1.8 GB before the limit.
    "ten_thousand_columns": (corpus.wide_csv, Refused(
        "too_many_columns", 1, None, ("10,000 columns", "limit is 500", "PORTFOLIO_MAX_COLUMNS"))),
    "columns_over_a_lowered_limit": (lambda d: corpus.wide_csv(d, columns=40), Refused(
        "too_many_columns", 1, None, ("40 columns", "limit is 30"), ReadLimits(columns=30))),
    "cell_of_40_000_characters": (corpus.long_cell_csv, Refused(
        "cell_too_long", 3, "Raison sociale", ("40,000 characters", "32,767"))),
    "rows_over_the_limit": (lambda d: corpus.many_rows_csv(d, 12), Refused(
        "too_many_rows", None, None, ("more than 10 rows", "PORTFOLIO_MAX_ROWS"),
        ReadLimits(rows=10))),
    # One 1 MB shared string as the name of 20,000 clients: 20 GB once in its cells.
    "megabyte_string_shared_by_20_000_cells": (corpus.repeated_megabyte, Refused(
        "cell_too_long", 2, "Raison sociale", ("1,048,576 characters", "32,767"))),
    # The header's texts are 46 characters, each client row 1,003 (its name and "Léa"):
    # 46 + 1,003 × 2,091 passes 2 MB (2,097,152) on the 2,091st client, sheet row 2,092.
    "text_of_the_sheet_over_its_limit": (
        lambda d: corpus.repeated_under_the_cell_limit(d, chars=1_000, cells=3_000), Refused(
            "sheet_text_too_big", 2092, None, ("'Clients'", "more than 2 MB", "row 2092",
                                                "PORTFOLIO_MAX_XLSX_TEXT_MB"),
            ReadLimits(xlsx_text_bytes=2 * 1024 * 1024))),
    "shared_strings_over_their_limit": (corpus.big_shared_strings, Refused(
        "shared_strings_too_big", None, None, ("more than 1 MB", "PORTFOLIO_MAX_SHARED_STRINGS_MB"),
        ReadLimits(shared_string_bytes=1024 * 1024))),
    "stray_cell_far_to_the_right": (corpus.far_right_cell, Refused(
        "too_many_columns", 3, None, ("Row 3 reaches column 600", "limit is 500 columns"))),
    # Five cells a row: row 21 takes the sheet to 105 cells.
    "sheet_cells_over_the_limit": (lambda d: corpus.client_workbook(d, 30), Refused(
        "too_many_cells", 21, None, ("'Clients'", "more than 100 cells", "row 21"),
        ReadLimits(xlsx_cells=100))),
    "sheet_rows_over_the_limit": (lambda d: corpus.client_workbook(d, 12), Refused(
        "too_many_rows", None, None, ("more than 10 rows",), ReadLimits(rows=10))),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_file_past_a_limit_is_refused_and_the_database_is_unchanged(case, seeded_db, files):
    build, refused = CASES[case]
    path = build(files)
    before = snapshot(seeded_db)
    store = open_store(seeded_db)
    try:
        with pytest.raises(InputError) as raised:
            import_file(store, path, options=ReadOptions(limits=refused.limits))
    finally:
        store.close()
    blocking = [p for p in raised.value.problems if p.blocking]
    assert [p.code for p in blocking] == [refused.code], [p.describe() for p in blocking]
    problem = blocking[0]
    assert (problem.row, problem.column) == (refused.row, refused.column)
    for words in refused.says:
        assert words in problem.reason, problem.reason
    assert snapshot(seeded_db) == before


def test_each_refusal_is_said_in_french_with_the_same_figures(files):
    path = corpus.long_cell_csv(files)
    [problem] = [p for p in read_client_file(path).report.problems if p.blocking]
    french = problem.text("fr")
    assert "40 000 caractères" in french.replace("\u202f", " ").replace("\u00a0", " ")
    assert french != problem.reason


def test_the_limits_come_from_the_environment(files, monkeypatch):
    path = corpus.wide_csv(files, columns=12, rows=2)
    assert not [p for p in read_client_file(path).report.problems if p.blocking]
    monkeypatch.setenv("PORTFOLIO_MAX_COLUMNS", "10")
    [problem] = [p for p in read_client_file(path).report.problems if p.blocking]
    assert problem.code == "too_many_columns" and "limit is 10" in problem.reason


def test_a_file_just_within_the_limits_is_read(files):
    path = corpus.wide_csv(files, columns=30, rows=10)
    result = read_client_file(path, ReadOptions(limits=ReadLimits(columns=30, rows=10)))
    assert not [p for p in result.report.problems if p.blocking]
    assert result.row_count == 10
    assert list(result.frame.columns[-2:]) == ["Col 29", "source_row"]
