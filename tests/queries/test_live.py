"""A client typed in is scored exactly as the same client stored and scored with its dataset."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.queries.live import grid_columns, score_values
from portfolio.sql import quote_identifier
from portfolio.view import PortfolioView
from portfolio.store.datasets import create_dataset

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")


def _same(a, b) -> bool:
    return (a is None and (b is None or (isinstance(b, float) and math.isnan(b)))) or a == pytest.approx(b)


def test_typed_values_score_as_the_stored_client(memory_store):
    clients = generate_demo()
    dataset_id = create_dataset(memory_store, clients, name="demo")
    columns = list(grid_columns(GRID))
    source = PortfolioView.open(memory_store, dataset_id, GRID).clients()
    selected = ", ".join(quote_identifier(c) for c in
                         ["attractiveness", "qrc", "segment", *columns,
                          *(f"pts_{c.id}" for c in GRID.criteria)])
    with memory_store.reading() as cur:
        # Every segment, clients with missing values included (the demo has some).
        stored = cur.execute(f"SELECT {selected} FROM {source.sql} USING SAMPLE 150 ROWS "
                             f"(reservoir, 7)", source.params).df()
    assert stored["segment"].nunique() == len(GRID.segments)
    assert stored[columns].isna().any().any()
    for row in stored.itertuples(index=False):
        client = row._asdict()
        live = score_values(GRID, {c: client[c] for c in columns})
        assert _same(live.attractiveness, client["attractiveness"])
        assert _same(live.qrc, client["qrc"])
        assert live.segment == client["segment"]
        assert [r.points for r in live.criteria] == pytest.approx(
            [client[f"pts_{c.id}"] for c in GRID.criteria], nan_ok=True)


def test_nothing_typed_yet_names_every_criterion_missing():
    live = score_values(GRID, {})
    assert len(live.missing) == len(GRID.criteria)
    # The shipped grid scores a missing value 0 points: the client sits in the lowest cell.
    assert GRID.missing == "zero"
    assert (live.attractiveness, live.qrc) == (0, 0)
    lowest = next(s for s in GRID.segments if s.cell == {"attractiveness": 0, "qrc": 0})
    assert live.segment == lowest.id


def test_a_category_criterion_asks_for_a_choice_and_bands_for_a_number():
    columns = grid_columns(GRID)
    assert columns["potential"] is True
    assert columns["market_position"] is False
