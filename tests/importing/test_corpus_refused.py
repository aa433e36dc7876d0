"""Every bad file of the corpus is refused with its row, column or cause, and the
database is byte-for-byte what it was: same file bytes, same tables, same content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from portfolio.importing import import_file
from portfolio.problems import InputError, Problem
from portfolio.reading import ReadOptions
from portfolio.store.opening import open_store
from tests.corpus import files as corpus
from tests.importing import both_stores
from tests.importing.snapshot import snapshot

seeded_db = both_stores.seeded_db  # every test of this module on a DuckDB file and on PostgreSQL


@dataclass(frozen=True)
class Refusal:
    """The blocking problem expected: its code, row (as in the file), column and a
    word of its reason that tells the user the cause."""

    code: str
    row: int | None
    column: str | None
    cause: str
    options: ReadOptions = field(default_factory=ReadOptions)
    destination: dict = field(default_factory=dict)


EXPECTED: dict[str, Refusal] = {
    "missing_required_column": Refusal("missing_column", None, "potential", "potentiel"),
    "duplicate_id_same": Refusal("duplicate_id", 3, "Code client", "identical"),
    "duplicate_id_conflicting": Refusal("duplicate_id", 4, "Code client", "different values"),
    "ragged_rows": Refusal("ragged_row", 3, None, "more cells than the header"),
    "unclosed_quote": Refusal("unclosed_quote", 3, None, "quote"),
    "quote_closed_rows_later": Refusal("unclosed_quote", 3, "Raison sociale", "further down"),
    "empty_file": Refusal("empty_file", None, None, "empty"),
    "blank_lines_only": Refusal("empty_file", None, None, "no row with values"),
    "header_only": Refusal("no_rows", None, None, "no client rows"),
    "pdf_renamed": Refusal("not_a_table", None, None, "PDF"),
    "utf16_text": Refusal("bad_encoding", None, None, "UTF-16"),
    "zip_bomb": Refusal("zip_bomb", None, None, "unsafe"),
    "entity_bomb": Refusal("unsafe_xml", None, None, "entity declarations"),
    "formula_without_value": Refusal("missing_value", 2, "Potentiel", "empty"),
    "negative_revenue": Refusal("negative", 3, "CA", "negative"),
    "share_140": Refusal("out_of_range", 3, "Part de marché", "140%"),
    "revenue_not_a_number": Refusal("not_a_number", 2, "CA", "number"),
    "empty_required_value": Refusal("missing_value", 2, "Raison sociale", "required"),
    "duplicate_columns": Refusal("duplicate_column", None, "Chiffre d'affaires", "both stand for"),
    "binary_garbage": Refusal("not_a_table", None, None, "binary"),
    # The second export's byte-order mark is removed: its K1 is the first one's K1.
    "pasted_boms": Refusal("duplicate_id", 3, "Code client", "different values"),
    "nul_far_down": Refusal("bad_encoding", None, None, "Line 4002 holds a NUL byte"),
    # The row's length is the cause, not a column too many or a quote.
    "value_of_3_mb": Refusal("cell_too_long", 2, None, "far longer than a cell may hold"),
    "one_line_of_1_mb": Refusal("not_a_table", None, None, "not split into lines"),
}

# Good files with wrong options or a wrong destination: refused just the same.
ATTEMPTS: dict[str, tuple[Callable[[Path], Path], Refusal]] = {
    "file_over_the_size_limit": (corpus.plain_valid, Refusal(
        "too_big", None, None, "limit", options=ReadOptions(max_bytes=40))),
    "unknown_sheet": (corpus.three_sheets_titles_formulas, Refusal(
        "no_sheet", None, None, "Données graphique", options=ReadOptions(sheet="Clients 2025"))),
    "header_row_beyond_the_file": (corpus.plain_valid, Refusal(
        "bad_option", None, None, "beyond", options=ReadOptions(header_row=90))),
    "wrong_decimal_mark_forced": (corpus.dotted_thousands, Refusal(
        "not_a_number", 2, "CA", "decimal mark", options=ReadOptions(decimal="."))),
    "mapping_to_no_contract_column": (corpus.plain_valid, Refusal(
        "bad_option", None, "Notes", "not a contract column",
        options=ReadOptions(column_map={"Notes": "turnover"}))),
    "period_already_stored": (corpus.plain_valid, Refusal(
        "period_exists", None, "period", "2026-Q1",
        destination={"dataset_id": 1, "period": "2026-Q1"})),
    "text_where_dataset_stores_numbers": (corpus.text_in_number_column, Refusal(
        "column_type", None, "Notes", "urgent",
        destination={"dataset_id": 1, "period": "2026-Q2"})),
    "dataset_name_taken": (corpus.plain_valid, Refusal(
        "name_taken", None, None, "already exists",
        destination={"dataset_name": "Seed portfolio"})),
    "dataset_gone": (corpus.plain_valid, Refusal(
        "no_dataset", None, None, "no dataset number 99", destination={"dataset_id": 99})),
}


def test_the_corpus_has_an_expectation_for_every_bad_file():
    assert set(EXPECTED) == set(corpus.BAD)
    assert len(corpus.BAD) + len(ATTEMPTS) + len(corpus.AWKWARD) >= 30


def _refused(db: Path, path: Path, refusal: Refusal) -> list[Problem]:
    store = open_store(db)
    try:
        with pytest.raises(InputError) as raised:
            import_file(store, path, options=refusal.options, **refusal.destination)
    finally:
        store.close()
    return raised.value.problems


def _check(problems: list[Problem], refusal: Refusal) -> None:
    matching = [p for p in problems if p.code == refusal.code and p.blocking]
    assert matching, [p.describe() for p in problems]
    problem = matching[0]
    assert problem.row == refusal.row
    assert problem.column == refusal.column
    assert refusal.cause.casefold() in problem.reason.casefold(), problem.reason


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_file_is_refused_and_the_database_is_unchanged(case, seeded_db, files):
    path = corpus.BAD[case](files)
    before = snapshot(seeded_db)
    _check(_refused(seeded_db, path, EXPECTED[case]), EXPECTED[case])
    assert snapshot(seeded_db) == before


@pytest.mark.parametrize("case", sorted(ATTEMPTS))
def test_wrong_option_or_destination_is_refused_and_changes_nothing(case, seeded_db, files):
    build, refusal = ATTEMPTS[case]
    path = build(files)
    before = snapshot(seeded_db)
    _check(_refused(seeded_db, path, refusal), refusal)
    assert snapshot(seeded_db) == before


def test_every_problem_is_reported_together(seeded_db, files):
    path = corpus.csv_file(files, "many.csv", [
        corpus.FR_HEADER, "C1;Alpha;Léa;-5;200", "C2;;Léa;100;abc", "C1;Gamma;Léa;1;2"])
    problems = _refused(seeded_db, path, Refusal("x", None, None, ""))
    found = {(p.code, p.row) for p in problems if p.blocking}
    assert {("negative", 2), ("missing_value", 3), ("not_a_number", 3),
            ("duplicate_id", 4)} <= found
