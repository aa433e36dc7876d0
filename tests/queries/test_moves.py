"""What a changed grid moves: clients per pair of segments, before and after, for the viewer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from portfolio.access import Visibility
from portfolio.demo import generate_demo
from portfolio.grid.loader import load_grid
from portfolio.grid.trial import with_changes
from portfolio.queries.matrix import matrix_clients
from portfolio.queries.moves import MOVE_COLUMNS, changed, segment_moves, summarise
from portfolio.store.datasets import create_dataset
from portfolio.view import PortfolioView
from tests.periods_kit import END, GAINED, LOST, START, two_period_clients

GRID = load_grid(Path(__file__).resolve().parents[2] / "config" / "grids" / "default.yaml")
EVERYONE = Visibility.everyone()


def test_moves_pair_each_clients_segment_before_and_after(memory_store):
    dataset_id = create_dataset(memory_store, generate_demo(), name="demo")
    trial = with_changes(GRID, cuts={"qrc": [40]})
    moves = segment_moves(PortfolioView.open(memory_store, dataset_id, GRID),
                          PortfolioView.open(memory_store, dataset_id, trial))
    assert tuple(moves.columns) == MOVE_COLUMNS
    # Worked out client by client from the two scorings.
    before = matrix_clients(PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE)).set_index("client_id")
    after = matrix_clients(PortfolioView.open(memory_store, dataset_id, trial, EVERYONE)).set_index("client_id")
    pairs = pd.DataFrame({"segment_before": before["segment"],
                          "segment_after": after["segment"].reindex(before.index),
                          "revenue": before["revenue"]})
    expected = (pairs.groupby(["segment_before", "segment_after"], dropna=False)
                .agg(clients=("revenue", "size"), revenue=("revenue", "sum")).reset_index())
    merged = moves.merge(expected, on=["segment_before", "segment_after"], how="outer",
                         suffixes=("", "_expected"))
    assert (merged["clients"] == merged["clients_expected"]).all()
    assert (merged["revenue_before"] - merged["revenue"]).abs().max() < 1e-6
    # One period, one set of clients: everyone is on both sides, with the same revenue.
    assert moves["present_before"].all() and moves["present_after"].all()
    assert (moves["revenue_after"] == moves["revenue_before"]).all()
    # A lower QRC cut only moves clients rightwards: develop → partners, minimal → maintain.
    moved = changed(moves)
    assert set(zip(moved["segment_before"], moved["segment_after"])) == {
        ("develop", "partners"), ("minimal", "maintain")}
    assert moves["clients"].sum() == len(before)
    summary = summarise(moves)
    assert (summary.clients, summary.moved) == (len(before), moved["clients"].sum())
    assert summary.moved_revenue_share == pytest.approx(
        moved["revenue_before"].sum() / before["revenue"].sum())


def test_a_rep_sees_only_their_own_clients_move(memory_store):
    clients = generate_demo()
    dataset_id = create_dataset(memory_store, clients, name="demo")
    rep = clients["salesperson"].iloc[0]
    view = PortfolioView.open(memory_store, dataset_id, GRID, Visibility.only([rep]))
    moves = segment_moves(view, view.with_grid(with_changes(GRID, cuts={"qrc": [40]})))
    assert moves["clients"].sum() == (clients["salesperson"] == rep).sum()


def test_moves_between_two_periods_count_gained_lost_and_moved_clients(memory_store):
    dataset_id = create_dataset(memory_store, two_period_clients(), name="two periods")
    view = PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE)
    moves = segment_moves(view.at_period(START), view.at_period(END))
    lost = moves[~moves["present_after"]]
    gained = moves[~moves["present_before"]]
    assert lost["clients"].sum() == LOST and lost["revenue_after"].sum() == 0
    assert gained["clients"].sum() == GAINED and gained["revenue_before"].sum() == 0
    assert moves["clients"].sum() == 300 + GAINED
    before = matrix_clients(PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE, START)).set_index("client_id")["segment"]
    after = matrix_clients(PortfolioView.open(memory_store, dataset_id, GRID, EVERYONE, END)).set_index("client_id")["segment"]
    both = before.index.intersection(after.index)
    switched = int((before[both].fillna("") != after[both].fillna("")).sum())
    assert switched > 0  # a doubled share of wallet moves some clients rightwards
    kept = changed(moves)
    assert kept[kept["present_before"] & kept["present_after"]]["clients"].sum() == switched
