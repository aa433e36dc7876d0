"""Revenue objectives kept for a rep and a period, with the share-of-wallet moves chosen.

Storage only: who may save or read one is decided in `portfolio.objectives`. One objective
per dataset, salesperson and period (saving again replaces it); its moves are one row per
client named, so that the outcome a period later is one join against that period's clients.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import duckdb

from portfolio.store.database import Store

if TYPE_CHECKING:  # datasets.py imports this module, and a command-line import runs without pandas
    import pandas as pd

OBJECTIVES = "objectives"
MOVES = "objective_moves"
_CREATE = (
    f"""CREATE TABLE IF NOT EXISTS {OBJECTIVES} (
        dataset_id     INTEGER NOT NULL,
        salesperson    VARCHAR NOT NULL,
        period         VARCHAR NOT NULL,
        growth         DOUBLE NOT NULL,
        target_rule    VARCHAR NOT NULL,
        revenue_before DOUBLE NOT NULL,
        objective      DOUBLE NOT NULL,
        planned_gain   DOUBLE NOT NULL,
        saved_by       VARCHAR NOT NULL,
        saved_role     VARCHAR NOT NULL,
        saved_at       TIMESTAMP NOT NULL,
        PRIMARY KEY (dataset_id, salesperson, period)
    )""",
    f"""CREATE TABLE IF NOT EXISTS {MOVES} (
        dataset_id   INTEGER NOT NULL,
        salesperson  VARCHAR NOT NULL,
        period       VARCHAR NOT NULL,
        rank         INTEGER NOT NULL,
        client_id    VARCHAR NOT NULL,
        client_name  VARCHAR,
        segment      VARCHAR,
        potential    DOUBLE NOT NULL,
        sow_before   DOUBLE NOT NULL,
        sow_target   DOUBLE NOT NULL,
        revenue_gain DOUBLE NOT NULL,
        PRIMARY KEY (dataset_id, salesperson, period, client_id)
    )""",
)
# The columns of a plan's moves (`portfolio.structure.ObjectivePlan.moves`) that are kept.
MOVE_COLUMNS = ("client_id", "client_name", "segment", "potential", "current_sow", "target_sow",
                "revenue_gain")
_INCOMING = "incoming_objective_moves"
_KEY = "dataset_id = ? AND salesperson = ? AND period = ?"


def has_objectives(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether any objective was ever saved in this database (the tables are made on first save)."""
    return bool(cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?",
                            [OBJECTIVES]).fetchall())


def write_objective(cur: duckdb.DuckDBPyConnection, *, dataset_id: int, salesperson: str,
                    period: str, growth: float, target_rule: str, revenue_before: float,
                    objective: float, planned_gain: float, saved_by: str, saved_role: str,
                    moves: pd.DataFrame) -> datetime:
    """Keep an objective and its moves (MOVE_COLUMNS, in the order clients are taken) inside
    the caller's transaction, replacing the one saved before for the same key; returns
    when it was saved."""
    for statement in _CREATE:
        cur.execute(statement)
    key = [int(dataset_id), salesperson, period]
    cur.execute(f"DELETE FROM {MOVES} WHERE {_KEY}", key)
    cur.execute(f"DELETE FROM {OBJECTIVES} WHERE {_KEY}", key)
    saved_at = datetime.now()
    cur.execute(f"INSERT INTO {OBJECTIVES} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*key, float(growth), target_rule, float(revenue_before), float(objective),
                 float(planned_gain), saved_by, saved_role, saved_at])
    frame = moves.loc[:, list(MOVE_COLUMNS)].reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    cur.register(_INCOMING, frame)
    try:
        cur.execute(f"INSERT INTO {MOVES} SELECT ?, ?, ?, rank, CAST(client_id AS VARCHAR), "
                    f"client_name, segment, potential, current_sow, target_sow, revenue_gain "
                    f"FROM {_INCOMING}", key)
    finally:
        cur.unregister(_INCOMING)
    return saved_at


def read_objective(store: Store, dataset_id: int, salesperson: str,
                   period: str) -> tuple | None:
    """The objective's row (the table's columns after the key), None when none was saved."""
    with store.reading() as cur:
        if not has_objectives(cur):
            return None
        rows = cur.execute(
            f"SELECT growth, target_rule, revenue_before, objective, planned_gain, saved_by, "
            f"saved_role, saved_at FROM {OBJECTIVES} WHERE {_KEY}",
            [int(dataset_id), salesperson, period]).fetchall()
    return rows[0] if rows else None


def read_moves(store: Store, dataset_id: int, salesperson: str, period: str,
               segment_order: list[str]) -> tuple[list[tuple], list[tuple]]:
    """The objective's moves, in the order the clients were taken (rank, client_id,
    client_name, segment, sow_before, sow_target, revenue_gain), and per segment in
    `segment_order` (segments not in it last): segment, clients, average share-of-wallet
    points asked, revenue expected."""
    key = [int(dataset_id), salesperson, period]
    with store.reading() as cur:
        moves = cur.execute(
            f"SELECT rank, client_id, client_name, segment, sow_before, sow_target, revenue_gain "
            f"FROM {MOVES} WHERE {_KEY} ORDER BY rank", key).fetchall()
        segments = cur.execute(
            f"SELECT segment, count(*), avg(100 * (sow_target - sow_before)), sum(revenue_gain) "
            f"FROM {MOVES} WHERE {_KEY} GROUP BY segment "
            f"ORDER BY coalesce(list_position(?::VARCHAR[], segment), 2147483647), segment",
            [*key, list(segment_order)]).fetchall()
    return moves, segments


def moves_source() -> str:
    """The moves of one objective as a subquery, its three `?` the key (for outcome joins)."""
    return f"(SELECT * FROM {MOVES} WHERE {_KEY})"


def forget_objectives(cur: duckdb.DuckDBPyConnection, dataset_id: int) -> None:
    """Drop every objective of a dataset (it is being deleted), inside the caller's transaction."""
    if not has_objectives(cur):
        return
    cur.execute(f"DELETE FROM {MOVES} WHERE dataset_id = ?", [int(dataset_id)])
    cur.execute(f"DELETE FROM {OBJECTIVES} WHERE dataset_id = ?", [int(dataset_id)])
