"""Text columns that repeat their values are kept as categoricals (a code per row, the
text once): the values, the problems and what is stored are exactly what plain text
gives, on every file of the corpus."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from portfolio.importing import import_file
from portfolio.reading import ReadOptions, collect, read_client_file
from portfolio.reading.collect import has_newline
from portfolio.store.database import Store
from tests.corpus import files as corpus
from tests.importing.test_corpus_imported import OPTIONS
from tests.reading.helpers import FR_HEADER, write_csv

CASES = {**corpus.AWKWARD, **corpus.BAD}


def _plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every categorical turned back into plain text."""
    return frame.apply(lambda c: c.astype("str") if isinstance(c.dtype, pd.CategoricalDtype) else c)


def _never_encode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collect, "REPEATED_SHARE", -1.0)


def test_a_repeated_column_is_categorical_and_a_unique_one_is_text(tmp_path):
    rows = [f"C{i:03d};Client {i};{'Hélène Dupré' if i % 3 else 'Marc Petit'};100;200"
            for i in range(12)]
    result = read_client_file(write_csv(tmp_path, [FR_HEADER, *rows]))
    frame = result.frame
    assert isinstance(frame["salesperson"].dtype, pd.CategoricalDtype)
    assert sorted(frame["salesperson"].cat.categories) == ["Hélène Dupré", "Marc Petit"]
    assert frame["salesperson"].tolist() == [
        "Hélène Dupré" if i % 3 else "Marc Petit" for i in range(12)]
    assert str(frame["client_id"].dtype) == str(frame["client_name"].dtype) == "str"


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_corpus_reads_the_same_with_and_without_categoricals(case, tmp_path, monkeypatch):
    path = CASES[case](tmp_path)
    options = OPTIONS.get(case, ReadOptions())
    encoded = read_client_file(path, options)
    _never_encode(monkeypatch)
    plain = read_client_file(path, options)
    assert [p.describe() for p in encoded.report.problems] == [
        p.describe() for p in plain.report.problems]
    assert not any(isinstance(t, pd.CategoricalDtype) for t in plain.frame.dtypes)
    pd.testing.assert_frame_equal(_plain_text(encoded.frame), plain.frame)


def test_the_corpus_has_repeated_columns_to_compare(tmp_path):
    """The comparison above is not empty: most corpus files have a repeated column."""
    with_categoricals = []
    for case, build in CASES.items():
        folder = tmp_path / case
        folder.mkdir()
        frame = read_client_file(build(folder), OPTIONS.get(case, ReadOptions())).frame
        if any(isinstance(t, pd.CategoricalDtype) for t in frame.dtypes):
            with_categoricals.append(case)
    assert len(with_categoricals) >= 10, with_categoricals


def _stored(db: Path, path: Path, options: ReadOptions) -> tuple[list, list]:
    store = Store(db)
    try:
        outcome = import_file(store, path, options=options, period="2026-Q2")
    finally:
        store.close()
    with duckdb.connect(str(db), read_only=True) as con:
        table = f"clients_{outcome.dataset_id}"
        types = con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                            "WHERE table_name = ? ORDER BY column_index", [table]).fetchall()
        rows = con.execute(f"SELECT * FROM {table} ORDER BY source_row").fetchall()
    return types, rows


@pytest.mark.parametrize("case", sorted(corpus.AWKWARD))
def test_the_stored_table_is_the_same_with_and_without_categoricals(case, tmp_path, monkeypatch):
    path = corpus.AWKWARD[case](tmp_path)
    options = OPTIONS.get(case, ReadOptions())
    encoded = _stored(tmp_path / "encoded.duckdb", path, options)
    _never_encode(monkeypatch)
    plain = _stored(tmp_path / "plain.duckdb", path, options)
    assert encoded == plain
    assert all(t in ("VARCHAR", "DOUBLE", "INTEGER", "DATE", "BIGINT") for _, t in encoded[0])


def test_a_repeated_period_with_empty_cells_still_finds_duplicates(tmp_path):
    header = FR_HEADER + ";Période"
    rows = ["C1;A;Rep;1;2;", "C2;B;Rep;1;2;2025", "C1;A;Rep;1;2;", "C4;D;Rep;1;2;2025",
            "C5;E;Rep;1;2;2025"]
    result = read_client_file(write_csv(tmp_path, [header, *rows]))
    assert isinstance(result.frame["period"].dtype, pd.CategoricalDtype)
    [duplicate] = [p for p in result.report.problems if p.code == "duplicate_id"]
    assert (duplicate.row, duplicate.value) == (4, "C1")


def test_a_misplaced_quote_is_found_in_a_repeated_column(tmp_path):
    # The notes repeat ("RAS"), so the column is encoded; one note swallowed two rows.
    header = FR_HEADER + ";Notes"
    rows = [f"C{i};Client {i};Rep;1;2;RAS" for i in range(8)]
    rows[3] = 'C3;Client 3;Rep;1;2;"RAS'
    rows[5] = 'C5;Client 5;Rep;1;2;RAS"'
    result = read_client_file(write_csv(tmp_path, [header, *rows]))
    assert isinstance(result.frame["Notes"].dtype, pd.CategoricalDtype)
    [merged] = [p for p in result.report.problems if p.code == "unclosed_quote"]
    assert (merged.row, merged.column, merged.blocking) == (5, "Notes", True)


def test_newlines_are_found_in_plain_and_encoded_text():
    values = ["a", "b\nc", None, "a", "b\nc", "d"]
    plain = pa.chunked_array([pa.array(values[:3], pa.large_string()),
                              pa.array(values[3:], pa.large_string())])
    encoded = pa.chunked_array([c.dictionary_encode() for c in plain.chunks])
    expected = [False, True, False, False, True, False]
    assert has_newline(plain).tolist() == expected
    assert has_newline(encoded).tolist() == expected
    assert has_newline(pa.chunked_array([], pa.large_string())).dtype == np.dtype(bool)
