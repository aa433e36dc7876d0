"""Scores of a dataset under a grid, computed once in SQL and kept as a table."""

from __future__ import annotations

import hashlib

from portfolio.grid.model import Grid
from portfolio.scoring.engine import column_kinds, scoring_query, score_columns
from portfolio.sql import table_name
from portfolio.store.database import Store
from portfolio.store.datasets import clients_table


# Raised whenever what a scores table holds changes, so that a database written by an
# earlier version of the app never serves a table of the old layout.
SCORES_LAYOUT = 2


def grid_key(grid: Grid) -> str:
    """A short digest of everything that changes scores (not the labels' file name)."""
    return hashlib.sha256(repr((SCORES_LAYOUT, grid.missing, grid.axes, grid.cuts, grid.segments))
                          .encode("utf-8")).hexdigest()[:16]


def scores_table(dataset_id: int, grid: Grid, version: int = 0) -> str:
    suffix = f"v{int(version)}_" if version else ""
    return table_name(f"scores_{int(dataset_id)}_{suffix}{grid_key(grid)}")


def ensure_scores(store: Store, dataset_id: int, grid: Grid, version: int = 0) -> str:
    """Name of the table holding the dataset's scores under `grid`, creating it if needed.

    Scoring is one vectorised query; keeping its result means pages only filter and
    aggregate on reruns. The table also carries the client columns, so page queries
    scan one table instead of joining clients to scores on every rerun. A file column
    named like a score column (say a CRM's own "segment") is left out of it: the
    grid can still read it, but the scores keep their names. A changed grid gets a
    new table (its key changes), and so does a new version of the dataset in a shared store.
    The table is derived data: kept in this process's DuckDB, never sent to a shared store.
    """
    table = scores_table(dataset_id, grid, version)
    with store.reading() as cur:
        if cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone():
            return table
    source = clients_table(dataset_id, version)
    with store.cache_transaction() as cur:
        if not cur.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?",
                           [table]).fetchone():
            kinds = column_kinds(cur, source)
            # DuckDB names are case-insensitive: a file's "Segment" collides with "segment".
            reserved = {name.casefold() for name in score_columns(grid)}
            passed = tuple(column for column in kinds if column.casefold() not in reserved)
            query = scoring_query(grid, source, kinds, keys=passed)
            cur.execute(f"CREATE TABLE {table} AS {query.sql}", query.params)
    return table


def drop_scores(store: Store, dataset_id: int) -> None:
    """Forget every stored scoring of a dataset (its data changed or it was deleted)."""
    prefix = f"scores_{int(dataset_id)}_"
    with store.cache_transaction() as cur:
        names = [r[0] for r in cur.execute(
            "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, ?)",
            [prefix]).fetchall()]
        for name in names:
            cur.execute(f"DROP TABLE {table_name(name)}")


def prune_scores(store: Store, grid: Grid) -> int:
    """Drop every kept scoring made under another grid than `grid`: earlier versions of
    the grid file, changes tried in sessions. Returns how many tables were dropped.

    Each grid change leaves a table per dataset behind; without this the database grows
    with every version tried. A scoring asked for again is simply recomputed.
    """
    with store.cache_transaction() as cur:
        names = [r[0] for r in cur.execute(
            "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'scores_') "
            "AND NOT ends_with(table_name, ?)", [f"_{grid_key(grid)}"]).fetchall()]
        for name in names:
            cur.execute(f"DROP TABLE {table_name(name)}")
    return len(names)
