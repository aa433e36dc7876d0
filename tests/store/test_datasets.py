"""Datasets in the store: new periods, renaming and deleting, all or nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from portfolio.store.datasets import (ColumnTypeConflict, DatasetNameTaken, DatasetNotFound,
                                      InvalidDatasetName, PeriodExists, add_period,
                                      create_dataset, delete_dataset, find_dataset, get_dataset,
                                      list_datasets, rename_dataset)
from portfolio.store.scores import ensure_scores
from tests.scoring.gridkit import bands, grid_2x2


def clients(ids, revenue=100.0, **extra) -> pd.DataFrame:
    frame = pd.DataFrame({"client_id": ids, "client_name": [f"Client {i}" for i in ids],
                          "salesperson": "Ana", "revenue": revenue, "potential": 1000.0,
                          "source_row": range(2, 2 + len(ids))})
    for name, values in extra.items():
        frame[name] = values
    return frame


def tables(store) -> set[str]:
    with store.reading() as cur:
        return {r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def test_a_new_period_adds_rows_and_new_custom_columns(memory_store):
    first = create_dataset(memory_store, clients(["a", "b"], Notes=["x", "y"]), name="Team",
                           source="q1.csv", period="2026-Q1")
    added = add_period(memory_store, first, clients(["a", "c", "d"], 50.0, Score=[1.0, 2.0, 3.0]),
                       source="q2.csv", period="2026-Q2")
    assert added == ("2026-Q2",)
    dataset = get_dataset(memory_store, first)
    assert dataset.periods == ("2026-Q1", "2026-Q2") and dataset.rows == 5
    with memory_store.reading() as cur:
        rows = cur.execute(f"SELECT period, client_id, revenue, \"Notes\", \"Score\" "
                           f"FROM {get_dataset(memory_store, first).table} ORDER BY period, client_id").fetchall()
        periods = cur.execute("SELECT period, source, rows FROM dataset_periods "
                              "ORDER BY period").fetchall()
    assert rows == [("2026-Q1", "a", 100.0, "x", None), ("2026-Q1", "b", 100.0, "y", None),
                    ("2026-Q2", "a", 50.0, None, 1.0), ("2026-Q2", "c", 50.0, None, 2.0),
                    ("2026-Q2", "d", 50.0, None, 3.0)]
    assert periods == [("2026-Q1", "q1.csv", 2), ("2026-Q2", "q2.csv", 3)]


def test_periods_may_come_from_the_file(memory_store):
    first = create_dataset(memory_store, clients(["a"]), name="Team", period="2025-Q4")
    frame = clients(["a", "b", "c"], period=["2026-Q1", "2026-Q2", ""])
    assert add_period(memory_store, first, frame, period="2026-Q3") == ("2026-Q1", "2026-Q2", "2026-Q3")
    assert get_dataset(memory_store, first).periods == ("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")


def test_a_stored_period_is_never_overwritten(memory_store):
    first = create_dataset(memory_store, clients(["a"]), name="Team", period="2026-Q1")
    before = tables(memory_store)
    with pytest.raises(PeriodExists) as refused:
        add_period(memory_store, first, clients(["z"], NewColumn=[1.0]), period="2026-Q1")
    assert refused.value.periods == ("2026-Q1",)
    with memory_store.reading() as cur:
        assert cur.execute(f"SELECT client_id FROM {get_dataset(memory_store, first).table}").fetchall() == [("a",)]
        assert [r[0] for r in cur.execute(f"DESCRIBE {get_dataset(memory_store, first).table}").fetchall()][-1] != "NewColumn"
    assert tables(memory_store) == before


def test_text_in_a_numeric_custom_column_is_refused(memory_store):
    first = create_dataset(memory_store, clients(["a"], Score=[1.5]), name="Team", period="p1")
    with pytest.raises(ColumnTypeConflict) as refused:
        add_period(memory_store, first, clients(["b", "c"], Score=["2", "high"]), period="p2")
    assert (refused.value.column, refused.value.value) == ("Score", "high")
    assert get_dataset(memory_store, first).periods == ("p1",)


def test_numbers_that_read_as_numbers_go_into_a_numeric_column(memory_store):
    first = create_dataset(memory_store, clients(["a"], Score=[1.5]), name="Team", period="p1")
    add_period(memory_store, first, clients(["b"], score=[2.0]), period="p2")
    with memory_store.reading() as cur:
        assert cur.execute(f"SELECT \"Score\" FROM {get_dataset(memory_store, first).table} ORDER BY period").fetchall() == [
            (1.5,), (2.0,)]


def _scores(store, dataset_id: int, grid) -> str:
    return ensure_scores(store, dataset_id, grid, get_dataset(store, dataset_id).version)


def test_scores_of_a_dataset_are_recomputed_after_a_new_period(memory_store, store_kind):
    grid = grid_2x2(attractiveness=[bands("potential", 1, (0, 1))],
                    qrc=[bands("revenue", 1, (0, 1))])
    first = create_dataset(memory_store, clients(["a"]), name="Team", period="p1")
    old = _scores(memory_store, first, grid)
    add_period(memory_store, first, clients(["b"]), period="p2")
    if store_kind == "duckdb":  # the table changed in place: its scores are dropped
        assert old not in tables(memory_store)
    new = _scores(memory_store, first, grid)
    with memory_store.reading() as cur:
        assert cur.execute(f"SELECT count(*) FROM {new}").fetchone() == (2,)
        if store_kind == "postgresql":  # a new version: a page begun on the old one reads it on
            assert new != old and cur.execute(f"SELECT count(*) FROM {old}").fetchone() == (1,)


def test_rename_keeps_names_unique(memory_store):
    first = create_dataset(memory_store, clients(["a"]), name="North")
    create_dataset(memory_store, clients(["a"]), name="South")
    rename_dataset(memory_store, first, "  North   2026 ")
    assert find_dataset(memory_store, "North 2026").dataset_id == first
    with pytest.raises(DatasetNameTaken):
        rename_dataset(memory_store, first, "South")
    with pytest.raises(InvalidDatasetName):
        rename_dataset(memory_store, first, "   ")
    with pytest.raises(DatasetNotFound):
        rename_dataset(memory_store, 42, "East")
    assert sorted(d.name for d in list_datasets(memory_store)) == ["North 2026", "South"]


def test_delete_drops_the_clients_and_every_scoring(memory_store):
    grid = grid_2x2(attractiveness=[bands("potential", 1, (0, 1))],
                    qrc=[bands("revenue", 1, (0, 1))])
    first = create_dataset(memory_store, clients(["a"]), name="North")
    second = create_dataset(memory_store, clients(["b"]), name="South")
    _scores(memory_store, first, grid)
    second_table = get_dataset(memory_store, second).table
    kept = _scores(memory_store, second, grid)
    delete_dataset(memory_store, first)
    assert [d.name for d in list_datasets(memory_store)] == ["South"]
    remaining = tables(memory_store)
    assert not {t for t in remaining if t.startswith(f"scores_{first}_") or t.startswith(f"clients_{first}")}
    assert {second_table, kept} <= remaining
    with memory_store.reading() as cur:
        assert cur.execute("SELECT count(*) FROM dataset_periods WHERE dataset_id = ?",
                           [first]).fetchone() == (0,)
    with pytest.raises(DatasetNotFound):
        delete_dataset(memory_store, first)
