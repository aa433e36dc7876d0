"""Datasets: each import is stored as a new dataset (or a new period of one), never overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from portfolio.contract import COLUMNS, Kind
from portfolio.sql import quote_identifier, table_name
from portfolio.store.database import Store

_SQL_TYPES = {
    Kind.TEXT: "VARCHAR", Kind.CATEGORY: "VARCHAR", Kind.NUMBER: "DOUBLE",
    Kind.RATIO: "DOUBLE", Kind.INTEGER: "INTEGER", Kind.DATE: "DATE",
}
# Columns every clients table has, whatever the file held: pages and scoring can
# rely on them (an absent optional column is simply empty).
BASE_COLUMNS: dict[str, str] = {c.name: _SQL_TYPES[c.kind] for c in COLUMNS}
BASE_COLUMNS["source_row"] = "BIGINT"


@dataclass(frozen=True)
class Dataset:
    dataset_id: int
    name: str
    source: str | None
    imported_at: datetime
    is_demo: bool
    rows: int
    periods: tuple[str, ...]

    @property
    def latest_period(self) -> str | None:
        return self.periods[-1] if self.periods else None


class DatasetNameTaken(ValueError):
    """Another dataset already has this name."""


def clients_table(dataset_id: int) -> str:
    return table_name(f"clients_{int(dataset_id)}")


def _select_for_table(frame_columns: list[str], default_period: str) -> str:
    """SELECT list casting the frame's columns to the stored types; absent ones are NULL."""
    parts = []
    for name, sql_type in BASE_COLUMNS.items():
        column = quote_identifier(name)
        if name == "period":
            source = f"CAST({column} AS VARCHAR)" if name in frame_columns else "NULL"
            parts.append(f"coalesce(nullif(trim({source}), ''), ?) AS {column}")
        elif name in frame_columns:
            parts.append(f"CAST({column} AS {sql_type}) AS {column}")
        else:
            parts.append(f"CAST(NULL AS {sql_type}) AS {column}")
    parts += [quote_identifier(c) for c in frame_columns if c not in BASE_COLUMNS]
    return ", ".join(parts)


def create_dataset(store: Store, frame: pd.DataFrame, *, name: str, source: str | None = None,
                   period: str | None = None, is_demo: bool = False) -> int:
    """Store a validated client frame as a new dataset, in one transaction; returns its id."""
    default_period = period or date.today().isoformat()
    with store.transaction() as cur:
        if cur.execute("SELECT 1 FROM datasets WHERE name = ?", [name]).fetchone():
            raise DatasetNameTaken(f"A dataset named {name!r} already exists: choose another name.")
        dataset_id = cur.execute("SELECT nextval('dataset_ids')").fetchone()[0]
        now = datetime.now().replace(microsecond=0)
        cur.execute("INSERT INTO datasets VALUES (?, ?, ?, ?, ?)",
                    [dataset_id, name, source, now, is_demo])
        cur.register("incoming_frame", frame)
        table = clients_table(dataset_id)
        cur.execute(f"CREATE TABLE {table} AS SELECT "
                    f"{_select_for_table(list(frame.columns), default_period)} FROM incoming_frame",
                    [default_period])
        cur.unregister("incoming_frame")
        cur.execute(f"INSERT INTO dataset_periods SELECT ?, period, ?, ?, count(*) FROM {table} "
                    f"GROUP BY period", [dataset_id, source, now])
    return int(dataset_id)


def list_datasets(store: Store) -> list[Dataset]:
    with store.reading() as cur:
        rows = cur.execute("""
            SELECT d.dataset_id, d.name, d.source, d.imported_at, d.is_demo,
                   coalesce(sum(p.rows), 0), list(p.period ORDER BY p.period)
            FROM datasets d LEFT JOIN dataset_periods p USING (dataset_id)
            GROUP BY ALL ORDER BY d.imported_at, d.dataset_id""").fetchall()
    return [Dataset(int(r[0]), r[1], r[2], r[3], bool(r[4]), int(r[5]),
                    tuple(p for p in r[6] if p is not None)) for r in rows]


def get_dataset(store: Store, dataset_id: int) -> Dataset | None:
    return next((d for d in list_datasets(store) if d.dataset_id == dataset_id), None)


def find_dataset(store: Store, name: str) -> Dataset | None:
    return next((d for d in list_datasets(store) if d.name == name), None)


def table_columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = cur.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                       "ORDER BY column_index", [table]).fetchall()
    return [r[0] for r in rows]
