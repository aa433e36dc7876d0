"""What a changed grid moves: clients per pair of segments, before and after, for the viewer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from portfolio.access import Visibility
from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.grid.trial import with_changes
from portfolio.queries.matrix import matrix_clients
from portfolio.queries.moves import MOVE_COLUMNS, segment_moves
from portfolio.store.datasets import create_dataset

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
EVERYONE = Visibility.everyone()


def test_moves_pair_each_clients_segment_before_and_after(memory_store):
    dataset_id = create_dataset(memory_store, generate_demo(), name="demo")
    trial = with_changes(GRID, cuts={"qrc": [40]})
    moves = segment_moves(memory_store, dataset_id, GRID, trial, EVERYONE)
    assert tuple(moves.columns) == MOVE_COLUMNS
    # Worked out client by client from the two scorings.
    before = matrix_clients(memory_store, dataset_id, GRID, EVERYONE).set_index("client_id")
    after = matrix_clients(memory_store, dataset_id, trial, EVERYONE).set_index("client_id")
    pairs = pd.DataFrame({"segment_before": before["segment"],
                          "segment_after": after["segment"].reindex(before.index),
                          "revenue": before["revenue"]})
    expected = (pairs.groupby(["segment_before", "segment_after"], dropna=False)
                .agg(clients=("revenue", "size"), revenue=("revenue", "sum")).reset_index())
    merged = moves.merge(expected, on=["segment_before", "segment_after"], how="outer",
                         suffixes=("", "_expected"))
    assert (merged["clients"] == merged["clients_expected"]).all()
    assert (merged["revenue"] - merged["revenue_expected"]).abs().max() < 1e-6
    # A lower QRC cut only moves clients rightwards: develop → partners, minimal → maintain.
    moved = moves[moves["segment_before"] != moves["segment_after"]]
    assert set(zip(moved["segment_before"], moved["segment_after"])) == {
        ("develop", "partners"), ("minimal", "maintain")}
    assert moves["clients"].sum() == len(before)


def test_a_rep_sees_only_their_own_clients_move(memory_store):
    clients = generate_demo()
    dataset_id = create_dataset(memory_store, clients, name="demo")
    rep = clients["salesperson"].iloc[0]
    moves = segment_moves(memory_store, dataset_id, GRID, with_changes(GRID, cuts={"qrc": [40]}),
                          Visibility.only([rep]))
    assert moves["clients"].sum() == (clients["salesperson"] == rep).sum()
